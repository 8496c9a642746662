{{%AUTOESCAPE context="HTML"}}{{!-- appeal_new.tpl: the form of an appeal (обращение) under 59-ФЗ: to whom, who writes and where to answer, the text, consent. --}}
<h1>Обращение в администрацию</h1>
<p class="lead">Обращение регистрируется сразу: вы получите регистрационный номер и код, по которым можно узнать, как оно рассматривается. Ответ даётся в течение 30 дней со дня регистрации (Федеральный закон от 02.05.2006 № 59-ФЗ).</p>
<p>Уже отправили обращение? <a href="/appeals/status">Узнайте, как оно рассматривается</a>.</p>
{{#FOR_MEETING}}<p class="notice">Вопрос к встрече <a href="/meetings/{{ID}}">{{TITLE}}</a> ({{WHEN}}): он будет зарегистрирован как обращение сейчас, до встречи.</p>
{{/FOR_MEETING}}{{#SIGNED_IN}}<p class="notice">Вы вошли в личный кабинет {{HOW}}. Обращение, ход его рассмотрения и ответ появятся в <a href="/account">личном кабинете</a>.</p>{{/SIGNED_IN}}
{{#SIGN_IN_NEEDED}}<p class="notice">Обращение через сайт принимается от гражданина, чья личность подтверждена (Федеральный закон от 28.12.2024 № 547-ФЗ). Заполните форму и нажмите «Отправить»: сайт предложит войти {{WAYS}}, а написанное сохранит и вернёт в форму после входа. Файлы после входа нужно будет выбрать снова.</p>{{/SIGN_IN_NEEDED}}
{{#DRAFT_RESTORED}}<p class="notice" role="status">Мы вернули в форму то, что вы написали до входа. Если вы прикладывали файлы, выберите их снова: файлы не сохраняются.</p>{{/DRAFT_RESTORED}}
{{>FORM_ERRORS}}
{{#FILES_AGAIN}}<p class="notice">Если вы прикладывали файлы, выберите их снова: браузер не сохраняет их после ошибки в форме.</p>{{/FILES_AGAIN}}
<form class="form" method="post" action="/appeals" enctype="multipart/form-data">
{{#CSRF_FIELD}}<input type="hidden" name="csrf" value="{{CSRF_TOKEN}}">
{{/CSRF_FIELD}}<fieldset>
<legend>Кому</legend>
{{#MUNICIPALITY_FIELD}}<div class="field">
<label for="f-municipality">Муниципальное образование, в которое вы обращаетесь</label>
<select id="f-municipality" name="municipality"{{#municipality_error}} aria-invalid="true" aria-describedby="e-municipality"{{/municipality_error}}>
<option value="">— по территории, указанной ниже, иначе {{OWN}} —</option>
{{#MUNICIPALITY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNICIPALITY_OPTION}}</select>
{{#municipality_error}}<p class="field-error" id="e-municipality">{{MESSAGE}}</p>{{/municipality_error}}
</div>
{{/MUNICIPALITY_FIELD}}<div class="field">
<label for="f-addressee">Адресат</label>
<select id="f-addressee" name="addressee" required{{#addressee_error}} aria-invalid="true" aria-describedby="e-addressee"{{/addressee_error}}>
<option value="">Выберите адресата</option>
{{#ADDRESSEE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ADDRESSEE_OPTION}}</select>
{{#addressee_error}}<p class="field-error" id="e-addressee">{{MESSAGE}}</p>{{/addressee_error}}
</div>
<div class="field">
<label for="f-addressee_unit">Подразделение (если выбрано «в подразделение»)</label>
<input id="f-addressee_unit" name="addressee_unit" value="{{addressee_unit}}" maxlength="200"{{#addressee_unit_error}} aria-invalid="true" aria-describedby="e-addressee_unit"{{/addressee_unit_error}}>
{{#addressee_unit_error}}<p class="field-error" id="e-addressee_unit">{{MESSAGE}}</p>{{/addressee_unit_error}}
</div>
</fieldset>
<fieldset>
<legend>Кто обращается</legend>
<div class="field">
<label for="f-surname">Фамилия</label>
<input id="f-surname" name="surname" value="{{surname}}" maxlength="100" autocomplete="family-name" required{{#surname_locked}} readonly{{/surname_locked}}{{#surname_error}} aria-invalid="true" aria-describedby="e-surname"{{/surname_error}}>
{{#surname_error}}<p class="field-error" id="e-surname">{{MESSAGE}}</p>{{/surname_error}}
</div>
<div class="field">
<label for="f-name">Имя</label>
<input id="f-name" name="name" value="{{name}}" maxlength="100" autocomplete="given-name" required{{#name_locked}} readonly{{/name_locked}}{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
{{#name_error}}<p class="field-error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
</div>
<div class="field">
<label for="f-patronymic">Отчество (если есть)</label>
<input id="f-patronymic" name="patronymic" value="{{patronymic}}" maxlength="100" autocomplete="additional-name"{{#patronymic_locked}} readonly{{/patronymic_locked}}{{#patronymic_error}} aria-invalid="true" aria-describedby="e-patronymic"{{/patronymic_error}}>
{{#patronymic_error}}<p class="field-error" id="e-patronymic">{{MESSAGE}}</p>{{/patronymic_error}}
</div>
<p>Куда направить ответ: укажите электронную почту, почтовый адрес или оба.</p>
<div class="field">
<label for="f-email">Электронная почта</label>
<input id="f-email" name="email" type="email" value="{{email}}" maxlength="254" autocomplete="email"{{#email_locked}} readonly{{/email_locked}}{{#email_error}} aria-invalid="true" aria-describedby="e-email"{{/email_error}}>
{{#email_error}}<p class="field-error" id="e-email">{{MESSAGE}}</p>{{/email_error}}
</div>
<div class="field">
<label for="f-address">Почтовый адрес</label>
<input id="f-address" name="address" value="{{address}}" maxlength="300"{{#address_locked}} readonly{{/address_locked}}{{#address_error}} aria-invalid="true" aria-describedby="e-address"{{/address_error}}>
{{#address_error}}<p class="field-error" id="e-address">{{MESSAGE}}</p>{{/address_error}}
</div>
<div class="field">
<label for="f-phone">Телефон (по желанию)</label>
<input id="f-phone" name="phone" type="tel" value="{{phone}}" maxlength="40" autocomplete="tel"{{#phone_locked}} readonly{{/phone_locked}}{{#phone_error}} aria-invalid="true" aria-describedby="e-phone"{{/phone_error}}>
{{#phone_error}}<p class="field-error" id="e-phone">{{MESSAGE}}</p>{{/phone_error}}
</div>
</fieldset>
<fieldset>
<legend>Обращение</legend>
<div class="field">
<label for="f-territory">Где находится то, о чём вы пишете (по желанию)</label>
<select id="f-territory" name="territory"{{#territory_error}} aria-invalid="true" aria-describedby="e-territory"{{/territory_error}}>
<option value="">Не указано</option>
{{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TERRITORY_OPTION}}</select>
{{#territory_error}}<p class="field-error" id="e-territory">{{MESSAGE}}</p>{{/territory_error}}
</div>
<div class="field">
<label for="f-topic">Тема (по желанию)</label>
<select id="f-topic" name="topic"{{#topic_error}} aria-invalid="true" aria-describedby="e-topic"{{/topic_error}}>
<option value="">Не выбрана</option>
{{#TOPIC_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TOPIC_OPTION}}</select>
{{#topic_error}}<p class="field-error" id="e-topic">{{MESSAGE}}</p>{{/topic_error}}
</div>
<div class="field">
<label for="f-text">Текст обращения</label>
<textarea id="f-text" name="text" rows="10" maxlength="{{TEXT_MAX}}" required{{#text_error}} aria-invalid="true" aria-describedby="e-text"{{/text_error}}>{{text:pre_escape}}</textarea>
{{#text_error}}<p class="field-error" id="e-text">{{MESSAGE}}</p>{{/text_error}}
</div>
<div class="field">
<label for="f-attachment">Файлы (по желанию): не больше {{MAX_FILES}}, всего до {{MAX_UPLOAD_MB}} МБ — {{FILE_TYPES}}</label>
<input id="f-attachment" name="attachment" type="file" multiple{{#attachment_error}} aria-invalid="true" aria-describedby="e-attachment"{{/attachment_error}}>
{{#attachment_error}}<p class="field-error" id="e-attachment">{{MESSAGE}}</p>{{/attachment_error}}
</div>
</fieldset>
<div class="hp"><label for="f-website">Это поле заполнять не нужно</label><input id="f-website" name="website" value="" autocomplete="off" tabindex="-1"></div>
<p class="notice" id="personal-data">Персональные данные, указанные в обращении, обрабатываются администрацией для его рассмотрения и ответа, как требует Федеральный закон от 02.05.2006 № 59-ФЗ; отдельного согласия для этого не нужно (п. 2 ч. 1 ст. 6 Федерального закона от 27.07.2006 № 152-ФЗ). Подробнее — в <a href="/privacy">политике обработки персональных данных</a>.</p>
<div class="actions"><button type="submit">Отправить обращение</button></div>
</form>
<p>Обращение, в котором не указаны фамилия и адрес для ответа, останется без ответа (ст. 11 59-ФЗ). Ваши персональные данные не публикуются.</p>
