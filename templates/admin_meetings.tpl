{{%AUTOESCAPE context="HTML"}}{{!-- admin_meetings.tpl: every meeting for staff, drafts included, with what each still needs. --}}
<h1>Встречи</h1>
<p class="more">{{#CAN_CREATE}}<a href="/admin/meetings/new">Новая встреча</a>&nbsp;· <a href="/admin/series/new">Новая серия встреч</a>&nbsp;· {{/CAN_CREATE}}<a href="/admin/series">Серии встреч</a>&nbsp;· <a href="/admin/receptions">Личный приём: графики и запись</a></p>
{{>FORM_ERRORS}}
<form class="filters" method="get" action="/admin/meetings">
<fieldset>
<legend>Отбор встреч</legend>
<div class="field"><label for="f-status">Состояние</label>
<select id="f-status" name="status"><option value="">Все</option>
{{#STATUS_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/STATUS_OPTION}}</select></div>
<div class="field"><label for="f-kind">Вид встречи</label>
<select id="f-kind" name="kind"><option value="">Все виды</option>
{{#KIND_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/KIND_OPTION}}</select></div>
<div class="field"><label for="f-territory">Территория</label>
<select id="f-territory" name="territory"><option value="">Все территории</option>
{{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TERRITORY_OPTION}}</select></div>
<div class="field"><label for="f-from">С даты</label><input type="date" id="f-from" name="from" value="{{from}}"></div>
<div class="field"><label for="f-to">По дату</label><input type="date" id="f-to" name="to" value="{{to}}"></div>
<div class="actions"><button type="submit">Показать</button> <a href="/admin/meetings">Сбросить</a></div>
</fieldset>
</form>
{{#NO_MEETINGS}}<p>Встреч не найдено.</p>{{/NO_MEETINGS}}
{{#HAS_MEETINGS}}<div class="table-scroll" role="region" aria-labelledby="meetings-caption" tabindex="0">
<table class="list">
<caption id="meetings-caption">Встречи, новые сверху</caption>
<thead><tr><th scope="col">Дата</th><th scope="col">Встреча</th><th scope="col">Территория, место</th><th scope="col">Состояние</th><th scope="col">Требует внимания</th></tr></thead>
<tbody>
{{#MEETING}}<tr>
<td><time datetime="{{STARTS_ISO}}">{{STARTS}}</time></td>
<td><a href="/admin/meetings/{{ID}}">{{TITLE}}</a><br>{{KIND}}</td>
<td>{{TERRITORY}}<br>{{VENUE}}</td>
<td>{{STATUS}}</td>
<td>{{#DEADLINE}}опубликовать до {{DATE}}<br>{{/DEADLINE}}{{#POLICE}}уведомить полицию<br>{{/POLICE}}{{#EXCEPTION}}исключение из правила 5 дней{{/EXCEPTION}}</td>
</tr>
{{/MEETING}}</tbody>
</table>
</div>{{/HAS_MEETINGS}}
