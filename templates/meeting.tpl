{{%AUTOESCAPE context="HTML"}}{{!-- meeting.tpl: one meeting: announcement before it, facts after it. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка">
<a href="/">Главная</a> › <a href="/meetings">Расписание встреч</a>
</nav>
<article class="meeting {{STATUS_CLASS}}">
<p class="meeting-kind">{{KIND_NAME}}</p>
<h1>{{TITLE}}</h1>
<p class="meeting-status"><span class="status">{{STATUS_LABEL}}</span></p>
{{#POSTPONED}}<p class="notice">Встреча перенесена. Ранее она была назначена на {{FROM}}.</p>
{{/POSTPONED}}{{#CANCELLED}}<p class="notice">Встреча отменена.</p>
{{/CANCELLED}}{{#REASON}}<p class="reason text">Причина: {{TEXT:pre_escape}}</p>
{{/REASON}}<dl class="facts">
<dt>Дата и время</dt>
<dd><time datetime="{{STARTS_ISO}}">{{WEEKDAY}}, {{STARTS}}</time>–{{ENDS_TIME}} (местное время)</dd>
<dt>Место</dt>
<dd>{{VENUE_NAME}}<br>{{VENUE_ADDRESS}}</dd>
{{#BODY}}<dt>Муниципальное образование</dt>
<dd><a href="/m/{{SLUG}}">{{NAME}}</a></dd>
{{/BODY}}<dt>Территория</dt>
<dd>{{TERRITORY}}</dd>
{{#HOST}}<dt>Проводит</dt>
<dd>{{NAME}}, {{POSITION}}</dd>
{{/HOST}}{{#GROUP}}<dt>Информационная группа</dt>
<dd>{{NAME}}</dd>
{{/GROUP}}{{#ORGANISER}}<dt>Организатор</dt>
<dd>{{TEXT}}</dd>
{{/ORGANISER}}{{#ATTENDANCE}}<dt>Присутствовали</dt>
<dd>{{TEXT}}</dd>
{{/ATTENDANCE}}</dl>
{{#CHANGES}}<h2>Изменения</h2>
<ul class="changes">
{{#CHANGE}}<li>{{AT}}: {{#TIME}}время перенесено с {{OLD}} на {{NEW}}{{/TIME}}{{#PLACE}}место изменено: было «{{OLD}}», стало «{{NEW}}»{{/PLACE}}</li>
{{/CHANGE}}</ul>
{{/CHANGES}}{{#DESCRIPTION}}<h2>О встрече</h2>
<p class="text">{{TEXT:pre_escape}}</p>
{{/DESCRIPTION}}{{#INVITEES}}<h2>Приглашены</h2>
<ul class="invitees">
{{#INVITEE}}<li>{{LINE}}</li>
{{/INVITEE}}</ul>
{{/INVITEES}}{{#RESULTS}}<h2 id="results">Итоги встречи</h2>
{{#HAS_QUESTIONS}}<h3>Вопросы жителей</h3>
<ol class="questions">
{{#QUESTION}}<li><p class="text">{{QUESTION:pre_escape}}</p>{{#ANSWERED}}<p class="text">Ответ: {{ANSWER:pre_escape}}</p>{{/ANSWERED}}</li>
{{/QUESTION}}</ol>
{{/HAS_QUESTIONS}}{{#DECISIONS}}<h3>Решения</h3>
<p class="text">{{TEXT:pre_escape}}</p>
{{/DECISIONS}}{{#HAS_INSTRUCTIONS}}<h3>Поручения</h3>
<ul class="instructions">
{{#INSTRUCTION}}<li><span class="text">{{TEXT:pre_escape}}</span> — {{UNIT}}, срок <time datetime="{{DUE_ISO}}">{{DUE}}</time>: <span class="status">{{STATUS}}</span>{{#OVERDUE}}, <strong class="overdue">просрочено</strong>{{/OVERDUE}}</li>
{{/INSTRUCTION}}</ul>
{{/HAS_INSTRUCTIONS}}{{#PHOTO}}<p class="more"><a href="{{URL}}" rel="noopener">Фотоотчёт</a></p>
{{/PHOTO}}{{#VIDEO}}<p class="more"><a href="{{URL}}" rel="noopener">Видеозапись встречи</a></p>
{{/VIDEO}}{{#HAS_AMENDMENTS}}<h3>Исправления протокола</h3>
<ol class="amendments">
{{#AMENDMENT}}<li><p class="text">{{TEXT:pre_escape}}</p><p>Причина: {{REASON}}</p><p>Внесено {{AT}}</p></li>
{{/AMENDMENT}}</ol>
{{/HAS_AMENDMENTS}}<p class="more"><a href="/meetings/{{MEETING_ID}}/protocol">Протокол встречи (версия для печати)</a></p>
{{/RESULTS}}{{#ANSWERS}}<h2>Ответы на вопросы, заданные на встрече</h2>{{/ANSWERS}}
{{#ANSWER}}<h3>{{QUESTION}}</h3>
<div class="answer">{{ANSWER:pre_escape}}</div>
{{/ANSWER}}{{#ANSWERS}}<p class="more"><a href="/answers">Все ответы на вопросы жителей</a></p>{{/ANSWERS}}
{{#DISCUSSION}}<p class="more">Обсуждаемый проект: <a href="/discussions/{{ID}}">{{TITLE}}</a>{{#CONCLUDED}} · <a href="/discussions/{{ID}}#conclusion">заключение о результатах обсуждения</a>{{/CONCLUDED}}</p>
{{/DISCUSSION}}{{#RECEPTION}}<p class="more"><a href="/receptions/{{ID}}">Записаться на приём онлайн</a></p>
{{/RECEPTION}}{{#CALENDAR}}<p class="more"><a href="/meetings/{{ID}}.ics">Добавить встречу в календарь</a></p>
<p class="more"><a href="/appeals/new?meeting={{ID}}">Задать вопрос к этой встрече заранее</a></p>
{{/CALENDAR}}<p class="more"><a href="/subscribe?territory={{TERRITORY_ID}}">Подписаться на анонсы встреч</a> по электронной почте: {{TERRITORY}}</p>
</article>
