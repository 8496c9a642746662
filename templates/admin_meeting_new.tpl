{{%AUTOESCAPE context="HTML"}}{{!-- admin_meeting_new.tpl: the form for a new meeting (a draft). --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/meetings">Встречи</a></nav>
<h1>Новая встреча</h1>
<p>Встреча сохраняется как черновик и не видна жителям, пока её не утвердят. Место и время публикуются не позднее чем за 5 дней до встречи.</p>
{{>FORM}}
