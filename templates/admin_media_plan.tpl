{{%AUTOESCAPE context="HTML"}}{{!-- admin_media_plan.tpl: the media plan: every meeting still to come (or of one month) with the date by which it must be published, whether, when and where it was, and what is overdue or late. Printable: the print styles drop the filter and the navigation. --}}
<h1>{{TITLE}}</h1>
<p>Место и время встречи публикуются в СМИ, на официальном сайте и в социальных сетях не позднее чем за 5 дней до неё. {{SUMMARY}}</p>
{{#NO_SOCIAL_CHANNEL}}<p class="notice" id="no-social"><strong>Социальные сети не подключены</strong>: в файле настройки портала нет ни одного канала (раздел [webhooks]), поэтому анонсы не публикуются в официальных группах социальных сетей, хотя п. 2.3 Порядка проведения встреч главы с населением этого требует. Пока канал не настроен, публикуйте каждую встречу в группах вручную.</p>
{{/NO_SOCIAL_CHANNEL}}<form class="filters" method="get" action="/admin/media-plan">
<fieldset>
<legend>Месяц</legend>
<div class="field"><label for="f-month">Месяц</label><input type="month" id="f-month" name="month" value="{{month}}" min="2000-01" max="2100-12"></div>
<div class="actions"><button type="submit">Показать</button> <a href="/admin/media-plan">Все предстоящие</a></div>
</fieldset>
</form>
{{#MONTH_NAV}}<div class="subnav"><ul><li><a href="/admin/media-plan?month={{PREV}}">← {{PREV_NAME}}</a></li><li><a href="/admin/media-plan?month={{NEXT}}">{{NEXT_NAME}} →</a></li></ul></div>
{{/MONTH_NAV}}{{#THIS_MONTH}}<p class="subnav"><a href="/admin/media-plan?month={{MONTH}}">Текущий месяц целиком</a></p>
{{/THIS_MONTH}}{{#NO_MEETINGS}}<p>Встреч нет.</p>
{{/NO_MEETINGS}}{{#HAS_MEETINGS}}<div class="table-scroll" role="region" aria-labelledby="plan-caption" tabindex="0">
<table class="list cards media-plan">
<caption id="plan-caption">Встречи по времени проведения</caption>
<thead><tr><th scope="col">Дата и время</th><th scope="col">Встреча</th><th scope="col">Опубликовать не позднее</th><th scope="col">Публикация</th><th scope="col">Отметки</th></tr></thead>
<tbody>
{{#MEETING}}<tr>
<td data-label="Дата и время"><time datetime="{{STARTS_ISO}}">{{STARTS}}</time></td>
<td data-label="Встреча"><a href="/admin/meetings/{{ID}}">{{TITLE}}</a><br>{{STATUS}}</td>
<td data-label="Опубликовать не позднее">{{DEADLINE}}</td>
<td data-label="Публикация">{{#PUBLISHED}}опубликована <time datetime="{{AT_ISO}}">{{AT}}</time>
<ul class="channels">
{{#CHANNEL}}<li>{{NAME}}: {{STATE}}</li>
{{/CHANNEL}}</ul>
{{#LATEST}}последняя публикация: {{KIND}}, {{AT}}{{/LATEST}}{{/PUBLISHED}}{{#NOT_PUBLISHED}}не опубликована{{/NOT_PUBLISHED}}</td>
<td data-label="Отметки">{{#OVERDUE}}<strong class="flag">Просрочена: не опубликована в срок</strong><br>{{/OVERDUE}}{{#PENDING}}ожидает публикации<br>{{/PENDING}}{{#CHANGE_PENDING}}изменение ожидает публикации<br>{{/CHANGE_PENDING}}{{#NO_SOCIAL}}<strong class="flag">Нет канала в соцсети: анонс туда не уйдёт</strong><br>{{/NO_SOCIAL}}{{#NOT_IN_SOCIAL}}<strong class="flag">В соцсетях не опубликована</strong><br>{{/NOT_IN_SOCIAL}}{{#LATE}}<strong class="flag">Опубликована с опозданием (менее чем за 5 дней)</strong>{{/LATE}}{{#NO_FLAGS}}—{{/NO_FLAGS}}</td>
</tr>
{{/MEETING}}</tbody>
</table>
</div>{{/HAS_MEETINGS}}
