{{%AUTOESCAPE context="HTML"}}{{!-- admin_calendar_day_form.tpl: one day of the production calendar: its date, kind and note. --}}
{{>FORM_ERRORS}}
<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-day">Дата</label>
<input id="f-day" name="day" type="date" value="{{day}}" min="{{MIN}}" max="{{MAX}}" required{{#day_error}} aria-invalid="true" aria-describedby="e-day"{{/day_error}}>
{{#day_error}}<p class="field-error" id="e-day">{{MESSAGE}}</p>{{/day_error}}
</div>
<div class="field">
<label for="f-day_kind">Вид дня</label>
<select id="f-day_kind" name="day_kind" required{{#day_kind_error}} aria-invalid="true" aria-describedby="e-day_kind"{{/day_kind_error}}>
<option value="">— выберите —</option>
{{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}</select>
{{#day_kind_error}}<p class="field-error" id="e-day_kind">{{MESSAGE}}</p>{{/day_kind_error}}
</div>
<div class="field">
<label for="f-note">Примечание (не обязательно), например «Перенос с субботы 3 января»</label>
<input id="f-note" name="note" value="{{note}}" maxlength="300"{{#note_error}} aria-invalid="true" aria-describedby="e-note"{{/note_error}}>
{{#note_error}}<p class="field-error" id="e-note">{{MESSAGE}}</p>{{/note_error}}
</div>
<div class="actions"><button type="submit">Сохранить день</button></div>
</form>
