{{%AUTOESCAPE context="HTML"}}{{!-- admin_meeting_informed.tpl: the invitees and the holding group's members of a meeting, how each was told of it (regulation № 44 on information groups §3.6.3), and the call list of those still to be told, each markable «Сообщено». Included by admin_meeting.tpl. --}}
{{#INFORMED}}<section class="block" id="informed" aria-labelledby="informed-title">
<h2 id="informed-title">Кому сообщено о встрече</h2>
<p>Приглашённым и членам информационной группы сообщают дату, время и место встречи (Положение об информационных группах, п. 3.6.3): по электронной почте вместе с анонсом, остальным — по телефону. {{SUMMARY}}</p>
<h3>Приглашённые и члены группы</h3>
<ul class="informed-list">
{{#PERSON}}<li><strong class="who">{{LINE}}</strong> — <span class="role">{{ROLE}}</span>: <span class="how">{{HOW}}</span></li>
{{/PERSON}}</ul>
{{#HAS_CALLS}}<h3>Позвонить</h3>
<ul class="call-list">
{{#CALL}}<li>{{LINE}}: {{#PHONE}}телефон {{NUMBER}}{{/PHONE}}{{#NO_PHONE}}телефона в справочнике нет{{/NO_PHONE}}{{#MARK}}
<form class="inline" method="post" action="/admin/meetings/{{ID}}/informed"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="person" value="{{PERSON_ID}}"><button type="submit" aria-label="Сообщено: {{LINE}}">Сообщено</button></form>{{/MARK}}</li>
{{/CALL}}</ul>
{{/HAS_CALLS}}{{#NO_CALLS}}<p>Звонить никому не нужно.</p>
{{/NO_CALLS}}</section>
{{/INFORMED}}
