{{%AUTOESCAPE context="HTML"}}{{!-- admin_calendar_year_form.tpl: a year of the production calendar and the decree it comes from, for adding a year (NEW) and correcting its source (EDIT). --}}
{{>FORM_ERRORS}}
<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#NEW}}<div class="field">
<label for="f-year">Год</label>
<input id="f-year" name="year" value="{{year}}" inputmode="numeric" maxlength="4" required{{#year_error}} aria-invalid="true" aria-describedby="e-year"{{/year_error}}>
{{#year_error}}<p class="field-error" id="e-year">{{MESSAGE}}</p>{{/year_error}}
</div>
{{/NEW}}<div class="field">
<label for="f-source">Постановление Правительства РФ: номер и дата</label>
<input id="f-source" name="source" value="{{source}}" maxlength="500" required{{#source_error}} aria-invalid="true" aria-describedby="e-source"{{/source_error}}>
{{#source_error}}<p class="field-error" id="e-source">{{MESSAGE}}</p>{{/source_error}}
</div>
<div class="field"><input id="f-provisional" name="provisional" type="checkbox" value="1"{{#PROVISIONAL_CHECKED}} checked{{/PROVISIONAL_CHECKED}}> <label for="f-provisional">Предварительный: постановления ещё нет, дни внесены по Трудовому кодексу</label></div>
<div class="actions"><button type="submit">{{#NEW}}Добавить год{{/NEW}}{{#EDIT}}Сохранить основание{{/EDIT}}</button></div>
</form>
