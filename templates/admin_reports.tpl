{{%AUTOESCAPE context="HTML"}}{{!-- admin_reports.tpl: the list of reports (page_admin_reports.c), each with the current period and a form for another. --}}
<h1>Отчёты</h1>
<p>Отчёты, которых требуют муниципальные акты, собираются из данных портала. Каждый можно распечатать на листе A4 или скачать в CSV для Excel и LibreOffice.</p>
{{#SCOPE}}<p>Отчёты показывают данные {{#SETTLEMENTS}}муниципальных образований, с которыми вы работаете: {{BODY}} и его поселения{{/SETTLEMENTS}}{{#ONE}}муниципального образования, с которым вы работаете: {{BODY}}{{/ONE}}.</p>
{{/SCOPE}}
<section class="block" aria-labelledby="r-compliance">
<h2 id="r-compliance"><a href="/admin/reports/compliance">Соблюдение требований</a></h2>
<p>Периодичность встреч главы, личных приёмов и выездных встреч информационных групп, нарушения правила 5 дней и исключения, обращения с ответом позже срока и просроченные.{{#CHOICE}} По всем муниципальным образованиям вместе или по одному из них — выберите его в форме отчёта.{{/CHOICE}}{{#SCOPE}}{{#SETTLEMENTS}} По району или по одному из его поселений — выберите в форме отчёта.{{/SETTLEMENTS}}{{/SCOPE}}</p>
<form class="filters" method="get" action="/admin/reports/compliance">
<fieldset>
<legend>Период</legend>
<div class="field"><label for="c-from">С</label><input type="date" id="c-from" name="from" value="{{FROM}}"></div>
<div class="field"><label for="c-to">По</label><input type="date" id="c-to" name="to" value="{{TO}}"></div>
<div class="actions"><button type="submit">Показать</button></div>
</fieldset>
</form>
</section>
<section class="block" aria-labelledby="r-appeals">
<h2 id="r-appeals"><a href="/admin/reports/appeals">Анализ обращений за год</a></h2>
<p>По разделам классификатора, территориям, способам поступления, результатам и срокам, в сравнении с предыдущим годом. <a href="/admin/reports/appeals?year={{PREVIOUS_YEAR}}">За {{PREVIOUS_YEAR}} год</a>.</p>
</section>
{{#DISTRICT}}<section class="block" aria-labelledby="r-district">
<h2 id="r-district"><a href="/admin/reports/district">Сводка района по поселениям</a></h2>
<p>По каждому поселению: ежегодный отчёт главы перед населением, личные приёмы главы по месяцам, выездные встречи информационных групп по кварталам — проведено и требуется. <a href="/admin/reports/district?year={{PREVIOUS_YEAR}}">За {{PREVIOUS_YEAR}} год</a>.</p>
</section>
{{/DISTRICT}}<section class="block" aria-labelledby="r-groups">
<h2 id="r-groups"><a href="/admin/reports/groups">Итоги работы информационных групп</a></h2>
<p>Встречи, участники и принятые обращения по группам и территориям: <a href="/admin/reports/groups?year={{YEAR}}&amp;half=1">первое полугодие {{YEAR}} г.</a>, <a href="/admin/reports/groups?year={{YEAR}}&amp;half=2">второе полугодие {{YEAR}} г.</a>, <a href="/admin/reports/groups?year={{YEAR}}">{{YEAR}} год</a>.</p>
</section>
<section class="block" aria-labelledby="r-monthly">
<h2 id="r-monthly"><a href="/admin/reports/monthly">Обращения за месяц по кодам классификатора</a></h2>
<p>Поступило, дан ответ, направлено по компетенции, оставлено без ответа — по каждому коду, с итогом. <a href="/admin/reports/monthly?month={{MONTH}}&amp;format=csv" download>Выгрузка за текущий месяц в CSV</a>.</p>
</section>
<section class="block" aria-labelledby="r-open311">
<h2 id="r-open311">Открытые данные</h2>
<p>Опубликованные ответы на обращения доступны приложениям в формате Open311 GeoReport v2: <a href="/api/open311/v2/discovery.json">описание</a>, <a href="/api/open311/v2/services.json">темы</a>, <a href="/api/open311/v2/requests.json">обращения</a>.</p>
</section>
