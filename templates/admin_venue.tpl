{{%AUTOESCAPE context="HTML"}}{{!-- admin_venue.tpl: one venue and the form to change it. --}}
{{>REFERENCE_NAV}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/venues">Места проведения</a></nav>
<h1>{{NAME}}</h1>
<dl class="facts">
<dt>Адрес</dt><dd>{{ADDRESS}}</dd>
<dt>Тип</dt><dd>{{KIND}}</dd>
<dt>Вместимость</dt><dd>{{#CAPACITY}}{{N}}{{/CAPACITY}}{{#NO_CAPACITY}}не ограничена{{/NO_CAPACITY}}</dd>
{{#TERRITORY}}<dt>Территория</dt><dd><a href="/admin/territories/{{ID}}">{{NAME}}</a></dd>
{{/TERRITORY}}</dl>
{{#CAN_CHANGE}}<h2 id="edit">Изменить</h2>
{{>FORM}}
{{/CAN_CHANGE}}
