{{%AUTOESCAPE context="HTML"}}{{!-- form_errors.tpl: the summary above a form that came back with errors; each links to its field. --}}
{{#FORM_ERRORS}}<div class="form-errors" role="alert">
<h2>Проверьте форму</h2>
<ul>
{{#FORM_ERROR}}<li>{{#LINK}}<a href="{{HREF}}">{{/LINK}}{{MESSAGE}}{{#LINK}}</a>{{/LINK}}</li>
{{/FORM_ERROR}}</ul>
</div>
{{/FORM_ERRORS}}
