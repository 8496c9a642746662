{{%AUTOESCAPE context="HTML"}}{{!-- admin_discussions.tpl: the staff list of public discussions of drafts and the form of a new one. --}}
<h1>Общественные обсуждения</h1>
{{#NO_DISCUSSIONS}}<p>Обсуждений пока нет.</p>{{/NO_DISCUSSIONS}}
{{#HAS_DISCUSSIONS}}<div class="table-scroll" role="region" aria-labelledby="discussions-caption" tabindex="0">
<table class="list">
<caption id="discussions-caption">Проекты на обсуждении, последние первыми</caption>
<thead><tr><th scope="col">Проект</th><th scope="col">Срок</th><th scope="col">Ждут проверки</th><th scope="col">Опубликовано</th><th scope="col">Заключение</th></tr></thead>
<tbody>
{{#DISCUSSION}}<tr><td><a href="/admin/discussions/{{ID}}">{{TITLE}}</a></td><td>{{PERIOD}}</td><td>{{PENDING}}</td><td>{{PUBLISHED}}</td><td>{{STATE}}</td></tr>
{{/DISCUSSION}}</tbody>
</table>
</div>{{/HAS_DISCUSSIONS}}
<h2 id="new-discussion">Новый проект на обсуждение</h2>
{{>FORM}}
