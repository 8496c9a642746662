{{%AUTOESCAPE context="HTML"}}{{!-- admin_reception_queue.tpl: the day's queue of a reception (printable): booked slots, marks, cancelling with a reason, booking on a caller's behalf. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/receptions">Личный приём</a> › <a href="/admin/meetings/{{ID}}">Встреча</a></nav>
<h1>Очередь на приём, {{WHEN}}</h1>
<dl class="facts">
<dt>Кто принимает</dt><dd>{{OFFICIAL}}</dd>
<dt>Где</dt><dd>{{PLACE}}</dd>
<dt>Состояние</dt><dd>{{STATUS}}</dd>
<dt>Свободных мест</dt><dd>{{FREE}}</dd>
</dl>
{{>FORM_ERRORS}}
{{#NO_BOOKINGS}}<p>Записей пока нет.</p>{{/NO_BOOKINGS}}
{{#HAS_BOOKINGS}}<div class="table-scroll" role="region" aria-labelledby="queue-caption" tabindex="0"><table class="queue">
<caption id="queue-caption">Записавшиеся на приём</caption>
<thead><tr><th scope="col">Время</th><th scope="col">Посетитель</th><th scope="col">Связь</th><th scope="col">Вопрос</th><th scope="col">Отметка</th></tr></thead>
<tbody>
{{#BOOKING}}<tr id="booking-{{ID}}"><td>{{TIME}}</td><td>{{NAME}} <span class="muted">({{HOW}})</span></td><td>{{CONTACT}}</td><td>{{QUESTION}}</td><td>{{MARK}}{{#ACTIONS}}
<form class="inline" method="post" action="/admin/bookings/{{ID}}/visit"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="visit" value="came"><button type="submit">Пришёл</button></form>
<form class="inline" method="post" action="/admin/bookings/{{ID}}/visit"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="visit" value="absent"><button type="submit">Не пришёл</button></form>
{{#CARD}}<a href="/admin/appeals/new?booking={{ID}}">Карточка приёма</a>{{/CARD}}{{#APPEAL}}<a href="/admin/appeals/{{ID}}">Обращение по карточке</a>{{/APPEAL}}
{{#CAN_CANCEL}}<form method="post" action="/admin/bookings/{{ID}}/cancel"><input type="hidden" name="csrf" value="{{CSRF}}"><label for="f-cancel_reason-{{ID}}">Причина отмены (её получит посетитель)</label> <input id="f-cancel_reason-{{ID}}" name="cancel_reason" maxlength="2000" required> <button type="submit">Отменить запись</button></form>{{/CAN_CANCEL}}{{/ACTIONS}}</td></tr>
{{/BOOKING}}</tbody></table></div>{{/HAS_BOOKINGS}}
{{#cancel_reason_error}}<p class="field-error" id="e-cancel_reason">{{MESSAGE}}</p>{{/cancel_reason_error}}
{{#BOOK}}<section class="action" aria-labelledby="book-title">
<h2 id="book-title">Записать по телефону</h2>
<form class="form" method="post" action="/admin/receptions/{{ID}}/book">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-slot">Время</label>
<select id="f-slot" name="slot" required{{#slot_error}} aria-invalid="true" aria-describedby="e-slot"{{/slot_error}}>
<option value="">— выберите —</option>
{{#SLOT_OPTION}}<option value="{{AT}}"{{#SELECTED}} selected{{/SELECTED}}>{{TIME}}</option>
{{/SLOT_OPTION}}</select>
{{#slot_error}}<p class="field-error" id="e-slot">{{MESSAGE}}</p>{{/slot_error}}
</div>
<div class="field">
<label for="f-full_name">Фамилия, имя, отчество</label>
<input id="f-full_name" name="full_name" value="{{full_name}}" maxlength="200" required{{#full_name_error}} aria-invalid="true" aria-describedby="e-full_name"{{/full_name_error}}>
{{#full_name_error}}<p class="field-error" id="e-full_name">{{MESSAGE}}</p>{{/full_name_error}}
</div>
<div class="field">
<label for="f-phone">Телефон</label>
<input id="f-phone" name="phone" type="tel" value="{{phone}}" maxlength="40" required{{#phone_error}} aria-invalid="true" aria-describedby="e-phone"{{/phone_error}}>
{{#phone_error}}<p class="field-error" id="e-phone">{{MESSAGE}}</p>{{/phone_error}}
</div>
<div class="field">
<label for="f-question">Суть вопроса</label>
<textarea id="f-question" name="question" rows="3" maxlength="2000" required{{#question_error}} aria-invalid="true" aria-describedby="e-question"{{/question_error}}>{{question:pre_escape}}</textarea>
{{#question_error}}<p class="field-error" id="e-question">{{MESSAGE}}</p>{{/question_error}}
</div>
<div class="actions"><button type="submit">Записать</button></div>
</form>
</section>{{/BOOK}}
