{{%AUTOESCAPE context="HTML"}}{{!-- admin_municipality_form.tpl: the fields of a municipality, for adding and changing one. --}}
{{>FORM_ERRORS}}
<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-name">Название, например «Берёзовка»</label>
<input id="f-name" name="name" value="{{name}}" maxlength="200" required{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
{{#name_error}}<p class="field-error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
</div>
<div class="field">
<label for="f-municipality_kind">Вид</label>
<select id="f-municipality_kind" name="municipality_kind" required{{#municipality_kind_error}} aria-invalid="true" aria-describedby="e-municipality_kind"{{/municipality_kind_error}}>
<option value="">— выберите —</option>
{{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}</select>
{{#municipality_kind_error}}<p class="field-error" id="e-municipality_kind">{{MESSAGE}}</p>{{/municipality_kind_error}}
</div>
<div class="field">
<label for="f-district">Входит в муниципальный район</label>
<select id="f-district" name="district"{{#district_error}} aria-invalid="true" aria-describedby="e-district"{{/district_error}}>
<option value="">— ни во что не входит —</option>
{{#DISTRICT_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/DISTRICT_OPTION}}</select>
{{#district_error}}<p class="field-error" id="e-district">{{MESSAGE}}</p>{{/district_error}}
</div>
<div class="field">
<label for="f-official_name">Официальное наименование (не обязательно)</label>
<p class="hint" id="h-official_name">Например: Берёзовское сельское поселение.</p>
<input id="f-official_name" name="official_name" value="{{official_name}}" maxlength="300" aria-describedby="h-official_name{{#official_name_error}} e-official_name{{/official_name_error}}"{{#official_name_error}} aria-invalid="true"{{/official_name_error}}>
{{#official_name_error}}<p class="field-error" id="e-official_name">{{MESSAGE}}</p>{{/official_name_error}}
</div>
<div class="field">
<label for="f-administration">Администрация (не обязательно)</label>
<p class="hint" id="h-administration">Например: Администрация Берёзовского сельского поселения.</p>
<input id="f-administration" name="administration" value="{{administration}}" maxlength="300" aria-describedby="h-administration{{#administration_error}} e-administration{{/administration_error}}"{{#administration_error}} aria-invalid="true"{{/administration_error}}>
{{#administration_error}}<p class="field-error" id="e-administration">{{MESSAGE}}</p>{{/administration_error}}
</div>
<div class="field">
<label for="f-head">Глава (из справочника «Люди»)</label>
<select id="f-head" name="head"{{#head_error}} aria-invalid="true" aria-describedby="e-head"{{/head_error}}>
<option value="">— не указан —</option>
{{#HEAD_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/HEAD_OPTION}}</select>
{{#head_error}}<p class="field-error" id="e-head">{{MESSAGE}}</p>{{/head_error}}
</div>
<div class="field">
<label for="f-number_code">Код в номерах обращений</label>
<p class="hint" id="h-number_code">Заглавные русские буквы, например БРЗ: номера будут вида БРЗ-2026-00012. Без кода номера вида 2026-00012; так может быть только у одного муниципального образования.</p>
<input id="f-number_code" name="number_code" value="{{number_code}}" maxlength="8" aria-describedby="h-number_code{{#number_code_error}} e-number_code{{/number_code_error}}"{{#number_code_error}} aria-invalid="true"{{/number_code_error}}>
{{#number_code_error}}<p class="field-error" id="e-number_code">{{MESSAGE}}</p>{{/number_code_error}}
</div>
<div class="field">
<label for="f-slug">Адрес страницы на сайте</label>
<p class="hint" id="h-slug">Латинские строчные буквы, цифры и дефисы: berezovka — страница /m/berezovka.</p>
<input id="f-slug" name="slug" value="{{slug}}" maxlength="32" required aria-describedby="h-slug{{#slug_error}} e-slug{{/slug_error}}"{{#slug_error}} aria-invalid="true"{{/slug_error}}>
{{#slug_error}}<p class="field-error" id="e-slug">{{MESSAGE}}</p>{{/slug_error}}
</div>
<div class="field">
<label for="f-address">Почтовый адрес (не обязательно)</label>
<input id="f-address" name="address" value="{{address}}" maxlength="300"{{#address_error}} aria-invalid="true" aria-describedby="e-address"{{/address_error}}>
{{#address_error}}<p class="field-error" id="e-address">{{MESSAGE}}</p>{{/address_error}}
</div>
<div class="field">
<label for="f-phone">Телефон (не обязательно)</label>
<input id="f-phone" name="phone" value="{{phone}}" maxlength="40" type="tel"{{#phone_error}} aria-invalid="true" aria-describedby="e-phone"{{/phone_error}}>
{{#phone_error}}<p class="field-error" id="e-phone">{{MESSAGE}}</p>{{/phone_error}}
</div>
<div class="field">
<label for="f-email">Электронная почта (не обязательно)</label>
<input id="f-email" name="email" value="{{email}}" maxlength="254" type="email"{{#email_error}} aria-invalid="true" aria-describedby="e-email"{{/email_error}}>
{{#email_error}}<p class="field-error" id="e-email">{{MESSAGE}}</p>{{/email_error}}
</div>
<div class="field">
<label for="f-reception_hours">Часы приёма (не обязательно)</label>
<input id="f-reception_hours" name="reception_hours" value="{{reception_hours}}" maxlength="300"{{#reception_hours_error}} aria-invalid="true" aria-describedby="e-reception_hours"{{/reception_hours_error}}>
{{#reception_hours_error}}<p class="field-error" id="e-reception_hours">{{MESSAGE}}</p>{{/reception_hours_error}}
</div>
<div class="field">
<label for="f-site_url">Официальный сайт (не обязательно)</label>
<input id="f-site_url" name="site_url" value="{{site_url}}" maxlength="200" type="url"{{#site_url_error}} aria-invalid="true" aria-describedby="e-site_url"{{/site_url_error}}>
{{#site_url_error}}<p class="field-error" id="e-site_url">{{MESSAGE}}</p>{{/site_url_error}}
</div>
<div class="field">
<label for="f-timezone">Часовой пояс (не обязательно)</label>
<p class="hint" id="h-timezone">Название из базы IANA, например Asia/Yekaterinburg (UTC+5).</p>
<input id="f-timezone" name="timezone" value="{{timezone}}" maxlength="64" aria-describedby="h-timezone{{#timezone_error}} e-timezone{{/timezone_error}}"{{#timezone_error}} aria-invalid="true"{{/timezone_error}}>
{{#timezone_error}}<p class="field-error" id="e-timezone">{{MESSAGE}}</p>{{/timezone_error}}
</div>
<div class="actions"><button type="submit">{{SUBMIT}}</button></div>
</form>
