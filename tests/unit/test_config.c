/* test_config.c — unit tests for src/base/config.c: reading portal.ini, resolving its relative paths
 * and refusing a bad file. The files are written to /tmp and removed afterwards. */
#include "unit.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"

#define REQUIRED_MUNICIPALITY "[municipality]\nname = Зеленоборск\ntimezone = Asia/Yekaterinburg\n"
#define REQUIRED_REST "[database]\npath = /var/lib/portal/portal.db\n" \
	"[server]\nsocket = /run/portal/portal.sock\n"
#define MINIMAL REQUIRED_MUNICIPALITY REQUIRED_REST

/* Write text to a new file made by mkstemp from template (…XXXXXX); the path is in template. */
static void write_file(char *template, const char *text)
{
	int fd = mkstemp(template);
	assert_true(fd >= 0);
	size_t len = strlen(text);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
}

/* Load text as a configuration file in /tmp; returns what config_load did. cfg is loaded
 * (call config_free) either way. */
static int load_text(struct config *cfg, const char *text)
{
	char path[] = "/tmp/portal-test-config-XXXXXX";
	write_file(path, text);
	int rc = config_load(cfg, path);
	unlink(path);
	return rc;
}

static int load_and_free(const char *text)
{
	struct config cfg;
	int rc = load_text(&cfg, text);
	config_free(&cfg);
	return rc;
}

static void test_valid_file(void **state)
{
	(void)state;
	struct config cfg;
	int rc = load_text(&cfg,
			   "; a comment\n"
			   "[municipality]\n"
			   "name = Зеленоборск\n"
			   "administration = Администрация городского поселения Зеленоборск\n"
			   "site_url = https://zelenoborsk.example\n"
			   "timezone = Asia/Yekaterinburg\n"
			   "address = 628245, ул. Ленина, 1\n"
			   "phone = +7 34675 2-00-00\n"
			   "email = priem@zelenoborsk.example\n"
			   "reception_hours = понедельник — пятница, 9:00–17:00\n"
			   "\n"
			   "[database]\n"
			   "path = /var/lib/portal/portal.db\n"
			   "busy_timeout_ms = 2500\n"
			   "[server]\n"
			   "socket = /run/portal/portal.sock\n"
			   "workers = 8\n"
			   "listen_backlog = 128\n"
			   "templates = /usr/share/portal/templates\n"
			   "uploads = /var/lib/portal/uploads\n"
			   "[limits]\n"
			   "max_body_bytes = 65536\n"
			   "max_upload_bytes = 5242880\n"
			   "max_params = 50\n"
			   "page_size = 10\n");
	assert_int_equal(rc, 0);
	assert_string_equal(cfg.municipality_name, "Зеленоборск");
	assert_string_equal(cfg.administration_name,
			    "Администрация городского поселения Зеленоборск");
	assert_string_equal(cfg.site_url, "https://zelenoborsk.example");
	assert_string_equal(cfg.timezone, "Asia/Yekaterinburg");
	assert_string_equal(cfg.contact_address, "628245, ул. Ленина, 1");
	assert_string_equal(cfg.contact_phone, "+7 34675 2-00-00");
	assert_string_equal(cfg.contact_email, "priem@zelenoborsk.example");
	assert_string_equal(cfg.reception_hours, "понедельник — пятница, 9:00–17:00");
	assert_string_equal(cfg.database_path, "/var/lib/portal/portal.db"); /* absolute: kept */
	assert_int_equal(cfg.busy_timeout_ms, 2500);
	assert_string_equal(cfg.socket_path, "/run/portal/portal.sock");
	assert_int_equal(cfg.workers, 8);
	assert_int_equal(cfg.listen_backlog, 128);
	assert_string_equal(cfg.templates_dir, "/usr/share/portal/templates");
	assert_int_equal(cfg.max_body_bytes, 65536);
	assert_int_equal(cfg.max_upload_bytes, 5 * 1024 * 1024);
	assert_string_equal(cfg.uploads_dir, "/var/lib/portal/uploads");
	assert_int_equal(cfg.max_params, 50);
	assert_int_equal(cfg.page_size, 10);
	assert_non_null(cfg.file);
	config_free(&cfg);
	assert_null(cfg.municipality_name);
	assert_null(cfg.file);
}

static void test_defaults(void **state)
{
	(void)state;
	struct config cfg;
	assert_int_equal(load_text(&cfg, MINIMAL), 0);
	assert_int_equal(cfg.workers, 4);
	assert_int_equal(cfg.busy_timeout_ms, 5000);
	assert_int_equal(cfg.max_body_bytes, 1024 * 1024);
	assert_int_equal(cfg.max_upload_bytes, 10 * 1024 * 1024);
	assert_int_equal(cfg.max_params, 200);
	assert_int_equal(cfg.page_size, 20);
	/* Optional text is empty rather than NULL, so templates can use it as it is. */
	assert_string_equal(cfg.administration_name, "");
	assert_string_equal(cfg.site_url, "");
	assert_string_equal(cfg.contact_phone, "");
	assert_string_equal(cfg.reception_hours, "");
	/* The share directories default to the source tree, absolute. */
	assert_int_equal(cfg.templates_dir[0], '/');
	assert_non_null(strstr(cfg.templates_dir, "templates"));
	assert_non_null(strstr(cfg.static_dir, "static"));
	assert_non_null(strstr(cfg.sql_dir, "sql"));
	config_free(&cfg);
}

/* A fresh directory in /tmp for one test (in *state), removed with its portal.ini by
 * remove_dir even when the test fails half-way. */
static int make_dir(void **state)
{
	static char dir[] = "/tmp/portal-test-dir-XXXXXX";
	memcpy(dir + sizeof dir - 7, "XXXXXX", 6);
	*state = mkdtemp(dir);
	return *state == NULL ? -1 : 0;
}

static int remove_dir(void **state)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/portal.ini", (const char *)*state);
	unlink(path);
	return rmdir(*state);
}

static void test_relative_paths_resolve_against_file_dir(void **state)
{
	const char *dir = *state;
	char real_dir[PATH_MAX];
	assert_non_null(realpath(dir, real_dir));
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/portal.ini", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(REQUIRED_MUNICIPALITY
	      "[database]\npath = portal.db\n"
	      "[server]\nsocket = run/portal.sock\ntemplates = ../share/templates\n"
	      "static = /srv/static\n",
	      f);
	assert_int_equal(fclose(f), 0);

	struct config cfg;
	assert_int_equal(config_load(&cfg, path), 0);
	char expected[PATH_MAX + 64];
	snprintf(expected, sizeof expected, "%s/portal.db", real_dir);
	assert_string_equal(cfg.database_path, expected);
	snprintf(expected, sizeof expected, "%s/run/portal.sock", real_dir);
	assert_string_equal(cfg.socket_path, expected);
	snprintf(expected, sizeof expected, "%s/../share/templates", real_dir);
	assert_string_equal(cfg.templates_dir, expected);
	assert_string_equal(cfg.static_dir, "/srv/static");
	snprintf(expected, sizeof expected, "%s/uploads", real_dir); /* the default, $(DATA)/uploads */
	assert_string_equal(cfg.uploads_dir, expected);
	config_free(&cfg);

	/* A file named without any directory is relative to the current one. */
	char cwd[PATH_MAX];
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(dir), 0);
	int rc = config_load(&cfg, "portal.ini");
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(rc, 0);
	snprintf(expected, sizeof expected, "%s/portal.db", real_dir);
	assert_string_equal(cfg.database_path, expected);
	config_free(&cfg);
}

static void test_unknown_setting(void **state)
{
	(void)state;
	assert_int_equal(load_and_free(MINIMAL "[server]\nworkres = 4\n"), -1);
	assert_int_equal(load_and_free(MINIMAL "[limits]\nname = x\n"), -1);   /* wrong section */
	assert_int_equal(load_and_free(MINIMAL "[extra]\nkey = 1\n"), -1);
	assert_int_equal(load_and_free("top = 1\n" MINIMAL), -1);               /* no section */
	assert_int_equal(load_and_free(MINIMAL "[Server]\nworkers = 4\n"), -1); /* case matters */
}

static void test_numbers_out_of_range(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"[server]\nworkers = 0\n",           "[server]\nworkers = 65\n",
		"[server]\nworkers = -1\n",          "[server]\nworkers = four\n",
		"[server]\nworkers = 4x\n",          "[server]\nworkers =\n",
		"[server]\nworkers = 99999999999999999999\n",
		"[server]\nworkers = 4294967297\n",  "[server]\nlisten_backlog = 15\n",
		"[database]\nbusy_timeout_ms = -5\n", "[limits]\nmax_body_bytes = 1023\n",
		"[limits]\nmax_body_bytes = 67108865\n", "[limits]\nmax_params = 7\n",
		"[limits]\npage_size = 201\n", "[limits]\nmax_upload_bytes = 1023\n",
		"[limits]\nmax_upload_bytes = 1073741825\n",
		"[limits]\nmax_body_bytes = 65536\nmax_upload_bytes = 65535\n",
		"[server]\nuploads =\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char text[512];
		snprintf(text, sizeof text, "%s%s", MINIMAL, bad[i]);
		if (load_and_free(text) != -1)
			fail_msg("accepted %s", bad[i]);
	}
	struct config cfg;
	assert_int_equal(load_text(&cfg, MINIMAL "[server]\nworkers = 64\n"), 0);
	assert_int_equal(cfg.workers, 64);
	config_free(&cfg);
	assert_int_equal(load_text(&cfg, MINIMAL "[server]\nworkers = 1\n"
						 "[limits]\nmax_body_bytes = 67108864\n"), 0);
	assert_int_equal(cfg.workers, 1);
	assert_int_equal(cfg.max_body_bytes, 64L * 1024 * 1024);
	assert_int_equal(cfg.max_upload_bytes, 64L * 1024 * 1024); /* never below the form limit */
	config_free(&cfg);
}

static void test_required_settings(void **state)
{
	(void)state;
	/* Without [municipality] name. */
	assert_int_equal(load_and_free("[municipality]\ntimezone = Asia/Yekaterinburg\n" REQUIRED_REST),
			 -1);
	assert_int_equal(load_and_free(REQUIRED_REST), -1);
	/* An empty name is no name. */
	assert_int_equal(load_and_free("[municipality]\nname =\n" REQUIRED_REST), -1);
	assert_int_equal(load_and_free(REQUIRED_MUNICIPALITY "[server]\nsocket = /run/p.sock\n"), -1);
	assert_int_equal(load_and_free(REQUIRED_MUNICIPALITY "[database]\npath = /p.db\n"), -1);
	assert_int_equal(load_and_free(MINIMAL "[municipality]\ntimezone =\n"), -1);
	assert_int_equal(load_and_free(""), -1);
}

static void test_unreadable_or_broken_file(void **state)
{
	(void)state;
	struct config cfg;
	assert_int_equal(config_load(&cfg, "/nonexistent/portal.ini"), -1);
	config_free(&cfg);
	assert_int_equal(load_and_free(MINIMAL "this line is not a setting\n"), -1);
	assert_int_equal(load_and_free("[municipality\n" MINIMAL), -1);
}

static void test_real_configuration_loads(void **state)
{
	(void)state;
	struct config cfg;
	assert_int_equal(config_load(&cfg, PORTAL_SHARE_DIR "/conf/portal.ini"), 0);
	assert_string_equal(cfg.municipality_name, "Зеленоборск");
	assert_string_equal(cfg.timezone, "Asia/Yekaterinburg");
	assert_int_equal(cfg.database_path[0], '/');
	assert_non_null(strstr(cfg.database_path, "/conf/portal.db"));
	assert_int_equal(cfg.socket_path[0], '/');
	config_free(&cfg);
}

static void test_default_path(void **state)
{
	(void)state;
	const char *saved = getenv("PORTAL_CONF");
	char *copy = saved ? strdup(saved) : NULL;
	assert_string_equal(config_default_path("/etc/portal.ini"), "/etc/portal.ini");
	setenv("PORTAL_CONF", "/srv/portal.ini", 1);
	assert_string_equal(config_default_path(NULL), "/srv/portal.ini");
	assert_string_equal(config_default_path(""), "/srv/portal.ini");
	assert_string_equal(config_default_path("x.ini"), "x.ini"); /* explicit wins */
	setenv("PORTAL_CONF", "", 1);
	assert_string_equal(config_default_path(NULL), "conf/portal.ini");
	unsetenv("PORTAL_CONF");
	assert_string_equal(config_default_path(NULL), "conf/portal.ini");
	if (copy != NULL)
		setenv("PORTAL_CONF", copy, 1);
	free(copy);
}

/* Regression: libinih reads an indented line as the continuation of the previous value and
 * reports it as the same setting again, so
 *     address = 628245, г. Зеленоборск,
 *         ул. Ленина, 1
 * silently became "ул. Ленина, 1" (and a key written twice silently kept the last copy). */
static void test_setting_twice_is_an_error(void **state)
{
	(void)state;
	assert_int_equal(load_and_free(MINIMAL "[municipality]\naddress = 628245, г. Зеленоборск,\n"
						"    ул. Ленина, 1\n"),
			 -1);
	assert_int_equal(load_and_free(MINIMAL "[server]\nworkers = 2\nworkers = 3\n"), -1);
	assert_int_equal(load_and_free(MINIMAL "[municipality]\nname = Другой\n"), -1);
	/* The same key in two sections is two settings. */
	assert_int_equal(load_and_free(MINIMAL "[municipality]\naddress = a\n[server]\nworkers = 2\n"),
			 0);
}

/* [appeals] identification and [residents] (issue 16): the default is any, the standard claim
 * names, the redirect URI from site_url; an unknown identification or an issuer without a client
 * id is refused. */
static void test_residents_settings(void **state)
{
	(void)state;
	struct config cfg;
	assert_int_equal(load_text(&cfg, MINIMAL), 0);
	assert_int_equal(cfg.appeal_identification, APPEAL_IDENTIFICATION_ANY);
	assert_string_equal(cfg.claim_surname, "family_name");
	assert_string_equal(cfg.oidc_issuer, "");
	assert_int_equal(cfg.email_codes, 1);
	config_free(&cfg);
	assert_int_equal(load_text(&cfg, "[municipality]\nname = З\ntimezone = UTC\n"
					 "site_url = https://z.example\n" REQUIRED_REST
					 "[appeals]\nidentification = esia\n"
					 "[residents]\nissuer = https://gw.example\nclient_id = portal\n"
					 "claim_surname = lastName\n"),
			 0);
	assert_int_equal(cfg.appeal_identification, APPEAL_IDENTIFICATION_ESIA);
	assert_string_equal(cfg.oidc_redirect_uri, "https://z.example/account/callback");
	assert_string_equal(cfg.claim_surname, "lastName");
	config_free(&cfg);
	assert_int_equal(load_and_free(MINIMAL "[appeals]\nidentification = nobody\n"), -1);
	assert_int_equal(load_and_free(MINIMAL "[residents]\nissuer = https://gw.example\n"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_file),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test_setup_teardown(test_relative_paths_resolve_against_file_dir, make_dir,
						remove_dir),
		cmocka_unit_test(test_unknown_setting),
		cmocka_unit_test(test_numbers_out_of_range),
		cmocka_unit_test(test_required_settings),
		cmocka_unit_test(test_unreadable_or_broken_file),
		cmocka_unit_test(test_real_configuration_loads),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_setting_twice_is_an_error),
		cmocka_unit_test(test_residents_settings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
