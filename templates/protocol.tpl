{{%AUTOESCAPE context="HTML"}}{{!-- protocol.tpl: the printable public protocol of a held meeting: no personal data beyond the officials' names and positions; the photo and video links print with their addresses. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка">
<a href="/">Главная</a> › <a href="/meetings">Расписание встреч</a> › <a href="/meetings/{{ID}}">{{TITLE}}</a>
</nav>
<article class="protocol">
<h1>Протокол № {{NUMBER}}</h1>
<p>встречи {{QUOTED_TITLE}}</p>
<dl class="facts">
<dt>Дата</dt><dd>{{HELD_ON}}</dd>
<dt>Место</dt><dd>{{PLACE}}</dd>
{{#CHAIR}}<dt>Председатель&shy;ствующий</dt><dd>{{NAME}}, {{POSITION}}</dd>
{{/CHAIR}}{{#SECRETARY}}<dt>Секретарь</dt><dd>{{NAME}}, {{POSITION}}</dd>
{{/SECRETARY}}{{#ATTENDANCE}}<dt>Присутствовали</dt><dd>{{TEXT}}</dd>
{{/ATTENDANCE}}<dt>Подписан</dt><dd>{{SIGNED}}</dd>
</dl>
{{#HAS_OFFICIALS}}<h2>Должностные лица</h2>
<ul>
{{#OFFICIAL}}<li>{{NAME}} — {{POSITION}}</li>
{{/OFFICIAL}}</ul>
{{/HAS_OFFICIALS}}{{#HAS_QUESTIONS}}<h2>Вопросы жителей и ответы</h2>
<ol class="questions">
{{#QUESTION}}<li><p class="text">{{QUESTION:pre_escape}}</p>{{#ANSWERED}}<p class="text">Ответ: {{ANSWER:pre_escape}}</p>{{/ANSWERED}}</li>
{{/QUESTION}}</ol>
{{/HAS_QUESTIONS}}{{#DECISIONS}}<h2>Решения</h2>
<p class="text">{{TEXT:pre_escape}}</p>
{{/DECISIONS}}{{#HAS_INSTRUCTIONS}}<h2>Поручения</h2>
<ol class="instructions">
{{#INSTRUCTION}}<li><span class="text">{{TEXT:pre_escape}}</span> — {{UNIT}}, срок <time datetime="{{DUE_ISO}}">{{DUE}}</time>: {{STATUS}}{{#OVERDUE}}, <strong class="overdue">просрочено</strong>{{/OVERDUE}}</li>
{{/INSTRUCTION}}</ol>
{{/HAS_INSTRUCTIONS}}{{#HAS_APPEALS}}<h2>Обращения, поданные на встрече</h2>
<ul>
{{#APPEAL}}<li>№ <span class="number">{{NUMBER}}</span> — {{TOPIC}}: {{STATUS}}</li>
{{/APPEAL}}</ul>
{{/HAS_APPEALS}}{{#PHOTO}}<p class="media-link"><a href="{{URL}}" rel="noopener">Фотоотчёт</a></p>
{{/PHOTO}}{{#VIDEO}}<p class="media-link"><a href="{{URL}}" rel="noopener">Видеозапись встречи</a></p>
{{/VIDEO}}{{#HAS_AMENDMENTS}}<h2>Исправления</h2>
<ol class="amendments">
{{#AMENDMENT}}<li><p class="text">{{TEXT:pre_escape}}</p><p>Причина: {{REASON}}</p><p>Внесено {{AT}}</p></li>
{{/AMENDMENT}}</ol>
{{/HAS_AMENDMENTS}}{{#DISCUSSION}}<p class="more">Обсуждаемый проект: <a href="/discussions/{{ID}}">{{TITLE}}</a>{{#CONCLUDED}} · <a href="/discussions/{{ID}}#conclusion">заключение о результатах обсуждения</a>{{/CONCLUDED}}</p>
{{/DISCUSSION}}</article>
