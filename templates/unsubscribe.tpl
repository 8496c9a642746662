{{%AUTOESCAPE context="HTML"}}{{!-- unsubscribe.tpl: the unsubscribe link of every mail: a button (a POST to the link itself, as RFC 8058 one-click does), or the result. --}}
{{#ASK}}<h1>Отписка от анонсов</h1>
<p class="lead">Подписка: {{SCOPE}}. Нажмите кнопку, чтобы больше не получать писем.</p>
<form class="form" method="post" action="/unsubscribe?token={{TOKEN:u}}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<div class="actions"><button type="submit">Отписаться</button></div>
</form>
{{/ASK}}{{#DONE}}<h1>Вы отписались от анонсов</h1>
<p class="lead">Писем больше не будет ({{SCOPE}}).</p>
<p>Если передумаете, <a href="/subscribe">подпишитесь снова</a>.</p>
{{/DONE}}<p><a href="/meetings">Расписание встреч</a> · <a href="/">На главную</a></p>
