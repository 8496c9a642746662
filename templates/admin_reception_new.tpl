{{%AUTOESCAPE context="HTML"}}{{!-- admin_reception_new.tpl: a reception schedule, new or edited: who, where, how often, weekday and hours, slot length, topics, the period; an edited one also lists its receptions and those that stayed by the former rule. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/meetings">Встречи</a> › <a href="/admin/receptions">Личный приём</a></nav>
<h1>{{HEADING}}</h1>
{{#NEW_INTRO}}<p>Будут созданы черновики приёмов на каждый день периода по выбранному правилу; утверждать их нужно по отдельности, не позднее чем за 5 дней до каждого. Нерабочие праздничные дни и перенесённые выходные по производственному календарю пропускаются, а приём «раз в месяц» переносится на следующий рабочий день того же месяца.</p>{{/NEW_INTRO}}
{{#SCHEDULE}}<p>Сейчас: {{RULE}}. <a href="/admin/series/{{SERIES}}">Серия встреч графика</a></p>
{{/SCHEDULE}}
{{#SCHEDULE}}{{#HAS_STAYED}}<div class="notice" role="status"><p>Эти приёмы остались по прежнему графику, потому что на них записаны жители. Перенесите или отмените их на странице встречи — записавшимся придёт письмо:</p>
<ul>{{#STAYED}}<li><a href="/admin/meetings/{{ID}}"><time datetime="{{STARTS_ISO}}">{{STARTS}}</time></a> — {{BOOKED}}</li>
{{/STAYED}}</ul></div>{{/HAS_STAYED}}{{/SCHEDULE}}
{{#EDIT_INTRO}}<p>Изменённый график пересоздаёт только будущие приёмы без записей: приём, совпадающий с новым правилом, остаётся; черновик удаляется, утверждённый приём отменяется с публикацией; на новые дни создаются черновики. Приёмы, на которые уже записались, остаются как есть.</p>{{/EDIT_INTRO}}
{{>FORM_ERRORS}}
{{#FORM}}<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-title">Название</label>
<input id="f-title" name="title" value="{{title}}" maxlength="300"{{#title_error}} aria-invalid="true" aria-describedby="e-title"{{/title_error}}>
{{#title_error}}<p class="field-error" id="e-title">{{MESSAGE}}</p>{{/title_error}}
</div>
<div class="field">
<label for="f-host">Кто принимает</label>
<select id="f-host" name="host" required{{#host_error}} aria-invalid="true" aria-describedby="e-host"{{/host_error}}>
<option value="">— выберите —</option>
{{#HOST_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/HOST_OPTION}}</select>
{{#host_error}}<p class="field-error" id="e-host">{{MESSAGE}}</p>{{/host_error}}
</div>
<div class="field">
<label for="f-venue">Где</label>
<select id="f-venue" name="venue" required{{#venue_error}} aria-invalid="true" aria-describedby="e-venue"{{/venue_error}}>
<option value="">— выберите —</option>
{{#VENUE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/VENUE_OPTION}}</select>
{{#venue_error}}<p class="field-error" id="e-venue">{{MESSAGE}}</p>{{/venue_error}}
</div>
<div class="field">
<label for="f-rule">Как часто</label>
<select id="f-rule" name="rule"{{#rule_error}} aria-invalid="true" aria-describedby="e-rule"{{/rule_error}}>
{{#RULE_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/RULE_OPTION}}</select>
{{#rule_error}}<p class="field-error" id="e-rule">{{MESSAGE}}</p>{{/rule_error}}
</div>
<div class="field">
<label for="f-weekday">День недели</label>
<select id="f-weekday" name="weekday" required{{#weekday_error}} aria-invalid="true" aria-describedby="e-weekday"{{/weekday_error}}>
<option value="">—</option>
{{#WEEKDAY_OPTION}}<option value="{{N}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/WEEKDAY_OPTION}}</select>
{{#weekday_error}}<p class="field-error" id="e-weekday">{{MESSAGE}}</p>{{/weekday_error}}
</div>
<div class="field">
<label for="f-ordinal">Какой по счёту в месяце (для приёма раз в месяц)</label>
<select id="f-ordinal" name="ordinal"{{#ordinal_error}} aria-invalid="true" aria-describedby="e-ordinal"{{/ordinal_error}}>
<option value="">—</option>
{{#ORDINAL_OPTION}}<option value="{{N}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/ORDINAL_OPTION}}</select>
{{#ordinal_error}}<p class="field-error" id="e-ordinal">{{MESSAGE}}</p>{{/ordinal_error}}
</div>
<div class="field">
<label for="f-start_time">Начало приёма</label>
<input id="f-start_time" name="start_time" type="time" value="{{start_time}}" required{{#start_time_error}} aria-invalid="true" aria-describedby="e-start_time"{{/start_time_error}}>
{{#start_time_error}}<p class="field-error" id="e-start_time">{{MESSAGE}}</p>{{/start_time_error}}
</div>
<div class="field">
<label for="f-end_time">Окончание</label>
<input id="f-end_time" name="end_time" type="time" value="{{end_time}}" required{{#end_time_error}} aria-invalid="true" aria-describedby="e-end_time"{{/end_time_error}}>
{{#end_time_error}}<p class="field-error" id="e-end_time">{{MESSAGE}}</p>{{/end_time_error}}
</div>
<div class="field">
<label for="f-slot_minutes">Приём одного посетителя, минут</label>
<input id="f-slot_minutes" name="slot_minutes" type="number" min="5" max="120" value="{{slot_minutes}}" required{{#slot_minutes_error}} aria-invalid="true" aria-describedby="e-slot_minutes"{{/slot_minutes_error}}>
{{#slot_minutes_error}}<p class="field-error" id="e-slot_minutes">{{MESSAGE}}</p>{{/slot_minutes_error}}
</div>
<div class="field">
<label for="f-topics">Темы приёма (для жителей)</label>
<textarea id="f-topics" name="topics" rows="3"{{#topics_error}} aria-invalid="true" aria-describedby="e-topics"{{/topics_error}}>{{topics:pre_escape}}</textarea>
{{#topics_error}}<p class="field-error" id="e-topics">{{MESSAGE}}</p>{{/topics_error}}
</div>
<div class="field">
<label for="f-period_from">С даты</label>
<input id="f-period_from" name="period_from" type="date" value="{{period_from}}" required{{#period_from_error}} aria-invalid="true" aria-describedby="e-period_from"{{/period_from_error}}>
{{#period_from_error}}<p class="field-error" id="e-period_from">{{MESSAGE}}</p>{{/period_from_error}}
</div>
<div class="field">
<label for="f-period_to">По дату</label>
<input id="f-period_to" name="period_to" type="date" value="{{period_to}}" required{{#period_to_error}} aria-invalid="true" aria-describedby="e-period_to"{{/period_to_error}}>
{{#period_to_error}}<p class="field-error" id="e-period_to">{{MESSAGE}}</p>{{/period_to_error}}
</div>
<div class="actions"><button type="submit">{{BUTTON}}</button></div>
</form>{{/FORM}}
{{#SCHEDULE}}<h2>Приёмы графика</h2>
{{#HAS_HOLIDAYS}}<p>Выпали на нерабочие праздничные дни (пропущены или перенесены): {{#HOLIDAY}}{{DAY}}{{#HOLIDAY_separator}}, {{/HOLIDAY_separator}}{{/HOLIDAY}}.</p>{{/HAS_HOLIDAYS}}
{{#NO_RECEPTIONS}}<p>Приёмов нет.</p>{{/NO_RECEPTIONS}}
{{#HAS_RECEPTIONS}}<div class="table-scroll" role="region" aria-labelledby="schedule-caption" tabindex="0"><table>
<caption id="schedule-caption">Приёмы графика и записи на них</caption>
<thead><tr><th scope="col">Когда</th><th scope="col">Состояние</th><th scope="col">Записано</th></tr></thead>
<tbody>
{{#RECEPTION}}<tr><td><a href="/admin/receptions/{{ID}}"><time datetime="{{STARTS_ISO}}">{{STARTS}}</time></a>{{#KEPT}} (остался по прежнему графику){{/KEPT}}</td><td>{{STATUS}}</td><td>{{BOOKED}}</td></tr>
{{/RECEPTION}}</tbody></table></div>{{/HAS_RECEPTIONS}}{{/SCHEDULE}}
