{{%AUTOESCAPE context="HTML"}}{{!-- admin_groups.tpl: every information group and the form for a new one. --}}
{{>REFERENCE_NAV}}
<h1>Информационные группы</h1>
<p>Информационная группа состоит из руководителя, секретаря и членов группы; её основная форма работы — выездные встречи с населением, не реже одного раза в квартал.</p>
{{#NO_GROUPS}}<p>Групп пока нет.</p>{{/NO_GROUPS}}
{{#HAS_GROUPS}}<div class="table-scroll" role="region" aria-labelledby="groups-caption" tabindex="0">
<table class="list">
<caption id="groups-caption">Информационные группы</caption>
<thead><tr><th scope="col">Группа</th><th scope="col">Территория</th><th scope="col">Руководитель</th><th scope="col">Секретарь</th><th scope="col">Членов</th></tr></thead>
<tbody>
{{#GROUP}}<tr>
<td><a href="/admin/groups/{{ID}}">{{NAME}}</a></td><td>{{TERRITORY}}</td><td>{{LEADER}}</td><td>{{SECRETARY}}</td><td>{{MEMBERS}}</td>
</tr>
{{/GROUP}}</tbody>
</table>
</div>{{/HAS_GROUPS}}
{{#CAN_CHANGE}}<h2 id="new-group">Новая группа</h2>
{{>FORM}}
{{/CAN_CHANGE}}
