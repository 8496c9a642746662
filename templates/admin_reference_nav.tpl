{{%AUTOESCAPE context="HTML"}}{{!-- admin_reference_nav.tpl: the tabs of the reference data pages (territories, topics of appeals, venues, people, information groups) the role may open. --}}
<nav class="subnav" aria-label="Справочники">
<ul>
{{#TAB}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="{{WHAT}}"{{/CURRENT}}>{{LABEL}}</a></li>
{{/TAB}}</ul>
</nav>
