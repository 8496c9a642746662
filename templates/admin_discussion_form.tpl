{{%AUTOESCAPE context="HTML"}}{{!-- admin_discussion_form.tpl: the fields of a draft put up for public discussion. --}}
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/discussions" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-title">Название проекта акта</label>
<input id="f-title" name="title" value="{{title}}" maxlength="300" required{{#title_error}} aria-invalid="true" aria-describedby="e-title"{{/title_error}}>
{{#title_error}}<p class="field-error" id="e-title">{{MESSAGE}}</p>{{/title_error}}
</div>
<div class="field">
<label for="f-unit">Разработчик проекта (подразделение)</label>
<input id="f-unit" name="unit" value="{{unit}}" maxlength="200" required{{#unit_error}} aria-invalid="true" aria-describedby="e-unit"{{/unit_error}}>
{{#unit_error}}<p class="field-error" id="e-unit">{{MESSAGE}}</p>{{/unit_error}}
</div>
<div class="field">
<label for="f-body">Текст проекта (публикуется на странице текстом; каждый абзац с новой строки)</label>
<textarea id="f-body" name="body" rows="16" maxlength="200000" required{{#body_error}} aria-invalid="true" aria-describedby="e-body"{{/body_error}}>{{body}}</textarea>
{{#body_error}}<p class="field-error" id="e-body">{{MESSAGE}}</p>{{/body_error}}
</div>
<fieldset id="f-form">
<legend>Форма</legend>
<div><input type="radio" id="f-form-online" name="form" value="online"{{#ONLINE_CHECKED}} checked{{/ONLINE_CHECKED}}> <label for="f-form-online">Общественное обсуждение на сайте</label></div>
<div><input type="radio" id="f-form-hearing" name="form" value="hearing"{{#HEARING_CHECKED}} checked{{/HEARING_CHECKED}}> <label for="f-form-hearing">Публичные слушания (выберите встречу ниже)</label></div>
{{#form_error}}<p class="field-error">{{MESSAGE}}</p>{{/form_error}}
</fieldset>
<div class="field">
<label for="f-meeting">Встреча «Публичные слушания»</label>
<select id="f-meeting" name="meeting"{{#meeting_error}} aria-invalid="true" aria-describedby="e-meeting"{{/meeting_error}}>
<option value="">— нет —</option>
{{#MEETING_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MEETING_OPTION}}</select>
{{#meeting_error}}<p class="field-error" id="e-meeting">{{MESSAGE}}</p>{{/meeting_error}}
</div>
<div class="field">
<label for="f-territory">Кто участвует: жители территории</label>
<select id="f-territory" name="territory"{{#territory_error}} aria-invalid="true" aria-describedby="e-territory"{{/territory_error}}>
<option value="">Всё муниципальное образование</option>
{{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TERRITORY_OPTION}}</select>
{{#territory_error}}<p class="field-error" id="e-territory">{{MESSAGE}}</p>{{/territory_error}}
</div>
<fieldset class="checkboxes" id="f-reference_group"{{#reference_group_error}} aria-describedby="e-reference_group"{{/reference_group_error}}>
<legend>Референтные группы (им рассылается объявление об обсуждении)</legend>
{{#NO_REFERENCE_GROUPS}}<p>Референтных групп пока нет: их заводят в разделе «Справочники».</p>
{{/NO_REFERENCE_GROUPS}}{{#REFERENCE_GROUP_OPTION}}<div><input type="checkbox" id="f-reference_group-{{ID}}" name="reference_group" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="f-reference_group-{{ID}}">{{NAME}}</label></div>
{{/REFERENCE_GROUP_OPTION}}{{#reference_group_error}}<p class="field-error" id="e-reference_group">{{MESSAGE}}</p>{{/reference_group_error}}
</fieldset>
<div class="field">
<label for="f-opens_on">Начало обсуждения</label>
<input id="f-opens_on" name="opens_on" type="date" value="{{opens_on}}" required{{#opens_on_error}} aria-invalid="true" aria-describedby="e-opens_on"{{/opens_on_error}}>
{{#opens_on_error}}<p class="field-error" id="e-opens_on">{{MESSAGE}}</p>{{/opens_on_error}}
</div>
<div class="field">
<label for="f-closes_on">Окончание обсуждения (включительно)</label>
<input id="f-closes_on" name="closes_on" type="date" value="{{closes_on}}" required{{#closes_on_error}} aria-invalid="true" aria-describedby="e-closes_on"{{/closes_on_error}}>
{{#closes_on_error}}<p class="field-error" id="e-closes_on">{{MESSAGE}}</p>{{/closes_on_error}}
</div>
<div class="field">
<label for="f-attachment">Файлы проекта: PDF, ODT или DOCX, до 5 (дополнение к тексту, не замена)</label>
<input id="f-attachment" name="attachment" type="file" multiple accept=".pdf,.odt,.docx"{{#attachment_error}} aria-invalid="true" aria-describedby="e-attachment"{{/attachment_error}}>
{{#attachment_error}}<p class="field-error" id="e-attachment">{{MESSAGE}}</p>{{/attachment_error}}
</div>
<div class="actions"><button type="submit">Опубликовать проект</button></div>
</form>
