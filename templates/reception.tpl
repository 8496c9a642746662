{{%AUTOESCAPE context="HTML"}}{{!-- reception.tpl: the public page of a personal reception: date, place, official, free slots (never names); the booking form for a signed-in resident, or the waiting list. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/meetings">Встречи</a> › <a href="/meetings/{{ID}}">{{TITLE}}</a></nav>
<h1>Запись на личный приём</h1>
<dl class="facts">
<dt>Когда</dt><dd><time datetime="{{STARTS_ISO}}">{{WHEN}}</time></dd>
<dt>Где</dt><dd>{{PLACE}}</dd>
<dt>Кто принимает</dt><dd>{{OFFICIAL}}</dd>
{{#TOPICS}}<dt>Темы приёма</dt><dd>{{TEXT}}</dd>{{/TOPICS}}
<dt>Приём одного посетителя</dt><dd>{{SLOT_LENGTH}}</dd>
<dt>Свободно</dt><dd>{{FREE}}</dd>
</dl>
{{>FORM_ERRORS}}
{{#CANCELLED}}<p class="notice">Этот приём отменён, записаться на него нельзя.</p>{{/CANCELLED}}
{{#CLOSED}}<p class="notice">Запись на этот приём закрыта: он уже начался или прошёл.</p>{{/CLOSED}}
{{#SIGN_IN}}<p>Чтобы записаться, <a href="{{HREF}}">войдите в личный кабинет</a> через Госуслуги или по коду из письма: на приёме нужно знать, кто пришёл (Федеральный закон от 02.05.2006 № 59-ФЗ, статья 13).</p>{{/SIGN_IN}}
{{#ALREADY}}<p class="notice">Вы уже записаны к этому должностному лицу: <a href="/account/bookings/{{BOOKING}}">ваша запись</a>. Новая запись возможна после приёма или после отмены прежней.</p>{{/ALREADY}}
{{#WAITING}}<section class="action" aria-labelledby="waiting-title">
<h2 id="waiting-title">Все места заняты</h2>
<p>Встаньте в лист ожидания: если кто-то отменит запись, мы пришлём письмо и оставим освободившееся время за вами на некоторое время.</p>
<form method="post" action="/receptions/{{ID}}/wait"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Встать в лист ожидания</button></form>
</section>{{/WAITING}}
{{#BOOK}}<form class="form" method="post" action="/receptions/{{ID}}/book">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset id="f-slot"{{#slot_error}} aria-describedby="e-slot"{{/slot_error}}>
<legend>Время приёма</legend>
<div class="choices">
{{#SLOT}}<div><input type="radio" id="f-slot-{{AT}}" name="slot" value="{{AT}}"{{#CHECKED}} checked{{/CHECKED}} required> <label for="f-slot-{{AT}}">{{TIME}}</label></div>
{{/SLOT}}</div>
{{#slot_error}}<p class="field-error" id="e-slot">{{MESSAGE}}</p>{{/slot_error}}
</fieldset>
<div class="field">
<label for="f-question">Суть вопроса, коротко</label>
<textarea id="f-question" name="question" rows="4" maxlength="2000" required{{#question_error}} aria-invalid="true" aria-describedby="e-question"{{/question_error}}>{{QUESTION:pre_escape}}</textarea>
{{#question_error}}<p class="field-error" id="e-question">{{MESSAGE}}</p>{{/question_error}}
</div>
<div class="field">
<label for="f-contact">Как с вами связаться (телефон или почта)</label>
<input id="f-contact" name="contact" value="{{CONTACT}}" maxlength="200" autocomplete="tel" required{{#contact_error}} aria-invalid="true" aria-describedby="e-contact"{{/contact_error}}>
{{#contact_error}}<p class="field-error" id="e-contact">{{MESSAGE}}</p>{{/contact_error}}
</div>
<p>Ваше имя и вопрос видят только сотрудники, готовящие приём; на сайте они не публикуются.</p>
<div class="actions"><button type="submit">Записаться</button></div>
</form>{{/BOOK}}
