{{%AUTOESCAPE context="HTML"}}{{!-- admin_meeting.tpl: one meeting for staff: its state, the actions its status allows, the edit form. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/meetings">Встречи</a></nav>
<h1>{{TITLE}}</h1>
{{>FORM_ERRORS}}
<dl class="facts">
<dt>Состояние</dt><dd>{{STATUS}}{{#STATUS_REASON}}: {{TEXT}}{{/STATUS_REASON}}</dd>
<dt>Начало</dt><dd><time datetime="{{STARTS_ISO}}">{{STARTS}}</time></dd>
{{#DEADLINE}}<dt>Опубликовать не позднее</dt><dd>{{ANNOUNCE_DEADLINE}}</dd>
{{/DEADLINE}}{{#APPROVED}}<dt>Утверждена</dt><dd>{{AT}}</dd>
{{/APPROVED}}{{#ANNOUNCED}}<dt>Объявлена</dt><dd>{{AT}}</dd>
{{/ANNOUNCED}}{{#EXCEPTION}}<dt>Исключение из правила 5 дней</dt><dd>{{TEXT}}</dd>
{{/EXCEPTION}}{{#POLICE}}<dt>Уведомление полиции</dt><dd>{{#NOTIFIED}}направлено {{AT}}{{/NOTIFIED}}{{#NOT_NOTIFIED}}требуется, ещё не направлено{{/NOT_NOTIFIED}}</dd>
{{/POLICE}}{{#PLACE_AGREEMENT}}<dt>Место согласовано</dt><dd>{{#AGREED}}да, {{AT}} ({{BY}}): {{WITH}}{{/AGREED}}{{#NOT_AGREED}}<strong class="late">нет — место не согласовано</strong>{{/NOT_AGREED}}</dd>
{{/PLACE_AGREEMENT}}</dl>
{{#PUBLIC_PAGE}}<p class="more"><a href="/meetings/{{ID}}">Страница встречи на сайте</a></p>
{{/PUBLIC_PAGE}}{{#PROTOCOL}}<p class="more"><a href="/admin/meetings/{{ID}}/protocol">Протокол встречи и поручения</a></p>
{{/PROTOCOL}}{{#CHANGES}}<h2>Изменения после утверждения</h2>
<ul>
{{#CHANGE}}<li>{{AT}}: {{KIND}}{{#OLD}}, было {{AT}}{{/OLD}}{{#NEW}}, стало {{AT}}{{/NEW}} — {{REASON}} ({{LOGIN}})</li>
{{/CHANGE}}</ul>
{{/CHANGES}}{{>PUBLICATION}}{{>INFORMED}}{{>APPEALS}}
{{#APPROVE}}<section class="action" aria-labelledby="approve-title">
<h2 id="approve-title">Утвердить</h2>
<p>После утверждения встреча публикуется на сайте и рассылается. Без исключения её можно утвердить, только если она начинается не раньше {{EARLIEST}}</p>
<form method="post" action="/admin/meetings/{{ID}}/approve">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#MAY_EXCEPT}}<div class="field">
<label for="f-exception_reason-approve">Причина исключения из правила 5 дней (если встреча раньше)</label>
<textarea id="f-exception_reason-approve" name="exception_reason" rows="2"{{#exception_reason_error}} aria-invalid="true" aria-describedby="f-exception_reason"{{/exception_reason_error}}>{{exception_reason:pre_escape}}</textarea>
</div>
{{/MAY_EXCEPT}}{{#exception_reason_error}}<p class="field-error" id="f-exception_reason">{{MESSAGE}}</p>
{{/exception_reason_error}}{{#APPROVE_ERROR}}<p class="field-error">{{MESSAGE}}</p>
{{/APPROVE_ERROR}}<button type="submit">Утвердить</button>
</form>
</section>
{{/APPROVE}}{{#POSTPONE}}<section class="action" aria-labelledby="postpone-title">
<h2 id="postpone-title">Перенести</h2>
<form method="post" action="/admin/meetings/{{ID}}/postpone">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-new_starts_at">Новое начало</label>
<input id="f-new_starts_at" name="new_starts_at" type="datetime-local" value="{{new_starts_at}}" required{{#new_starts_at_error}} aria-invalid="true" aria-describedby="e-new_starts_at"{{/new_starts_at_error}}>
{{#new_starts_at_error}}<p class="field-error" id="e-new_starts_at">{{MESSAGE}}</p>{{/new_starts_at_error}}</div>
<div class="field"><label for="f-new_ends_at">Новое окончание</label>
<input id="f-new_ends_at" name="new_ends_at" type="datetime-local" value="{{new_ends_at}}" required{{#new_ends_at_error}} aria-invalid="true" aria-describedby="e-new_ends_at"{{/new_ends_at_error}}>
{{#new_ends_at_error}}<p class="field-error" id="e-new_ends_at">{{MESSAGE}}</p>{{/new_ends_at_error}}</div>
<div class="field"><label for="f-postpone_reason">Причина переноса</label>
<textarea id="f-postpone_reason" name="postpone_reason" rows="2" required{{#postpone_reason_error}} aria-invalid="true" aria-describedby="e-postpone_reason"{{/postpone_reason_error}}>{{postpone_reason:pre_escape}}</textarea>
{{#postpone_reason_error}}<p class="field-error" id="e-postpone_reason">{{MESSAGE}}</p>{{/postpone_reason_error}}</div>
{{#MAY_EXCEPT}}<div class="field"><label for="f-exception_reason-postpone">Причина исключения из правила 5 дней (если новое время ближе)</label>
<textarea id="f-exception_reason-postpone" name="exception_reason" rows="2"></textarea></div>
{{/MAY_EXCEPT}}<button type="submit">Перенести</button>
</form>
</section>
{{/POSTPONE}}{{#CANCEL}}<section class="action" aria-labelledby="cancel-title">
<h2 id="cancel-title">Отменить</h2>
<form method="post" action="/admin/meetings/{{ID}}/cancel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-cancel_reason">Причина отмены (публикуется)</label>
<textarea id="f-cancel_reason" name="cancel_reason" rows="2" required{{#cancel_reason_error}} aria-invalid="true" aria-describedby="e-cancel_reason"{{/cancel_reason_error}}>{{cancel_reason:pre_escape}}</textarea>
{{#cancel_reason_error}}<p class="field-error" id="e-cancel_reason">{{MESSAGE}}</p>{{/cancel_reason_error}}</div>
<button type="submit">Отменить встречу</button>
</form>
</section>
{{/CANCEL}}{{#HELD}}<section class="action" aria-labelledby="held-title">
<h2 id="held-title">Отметить проведённой</h2>
<form method="post" action="/admin/meetings/{{ID}}/held">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-attendance">Число участников</label>
<input id="f-attendance" name="attendance" inputmode="numeric" value="{{attendance}}" required{{#attendance_error}} aria-invalid="true" aria-describedby="e-attendance"{{/attendance_error}}>
{{#attendance_error}}<p class="field-error" id="e-attendance">{{MESSAGE}}</p>{{/attendance_error}}</div>
<button type="submit">Встреча проведена</button>
</form>
</section>
{{/HELD}}{{#POLICE_ACTION}}<section class="action" aria-labelledby="police-title">
<h2 id="police-title">Уведомление полиции</h2>
<form method="post" action="/admin/meetings/{{ID}}/police">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Отметить: полиция уведомлена</button>
</form>
</section>
{{/POLICE_ACTION}}{{#PLACE_AGREEMENT_ACTION}}<section class="action" aria-labelledby="place-title">
<h2 id="place-title">Согласование места</h2>
<p>Место выездной встречи согласует с учреждением секретарь информационной группы. Если место встречи изменят, отметку нужно будет сделать заново.</p>
<form method="post" action="/admin/meetings/{{ID}}/place">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-place_agreed_with">С кем и как согласовано</label>
<input id="f-place_agreed_with" name="place_agreed_with" value="{{place_agreed_with}}" maxlength="300" required{{#place_agreed_with_error}} aria-invalid="true" aria-describedby="e-place_agreed_with"{{/place_agreed_with_error}}>
{{#place_agreed_with_error}}<p class="field-error" id="e-place_agreed_with">{{MESSAGE}}</p>{{/place_agreed_with_error}}</div>
<button type="submit">Отметить: место согласовано</button>
</form>
</section>
{{/PLACE_AGREEMENT_ACTION}}{{#EDIT}}<h2>Изменить</h2>
{{>FORM}}
{{/EDIT}}
