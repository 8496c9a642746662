{{%AUTOESCAPE context="HTML"}}{{!-- appeal_received.tpl: the receipt after an appeal was stored: its number and private code, shown once. --}}
<h1>Обращение принято</h1>
{{#RECEIPT}}<p class="lead">Ваше обращение зарегистрировано.</p>
<dl class="facts receipt">
<dt>Регистрационный номер</dt><dd><strong class="number">{{NUMBER}}</strong></dd>
<dt>Код для проверки</dt><dd><strong>{{CODE}}</strong></dd>
</dl>
<p><strong>Запишите номер и код:</strong> код показывается только один раз. По ним на странице <a href="/appeals/status">«Как рассматривается обращение»</a> видно, как идёт рассмотрение и какой дан ответ. Если вы указали электронную почту, номер и код придут и в письме.</p>
{{/RECEIPT}}{{#NO_RECEIPT}}<p>Номер и код обращения показываются один раз, сразу после отправки. Если вы указали электронную почту, они есть в письме о регистрации. Узнать, как рассматривается обращение, можно на странице <a href="/appeals/status">«Как рассматривается обращение»</a>.</p>
{{/NO_RECEIPT}}{{#SIGNED_IN}}<p>Обращение, ход его рассмотрения и ответ есть и в вашем <a href="/account">личном кабинете</a>.</p>
{{/SIGNED_IN}}<p><a href="/">На главную</a></p>
