{{%AUTOESCAPE context="HTML"}}{{!-- admin_survey.tpl: the staff page of a survey: its facts, questions and the results with the free-text answers. --}}
<h1>{{TITLE}}</h1>
<dl class="facts">
<dt>Кто участвует</dt><dd>{{AUDIENCE}}</dd>
<dt>Срок опроса</dt><dd>{{PERIOD}}</dd>
<dt>Состояние</dt><dd>{{#OPEN}}идёт опрос{{/OPEN}}{{#UPCOMING}}начнётся {{OPENS_ON}}{{/UPCOMING}}{{#CLOSED}}завершён{{/CLOSED}}</dd>
{{#LINKS}}<dt>Персональные ссылки</dt><dd>{{TEXT}}</dd>
{{/LINKS}}<dt>Итоги для всех</dt><dd>{{RESULTS_WHEN}}</dd>
<dt>На сайте</dt><dd><a href="/surveys/{{ID}}">/surveys/{{ID}}</a></dd>
</dl>
<h2>Вопросы</h2>
<ol>
{{#QUESTION}}<li>{{TEXT}} — {{KIND}}{{#REQUIRED}}, обязательный{{/REQUIRED}}{{#HAS_OPTIONS}}: {{OPTIONS}}{{/HAS_OPTIONS}}</li>
{{/QUESTION}}</ol>
<h2>Итоги</h2>
<p class="lead">{{PERIOD_RESULTS}}</p>
<div class="subnav"><ul><li><a href="/admin/surveys/{{ID}}.csv" download>Скачать итоги со свободными ответами в CSV</a></li><li><a href="/admin/surveys">Все опросы</a></li></ul></div>
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
{{/TABLE}}
