{{%AUTOESCAPE context="HTML"}}{{!-- admin_home.tpl: the staff home page. --}}
<h1>Рабочий стол</h1>
<ul class="staff-links">
<li><a href="/meetings">Расписание встреч на сайте</a></li>
{{#REFERENCE}}<li><a href="/admin/territories">Территории</a></li>
<li><a href="/admin/venues">Места проведения встреч</a></li>
<li><a href="/admin/people">Должностные лица и приглашённые</a></li>
<li><a href="/admin/groups">Информационные группы</a></li>
{{/REFERENCE}}{{#ADMIN}}<li><a href="/admin/users">Пользователи и роли</a></li>
<li><a href="/admin/audit">Журнал изменений</a></li>
{{/ADMIN}}<li><a href="/admin/password">Сменить пароль</a></li>
</ul>
