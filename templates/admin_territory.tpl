{{%AUTOESCAPE context="HTML"}}{{!-- admin_territory.tpl: one territory: its level, what it belongs to and consists of, the form to rename it. --}}
{{>REFERENCE_NAV}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/territories">Территории</a></nav>
<h1>{{NAME}}</h1>
<dl class="facts">
<dt>Уровень</dt><dd>{{LEVEL}}</dd>
{{#PARENT}}<dt>Входит в</dt><dd><a href="/admin/territories/{{ID}}">{{NAME}}</a></dd>
{{/PARENT}}{{#PARTS}}<dt>Состоит из</dt><dd><ul>
{{#PART}}<li><a href="/admin/territories/{{ID}}">{{NAME}}</a></li>
{{/PART}}</ul></dd>
{{/PARTS}}<dt>Мест проведения</dt><dd>{{VENUES}}</dd>
<dt>Встреч</dt><dd><a href="/admin/meetings?territory={{ID}}">{{MEETINGS}}</a></dd>
</dl>
{{#CAN_CHANGE}}<h2 id="rename">Переименовать</h2>
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/territories/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-name">Название</label>
<input id="f-name" name="name" value="{{name}}" maxlength="200" required{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
{{#name_error}}<p class="field-error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
</div>
<div class="actions"><button type="submit">Сохранить</button></div>
</form>
{{/CAN_CHANGE}}
