{{%AUTOESCAPE context="HTML"}}{{!-- admin_outbox.tpl: what the notifier sends: messages it gave up on (resend or discard), those waiting for another attempt, the latest delivered. --}}
<h1>Рассылка и публикации</h1>
{{#NO_MAIL_SERVER}}<p class="notice" id="no-mail-server"><strong>Почтовый сервер не настроен</strong>: ни одно письмо не уйдёт, пока администратор не укажет его в файле настройки портала (раздел [mail], параметр smtp_url). {{UNSENT}} Публикации в социальных сетях (webhook) это не касается.</p>
{{/NO_MAIL_SERVER}}<p>Письма и публикации в социальных сетях отправляет программа-оповещатель каждые несколько минут.{{#PRESS_ONLY}} Здесь показаны только публикации и письма средствам массовой информации: письма заявителям, подписчикам и приглашённым содержат персональные данные и видны организаторам, контролёрам и администраторам.{{/PRESS_ONLY}} Ждут отправки: {{WAITING}}. Не доставлены и ждут решения: {{DEAD}}.</p>
<h2 id="dead">Не доставлены</h2>
{{#NO_DEAD}}<p>Недоставленных сообщений нет.</p>{{/NO_DEAD}}
{{#DEAD_ROW}}<article class="card outbox-dead">
<h3>{{PURPOSE}}: {{SUBJECT}}</h3>
<dl class="facts">
<dt>Кому</dt><dd>{{RECIPIENT}} ({{CHANNEL}})</dd>
<dt>Создано</dt><dd><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></dd>
<dt>Попыток</dt><dd>{{ATTEMPTS}}</dd>
<dt>Ошибка</dt><dd><code>{{ERROR}}</code></dd>
{{#MEETING}}<dt>Встреча</dt><dd><a href="/admin/meetings/{{MEETING_ID}}">№ {{MEETING_ID}}</a></dd>{{/MEETING}}
</dl>
{{#CAN_ACT}}<div class="actions">
<form class="inline" method="post" action="/admin/outbox/{{ID}}/retry"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Отправить снова</button></form>
<form class="inline" method="post" action="/admin/outbox/{{ID}}/discard"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Не отправлять</button></form>
</div>{{/CAN_ACT}}
</article>
{{/DEAD_ROW}}
<h2>Ждут повторной попытки</h2>
{{#NO_RETRY}}<p>Таких сообщений нет.</p>{{/NO_RETRY}}
{{#RETRY_ROW}}<article class="card">
<h3>{{PURPOSE}}: {{SUBJECT}}</h3>
<dl class="facts">
<dt>Кому</dt><dd>{{RECIPIENT}} ({{CHANNEL}})</dd>
<dt>Попыток</dt><dd>{{ATTEMPTS}}</dd>
<dt>Ошибка</dt><dd><code>{{ERROR}}</code></dd>
</dl>
</article>
{{/RETRY_ROW}}
<h2>Последние отправленные</h2>
{{#NO_SENT}}<p>Пока ничего не отправлено.</p>{{/NO_SENT}}
{{#SENT_ROW}}<article class="card">
<h3>{{PURPOSE}}: {{SUBJECT}}</h3>
<p>{{RECIPIENT}} ({{CHANNEL}}), отправлено <time datetime="{{AT_ISO}}">{{AT}}</time>{{#MEETING}}, <a href="/admin/meetings/{{MEETING_ID}}">встреча № {{MEETING_ID}}</a>{{/MEETING}}</p>
</article>
{{/SENT_ROW}}
