{{%AUTOESCAPE context="HTML"}}{{!-- press_show.tpl: /press/ID, one announced meeting's text for the media as a page to print (the print styles drop the navigation). --}}
<nav class="breadcrumbs" aria-label="Навигационная цепочка">
<a href="/">Главная</a> › <a href="/press">Для прессы</a>
</nav>
{{>RELEASE}}
<p class="more"><a href="/meetings/{{ID}}">Страница встречи в расписании</a></p>
<p class="print-hint">Чтобы распечатать анонс, воспользуйтесь командой печати браузера (Ctrl+P).</p>
