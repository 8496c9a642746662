{{%AUTOESCAPE context="HTML"}}{{!-- press.tpl: /press, announced meetings for the press office, upcoming first, each with its ready-to-publish text (press_release.tpl). --}}
<h1>Для прессы: анонсы встреч с населением</h1>
{{#BODY}}<p class="lead"><a href="/m/{{SLUG}}">{{NAME}}</a>.{{#IN_DISTRICT}} Здесь также встречи района, которые касаются жителей поселения.{{/IN_DISTRICT}}</p>
{{/BODY}}<p>Здесь публикуются место и время встреч не позднее чем за 5 дней до их проведения, а также изменения и отмены. Тексты можно перепечатывать без изменений; у каждой встречи есть версия для печати.</p>
<p class="more"><a href="{{PREFIX}}/feed.atom" type="application/atom+xml">Лента анонсов в формате Atom</a></p>
<h2>Предстоящие встречи</h2>
{{#NO_UPCOMING}}<p>Объявленных предстоящих встреч пока нет.</p>
{{/NO_UPCOMING}}{{#HAS_UPCOMING}}{{#UPCOMING}}{{>RELEASE}}
{{/UPCOMING}}{{/HAS_UPCOMING}}{{#HAS_PAST}}<h2>Прошедшие встречи</h2>
{{#PAST}}{{>RELEASE}}
{{/PAST}}{{/HAS_PAST}}
<h2>Общественные обсуждения проектов</h2>
{{#NO_DISCUSSIONS}}<p>Объявленных обсуждений пока нет.</p>
{{/NO_DISCUSSIONS}}{{#DISCUSSION}}<article class="card">
<h3><a href="/discussions/{{ID}}">{{TITLE}}</a></h3>
<p>{{TEXT}}</p>
</article>
{{/DISCUSSION}}
