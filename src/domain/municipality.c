/* municipality.c — kinds, codes, slugs and numbers of municipalities (see municipality.h). */
#include "municipality.h"

#include <stdio.h>
#include <string.h>

const struct municipality_kind municipality_kinds[] = {
	{"municipal_district", "муниципальный район"},
	{"urban_settlement", "городское поселение"},
	{"rural_settlement", "сельское поселение"},
	{"city_okrug", "городской округ"},
	{"municipal_okrug", "муниципальный округ"},
	{NULL, NULL},
};

const char *municipality_kind_label(const char *code)
{
	for (size_t i = 0; code != NULL && municipality_kinds[i].code != NULL; i++)
		if (strcmp(municipality_kinds[i].code, code) == 0)
			return municipality_kinds[i].label;
	return NULL;
}

bool municipality_kind_is_settlement(const char *code)
{
	return code != NULL &&
	       (strcmp(code, "urban_settlement") == 0 || strcmp(code, "rural_settlement") == 0);
}

/* The code point of the two-byte UTF-8 sequence at s (Cyrillic lies in U+0400..U+04FF), or -1
 * for anything else; *len gets the bytes it took (1 for a byte that starts no such sequence). */
static int cyrillic_at(const unsigned char *s, int *len)
{
	*len = 1;
	if ((s[0] == 0xD0 || s[0] == 0xD1) && (s[1] & 0xC0) == 0x80) {
		*len = 2;
		return ((s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	}
	return -1;
}

bool municipality_code_valid(const char *code)
{
	const unsigned char *s = (const unsigned char *)code;
	int letters = 0, len;
	while (*s) {
		int c = cyrillic_at(s, &len);
		if (!((c >= 0x0410 && c <= 0x042F) || c == 0x0401))
			return false;
		s += len;
		letters++;
	}
	return letters >= 1 && letters <= 8;
}

bool municipality_slug_valid(const char *slug)
{
	size_t n = strlen(slug);
	if (n < 1 || n > 32 || slug[0] == '-' || slug[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((slug[i] >= 'a' && slug[i] <= 'z') || (slug[i] >= '0' && slug[i] <= '9') ||
		      slug[i] == '-'))
			return false;
	return true;
}

/* Lower-case Russian letters а..я (U+0430..U+044F) in Latin, as road signs and passports spell
 * them (й y, х kh, ц ts, щ shch, ю yu, я ya; the hard and soft signs vanish). */
static const char *const latin[32] = {
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
};

void municipality_slug_from_name(const char *name, char *out, size_t size)
{
	size_t n = 0, limit = size ? size - 1 : 0;
	if (limit > 32)
		limit = 32;
	bool gap = false; /* a hyphen is owed before the next letter */
	const unsigned char *s = (const unsigned char *)name;
	int len;
	while (*s) {
		int c = cyrillic_at(s, &len);
		const char *piece = NULL;
		char one[2] = {0, 0};
		if (c >= 0x0410 && c <= 0x042F)
			c += 0x20; /* upper to lower case */
		if (c == 0x0401 || c == 0x0451)
			piece = "e";
		else if (c >= 0x0430 && c <= 0x044F)
			piece = latin[c - 0x0430];
		else if (c < 0 && ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
			one[0] = (char)*s, piece = one;
		else if (c < 0 && *s >= 'A' && *s <= 'Z')
			one[0] = (char)(*s + 32), piece = one;
		s += len;
		if (piece == NULL) {
			gap = n > 0;
			continue;
		}
		if (piece[0] == '\0')
			continue;
		size_t need = strlen(piece) + (gap ? 1 : 0);
		if (n + need > limit)
			break;
		if (gap)
			out[n++] = '-';
		gap = false;
		memcpy(out + n, piece, strlen(piece));
		n += strlen(piece);
	}
	if (size)
		out[n] = '\0';
}

const char *municipality_kind_guess(const char *administration)
{
	if (administration == NULL)
		return "urban_settlement";
	if (strstr(administration, "сельского поселения") || strstr(administration, "сельское поселение"))
		return "rural_settlement";
	if (strstr(administration, "городского поселения") ||
	    strstr(administration, "городское поселение"))
		return "urban_settlement";
	if (strstr(administration, "муниципального округа"))
		return "municipal_okrug";
	if (strstr(administration, "городского округа"))
		return "city_okrug";
	if (strstr(administration, "района"))
		return "municipal_district";
	return "urban_settlement";
}

int appeal_number_format(char *out, size_t size, const char *code, int year, long long seq)
{
	if (code != NULL && code[0] != '\0')
		return snprintf(out, size, "%s-%04d-%05lld", code, year, seq);
	return snprintf(out, size, "%04d-%05lld", year, seq);
}

int municipality_own_from_config(struct db *db, const struct config *cfg)
{
	char slug[33];
	municipality_slug_from_name(cfg->municipality_name, slug, sizeof slug);
	if (!municipality_slug_valid(slug))
		snprintf(slug, sizeof slug, "main");
	static const char sql[] =
		"UPDATE municipality SET name = ?1, official_name = ?1, administration = ?2, "
		"kind = ?3, slug = ?4, address = ?5, phone = ?6, email = ?7, reception_hours = ?8, "
		"site_url = ?9, timezone = ?10 WHERE own = 1 AND name = ''";
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db->conn, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "municipality: %s\n", sqlite3_errmsg(db->conn));
		return -1;
	}
	const char *values[] = {
		cfg->municipality_name, cfg->administration_name ? cfg->administration_name : "",
		municipality_kind_guess(cfg->administration_name), slug,
		cfg->contact_address ? cfg->contact_address : "",
		cfg->contact_phone ? cfg->contact_phone : "",
		cfg->contact_email ? cfg->contact_email : "",
		cfg->reception_hours ? cfg->reception_hours : "",
		cfg->site_url ? cfg->site_url : "", cfg->timezone ? cfg->timezone : "",
	};
	for (int i = 0; i < (int)(sizeof values / sizeof values[0]); i++)
		sqlite3_bind_text(s, i + 1, values[i], -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	int changed = sqlite3_changes(db->conn);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "municipality: %s\n", sqlite3_errmsg(db->conn));
		return -1;
	}
	if (changed)
		printf("municipality «%s» filled from the configuration\n", cfg->municipality_name);
	return 0;
}
