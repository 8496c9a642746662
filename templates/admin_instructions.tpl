{{%AUTOESCAPE context="HTML"}}{{!-- admin_instructions.tpl: instructions (поручения) with their filters, open ones first by due date; for those who register appeals, the form of an instruction on an appeal. --}}
<h1>Поручения</h1>
{{>FORM_ERRORS}}
{{#EXECUTOR_NOTE}}<p>Показаны поручения, в которых вы исполнитель.</p>
<p><a href="/admin/instructions?due=soon">Срок истекает в ближайшие 3 дня</a>&nbsp;· <a href="/admin/instructions?due=overdue">Просроченные</a></p>
{{/EXECUTOR_NOTE}}{{#FILTERS}}<p><a href="/admin/instructions?mine=1">Мои (исполняю или контролирую)</a>&nbsp;· <a href="/admin/instructions?due=soon">Срок в ближайшие 3 дня</a>&nbsp;· <a href="/admin/instructions?due=overdue">Просроченные</a>&nbsp;· <a href="/admin/instructions">Все</a></p>
<details class="filters">
<summary>Отбор</summary>
<form method="get" action="/admin/instructions">
<div class="field"><input id="f-mine" name="mine" type="checkbox" value="1"{{#MINE_CHECKED}} checked{{/MINE_CHECKED}}> <label for="f-mine">Только мои: исполняю или контролирую</label></div>
<div class="field"><label for="f-due">Срок</label>
<select id="f-due" name="due"><option value="">Любой</option><option value="soon"{{#DUE_SOON}}{{#SELECTED}} selected{{/SELECTED}}{{/DUE_SOON}}>истекает в ближайшие 3 дня</option><option value="overdue"{{#DUE_OVERDUE}}{{#SELECTED}} selected{{/SELECTED}}{{/DUE_OVERDUE}}>просрочено</option></select></div>
<div class="field"><label for="f-executor-filter">Исполнитель</label>
<select id="f-executor-filter" name="executor"><option value="">Любой</option>
{{#EXECUTOR_FILTER}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/EXECUTOR_FILTER}}</select></div>
<div class="field"><label for="f-meeting">Встреча</label>
<select id="f-meeting" name="meeting"><option value="">Любая</option>
{{#MEETING_FILTER}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MEETING_FILTER}}</select></div>
<div class="actions"><button type="submit">Показать</button> <a href="/admin/instructions">Сбросить</a></div>
</form>
</details>
{{/FILTERS}}{{#NO_ROWS}}<p>Поручений не найдено.</p>{{/NO_ROWS}}
{{#HAS_ROWS}}<div class="table-scroll" role="region" aria-labelledby="instructions-caption" tabindex="0">
<table class="list">
<caption id="instructions-caption">Поручения</caption>
<thead><tr><th scope="col">Поручение</th><th scope="col">Источник</th><th scope="col">Исполнитель</th><th scope="col">Срок</th><th scope="col">Состояние</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/admin/instructions/{{ID}}">{{TEXT}}</a></td><td>{{#FROM_MEETING}}протокол: {{TITLE}}{{/FROM_MEETING}}{{#FROM_APPEAL}}обращение № <span class="number">{{NUMBER}}</span>{{/FROM_APPEAL}}</td><td>{{EXECUTOR}}{{#UNIT}}<br>{{NAME}}{{/UNIT}}</td><td><time datetime="{{DUE_ISO}}">{{DUE}}</time>{{#OVERDUE}} <strong class="late">{{TEXT}}</strong>{{/OVERDUE}}{{#SOON}} <strong>{{TEXT}}</strong>{{/SOON}}</td><td>{{STATUS}}</td></tr>
{{/ROW}}</tbody>
</table>
</div>{{/HAS_ROWS}}
{{#PAGINATION}}<nav class="pagination" aria-label="Страницы списка поручений">
<ul>
{{#PREV}}<li><a href="/admin/instructions{{HREF}}" rel="prev">← Предыдущая страница</a></li>
{{/PREV}}{{#NEXT}}<li><a href="/admin/instructions{{HREF}}" rel="next">Следующая страница →</a></li>
{{/NEXT}}</ul>
</nav>{{/PAGINATION}}
{{#NEW_FROM_APPEAL}}<section class="action" aria-labelledby="new-title">
<h2 id="new-title">Поручение по обращению</h2>
<p>Поручения по итогам встреч добавляются в их протоколы. Поручение по обращению вступает в силу сразу: исполнителю уйдёт письмо.</p>
<form method="post" action="/admin/instructions">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-number">Регистрационный номер обращения</label>
<input id="f-number" name="number" value="{{number}}" maxlength="20" required{{#number_error}} aria-invalid="true" aria-describedby="e-number"{{/number_error}}>
{{#number_error}}<p class="field-error" id="e-number">{{MESSAGE}}</p>{{/number_error}}</div>
<div class="field"><label for="f-instruction">Поручение</label>
<textarea id="f-instruction" name="instruction" rows="3" required{{#instruction_error}} aria-invalid="true" aria-describedby="e-instruction"{{/instruction_error}}>{{instruction:pre_escape}}</textarea>
{{#instruction_error}}<p class="field-error" id="e-instruction">{{MESSAGE}}</p>{{/instruction_error}}</div>
<div class="field"><label for="f-executor">Исполнитель</label>
<select id="f-executor" name="executor" required{{#executor_error}} aria-invalid="true" aria-describedby="e-executor"{{/executor_error}}><option value="">— выберите —</option>
{{#EXECUTOR_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/EXECUTOR_OPTION}}</select>
{{#executor_error}}<p class="field-error" id="e-executor">{{MESSAGE}}</p>{{/executor_error}}</div>
<div class="field"><label for="f-unit">Подразделение исполнителя</label>
<input id="f-unit" name="unit" value="{{unit}}" maxlength="200"{{#unit_error}} aria-invalid="true" aria-describedby="e-unit"{{/unit_error}}>
{{#unit_error}}<p class="field-error" id="e-unit">{{MESSAGE}}</p>{{/unit_error}}</div>
<div class="field"><label for="f-due_on">Срок исполнения</label>
<input id="f-due_on" name="due_on" type="date" value="{{due_on}}" required{{#due_on_error}} aria-invalid="true" aria-describedby="e-due_on"{{/due_on_error}}>
{{#due_on_error}}<p class="field-error" id="e-due_on">{{MESSAGE}}</p>{{/due_on_error}}</div>
<div class="field"><label for="f-controller">Контролёр</label>
<select id="f-controller" name="controller" required{{#controller_error}} aria-invalid="true" aria-describedby="e-controller"{{/controller_error}}><option value="">— выберите —</option>
{{#CONTROLLER_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/CONTROLLER_OPTION}}</select>
{{#controller_error}}<p class="field-error" id="e-controller">{{MESSAGE}}</p>{{/controller_error}}</div>
<button type="submit">Дать поручение</button>
</form>
</section>
{{/NEW_FROM_APPEAL}}
