{{%AUTOESCAPE context="HTML"}}{{!-- admin_venue_form.tpl: the fields of a venue, for adding and changing one. --}}
{{>FORM_ERRORS}}
<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-name">Название</label>
<input id="f-name" name="name" value="{{name}}" maxlength="200" required{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
{{#name_error}}<p class="field-error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
</div>
<div class="field">
<label for="f-address">Адрес</label>
<input id="f-address" name="address" value="{{address}}" maxlength="300" required{{#address_error}} aria-invalid="true" aria-describedby="e-address"{{/address_error}}>
{{#address_error}}<p class="field-error" id="e-address">{{MESSAGE}}</p>{{/address_error}}
</div>
<div class="field">
<label for="f-venue_kind">Тип места</label>
<select id="f-venue_kind" name="venue_kind" required{{#venue_kind_error}} aria-invalid="true" aria-describedby="e-venue_kind"{{/venue_kind_error}}>
<option value="">— выберите —</option>
{{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}</select>
{{#venue_kind_error}}<p class="field-error" id="e-venue_kind">{{MESSAGE}}</p>{{/venue_kind_error}}
</div>
<div class="field">
<label for="f-capacity">Вместимость, мест (не обязательно)</label>
<input id="f-capacity" name="capacity" inputmode="numeric" value="{{capacity}}"{{#capacity_error}} aria-invalid="true" aria-describedby="e-capacity"{{/capacity_error}}>
{{#capacity_error}}<p class="field-error" id="e-capacity">{{MESSAGE}}</p>{{/capacity_error}}
</div>
<div class="field">
<label for="f-territory">Территория</label>
<select id="f-territory" name="territory" required{{#territory_error}} aria-invalid="true" aria-describedby="e-territory"{{/territory_error}}>
<option value="">— выберите —</option>
{{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TERRITORY_OPTION}}</select>
{{#territory_error}}<p class="field-error" id="e-territory">{{MESSAGE}}</p>{{/territory_error}}
</div>
<div class="actions"><button type="submit">{{SUBMIT}}</button></div>
</form>
