{{%AUTOESCAPE context="HTML"}}{{!-- admin_group_form.tpl: the fields of an information group, for creating and changing one; members as checkboxes. --}}
{{>FORM_ERRORS}}
<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-name">Название</label>
<input id="f-name" name="name" value="{{name}}" maxlength="200" required{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
{{#name_error}}<p class="field-error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
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
<label for="f-leader">Руководитель</label>
<select id="f-leader" name="leader"{{#leader_error}} aria-invalid="true" aria-describedby="e-leader"{{/leader_error}}>
<option value="">— не назначен —</option>
{{#LEADER_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/LEADER_OPTION}}</select>
{{#leader_error}}<p class="field-error" id="e-leader">{{MESSAGE}}</p>{{/leader_error}}
</div>
<div class="field">
<label for="f-secretary">Секретарь</label>
<select id="f-secretary" name="secretary"{{#secretary_error}} aria-invalid="true" aria-describedby="e-secretary"{{/secretary_error}}>
<option value="">— не назначен —</option>
{{#SECRETARY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SECRETARY_OPTION}}</select>
{{#secretary_error}}<p class="field-error" id="e-secretary">{{MESSAGE}}</p>{{/secretary_error}}
</div>
<fieldset class="checkboxes" id="f-member"{{#member_error}} aria-describedby="e-member"{{/member_error}}>
<legend>Члены группы</legend>
{{#MEMBER_OPTION}}<div><input type="checkbox" id="f-member-{{ID}}" name="member" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="f-member-{{ID}}">{{NAME}}</label></div>
{{/MEMBER_OPTION}}{{#member_error}}<p class="field-error" id="e-member">{{MESSAGE}}</p>{{/member_error}}
</fieldset>
<div class="actions"><button type="submit">{{SUBMIT}}</button></div>
</form>
