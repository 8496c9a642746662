{{%AUTOESCAPE context="HTML"}}{{!-- admin_series_new.tpl: the form for a recurring series: monthly, weekly, or a tour of several stops. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/meetings">Встречи</a> › <a href="/admin/series">Серии</a></nav>
<h1>Новая серия встреч</h1>
<p>Например, личный приём главы «каждый первый вторник, 10:00–12:00» или выезд информационной группы по нескольким сёлам. Будут созданы черновики; утверждать их нужно по отдельности, не позднее чем за 5 дней до каждой встречи.</p>
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/series">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-kind">Вид встреч</label>
<select id="f-kind" name="kind" required{{#kind_error}} aria-invalid="true" aria-describedby="e-kind"{{/kind_error}}>
<option value="">— выберите —</option>
{{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/KIND_OPTION}}</select>
{{#kind_error}}<p class="field-error" id="e-kind">{{MESSAGE}}</p>{{/kind_error}}
</div>
<div class="field">
<label for="f-title">Тема</label>
<input id="f-title" name="title" value="{{title}}" maxlength="300" required{{#title_error}} aria-invalid="true" aria-describedby="e-title"{{/title_error}}>
{{#title_error}}<p class="field-error" id="e-title">{{MESSAGE}}</p>{{/title_error}}
</div>
<div class="field">
<label for="f-start_time">Начало каждой встречи</label>
<input id="f-start_time" name="start_time" type="time" value="{{start_time}}" required{{#start_time_error}} aria-invalid="true" aria-describedby="e-start_time"{{/start_time_error}}>
{{#start_time_error}}<p class="field-error" id="e-start_time">{{MESSAGE}}</p>{{/start_time_error}}
</div>
<div class="field">
<label for="f-end_time">Окончание</label>
<input id="f-end_time" name="end_time" type="time" value="{{end_time}}" required{{#end_time_error}} aria-invalid="true" aria-describedby="e-end_time"{{/end_time_error}}>
{{#end_time_error}}<p class="field-error" id="e-end_time">{{MESSAGE}}</p>{{/end_time_error}}
</div>
<div class="field">
<label for="f-description">Описание для жителей</label>
<textarea id="f-description" name="description" rows="3"{{#description_error}} aria-invalid="true" aria-describedby="e-description"{{/description_error}}>{{description:pre_escape}}</textarea>
{{#description_error}}<p class="field-error" id="e-description">{{MESSAGE}}</p>{{/description_error}}
</div>
<fieldset>
<legend>Как повторяются встречи</legend>
{{#RULE_OPTION}}<div><input type="radio" id="f-rule-{{CODE}}" name="rule" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="f-rule-{{CODE}}">{{NAME}}</label></div>
{{/RULE_OPTION}}{{#rule_error}}<p class="field-error" id="e-rule">{{MESSAGE}}</p>{{/rule_error}}
</fieldset>
<fieldset>
<legend>Ежемесячно или еженедельно</legend>
<div class="field">
<label for="f-ordinal">Какой по счёту в месяце (для ежемесячных)</label>
<select id="f-ordinal" name="ordinal"{{#ordinal_error}} aria-invalid="true" aria-describedby="e-ordinal"{{/ordinal_error}}>
<option value="">—</option>
{{#ORDINAL_OPTION}}<option value="{{N}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/ORDINAL_OPTION}}</select>
{{#ordinal_error}}<p class="field-error" id="e-ordinal">{{MESSAGE}}</p>{{/ordinal_error}}
</div>
<div class="field">
<label for="f-weekday">День недели</label>
<select id="f-weekday" name="weekday"{{#weekday_error}} aria-invalid="true" aria-describedby="e-weekday"{{/weekday_error}}>
<option value="">—</option>
{{#WEEKDAY_OPTION}}<option value="{{N}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/WEEKDAY_OPTION}}</select>
{{#weekday_error}}<p class="field-error" id="e-weekday">{{MESSAGE}}</p>{{/weekday_error}}
</div>
<div class="field">
<label for="f-period_from">С даты</label>
<input id="f-period_from" name="period_from" type="date" value="{{period_from}}"{{#period_from_error}} aria-invalid="true" aria-describedby="e-period_from"{{/period_from_error}}>
{{#period_from_error}}<p class="field-error" id="e-period_from">{{MESSAGE}}</p>{{/period_from_error}}
</div>
<div class="field">
<label for="f-period_to">По дату</label>
<input id="f-period_to" name="period_to" type="date" value="{{period_to}}"{{#period_to_error}} aria-invalid="true" aria-describedby="e-period_to"{{/period_to_error}}>
{{#period_to_error}}<p class="field-error" id="e-period_to">{{MESSAGE}}</p>{{/period_to_error}}
</div>
<div class="field">
<label for="f-territory">Территория</label>
<select id="f-territory" name="territory"{{#territory_error}} aria-invalid="true" aria-describedby="e-territory"{{/territory_error}}>
<option value="">— выберите —</option>
{{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TERRITORY_OPTION}}</select>
{{#territory_error}}<p class="field-error" id="e-territory">{{MESSAGE}}</p>{{/territory_error}}
</div>
<div class="field">
<label for="f-venue">Место</label>
<select id="f-venue" name="venue"{{#venue_error}} aria-invalid="true" aria-describedby="e-venue"{{/venue_error}}>
<option value="">— уточняется —</option>
{{#VENUE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/VENUE_OPTION}}</select>
{{#venue_error}}<p class="field-error" id="e-venue">{{MESSAGE}}</p>{{/venue_error}}
</div>
</fieldset>
<fieldset>
<legend>Выезд: остановки (дата и место каждой)</legend>
{{#stop_date_error}}<p class="field-error" id="f-stop_date" tabindex="-1">{{MESSAGE}}</p>{{/stop_date_error}}{{#stop_venue_error}}<p class="field-error" id="f-stop_venue" tabindex="-1">{{MESSAGE}}</p>{{/stop_venue_error}}
{{#STOP}}<div class="stop">
<label for="f-stop-date-{{N}}">Остановка {{N}}: дата</label>
<input id="f-stop-date-{{N}}" name="stop_date" type="date" value="{{DATE}}">
<label for="f-stop-venue-{{N}}">место</label>
<select id="f-stop-venue-{{N}}" name="stop_venue">
<option value="">—</option>
{{#STOP_VENUE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/STOP_VENUE_OPTION}}</select>
</div>
{{/STOP}}</fieldset>
<div class="actions"><button type="submit">Создать черновики</button></div>
</form>
