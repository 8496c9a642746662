{{%AUTOESCAPE context="HTML"}}{{!-- survey_sent.tpl: a resident's response to a survey was saved. --}}
<h1>Ответ принят</h1>
<p>Спасибо! Ваш ответ на опрос «{{TITLE}}» сохранён. Изменить его можно до {{CLOSES_ON}} включительно: на странице опроса или по вашей персональной ссылке из письма, если вы отвечали по ней.</p>
<p><a href="/surveys/{{ID}}">Вернуться к опросу</a></p>
