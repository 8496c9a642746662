{{%AUTOESCAPE context="HTML"}}{{!-- admin_meeting_form.tpl: the fields of a meeting, for creating and editing. --}}
{{>FORM_ERRORS}}
<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#LIVE_WARNING}}<p class="notice">Встреча уже утверждена: новое место или время будет опубликовано как изменение, и правило 5 дней применяется к новому времени.</p>
{{/LIVE_WARNING}}<div class="field">
<label for="f-kind">Вид встречи</label>
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
<label for="f-territory">Территория</label>
<select id="f-territory" name="territory" required{{#territory_error}} aria-invalid="true" aria-describedby="e-territory"{{/territory_error}}>
<option value="">— выберите —</option>
{{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TERRITORY_OPTION}}</select>
{{#territory_error}}<p class="field-error" id="e-territory">{{MESSAGE}}</p>{{/territory_error}}
</div>
<div class="field">
<label for="f-venue">Место проведения</label>
<select id="f-venue" name="venue"{{#venue_error}} aria-invalid="true" aria-describedby="e-venue"{{/venue_error}}>
<option value="">— уточняется —</option>
{{#VENUE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/VENUE_OPTION}}</select>
{{#venue_error}}<p class="field-error" id="e-venue">{{MESSAGE}}</p>{{/venue_error}}
</div>
<div class="field">
<label for="f-starts_at">Начало (местное время)</label>
<input id="f-starts_at" name="starts_at" type="datetime-local" value="{{starts_at}}" required{{#starts_at_error}} aria-invalid="true" aria-describedby="e-starts_at"{{/starts_at_error}}>
{{#starts_at_error}}<p class="field-error" id="e-starts_at">{{MESSAGE}}</p>{{/starts_at_error}}
</div>
<div class="field">
<label for="f-ends_at">Окончание (местное время)</label>
<input id="f-ends_at" name="ends_at" type="datetime-local" value="{{ends_at}}" required{{#ends_at_error}} aria-invalid="true" aria-describedby="e-ends_at"{{/ends_at_error}}>
{{#ends_at_error}}<p class="field-error" id="e-ends_at">{{MESSAGE}}</p>{{/ends_at_error}}
</div>
<div class="field">
<label for="f-host">Кто проводит</label>
<select id="f-host" name="host"{{#host_error}} aria-invalid="true" aria-describedby="e-host"{{/host_error}}>
<option value="">— не указано —</option>
{{#HOST_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/HOST_OPTION}}</select>
{{#host_error}}<p class="field-error" id="e-host">{{MESSAGE}}</p>{{/host_error}}
</div>
<div class="field">
<label for="f-group">Информационная группа</label>
<select id="f-group" name="group"{{#group_error}} aria-invalid="true" aria-describedby="e-group"{{/group_error}}>
<option value="">— без группы —</option>
{{#GROUP_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/GROUP_OPTION}}</select>
{{#group_error}}<p class="field-error" id="e-group">{{MESSAGE}}</p>{{/group_error}}
</div>
<div class="field">
<label for="f-organising_unit">Организатор (подразделение)</label>
<input id="f-organising_unit" name="organising_unit" value="{{organising_unit}}" maxlength="200"{{#organising_unit_error}} aria-invalid="true" aria-describedby="e-organising_unit"{{/organising_unit_error}}>
{{#organising_unit_error}}<p class="field-error" id="e-organising_unit">{{MESSAGE}}</p>{{/organising_unit_error}}
</div>
<div class="field">
<label for="f-expected_attendance">Ожидаемое число участников</label>
<input id="f-expected_attendance" name="expected_attendance" inputmode="numeric" value="{{expected_attendance}}"{{#expected_attendance_error}} aria-invalid="true" aria-describedby="e-expected_attendance"{{/expected_attendance_error}}>
{{#expected_attendance_error}}<p class="field-error" id="e-expected_attendance">{{MESSAGE}}</p>{{/expected_attendance_error}}
</div>
<fieldset class="checkboxes" id="f-invitee">
<legend>Приглашённые</legend>
{{#INVITEE_OPTION}}<div><input type="checkbox" id="f-invitee-{{ID}}" name="invitee" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="f-invitee-{{ID}}">{{NAME}}</label></div>
{{/INVITEE_OPTION}}{{#invitee_error}}<p class="field-error" id="e-invitee">{{MESSAGE}}</p>{{/invitee_error}}
</fieldset>
<fieldset class="checkboxes" id="f-reference_group"{{#reference_group_error}} aria-describedby="e-reference_group"{{/reference_group_error}}>
<legend>Рассылка референтным группам</legend>
{{#NO_REFERENCE_GROUPS}}<p>Референтных групп пока нет: их заводят в разделе «Справочники».</p>
{{/NO_REFERENCE_GROUPS}}{{#REFERENCE_GROUP_OPTION}}<div><input type="checkbox" id="f-reference_group-{{ID}}" name="reference_group" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="f-reference_group-{{ID}}">{{NAME}}</label></div>
{{/REFERENCE_GROUP_OPTION}}{{#reference_group_error}}<p class="field-error" id="e-reference_group">{{MESSAGE}}</p>{{/reference_group_error}}
</fieldset>
<div class="field">
<label for="f-description">Описание для жителей</label>
<textarea id="f-description" name="description" rows="4"{{#description_error}} aria-invalid="true" aria-describedby="e-description"{{/description_error}}>{{description:pre_escape}}</textarea>
{{#description_error}}<p class="field-error" id="e-description">{{MESSAGE}}</p>{{/description_error}}
</div>
<fieldset>
<legend>Материалы для подготовки (не публикуются)</legend>
<div class="field">
<label for="f-theses">Тезисы выступления</label>
<textarea id="f-theses" name="theses" rows="4"{{#theses_error}} aria-invalid="true" aria-describedby="e-theses"{{/theses_error}}>{{theses:pre_escape}}</textarea>
{{#theses_error}}<p class="field-error" id="e-theses">{{MESSAGE}}</p>{{/theses_error}}
</div>
<div class="field">
<label for="f-analytical_note">Аналитическая записка</label>
<textarea id="f-analytical_note" name="analytical_note" rows="4"{{#analytical_note_error}} aria-invalid="true" aria-describedby="e-analytical_note"{{/analytical_note_error}}>{{analytical_note:pre_escape}}</textarea>
{{#analytical_note_error}}<p class="field-error" id="e-analytical_note">{{MESSAGE}}</p>{{/analytical_note_error}}
</div>
<div class="field">
<label for="f-reference_materials">Справочные материалы</label>
<textarea id="f-reference_materials" name="reference_materials" rows="4"{{#reference_materials_error}} aria-invalid="true" aria-describedby="e-reference_materials"{{/reference_materials_error}}>{{reference_materials:pre_escape}}</textarea>
{{#reference_materials_error}}<p class="field-error" id="e-reference_materials">{{MESSAGE}}</p>{{/reference_materials_error}}
</div>
</fieldset>
{{#MAY_EXCEPT}}<div class="field">
<label for="f-exception_reason">Причина исключения из правила 5 дней (только если новое время ближе 5 дней)</label>
<textarea id="f-exception_reason" name="exception_reason" rows="2"{{#exception_reason_error}} aria-invalid="true" aria-describedby="e-exception_reason"{{/exception_reason_error}}>{{exception_reason:pre_escape}}</textarea>
{{#exception_reason_error}}<p class="field-error" id="e-exception_reason">{{MESSAGE}}</p>{{/exception_reason_error}}
</div>
{{/MAY_EXCEPT}}<div class="actions"><button type="submit">{{SUBMIT}}</button></div>
</form>
