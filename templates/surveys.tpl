{{%AUTOESCAPE context="HTML"}}{{!-- surveys.tpl: the list of surveys of residents. --}}
<h1>Опросы жителей</h1>
<p class="lead">Администрация проводит опросы жителей и участников референтных групп: о качестве своей работы, об открытости, о том, что важно сделать. Чтобы ответить, войдите в <a href="/account">личный кабинет</a>; свой ответ можно изменить до окончания опроса. Итоги публикуются здесь таблицами и диаграммами.</p>
{{#NO_SURVEYS}}<p>Опросов пока нет.</p>{{/NO_SURVEYS}}
{{#HAS_SURVEYS}}{{#SURVEY}}<article class="card">
<h2><a href="/surveys/{{ID}}">{{TITLE}}</a></h2>
<p class="meta">Участвуют: {{AUDIENCE}}</p>
<p>Опрос {{PERIOD}}: {{STATE}}. {{RESPONSES}}.</p>
</article>
{{/SURVEY}}{{/HAS_SURVEYS}}
