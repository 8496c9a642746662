{{%AUTOESCAPE context="HTML"}}{{!-- appeal_status.tpl: following an appeal by its number and private code; the state of the appeal when both are right. --}}
<h1>Как рассматривается обращение</h1>
{{#APPEAL}}<section class="block" aria-labelledby="appeal-state">
<h2 id="appeal-state">Обращение № <span class="number">{{NUMBER}}</span></h2>
<dl class="facts">
<dt>Состояние</dt><dd>{{STATUS}}</dd>
<dt>Поступило</dt><dd><time datetime="{{RECEIVED_ISO}}">{{RECEIVED}}</time></dd>
<dt>Зарегистрировано</dt><dd><time datetime="{{REGISTERED_ISO}}">{{REGISTERED}}</time></dd>
<dt>Срок ответа</dt><dd>не позднее <time datetime="{{DUE_ISO}}">{{DUE}}</time></dd>
{{#EXTENDED}}<dt>Срок продлён</dt><dd>на {{DAYS}}: {{REASON}}</dd>{{/EXTENDED}}
{{#FORWARDED}}<dt>Направлено по компетенции</dt><dd>{{TO}}, <time datetime="{{AT_ISO}}">{{AT}}</time></dd>{{/FORWARDED}}
{{#OUTCOME}}<dt>Итог</dt><dd>{{TEXT}}</dd>{{/OUTCOME}}
</dl>
{{#ANSWER}}<h3>Ответ от <time datetime="{{AT_ISO}}">{{AT}}</time></h3>
<div class="answer">{{TEXT:pre_escape}}</div>{{/ANSWER}}
</section>
<p><a href="/appeals/status">Проверить другое обращение</a></p>{{/APPEAL}}
{{#FORM}}{{#NOT_FOUND}}<p class="form-errors" role="alert">Обращение с таким номером и кодом не найдено. Проверьте номер и код: они есть в письме о регистрации или были показаны после отправки обращения.</p>{{/NOT_FOUND}}
{{>FORM_ERRORS}}
<form class="form" method="post" action="/appeals/status">
<div class="field">
<label for="f-number">Регистрационный номер (например, 2026-00042)</label>
<input id="f-number" name="number" value="{{number}}" maxlength="20" inputmode="numeric" autocomplete="off" required{{#number_error}} aria-invalid="true" aria-describedby="e-number"{{/number_error}}>
{{#number_error}}<p class="field-error" id="e-number">{{MESSAGE}}</p>{{/number_error}}
</div>
<div class="field">
<label for="f-code">Код</label>
<input id="f-code" name="code" value="" maxlength="40" autocomplete="off" autocapitalize="none" required{{#code_error}} aria-invalid="true" aria-describedby="e-code"{{/code_error}}>
{{#code_error}}<p class="field-error" id="e-code">{{MESSAGE}}</p>{{/code_error}}
</div>
<div class="actions"><button type="submit">Узнать</button></div>
</form>{{/FORM}}
