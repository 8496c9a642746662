{{%AUTOESCAPE context="HTML"}}{{!-- appeals.tpl: where «Обращения» in the menu leads: send a new appeal, follow one already sent, read the published answers. --}}
<h1>Обращения граждан</h1>
<p class="lead">Обращение в администрацию рассматривается в течение 30 дней со дня регистрации (Федеральный закон от 02.05.2006 № 59-ФЗ).</p>
<section class="block" aria-labelledby="appeal-new-title">
<h2 id="appeal-new-title">Новое обращение</h2>
<p>Напишите главе, в администрацию или в её подразделение. После отправки вы получите регистрационный номер и код.</p>
<p class="more"><a href="/appeals/new">Написать обращение</a></p>
</section>
<section class="block" aria-labelledby="appeal-status-title">
<h2 id="appeal-status-title">Уже отправили обращение?</h2>
<p>По номеру и коду из квитанции можно узнать, как оно рассматривается, и прочитать ответ.</p>
<p class="more"><a href="/appeals/status">Узнать, как рассматривается обращение</a></p>
</section>
<section class="block" aria-labelledby="appeal-answers-title">
<h2 id="appeal-answers-title">Ответы на вопросы жителей</h2>
<p>Ответы на общественно значимые вопросы, без имён и адресов заявителей.</p>
<p class="more"><a href="/answers">Читать ответы</a></p>
</section>
