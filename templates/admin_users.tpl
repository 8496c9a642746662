{{%AUTOESCAPE context="HTML"}}{{!-- admin_users.tpl: staff accounts and the form for a new one. --}}
<h1>Пользователи</h1>
<div class="table-scroll" role="region" aria-labelledby="users-caption" tabindex="0">
<table class="list">
<caption id="users-caption">Учётные записи сотрудников</caption>
<thead><tr><th scope="col">Логин</th><th scope="col">Имя</th><th scope="col">Роль</th>{{#MUNICIPALITIES}}<th scope="col">Муниципальное образование</th>{{/MUNICIPALITIES}}<th scope="col">Электронная почта</th><th scope="col">Создана</th><th scope="col">Состояние</th></tr></thead>
<tbody>
{{#USER}}<tr>
<td><a href="/admin/users/{{ID}}">{{LOGIN}}</a></td><td>{{FULL_NAME}}{{#PERSON}}<br>в справочнике: {{NAME}}{{/PERSON}}</td><td>{{ROLE}}</td>{{#MUNICIPALITIES}}<td>{{NAME}}</td>{{/MUNICIPALITIES}}<td>{{#EMAIL}}{{ADDRESS}}{{/EMAIL}}{{#NO_EMAIL}}не указана{{/NO_EMAIL}}</td><td>{{CREATED}}</td>
<td>{{#ACTIVE}}действует{{/ACTIVE}}{{#DISABLED}}отключена{{/DISABLED}}
{{#CAN_DISABLE}}<form class="inline" method="post" action="/admin/users/{{ID}}/disable"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Отключить</button></form>{{/CAN_DISABLE}}
{{#CAN_ENABLE}}<form class="inline" method="post" action="/admin/users/{{ID}}/enable"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Включить</button></form>{{/CAN_ENABLE}}</td>
</tr>
{{/USER}}</tbody>
</table>
</div>
<h2 id="new-user">Новый пользователь</h2>
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/users">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-login">Логин (строчные латинские буквы и цифры)</label>
<input id="f-login" name="login" value="{{login}}" required{{#login_error}} aria-invalid="true" aria-describedby="e-login"{{/login_error}}>
{{#login_error}}<p class="field-error" id="e-login">{{MESSAGE}}</p>{{/login_error}}
</div>
<div class="field">
<label for="f-full_name">Фамилия, имя, отчество</label>
<input id="f-full_name" name="full_name" value="{{full_name}}"{{#full_name_error}} aria-invalid="true" aria-describedby="e-full_name"{{/full_name_error}}>
{{#full_name_error}}<p class="field-error" id="e-full_name">{{MESSAGE}}</p>{{/full_name_error}}
</div>
<div class="field">
<label for="f-role">Роль</label>
<select id="f-role" name="role" required{{#role_error}} aria-invalid="true" aria-describedby="e-role"{{/role_error}}>
<option value="">— выберите —</option>
{{#ROLE_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
{{#role_error}}<p class="field-error" id="e-role">{{MESSAGE}}</p>{{/role_error}}
</div>
<div class="field">
<label for="f-email">Электронная почта (для уведомлений и сводок по роли; можно не указывать)</label>
<input id="f-email" name="email" type="email" value="{{email}}" maxlength="254" autocomplete="off"{{#email_error}} aria-invalid="true" aria-describedby="e-email"{{/email_error}}>
{{#email_error}}<p class="field-error" id="e-email">{{MESSAGE}}</p>{{/email_error}}
</div>
{{#MUNICIPALITY_FIELD}}<div class="field">
<label for="f-municipality">Муниципальное образование, с которым работает сотрудник (район — вместе с его поселениями)</label>
<select id="f-municipality" name="municipality"{{#municipality_error}} aria-invalid="true" aria-describedby="e-municipality"{{/municipality_error}}><option value="">все</option>
{{#MUNICIPALITY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNICIPALITY_OPTION}}</select>
{{#municipality_error}}<p class="field-error" id="e-municipality">{{MESSAGE}}</p>{{/municipality_error}}
</div>
{{/MUNICIPALITY_FIELD}}<div class="field">
<label for="f-new_password">Начальный пароль (не короче 10 символов)</label>
<input id="f-new_password" name="new_password" type="password" autocomplete="new-password" required{{#new_password_error}} aria-invalid="true" aria-describedby="e-new_password"{{/new_password_error}}>
{{#new_password_error}}<p class="field-error" id="e-new_password">{{MESSAGE}}</p>{{/new_password_error}}
</div>
<div class="actions"><button type="submit">Создать</button></div>
</form>
