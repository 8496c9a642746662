{{%AUTOESCAPE context="HTML"}}{{!-- error.tpl: the error page for every status, in Russian. --}}
<h1>{{TITLE}}</h1>
<p class="lead">{{MESSAGE}}</p>
{{#DETAIL}}<p>{{TEXT}}</p>
{{/DETAIL}}{{#FIELD_ERRORS}}<p>Проверьте значения:</p>
<ul class="field-errors">
{{#FIELD_ERROR}}<li><strong>{{LABEL}}</strong> (параметр {{NAME}}, значение «{{VALUE}}»): {{ERROR}}.</li>
{{/FIELD_ERROR}}</ul>
{{/FIELD_ERRORS}}<p>Перейдите на <a href="/">главную страницу</a> или к <a href="/meetings">расписанию встреч</a>.</p>
<p class="request-id">Код ответа {{STATUS}}. Номер запроса: {{REQUEST_ID}} — назовите его, если будете сообщать о проблеме.</p>
