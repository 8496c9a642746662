{{%AUTOESCAPE context="HTML"}}{{!-- admin_report.tpl: one report (page_admin_reports.c, report.c): the period's form, the link to the CSV, then each table with its bar chart drawn as inline SVG (numbers also in the table). Printable on A4: the print styles drop the form and the navigation. --}}
<h1>{{REPORT_TITLE}}</h1>
<p class="lead">{{PERIOD}}</p>
{{#FORM_PERIOD}}<form class="filters" method="get" action="/admin/reports/compliance">
<fieldset>
<legend>Период</legend>
<div class="field"><label for="f-from">С</label><input type="date" id="f-from" name="from" value="{{FROM}}"></div>
<div class="field"><label for="f-to">По</label><input type="date" id="f-to" name="to" value="{{TO}}"></div>
<div class="actions"><button type="submit">Показать</button></div>
</fieldset>
</form>
{{/FORM_PERIOD}}{{#FORM_YEAR}}<form class="filters" method="get" action="/admin/reports/appeals">
<fieldset>
<legend>Год</legend>
<div class="field"><label for="f-year">Год</label><input type="number" id="f-year" name="year" value="{{YEAR}}" min="2000" max="2100"></div>
<div class="actions"><button type="submit">Показать</button></div>
</fieldset>
</form>
{{/FORM_YEAR}}{{#FORM_HALF}}<form class="filters" method="get" action="/admin/reports/groups">
<fieldset>
<legend>Период</legend>
<div class="field"><label for="f-year">Год</label><input type="number" id="f-year" name="year" value="{{YEAR}}" min="2000" max="2100"></div>
<div class="field"><label for="f-half">Полугодие</label><select id="f-half" name="half">
<option value=""{{#WHOLE}} selected{{/WHOLE}}>весь год</option>
<option value="1"{{#FIRST}} selected{{/FIRST}}>первое</option>
<option value="2"{{#SECOND}} selected{{/SECOND}}>второе</option>
</select></div>
<div class="actions"><button type="submit">Показать</button></div>
</fieldset>
</form>
{{/FORM_HALF}}{{#FORM_MONTH}}<form class="filters" method="get" action="/admin/reports/monthly">
<fieldset>
<legend>Месяц</legend>
<div class="field"><label for="f-month">Месяц (ГГГГ-ММ)</label><input type="text" id="f-month" name="month" value="{{MONTH}}" inputmode="numeric" maxlength="7" pattern="[0-9]{4}-[0-9]{2}" placeholder="2026-03"></div>
<div class="actions"><button type="submit">Показать</button></div>
</fieldset>
</form>
{{/FORM_MONTH}}<p class="subnav"><a href="{{CSV_LINK}}" download>Скачать таблицы в CSV (Excel, LibreOffice)</a> · <a href="/admin/reports">Все отчёты</a></p>
<p class="print-hint">Страница готова к печати на листе A4: меню и форма при печати не выводятся.</p>
{{#TABLE}}<section class="report-block" aria-labelledby="t-{{ID}}">
<h2 id="t-{{ID}}">{{CAPTION}}</h2>
{{#NOTE}}<p>{{TEXT}}</p>
{{/NOTE}}{{#CHART}}<figure class="chart">
<svg viewBox="0 0 {{WIDTH}} {{HEIGHT}}" width="{{WIDTH}}" height="{{HEIGHT}}" role="img" aria-labelledby="c-{{ID}}" preserveAspectRatio="xMinYMin meet">
<title id="c-{{ID}}">{{CAPTION}}: диаграмма, столбец «{{COLUMN}}»</title>
{{#BAR}}<g class="bar"><title>{{TITLE}}</title>
<text x="0" y="{{LABEL_Y}}" class="bar-label">{{LABEL}}</text>
<rect x="0" y="{{BAR_Y}}" width="{{BAR_WIDTH}}" height="{{BAR_HEIGHT}}"/>
<text x="{{VALUE_X}}" y="{{VALUE_Y}}" class="bar-value">{{VALUE}}</text></g>
{{/BAR}}</svg>
<figcaption>{{COLUMN}}; числа — в таблице ниже.</figcaption>
</figure>
{{/CHART}}<div class="table-scroll" role="region" aria-labelledby="t-{{ID}}" tabindex="0">
<table class="list report" id="table-{{ID}}">
<thead><tr>{{#HEADING}}<th scope="col">{{TEXT}}</th>{{/HEADING}}</tr></thead>
<tbody>
{{#EMPTY}}<tr><td colspan="{{SPAN}}">Нет данных за период.</td></tr>
{{/EMPTY}}{{#ROW}}<tr{{#TOTAL}} class="total"{{/TOTAL}}><th scope="row">{{LABEL}}</th>{{#CELL}}<td>{{TEXT}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody>
</table>
</div>
</section>
{{/TABLE}}
