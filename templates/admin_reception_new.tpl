{{%AUTOESCAPE context="HTML"}}{{!-- admin_reception_new.tpl: the form of a reception schedule: who, where, weekday and hours, slot length, topics, the period. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/meetings">Встречи</a> › <a href="/admin/receptions">Личный приём</a></nav>
<h1>Новый график личного приёма</h1>
<p>Будут созданы черновики приёмов на каждый выбранный день недели периода; утверждать их нужно по отдельности, не позднее чем за 5 дней до каждого.</p>
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/receptions">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-title">Название</label>
<input id="f-title" name="title" value="{{title}}" maxlength="300"{{#title_error}} aria-invalid="true" aria-describedby="e-title"{{/title_error}}>
{{#title_error}}<p class="field-error" id="e-title">{{MESSAGE}}</p>{{/title_error}}
</div>
<div class="field">
<label for="f-host">Кто принимает</label>
<select id="f-host" name="host" required{{#host_error}} aria-invalid="true" aria-describedby="e-host"{{/host_error}}>
<option value="">— выберите —</option>
{{#HOST_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/HOST_OPTION}}</select>
{{#host_error}}<p class="field-error" id="e-host">{{MESSAGE}}</p>{{/host_error}}
</div>
<div class="field">
<label for="f-venue">Где</label>
<select id="f-venue" name="venue" required{{#venue_error}} aria-invalid="true" aria-describedby="e-venue"{{/venue_error}}>
<option value="">— выберите —</option>
{{#VENUE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/VENUE_OPTION}}</select>
{{#venue_error}}<p class="field-error" id="e-venue">{{MESSAGE}}</p>{{/venue_error}}
</div>
<div class="field">
<label for="f-weekday">День недели</label>
<select id="f-weekday" name="weekday" required{{#weekday_error}} aria-invalid="true" aria-describedby="e-weekday"{{/weekday_error}}>
<option value="">—</option>
{{#WEEKDAY_OPTION}}<option value="{{N}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/WEEKDAY_OPTION}}</select>
{{#weekday_error}}<p class="field-error" id="e-weekday">{{MESSAGE}}</p>{{/weekday_error}}
</div>
<div class="field">
<label for="f-start_time">Начало приёма</label>
<input id="f-start_time" name="start_time" type="time" value="{{start_time}}" required{{#start_time_error}} aria-invalid="true" aria-describedby="e-start_time"{{/start_time_error}}>
{{#start_time_error}}<p class="field-error" id="e-start_time">{{MESSAGE}}</p>{{/start_time_error}}
</div>
<div class="field">
<label for="f-end_time">Окончание</label>
<input id="f-end_time" name="end_time" type="time" value="{{end_time}}" required{{#end_time_error}} aria-invalid="true" aria-describedby="e-end_time"{{/end_time_error}}>
{{#end_time_error}}<p class="field-error" id="e-end_time">{{MESSAGE}}</p>{{/end_time_error}}
</div>
<div class="field">
<label for="f-slot_minutes">Приём одного посетителя, минут</label>
<input id="f-slot_minutes" name="slot_minutes" type="number" min="5" max="120" value="{{slot_minutes}}" required{{#slot_minutes_error}} aria-invalid="true" aria-describedby="e-slot_minutes"{{/slot_minutes_error}}>
{{#slot_minutes_error}}<p class="field-error" id="e-slot_minutes">{{MESSAGE}}</p>{{/slot_minutes_error}}
</div>
<div class="field">
<label for="f-topics">Темы приёма (для жителей)</label>
<textarea id="f-topics" name="topics" rows="3"{{#topics_error}} aria-invalid="true" aria-describedby="e-topics"{{/topics_error}}>{{topics:pre_escape}}</textarea>
{{#topics_error}}<p class="field-error" id="e-topics">{{MESSAGE}}</p>{{/topics_error}}
</div>
<div class="field">
<label for="f-period_from">С даты</label>
<input id="f-period_from" name="period_from" type="date" value="{{period_from}}" required{{#period_from_error}} aria-invalid="true" aria-describedby="e-period_from"{{/period_from_error}}>
{{#period_from_error}}<p class="field-error" id="e-period_from">{{MESSAGE}}</p>{{/period_from_error}}
</div>
<div class="field">
<label for="f-period_to">По дату</label>
<input id="f-period_to" name="period_to" type="date" value="{{period_to}}" required{{#period_to_error}} aria-invalid="true" aria-describedby="e-period_to"{{/period_to_error}}>
{{#period_to_error}}<p class="field-error" id="e-period_to">{{MESSAGE}}</p>{{/period_to_error}}
</div>
<div class="actions"><button type="submit">Создать приёмы</button></div>
</form>
