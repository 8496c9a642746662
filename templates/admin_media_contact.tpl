{{%AUTOESCAPE context="HTML"}}{{!-- admin_media_contact.tpl: one contact of the media list: the form to change it, and switching its mail off or on. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/media">Список СМИ</a></nav>
<h1>{{NAME}}</h1>
<p>{{EMAIL}} — {{#ACTIVE}}получает рассылку объявлений{{/ACTIVE}}{{#INACTIVE}}рассылка отключена{{/INACTIVE}}.{{#BODY}} Список СМИ: {{NAME}}.{{/BODY}}</p>
{{#ACTIVE}}<form class="inline" method="post" action="/admin/media/{{ID}}/deactivate">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Отключить рассылку</button>
</form>
{{/ACTIVE}}{{#INACTIVE}}<form class="inline" method="post" action="/admin/media/{{ID}}/activate">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Включить рассылку</button>
</form>
{{/INACTIVE}}<h2>Изменить</h2>
{{>FORM}}
