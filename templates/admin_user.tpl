{{%AUTOESCAPE context="HTML"}}{{!-- admin_user.tpl: one staff account and the form for its name, e-mail address and the person of the directory it belongs to. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/users">Пользователи</a></nav>
<h1>Учётная запись {{LOGIN}}</h1>
<dl class="facts">
<dt>Роль</dt><dd>{{ROLE}}</dd>
<dt>Состояние</dt><dd>{{#ACTIVE}}действует{{/ACTIVE}}{{#DISABLED}}отключена{{/DISABLED}}</dd>
<dt>Создана</dt><dd>{{CREATED}}</dd>
</dl>
<h2 id="edit">Изменить</h2>
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/users/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-full_name">Фамилия, имя, отчество</label>
<input id="f-full_name" name="full_name" value="{{full_name}}" maxlength="200"{{#full_name_error}} aria-invalid="true" aria-describedby="e-full_name"{{/full_name_error}}>
{{#full_name_error}}<p class="field-error" id="e-full_name">{{MESSAGE}}</p>{{/full_name_error}}
</div>
<div class="field">
<label for="f-email">Электронная почта (для уведомлений и сводок по роли; пусто — писем не будет)</label>
<input id="f-email" name="email" type="email" value="{{email}}" maxlength="254" autocomplete="off"{{#email_error}} aria-invalid="true" aria-describedby="e-email"{{/email_error}}>
{{#email_error}}<p class="field-error" id="e-email">{{MESSAGE}}</p>{{/email_error}}
</div>
<div class="field">
<label for="f-person">Человек в справочнике (глава, руководитель группы: подписывает протоколы встреч, где председательствует)</label>
<select id="f-person" name="person"{{#person_error}} aria-invalid="true" aria-describedby="e-person"{{/person_error}}><option value="">— не связана —</option>
{{#PERSON_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/PERSON_OPTION}}</select>
{{#person_error}}<p class="field-error" id="e-person">{{MESSAGE}}</p>{{/person_error}}
</div>
{{#MUNICIPALITY_FIELD}}<div class="field">
<label for="f-municipality">Муниципальное образование, с которым работает сотрудник (район — вместе с его поселениями)</label>
<select id="f-municipality" name="municipality"{{#municipality_error}} aria-invalid="true" aria-describedby="e-municipality"{{/municipality_error}}><option value="">все</option>
{{#MUNICIPALITY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNICIPALITY_OPTION}}</select>
{{#municipality_error}}<p class="field-error" id="e-municipality">{{MESSAGE}}</p>{{/municipality_error}}
</div>
{{/MUNICIPALITY_FIELD}}<div class="actions"><button type="submit">Сохранить</button></div>
</form>
