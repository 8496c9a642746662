{{%AUTOESCAPE context="HTML"}}{{!-- account_signed_out.tpl: signed out here; the browser goes on to sign out at the provider (Refresh header), or the resident follows the link. --}}
<h1>Вы вышли из личного кабинета</h1>
<p class="lead">Сеанс на этом сайте завершён. Сейчас вы выйдете и из Госуслуг на этом устройстве.</p>
<p>Если этого не произошло, <a href="{{PROVIDER_URL}}">выйдите из Госуслуг по этой ссылке</a>.</p>
<p><a href="/">На главную страницу</a></p>
