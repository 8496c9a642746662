{{%AUTOESCAPE context="HTML"}}{{!-- account.tpl: the resident's personal account: who is signed in, their appeals with steps, answers and the verdict, their proposals to drafts, subscriptions, «Мои данные», closing the account. --}}
<h1>Личный кабинет</h1>
<p class="lead">Вы вошли как {{WHO}} {{HOW}}.</p>
{{>FORM_ERRORS}}
<form method="post" action="/account/logout"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Выйти</button></form>
<p class="more"><a href="/account/bookings">Мои записи на личный приём</a></p>
<section class="block" aria-labelledby="my-appeals">
<h2 id="my-appeals">Мои обращения</h2>
<p><a href="/appeals/new">Написать обращение</a></p>
{{#NO_APPEALS}}<p>Обращений пока нет.</p>{{/NO_APPEALS}}
{{#APPEAL_TOTAL}}<p>Всего {{COUNT}}, новые сверху.</p>{{/APPEAL_TOTAL}}
{{#APPEAL}}<article class="appeal" id="appeal-{{ID}}" aria-labelledby="appeal-{{ID}}-title">
<h3 id="appeal-{{ID}}-title">Обращение № <span class="nowrap">{{NUMBER}}</span></h3>
<dl class="facts">
<dt>Состояние</dt><dd>{{STATUS}}</dd>
<dt>Зарегистрировано</dt><dd><time datetime="{{REGISTERED_ISO}}">{{REGISTERED}}</time></dd>
<dt>Срок ответа</dt><dd>не позднее {{DUE}}</dd>
{{#EXTENDED}}<dt>Срок продлён</dt><dd>на {{DAYS}}: {{REASON}}</dd>{{/EXTENDED}}
{{#FORWARDED}}<dt>Направлено по компетенции</dt><dd>{{TO}}, <time datetime="{{AT_ISO}}">{{AT}}</time></dd>{{/FORWARDED}}
</dl>
<details><summary>Текст обращения</summary><div class="answer">{{TEXT:pre_escape}}</div></details>
{{#FILES}}<p>Приложенные файлы:</p>
<ul class="files">
{{#FILE}}<li><a href="/account/files/{{ID}}" download>{{NAME}}</a></li>
{{/FILE}}</ul>{{/FILES}}
<h4>Ход рассмотрения</h4>
<ul class="steps">
{{#STEP}}<li><time datetime="{{AT_ISO}}">{{AT}}</time> — {{WHAT}}</li>
{{/STEP}}</ul>
{{#ANSWER}}<h4>Ответ от <time datetime="{{AT_ISO}}">{{AT}}</time></h4>
<div class="answer">{{TEXT:pre_escape}}</div>{{/ANSWER}}
{{#VERDICT}}<p>Ваша оценка: <strong>{{TEXT}}</strong> (<time datetime="{{AT_ISO}}">{{AT}}</time>). {{COMMENT}}</p>{{/VERDICT}}
{{#VERDICT_FORM}}<form class="form" method="post" action="/account/appeals/{{ID}}/verdict">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset>
<legend>Решён ли ваш вопрос?</legend>
<div><input type="radio" id="v-{{ID}}-yes" name="verdict" value="resolved" required{{#RESOLVED_CHECKED}} checked{{/RESOLVED_CHECKED}}> <label for="v-{{ID}}-yes">Вопрос решён</label></div>
<div><input type="radio" id="v-{{ID}}-no" name="verdict" value="unresolved"{{#UNRESOLVED_CHECKED}} checked{{/UNRESOLVED_CHECKED}}> <label for="v-{{ID}}-no">Вопрос не решён</label></div>
</fieldset>
<div class="field">
<label for="c-{{ID}}">Комментарий (по желанию)</label>
<textarea id="c-{{ID}}" name="comment" rows="3" maxlength="2000"></textarea>
</div>
<div class="actions"><button type="submit">Отправить оценку</button></div>
</form>{{/VERDICT_FORM}}
</article>
{{/APPEAL}}{{#APPEAL_PAGES}}<nav class="pagination" aria-label="Страницы обращений">
<p>Страница {{PAGE}} из {{PAGES}}</p>
<ul>
{{#NEWER}}<li><a href="{{HREF}}" rel="prev">← Более новые обращения</a></li>
{{/NEWER}}{{#OLDER}}<li><a href="{{HREF}}" rel="next">Более ранние обращения →</a></li>
{{/OLDER}}</ul>
</nav>{{/APPEAL_PAGES}}</section>
{{#HAS_PROPOSALS}}<section class="block" aria-labelledby="my-proposals">
<h2 id="my-proposals">Мои предложения к проектам</h2>
{{#PROPOSAL}}<article class="proposal" id="proposal-{{ID}}">
<h3><a href="/discussions/{{DISCUSSION}}">{{TITLE}}</a></h3>
<p>{{#POINT}}К пункту {{POINT}}. {{/POINT}}Отправлено <time datetime="{{SENT_ISO}}">{{SENT}}</time>. {{STATE}}{{#REFUSED}}Не опубликовано. Причина: {{REASON}}{{/REFUSED}}</p>
{{#OUTCOME}}<p>Итог обсуждения: <strong>{{OUTCOME}}</strong>. {{REASON}}</p>{{/OUTCOME}}
<details><summary>Текст предложения</summary><div class="answer">{{TEXT:pre_escape}}</div></details>
</article>
{{/PROPOSAL}}</section>{{/HAS_PROPOSALS}}
<section class="block" id="subscriptions" aria-labelledby="my-subscriptions">
<h2 id="my-subscriptions">Мои подписки на анонсы встреч</h2>
{{#NO_EMAIL}}<p>В учётной записи нет адреса электронной почты: подписаться можно на странице <a href="/subscribe">«Подписка»</a>.</p>{{/NO_EMAIL}}
{{#SUBSCRIPTIONS}}<p>Анонсы приходят на адрес {{EMAIL}}.</p>
{{#NO_SUBSCRIPTIONS}}<p>Подписок нет.</p>{{/NO_SUBSCRIPTIONS}}
{{#HAS_SUBSCRIPTIONS}}<ul class="subscriptions">
{{#SUBSCRIPTION}}<li>{{WHERE}}{{#PENDING}} — ждёт подтверждения по ссылке из письма{{/PENDING}} <form class="inline" method="post" action="/account/subscriptions/{{ID}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" aria-label="Отписаться: {{WHERE}}">Отписаться</button></form></li>
{{/SUBSCRIPTION}}</ul>{{/HAS_SUBSCRIPTIONS}}
<form class="form" method="post" action="/account/subscriptions">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-territory">Анонсы встреч</label>
<select id="f-territory" name="territory">
<option value="">Всего поселения</option>
{{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TERRITORY_OPTION}}</select>
</div>
<div><input type="checkbox" id="f-consent" name="consent" value="yes" required> <label for="f-consent">Я согласен (согласна), чтобы администрация обрабатывала мой адрес электронной почты для рассылки анонсов встреч (Федеральный закон от 27.07.2006 № 152-ФЗ). Согласие можно отозвать здесь или по ссылке из любого письма; подробнее — в <a href="/privacy">политике обработки персональных данных</a>.</label></div>
<div class="actions"><button type="submit">Подписаться</button></div>
</form>{{/SUBSCRIPTIONS}}
</section>
<section class="block" aria-labelledby="my-data">
<h2 id="my-data">Мои данные</h2>
<p>Всё, что сайт хранит о вас — учётная запись и обращения с вашими данными (ст. 14 Федерального закона № 152-ФЗ): <a href="/account/data?format=json" download>скачать в JSON</a> · <a href="/account/data?format=csv" download>скачать в CSV</a>. Как мы обрабатываем данные — в <a href="/privacy">политике обработки персональных данных</a>.</p>
</section>
<section class="block" aria-labelledby="close-account">
<h2 id="close-account">Закрыть личный кабинет</h2>
<p>Данные учётной записи будут удалены. Ваши обращения останутся в реестре администрации: закон обязывает хранить обращения и ответы на них (Федеральный закон от 02.05.2006 № 59-ФЗ). Следить за ними можно будет по номеру и коду.</p>
<form method="post" action="/account/close"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Закрыть личный кабинет</button></form>
</section>
