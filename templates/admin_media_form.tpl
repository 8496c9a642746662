{{%AUTOESCAPE context="HTML"}}{{!-- admin_media_form.tpl: the fields of a media contact, for adding and changing one. --}}
{{>FORM_ERRORS}}
<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-name">СМИ или редактор</label>
<input id="f-name" name="name" value="{{name}}" maxlength="200" required{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
{{#name_error}}<p class="field-error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
</div>
<div class="field">
<label for="f-email">Электронная почта</label>
<input id="f-email" name="email" type="email" value="{{email}}" maxlength="254" required{{#email_error}} aria-invalid="true" aria-describedby="e-email"{{/email_error}}>
{{#email_error}}<p class="field-error" id="e-email">{{MESSAGE}}</p>{{/email_error}}
</div>
{{#MUNICIPALITY_FIELD}}<div class="field">
<label for="f-municipality">Муниципальное образование, в список которого входит адрес</label>
<select id="f-municipality" name="municipality"{{#municipality_error}} aria-invalid="true" aria-describedby="e-municipality"{{/municipality_error}}>
{{#MUNICIPALITY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNICIPALITY_OPTION}}</select>
{{#municipality_error}}<p class="field-error" id="e-municipality">{{MESSAGE}}</p>{{/municipality_error}}
</div>
{{/MUNICIPALITY_FIELD}}<div class="actions"><button type="submit">{{SUBMIT}}</button></div>
</form>
