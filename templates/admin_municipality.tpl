{{%AUTOESCAPE context="HTML"}}{{!-- admin_municipality.tpl: one municipality's card and the form to change it. --}}
{{>REFERENCE_NAV}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/municipalities">Муниципальные образования</a></nav>
<h1>{{NAME}}</h1>
<dl class="facts">
<dt>Вид</dt><dd>{{KIND}}</dd>
<dt>Официальное наименование</dt><dd>{{OFFICIAL_NAME}}</dd>
<dt>Администрация</dt><dd>{{ADMINISTRATION}}</dd>
<dt>Глава</dt><dd>{{HEAD}}</dd>
<dt>Код в номерах обращений</dt><dd>{{CODE}}</dd>
<dt>Страница на сайте</dt><dd><a href="/m/{{SLUG}}">/m/{{SLUG}}</a></dd>
{{#DISTRICT}}<dt>Входит в</dt><dd><a href="/admin/municipalities/{{ID}}">{{NAME}}</a></dd>
{{/DISTRICT}}{{#SETTLEMENTS}}<dt>Поселения</dt><dd><ul>
{{#SETTLEMENT}}<li><a href="/admin/municipalities/{{ID}}">{{NAME}}</a></li>
{{/SETTLEMENT}}</ul></dd>
{{/SETTLEMENTS}}</dl>
{{#CAN_CHANGE}}<h2 id="edit">Изменить</h2>
{{>FORM}}
{{/CAN_CHANGE}}
