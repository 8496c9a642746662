{{%AUTOESCAPE context="HTML"}}{{!-- admin_audit.tpl: the audit log with filters. --}}
<h1>Журнал изменений</h1>
<form class="filters" method="get" action="/admin/audit">
<fieldset>
<legend>Отбор записей</legend>
<div class="field"><label for="f-user">Номер пользователя</label><input id="f-user" name="user" inputmode="numeric" value="{{user}}"></div>
<div class="field"><label for="f-entity">Объект (например, meeting, staff_user)</label><input id="f-entity" name="entity" value="{{entity}}"></div>
<div class="field"><label for="f-from">С даты</label><input type="date" id="f-from" name="from" value="{{from}}"></div>
<div class="field"><label for="f-to">По дату</label><input type="date" id="f-to" name="to" value="{{to}}"></div>
<div class="actions"><button type="submit">Показать</button> <a href="/admin/audit">Сбросить</a></div>
</fieldset>
</form>
{{#NO_ENTRIES}}<p>Записей не найдено.</p>{{/NO_ENTRIES}}
{{#HAS_ENTRIES}}<div class="table-scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
<table class="list">
<caption id="audit-caption">Последние изменения</caption>
<thead><tr><th scope="col">Когда</th><th scope="col">Кто</th><th scope="col">Действие</th><th scope="col">Объект</th><th scope="col">Было</th><th scope="col">Стало</th></tr></thead>
<tbody>
{{#ENTRY}}<tr><td><time datetime="{{AT_ISO}}">{{AT}}</time></td><td>{{LOGIN}}</td><td>{{ACTION}}</td><td>{{ENTITY}}{{#ENTITY_ID}} № {{ID}}{{/ENTITY_ID}}</td><td>{{#BEFORE}}<code>{{JSON}}</code>{{/BEFORE}}</td><td>{{#AFTER}}<code>{{JSON}}</code>{{/AFTER}}</td></tr>
{{/ENTRY}}</tbody>
</table>
</div>{{/HAS_ENTRIES}}
