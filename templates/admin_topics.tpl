{{%AUTOESCAPE context="HTML"}}{{!-- admin_topics.tpl: the thematic classifier of appeals as a tree of sections, subjects, topics and questions with their codes, and the form for a new entry. --}}
{{>REFERENCE_NAV}}
<h1>Темы обращений</h1>
<p>Типовой общероссийский тематический классификатор обращений: разделы, тематики, темы и вопросы с их кодами. Пункт, который больше не нужен, не удаляют, а перестают использовать: на его код ссылаются поступившие обращения.</p>
{{#NO_TOPICS}}<p>Классификатор пуст.</p>{{/NO_TOPICS}}
{{#HAS_TOPICS}}<ul class="tree">
{{#TOPIC}}{{#CLOSE_ITEM}}</li>
{{/CLOSE_ITEM}}{{#CLOSE_LIST}}</ul></li>
{{/CLOSE_LIST}}{{#OPEN_LIST}}<ul>
{{/OPEN_LIST}}<li><a href="{{HREF}}">{{CODE}} {{NAME}}</a>{{#INACTIVE}} — не используется{{/INACTIVE}}
{{/TOPIC}}{{#TREE_END}}</li>
{{#CLOSE_LIST}}</ul></li>
{{/CLOSE_LIST}}{{/TREE_END}}</ul>{{/HAS_TOPICS}}
{{#CAN_CHANGE}}<h2 id="new-topic">Новый пункт</h2>
<p>Код нового пункта — код того, во что он входит, и ещё одна группа из четырёх цифр: в тему 0005.0005.0056 входит вопрос 0005.0005.0056.0001.</p>
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/topics">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-parent_topic">Входит в</label>
<select id="f-parent_topic" name="parent_topic" required{{#parent_topic_error}} aria-invalid="true" aria-describedby="e-parent_topic"{{/parent_topic_error}}>
<option value="">— выберите —</option>
{{#PARENT_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PARENT_OPTION}}</select>
{{#parent_topic_error}}<p class="field-error" id="e-parent_topic">{{MESSAGE}}</p>{{/parent_topic_error}}
</div>
<div class="field">
<label for="f-topic">Код</label>
<input id="f-topic" name="topic" value="{{topic}}" maxlength="40" required inputmode="decimal" autocomplete="off"{{#topic_error}} aria-invalid="true" aria-describedby="e-topic"{{/topic_error}}>
{{#topic_error}}<p class="field-error" id="e-topic">{{MESSAGE}}</p>{{/topic_error}}
</div>
<div class="field">
<label for="f-name">Название</label>
<input id="f-name" name="name" value="{{name}}" maxlength="200" required{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
{{#name_error}}<p class="field-error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
</div>
<div class="actions"><button type="submit">Добавить</button></div>
</form>
{{/CAN_CHANGE}}
