{{%AUTOESCAPE context="HTML"}}{{!-- admin_appeals.tpl: the registry of appeals with its filters; open ones first by due date. --}}
<h1>Обращения граждан</h1>
{{#CAN_REGISTER}}<p><a class="button" href="/admin/appeals/new">Зарегистрировать обращение</a></p>{{/CAN_REGISTER}}
<form class="form" method="get" action="/admin/appeals" role="search">
<div class="field"><label for="f-q">Найти по словам текста, номеру или фамилии</label>
<input id="f-q" name="q" type="search" value="{{q}}" maxlength="200"></div>
<div class="actions"><button type="submit">Найти</button></div>
</form>
<details class="filters">
<summary>Отбор</summary>
<form method="get" action="/admin/appeals">
<div class="field"><label for="f-status">Состояние</label>
<select id="f-status" name="status"><option value="">Любое</option>
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}</select></div>
<div class="field"><label for="f-source">Как поступило</label>
<select id="f-source" name="source"><option value="">Любым путём</option>
{{#SOURCE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SOURCE_OPTION}}</select></div>
<div class="field"><label for="f-topic">Тема</label>
<select id="f-topic" name="topic"><option value="">Любая</option>
{{#TOPIC_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TOPIC_OPTION}}</select></div>
<div class="field"><label for="f-territory">Территория</label>
<select id="f-territory" name="territory"><option value="">Любая</option>
{{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TERRITORY_OPTION}}</select></div>
{{#EXECUTOR_FILTER}}<div class="field"><label for="f-executor">Исполнитель</label>
<select id="f-executor" name="executor"><option value="">Любой</option>
{{#EXECUTOR_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/EXECUTOR_OPTION}}</select></div>{{/EXECUTOR_FILTER}}
<div class="field"><label for="f-due">Срок</label>
<select id="f-due" name="due"><option value="">Любой</option><option value="soon"{{#DUE_SOON}} selected{{/DUE_SOON}}>истекает в ближайшие 3 дня</option><option value="overdue"{{#DUE_OVERDUE}} selected{{/DUE_OVERDUE}}>просрочено</option></select></div>
<div class="actions"><button type="submit">Показать</button> <a href="/admin/appeals">Сбросить</a></div>
</form>
</details>
{{#NO_APPEALS}}<p>Обращений не найдено.</p>{{/NO_APPEALS}}
{{#HAS_APPEALS}}<div class="table-scroll" role="region" aria-labelledby="appeals-caption" tabindex="0">
<table class="list cards">
<caption id="appeals-caption">Обращения</caption>
<thead><tr><th scope="col">Номер</th><th scope="col">Состояние</th><th scope="col">Срок ответа</th><th scope="col">Заявитель</th><th scope="col">Адресат</th><th scope="col">Поступило</th><th scope="col">Исполнитель</th></tr></thead>
<tbody>
{{#APPEAL}}<tr><td data-label="Номер"><a class="number" href="/admin/appeals/{{ID}}">{{NUMBER}}</a></td><td data-label="Состояние">{{STATUS}}</td><td data-label="Срок ответа">{{#DUE_AT}}<time datetime="{{DUE_ISO}}">{{DUE}}</time>{{#OVERDUE}} <strong class="late">{{TEXT}}</strong>{{/OVERDUE}}{{#SOON}} <strong>{{TEXT}}</strong>{{/SOON}}{{/DUE_AT}}{{#NO_DUE}}—{{/NO_DUE}}</td><td data-label="Заявитель">{{APPLICANT}}</td><td data-label="Адресат">{{ADDRESSEE}}</td><td data-label="Поступило">{{SOURCE}}, {{REGISTERED}}</td><td data-label="Исполнитель">{{EXECUTOR}}</td></tr>
{{/APPEAL}}</tbody>
</table>
</div>{{/HAS_APPEALS}}
