{{%AUTOESCAPE context="HTML"}}{{!-- admin_protocol.tpl: the protocol of a held meeting for staff: its state, the handover to the control sector, the protocol, instructions, amendments, appeals handed in, and the forms each role may use. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/meetings">Встречи</a> › <a href="/admin/meetings/{{ID}}">{{TITLE}}</a></nav>
<h1>Протокол встречи {{QUOTED_TITLE}}</h1>
{{>FORM_ERRORS}}
<dl class="facts">
<dt>Встреча</dt><dd><time datetime="{{STARTS_ISO}}">{{STARTS}}</time></dd>
<dt>Состояние протокола</dt><dd>{{#NO_PROTOCOL}}не составлен{{/NO_PROTOCOL}}{{#DRAFT}}черновик{{/DRAFT}}{{#SIGNED}}подписан {{AT}} — {{CHAIR}}{{#ON_PAPER}} (на бумаге; отметка на портале — {{BY}}){{/ON_PAPER}}{{/SIGNED}}</dd>
{{#HAS_DUE}}<dt>Передать в сектор контроля не позднее</dt><dd>{{HANDOVER_DUE}}{{#UNCOVERED}} (производственного календаря на {{YEAR}} год нет: срок посчитан без переносов выходных){{/UNCOVERED}}</dd>
{{/HAS_DUE}}{{#NO_DEADLINE}}<dt>Срок передачи в сектор контроля</dt><dd>не установлен: акт о встречах этого вида его не задаёт</dd>
{{/NO_DEADLINE}}
<dt>Передача в сектор контроля</dt><dd>{{#HANDED}}передан {{AT}}{{#BY}} ({{NAME}}){{/BY}}{{#LATE}} — <strong class="late">{{TEXT}}</strong>{{/LATE}}{{/HANDED}}{{#NOT_HANDED}}не передан{{#OVERDUE}} — <strong class="late">{{TEXT}}</strong>{{/OVERDUE}}{{/NOT_HANDED}}</dd>
</dl>
{{#RECEPTION_NOTE}}<p class="notice">Личный приём касается самих жителей: его протокол на сайте не публикуется.</p>
{{/RECEPTION_NOTE}}{{#PUBLIC_LINK}}<p class="more"><a href="/meetings/{{ID}}/protocol">Протокол на сайте (версия для печати)</a></p>
{{/PUBLIC_LINK}}{{#PROTOCOL}}<section class="block" aria-labelledby="protocol-title">
<h2 id="protocol-title">Протокол № {{NUMBER}}</h2>
<dl class="facts">
<dt>Дата</dt><dd>{{HELD_ON}}</dd>
<dt>Место</dt><dd>{{PLACE}}{{#PLACE_MISMATCH}}<p class="notice" id="place-mismatch"><strong>Место в протоколе не совпадает с местом встречи</strong>, объявленным в расписании: {{VENUE}}. Если встреча прошла там, исправьте место в протоколе; если в другом месте — укажите это в протоколе и сообщите организатору, чтобы жители узнали о переносе.</p>{{/PLACE_MISMATCH}}</dd>
<dt>Председатель&shy;ствующий</dt><dd>{{CHAIR}}</dd>
<dt>Секретарь</dt><dd>{{SECRETARY}}</dd>
<dt>Присутствовали</dt><dd>{{ATTENDANCE}}</dd>
</dl>
{{#HAS_OFFICIALS}}<h3>Должностные лица</h3>
<ul>
{{#OFFICIAL}}<li>{{NAME}} — {{POSITION}}</li>
{{/OFFICIAL}}</ul>
{{/HAS_OFFICIALS}}{{#HAS_QUESTIONS}}<h3>Вопросы и ответы</h3>
<ol class="questions">
{{#QUESTION}}<li><p class="text">{{QUESTION:pre_escape}}</p>{{#ANSWERED}}<p class="text">Ответ: {{ANSWER:pre_escape}}</p>{{/ANSWERED}}<p class="note">{{#PUBLISHED}}Показывается на сайте.{{/PUBLISHED}}{{#NOT_PUBLISHED}}На сайте не показывается.{{/NOT_PUBLISHED}}</p></li>
{{/QUESTION}}</ol>
{{/HAS_QUESTIONS}}{{#DECISIONS}}<h3>Решения</h3>
<p class="text">{{TEXT:pre_escape}}</p>
{{/DECISIONS}}{{#PHOTO}}<p><a href="{{URL}}" rel="noopener">Фотоотчёт</a></p>
{{/PHOTO}}{{#VIDEO}}<p><a href="{{URL}}" rel="noopener">Видеозапись</a></p>
{{/VIDEO}}</section>
{{/PROTOCOL}}{{#HAS_INSTRUCTIONS}}<h2>Поручения</h2>
<ul class="instructions">
{{#INSTRUCTION}}<li><a href="/admin/instructions/{{INSTRUCTION_ID}}">{{TEXT}}</a> — {{EXECUTOR}}{{#UNIT}}, {{NAME}}{{/UNIT}}; срок <time datetime="{{DUE_ISO}}">{{DUE}}</time>{{#OVERDUE}} <strong class="late">{{TEXT}}</strong>{{/OVERDUE}}{{#SOON}} <strong>{{TEXT}}</strong>{{/SOON}}; {{STATUS}}</li>
{{/INSTRUCTION}}</ul>
{{/HAS_INSTRUCTIONS}}{{#HAS_AMENDMENTS}}<h2>Исправления</h2>
<ol class="amendments">
{{#AMENDMENT}}<li><p class="text">{{TEXT:pre_escape}}</p><p>Причина: {{REASON}}</p><p>Внесено {{AT}} ({{BY}}). {{#PUBLISHED}}Показывается на сайте.{{/PUBLISHED}}{{#NOT_PUBLISHED}}На сайте не показывается.{{/NOT_PUBLISHED}}</p></li>
{{/AMENDMENT}}</ol>
{{/HAS_AMENDMENTS}}{{#HAS_APPEALS}}<h2>Обращения, поданные на встрече</h2>
<ul>
{{#APPEAL}}<li>№ {{#LINK}}<a class="number" href="/admin/appeals/{{APPEAL_ID}}">{{NUMBER}}</a>{{/LINK}}{{#PLAIN}}<span class="number">{{NUMBER}}</span>{{/PLAIN}} — {{TOPIC}}; {{STATUS}}</li>
{{/APPEAL}}</ul>
{{/HAS_APPEALS}}{{#CAN_SIGN}}<section class="action" aria-labelledby="sign-title">
<h2 id="sign-title">Подписать протокол</h2>
{{#ON_PAPER}}<p>Вы не председательствующий: отметьте подпись, только если бумажный протокол подписан председательствующим ({{CHAIR}}). На странице будет указано, кто сделал отметку.</p>
{{/ON_PAPER}}<p>После подписания протокол не редактируется, исправления вносятся отдельно. Поручения вступают в силу, исполнителям уходят письма.</p>
<form method="post" action="/admin/meetings/{{ID}}/protocol/sign">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="revision" value="{{REVISION}}">
<button type="submit">{{BUTTON}}</button>
</form>
</section>
{{/CAN_SIGN}}{{#SIGN_HINT}}<p class="notice">{{TEXT}}</p>
{{/SIGN_HINT}}{{#CAN_HAND_OVER}}<section class="action" aria-labelledby="handover-title">
<h2 id="handover-title">Передать в сектор контроля</h2>
<form method="post" action="/admin/meetings/{{ID}}/protocol/handover">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Отметить: протокол передан</button>
</form>
</section>
{{/CAN_HAND_OVER}}{{#CAN_AMEND}}<section class="action" aria-labelledby="amend-title">
<h2 id="amend-title">Внести исправление</h2>
<p>Исправление показывается вместе с протоколом, на сайте — только если отмечено.</p>
<form method="post" action="/admin/meetings/{{ID}}/protocol/amend">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-amendment">Текст исправления</label>
<textarea id="f-amendment" name="amendment" rows="3" required{{#amendment_error}} aria-invalid="true" aria-describedby="e-amendment"{{/amendment_error}}>{{amendment:pre_escape}}</textarea>
{{#amendment_error}}<p class="field-error" id="e-amendment">{{MESSAGE}}</p>{{/amendment_error}}</div>
<div class="field"><label for="f-reason">Причина</label>
<textarea id="f-reason" name="reason" rows="2" required{{#reason_error}} aria-invalid="true" aria-describedby="e-reason"{{/reason_error}}>{{reason:pre_escape}}</textarea>
{{#reason_error}}<p class="field-error" id="e-reason">{{MESSAGE}}</p>{{/reason_error}}</div>
{{#PUBLISHABLE}}<div class="field"><input type="checkbox" id="f-amendment_public" name="amendment_public" value="1"{{#CHECKED}} checked{{/CHECKED}}> <label for="f-amendment_public">Показать исправление на сайте: фамилий, адресов и телефонов жителей в нём нет</label></div>
{{/PUBLISHABLE}}<button type="submit">Внести исправление</button>
</form>
</section>
{{/CAN_AMEND}}{{#PUBLICATION}}<section class="action" aria-labelledby="publication-title">
<h2 id="publication-title">На сайте</h2>
<form class="form" method="post" action="/admin/meetings/{{ID}}/protocol/publication">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-photo_url">Ссылка на фотоотчёт (не обязательно)</label>
<input id="f-photo_url" name="photo_url" type="url" value="{{photo_url}}" maxlength="500"{{#photo_url_error}} aria-invalid="true" aria-describedby="e-photo_url"{{/photo_url_error}}>
{{#photo_url_error}}<p class="field-error" id="e-photo_url">{{MESSAGE}}</p>{{/photo_url_error}}</div>
<div class="field"><label for="f-video_url">Ссылка на видеозапись (не обязательно)</label>
<input id="f-video_url" name="video_url" type="url" value="{{video_url}}" maxlength="500"{{#video_url_error}} aria-invalid="true" aria-describedby="e-video_url"{{/video_url_error}}>
{{#video_url_error}}<p class="field-error" id="e-video_url">{{MESSAGE}}</p>{{/video_url_error}}</div>
{{#QUESTIONS}}<fieldset class="checkboxes" id="f-question_public">
<legend>Какие вопросы показать на сайте (только без фамилий, адресов и телефонов жителей)</legend>
{{#question_public_error}}<p class="field-error" id="e-question_public">{{MESSAGE}}</p>{{/question_public_error}}
{{#PUBLISH_QUESTION}}<div><input type="checkbox" id="f-question_public-{{N}}" name="question_public" value="{{N}}"{{#PUBLISHED}} checked{{/PUBLISHED}}> <label for="f-question_public-{{N}}">{{QUESTION}}</label></div>
{{/PUBLISH_QUESTION}}</fieldset>
{{/QUESTIONS}}<div class="actions"><button type="submit">Сохранить</button></div>
</form>
</section>
{{/PUBLICATION}}{{#ADD_INSTRUCTION}}<section class="action" aria-labelledby="instruction-title">
<h2 id="instruction-title">Добавить поручение</h2>
<p>Поручения черновика вступят в силу, когда протокол будет подписан. Текст поручения будет на сайте среди итогов встречи: не пишите в нём фамилий и адресов жителей — поручения по личным вопросам даются по их обращениям.</p>
<form method="post" action="/admin/meetings/{{ID}}/protocol/instructions">
<input type="hidden" name="csrf" value="{{CSRF}}">
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
<button type="submit">Добавить поручение</button>
</form>
</section>
{{/ADD_INSTRUCTION}}{{#EDIT}}<section class="action" aria-labelledby="edit-title">
<h2 id="edit-title">Черновик протокола</h2>
<form class="form" method="post" action="/admin/meetings/{{ID}}/protocol">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-protocol_number">Номер протокола</label>
<input id="f-protocol_number" name="protocol_number" value="{{protocol_number}}" maxlength="40"{{#protocol_number_error}} aria-invalid="true" aria-describedby="e-protocol_number"{{/protocol_number_error}}>
{{#protocol_number_error}}<p class="field-error" id="e-protocol_number">{{MESSAGE}}</p>{{/protocol_number_error}}</div>
<div class="field"><label for="f-held_on">Дата</label>
<input id="f-held_on" name="held_on" type="date" value="{{held_on}}" required{{#held_on_error}} aria-invalid="true" aria-describedby="e-held_on"{{/held_on_error}}>
{{#held_on_error}}<p class="field-error" id="e-held_on">{{MESSAGE}}</p>{{/held_on_error}}</div>
<div class="field"><label for="f-place">Место</label>
<input id="f-place" name="place" value="{{place}}" maxlength="300"{{#place_error}} aria-invalid="true" aria-describedby="e-place"{{/place_error}}>
{{#place_error}}<p class="field-error" id="e-place">{{MESSAGE}}</p>{{/place_error}}</div>
<div class="field"><label for="f-chair">Председательствующий (подписывает протокол)</label>
<select id="f-chair" name="chair"{{#chair_error}} aria-invalid="true" aria-describedby="e-chair"{{/chair_error}}><option value="">— не указан —</option>
{{#CHAIR_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/CHAIR_OPTION}}</select>
{{#chair_error}}<p class="field-error" id="e-chair">{{MESSAGE}}</p>{{/chair_error}}</div>
<div class="field"><label for="f-secretary">Секретарь</label>
<select id="f-secretary" name="secretary"{{#secretary_error}} aria-invalid="true" aria-describedby="e-secretary"{{/secretary_error}}><option value="">— не указан —</option>
{{#SECRETARY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SECRETARY_OPTION}}</select>
{{#secretary_error}}<p class="field-error" id="e-secretary">{{MESSAGE}}</p>{{/secretary_error}}</div>
<div class="field"><label for="f-attendance">Число присутствовавших</label>
<input id="f-attendance" name="attendance" inputmode="numeric" value="{{attendance}}"{{#attendance_error}} aria-invalid="true" aria-describedby="e-attendance"{{/attendance_error}}>
{{#attendance_error}}<p class="field-error" id="e-attendance">{{MESSAGE}}</p>{{/attendance_error}}</div>
<fieldset class="checkboxes" id="f-official"{{#official_error}} aria-describedby="e-official"{{/official_error}}>
<legend>Присутствовавшие должностные лица</legend>
{{#OFFICIAL_OPTION}}<div><input type="checkbox" id="f-official-{{ID}}" name="official" value="{{ID}}"{{#SELECTED}} checked{{/SELECTED}}> <label for="f-official-{{ID}}">{{NAME}}</label></div>
{{/OFFICIAL_OPTION}}{{#official_error}}<p class="field-error" id="e-official">{{MESSAGE}}</p>{{/official_error}}
</fieldset>
<fieldset id="f-question_public">
<legend>Вопросы, поднятые на встрече, и данные ответы</legend>
{{#RECEPTION}}<p>Вопросы личного приёма касаются самих жителей и на сайте не показываются.</p>
{{/RECEPTION}}{{#PUBLISH_NOTE}}<p>На сайте показываются только отмеченные вопросы. Отмечайте вопрос, только если в нём и в ответе нет фамилий, адресов и телефонов жителей.</p>
{{/PUBLISH_NOTE}}{{#question_error}}<p class="field-error" id="e-question">{{MESSAGE}}</p>{{/question_error}}
{{#question_answer_error}}<p class="field-error" id="e-question_answer">{{MESSAGE}}</p>{{/question_answer_error}}
{{#question_public_error}}<p class="field-error" id="e-question_public">{{MESSAGE}}</p>{{/question_public_error}}
{{#QUESTION_ROW}}<div class="field"><label for="{{#FIRST}}f-question{{/FIRST}}{{#OTHER}}f-question-{{N}}{{/OTHER}}">Вопрос {{N}}</label>
<textarea id="{{#FIRST}}f-question{{/FIRST}}{{#OTHER}}f-question-{{N}}{{/OTHER}}" name="question" rows="2">{{QUESTION:pre_escape}}</textarea></div>
<div class="field"><label for="{{#FIRST}}f-question_answer{{/FIRST}}{{#OTHER}}f-question_answer-{{N}}{{/OTHER}}">Ответ на вопрос {{N}}</label>
<textarea id="{{#FIRST}}f-question_answer{{/FIRST}}{{#OTHER}}f-question_answer-{{N}}{{/OTHER}}" name="question_answer" rows="2">{{ANSWER:pre_escape}}</textarea></div>
{{#PUBLISHABLE}}<div class="field"><input type="checkbox" id="f-question_public-{{N}}" name="question_public" value="{{N}}"{{#PUBLISHED}} checked{{/PUBLISHED}}> <label for="f-question_public-{{N}}">Показать вопрос {{N}} и ответ на сайте: персональных данных нет</label></div>
{{/PUBLISHABLE}}{{/QUESTION_ROW}}</fieldset>
<div class="field"><label for="f-decisions">Решения (будут на сайте: без фамилий и адресов жителей)</label>
<textarea id="f-decisions" name="decisions" rows="5"{{#decisions_error}} aria-invalid="true" aria-describedby="e-decisions"{{/decisions_error}}>{{decisions:pre_escape}}</textarea>
{{#decisions_error}}<p class="field-error" id="e-decisions">{{MESSAGE}}</p>{{/decisions_error}}</div>
<div class="actions"><button type="submit">Сохранить черновик</button></div>
</form>
</section>
{{/EDIT}}
