{{%AUTOESCAPE context="HTML"}}{{!-- admin_reference_group_form.tpl: the fields of a reference group and its participants as rows (blank rows add, a cleared row removes). --}}
{{>FORM_ERRORS}}
<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#MUNICIPALITY_FIELD}}<div class="field"><label for="f-municipality">Муниципальное образование, чья это группа</label>
<select id="f-municipality" name="municipality"{{#municipality_error}} aria-invalid="true" aria-describedby="e-municipality"{{/municipality_error}}><option value="">{{OWN}}</option>
{{#MUNICIPALITY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNICIPALITY_OPTION}}</select>
{{#municipality_error}}<p class="field-error" id="e-municipality">{{MESSAGE}}</p>{{/municipality_error}}</div>
{{/MUNICIPALITY_FIELD}}<div class="field">
<label for="f-name">Название</label>
<input id="f-name" name="name" value="{{name}}" maxlength="200" required{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
{{#name_error}}<p class="field-error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
</div>
<div class="field">
<label for="f-summary">Описание: кто входит, какие интересы представляет</label>
<textarea id="f-summary" name="summary" rows="3"{{#summary_error}} aria-invalid="true" aria-describedby="e-summary"{{/summary_error}}>{{summary:pre_escape}}</textarea>
{{#summary_error}}<p class="field-error" id="e-summary">{{MESSAGE}}</p>{{/summary_error}}
</div>
<fieldset>
<legend>Участники (чтобы убрать участника, очистите его строку)</legend>
<p>Писать участнику можно только с его согласия (152-ФЗ): для нового адреса укажите, как и когда оно получено. Каждое письмо участнику содержит ссылку, по которой он отказывается от рассылки.</p>
{{#member_name_error}}<p class="field-error" id="f-member_name" tabindex="-1">{{MESSAGE}}</p>{{/member_name_error}}{{#member_organisation_error}}<p class="field-error" id="f-member_organisation" tabindex="-1">{{MESSAGE}}</p>{{/member_organisation_error}}{{#member_email_error}}<p class="field-error" id="f-member_email" tabindex="-1">{{MESSAGE}}</p>{{/member_email_error}}{{#member_consent_error}}<p class="field-error" id="f-member_consent" tabindex="-1">{{MESSAGE}}</p>{{/member_consent_error}}
{{#MEMBER_ROW}}<div class="member-row">
<label for="f-member-name-{{N}}">Участник {{N}}: имя</label>
<input id="f-member-name-{{N}}" name="member_name" value="{{NAME}}" maxlength="200"{{#ROW_ERROR}} aria-invalid="true" aria-describedby="e-member-{{N}}"{{/ROW_ERROR}}>
<label for="f-member-organisation-{{N}}">организация</label>
<input id="f-member-organisation-{{N}}" name="member_organisation" value="{{ORGANISATION}}" maxlength="200">
<label for="f-member-email-{{N}}">электронная почта</label>
<input id="f-member-email-{{N}}" name="member_email" type="email" value="{{EMAIL}}" maxlength="254" autocomplete="off"{{#ROW_ERROR}} aria-invalid="true" aria-describedby="e-member-{{N}}"{{/ROW_ERROR}}>
<label for="f-member-consent-{{N}}">согласие на рассылку: как и когда получено</label>
<input id="f-member-consent-{{N}}" name="member_consent" value="{{CONSENT}}" maxlength="300" placeholder="письменное согласие от 3 декабря 2026 г."{{#ROW_ERROR}} aria-invalid="true" aria-describedby="e-member-{{N}}"{{/ROW_ERROR}}>
{{#ROW_ERROR}}<p class="field-error" id="e-member-{{N}}">Строка {{N}}: {{MESSAGE}}</p>{{/ROW_ERROR}}
</div>
{{/MEMBER_ROW}}</fieldset>
<div class="actions"><button type="submit">{{SUBMIT}}</button></div>
</form>
