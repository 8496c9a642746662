/* db_survey.c — the statements of surveys and their readers (see db_survey.h). Each
 * DB_STATEMENT row declares the result columns its reader below reads; db_prepare_all prepares
 * this table with the others once per process and refuses to start when a count differs. */
#include "db_survey.h"

#include <string.h>

#include "db_statements.h"

const struct db_statement db_survey_statements[STMT__MAX] = {
	DB_STATEMENT(STMT_SURVEY_INSERT, 0,
		     "INSERT INTO survey (title, intro, audience, territory_id, opens_on, closes_on, results, "
		     "preset, created_at, created_by, municipality_id) "
		     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
	DB_STATEMENT(STMT_SURVEY_LIST, 8,
		     "SELECT s.id, s.title, s.opens_on, s.closes_on, s.audience, t.name, s.results, "
		     "(SELECT count(*) FROM survey_response r WHERE r.survey_id = s.id) "
		     "FROM survey s LEFT JOIN territory t ON t.id = s.territory_id "
		     "WHERE " STAFF_SCOPE_SQL("coalesce(s.municipality_id, t.municipality_id, "
					      "(SELECT id FROM municipality WHERE own = 1))", "1") " "
		     "ORDER BY s.closes_on DESC, s.id DESC LIMIT 200"),
	DB_STATEMENT(STMT_SURVEY_GET, 8,
		     "SELECT s.title, s.intro, s.audience, t.name, s.opens_on, s.closes_on, s.results, "
		     "s.preset FROM survey s LEFT JOIN territory t ON t.id = s.territory_id WHERE s.id = ?1"),
	DB_STATEMENT(STMT_SURVEY_JSON, 1,
		     "SELECT json_object('title', title, 'intro', intro, 'audience', audience, "
		     "'territory_id', territory_id, 'opens_on', opens_on, 'closes_on', closes_on, "
		     "'results', results, 'preset', preset, 'groups', (SELECT json_group_array(group_id) "
		     "FROM survey_reference_group WHERE survey_id = survey.id), 'questions', "
		     "(SELECT json_group_array(json_object('position', q.position, 'kind', q.kind, 'text', "
		     "q.text, 'required', q.required, 'options', (SELECT json_group_array(o.label) FROM "
		     "survey_option o WHERE o.question_id = q.id))) FROM survey_question q "
		     "WHERE q.survey_id = survey.id)) FROM survey WHERE id = ?1"),
	DB_STATEMENT(STMT_SURVEY_GROUP_ADD, 0,
		     "INSERT INTO survey_reference_group (survey_id, group_id) VALUES (?1, ?2)"),
	DB_STATEMENT(STMT_SURVEY_GROUPS, 2,
		     "SELECT g.id, g.name FROM survey_reference_group s JOIN reference_group g "
		     "ON g.id = s.group_id WHERE s.survey_id = ?1 ORDER BY g.name"),
	DB_STATEMENT(STMT_SURVEY_QUESTION_ADD, 0,
		     "INSERT INTO survey_question (survey_id, position, kind, text, required) "
		     "VALUES (?1, ?2, ?3, ?4, ?5)"),
	DB_STATEMENT(STMT_SURVEY_OPTION_ADD, 0,
		     "INSERT INTO survey_option (question_id, position, label) VALUES (?1, ?2, ?3)"),
	DB_STATEMENT(STMT_SURVEY_QUESTIONS, 5,
		     "SELECT id, position, kind, text, required FROM survey_question WHERE survey_id = ?1 "
		     "ORDER BY position"),
	DB_STATEMENT(STMT_SURVEY_OPTIONS, 3,
		     "SELECT o.question_id, o.position, o.label FROM survey_option o JOIN survey_question q "
		     "ON q.id = o.question_id WHERE q.survey_id = ?1 ORDER BY q.position, o.position"),
	DB_STATEMENT(STMT_SURVEY_RESPONSE_UPSERT, 2,
		     "INSERT INTO survey_response (survey_id, resident_id, created_at, updated_at, "
		     "window_start) "
		     "VALUES (?1, ?2, ?3, ?3, ?3) ON CONFLICT (survey_id, resident_id) "
		     "DO UPDATE SET updated_at = excluded.updated_at, "
		     "sent = CASE WHEN window_start > excluded.updated_at - 3600 THEN sent + 1 ELSE 1 END, "
		     "window_start = CASE WHEN window_start > excluded.updated_at - 3600 THEN window_start "
		     "ELSE excluded.updated_at END RETURNING id, sent"),
	DB_STATEMENT(STMT_SURVEY_ANSWERS_CLEAR, 0,
		     "DELETE FROM survey_answer WHERE response_id = ?1"),
	DB_STATEMENT(STMT_SURVEY_ANSWER_ADD, 0,
		     "INSERT INTO survey_answer (response_id, question_id, choice, text) "
		     "VALUES (?1, ?2, ?3, ?4)"),
	DB_STATEMENT(STMT_SURVEY_LINK_UPSERT, 2,
		     "INSERT INTO survey_response (survey_id, link_id, created_at, updated_at, "
		     "window_start) "
		     "VALUES (?1, ?2, ?3, ?3, ?3) ON CONFLICT (survey_id, link_id) "
		     "DO UPDATE SET updated_at = excluded.updated_at, "
		     "sent = CASE WHEN window_start > excluded.updated_at - 3600 THEN sent + 1 ELSE 1 END, "
		     "window_start = CASE WHEN window_start > excluded.updated_at - 3600 THEN window_start "
		     "ELSE excluded.updated_at END RETURNING id, sent"),
	DB_STATEMENT(STMT_SURVEY_MY_ANSWERS, 4,
		     "SELECT a.question_id, a.choice, a.text, r.updated_at FROM survey_response r "
		     "LEFT JOIN survey_answer a ON a.response_id = r.id "
		     "WHERE r.survey_id = ?1 AND (r.resident_id = ?2 OR r.link_id = ?3)"),
	DB_STATEMENT(STMT_SURVEY_RESPONSES, 1,
		     "SELECT count(*) FROM survey_response WHERE survey_id = ?1"),
	DB_STATEMENT(STMT_SURVEY_COUNTS, 3,
		     "SELECT a.question_id, a.choice, count(*) FROM survey_response r "
		     "JOIN survey_answer a ON a.response_id = r.id WHERE r.survey_id = ?1 "
		     "GROUP BY a.question_id, a.choice"),
	DB_STATEMENT(STMT_SURVEY_ANSWERED, 2,
		     "SELECT a.question_id, count(DISTINCT a.response_id) FROM survey_response r "
		     "JOIN survey_answer a ON a.response_id = r.id WHERE r.survey_id = ?1 "
		     "GROUP BY a.question_id"),
	DB_STATEMENT(STMT_SURVEY_TEXTS, 2,
		     "SELECT a.question_id, a.text FROM survey_response r "
		     "JOIN survey_answer a ON a.response_id = r.id "
		     "JOIN survey_question q ON q.id = a.question_id "
		     "WHERE r.survey_id = ?1 AND q.kind = 'text' ORDER BY q.position, a.response_id"),
	DB_STATEMENT(STMT_SURVEY_PRESET_EXISTS, 1,
		     "SELECT 1 FROM survey WHERE preset = ?1"),
	DB_STATEMENT(STMT_SURVEY_LINK_STATS, 3,
		     "SELECT s.announced_at, (SELECT count(*) FROM participant_link l WHERE l.kind = 'survey' "
		     "AND l.target_id = s.id), (SELECT count(*) FROM survey_response r WHERE "
		     "r.survey_id = s.id AND r.link_id IS NOT NULL) FROM survey s WHERE s.id = ?1"),
};

/* The columns of STMT_SURVEY_GET. */
static void read_survey(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct survey_row *r = row;
	r->title = db_text(a, s, 0);
	r->intro = db_text(a, s, 1);
	r->audience = db_text(a, s, 2);
	r->territory = db_text(a, s, 3);
	r->opens_on = db_text(a, s, 4);
	r->closes_on = db_text(a, s, 5);
	r->results = db_text(a, s, 6);
	r->preset = db_text(a, s, 7);
}

int db_survey_get(struct db *db, struct arena *a, long long id, struct survey_row *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_GET);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, a, s, read_survey, out, "survey");
}

/* The columns of STMT_SURVEY_LIST. */
static void read_item(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct survey_item *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->title = db_text(a, s, 1);
	r->opens_on = db_text(a, s, 2);
	r->closes_on = db_text(a, s, 3);
	r->audience = db_text(a, s, 4);
	r->territory = db_text(a, s, 5);
	r->results = db_text(a, s, 6);
	r->responses = sqlite3_column_int64(s, 7);
}

int db_survey_list(struct db *db, struct arena *a, struct survey_item **out, size_t *count)
{
	return db_survey_list_scoped(db, a, 0, out, count);
}

int db_survey_list_scoped(struct db *db, struct arena *a, long long scope,
			  struct survey_item **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_LIST);
	sqlite3_bind_int64(s, 1, scope);
	return db_read_rows(db, a, s, sizeof **out, read_item, out, count, "surveys");
}

/* The columns of STMT_SURVEY_QUESTIONS. */
static void read_question(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct survey_question_row *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->position = sqlite3_column_int(s, 1);
	r->kind = db_text(a, s, 2);
	r->text = db_text(a, s, 3);
	r->required = sqlite3_column_int(s, 4) != 0;
}

int db_survey_questions(struct db *db, struct arena *a, long long id,
			struct survey_question_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_QUESTIONS);
	sqlite3_bind_int64(s, 1, id);
	return db_read_rows(db, a, s, sizeof **out, read_question, out, count, "survey questions");
}

/* The columns of STMT_SURVEY_OPTIONS. */
static void read_option(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct survey_option_row *r = row;
	r->question_id = sqlite3_column_int64(s, 0);
	r->position = sqlite3_column_int(s, 1);
	r->label = db_text(a, s, 2);
}

int db_survey_options(struct db *db, struct arena *a, long long id,
		      struct survey_option_row **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_OPTIONS);
	sqlite3_bind_int64(s, 1, id);
	return db_read_rows(db, a, s, sizeof **out, read_option, out, count, "survey options");
}

/* The columns of STMT_SURVEY_GROUPS. */
static void read_group(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct survey_group *r = row;
	r->id = sqlite3_column_int64(s, 0);
	r->name = db_text(a, s, 1);
}

int db_survey_groups(struct db *db, struct arena *a, long long id, struct survey_group **out,
		     size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_GROUPS);
	sqlite3_bind_int64(s, 1, id);
	return db_read_rows(db, a, s, sizeof **out, read_group, out, count, "survey groups");
}

/* The columns of STMT_SURVEY_COUNTS. */
static void read_tally(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	struct survey_tally *r = row;
	r->question_id = sqlite3_column_int64(s, 0);
	r->choice = sqlite3_column_int(s, 1);
	r->answers = sqlite3_column_int64(s, 2);
}

int db_survey_counts(struct db *db, struct arena *a, long long id, struct survey_tally **out,
		     size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_COUNTS);
	sqlite3_bind_int64(s, 1, id);
	return db_read_rows(db, a, s, sizeof **out, read_tally, out, count, "survey counts");
}

/* The columns of STMT_SURVEY_ANSWERED. */
static void read_answered(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	struct survey_answered *r = row;
	r->question_id = sqlite3_column_int64(s, 0);
	r->responses = sqlite3_column_int64(s, 1);
}

int db_survey_answered(struct db *db, struct arena *a, long long id,
		       struct survey_answered **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_ANSWERED);
	sqlite3_bind_int64(s, 1, id);
	return db_read_rows(db, a, s, sizeof **out, read_answered, out, count,
			    "survey questions answered");
}

/* The columns of STMT_SURVEY_TEXTS. */
static void read_text(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct survey_text *r = row;
	r->question_id = sqlite3_column_int64(s, 0);
	r->text = db_text(a, s, 1);
}

int db_survey_texts(struct db *db, struct arena *a, long long id, struct survey_text **out,
		    size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_TEXTS);
	sqlite3_bind_int64(s, 1, id);
	return db_read_rows(db, a, s, sizeof **out, read_text, out, count, "survey texts");
}

/* The columns of STMT_SURVEY_MY_ANSWERS. */
static void read_my_answer(struct arena *a, sqlite3_stmt *s, void *row)
{
	struct survey_my_answer *r = row;
	r->question_id = sqlite3_column_int64(s, 0);
	r->choice = sqlite3_column_int(s, 1);
	r->text = db_text(a, s, 2);
	r->updated_at = (time_t)sqlite3_column_int64(s, 3);
}

int db_survey_my_answers(struct db *db, struct arena *a, long long id, long long resident,
			 long long link, struct survey_my_answer **out, size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_MY_ANSWERS);
	sqlite3_bind_int64(s, 1, id);
	if (resident)
		sqlite3_bind_int64(s, 2, resident);
	if (link)
		sqlite3_bind_int64(s, 3, link);
	return db_read_rows(db, a, s, sizeof **out, read_my_answer, out, count,
			    "survey answers of a respondent");
}

/* The first column as a number. */
static void read_number(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	*(long long *)row = sqlite3_column_int64(s, 0);
}

int db_survey_responses(struct db *db, long long id, long long *responses)
{
	*responses = 0;
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_RESPONSES);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, NULL, s, read_number, responses, "survey responses") < 0 ? -1 : 0;
}

int db_survey_preset_exists(struct db *db, const char *preset)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_PRESET_EXISTS);
	sqlite3_bind_text(s, 1, preset, -1, SQLITE_TRANSIENT);
	int rc = db_read_one(db, NULL, s, NULL, NULL, "survey preset");
	return rc < 0 ? -1 : rc == 0;
}

/* The columns of STMT_SURVEY_LINK_STATS. */
static void read_link_stats(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	struct survey_link_stats *r = row;
	r->announced = sqlite3_column_type(s, 0) != SQLITE_NULL;
	r->announced_at = (time_t)sqlite3_column_int64(s, 0);
	r->links = sqlite3_column_int64(s, 1);
	r->answered = sqlite3_column_int64(s, 2);
}

int db_survey_link_stats(struct db *db, long long id, struct survey_link_stats *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = db_stmt(db, STMT_SURVEY_LINK_STATS);
	sqlite3_bind_int64(s, 1, id);
	return db_read_one(db, NULL, s, read_link_stats, out, "survey links");
}

/* The columns of STMT_SURVEY_RESPONSE_UPSERT and STMT_SURVEY_LINK_UPSERT. */
struct response_sent {
	long long response, sent;
};

static void read_response(struct arena *a, sqlite3_stmt *s, void *row)
{
	(void)a;
	struct response_sent *r = row;
	r->response = sqlite3_column_int64(s, 0);
	r->sent = sqlite3_column_int64(s, 1);
}

int db_survey_respond(struct db *db, bool by_link, long long id, long long respondent, time_t now,
		      long long *response, long long *sent)
{
	struct response_sent r = {0, 0};
	sqlite3_stmt *s = db_stmt(db, by_link ? STMT_SURVEY_LINK_UPSERT : STMT_SURVEY_RESPONSE_UPSERT);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, respondent);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)now);
	int rc = db_read_one(db, NULL, s, read_response, &r, "survey response");
	*response = r.response;
	*sent = r.sent;
	return rc < 0 ? -1 : 0;
}
