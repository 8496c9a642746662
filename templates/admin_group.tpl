{{%AUTOESCAPE context="HTML"}}{{!-- admin_group.tpl: one information group: territory, leader, secretary, members; the form to change it. --}}
{{>REFERENCE_NAV}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/groups">Информационные группы</a></nav>
<h1>{{NAME}}</h1>
<dl class="facts">
{{#TERRITORY}}<dt>Территория</dt><dd><a href="/admin/territories/{{ID}}">{{NAME}}</a></dd>
{{/TERRITORY}}<dt>Руководитель</dt><dd>{{#LEADER}}<a href="/admin/people/{{ID}}">{{NAME}}</a>{{/LEADER}}{{#NO_LEADER}}не назначен{{/NO_LEADER}}</dd>
<dt>Секретарь</dt><dd>{{#SECRETARY}}<a href="/admin/people/{{ID}}">{{NAME}}</a>{{/SECRETARY}}{{#NO_SECRETARY}}не назначен{{/NO_SECRETARY}}</dd>
<dt>Члены группы</dt><dd>{{#MEMBERS}}<ul>
{{#MEMBER}}<li><a href="/admin/people/{{ID}}">{{NAME}}</a></li>
{{/MEMBER}}</ul>{{/MEMBERS}}{{#NO_MEMBERS}}пока никого{{/NO_MEMBERS}}</dd>
<dt>Создана</dt><dd>{{CREATED}}</dd>
</dl>
{{#CAN_CHANGE}}<h2 id="edit">Изменить</h2>
{{>FORM}}
{{/CAN_CHANGE}}
