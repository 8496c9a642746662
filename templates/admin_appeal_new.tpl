{{%AUTOESCAPE context="HTML"}}{{!-- admin_appeal_new.tpl: registering a paper appeal: handed in at a meeting, a personal-reception card, or mail. --}}
<h1>Регистрация обращения</h1>
<p>Обращение регистрируется в течение 3 дней с момента поступления (ст. 8 59-ФЗ) и сразу получает номер.</p>
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/appeals">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#BOOKING}}<input type="hidden" name="booking" value="{{ID}}">{{/BOOKING}}
<fieldset><legend>Поступление</legend>
<div class="field"><label for="f-source">Как поступило</label>
<select id="f-source" name="source" required{{#source_error}} aria-invalid="true" aria-describedby="e-source"{{/source_error}}>
<option value="">Выберите</option>
{{#SOURCE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SOURCE_OPTION}}</select>
{{#source_error}}<p class="field-error" id="e-source">{{MESSAGE}}</p>{{/source_error}}</div>
<div class="field"><label for="f-received_on">Дата поступления</label>
<input id="f-received_on" name="received_on" type="date" value="{{received_on}}" required{{#received_on_error}} aria-invalid="true" aria-describedby="e-received_on"{{/received_on_error}}>
{{#received_on_error}}<p class="field-error" id="e-received_on">{{MESSAGE}}</p>{{/received_on_error}}</div>
<div class="field"><label for="f-meeting">Встреча, на которой передано (для обращений со встречи)</label>
<select id="f-meeting" name="meeting"{{#meeting_error}} aria-invalid="true" aria-describedby="e-meeting"{{/meeting_error}}><option value="">Не на встрече</option>
{{#MEETING_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MEETING_OPTION}}</select>
{{#meeting_error}}<p class="field-error" id="e-meeting">{{MESSAGE}}</p>{{/meeting_error}}</div>
</fieldset>
<fieldset><legend>Карточка личного приёма</legend>
<div class="field"><label for="f-reception_by">Кто вёл приём</label>
<input id="f-reception_by" name="reception_by" value="{{reception_by}}" maxlength="200"{{#reception_by_error}} aria-invalid="true" aria-describedby="e-reception_by"{{/reception_by_error}}>
{{#reception_by_error}}<p class="field-error" id="e-reception_by">{{MESSAGE}}</p>{{/reception_by_error}}</div>
<div><input type="checkbox" id="f-oral" name="oral" value="yes"{{#ORAL_CHECKED}} checked{{/ORAL_CHECKED}}> <label for="f-oral">Устное обращение</label></div>
<div class="field"><label for="f-oral_answer">Устный ответ, данный на приёме</label>
<textarea id="f-oral_answer" name="oral_answer" rows="3"{{#oral_answer_error}} aria-invalid="true" aria-describedby="e-oral_answer"{{/oral_answer_error}}>{{oral_answer:pre_escape}}</textarea>
{{#oral_answer_error}}<p class="field-error" id="e-oral_answer">{{MESSAGE}}</p>{{/oral_answer_error}}</div>
<div><input type="checkbox" id="f-oral_consent" name="oral_consent" value="yes"{{#ORAL_CONSENT_CHECKED}} checked{{/ORAL_CONSENT_CHECKED}}> <label for="f-oral_consent">Заявитель согласен на устный ответ (ч. 2 ст. 13 59-ФЗ)</label></div>
</fieldset>
<fieldset><legend>Заявитель</legend>
<div class="field"><label for="f-surname">Фамилия</label><input id="f-surname" name="surname" value="{{surname}}" maxlength="100"{{#surname_error}} aria-invalid="true" aria-describedby="e-surname"{{/surname_error}}>
{{#surname_error}}<p class="field-error" id="e-surname">{{MESSAGE}}</p>{{/surname_error}}</div>
<div class="field"><label for="f-name">Имя</label><input id="f-name" name="name" value="{{name}}" maxlength="100"{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
{{#name_error}}<p class="field-error" id="e-name">{{MESSAGE}}</p>{{/name_error}}</div>
<div class="field"><label for="f-patronymic">Отчество</label><input id="f-patronymic" name="patronymic" value="{{patronymic}}" maxlength="100"{{#patronymic_error}} aria-invalid="true" aria-describedby="e-patronymic"{{/patronymic_error}}>
{{#patronymic_error}}<p class="field-error" id="e-patronymic">{{MESSAGE}}</p>{{/patronymic_error}}</div>
<div class="field"><label for="f-email">Электронная почта</label><input id="f-email" name="email" type="email" value="{{email}}" maxlength="254"{{#email_error}} aria-invalid="true" aria-describedby="e-email"{{/email_error}}>
{{#email_error}}<p class="field-error" id="e-email">{{MESSAGE}}</p>{{/email_error}}</div>
<div class="field"><label for="f-address">Почтовый адрес</label><input id="f-address" name="address" value="{{address}}" maxlength="300"{{#address_error}} aria-invalid="true" aria-describedby="e-address"{{/address_error}}>
{{#address_error}}<p class="field-error" id="e-address">{{MESSAGE}}</p>{{/address_error}}</div>
<div class="field"><label for="f-phone">Телефон</label><input id="f-phone" name="phone" type="tel" value="{{phone}}" maxlength="40"{{#phone_error}} aria-invalid="true" aria-describedby="e-phone"{{/phone_error}}>
{{#phone_error}}<p class="field-error" id="e-phone">{{MESSAGE}}</p>{{/phone_error}}</div>
</fieldset>
<fieldset><legend>Обращение</legend>
{{#MUNICIPALITY_FIELD}}<div class="field"><label for="f-municipality">В реестр какого муниципального образования</label>
<select id="f-municipality" name="municipality"{{#municipality_error}} aria-invalid="true" aria-describedby="e-municipality"{{/municipality_error}}><option value="">По территории или встрече, иначе {{OWN}}</option>
{{#MUNICIPALITY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNICIPALITY_OPTION}}</select>
{{#municipality_error}}<p class="field-error" id="e-municipality">{{MESSAGE}}</p>{{/municipality_error}}</div>
{{/MUNICIPALITY_FIELD}}<div class="field"><label for="f-territory">Территория</label>
<select id="f-territory" name="territory"{{#territory_error}} aria-invalid="true" aria-describedby="e-territory"{{/territory_error}}><option value="">Не указана</option>
{{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TERRITORY_OPTION}}</select>
{{#territory_error}}<p class="field-error" id="e-territory">{{MESSAGE}}</p>{{/territory_error}}</div>
<div class="field">
<label for="f-topic">Тема по классификатору</label>
<select id="f-topic" name="topic"{{#topic_error}} aria-invalid="true" aria-describedby="e-topic"{{/topic_error}}>
<option value="">Не выбрана</option>
{{#TOPIC_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TOPIC_OPTION}}</select>
{{#topic_error}}<p class="field-error" id="e-topic">{{MESSAGE}}</p>{{/topic_error}}
</div>
<div class="field"><label for="f-text">Содержание</label>
<textarea id="f-text" name="text" rows="8" required{{#text_error}} aria-invalid="true" aria-describedby="e-text"{{/text_error}}>{{text:pre_escape}}</textarea>
{{#text_error}}<p class="field-error" id="e-text">{{MESSAGE}}</p>{{/text_error}}</div>
</fieldset>
<div class="actions"><button type="submit">Внести в реестр</button> <a href="/admin/appeals">Отмена</a></div>
</form>
