{{%AUTOESCAPE context="HTML"}}{{!-- discussion_sent.tpl: a resident's proposal was received and waits for moderation. --}}
<h1>Предложение получено</h1>
<p>Спасибо! Ваше предложение к проекту «{{TITLE}}» получено. Оно появится на странице обсуждения после проверки модератором; если в публикации будет отказано, мы сообщим причину по электронной почте.</p>
<p><a href="/discussions/{{ID}}">Вернуться к обсуждению</a></p>
