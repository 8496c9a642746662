{{%AUTOESCAPE context="HTML"}}{{!-- admin_receptions.tpl: reception schedules, the coming receptions with their bookings, the 12 December preset. --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка"><a href="/admin/meetings">Встречи</a></nav>
<h1>Личный приём</h1>
<p>График создаёт черновики приёмов на выбранный период; каждый нужно утвердить не позднее чем за 5 дней, после этого на него можно записаться на сайте.</p>
{{#CAN_CREATE}}<p class="more"><a href="/admin/receptions/new">Новый график приёма</a></p>
{{/CAN_CREATE}}{{#DECEMBER}}<form method="post" action="/admin/receptions/december"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Создать приёмы общероссийского дня приёма граждан, {{DAY}}</button></form>
{{/DECEMBER}}<h2>Графики</h2>
{{#NO_SCHEDULES}}<p>Графиков пока нет.</p>{{/NO_SCHEDULES}}
{{#HAS_SCHEDULES}}<ul>
{{#SCHEDULE}}<li><a href="/admin/receptions/schedules/{{ID}}">{{PERSON}}</a> — {{VENUE}}, {{RULE}}; {{COUNT}}</li>
{{/SCHEDULE}}</ul>{{/HAS_SCHEDULES}}
<h2>Ближайшие приёмы</h2>
{{#NO_RECEPTIONS}}<p>Приёмов пока нет.</p>{{/NO_RECEPTIONS}}
{{#HAS_RECEPTIONS}}<div class="table-scroll" role="region" aria-labelledby="receptions-caption" tabindex="0"><table>
<caption id="receptions-caption">Приёмы и записи на них</caption>
<thead><tr><th scope="col">Когда</th><th scope="col">Кто принимает</th><th scope="col">Где</th><th scope="col">Состояние</th><th scope="col">Записано</th></tr></thead>
<tbody>
{{#RECEPTION}}<tr><td><a href="/admin/receptions/{{ID}}"><time datetime="{{STARTS_ISO}}">{{STARTS}}</time></a></td><td>{{PERSON}}</td><td>{{VENUE}}</td><td>{{STATUS}}</td><td>{{BOOKED}}</td></tr>
{{/RECEPTION}}</tbody></table></div>{{/HAS_RECEPTIONS}}
