{{%AUTOESCAPE context="HTML"}}{{!-- admin_reference_groups.tpl: every reference group (decree № 1617-па on reference groups) and the form for a new one. --}}
{{>REFERENCE_NAV}}
<h1>Референтные группы</h1>
<p>Референтная группа — заинтересованные жители и организации, которых администрация адресно информирует о своей деятельности (постановление от 28.09.2018 № 1617-па). Анонс встречи рассылается группам, отмеченным в форме встречи.</p>
{{#BODIES}}<p>Группа принадлежит муниципальному образованию: её можно выбрать для встреч, обсуждений и опросов этого муниципального образования, а группу района — и для его поселений.</p>{{/BODIES}}
{{#NO_GROUPS}}<p>Групп пока нет.</p>{{/NO_GROUPS}}
{{#HAS_GROUPS}}<div class="table-scroll" role="region" aria-labelledby="reference-groups-caption" tabindex="0">
<table class="list">
<caption id="reference-groups-caption">Референтные группы</caption>
<thead><tr><th scope="col">Группа</th>{{#BODIES}}<th scope="col">Муниципальное образование</th>{{/BODIES}}<th scope="col">Описание</th><th scope="col">Участников</th></tr></thead>
<tbody>
{{#GROUP}}<tr>
<td><a href="/admin/reference-groups/{{ID}}">{{NAME}}</a></td>{{#BODY}}<td>{{NAME}}</td>{{/BODY}}<td>{{SUMMARY}}</td><td>{{MEMBERS}}</td>
</tr>
{{/GROUP}}</tbody>
</table>
</div>{{/HAS_GROUPS}}
{{#CAN_CHANGE}}<h2 id="new-reference-group">Новая группа</h2>
{{>FORM}}
{{/CAN_CHANGE}}
