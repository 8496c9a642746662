{{%AUTOESCAPE context="HTML"}}{{!-- admin_media.tpl: the media list (editors every announcement is mailed to) and the form for a new contact. --}}
<h1>Список СМИ для рассылки</h1>
<p>Каждое объявление о встрече, изменение и отмена рассылаются по активным адресам этого списка. {{#BODIES}}Встречи поселения получают СМИ поселения и его района; встречи района — СМИ района.{{/BODIES}} {{ACTIVE_COUNT}}</p>
{{#NO_CONTACTS}}<p>Список пока пуст.</p>
{{/NO_CONTACTS}}{{#HAS_CONTACTS}}<div class="table-scroll" role="region" aria-labelledby="media-caption" tabindex="0">
<table class="list">
<caption id="media-caption">Адреса СМИ: сначала получающие рассылку</caption>
<thead><tr><th scope="col">СМИ или редактор</th><th scope="col">Электронная почта</th>{{#BODIES}}<th scope="col">Муниципальное образование</th>{{/BODIES}}<th scope="col">Рассылка</th></tr></thead>
<tbody>
{{#CONTACT}}<tr>
<td><a href="/admin/media/{{ID}}">{{NAME}}</a></td><td>{{EMAIL}}</td>{{#BODIES}}<td>{{BODY}}</td>{{/BODIES}}<td>{{#ACTIVE}}получает{{/ACTIVE}}{{#INACTIVE}}отключена{{/INACTIVE}}</td>
</tr>
{{/CONTACT}}</tbody>
</table>
</div>{{/HAS_CONTACTS}}
<h2 id="new-contact">Новый адрес</h2>
{{>FORM}}
