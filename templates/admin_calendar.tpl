{{%AUTOESCAPE context="HTML"}}{{!-- admin_calendar.tpl: the years of the production calendar with their decrees, and the form for a new year. --}}
{{>REFERENCE_NAV}}
<h1>Производственный календарь</h1>
<p>Сроки в рабочих днях (например, передача протокола встречи в сектор контроля в течение 5 рабочих дней) считаются по производственному календарю: выходные дни, нерабочие праздничные дни по статье 112 Трудового кодекса РФ и переносы выходных дней, которые Правительство РФ устанавливает постановлением на каждый год. Для года без календаря рабочими считаются понедельник — пятница, кроме праздников статьи 112, без переносов.</p>
{{#NO_COMING}}<p class="notice">Нет производственного календаря на {{YEAR}} год: добавьте его по постановлению Правительства РФ «О переносе выходных дней в {{YEAR}} году».</p>
{{/NO_COMING}}{{#NO_YEARS}}<p>Календарь пока не заполнен ни на один год.</p>{{/NO_YEARS}}
{{#HAS_YEARS}}<div class="table-scroll" role="region" aria-labelledby="years-caption" tabindex="0">
<table class="list">
<caption id="years-caption">Годы календаря</caption>
<thead><tr><th scope="col">Год</th><th scope="col">Основание</th><th scope="col">Рабочих дней</th><th scope="col">Особых дней</th><th scope="col">Изменён</th></tr></thead>
<tbody>
{{#YEAR}}<tr>
<td><a href="/admin/calendar/{{YEAR}}">{{YEAR}}</a></td><td>{{#PROVISIONAL}}<strong>Предварительный.</strong> {{/PROVISIONAL}}{{SOURCE}}</td><td>{{WORKING}}</td><td>{{DAYS}}</td><td>{{UPDATED}}</td>
</tr>
{{/YEAR}}</tbody>
</table>
</div>{{/HAS_YEARS}}
{{#CAN_CHANGE}}<h2 id="new-year">Добавить год</h2>
<p>Когда опубликовано постановление о переносе выходных дней на следующий год, добавьте год: праздники статьи 112 будут внесены сразу, переносы и сокращённые дни затем вносятся на странице года.</p>
{{>FORM}}
{{/CAN_CHANGE}}
