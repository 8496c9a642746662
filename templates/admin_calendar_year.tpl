{{%AUTOESCAPE context="HTML"}}{{!-- admin_calendar_year.tpl: one year of the production calendar: its decree and its exceptional days, with the forms to change them. --}}
{{>REFERENCE_NAV}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/calendar">Производственный календарь</a></nav>
<h1>Производственный календарь на {{YEAR}} год</h1>
<dl class="facts">
<dt>Основание</dt><dd>{{SOURCE}}</dd>
{{#PROVISIONAL}}<dt>Состояние</dt><dd><strong>предварительный</strong>: постановление о переносе выходных дней не внесено — когда оно будет опубликовано, внесите переносы и снимите отметку «предварительный»</dd>
{{/PROVISIONAL}}
<dt>Рабочих дней при пятидневной неделе</dt><dd>{{WORKING}}, из них сокращённых: {{SHORT}}</dd>
<dt>Изменён</dt><dd>{{UPDATED}}</dd>
</dl>
<p>Ниже — дни, которые отличаются от обычной недели с понедельника по пятницу, и праздники статьи 112 Трудового кодекса. Остальные дни: понедельник — пятница рабочие, суббота и воскресенье выходные.</p>
{{#CAN_CHANGE}}{{#REMOVE_ERROR}}<div class="form-errors" role="alert">
<h2>Не удалено</h2>
<p>{{MESSAGE}}</p>
</div>
{{/REMOVE_ERROR}}{{/CAN_CHANGE}}{{#NO_DAYS}}<p>Особых дней не внесено.</p>{{/NO_DAYS}}
{{#HAS_DAYS}}<div class="table-scroll" role="region" aria-labelledby="days-caption" tabindex="0">
<table class="list">
<caption id="days-caption">Особые дни {{YEAR}} года</caption>
<thead><tr><th scope="col">Дата</th><th scope="col">День недели</th><th scope="col">Вид дня</th><th scope="col">Примечание</th>{{#CAN_CHANGE}}<th scope="col">Действия</th>{{/CAN_CHANGE}}</tr></thead>
<tbody>
{{#DAY}}<tr>
<td><time datetime="{{ISO}}">{{DATE}}</time></td><td>{{WEEKDAY}}</td><td>{{KIND}}</td><td>{{NOTE}}</td>{{#ACTIONS}}<td><a href="/admin/calendar/{{YEAR}}?day={{ISO}}#day-form" aria-label="Изменить: {{DATE}}">Изменить</a>{{#REMOVABLE}}<form class="inline" method="post" action="/admin/calendar/{{YEAR}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="day" value="{{ISO}}"><button type="submit" aria-label="Удалить: {{DATE}}">Удалить</button></form>{{/REMOVABLE}}</td>{{/ACTIONS}}
</tr>
{{/DAY}}</tbody>
</table>
</div>{{/HAS_DAYS}}
{{#CAN_CHANGE}}<h2 id="day-form">Добавить или изменить день</h2>
<p>Если дата уже есть в календаре, её вид и примечание будут заменены.</p>
{{>DAY_FORM}}
<h2 id="source-form">Основание</h2>
{{>SOURCE_FORM}}
{{/CAN_CHANGE}}
