{{%AUTOESCAPE context="HTML"}}{{!-- admin_venues.tpl: every venue and the form for a new one. --}}
{{>REFERENCE_NAV}}
<h1>Места проведения встреч</h1>
{{#NO_VENUES}}<p>Мест проведения пока нет.</p>{{/NO_VENUES}}
{{#HAS_VENUES}}<div class="table-scroll" role="region" aria-labelledby="venues-caption" tabindex="0">
<table class="list">
<caption id="venues-caption">Места проведения по алфавиту</caption>
<thead><tr><th scope="col">Название</th><th scope="col">Адрес</th><th scope="col">Тип</th><th scope="col">Мест</th><th scope="col">Территория</th></tr></thead>
<tbody>
{{#VENUE}}<tr>
<td><a href="/admin/venues/{{ID}}">{{NAME}}</a></td><td>{{ADDRESS}}</td><td>{{KIND}}</td><td>{{#CAPACITY}}{{N}}{{/CAPACITY}}{{#NO_CAPACITY}}не ограничено{{/NO_CAPACITY}}</td><td>{{TERRITORY}}</td>
</tr>
{{/VENUE}}</tbody>
</table>
</div>{{/HAS_VENUES}}
{{#CAN_CHANGE}}<h2 id="new-venue">Новое место</h2>
{{>FORM}}
{{/CAN_CHANGE}}
