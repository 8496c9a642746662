{{%AUTOESCAPE context="HTML"}}{{!-- meeting_card.tpl: one meeting in a list (home page, schedule). --}}
<article class="meeting-card {{STATUS_CLASS}}">
<h3 class="meeting-title"><a href="/meetings/{{ID}}">{{TITLE}}</a></h3>
<p class="meeting-when"><time datetime="{{STARTS_ISO}}">{{WEEKDAY}}, {{STARTS}}</time>–{{ENDS_TIME}}</p>
<p class="meeting-where">{{VENUE_NAME}}, {{VENUE_ADDRESS}} <span class="territory">({{TERRITORY}})</span></p>
<p class="meeting-meta"><span class="status">{{STATUS_LABEL}}</span>{{#POSTPONED}} <span class="postponed">с {{FROM}}</span>{{/POSTPONED}} · {{KIND_NAME}}</p>
</article>
