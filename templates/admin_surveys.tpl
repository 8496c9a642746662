{{%AUTOESCAPE context="HTML"}}{{!-- admin_surveys.tpl: the staff list of surveys, the ready survey of openness and the form of a new survey with its question rows. --}}
<h1>Опросы жителей</h1>
{{#NO_SURVEYS}}<p>Опросов пока нет.</p>{{/NO_SURVEYS}}
{{#HAS_SURVEYS}}<div class="table-scroll" role="region" aria-labelledby="surveys-caption" tabindex="0">
<table class="list">
<caption id="surveys-caption">Опросы, последние первыми</caption>
<thead><tr><th scope="col">Опрос</th><th scope="col">Срок</th><th scope="col">Участвуют</th><th scope="col">Ответов</th></tr></thead>
<tbody>
{{#SURVEY}}<tr><td><a href="/admin/surveys/{{ID}}">{{TITLE}}</a></td><td>{{PERIOD}}</td><td>{{AUDIENCE}}</td><td>{{RESPONSES}}</td></tr>
{{/SURVEY}}</tbody>
</table>
</div>{{/HAS_SURVEYS}}
<h2 id="preset">Готовый опрос «Оценка открытости и качества работы»</h2>
<p>Ежегодная оценка референтными группами открытости и качества работы органов местного самоуправления (постановление о референтных группах, п. 2.2): {{PRESET_QUESTIONS}} вопросов об открытости, качестве работы, информировании, учёте мнений и обращениях. Адресуется всем референтным группам; участники отвечают по персональным ссылкам. Создаётся один раз в год.</p>
{{#PRESET_DONE}}<p>Опрос за {{YEAR}} год уже создан: <a href="/admin/surveys/{{ID}}">{{TITLE}}</a>.</p>{{/PRESET_DONE}}
{{#PRESET_FORM}}{{#ERROR}}<div class="notice error" role="alert"><p>{{MESSAGE}}</p></div>{{/ERROR}}
<form class="form" method="post" action="/admin/surveys/preset">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="p-opens_on">Начало опроса</label>
<input id="p-opens_on" name="opens_on" type="date" value="{{OPENS_ON}}" required>
</div>
<div class="field">
<label for="p-closes_on">Окончание опроса (включительно)</label>
<input id="p-closes_on" name="closes_on" type="date" value="{{CLOSES_ON}}" required>
</div>
<div class="actions"><button type="submit">Создать опрос за {{YEAR}} год</button></div>
</form>{{/PRESET_FORM}}
<h2 id="new-survey">Новый опрос</h2>
{{>FORM_ERRORS}}
<form class="form" method="post" action="/admin/surveys">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-title">Название опроса</label>
<input id="f-title" name="title" value="{{title}}" maxlength="300" required{{#title_error}} aria-invalid="true" aria-describedby="e-title"{{/title_error}}>
{{#title_error}}<p class="field-error" id="e-title">{{MESSAGE}}</p>{{/title_error}}
</div>
<div class="field">
<label for="f-intro">Вступление: зачем опрос (необязательно; каждый абзац с новой строки)</label>
<textarea id="f-intro" name="intro" rows="4" maxlength="5000"{{#intro_error}} aria-invalid="true" aria-describedby="e-intro"{{/intro_error}}>{{intro}}</textarea>
{{#intro_error}}<p class="field-error" id="e-intro">{{MESSAGE}}</p>{{/intro_error}}
</div>
<fieldset id="f-audience"{{#audience_error}} aria-describedby="e-audience"{{/audience_error}}>
<legend>Кто участвует</legend>
<div><input type="radio" id="f-audience-all" name="audience" value="all"{{#ALL_CHECKED}} checked{{/ALL_CHECKED}}> <label for="f-audience-all">Все жители (вошедшие в личный кабинет)</label></div>
<div><input type="radio" id="f-audience-territory" name="audience" value="territory"{{#TERRITORY_CHECKED}} checked{{/TERRITORY_CHECKED}}> <label for="f-audience-territory">Жители территории (выберите ниже)</label></div>
<div><input type="radio" id="f-audience-groups" name="audience" value="groups"{{#GROUPS_CHECKED}} checked{{/GROUPS_CHECKED}}> <label for="f-audience-groups">Участники референтных групп (выберите ниже)</label></div>
{{#audience_error}}<p class="field-error" id="e-audience">{{MESSAGE}}</p>{{/audience_error}}
</fieldset>
<div class="field">
<label for="f-territory">Территория</label>
<select id="f-territory" name="territory"{{#territory_error}} aria-invalid="true" aria-describedby="e-territory"{{/territory_error}}>
<option value="">— не выбрана —</option>
{{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TERRITORY_OPTION}}</select>
{{#territory_error}}<p class="field-error" id="e-territory">{{MESSAGE}}</p>{{/territory_error}}
</div>
<fieldset class="checkboxes" id="f-reference_group"{{#reference_group_error}} aria-describedby="e-reference_group"{{/reference_group_error}}>
<legend>Референтные группы</legend>
{{#NO_REFERENCE_GROUPS}}<p>Референтных групп пока нет: их заводят в разделе «Справочники».</p>
{{/NO_REFERENCE_GROUPS}}{{#REFERENCE_GROUP_OPTION}}<div><input type="checkbox" id="f-reference_group-{{ID}}" name="reference_group" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="f-reference_group-{{ID}}">{{NAME}}</label></div>
{{/REFERENCE_GROUP_OPTION}}{{#reference_group_error}}<p class="field-error" id="e-reference_group">{{MESSAGE}}</p>{{/reference_group_error}}
</fieldset>
<div class="field">
<label for="f-opens_on">Начало опроса</label>
<input id="f-opens_on" name="opens_on" type="date" value="{{opens_on}}" required{{#opens_on_error}} aria-invalid="true" aria-describedby="e-opens_on"{{/opens_on_error}}>
{{#opens_on_error}}<p class="field-error" id="e-opens_on">{{MESSAGE}}</p>{{/opens_on_error}}
</div>
<div class="field">
<label for="f-closes_on">Окончание опроса (включительно)</label>
<input id="f-closes_on" name="closes_on" type="date" value="{{closes_on}}" required{{#closes_on_error}} aria-invalid="true" aria-describedby="e-closes_on"{{/closes_on_error}}>
{{#closes_on_error}}<p class="field-error" id="e-closes_on">{{MESSAGE}}</p>{{/closes_on_error}}
</div>
<fieldset id="f-results"{{#results_error}} aria-describedby="e-results"{{/results_error}}>
<legend>Итоги для всех</legend>
<div><input type="radio" id="f-results-closed" name="results" value="closed"{{#CLOSED_CHECKED}} checked{{/CLOSED_CHECKED}}> <label for="f-results-closed">После окончания опроса</label></div>
<div><input type="radio" id="f-results-live" name="results" value="live"{{#LIVE_CHECKED}} checked{{/LIVE_CHECKED}}> <label for="f-results-live">Сразу, по мере ответов</label></div>
{{#results_error}}<p class="field-error" id="e-results">{{MESSAGE}}</p>{{/results_error}}
</fieldset>
<p id="f-question"{{#question_error}} aria-describedby="e-question"{{/question_error}}>Вопросы: заполните нужные строки, пустые не сохраняются. Для вопросов с выбором укажите варианты ответа, каждый с новой строки (от 2 до 20).</p>
{{#question_error}}<p class="field-error" id="e-question">{{MESSAGE}}</p>{{/question_error}}
{{#QUESTION_ROW}}<fieldset id="question-{{N}}"{{#ERROR}} aria-describedby="e-question-{{N}}"{{/ERROR}}>
<legend>Вопрос {{N}}</legend>
{{#ERROR}}<p class="field-error" id="e-question-{{N}}">{{MESSAGE}}</p>{{/ERROR}}
<div class="field"><label for="f-question-{{N}}">Текст вопроса</label>
<input id="f-question-{{N}}" name="question" value="{{TEXT}}" maxlength="500"></div>
<div class="field"><label for="f-question_kind-{{N}}">Вид</label>
<select id="f-question_kind-{{N}}" name="question_kind">
{{#KIND}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND}}</select></div>
<div class="field"><label for="f-question_required-{{N}}">Обязательный</label>
<select id="f-question_required-{{N}}" name="question_required">
<option value="no"{{#OPTIONAL}} selected{{/OPTIONAL}}>нет</option>
<option value="yes"{{#REQUIRED}} selected{{/REQUIRED}}>да</option>
</select></div>
<div class="field"><label for="f-question_options-{{N}}">Варианты ответа, каждый с новой строки</label>
<textarea id="f-question_options-{{N}}" name="question_options" rows="4" maxlength="4000">{{OPTIONS}}</textarea></div>
</fieldset>
{{/QUESTION_ROW}}<div class="actions"><button type="submit">Создать опрос</button></div>
</form>
