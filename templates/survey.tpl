{{%AUTOESCAPE context="HTML"}}{{!-- survey.tpl: one survey: what it is about, who takes part, its period, the response form of a signed-in resident, and the results once they may be shown. --}}
<h1>{{TITLE}}</h1>
{{#PARTICIPANT}}<p class="notice">Вы участвуете по персональной ссылке из письма как участник референтной группы: {{NAME}}. Не пересылайте эту ссылку другим.</p>{{/PARTICIPANT}}
{{#REFUSAL}}<div class="notice error" role="alert"><p>{{MESSAGE}}</p></div>{{/REFUSAL}}
{{#INTRO}}<p>{{LINE}}</p>
{{/INTRO}}<dl class="facts">
<dt>Кто участвует</dt><dd>{{AUDIENCE}}</dd>
<dt>Срок опроса</dt><dd>{{PERIOD}}</dd>
<dt>Состояние</dt><dd>{{#OPEN}}идёт опрос до {{CLOSES_ON}} включительно{{/OPEN}}{{#UPCOMING}}опрос начнётся {{OPENS_ON}}{{/UPCOMING}}{{#CLOSED}}опрос завершён{{/CLOSED}}</dd>
<dt>Итоги</dt><dd>публикуются {{RESULTS_WHEN}}</dd>
</dl>
<section class="block" aria-labelledby="respond">
<h2 id="respond">Ответить на вопросы</h2>
<p>Правила: один ответ от каждого участника; свой ответ можно изменить до окончания опроса. Итоги публикуются без имён; свободные ответы читают только сотрудники администрации. Ответ можно отправить не больше 20 раз в час.</p>
{{#CLOSED}}<p><strong>Опрос завершён, ответы больше не принимаются.</strong></p>{{/CLOSED}}
{{#UPCOMING}}<p>Опрос начнётся {{OPENS_ON}}.</p>{{/UPCOMING}}
{{#BY_LINK}}<p>Этот опрос проводится среди участников референтных групп: каждый получил по электронной почте персональную ссылку на анкету.</p>{{/BY_LINK}}
{{#SIGN_IN}}<p>Чтобы ответить, <a href="/account/login?return={{RETURN}}">войдите в личный кабинет</a>.</p>{{/SIGN_IN}}
{{#RESPONSE_FORM}}{{#ANSWERED}}<p class="notice">Вы ответили {{AT}}. Можно изменить ответ до {{CLOSES_ON}} включительно: отправьте форму ещё раз.</p>{{/ANSWERED}}
<form class="form" method="post" action="{{#SESSION}}/surveys/{{ID}}/response{{/SESSION}}{{#LINK}}/surveys/link{{/LINK}}">
{{#SESSION}}<input type="hidden" name="csrf" value="{{CSRF}}">{{/SESSION}}{{#LINK}}<input type="hidden" name="token" value="{{TOKEN}}">{{/LINK}}
{{#TERRITORY_CHECK}}<div class="field">
<input type="checkbox" id="f-resident_of" name="resident_of" value="yes"{{#CHECKED}} checked{{/CHECKED}}{{#ERROR}} aria-invalid="true" aria-describedby="e-resident_of"{{/ERROR}}> <label for="f-resident_of">Я живу на территории: {{TERRITORY}}</label>
{{#ERROR}}<p class="field-error" id="e-resident_of">{{MESSAGE}}</p>{{/ERROR}}
</div>{{/TERRITORY_CHECK}}
{{#QUESTION}}<fieldset id="question-{{POSITION}}"{{#ERROR}} aria-describedby="e-q{{POSITION}}"{{/ERROR}}>
<legend>{{POSITION}}. {{TEXT}}{{#REQUIRED}} (обязательный вопрос){{/REQUIRED}}</legend>
<p class="hint">{{KIND}}</p>
{{#ERROR}}<p class="field-error" id="e-q{{POSITION}}">{{MESSAGE}}</p>{{/ERROR}}
{{#CHOICES}}{{#OPTION}}<div><input type="{{TYPE}}" id="f-q{{POSITION}}-{{VALUE}}" name="q{{POSITION}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="f-q{{POSITION}}-{{VALUE}}">{{LABEL}}</label></div>
{{/OPTION}}{{/CHOICES}}{{#FREE}}<label for="f-q{{POSITION}}">Ваш ответ (до 2000 знаков)</label>
<textarea id="f-q{{POSITION}}" name="q{{POSITION}}" rows="5" maxlength="2000">{{VALUE}}</textarea>
{{/FREE}}</fieldset>
{{/QUESTION}}<div class="actions"><button type="submit">Отправить ответ</button></div>
</form>{{/RESPONSE_FORM}}
</section>
{{#RESULTS_LATER}}<p>Итоги опроса будут опубликованы здесь после его окончания.</p>{{/RESULTS_LATER}}
{{>RESULTS}}
<p><a href="/surveys">Все опросы</a></p>
