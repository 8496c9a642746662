{{%AUTOESCAPE context="HTML"}}{{!-- subscribe_confirm.tpl: the page of the confirmation link: a button that confirms (confirming is a POST, because mail scanners open links), or the state. --}}
{{#PENDING}}<h1>Подтверждение подписки</h1>
<p class="lead">Подписка на анонсы: {{SCOPE}}. Чтобы она начала действовать, нажмите кнопку.</p>
<form class="form" method="post" action="/subscribe/confirm">
<input type="hidden" name="token" value="{{TOKEN}}">
<div class="actions"><button type="submit">Подтвердить подписку</button></div>
</form>
<p>Если вы не подписывались, просто закройте эту страницу: без подтверждения писем не будет.</p>
{{/PENDING}}{{#CONFIRMED}}<h1>Подписка подтверждена</h1>
<p class="lead">Анонсы будут приходить на вашу почту: {{SCOPE}}.</p>
<p>Отписаться можно в любой момент по ссылке в конце каждого письма.</p>
{{/CONFIRMED}}{{#UNSUBSCRIBED}}<h1>Подписка отменена</h1>
<p class="lead">Вы отписались от анонсов ({{SCOPE}}), и эта ссылка больше не действует.</p>
<p>Чтобы снова получать анонсы, <a href="/subscribe">подпишитесь заново</a>.</p>
{{/UNSUBSCRIBED}}<p><a href="/meetings">Расписание встреч</a> · <a href="/">На главную</a></p>
