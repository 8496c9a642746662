{{%AUTOESCAPE context="HTML"}}{{!-- admin_home.tpl: the staff home page: what needs action and the required frequencies. --}}
<h1>Рабочий стол</h1>
{{#NO_MAIL_SERVER}}<p class="notice" id="no-mail-server"><strong>Почтовый сервер не настроен</strong>: ни одно письмо не уйдёт, пока администратор не укажет его в файле настройки портала (раздел [mail], параметр smtp_url). {{UNSENT}} Публикации в социальных сетях (webhook) это не касается. <a href="/admin/outbox">Рассылка</a></p>
{{/NO_MAIL_SERVER}}{{#NO_CALENDAR}}<p class="notice">Нет производственного календаря на {{YEAR}} год: добавьте его по постановлению Правительства РФ «О переносе выходных дней в {{YEAR}} году» — иначе сроки в рабочих днях считаются без переносов. <a href="/admin/calendar">Производственный календарь</a></p>
{{/NO_CALENDAR}}{{#PROVISIONAL_CALENDAR}}<p class="notice">Производственный календарь на {{YEAR}} год предварительный: постановление Правительства РФ о переносе выходных дней не внесено, сроки в рабочих днях считаются по Трудовому кодексу. Когда постановление будет опубликовано, администратор внесёт переносы и снимет отметку «предварительный». <a href="/admin/calendar/{{YEAR}}">Календарь на {{YEAR}} год</a></p>
{{/PROVISIONAL_CALENDAR}}{{#MEETINGS}}<section class="block" aria-labelledby="drafts-title">
<h2 id="drafts-title">Черновики: скоро срок публикации</h2>
<p>Место и время встречи публикуются не позднее чем за 5 дней. Утвердите черновик до указанной даты.</p>
{{#NO_DRAFTS}}<p>Таких черновиков нет.</p>{{/NO_DRAFTS}}
{{#HAS_DRAFTS}}<ul>
{{#DRAFT}}<li><a href="/admin/meetings/{{ID}}">{{TITLE}}</a>, <time datetime="{{STARTS_ISO}}">{{STARTS}}</time>: опубликовать до {{DEADLINE}}{{#LEFT}} ({{TEXT}}){{/LEFT}}{{#MISSED}} — <strong>срок прошёл: перенесите встречу или оформите исключение</strong>{{/MISSED}}</li>
{{/DRAFT}}</ul>{{/HAS_DRAFTS}}
</section>
<section class="block" aria-labelledby="unannounced-title">
<h2 id="unannounced-title">Утверждены, но ещё не объявлены</h2>
{{#NO_UNANNOUNCED}}<p>Все утверждённые встречи объявлены.</p>{{/NO_UNANNOUNCED}}
{{#HAS_UNANNOUNCED}}<ul>
{{#UNANNOUNCED}}<li><a href="/admin/meetings/{{ID}}">{{TITLE}}</a>, <time datetime="{{STARTS_ISO}}">{{STARTS}}</time></li>
{{/UNANNOUNCED}}</ul>{{/HAS_UNANNOUNCED}}
</section>
{{#HAS_UNAGREED}}<section class="block" aria-labelledby="unagreed-title">
<h2 id="unagreed-title">Выездные встречи: место не согласовано</h2>
<p>Место выездной встречи информационной группы согласует с учреждением секретарь группы; отметьте согласование на странице встречи до срока публикации.</p>
<ul>
{{#UNAGREED}}<li><a href="/admin/meetings/{{ID}}">{{TITLE}}</a>, <time datetime="{{STARTS_ISO}}">{{STARTS}}</time>: опубликовать до {{DEADLINE}}{{#MISSED}} — <strong class="late">срок публикации прошёл</strong>{{/MISSED}}</li>
{{/UNAGREED}}</ul>
</section>
{{/HAS_UNAGREED}}{{#HAS_POLICE}}<section class="block" aria-labelledby="police-title">
<h2 id="police-title">Нужно уведомить полицию</h2>
<ul>
{{#POLICE}}<li><a href="/admin/meetings/{{ID}}">{{TITLE}}</a>, <time datetime="{{STARTS_ISO}}">{{STARTS}}</time></li>
{{/POLICE}}</ul>
</section>
{{/HAS_POLICE}}{{#HAS_HELD}}<section class="block" aria-labelledby="held-title">
<h2 id="held-title">Проведены, протокол не передан в сектор контроля</h2>
<ul>
{{#HELD}}<li><a href="/admin/meetings/{{ID}}/protocol">{{TITLE}}</a>, <time datetime="{{STARTS_ISO}}">{{STARTS}}</time>: протокол {{STATE}}{{#DUE}}, передать до {{DATE}}{{#LATE}} — <strong class="late">просрочено</strong>{{/LATE}}{{/DUE}}</li>
{{/HELD}}</ul>
<p>Встречи без протокола показаны за последние {{HELD_WINDOW}}; более ранние — в отчёте «Соблюдение требований» (раздел «Отчёты»).</p>
{{#HELD_MORE}}<p>Показаны {{ROWS}} последних встреч; есть и более давние — все они в отчёте «Соблюдение требований» (раздел «Отчёты»).</p>
{{/HELD_MORE}}</section>
{{/HAS_HELD}}{{#HAS_VIOLATIONS}}<section class="block" aria-labelledby="violations-title">
<h2 id="violations-title">Нарушен срок анонса</h2>
<p>Место и время этих встреч не были опубликованы за 5 дней. Провести встречу можно после переноса на новую дату.</p>
<ul>
{{#VIOLATION}}<li><a href="/admin/meetings/{{ID}}">{{TITLE}}</a>, <time datetime="{{STARTS_ISO}}">{{STARTS}}</time></li>
{{/VIOLATION}}</ul>
</section>
{{/HAS_VIOLATIONS}}{{#DEAD_LETTERS}}<section class="block" aria-labelledby="outbox-title">
<h2 id="outbox-title">Рассылка</h2>
<p><a href="/admin/outbox#dead">{{TEXT}}</a>: проверьте адреса и отправьте снова.</p>
</section>
{{/DEAD_LETTERS}}<section class="block" aria-labelledby="rules-title">
<h2 id="rules-title">Периодичность встреч</h2>
<div class="table-scroll" role="region" aria-labelledby="rules-caption" tabindex="0">
<table class="list">
<caption id="rules-caption">Требования муниципальных актов в текущем периоде</caption>
<thead><tr><th scope="col">Требование</th><th scope="col">Период</th><th scope="col">Встречи</th><th scope="col">Выполнено</th></tr></thead>
<tbody>
{{#RULE}}<tr><td>{{LABEL}}</td><td>{{PERIOD}}</td><td>{{HELD}}, {{PLANNED}}</td><td>{{#KEPT}}да{{/KEPT}}{{#PLANNED_ONLY}}назначена, ещё не проведена{{/PLANNED_ONLY}}{{#NOT_KEPT}}<strong>нет — назначьте встречу</strong>{{/NOT_KEPT}}</td></tr>
{{/RULE}}</tbody>
</table>
</div>
</section>
{{/MEETINGS}}<h2>Разделы</h2>
<ul class="staff-links">
<li><a href="/meetings">Расписание встреч на сайте</a></li>
{{#MEETINGS}}<li><a href="/admin/meetings">Встречи</a>&nbsp;· <a href="/admin/series">Серии встреч</a></li>
{{/MEETINGS}}{{#REFERENCE}}<li><a href="/admin/territories">Территории</a></li>
<li><a href="/admin/venues">Места проведения встреч</a></li>
<li><a href="/admin/people">Должностные лица и приглашённые</a></li>
<li><a href="/admin/groups">Информационные группы</a></li>
{{/REFERENCE}}{{#CALENDAR}}<li><a href="/admin/calendar">Производственный календарь</a></li>
{{/CALENDAR}}{{#REPORTS}}<li><a href="/admin/reports">Отчёты</a></li>
{{/REPORTS}}{{#ADMIN}}<li><a href="/admin/users">Пользователи и роли</a></li>
<li><a href="/admin/audit">Журнал изменений</a></li>
{{/ADMIN}}<li><a href="/admin/password">Сменить пароль</a></li>
</ul>
