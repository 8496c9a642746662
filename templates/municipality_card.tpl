{{%AUTOESCAPE context="HTML"}}{{!-- municipality_card.tpl: a settlement in a district's list: name, kind, head, contacts, link to its page. --}}
<article class="municipality-card">
<h3><a href="/m/{{SLUG}}">{{OFFICIAL}}</a></h3>
<dl class="facts">
<dt>Вид</dt><dd>{{KIND}}</dd>
{{#HEAD}}<dt>Глава</dt><dd>{{NAME}}</dd>
{{/HEAD}}{{#ADDRESS}}<dt>Адрес</dt><dd>{{VALUE}}</dd>
{{/ADDRESS}}{{#PHONE}}<dt>Телефон</dt><dd>{{VALUE}}</dd>
{{/PHONE}}{{#EMAIL}}<dt>Электронная почта</dt><dd><a href="mailto:{{VALUE}}">{{VALUE}}</a></dd>
{{/EMAIL}}</dl>
</article>
