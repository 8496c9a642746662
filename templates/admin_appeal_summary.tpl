{{%AUTOESCAPE context="HTML"}}{{!-- admin_appeal_summary.tpl: the appeals from a meeting's territory over 12 months, for the host's preparation: by topic, by state, the oldest unresolved; no applicant's data. --}}
<section class="block appeal-summary" aria-labelledby="appeal-summary-title">
<h2 id="appeal-summary-title">Обращения с территории за 12 месяцев</h2>
{{#NO_APPEALS}}<p>Обращений с этой территории за год не было.</p>{{/NO_APPEALS}}
{{#HAS_APPEALS}}<p>Всего: {{TOTAL}}.</p>
<div class="table-scroll" role="region" aria-labelledby="summary-topics" tabindex="0">
<table class="list">
<caption id="summary-topics">По темам</caption>
<thead><tr><th scope="col">Тема</th><th scope="col">Обращений</th><th scope="col">Не решено</th></tr></thead>
<tbody>
{{#TOPIC}}<tr><td>{{NAME}}</td><td>{{COUNT}}</td><td>{{OPEN}}</td></tr>
{{/TOPIC}}</tbody>
</table>
</div>
<h3>По состоянию</h3>
<ul>
{{#STATE}}<li>{{NAME}}: {{COUNT}}</li>
{{/STATE}}</ul>
{{/HAS_APPEALS}}{{#HAS_OLDEST}}<h3>Давние нерешённые</h3>
<ul>
{{#OLDEST}}<li>№ <span class="number">{{NUMBER}}</span> от {{REGISTERED}}, {{TOPIC}}{{#DUE_AT}}; срок ответа {{DUE}}{{#OVERDUE}}, {{TEXT}}{{/OVERDUE}}{{/DUE_AT}}</li>
{{/OLDEST}}</ul>{{/HAS_OLDEST}}
</section>
