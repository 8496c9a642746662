{{%AUTOESCAPE context="HTML"}}{{!-- admin_plan.tpl: the plan of measures with each measure's fulfilment in a year, the form of a new measure, the import and export as CSV. --}}
<h1>План мероприятий</h1>
<p>Исполнение за {{YEAR}} год. <a href="/admin/plan?year={{PREV_YEAR}}">{{PREV_YEAR}}</a> · <a href="/admin/plan?year={{NEXT_YEAR}}">{{NEXT_YEAR}}</a> · <a href="/admin/plan?format=csv">Выгрузить план в CSV</a> · <a href="/admin/reports/compliance">Отчёт о соблюдении требований</a></p>
{{#BODIES}}<p>У каждого муниципального образования свой план; встречи и обсуждения подтверждают мероприятие своего муниципального образования, а мероприятие плана района — и встречи его поселений.</p>
{{/BODIES}}<p>Встречи нужного вида, проведённые в периоде, и завершённые обсуждения с заключением портал находит сам; остальное подтверждают отметкой с документом на странице мероприятия.</p>
{{#NO_MEASURES}}<p>В плане пока нет мероприятий.</p>{{/NO_MEASURES}}
{{#HAS_MEASURES}}<div class="table-scroll" role="region" aria-labelledby="plan-caption" tabindex="0">
<table class="list">
<caption id="plan-caption">Мероприятия плана и их исполнение за {{YEAR}} год</caption>
<thead><tr><th scope="col">Пункт</th>{{#BODIES}}<th scope="col">Муниципальное образование</th>{{/BODIES}}<th scope="col">Мероприятие</th><th scope="col">Периодичность</th><th scope="col">Ответственные</th><th scope="col">Чем подтверждается</th><th scope="col">Исполнение</th></tr></thead>
<tbody>
{{#MEASURE}}<tr><td>{{ITEM}}</td>{{#BODY}}<td>{{NAME}}</td>{{/BODY}}<td><a href="/admin/plan/{{ID}}?year={{YEAR}}">{{TEXT}}</a></td><td>{{PERIODICITY}}</td><td>{{UNITS}}</td><td>{{EVIDENCE}}</td><td>{{#HAS_MISSING}}<strong>{{/HAS_MISSING}}{{FULFILMENT}}{{#HAS_MISSING}}</strong>{{/HAS_MISSING}}</td></tr>
{{/MEASURE}}</tbody>
</table>
</div>{{/HAS_MEASURES}}
{{#WRITER}}<h2 id="new-measure">Новое мероприятие</h2>
{{>FORM}}
<h2 id="import">Загрузить план из CSV</h2>
<p>Столбцы — как в выгрузке: пункт; мероприятие; периодичность (ежемесячно, ежеквартально, раз в полугодие, ежегодно, однократно, к сроку, постоянно); срок (только для однократных); ответственные; подтверждение (meeting, discussion или record); вид встречи (код, например public_hearing, — только для meeting). Первая строка — заголовки. Мероприятия добавляются к плану; если хоть одна строка с ошибкой, не загружается ничего.</p>
<form class="form" method="post" action="/admin/plan/import" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#MUNICIPALITY_FIELD}}<div class="field"><label for="f-municipality-import">Муниципальное образование, чей это план</label>
<select id="f-municipality-import" name="municipality"{{#municipality_error}} aria-invalid="true" aria-describedby="e-municipality-import"{{/municipality_error}}><option value="">{{OWN}}</option>
{{#MUNICIPALITY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNICIPALITY_OPTION}}</select>
{{#municipality_error}}<p class="field-error" id="e-municipality-import">{{MESSAGE}}</p>{{/municipality_error}}</div>
{{/MUNICIPALITY_FIELD}}<div class="field">
<label for="f-attachment">Файл CSV (UTF-8, разделитель — точка с запятой или запятая)</label>
<input id="f-attachment" name="attachment" type="file" accept=".csv,text/csv" required{{#attachment_error}} aria-invalid="true" aria-describedby="e-attachment"{{/attachment_error}}>
{{#attachment_error}}<p class="field-error" id="e-attachment">{{MESSAGE}}</p>{{/attachment_error}}
{{#IMPORT_ERRORS}}<ul class="field-error" id="import-errors">
{{#ERROR}}<li>{{MESSAGE}}</li>
{{/ERROR}}</ul>{{/IMPORT_ERRORS}}
</div>
<div class="actions"><button type="submit">Загрузить</button></div>
</form>{{/WRITER}}
