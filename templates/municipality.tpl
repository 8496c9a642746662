{{%AUTOESCAPE context="HTML"}}{{!-- municipality.tpl: a municipality's page: its card, a district's settlements, the upcoming meetings that concern its residents. --}}
{{#DISTRICT}}<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/m/{{SLUG}}">{{NAME}}</a></nav>
{{/DISTRICT}}<h1>{{OFFICIAL}}</h1>
<dl class="facts">
<dt>Вид муниципального образования</dt><dd>{{KIND}}</dd>
{{#HEAD}}<dt>Глава</dt><dd>{{NAME}}, {{POSITION}}</dd>
{{/HEAD}}{{#ADMINISTRATION}}<dt>Администрация</dt><dd>{{VALUE}}</dd>
{{/ADMINISTRATION}}{{#ADDRESS}}<dt>Адрес</dt><dd>{{VALUE}}</dd>
{{/ADDRESS}}{{#PHONE}}<dt>Телефон</dt><dd>{{VALUE}}</dd>
{{/PHONE}}{{#EMAIL}}<dt>Электронная почта</dt><dd><a href="mailto:{{VALUE}}">{{VALUE}}</a></dd>
{{/EMAIL}}{{#HOURS}}<dt>Часы приёма</dt><dd>{{VALUE}}</dd>
{{/HOURS}}{{#SITE}}<dt>Официальный сайт</dt><dd><a href="{{VALUE}}">{{VALUE}}</a></dd>
{{/SITE}}</dl>
<nav class="block" aria-labelledby="sections-title">
<h2 id="sections-title">Разделы</h2>
<ul>
<li><a href="/m/{{SLUG}}/meetings">Расписание встреч с жителями</a></li>
<li><a href="/m/{{SLUG}}/appeal">Направить обращение</a></li>
<li><a href="/m/{{SLUG}}/answers">Ответы на вопросы жителей</a></li>
<li><a href="/m/{{SLUG}}/press">Для прессы: анонсы встреч</a></li>
<li><a href="/m/{{SLUG}}/feed.atom" type="application/atom+xml">Лента анонсов в формате Atom</a></li>
<li><a href="/m/{{SLUG}}/calendar.ics">Календарь встреч (файл .ics)</a></li>
<li><a href="/m/{{SLUG}}/subscribe">Подписка на анонсы встреч по электронной почте</a></li>
</ul>
</nav>
{{#SETTLEMENT_LIST}}<section class="block" aria-labelledby="settlements-title">
<h2 id="settlements-title">Поселения в составе района</h2>
<ul class="meeting-list">
{{#SETTLEMENT}}<li>{{>CARD}}</li>
{{/SETTLEMENT}}</ul>
</section>{{/SETTLEMENT_LIST}}
<section class="block" aria-labelledby="upcoming-title">
<h2 id="upcoming-title">Ближайшие встречи с жителями</h2>
{{#HAS_UPCOMING}}<ul class="meeting-list">
{{#UPCOMING}}<li>{{>CARD}}</li>
{{/UPCOMING}}</ul>{{/HAS_UPCOMING}}
{{#NO_UPCOMING}}<p>Ближайшие встречи пока не назначены.</p>{{/NO_UPCOMING}}
<p class="more"><a href="/m/{{SLUG}}/meetings">Всё расписание встреч</a></p>
</section>
