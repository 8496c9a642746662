{{%AUTOESCAPE context="HTML"}}{{!-- account_login.tpl: signing in to the personal account: through Госуслуги (the ЕСИА gateway, OpenID Connect) or with a one-time code sent by e-mail; then the form for the code. --}}
<h1>Вход в личный кабинет</h1>
<p class="lead">В личном кабинете — ваши обращения, ход их рассмотрения и ответы. Обращение через сайт принимается от гражданина, чья личность подтверждена (Федеральный закон от 28.12.2024 № 547-ФЗ).</p>
{{>FORM_ERRORS}}
{{#ESIA}}<section class="block" aria-labelledby="login-esia">
<h2 id="login-esia">Через Госуслуги</h2>
<p>Имя, фамилия и другие данные подтверждённой учётной записи Госуслуг попадут в обращение сами, и изменить их будет нельзя.</p>
<p><a class="button" href="/account/login/esia?return={{RETURN:u}}">Войти через Госуслуги</a></p>
</section>{{/ESIA}}
{{#EMAIL_FORM}}<section class="block" aria-labelledby="login-email">
<h2 id="login-email">С кодом по электронной почте</h2>
<form class="form" method="post" action="/account/login/email">
<input type="hidden" name="csrf" value="{{FORM_TOKEN}}">
<input type="hidden" name="return" value="{{RETURN}}">
<div class="field">
<label for="f-email">Адрес электронной почты</label>
<input id="f-email" name="email" type="email" value="{{email}}" maxlength="254" autocomplete="email" required{{#email_error}} aria-invalid="true" aria-describedby="e-email"{{/email_error}}>
{{#email_error}}<p class="field-error" id="e-email">{{MESSAGE}}</p>{{/email_error}}
</div>
<p>Мы отправим на этот адрес код из 6 цифр; он действует 10 минут. Адрес обрабатывается для входа и ответов на ваши обращения — см. <a href="/privacy">политику обработки персональных данных</a>.</p>
<div class="actions"><button type="submit">Получить код</button></div>
</form>
</section>{{/EMAIL_FORM}}
{{#EMAIL_FORM_ACCOUNT_ONLY}}<section class="block" aria-labelledby="login-email">
<h2 id="login-email">С кодом по электронной почте</h2>
<p>Так можно посмотреть свои обращения и ответы; отправить новое обращение можно только после входа через Госуслуги.</p>
<form class="form" method="post" action="/account/login/email">
<input type="hidden" name="csrf" value="{{FORM_TOKEN}}">
<input type="hidden" name="return" value="{{RETURN}}">
<div class="field">
<label for="f-email">Адрес электронной почты</label>
<input id="f-email" name="email" type="email" value="{{email}}" maxlength="254" autocomplete="email" required>
</div>
<p>Адрес обрабатывается для входа — см. <a href="/privacy">политику обработки персональных данных</a>.</p>
<div class="actions"><button type="submit">Получить код</button></div>
</form>
</section>{{/EMAIL_FORM_ACCOUNT_ONLY}}
{{#CODE_FORM}}<section class="block" aria-labelledby="login-code">
<h2 id="login-code">Введите код из письма</h2>
<p role="status">Если адрес {{ADDRESS}} указан верно, на него отправлен код из 6 цифр. Письмо приходит в течение нескольких минут; проверьте и папку «Спам». Новый код можно запросить через минуту.</p>
<form class="form" method="post" action="/account/login/code">
<input type="hidden" name="csrf" value="{{FORM_TOKEN}}">
<input type="hidden" name="return" value="{{RETURN}}">
<input type="hidden" name="email" value="{{ADDRESS}}">
<div class="field">
<label for="f-code">Код из письма</label>
<input id="f-code" name="code" value="" maxlength="12" inputmode="numeric" autocomplete="one-time-code" required{{#code_error}} aria-invalid="true" aria-describedby="e-code"{{/code_error}}>
{{#code_error}}<p class="field-error" id="e-code">{{MESSAGE}}</p>{{/code_error}}
</div>
<div class="actions"><button type="submit">Войти</button></div>
</form>
<p><a href="/account/login?return={{RETURN:u}}">Указать другой адрес или запросить код заново</a></p>
</section>{{/CODE_FORM}}
{{#NO_WAY}}<p>Вход в личный кабинет на этом сайте не настроен. Обратитесь в администрацию по телефону или электронной почте, указанным внизу страницы.</p>{{/NO_WAY}}
