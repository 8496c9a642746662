{{%AUTOESCAPE context="HTML"}}{{!-- discussion.tpl: one draft under public discussion: its text, the rules, the published proposals, the proposal form and the conclusion. --}}
<h1>{{TITLE}}</h1>
{{#PARTICIPANT}}<p class="notice">Вы участвуете по персональной ссылке из письма как участник референтной группы: {{NAME}}. Не пересылайте эту ссылку другим.</p>{{/PARTICIPANT}}
{{#REFUSAL}}<div class="notice error" role="alert"><p>{{MESSAGE}}</p></div>{{/REFUSAL}}
<dl class="facts">
<dt>Разработчик проекта</dt><dd>{{UNIT}}</dd>
<dt>Кто может участвовать</dt><dd>жители: {{TERRITORY}}{{#GROUPS}}; референтные группы: {{NAMES}}{{/GROUPS}}</dd>
<dt>Срок обсуждения</dt><dd>{{PERIOD}}</dd>
<dt>Форма</dt><dd>{{#ONLINE}}обсуждение на сайте{{/ONLINE}}{{#HEARING}}публичные слушания: <a href="/meetings/{{MEETING_ID}}">{{MEETING_TITLE}}</a>, {{MEETING_WHEN}}; предложения принимаются и на сайте{{/HEARING}}</dd>
<dt>Состояние</dt><dd>{{#OPEN}}идёт приём предложений до {{CLOSES_ON}} включительно{{/OPEN}}{{#UPCOMING}}приём предложений начнётся {{OPENS_ON}}{{/UPCOMING}}{{#CLOSED}}приём предложений завершён{{/CLOSED}}</dd>
</dl>
<section class="block" aria-labelledby="draft-text">
<h2 id="draft-text">Текст проекта</h2>
<div class="draft-text">
{{#PARAGRAPH}}<p>{{LINE}}</p>
{{/PARAGRAPH}}</div>
{{#FILES}}<h3>Файлы проекта</h3>
<p>Файлы дополняют текст проекта, опубликованный выше.</p>
<ul>
{{#FILE}}<li><a href="/discussions/files/{{ID}}" download>{{NAME}}</a> ({{ABOUT}})</li>
{{/FILE}}</ul>{{/FILES}}
</section>
{{#CONCLUSION}}<section class="block" aria-labelledby="conclusion">
<h2 id="conclusion">Заключение о результатах обсуждения</h2>
<p class="meta">Опубликовано {{CONCLUDED_AT}}</p>
<p class="text">{{TEXT}}</p>
</section>{{/CONCLUSION}}
<section class="block" aria-labelledby="proposals">
<h2 id="proposals">Предложения и замечания</h2>
{{#NO_PROPOSALS}}<p>Опубликованных предложений пока нет.</p>{{/NO_PROPOSALS}}
{{#HAS_PROPOSALS}}{{#PROPOSAL}}<article class="card" id="proposal-{{ID}}">
<h3>К пункту: {{POINT}}</h3>
<p class="text">{{TEXT}}</p>
<p class="meta">Автор: {{AUTHOR}}</p>
{{#OUTCOME}}<p><strong>Итог: {{LABEL}}.</strong> {{REASON}}</p>{{/OUTCOME}}
</article>
{{/PROPOSAL}}{{/HAS_PROPOSALS}}
</section>
<section class="block" aria-labelledby="send-proposal">
<h2 id="send-proposal">Направить предложение</h2>
<p>Правила: предложения принимаются в срок обсуждения от жителей, вошедших в личный кабинет; каждое проверяет модератор. Публикуются текст и подпись в выбранном вами виде — полностью или фамилия с инициалами; адрес, электронная почта и телефон не публикуются никогда. Не публикуются предложения, не относящиеся к проекту, с оскорблениями, рекламой или чужими персональными данными; о причине отказа автору сообщается по электронной почте. Не более 5 предложений в час.</p>
{{#FORM_CLOSED}}<p><strong>Приём предложений по этому проекту завершён.</strong></p>{{/FORM_CLOSED}}
{{#UPCOMING}}<p>Приём предложений начнётся {{OPENS_ON}}.</p>{{/UPCOMING}}
{{#SIGN_IN}}<p>Чтобы направить предложение, <a href="/account/login?return={{RETURN}}">войдите в личный кабинет</a>.</p>{{/SIGN_IN}}
{{#PROPOSAL_FORM}}{{>FORM_ERRORS}}
<form class="form" method="post" action="{{#SESSION}}/discussions/{{ID}}/proposals{{/SESSION}}{{#LINK}}/discussions/link{{/LINK}}">
{{#SESSION}}<input type="hidden" name="csrf" value="{{CSRF}}">{{/SESSION}}{{#LINK}}<input type="hidden" name="token" value="{{TOKEN}}">{{/LINK}}
<div class="field">
<label for="f-point">Пункт проекта (оставьте пустым, если предложение к проекту в целом)</label>
<input id="f-point" name="point" value="{{point}}" maxlength="100"{{#point_error}} aria-invalid="true" aria-describedby="e-point"{{/point_error}}>
{{#point_error}}<p class="field-error" id="e-point">{{MESSAGE}}</p>{{/point_error}}
</div>
<div class="field">
<label for="f-text">Предложение или замечание</label>
<textarea id="f-text" name="text" rows="8" maxlength="5000" required{{#text_error}} aria-invalid="true" aria-describedby="e-text"{{/text_error}}>{{text}}</textarea>
{{#text_error}}<p class="field-error" id="e-text">{{MESSAGE}}</p>{{/text_error}}
</div>
{{#AUTHOR_FIELD}}<div class="field">
<label for="f-author">Подпись: фамилия, имя, отчество</label>
<input id="f-author" name="author" value="{{author}}" maxlength="200" required autocomplete="name"{{#author_error}} aria-invalid="true" aria-describedby="e-author"{{/author_error}}>
{{#author_error}}<p class="field-error" id="e-author">{{MESSAGE}}</p>{{/author_error}}
</div>{{/AUTHOR_FIELD}}{{#AUTHOR_FIXED}}<p>Подпись: {{NAME}} (участник референтной группы)</p>{{/AUTHOR_FIXED}}
<fieldset id="f-show_as">
<legend>Как показать автора на сайте</legend>
<div><input type="radio" id="f-show-full" name="show_as" value="full"{{#FULL_CHECKED}} checked{{/FULL_CHECKED}}> <label for="f-show-full">Полностью</label></div>
<div><input type="radio" id="f-show-initials" name="show_as" value="initials"{{#INITIALS_CHECKED}} checked{{/INITIALS_CHECKED}}> <label for="f-show-initials">Фамилия и инициалы</label></div>
{{#show_as_error}}<p class="field-error">{{MESSAGE}}</p>{{/show_as_error}}
</fieldset>
<div class="actions"><button type="submit">Отправить на проверку</button></div>
</form>{{/PROPOSAL_FORM}}
</section>
<p><a href="/discussions">Все обсуждения</a></p>
