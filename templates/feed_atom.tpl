{{%AUTOESCAPE context="XML"}}{{!-- feed_atom.tpl: /feed.atom, the Atom 1.0 feed (RFC 4287) of announcements, changes, cancellations and results; every value is XML-escaped by ctemplate. --}}<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
<id>{{FEED_ID}}</id>
<title>Встречи с населением — {{FEED_NAME}}: анонсы и итоги</title>
<subtitle>{{ADMINISTRATION}}: место и время встреч, изменения, отмены и итоги</subtitle>
<updated>{{UPDATED}}</updated>
<link rel="self" type="application/atom+xml" href="{{FEED_ID}}"/>
<link rel="alternate" type="text/html" href="{{SITE_URL}}{{PREFIX}}/press"/>
<author><name>{{ADMINISTRATION}}</name><email>{{CONTACT_EMAIL}}</email></author>
{{#ENTRY}}<entry>
<id>{{ID}}</id>
<title>{{TITLE}}</title>
<updated>{{UPDATED}}</updated>
<link rel="alternate" type="text/html" href="{{LINK}}"/>
<category term="{{CATEGORY}}"/>
<content type="text">{{CONTENT}}</content>
</entry>
{{/ENTRY}}</feed>
