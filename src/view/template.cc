// template.cc — the one C++ file: an extern "C" shim over ctemplate (see template.h).
#include <ctemplate/template.h>
#include <ctemplate/template_emitter.h>

#include <cstdio>
#include <string>

extern "C" {
#include "template.h"
}

namespace {

// Appends expansion output straight into the request's buffer: no std::string copy.
class BufEmitter : public ctemplate::ExpandEmitter {
      public:
	explicit BufEmitter(struct buf *out) : out_(out) {}
	void Emit(char c) override { buf_append(out_, &c, 1); }
	void Emit(const std::string &s) override { buf_append(out_, s.data(), s.size()); }
	void Emit(const char *s) override { buf_puts(out_, s); }
	void Emit(const char *s, size_t len) override { buf_append(out_, s, len); }

      private:
	struct buf *out_;
};

ctemplate::TemplateDictionary *cast(tpl_dict *d)
{
	return reinterpret_cast<ctemplate::TemplateDictionary *>(d);
}

tpl_dict *wrap(ctemplate::TemplateDictionary *d)
{
	return reinterpret_cast<tpl_dict *>(d);
}

void delete_dict(void *d)
{
	delete static_cast<ctemplate::TemplateDictionary *>(d);
}

} // namespace

extern "C" int tpl_init(const char *dir)
{
	if (!ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(dir)) {
		std::fprintf(stderr, "templates: cannot use directory %s\n", dir);
		return -1;
	}
	return 0;
}

extern "C" int tpl_preload(const char *file)
{
	if (!ctemplate::LoadTemplate(file, ctemplate::STRIP_BLANK_LINES)) {
		std::fprintf(stderr, "templates: cannot load %s\n", file);
		return -1;
	}
	return 0;
}

extern "C" void tpl_set_global(const char *key, const char *value)
{
	ctemplate::TemplateDictionary::SetGlobalValue(key, value);
}

extern "C" tpl_dict *tpl_dict_new(struct arena *a, const char *name)
{
	auto *d = new ctemplate::TemplateDictionary(name);
	arena_on_reset(a, delete_dict, d);
	return wrap(d);
}

extern "C" void tpl_set(tpl_dict *d, const char *key, const char *value)
{
	cast(d)->SetValue(key, value != nullptr ? value : "");
}

extern "C" void tpl_set_int(tpl_dict *d, const char *key, long long value)
{
	cast(d)->SetFormattedValue(key, "%lld", value);
}

extern "C" void tpl_set_template_global(tpl_dict *d, const char *key, const char *value)
{
	cast(d)->SetTemplateGlobalValue(key, value != nullptr ? value : "");
}

extern "C" tpl_dict *tpl_section_add(tpl_dict *d, const char *section)
{
	return wrap(cast(d)->AddSectionDictionary(section));
}

extern "C" void tpl_section_show(tpl_dict *d, const char *section)
{
	cast(d)->ShowSection(section);
}

extern "C" tpl_dict *tpl_include(tpl_dict *d, const char *name, const char *file)
{
	ctemplate::TemplateDictionary *child = cast(d)->AddIncludeDictionary(name);
	child->SetFilename(file);
	return wrap(child);
}

extern "C" bool tpl_expand(const char *file, tpl_dict *d, struct buf *out)
{
	size_t before = out->len;
	BufEmitter emitter(out);
	if (!ctemplate::ExpandWithData(file, ctemplate::STRIP_BLANK_LINES, cast(d), nullptr,
				       &emitter)) {
		out->len = before; // discard partial output
		if (out->data)
			out->data[before] = '\0';
		std::fprintf(stderr, "templates: cannot expand %s\n", file);
		return false;
	}
	return true;
}
