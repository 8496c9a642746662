{{%AUTOESCAPE context="HTML"}}{{!-- admin_plan_form.tpl: the fields of a new measure of the plan. --}}
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/plan">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#MUNICIPALITY_FIELD}}<div class="field"><label for="f-municipality">Муниципальное образование, чей это план</label>
<select id="f-municipality" name="municipality"{{#municipality_error}} aria-invalid="true" aria-describedby="e-municipality"{{/municipality_error}}><option value="">{{OWN}}</option>
{{#MUNICIPALITY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNICIPALITY_OPTION}}</select>
{{#municipality_error}}<p class="field-error" id="e-municipality">{{MESSAGE}}</p>{{/municipality_error}}</div>
{{/MUNICIPALITY_FIELD}}<div class="field">
<label for="f-item">Номер пункта</label>
<input id="f-item" name="item" value="{{item}}" maxlength="20" required{{#item_error}} aria-invalid="true" aria-describedby="e-item"{{/item_error}}>
{{#item_error}}<p class="field-error" id="e-item">{{MESSAGE}}</p>{{/item_error}}
</div>
<div class="field">
<label for="f-text">Мероприятие</label>
<textarea id="f-text" name="text" rows="3" maxlength="1000" required{{#text_error}} aria-invalid="true" aria-describedby="e-text"{{/text_error}}>{{text}}</textarea>
{{#text_error}}<p class="field-error" id="e-text">{{MESSAGE}}</p>{{/text_error}}
</div>
<div class="field">
<label for="f-periodicity">Периодичность</label>
<select id="f-periodicity" name="periodicity" required{{#periodicity_error}} aria-invalid="true" aria-describedby="e-periodicity"{{/periodicity_error}}>
<option value="">— выберите —</option>
{{#PERIODICITY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/PERIODICITY_OPTION}}</select>
{{#periodicity_error}}<p class="field-error" id="e-periodicity">{{MESSAGE}}</p>{{/periodicity_error}}
</div>
<div class="field">
<label for="f-due_on">Срок (только для однократного мероприятия)</label>
<input id="f-due_on" name="due_on" type="date" value="{{due_on}}"{{#due_on_error}} aria-invalid="true" aria-describedby="e-due_on"{{/due_on_error}}>
{{#due_on_error}}<p class="field-error" id="e-due_on">{{MESSAGE}}</p>{{/due_on_error}}
</div>
<div class="field">
<label for="f-units">Ответственные (подразделения)</label>
<input id="f-units" name="units" value="{{units}}" maxlength="500"{{#units_error}} aria-invalid="true" aria-describedby="e-units"{{/units_error}}>
{{#units_error}}<p class="field-error" id="e-units">{{MESSAGE}}</p>{{/units_error}}
</div>
<div class="field">
<label for="f-evidence">Чем подтверждается проведение</label>
<select id="f-evidence" name="evidence" required{{#evidence_error}} aria-invalid="true" aria-describedby="e-evidence"{{/evidence_error}}>
<option value="">— выберите —</option>
{{#EVIDENCE_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/EVIDENCE_OPTION}}</select>
{{#evidence_error}}<p class="field-error" id="e-evidence">{{MESSAGE}}</p>{{/evidence_error}}
</div>
<div class="field">
<label for="f-kind">Вид встречи (если подтверждается встречей)</label>
<select id="f-kind" name="kind"{{#kind_error}} aria-invalid="true" aria-describedby="e-kind"{{/kind_error}}>
<option value="">— нет —</option>
{{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/KIND_OPTION}}</select>
{{#kind_error}}<p class="field-error" id="e-kind">{{MESSAGE}}</p>{{/kind_error}}
</div>
<div class="actions"><button type="submit">Добавить в план</button></div>
</form>
