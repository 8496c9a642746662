{{%AUTOESCAPE context="HTML"}}{{!-- admin_series.tpl: every recurring series. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/meetings">Встречи</a></nav>
<h1>Серии встреч</h1>
<p>Серия создаёт черновики встреч на выбранный период; каждую из них потом можно изменить, утвердить или отменить отдельно.</p>
{{#CAN_CREATE}}<p class="more"><a href="/admin/series/new">Новая серия</a></p>
{{/CAN_CREATE}}{{#NO_SERIES}}<p>Серий пока нет.</p>{{/NO_SERIES}}
{{#HAS_SERIES}}<ul>
{{#SERIES}}<li><a href="/admin/series/{{ID}}">{{TITLE}}</a> — {{KIND}}, {{COUNT}}</li>
{{/SERIES}}</ul>{{/HAS_SERIES}}
