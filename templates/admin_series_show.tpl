{{%AUTOESCAPE context="HTML"}}{{!-- admin_series_show.tpl: one series and its meetings. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/meetings">Встречи</a> › <a href="/admin/series">Серии</a></nav>
<h1>{{TITLE}}</h1>
<p>{{KIND}}. Каждую встречу серии можно изменить, утвердить или отменить отдельно.</p>
<div class="table-scroll" role="region" aria-labelledby="series-caption" tabindex="0">
<table class="list">
<caption id="series-caption">Встречи серии</caption>
<thead><tr><th scope="col">Дата</th><th scope="col">Место</th><th scope="col">Состояние</th></tr></thead>
<tbody>
{{#MEETING}}<tr><td><a href="/admin/meetings/{{ID}}"><time datetime="{{STARTS_ISO}}">{{STARTS}}</time></a></td><td>{{PLACE}}</td><td>{{STATUS}}</td></tr>
{{/MEETING}}</tbody>
</table>
</div>
