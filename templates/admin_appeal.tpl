{{%AUTOESCAPE context="HTML"}}{{!-- admin_appeal.tpl: one appeal for staff: the applicant, the text, deadlines, the next steps of 59-ФЗ and the history. --}}
<h1>Обращение № <span class="number">{{NUMBER}}</span></h1>
{{>FORM_ERRORS}}
{{#PAPER_RECEIPT}}<section class="block receipt" aria-labelledby="paper-receipt">
<h2 id="paper-receipt">Расписка для заявителя</h2>
<p class="notice">Распечатайте расписку и передайте её заявителю: код показывается только сейчас и нигде не хранится в открытом виде.</p>
<p>Ваше обращение зарегистрировано под номером <strong class="nowrap">{{NUMBER}}</strong>. Ответ будет дан не позднее {{DUE}}.</p>
<p>Код для проверки хода рассмотрения: <strong>{{CODE}}</strong></p>
<p>Узнать, как рассматривается обращение, можно на странице {{STATUS_URL}} по номеру и коду.</p>
</section>
{{/PAPER_RECEIPT}}<dl class="facts">
<dt>Состояние</dt><dd>{{STATUS}}</dd>
<dt>Поступило</dt><dd>{{SOURCE}}, <time datetime="{{RECEIVED_ISO}}">{{RECEIVED}}</time>; зарегистрировано <time datetime="{{REGISTERED_ISO}}">{{REGISTERED}}</time>{{#REGISTERED_LATE}} <strong class="late">{{TEXT}}</strong>{{/REGISTERED_LATE}}</dd>
{{#OPEN_DUE}}{{#DUE_AT}}<dt>Срок ответа</dt><dd><time datetime="{{DUE_ISO}}">{{DUE}}</time>{{#OVERDUE}} <strong class="late">{{TEXT}}</strong>{{/OVERDUE}}{{#SOON}} <strong>{{TEXT}}</strong>{{/SOON}}</dd>{{/DUE_AT}}{{/OPEN_DUE}}
{{#EXTENDED}}<dt>Срок продлён</dt><dd>на {{DAYS}}: {{REASON}}</dd>{{/EXTENDED}}
<dt>Заявитель</dt><dd>{{APPLICANT}}</dd>
<dt>Личность заявителя</dt><dd>{{AUTH}}</dd>
{{#VERDICT}}<dt>Оценка ответа заявителем</dt><dd>{{TEXT}} (<time datetime="{{AT_ISO}}">{{AT}}</time>) {{COMMENT}}</dd>{{/VERDICT}}
<dt>Электронная почта</dt><dd>{{EMAIL}}</dd>
<dt>Почтовый адрес</dt><dd>{{ADDRESS}}</dd>
<dt>Телефон</dt><dd>{{PHONE}}</dd>
<dt>Территория</dt><dd>{{TERRITORY}}</dd>
<dt>Тема</dt><dd>{{TOPIC}}</dd>
<dt>Адресат</dt><dd>{{ADDRESSEE}}</dd>
<dt>Исполнитель</dt><dd>{{EXECUTOR}}</dd>
{{#MEETING}}<dt>Передано на встрече</dt><dd><a href="/admin/meetings/{{MEETING_ID}}">{{TITLE}}</a></dd>{{/MEETING}}
{{#FORWARDED}}<dt>Направлено по компетенции</dt><dd>{{TO}}, <time datetime="{{AT_ISO}}">{{AT}}</time></dd>{{/FORWARDED}}
{{#OUTCOME}}<dt>Закрыто без ответа по существу</dt><dd>{{TEXT}}</dd>{{/OUTCOME}}
{{#PUBLISHED}}<dt>Ответ опубликован</dt><dd><time datetime="{{AT_ISO}}">{{AT}}</time>, <a href="/answers">на странице ответов</a></dd>{{/PUBLISHED}}
</dl>
{{#RECEPTION}}<h2>Карточка личного приёма</h2>
<dl class="facts"><dt>Приём вёл</dt><dd>{{BY}}</dd><dt>Устное обращение</dt><dd>{{ORAL}}</dd><dt>Согласие на устный ответ</dt><dd>{{ORAL_CONSENT}}</dd><dt>Устный ответ</dt><dd>{{ORAL_ANSWER:pre_escape}}</dd></dl>{{/RECEPTION}}
<h2>Текст обращения</h2>
<div class="appeal-text">{{TEXT:pre_escape}}</div>
<ul class="files">
{{#FILE}}<li><a href="/admin/appeal-files/{{FILE_ID}}">{{NAME}}</a> ({{SIZE}})</li>
{{/FILE}}</ul>
{{#ANSWER}}<h2>Ответ от <time datetime="{{AT_ISO}}">{{AT}}</time></h2>
<div class="answer">{{TEXT:pre_escape}}</div>{{/ANSWER}}
{{#WRITER_ACTIONS}}<h2>Назначить исполнителя</h2>
<form class="form" method="post" action="/admin/appeals/{{ID}}/assign">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-unit">Подразделение</label><input id="f-unit" name="unit" value="{{unit}}" maxlength="200" required{{#unit_error}} aria-invalid="true" aria-describedby="e-unit"{{/unit_error}}>
{{#unit_error}}<p class="field-error" id="e-unit">{{MESSAGE}}</p>{{/unit_error}}</div>
<div class="field"><label for="f-executor">Исполнитель</label><select id="f-executor" name="executor" required{{#executor_error}} aria-invalid="true" aria-describedby="e-executor"{{/executor_error}}>
<option value="">Выберите исполнителя</option>
{{#EXECUTOR_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/EXECUTOR_OPTION}}</select>
{{#executor_error}}<p class="field-error" id="e-executor">{{MESSAGE}}</p>{{/executor_error}}</div>
<div class="actions"><button type="submit">Назначить</button></div>
</form>
<h2>Направить по компетенции</h2>
<form class="form" method="post" action="/admin/appeals/{{ID}}/forward">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-forward_to">Куда (орган, в компетенцию которого входит решение вопроса)</label><input id="f-forward_to" name="forward_to" value="{{forward_to}}" maxlength="300" required></div>
<div class="actions"><button type="submit">Направить и уведомить заявителя</button></div>
</form>
{{#CAN_EXTEND}}<h2>Продлить срок</h2>
<form class="form" method="post" action="/admin/appeals/{{ID}}/extend">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-days">На сколько дней (не более 30, один раз)</label><input id="f-days" name="days" type="number" min="1" max="30" value="{{days}}" required{{#days_error}} aria-invalid="true" aria-describedby="e-days"{{/days_error}}>
{{#days_error}}<p class="field-error" id="e-days">{{MESSAGE}}</p>{{/days_error}}</div>
<div class="field"><label for="f-reason">Причина</label><textarea id="f-reason" name="reason" rows="2" required>{{reason:pre_escape}}</textarea></div>
<div class="actions"><button type="submit">Продлить и уведомить заявителя</button></div>
</form>{{/CAN_EXTEND}}
<h2>Закрыть без ответа по существу</h2>
<form class="form" method="post" action="/admin/appeals/{{ID}}/close">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-outcome">Основание (ст. 11 59-ФЗ)</label><select id="f-outcome" name="outcome" required>
<option value="">Выберите основание</option>
{{#OUTCOME_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OUTCOME_OPTION}}</select></div>
<div class="field"><label for="f-repeated_of">Номер прежнего обращения (для повторного)</label><input id="f-repeated_of" name="repeated_of" value="{{repeated_of}}" maxlength="20"{{#repeated_of_error}} aria-invalid="true" aria-describedby="e-repeated_of"{{/repeated_of_error}}>
{{#repeated_of_error}}<p class="field-error" id="e-repeated_of">{{MESSAGE}}</p>{{/repeated_of_error}}</div>
<div class="field"><label for="f-close-reason">Пояснение для заявителя</label><textarea id="f-close-reason" name="reason" rows="2"></textarea></div>
<div class="actions"><button type="submit">Закрыть</button></div>
</form>{{/WRITER_ACTIONS}}
{{#CAN_ANSWER}}<h2>Ответ заявителю</h2>
<form class="form" method="post" action="/admin/appeals/{{ID}}/answer">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-answer">Текст ответа</label><textarea id="f-answer" name="answer" rows="8" required{{#answer_error}} aria-invalid="true" aria-describedby="e-answer"{{/answer_error}}>{{answer:pre_escape}}</textarea>
{{#answer_error}}<p class="field-error" id="e-answer">{{MESSAGE}}</p>{{/answer_error}}</div>
<div class="actions"><button type="submit">Отправить ответ</button></div>
</form>{{/CAN_ANSWER}}
{{#CAN_PUBLISH}}<h2>Опубликовать ответ на общественно значимый вопрос</h2>
<p>Напишите вопрос и ответ так, чтобы в них не было имени, адреса и других сведений о заявителе.</p>
<form class="form" method="post" action="/admin/appeals/{{ID}}/publish">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="f-public_question">Вопрос</label><textarea id="f-public_question" name="public_question" rows="3" required>{{public_question:pre_escape}}</textarea></div>
<div class="field"><label for="f-public_answer">Ответ</label><textarea id="f-public_answer" name="public_answer" rows="6" required>{{public_answer:pre_escape}}</textarea></div>
<div class="actions"><button type="submit">Опубликовать</button></div>
</form>{{/CAN_PUBLISH}}
<h2>История</h2>
<ol class="history">
{{#EVENT}}<li><time datetime="{{AT_ISO}}">{{AT}}</time> — {{ACTION}}{{#NOTE}}: {{TEXT}}{{/NOTE}} ({{WHO}})</li>
{{/EVENT}}</ol>
