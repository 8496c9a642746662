{{%AUTOESCAPE context="HTML"}}{{!-- admin_person.tpl: one person of the directory with contacts, and the form to change the entry. --}}
{{>REFERENCE_NAV}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/people">Люди</a></nav>
<h1>{{FULL_NAME}}</h1>
<dl class="facts">
<dt>Должность</dt><dd>{{POSITION}}</dd>
<dt>Организация</dt><dd>{{ORGANISATION}}</dd>
<dt>Категория</dt><dd>{{CATEGORY}}</dd>
<dt>Электронная почта</dt><dd>{{EMAIL}}</dd>
<dt>Телефон</dt><dd>{{PHONE}}</dd>
</dl>
{{#CAN_CHANGE}}<h2 id="edit">Изменить</h2>
{{>FORM}}
{{/CAN_CHANGE}}
