{{%AUTOESCAPE context="HTML"}}{{!-- admin_login.tpl: the staff sign-in form. --}}
<h1>Вход для сотрудников</h1>
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/login">
<input type="hidden" name="csrf" value="{{LOGIN_CSRF}}">
<input type="hidden" name="return" value="{{return}}">
<div class="field">
<label for="f-login">Логин</label>
<input id="f-login" name="login" value="{{login}}" autocomplete="username" required{{#login_error}} aria-invalid="true" aria-describedby="e-login"{{/login_error}}>
{{#login_error}}<p class="field-error" id="e-login">{{MESSAGE}}</p>{{/login_error}}
</div>
<div class="field">
<label for="f-password">Пароль</label>
<input id="f-password" name="password" type="password" autocomplete="current-password" required{{#password_error}} aria-invalid="true" aria-describedby="e-password"{{/password_error}}>
{{#password_error}}<p class="field-error" id="e-password">{{MESSAGE}}</p>{{/password_error}}
</div>
<div class="actions"><button type="submit">Войти</button></div>
</form>
<p>Если вы забыли пароль, обратитесь к администратору портала.</p>
