{{%AUTOESCAPE context="HTML"}}{{!-- admin_person_form.tpl: the fields of a person, for adding and changing an entry. --}}
{{>FORM_ERRORS}}
<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-full_name">Фамилия, имя, отчество</label>
<input id="f-full_name" name="full_name" value="{{full_name}}" maxlength="200" required{{#full_name_error}} aria-invalid="true" aria-describedby="e-full_name"{{/full_name_error}}>
{{#full_name_error}}<p class="field-error" id="e-full_name">{{MESSAGE}}</p>{{/full_name_error}}
</div>
<div class="field">
<label for="f-position">Должность</label>
<input id="f-position" name="position" value="{{position}}" maxlength="300"{{#position_error}} aria-invalid="true" aria-describedby="e-position"{{/position_error}}>
{{#position_error}}<p class="field-error" id="e-position">{{MESSAGE}}</p>{{/position_error}}
</div>
<div class="field">
<label for="f-organisation">Организация</label>
<input id="f-organisation" name="organisation" value="{{organisation}}" maxlength="300"{{#organisation_error}} aria-invalid="true" aria-describedby="e-organisation"{{/organisation_error}}>
{{#organisation_error}}<p class="field-error" id="e-organisation">{{MESSAGE}}</p>{{/organisation_error}}
</div>
<div class="field">
<label for="f-category">Категория</label>
<select id="f-category" name="category" required{{#category_error}} aria-invalid="true" aria-describedby="e-category"{{/category_error}}>
<option value="">— выберите —</option>
{{#CATEGORY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select>
{{#category_error}}<p class="field-error" id="e-category">{{MESSAGE}}</p>{{/category_error}}
</div>
<div class="field">
<label for="f-email">Электронная почта (только для сотрудников)</label>
<input id="f-email" name="email" type="email" value="{{email}}" maxlength="254" autocomplete="off"{{#email_error}} aria-invalid="true" aria-describedby="e-email"{{/email_error}}>
{{#email_error}}<p class="field-error" id="e-email">{{MESSAGE}}</p>{{/email_error}}
</div>
<div class="field">
<label for="f-phone">Телефон (только для сотрудников; цифры, пробелы и знаки + ( ) -)</label>
<input id="f-phone" name="phone" type="tel" value="{{phone}}" maxlength="40" autocomplete="off"{{#phone_error}} aria-invalid="true" aria-describedby="e-phone"{{/phone_error}}>
{{#phone_error}}<p class="field-error" id="e-phone">{{MESSAGE}}</p>{{/phone_error}}
</div>
<div class="actions"><button type="submit">{{SUBMIT}}</button></div>
</form>
