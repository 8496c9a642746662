{{%AUTOESCAPE context="HTML"}}{{!-- survey_results.tpl: the results of a survey (survey_view.c, report.c): the number of responses, then each question as a bar chart drawn as inline SVG with a table of the same figures (decree № 102), and the CSV download. --}}
<section class="block" aria-labelledby="results">
<h2 id="results">Итоги опроса</h2>
<p class="lead">{{PERIOD}}{{#LIVE}}. Опрос ещё идёт: итоги меняются по мере ответов{{/LIVE}}.</p>
<div class="subnav"><ul><li><a href="/surveys/{{SURVEY_ID}}.csv" download>Скачать итоги в CSV (Excel, LibreOffice)</a></li></ul></div>
{{#TABLE}}<section class="report-block" aria-labelledby="t-{{ID}}">
<h3 id="t-{{ID}}">{{CAPTION}}</h3>
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
<figcaption>{{#SINGLE}}Длина столбца — «{{COLUMN}}».{{/SINGLE}} Те же числа — в таблице ниже.</figcaption>
</figure>
{{/CHART}}<div class="table-scroll" role="region" aria-labelledby="t-{{ID}}" tabindex="0">
<table class="list report" id="table-{{ID}}">
<thead><tr>{{#HEADING}}<th scope="col">{{TEXT}}</th>{{/HEADING}}</tr></thead>
<tbody>
{{#EMPTY}}<tr><td colspan="{{SPAN}}">Ответов пока нет.</td></tr>
{{/EMPTY}}{{#ROW}}<tr{{#TOTAL}} class="total"{{/TOTAL}}><th scope="row">{{LABEL}}</th>{{#CELL}}<td>{{TEXT}}</td>{{/CELL}}</tr>
{{/ROW}}{{#MORE}}<tr class="more-rows"><td colspan="{{SPAN}}">{{TEXT}}</td></tr>
{{/MORE}}</tbody>
</table>
</div>
</section>
{{/TABLE}}</section>
