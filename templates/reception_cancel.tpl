{{%AUTOESCAPE context="HTML"}}{{!-- reception_cancel.tpl: cancelling a booking from the link in the mail: a button, because mail scanners follow links. --}}
<h1>Отмена записи на приём</h1>
{{#UNKNOWN}}<p>Ссылка устарела или в ней ошибка: такой записи нет.</p>{{/UNKNOWN}}
{{#DONE}}<p class="notice">Запись на <time datetime="{{SLOT_ISO}}">{{SLOT}}</time> к {{OFFICIAL}} отменена. Спасибо, что предупредили: время достанется другому.</p>{{/DONE}}
{{#NOT_ACTIVE}}<p>Запись на <time datetime="{{SLOT_ISO}}">{{SLOT}}</time> уже отменена или время приёма прошло.</p>{{/NOT_ACTIVE}}
{{#CONFIRM}}<p>Вы записаны на <time datetime="{{SLOT_ISO}}">{{SLOT}}</time>, принимает {{OFFICIAL}}.</p>
<form method="post" action="/receptions/cancel"><input type="hidden" name="token" value="{{TOKEN}}"><button type="submit">Отменить запись</button></form>{{/CONFIRM}}
