{{%AUTOESCAPE context="HTML"}}{{!-- admin_publication.tpl: the proof of publication on the staff meeting page: each announcement of the meeting's place and time (the first, changes, a cancellation), the channels it went out on and when each delivered, how many days ahead, and whether the 5-day rule was kept. --}}
<section class="publication" aria-labelledby="publication-title">
<h2 id="publication-title">Публикация</h2>
{{#NOT_PUBLISHED}}<p>Место и время встречи ещё не публиковались.</p>
{{/NOT_PUBLISHED}}{{#HAS_ANNOUNCEMENTS}}<ol class="publications">
{{#ANNOUNCEMENT}}<li>
<p><strong>{{KIND}}</strong>{{#FIRST}} — место и время опубликованы впервые{{/FIRST}}: <time datetime="{{PUBLISHED_ISO}}">{{PUBLISHED}}</time></p>
<p>Опубликовано: начало <time datetime="{{STARTS_ISO}}">{{STARTS}}</time>, {{VENUE}}.</p>
{{#AHEAD}}<p>За {{DAYS}} до встречи: {{#KEPT}}правило 5 дней соблюдено.{{/KEPT}}{{#BROKEN}}<strong class="flag">правило 5 дней нарушено.</strong>{{/BROKEN}}</p>
{{/AHEAD}}<ul class="channels">
{{#CHANNEL}}<li>{{NAME}}: {{STATE}}</li>
{{/CHANNEL}}</ul>
</li>
{{/ANNOUNCEMENT}}</ol>
{{/HAS_ANNOUNCEMENTS}}</section>
