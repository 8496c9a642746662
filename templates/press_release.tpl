{{%AUTOESCAPE context="HTML"}}{{!-- press_release.tpl: one announced meeting as a ready-to-publish text for the media: what, when, where, who takes part, contacts, and a note for a change or a cancellation. Names and positions only: no one's contacts but the organiser's office. Included by press.tpl (IN_LIST, a heading with a link) and press_show.tpl (ALONE, the page's own heading). --}}
<article class="press-release" aria-labelledby="release-{{ID}}">
{{#IN_LIST}}<h3 id="release-{{ID}}"><a href="/press/{{ID}}">{{HEADING}}</a></h3>
{{/IN_LIST}}{{#ALONE}}<h1 id="release-{{ID}}">{{HEADING}}</h1>
{{/ALONE}}{{#CANCELLED}}<p class="notice">Внимание: встреча отменена.{{#REASON}} Причина: {{TEXT}}{{/REASON}}</p>
{{/CANCELLED}}{{#TIME_CHANGED}}<p class="notice">Внимание: изменено время проведения. Ранее было объявлено: {{OLD}}.</p>
{{/TIME_CHANGED}}{{#PLACE_CHANGED}}<p class="notice">Внимание: изменено место проведения. Ранее было объявлено: {{OLD}}.</p>
{{/PLACE_CHANGED}}{{#CHANGED}}<p class="notice">Внимание: изменены сведения о встрече.</p>
{{/CHANGED}}<div class="release-text">
<p><strong>Что:</strong> {{SUBJECT}}.</p>
<p><strong>Когда:</strong> <time datetime="{{STARTS_ISO}}">{{WHEN}}</time> (время местное).</p>
<p><strong>Где:</strong> {{WHERE}} ({{TERRITORY}}).</p>
{{#PARTICIPANTS}}<p><strong>Участвуют:</strong></p>
<ul class="participants">
{{#PARTICIPANT}}<li>{{NAME}}{{#POSITION}}, {{TEXT}}{{/POSITION}}{{#ROLE}} ({{TEXT}}){{/ROLE}}</li>
{{/PARTICIPANT}}</ul>
{{/PARTICIPANTS}}{{#DESCRIPTION}}<p><strong>О встрече:</strong> {{TEXT}}</p>
{{/DESCRIPTION}}<p><strong>Контакты для СМИ:</strong> {{#HAS_ORGANISER}}{{ORGANISER}}, {{/HAS_ORGANISER}}{{ADMINISTRATION}}; телефон {{CONTACT_PHONE}}; электронная почта <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a>.</p>
</div>
<p class="release-meta">Опубликовано на сайте <time datetime="{{PUBLISHED_ISO}}">{{PUBLISHED}}</time></p>
</article>
