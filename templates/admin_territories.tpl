{{%AUTOESCAPE context="HTML"}}{{!-- admin_territories.tpl: the tree of territories (district → settlement → microdistrict) and the form for a new one. --}}
{{>REFERENCE_NAV}}
<h1>Территории</h1>
{{#NO_TERRITORIES}}<p>Территорий пока нет: начните с района.</p>{{/NO_TERRITORIES}}
{{#HAS_TERRITORIES}}<ul class="tree">
{{#TERRITORY}}{{#CLOSE_ITEM}}</li>
{{/CLOSE_ITEM}}{{#CLOSE_LIST}}</ul></li>
{{/CLOSE_LIST}}{{#OPEN_LIST}}<ul>
{{/OPEN_LIST}}<li><a href="/admin/territories/{{ID}}">{{NAME}}</a> — {{LEVEL}}{{#VENUES}}; мест проведения: {{COUNT}}{{/VENUES}}{{#MEETINGS}}; встреч: {{COUNT}}{{/MEETINGS}}
{{/TERRITORY}}{{#TREE_END}}</li>
{{#CLOSE_LIST}}</ul></li>
{{/CLOSE_LIST}}{{/TREE_END}}</ul>{{/HAS_TERRITORIES}}
{{#CAN_CHANGE}}<h2 id="new-territory">Новая территория</h2>
<p>Район — верхний уровень; поселение входит в район, микрорайон или населённый пункт — в поселение.</p>
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/territories">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-name">Название</label>
<input id="f-name" name="name" value="{{name}}" maxlength="200" required{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
{{#name_error}}<p class="field-error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
</div>
<div class="field">
<label for="f-level">Уровень</label>
<select id="f-level" name="level" required{{#level_error}} aria-invalid="true" aria-describedby="e-level"{{/level_error}}>
<option value="">— выберите —</option>
{{#LEVEL_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/LEVEL_OPTION}}</select>
{{#level_error}}<p class="field-error" id="e-level">{{MESSAGE}}</p>{{/level_error}}
</div>
<div class="field">
<label for="f-parent">Входит в</label>
<select id="f-parent" name="parent"{{#parent_error}} aria-invalid="true" aria-describedby="e-parent"{{/parent_error}}>
<option value="">— никуда (для района) —</option>
{{#PARENT_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/PARENT_OPTION}}</select>
{{#parent_error}}<p class="field-error" id="e-parent">{{MESSAGE}}</p>{{/parent_error}}
</div>
{{#MUNICIPALITY_FIELD}}<div class="field">
<label for="f-municipality">Часть муниципального образования</label>
<select id="f-municipality" name="municipality"{{#municipality_error}} aria-invalid="true" aria-describedby="e-municipality"{{/municipality_error}}>
<option value="">— того же, что и территория, в которую входит —</option>
{{#MUNICIPALITY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/MUNICIPALITY_OPTION}}</select>
{{#municipality_error}}<p class="field-error" id="e-municipality">{{MESSAGE}}</p>{{/municipality_error}}
</div>
{{/MUNICIPALITY_FIELD}}<div class="actions"><button type="submit">Добавить</button></div>
</form>
{{/CAN_CHANGE}}
