{{%AUTOESCAPE context="HTML"}}{{!-- admin_plan_measure.tpl: one measure of the plan: its periods in a year with their state and evidence, the records entered by hand and the form of a new one. --}}
<p><a href="/admin/plan?year={{YEAR}}">← План мероприятий</a></p>
<h1>Пункт {{ITEM}}: {{TEXT}}</h1>
<dl class="facts">
<dt>Периодичность</dt><dd>{{PERIODICITY}}</dd>
<dt>Ответственные</dt><dd>{{UNITS}}</dd>
<dt>Чем подтверждается</dt><dd>{{EVIDENCE}}</dd>
</dl>
<h2 id="periods">Исполнение за {{YEAR}} год</h2>
<p><a href="/admin/plan/{{ID}}?year={{PREV_YEAR}}">{{PREV_YEAR}}</a> · <a href="/admin/plan/{{ID}}?year={{NEXT_YEAR}}">{{NEXT_YEAR}}</a></p>
{{#PERMANENT}}<p>Мероприятие постоянное: по периодам не проверяется; ниже — всё, что его подтверждает за год.</p>{{/PERMANENT}}
{{#NO_PERIODS}}<p>Периоды этого года ещё не начались.</p>{{/NO_PERIODS}}
{{#HAS_PERIODS}}<div class="table-scroll" role="region" aria-labelledby="periods-caption" tabindex="0">
<table class="list">
<caption id="periods-caption">Периоды и подтверждения</caption>
<thead><tr><th scope="col">Период</th><th scope="col">Состояние</th><th scope="col">Подтверждение</th></tr></thead>
<tbody>
{{#PERIOD}}<tr class="{{STATE_CLASS}}"><td>{{LABEL}}</td><td>{{STATE}}</td><td>{{#EVIDENCE}}<a href="{{HREF}}">{{WORDS}}</a>{{#MORE}} ({{COUNT}}){{/MORE}}{{/EVIDENCE}}</td></tr>
{{/PERIOD}}</tbody>
</table>
</div>{{/HAS_PERIODS}}
<h2 id="found">Подтверждения за {{YEAR}} год</h2>
{{#NO_FOUND}}<p>Подтверждений нет.</p>{{/NO_FOUND}}
{{#HAS_FOUND}}<ul>
{{#FOUND}}<li><a href="{{HREF}}">{{WORDS}}</a></li>
{{/FOUND}}</ul>{{/HAS_FOUND}}
<h2 id="records">Отметки о проведении</h2>
{{#NO_RECORDS}}<p>Отметок нет.</p>{{/NO_RECORDS}}
{{#HAS_RECORDS}}<ul>
{{#RECORD}}<li>{{DONE_ON}}: {{NOTE}} — <a href="/admin/plan/records/{{ID}}">{{FILE_NAME}}</a> (внесено <time datetime="{{CREATED_ISO}}">{{CREATED}}</time>, {{BY}})</li>
{{/RECORD}}</ul>{{/HAS_RECORDS}}
{{#RECORD_FORM}}<h2 id="new-record">Отметить проведение</h2>
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/plan/{{ID}}/records" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-done_on">Дата проведения</label>
<input id="f-done_on" name="done_on" type="date" value="{{done_on}}" required{{#done_on_error}} aria-invalid="true" aria-describedby="e-done_on"{{/done_on_error}}>
{{#done_on_error}}<p class="field-error" id="e-done_on">{{MESSAGE}}</p>{{/done_on_error}}
</div>
<div class="field">
<label for="f-note">Что сделано</label>
<textarea id="f-note" name="note" rows="3" maxlength="2000" required{{#note_error}} aria-invalid="true" aria-describedby="e-note"{{/note_error}}>{{note}}</textarea>
{{#note_error}}<p class="field-error" id="e-note">{{MESSAGE}}</p>{{/note_error}}
</div>
<div class="field">
<label for="f-attachment">Документ ({{ALLOWED}}); после ошибки выберите файл снова</label>
<input id="f-attachment" name="attachment" type="file" required{{#attachment_error}} aria-invalid="true" aria-describedby="e-attachment"{{/attachment_error}}>
{{#attachment_error}}<p class="field-error" id="e-attachment">{{MESSAGE}}</p>{{/attachment_error}}
</div>
<div class="actions"><button type="submit">Сохранить отметку</button></div>
</form>{{/RECORD_FORM}}
