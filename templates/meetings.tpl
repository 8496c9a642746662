{{%AUTOESCAPE context="HTML"}}{{!-- meetings.tpl: the schedule with filters and pagination. --}}
<h1>Расписание встреч с населением</h1>
{{#BODY}}<p class="lead"><a href="/m/{{SLUG}}">{{NAME}}</a>.{{#IN_DISTRICT}} В расписании также встречи района, которые касаются жителей поселения.{{/IN_DISTRICT}}</p>
{{/BODY}}<details class="filters-box"{{#FILTERED}} open{{/FILTERED}}>
<summary>Отбор встреч: территория, вид, даты</summary>
<form class="filters" method="get" action="{{PREFIX}}/meetings">
<fieldset>
<legend>Отбор встреч</legend>
<div class="field">
<label for="f-territory">Территория</label>
<select id="f-territory" name="territory">
<option value="">Все территории</option>
{{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TERRITORY_OPTION}}</select>
</div>
<div class="field">
<label for="f-kind">Вид встречи</label>
<select id="f-kind" name="kind">
<option value="">Все виды</option>
{{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/KIND_OPTION}}</select>
</div>
<div class="field">
<label for="f-from">С даты</label>
<input type="date" id="f-from" name="from" value="{{FROM}}">
</div>
<div class="field">
<label for="f-to">По дату</label>
<input type="date" id="f-to" name="to" value="{{TO}}">
</div>
<div class="actions">
<button type="submit">Показать</button>
<a href="{{PREFIX}}/meetings">Сбросить</a>
</div>
</fieldset>
</form>
</details>
<section aria-labelledby="results-title">
<h2 id="results-title">{{FOUND}}</h2>
{{#EMPTY}}<p>Встреч не найдено.{{#FILTERED}} Измените условия отбора или <a href="{{PREFIX}}/meetings">покажите всё расписание</a>.{{/FILTERED}}</p>{{/EMPTY}}
{{#HAS_MEETINGS}}<ol class="meeting-list">
{{#MEETING}}<li>{{>CARD}}</li>
{{/MEETING}}</ol>{{/HAS_MEETINGS}}
{{#PAGINATION}}<nav class="pagination" aria-label="Страницы расписания">
<p>Страница {{PAGE}}{{#OF}} из {{PAGES}}{{/OF}}</p>
<ul>
{{#PREV}}<li><a href="{{PREFIX}}/meetings{{HREF}}" rel="prev">← Предыдущая страница</a></li>
{{/PREV}}{{#NEXT}}<li><a href="{{PREFIX}}/meetings{{HREF}}" rel="next">Следующая страница →</a></li>
{{/NEXT}}</ul>
</nav>{{/PAGINATION}}
</section>
<p class="more"><a href="{{PREFIX}}/subscribe">Подписаться на анонсы по электронной почте</a></p>
<p class="more">Расписание в календаре: <a href="{{PREFIX}}/calendar/subscribe">подписаться</a> (адрес для программы-календаря: {{WEBCAL_URL}}) — календарь на телефоне или компьютере сам добавит новые встречи и изменения; <a href="{{CALENDAR_PATH}}">скачать файл .ics</a> — разовый импорт: встречи, назначенные позже, в календарь не попадут.</p>
