{{%AUTOESCAPE context="HTML"}}{{!-- admin_people.tpl: the people directory grouped by category, with contacts (staff only), and the form for a new entry. --}}
{{>REFERENCE_NAV}}
<h1>Люди</h1>
<p>Должностные лица, депутаты всех уровней, полиция, прокуратура, руководители предприятий и другие участники встреч. Электронная почта и телефоны видны только сотрудникам.</p>
<form class="filters" method="get" action="/admin/people">
<fieldset>
<legend>Отбор</legend>
<div class="field"><label for="f-category-filter">Категория</label>
<select id="f-category-filter" name="category"><option value="">Все</option>
{{#FILTER_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/FILTER_OPTION}}</select></div>
<div class="actions"><button type="submit">Показать</button> <a href="/admin/people">Сбросить</a></div>
</fieldset>
</form>
{{#NO_PEOPLE}}<p>Никого не найдено.</p>{{/NO_PEOPLE}}
{{#CATEGORY}}<h2 id="category-{{CODE}}">{{LABEL}}</h2>
<div class="table-scroll" role="region" aria-labelledby="category-{{CODE}}" tabindex="0">
<table class="list">
<caption>{{LABEL}}</caption>
<thead><tr><th scope="col">Фамилия, имя, отчество</th><th scope="col">Должность, организация</th><th scope="col">Электронная почта</th><th scope="col">Телефон</th></tr></thead>
<tbody>
{{#PERSON}}<tr>
<td><a href="/admin/people/{{ID}}">{{FULL_NAME}}</a></td><td>{{POSITION}}<br>{{ORGANISATION}}</td><td>{{EMAIL}}</td><td>{{PHONE}}</td>
</tr>
{{/PERSON}}</tbody>
</table>
</div>
{{/CATEGORY}}
{{#CAN_CHANGE}}<h2 id="new-person">Новая запись</h2>
{{>FORM}}
{{/CAN_CHANGE}}
