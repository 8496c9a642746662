{{%AUTOESCAPE context="HTML"}}{{!-- account_failed.tpl: a sign-in that was refused (a forged or expired answer, a provider that is down). --}}
<h1>Вход не выполнен</h1>
<p class="lead">{{TEXT}}</p>
<p>Если вы писали обращение, написанное сохранено на сайте и вернётся в форму после входа.</p>
<p><a href="/account/login">Войти снова</a> · <a href="/">На главную страницу</a></p>
