// template.cc — the one C++ file: an extern "C" shim over ctemplate (see template.h).
#include <ctemplate/template.h>
#include <ctemplate/template_emitter.h>

#include <link.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
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

// Names of variables, sections and includes. ctemplate hashes a name and looks it up in its
// global name table on every SetValue unless the name is a StaticTemplateString; its own test
// for a string literal (InTextSegment) fails for position-independent executables, so every
// name paid that lookup — the largest single cost of rendering a list (perf, make bench). The
// names the C code passes are string literals: each is made a StaticTemplateString the first
// time it is seen, found again by its address; a name built at run time is kept by content.
struct readonly_range {
	uintptr_t start, end;
};
readonly_range readonly[8];
int readonly_count = -1;

int find_readonly(struct dl_phdr_info *info, size_t, void *)
{
	// The first object is the program itself, where the literals of the C code are.
	for (int i = 0; i < info->dlpi_phnum && readonly_count < 8; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type == PT_LOAD && !(ph->p_flags & PF_W))
			readonly[readonly_count++] = {info->dlpi_addr + ph->p_vaddr,
						      info->dlpi_addr + ph->p_vaddr + ph->p_memsz};
	}
	return 1;
}

bool is_literal(const char *p)
{
	if (readonly_count < 0) {
		readonly_count = 0;
		dl_iterate_phdr(find_readonly, nullptr);
	}
	uintptr_t a = reinterpret_cast<uintptr_t>(p);
	for (int i = 0; i < readonly_count; i++)
		if (a >= readonly[i].start && a < readonly[i].end)
			return true;
	return false;
}

// Open addressing by address; a full table only means later names are hashed as before.
constexpr size_t NAME_SLOTS = 4096;
struct name_slot {
	const char *key;
	ctemplate::StaticTemplateString sts;
};
name_slot names[NAME_SLOTS];

// Names built at run time (page_set_datetime's "REGISTERED_ISO") are kept by their content,
// copied once: there are as many as the templates have variables.
name_slot built[NAME_SLOTS];

ctemplate::TemplateString name(const char *key)
{
	if (key == nullptr)
		return ctemplate::TemplateString("");
	bool literal = is_literal(key);
	size_t h;
	if (literal) {
		h = (reinterpret_cast<uintptr_t>(key) >> 3) * 0x9E3779B97F4A7C15u;
	} else {
		h = 1469598103934665603u; // FNV-1a
		for (const char *p = key; *p; p++)
			h = (h ^ static_cast<unsigned char>(*p)) * 1099511628211u;
	}
	name_slot *table = literal ? names : built;
	for (size_t probe = 0; probe < 64; probe++) {
		name_slot &slot = table[(h + probe) % NAME_SLOTS];
		if (slot.key != nullptr &&
		    (literal ? slot.key == key : std::strcmp(slot.key, key) == 0))
			return ctemplate::TemplateString(slot.sts);
		if (slot.key == nullptr) {
			const char *kept = literal ? key : strdup(key);
			if (kept == nullptr)
				break;
			slot.key = kept;
			slot.sts = {{kept, std::strlen(kept), 0}};
			ctemplate::StaticTemplateStringInitializer init(&slot.sts);
			return ctemplate::TemplateString(slot.sts);
		}
	}
	return ctemplate::TemplateString(key);
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
	cast(d)->SetValue(name(key), value != nullptr ? value : "");
}

extern "C" void tpl_set_int(tpl_dict *d, const char *key, long long value)
{
	// Not SetFormattedValue: its vsnprintf was a tenth of the territory filter's cost.
	char digits[24];
	std::to_chars_result r = std::to_chars(digits, digits + sizeof digits, value);
	cast(d)->SetValue(name(key), ctemplate::TemplateString(digits, r.ptr - digits));
}

extern "C" void tpl_set_template_global(tpl_dict *d, const char *key, const char *value)
{
	cast(d)->SetTemplateGlobalValue(name(key), value != nullptr ? value : "");
}

extern "C" tpl_dict *tpl_section_add(tpl_dict *d, const char *section)
{
	return wrap(cast(d)->AddSectionDictionary(name(section)));
}

extern "C" void tpl_section_show(tpl_dict *d, const char *section)
{
	cast(d)->ShowSection(name(section));
}

extern "C" tpl_dict *tpl_include(tpl_dict *d, const char *name, const char *file)
{
	ctemplate::TemplateDictionary *child = cast(d)->AddIncludeDictionary(::name(name));
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
