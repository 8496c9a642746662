{{%AUTOESCAPE context="HTML"}}{{!-- admin_topic.tpl: one entry of the classifier of appeals: its code, level, place in the tree and state, the forms to rename it and to switch it off or on. --}}
{{>REFERENCE_NAV}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/topics">Темы обращений</a></nav>
<h1>{{CODE}} {{NAME}}</h1>
<dl class="facts">
<dt>Код</dt><dd>{{CODE}}</dd>
<dt>Уровень</dt><dd>{{LEVEL}}</dd>
{{#PARENT}}<dt>Входит в</dt><dd><a href="{{HREF}}">{{CODE}} {{NAME}}</a></dd>
{{/PARENT}}{{#PARTS}}<dt>Состоит из</dt><dd><ul>
{{#PART}}<li><a href="{{HREF}}">{{CODE}} {{NAME}}</a>{{#INACTIVE}} — не используется{{/INACTIVE}}</li>
{{/PART}}</ul></dd>
{{/PARTS}}<dt>Состояние</dt><dd>{{#ACTIVE}}используется{{/ACTIVE}}{{#INACTIVE}}не используется: для новых обращений не предлагается{{/INACTIVE}}</dd>
</dl>
{{#CAN_CHANGE}}<h2 id="rename">Переименовать</h2>
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/topics/item">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="topic" value="{{CODE}}">
<div class="field">
<label for="f-name">Название</label>
<input id="f-name" name="name" value="{{name}}" maxlength="200" required{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
{{#name_error}}<p class="field-error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
</div>
<div class="actions"><button type="submit">Сохранить</button></div>
</form>
<h2 id="state">Использование</h2>
<form class="form" method="post" action="/admin/topics/active">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="topic" value="{{CODE}}">
{{#DEACTIVATE}}<p>Пункт перестанет предлагаться для новых обращений; обращения, уже отнесённые к нему, сохранят его код.</p>
<input type="hidden" name="active" value="0">
<div class="actions"><button type="submit">Не использовать</button></div>{{/DEACTIVATE}}
{{#ACTIVATE}}<p>Пункт снова будет предлагаться для новых обращений.</p>
<input type="hidden" name="active" value="1">
<div class="actions"><button type="submit">Использовать снова</button></div>{{/ACTIVATE}}
</form>
{{/CAN_CHANGE}}
