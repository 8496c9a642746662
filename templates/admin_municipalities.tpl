{{%AUTOESCAPE context="HTML"}}{{!-- admin_municipalities.tpl: the municipal district and its settlements, and the form for a new municipality. --}}
{{>REFERENCE_NAV}}
<h1>Муниципальные образования</h1>
<p>Район и входящие в него поселения: у каждого свой глава, администрация, встречи и реестр обращений. Территории (микрорайоны, населённые пункты) — части одного муниципального образования.</p>
<div class="table-scroll" role="region" aria-labelledby="municipalities-caption" tabindex="0">
<table class="list">
<caption id="municipalities-caption">Муниципальные образования: районы и их поселения</caption>
<thead><tr><th scope="col">Название</th><th scope="col">Вид</th><th scope="col">Входит в</th><th scope="col">Глава</th><th scope="col">Код в номерах обращений</th><th scope="col">Страница на сайте</th></tr></thead>
<tbody>
{{#MUNICIPALITY}}<tr>
<td><a href="/admin/municipalities/{{ID}}">{{NAME}}</a></td><td>{{KIND}}</td><td>{{DISTRICT}}</td><td>{{HEAD}}</td><td>{{CODE}}</td><td><a href="/m/{{SLUG}}">/m/{{SLUG}}</a></td>
</tr>
{{/MUNICIPALITY}}</tbody>
</table>
</div>
{{#CAN_CHANGE}}<h2 id="new-municipality">Новое муниципальное образование</h2>
{{>FORM}}
{{/CAN_CHANGE}}
