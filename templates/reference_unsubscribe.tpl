{{%AUTOESCAPE context="HTML"}}{{!-- reference_unsubscribe.tpl: the link in every mail to a reference-group participant: a button that withdraws the consent to the mail (a POST to the link itself, as RFC 8058 one-click does), or the result. --}}
{{#ASK}}<h1>Отказ от писем</h1>
<p class="lead">Вы получаете анонсы встреч как участник референтной группы. Нажмите кнопку, чтобы отозвать согласие на рассылку: писем больше не будет.</p>
<form class="form" method="post" action="/reference/unsubscribe?token={{TOKEN:u}}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<div class="actions"><button type="submit">Отказаться от писем</button></div>
</form>
{{/ASK}}{{#DONE}}<h1>Вы отказались от писем</h1>
<p class="lead">Согласие на рассылку отозвано: анонсы встреч вам больше не придут. Расписание всегда есть на сайте.</p>
{{/DONE}}<p><a href="/meetings">Расписание встреч</a></p>
