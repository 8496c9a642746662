{{%AUTOESCAPE context="HTML"}}{{!-- admin_meeting_informed.tpl: the invitees and the holding group's members of a meeting, how each was told of it (seed 001 §3.6.3), and the call list of those still to be told, each markable «Сообщено». Included by admin_meeting.tpl. --}}
{{#INFORMED}}<section class="block" id="informed" aria-labelledby="informed-title">
<h2 id="informed-title">Кому сообщено о встрече</h2>
<p>Приглашённым и членам информационной группы сообщают дату, время и место встречи (Положение об информационных группах, п. 3.6.3): по электронной почте вместе с анонсом, остальным — по телефону. {{SUMMARY}}</p>
<table class="list">
<caption>Приглашённые и члены группы</caption>
<thead><tr><th scope="col">Кто</th><th scope="col">Участие</th><th scope="col">Как сообщено</th></tr></thead>
<tbody>
{{#PERSON}}<tr><th scope="row">{{LINE}}</th><td>{{ROLE}}</td><td>{{HOW}}</td></tr>
{{/PERSON}}</tbody>
</table>
{{#HAS_CALLS}}<h3>Позвонить</h3>
<ul class="call-list">
{{#CALL}}<li>{{LINE}}: {{#PHONE}}телефон {{NUMBER}}{{/PHONE}}{{#NO_PHONE}}телефона в справочнике нет{{/NO_PHONE}}{{#MARK}}
<form class="inline" method="post" action="/admin/meetings/{{ID}}/informed"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="person" value="{{PERSON_ID}}"><button type="submit" aria-label="Сообщено: {{LINE}}">Сообщено</button></form>{{/MARK}}</li>
{{/CALL}}</ul>
{{/HAS_CALLS}}{{#NO_CALLS}}<p>Звонить никому не нужно.</p>
{{/NO_CALLS}}</section>
{{/INFORMED}}
