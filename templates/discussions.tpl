{{%AUTOESCAPE context="HTML"}}{{!-- discussions.tpl: the list of public discussions of draft municipal acts. --}}
<h1>Общественные обсуждения проектов</h1>
<p class="lead">Администрация публикует проекты муниципальных правовых актов для обсуждения. В период обсуждения жители, вошедшие в <a href="/account">личный кабинет</a>, могут направить предложения и замечания к проекту в целом или к его пунктам. После обсуждения публикуется заключение о результатах.</p>
{{#NO_DISCUSSIONS}}<p>Проектов на обсуждении пока нет.</p>{{/NO_DISCUSSIONS}}
{{#HAS_DISCUSSIONS}}{{#DISCUSSION}}<article class="card">
<h2><a href="/discussions/{{ID}}">{{TITLE}}</a></h2>
<p class="meta">Разработчик проекта: {{UNIT}} · {{TERRITORY}}</p>
<p>Обсуждение {{PERIOD}}: {{STATE}}. {{PROPOSALS}}.</p>
</article>
{{/DISCUSSION}}{{/HAS_DISCUSSIONS}}
