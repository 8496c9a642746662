{{%AUTOESCAPE context="HTML"}}{{!-- subscribe.tpl: the form to subscribe to announcements by e-mail; a confirmation mail follows (double opt-in). --}}
<h1>Подписка на анонсы встреч</h1>
<p class="lead">Мы пришлём на электронную почту анонс каждой встречи с населением — место и время не позднее чем за 5 дней до неё, а также сообщим о переносе или отмене.</p>
{{>FORM_ERRORS}}
<form class="form" method="post" action="{{PREFIX}}/subscribe">
<input type="hidden" name="csrf" value="{{FORM_CSRF}}">
<div class="field">
<label for="f-email">Адрес электронной почты</label>
<input id="f-email" name="email" type="email" value="{{email}}" maxlength="254" autocomplete="email" required{{#email_error}} aria-invalid="true" aria-describedby="e-email"{{/email_error}}>
{{#email_error}}<p class="field-error" id="e-email">{{MESSAGE}}</p>{{/email_error}}
</div>
<div class="field">
<label for="f-territory">Какие встречи</label>
<select id="f-territory" name="territory"{{#territory_error}} aria-invalid="true" aria-describedby="e-territory"{{/territory_error}}>
<option value="">Все встречи: {{MUNICIPALITY}} целиком</option>
{{#TERRITORY_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TERRITORY_OPTION}}</select>
{{#territory_error}}<p class="field-error" id="e-territory">{{MESSAGE}}</p>{{/territory_error}}
</div>
<div class="hp"><label for="f-website">Это поле заполнять не нужно</label><input id="f-website" name="website" value="" autocomplete="off" tabindex="-1"></div>
<fieldset>
<legend>Согласие на обработку персональных данных</legend>
<div><input type="checkbox" id="f-consent" name="consent" value="yes" required{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#consent_error}} aria-invalid="true" aria-describedby="e-consent"{{/consent_error}}> <label for="f-consent">Я согласен (согласна), чтобы администрация обрабатывала мой адрес электронной почты для рассылки анонсов встреч (Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных»). Согласие можно отозвать в любой момент, отписавшись по ссылке из письма. Подробнее — в <a href="/privacy">политике обработки персональных данных</a>.</label></div>
{{#consent_error}}<p class="field-error" id="e-consent">{{MESSAGE}}</p>{{/consent_error}}
</fieldset>
<div class="actions"><button type="submit">Подписаться</button></div>
</form>
<p>Адрес используется только для этой рассылки, не публикуется и не передаётся третьим лицам. Подписка начнёт действовать после того, как вы подтвердите её по ссылке из письма.</p>
