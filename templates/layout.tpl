{{%AUTOESCAPE context="HTML"}}{{!-- layout.tpl: the frame of every page: header with the municipality's name, navigation, the switch to the version for the visually impaired, footer with contacts. The page itself is the BODY include. --}}<!DOCTYPE html>
<html lang="ru"{{#VISION_ON}} class="vision"{{/VISION_ON}}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}} — {{SITE_NAME}}</title>
<link rel="stylesheet" href="/static/style.css?v={{ASSET_VERSION}}">
{{#VISION_ON}}<link rel="stylesheet" href="/static/vision.css?v={{ASSET_VERSION}}">
{{/VISION_ON}}<link rel="alternate" type="application/atom+xml" href="/feed.atom" title="Анонсы встреч с населением (Atom)">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body{{#STAFF}} class="staff"{{/STAFF}}>
<a class="skip-link" href="#main">Перейти к содержанию</a>
<header class="site-header">
<div class="wrap header-row">
<div class="site-title">
<p class="site-name"><a href="/">{{SITE_NAME}}</a></p>
<p class="site-subtitle">{{ADMINISTRATION}} · встречи с населением</p>
</div>
{{#STAFF}}<div class="staff-bar">
<p>{{NAME}}<span class="staff-role">, {{ROLE}}</span>{{#BODY}}<span class="staff-body"> · {{BODY_NAME}}</span>{{/BODY}}</p>
<form method="post" action="/admin/logout"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Выйти</button></form>
</div>
{{/STAFF}}<p class="vision-toggle">{{#VISION_OFF}}<a href="/vision?mode=on&amp;return={{RETURN_TO:u}}">Версия для слабовидящих</a>{{/VISION_OFF}}{{#VISION_ON}}<a href="/vision?mode=off&amp;return={{RETURN_TO:u}}">Обычная версия сайта</a>{{/VISION_ON}}</p>
</div>
{{#STAFF_MENU}}<details class="staff-menu">
<summary><span class="wrap">Разделы{{#CURRENT}}: {{LABEL}}{{/CURRENT}}</span></summary>
{{/STAFF_MENU}}<nav class="site-nav" aria-label="Основное меню">
<ul class="wrap">
{{#NAV}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/NAV}}</ul>
</nav>
{{#STAFF_MENU}}</details>
{{/STAFF_MENU}}
</header>
<main id="main" class="wrap">
{{>BODY}}
</main>
<footer class="site-footer">
<div class="wrap">
<p class="footer-name">{{ADMINISTRATION}}</p>
<address>
{{CONTACT_ADDRESS}}<br>
Телефон: {{CONTACT_PHONE}}<br>
Электронная почта: <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a><br>
Приёмная: {{RECEPTION_HOURS}}
</address>
<p>Официальный сайт: <a href="{{SITE_URL}}">{{SITE_URL}}</a> · <a href="/privacy">Политика обработки персональных данных</a> · © {{YEAR}}</p>
</div>
</footer>
</body>
</html>
