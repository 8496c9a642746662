{{%AUTOESCAPE context="HTML"}}{{!-- account_bookings.tpl: the resident's bookings of personal receptions. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/account">Личный кабинет</a></nav>
<h1>Мои записи на приём</h1>
{{#WAITING_ADDED}}<p class="notice">Вы в листе ожидания. Когда освободится время, мы пришлём письмо.</p>{{/WAITING_ADDED}}
{{#NO_BOOKINGS}}<p>Записей на приём пока нет. Приёмы, на которые можно записаться, есть в <a href="/meetings?kind=personal_reception">расписании встреч</a>.</p>{{/NO_BOOKINGS}}
{{#HAS_BOOKINGS}}<ul>
{{#BOOKING}}<li><a href="/account/bookings/{{ID}}"><time datetime="{{WHEN_ISO}}">{{WHEN}}</time></a> — {{OFFICIAL}}: {{STATUS}}</li>
{{/BOOKING}}</ul>{{/HAS_BOOKINGS}}
