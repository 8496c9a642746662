{{%AUTOESCAPE context="HTML"}}{{!-- admin_discussion.tpl: the staff page of a discussion: the draft, moderation of proposals, outcomes and the conclusion. --}}
<h1>{{TITLE}}</h1>
{{#ERROR}}<div class="field-errors" role="alert"><p>{{MESSAGE}}</p></div>{{/ERROR}}
<p><a href="/discussions/{{ID}}">Страница обсуждения на сайте</a></p>
<dl class="facts">
<dt>Разработчик проекта</dt><dd>{{UNIT}}</dd>
<dt>Участники</dt><dd>жители: {{TERRITORY}}{{#GROUPS}}; референтные группы: {{NAMES}}{{/GROUPS}}</dd>
<dt>Срок обсуждения</dt><dd>{{PERIOD}}</dd>
<dt>Форма</dt><dd>{{#ONLINE}}обсуждение на сайте{{/ONLINE}}{{#HEARING}}публичные слушания: <a href="/admin/meetings/{{MEETING_ID}}">{{MEETING_TITLE}}</a>, {{MEETING_WHEN}}{{/HEARING}}</dd>
<dt>Состояние</dt><dd>{{#OPEN}}идёт приём предложений{{/OPEN}}{{#UPCOMING}}ещё не началось{{/UPCOMING}}{{#CLOSED}}приём предложений завершён{{/CLOSED}}</dd>
</dl>
{{#FILES}}<h2>Файлы проекта</h2>
<ul>
{{#FILE}}<li><a href="/discussions/files/{{ID}}" download>{{NAME}}</a> ({{ABOUT}})</li>
{{/FILE}}</ul>{{/FILES}}
<h2 id="proposals">Предложения</h2>
{{#NO_PROPOSALS}}<p>Предложений нет.</p>{{/NO_PROPOSALS}}
{{#HAS_PROPOSALS}}{{#PROPOSAL}}<article class="card" id="proposal-{{ID}}">
<h3>№ {{ID}}, к пункту: {{POINT}}</h3>
<p class="text">{{TEXT}}</p>
<p class="meta">Автор на сайте: {{AUTHOR}} · получено {{CREATED}}</p>
{{#PENDING}}<p><strong>Ждёт проверки.</strong></p>
<form class="inline" method="post" action="/admin/discussions/proposals/{{ID}}/publish"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Опубликовать</button></form>
<form class="form" method="post" action="/admin/discussions/proposals/{{ID}}/refuse"><input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="r-{{ID}}">Причина отказа (её получит автор)</label>
<textarea id="r-{{ID}}" name="reason" rows="2" maxlength="2000"></textarea></div>
<div class="actions"><button type="submit">Отказать в публикации</button></div></form>{{/PENDING}}
{{#REFUSED}}<p><strong>Не опубликовано.</strong> Причина: {{REASON}}</p>{{/REFUSED}}
{{#PUBLISHED}}<p><strong>Опубликовано.</strong>{{#OUTCOME}} Итог: {{LABEL}}.{{/OUTCOME}} {{OUTCOME_REASON}}</p>
{{#OUTCOME_FORM}}<form class="form" method="post" action="/admin/discussions/proposals/{{ID}}/outcome"><input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="o-{{ID}}">Итог</label>
<select id="o-{{ID}}" name="outcome"><option value="">— выберите —</option>
{{#OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTION}}</select></div>
<div class="field"><label for="or-{{ID}}">Обоснование</label>
<textarea id="or-{{ID}}" name="reason" rows="2" maxlength="2000">{{REASON}}</textarea></div>
<div class="actions"><button type="submit">Сохранить итог</button></div></form>{{/OUTCOME_FORM}}{{/PUBLISHED}}
</article>
{{/PROPOSAL}}{{/HAS_PROPOSALS}}
<h2 id="conclusion">Заключение о результатах</h2>
{{#CONCLUSION_LATER}}<p>Заключение пишется после окончания срока обсуждения.</p>{{/CONCLUSION_LATER}}
{{#CONCLUSION}}<p class="meta">Опубликовано {{CONCLUDED_AT}}</p>
<p class="text">{{TEXT}}</p>{{/CONCLUSION}}
{{#CONCLUSION_FORM}}<form class="form" method="post" action="/admin/discussions/{{ID}}/conclude"><input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-conclusion">Текст заключения (итоги по каждому предложению добавляются из отметок выше)</label>
<textarea id="f-conclusion" name="conclusion" rows="8" maxlength="20000">{{conclusion}}</textarea></div>
<div class="actions"><button type="submit">Опубликовать заключение и разослать авторам</button></div></form>{{/CONCLUSION_FORM}}
