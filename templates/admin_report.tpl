{{%AUTOESCAPE context="HTML"}}{{!-- admin_report.tpl: one report (page_admin_reports.c, report.c): the period's form, the link to the CSV, then each table with its bar chart drawn as inline SVG (numbers also in the table). Printable on A4: the print styles drop the form and the navigation. --}}
<h1>{{REPORT_TITLE}}</h1>
<p class="lead">{{PERIOD}}</p>
{{#FORM_PERIOD}}{{>FORM_ERRORS}}<form class="filters" method="get" action="/admin/reports/compliance">
<fieldset>
<legend>Период</legend>
<div class="field"><label for="f-from">С</label><input type="date" id="f-from" name="from" value="{{from}}"{{#from_error}} aria-invalid="true" aria-describedby="e-from"{{/from_error}}>
{{#from_error}}<p class="field-error" id="e-from">{{MESSAGE}}</p>{{/from_error}}</div>
<div class="field"><label for="f-to">По</label><input type="date" id="f-to" name="to" value="{{to}}"{{#to_error}} aria-invalid="true" aria-describedby="e-to"{{/to_error}}>
{{#to_error}}<p class="field-error" id="e-to">{{MESSAGE}}</p>{{/to_error}}</div>
{{#MUNICIPALITY_CHOICE}}<div class="field"><label for="f-municipality">Муниципальное образование</label><select id="f-municipality" name="municipality"{{#municipality_error}} aria-invalid="true" aria-describedby="e-municipality"{{/municipality_error}}>
{{#ALL}}<option value="">все вместе</option>
{{/ALL}}{{#MUNICIPALITY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNICIPALITY_OPTION}}</select>
{{#municipality_error}}<p class="field-error" id="e-municipality">{{MESSAGE}}</p>{{/municipality_error}}</div>
{{/MUNICIPALITY_CHOICE}}<div class="actions"><button type="submit">Показать</button></div>
</fieldset>
</form>
{{/FORM_PERIOD}}{{#FORM_YEAR}}{{>FORM_ERRORS}}<form class="filters" method="get" action="/admin/reports/appeals">
<fieldset>
<legend>Год</legend>
<div class="field"><label for="f-year">Год</label><input type="number" min="2000" max="2100" id="f-year" name="year" value="{{year}}"{{#year_error}} aria-invalid="true" aria-describedby="e-year"{{/year_error}}>
{{#year_error}}<p class="field-error" id="e-year">{{MESSAGE}}</p>{{/year_error}}</div>
{{#MUNICIPALITY_CHOICE}}<div class="field"><label for="f-municipality">Муниципальное образование</label><select id="f-municipality" name="municipality"{{#municipality_error}} aria-invalid="true" aria-describedby="e-municipality"{{/municipality_error}}>
{{#ALL}}<option value="">все вместе</option>
{{/ALL}}{{#MUNICIPALITY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNICIPALITY_OPTION}}</select>
{{#municipality_error}}<p class="field-error" id="e-municipality">{{MESSAGE}}</p>{{/municipality_error}}</div>
{{/MUNICIPALITY_CHOICE}}<div class="actions"><button type="submit">Показать</button></div>
</fieldset>
</form>
{{/FORM_YEAR}}{{#FORM_HALF}}{{>FORM_ERRORS}}<form class="filters" method="get" action="/admin/reports/groups">
<fieldset>
<legend>Период</legend>
<div class="field"><label for="f-year">Год</label><input type="number" min="2000" max="2100" id="f-year" name="year" value="{{year}}"{{#year_error}} aria-invalid="true" aria-describedby="e-year"{{/year_error}}>
{{#year_error}}<p class="field-error" id="e-year">{{MESSAGE}}</p>{{/year_error}}</div>
<div class="field"><label for="f-half">Полугодие</label><select id="f-half" name="half"{{#half_error}} aria-invalid="true" aria-describedby="e-half"{{/half_error}}>
<option value=""{{#WHOLE}} selected{{/WHOLE}}>весь год</option>
<option value="1"{{#FIRST}} selected{{/FIRST}}>первое</option>
<option value="2"{{#SECOND}} selected{{/SECOND}}>второе</option>
</select>
{{#half_error}}<p class="field-error" id="e-half">{{MESSAGE}}</p>{{/half_error}}</div>
<div class="actions"><button type="submit">Показать</button></div>
</fieldset>
</form>
{{/FORM_HALF}}{{#FORM_MONTH}}{{>FORM_ERRORS}}<form class="filters" method="get" action="/admin/reports/monthly">
<fieldset>
<legend>Месяц</legend>
<div class="field"><label for="f-month">Месяц</label><input type="month" min="2000-01" max="2100-12" id="f-month" name="month" value="{{month}}"{{#month_error}} aria-invalid="true" aria-describedby="e-month"{{/month_error}}>
{{#month_error}}<p class="field-error" id="e-month">{{MESSAGE}}</p>{{/month_error}}</div>
<div class="actions"><button type="submit">Показать</button></div>
</fieldset>
</form>
{{/FORM_MONTH}}{{#FORM_DISTRICT}}{{>FORM_ERRORS}}<form class="filters" method="get" action="/admin/reports/district">
<fieldset>
<legend>Район и год</legend>
<div class="field"><label for="f-year">Год</label><input type="number" min="2000" max="2100" id="f-year" name="year" value="{{year}}"{{#year_error}} aria-invalid="true" aria-describedby="e-year"{{/year_error}}>
{{#year_error}}<p class="field-error" id="e-year">{{MESSAGE}}</p>{{/year_error}}</div>
{{#MUNICIPALITY_CHOICE}}<div class="field"><label for="f-municipality">Муниципальное образование</label><select id="f-municipality" name="municipality"{{#municipality_error}} aria-invalid="true" aria-describedby="e-municipality"{{/municipality_error}}>
{{#ALL}}<option value="">все вместе</option>
{{/ALL}}{{#MUNICIPALITY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNICIPALITY_OPTION}}</select>
{{#municipality_error}}<p class="field-error" id="e-municipality">{{MESSAGE}}</p>{{/municipality_error}}</div>
{{/MUNICIPALITY_CHOICE}}<div class="actions"><button type="submit">Показать</button></div>
</fieldset>
</form>
{{/FORM_DISTRICT}}{{#CSV}}<div class="subnav"><ul><li><a href="{{LINK}}" download>Скачать таблицы в CSV (Excel, LibreOffice)</a></li><li><a href="/admin/reports">Все отчёты</a></li></ul></div>
<p class="print-hint">Страница готова к печати на листе A4: меню и форма при печати не выводятся.</p>
{{/CSV}}{{#TABLE}}<section class="report-block" aria-labelledby="t-{{ID}}">
<h2 id="t-{{ID}}">{{CAPTION}}</h2>
{{#NOTE}}<p>{{TEXT}}</p>
{{/NOTE}}{{#CHART}}<figure class="chart">
<svg width="100%" height="{{HEIGHT}}em" role="img" aria-labelledby="c-{{ID}}">
<title id="c-{{ID}}">{{CAPTION}}: диаграмма</title>
{{#BAR}}<g class="bar"><title>{{TITLE}}</title>
{{#LINE}}<text x="0" y="{{Y}}em" class="bar-label">{{TEXT}}</text>
{{/LINE}}{{#SERIES}}{{#RECT}}<rect class="{{CLASS}}" x="0" y="{{Y}}em" width="{{WIDTH}}%" height="0.9em"/>
{{/RECT}}<text x="{{X}}%" dx="0.3em" y="{{TEXT_Y}}em" class="bar-value">{{VALUE}}</text>
{{/SERIES}}</g>
{{/BAR}}</svg>
<figcaption>{{#SINGLE}}Длина столбца — «{{COLUMN}}».{{/SINGLE}}{{#COMPARE}}Контурный столбец — «{{BEFORE}}», залитый — «{{NOW}}».{{/COMPARE}} Те же числа — в таблице ниже.</figcaption>
</figure>
{{/CHART}}<div class="table-scroll" role="region" aria-labelledby="t-{{ID}}" tabindex="0">
<table class="list report" id="table-{{ID}}">
<thead><tr>{{#HEADING}}<th scope="col">{{TEXT}}</th>{{/HEADING}}</tr></thead>
<tbody>
{{#EMPTY}}<tr><td colspan="{{SPAN}}">Нет данных за период.</td></tr>
{{/EMPTY}}{{#ROW}}<tr{{#TOTAL}} class="total"{{/TOTAL}}><th scope="row">{{LABEL}}</th>{{#CELL}}<td>{{TEXT}}</td>{{/CELL}}</tr>
{{/ROW}}{{#MORE}}<tr class="more-rows"><td colspan="{{SPAN}}">{{TEXT}}</td></tr>
{{/MORE}}</tbody>
</table>
</div>
</section>
{{/TABLE}}
