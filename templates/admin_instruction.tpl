{{%AUTOESCAPE context="HTML"}}{{!-- admin_instruction.tpl: one instruction (поручение): source, executor, controller, due date, state, report, history and the steps the signed-in staff member may take. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/instructions">Поручения</a></nav>
<h1>Поручение № {{ID}}</h1>
{{>FORM_ERRORS}}
<p class="text">{{TEXT:pre_escape}}</p>
<dl class="facts">
<dt>Источник</dt><dd>{{#FROM_MEETING}}протокол встречи <a href="{{HREF}}">{{TITLE}}</a>{{/FROM_MEETING}}{{#FROM_APPEAL}}обращение № {{#LINK}}<a class="number" href="/admin/appeals/{{APPEAL_ID}}">{{NUMBER}}</a>{{/LINK}}{{#PLAIN}}<span class="number">{{NUMBER}}</span>{{/PLAIN}}{{/FROM_APPEAL}}</dd>
<dt>Исполнитель</dt><dd>{{EXECUTOR}}{{#UNIT}}, {{NAME}}{{/UNIT}}</dd>
<dt>Контролёр</dt><dd>{{CONTROLLER}}</dd>
<dt>Срок</dt><dd><time datetime="{{DUE_ISO}}">{{DUE}}</time>{{#OVERDUE}} <strong class="late">{{TEXT}}</strong>{{/OVERDUE}}{{#SOON}} <strong>{{TEXT}}</strong>{{/SOON}}</dd>
<dt>Состояние</dt><dd>{{STATUS}}</dd>
<dt>Дано</dt><dd>{{CREATED}}</dd>
{{#REASON}}<dt>Причина</dt><dd>{{TEXT}}</dd>
{{/REASON}}</dl>
{{#DRAFT_NOTE}}<p class="notice">Это проект поручения в черновике протокола: оно вступит в силу и уйдёт исполнителю, когда протокол будет подписан.</p>
{{#CAN_DELETE}}<section class="action" aria-labelledby="delete-title">
<h2 id="delete-title">Удалить из черновика</h2>
<form method="post" action="/admin/instructions/{{ID}}/delete">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Удалить поручение</button>
</form>
</section>
{{/CAN_DELETE}}{{/DRAFT_NOTE}}{{#REPORT}}<h2>Отчёт исполнителя</h2>
<p class="text">{{TEXT:pre_escape}}</p>
{{/REPORT}}{{#CAN_START}}<section class="action" aria-labelledby="start-title">
<h2 id="start-title">Взять в работу</h2>
<form method="post" action="/admin/instructions/{{ID}}/start">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Взять в работу</button>
</form>
</section>
{{/CAN_START}}{{#CAN_REPORT}}<section class="action" aria-labelledby="report-title">
<h2 id="report-title">Доложить об исполнении</h2>
<form method="post" action="/admin/instructions/{{ID}}/report">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-report">Отчёт об исполнении</label>
<textarea id="f-report" name="report" rows="4" required{{#report_error}} aria-invalid="true" aria-describedby="e-report"{{/report_error}}>{{report:pre_escape}}</textarea>
{{#report_error}}<p class="field-error" id="e-report">{{MESSAGE}}</p>{{/report_error}}</div>
<button type="submit">Доложить</button>
</form>
</section>
{{/CAN_REPORT}}{{#CAN_ACCEPT}}<section class="action" aria-labelledby="accept-title">
<h2 id="accept-title">Принять исполнение</h2>
<form method="post" action="/admin/instructions/{{ID}}/accept">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Принять</button>
</form>
<h2 id="return-title">Вернуть на доработку</h2>
<form method="post" action="/admin/instructions/{{ID}}/return">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-reason">Причина возврата</label>
<textarea id="f-reason" name="reason" rows="2" required{{#reason_error}} aria-invalid="true" aria-describedby="e-reason"{{/reason_error}}>{{reason:pre_escape}}</textarea>
{{#reason_error}}<p class="field-error" id="e-reason">{{MESSAGE}}</p>{{/reason_error}}</div>
<button type="submit">Вернуть</button>
</form>
</section>
{{/CAN_ACCEPT}}{{#CAN_CANCEL}}<section class="action" aria-labelledby="cancel-title">
<h2 id="cancel-title">Отменить поручение</h2>
<form method="post" action="/admin/instructions/{{ID}}/cancel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-cancel_reason">Причина отмены</label>
<textarea id="f-cancel_reason" name="cancel_reason" rows="2" required{{#cancel_reason_error}} aria-invalid="true" aria-describedby="e-cancel_reason"{{/cancel_reason_error}}>{{cancel_reason:pre_escape}}</textarea>
{{#cancel_reason_error}}<p class="field-error" id="e-cancel_reason">{{MESSAGE}}</p>{{/cancel_reason_error}}</div>
<button type="submit">Отменить</button>
</form>
</section>
{{/CAN_CANCEL}}<h2>История</h2>
<ol class="history">
{{#EVENT}}<li>{{AT}} — {{STATUS}} ({{WHO}}) {{NOTE}}</li>
{{/EVENT}}</ol>
