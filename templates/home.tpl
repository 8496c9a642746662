{{%AUTOESCAPE context="HTML"}}{{!-- home.tpl: the home page: next meetings, latest held ones, how to appeal. --}}
<h1>Встречи с населением</h1>
<p class="lead">Расписание встреч главы и информационных групп с жителями. Место и время каждой встречи публикуются не позднее чем за 5 дней до её проведения.</p>
<section class="block" aria-labelledby="upcoming-title">
<h2 id="upcoming-title">Ближайшие встречи</h2>
{{#HAS_UPCOMING}}<ul class="meeting-list">
{{#UPCOMING}}<li>{{>CARD}}</li>
{{/UPCOMING}}</ul>{{/HAS_UPCOMING}}
{{#NO_UPCOMING}}<p>Ближайшие встречи пока не назначены.</p>{{/NO_UPCOMING}}
<p class="more"><a href="/meetings">Всё расписание встреч</a> · <a href="/subscribe">Подписаться на анонсы по электронной почте</a></p>
<p class="more">Расписание в календаре: <a href="/calendar/subscribe">подписаться</a> (адрес для программы-календаря: {{WEBCAL_URL}}) — календарь на телефоне или компьютере сам добавит новые встречи и изменения; <a href="/meetings.ics">скачать файл .ics</a> — разовый импорт: встречи, назначенные позже, в календарь не попадут.</p>
</section>
{{#HAS_RECENT}}<section class="block" aria-labelledby="recent-title">
<h2 id="recent-title">Недавно состоялись</h2>
<ul class="meeting-list">
{{#RECENT}}<li>{{>CARD}}</li>
{{/RECENT}}</ul>
</section>{{/HAS_RECENT}}
{{#SETTLEMENTS}}<section class="block" aria-labelledby="settlements-title">
<h2 id="settlements-title">Поселения в составе района</h2>
<p><a href="/m/{{DISTRICT_SLUG}}">{{DISTRICT}}</a>: у каждого поселения свой глава, администрация, встречи с жителями и приём обращений.</p>
<ul class="meeting-list">
{{#SETTLEMENT}}<li>{{>CARD}}</li>
{{/SETTLEMENT}}</ul>
</section>{{/SETTLEMENTS}}
<section class="block appeal-how" aria-labelledby="appeal-title">
<h2 id="appeal-title">Как обратиться в администрацию</h2>
<ul>
<li>Прийти на встречу с населением и задать вопрос устно или передать письменное обращение.</li>
<li>Записаться на <a href="/meetings?kind=personal_reception">личный приём главы</a> по телефону {{CONTACT_PHONE}}.</li>
<li>Написать письмо по адресу: {{CONTACT_ADDRESS}}.</li>
<li><a href="/appeals/new">Направить обращение через сайт</a>: сразу получите регистрационный номер и код, по которым можно <a href="/appeals/status">узнать, как оно рассматривается</a>.</li>
<li>Отправить обращение по электронной почте: <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a>.</li>
</ul>
<p>Обращение регистрируется в течение 3 дней, ответ даётся в течение 30 дней со дня регистрации (Федеральный закон от 02.05.2006 № 59-ФЗ). Укажите фамилию, имя и почтовый или электронный адрес, по которому нужно направить ответ.</p>
</section>
