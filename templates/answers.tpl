{{%AUTOESCAPE context="HTML"}}{{!-- answers.tpl: published answers to socially significant questions of residents, without personal data. --}}
<h1>Ответы на вопросы жителей</h1>
{{#BODY}}<p class="lead"><a href="/m/{{SLUG}}">{{NAME}}</a>: ответы на обращения, зарегистрированные в его реестре.</p>
{{/BODY}}<p class="lead">Ответы на общественно значимые вопросы, заданные в обращениях и на встречах с населением. Имена и адреса заявителей не публикуются.</p>
{{#NO_ANSWERS}}<p>Опубликованных ответов пока нет.</p>{{/NO_ANSWERS}}
{{#HAS_ANSWERS}}{{#ANSWER}}<article class="card answer-card">
<h2>Вопрос</h2>
<p>{{QUESTION:pre_escape}}</p>
<h3>Ответ</h3>
<div class="answer">{{ANSWER:pre_escape}}</div>
<p class="meta">Обращение № <span class="number">{{NUMBER}}</span>{{#FROM_MEETING}}, подано на встрече <a href="/meetings/{{MEETING_ID}}">{{TITLE}}</a>{{/FROM_MEETING}} · опубликовано {{PUBLISHED}}</p>
</article>
{{/ANSWER}}{{/HAS_ANSWERS}}
<p><a href="{{APPEAL_PATH}}">Задать свой вопрос</a></p>
