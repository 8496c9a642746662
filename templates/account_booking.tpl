{{%AUTOESCAPE context="HTML"}}{{!-- account_booking.tpl: one booking of a personal reception: the confirmation with time and place, the .ics, cancelling. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/account">Личный кабинет</a> › <a href="/account/bookings">Мои записи на приём</a></nav>
<h1>Запись на личный приём</h1>
<p class="lead">Состояние: <strong>{{STATUS}}</strong>{{#REASON}}. Причина отмены: {{TEXT}}{{/REASON}}</p>
<dl class="facts">
<dt>Время приёма</dt><dd><time datetime="{{SLOT_ISO}}">{{SLOT}}</time> ({{SLOT_LENGTH}})</dd>
<dt>Где</dt><dd>{{PLACE}}</dd>
<dt>Кто принимает</dt><dd>{{OFFICIAL}}</dd>
<dt>Ваш вопрос</dt><dd>{{QUESTION}}</dd>
<dt>Как с вами связаться</dt><dd>{{CONTACT}}</dd>
</dl>
<p>Возьмите с собой паспорт или другой документ, удостоверяющий личность.</p>
{{#ICS}}<p class="more"><a href="/account/bookings/{{BOOKING}}.ics" download>Добавить в календарь (.ics)</a></p>{{/ICS}}
{{#CAN_CANCEL}}<form method="post" action="/account/bookings/{{BOOKING}}/cancel"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Отменить запись</button></form>{{/CAN_CANCEL}}
