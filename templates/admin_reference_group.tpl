{{%AUTOESCAPE context="HTML"}}{{!-- admin_reference_group.tpl: one reference group: description, participants; the form to change it. --}}
{{>REFERENCE_NAV}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/reference-groups">Референтные группы</a></nav>
<h1>{{NAME}}</h1>
{{#BODY}}<p>Муниципальное образование: {{NAME}}</p>
{{/BODY}}{{#SUMMARY}}<p>{{TEXT}}</p>
{{/SUMMARY}}{{#NO_MEMBERS}}<p>Участников пока нет: рассылка этой группе никому не уйдёт.</p>{{/NO_MEMBERS}}
{{#HAS_MEMBERS}}<div class="table-scroll" role="region" aria-labelledby="members-caption" tabindex="0">
<table class="list">
<caption id="members-caption">Участники группы (получают анонсы встреч, отмеченных для группы)</caption>
<thead><tr><th scope="col">Имя</th><th scope="col">Организация</th><th scope="col">Электронная почта</th><th scope="col">Согласие на рассылку (152-ФЗ)</th></tr></thead>
<tbody>
{{#MEMBER}}<tr>
<td>{{NAME}}</td><td>{{ORGANISATION}}</td><td>{{EMAIL}}</td><td>{{#GIVEN}}{{TEXT}}{{/GIVEN}}{{#WITHDRAWN}}<strong class="late">{{TEXT}}</strong>{{/WITHDRAWN}}{{#NOT_RECORDED}}<strong>не записано</strong>: письма идут со ссылкой для отказа; укажите в форме, как получено согласие{{/NOT_RECORDED}}</td>
</tr>
{{/MEMBER}}</tbody>
</table>
</div>{{/HAS_MEMBERS}}
{{#CAN_CHANGE}}<h2 id="edit">Изменить</h2>
{{>FORM}}
{{/CAN_CHANGE}}
