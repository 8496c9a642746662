{{%AUTOESCAPE context="HTML"}}{{!-- admin_password.tpl: changing one's own password. --}}
<h1>Смена пароля</h1>
{{#DONE}}<p class="notice" role="status">Пароль изменён. Другие сеансы с вашей учётной записью завершены.</p>
{{/DONE}}{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/password">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-password">Текущий пароль</label>
<input id="f-password" name="password" type="password" autocomplete="current-password" required{{#password_error}} aria-invalid="true" aria-describedby="e-password"{{/password_error}}>
{{#password_error}}<p class="field-error" id="e-password">{{MESSAGE}}</p>{{/password_error}}
</div>
<div class="field">
<label for="f-new_password">Новый пароль (не короче 10 символов)</label>
<input id="f-new_password" name="new_password" type="password" autocomplete="new-password" required{{#new_password_error}} aria-invalid="true" aria-describedby="e-new_password"{{/new_password_error}}>
{{#new_password_error}}<p class="field-error" id="e-new_password">{{MESSAGE}}</p>{{/new_password_error}}
</div>
<div class="field">
<label for="f-new_password_again">Новый пароль ещё раз</label>
<input id="f-new_password_again" name="new_password_again" type="password" autocomplete="new-password" required{{#new_password_again_error}} aria-invalid="true" aria-describedby="e-new_password_again"{{/new_password_again_error}}>
{{#new_password_again_error}}<p class="field-error" id="e-new_password_again">{{MESSAGE}}</p>{{/new_password_again_error}}
</div>
<div class="actions"><button type="submit">Сменить пароль</button></div>
</form>
