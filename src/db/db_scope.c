/* db_scope.c — the statements that tell whether a staff account's body owns a record (issue 18
 * item 3, migration 028): one per kind of record a staff URL names, all bound alike. */
#include "db_scope.h"

#include "db_statements.h"

/* The own municipality: what owns a record that names no other (migration 025). */
#define OWN "(SELECT id FROM municipality WHERE own = 1)"

/* owner: a subquery of ?1 (the record id) giving the id of the municipality that owns it. The
 * account's body ?2 owns it when it is that municipality or that municipality's district. */
#define SCOPE_OF(owner)                                                                           \
	"SELECT 1 FROM municipality m WHERE m.id = (" owner ") "                                  \
	"AND (m.id = ?2 OR m.district_id = ?2)"

const struct db_statement db_scope_statements[STMT__MAX] = {
	DB_STATEMENT(STMT_SCOPE_MEETING, 1,
		     SCOPE_OF("SELECT municipality_id FROM meeting WHERE id = ?1")),
	DB_STATEMENT(STMT_SCOPE_APPEAL, 1,
		     SCOPE_OF("SELECT municipality_id FROM appeal WHERE id = ?1")),
	DB_STATEMENT(STMT_SCOPE_APPEAL_FILE, 1,
		     SCOPE_OF("SELECT a.municipality_id FROM appeal_file f "
			      "JOIN appeal a ON a.id = f.appeal_id WHERE f.id = ?1")),
	DB_STATEMENT(STMT_SCOPE_INSTRUCTION, 1,
		     SCOPE_OF("SELECT coalesce(mt.municipality_id, a.municipality_id, " OWN ") "
			      "FROM instruction i LEFT JOIN protocol p ON p.id = i.protocol_id "
			      "LEFT JOIN meeting mt ON mt.id = p.meeting_id "
			      "LEFT JOIN appeal a ON a.id = i.appeal_id WHERE i.id = ?1")),
	DB_STATEMENT(STMT_SCOPE_SERIES, 1,
		     SCOPE_OF("SELECT coalesce((SELECT municipality_id FROM meeting "
			      "WHERE series_id = s.id ORDER BY id LIMIT 1), " OWN ") "
			      "FROM meeting_series s WHERE s.id = ?1")),
	DB_STATEMENT(STMT_SCOPE_RECEPTION_SCHEDULE, 1,
		     SCOPE_OF("SELECT coalesce((SELECT municipality_id FROM meeting "
			      "WHERE series_id = r.series_id ORDER BY id LIMIT 1), t.municipality_id) "
			      "FROM reception_schedule r JOIN venue v ON v.id = r.venue_id "
			      "JOIN territory t ON t.id = v.territory_id WHERE r.id = ?1")),
	DB_STATEMENT(STMT_SCOPE_BOOKING, 1,
		     SCOPE_OF("SELECT mt.municipality_id FROM reception_booking b "
			      "JOIN meeting mt ON mt.id = b.meeting_id WHERE b.id = ?1")),
	DB_STATEMENT(STMT_SCOPE_TERRITORY, 1,
		     SCOPE_OF("SELECT municipality_id FROM territory WHERE id = ?1")),
	DB_STATEMENT(STMT_SCOPE_MUNICIPALITY, 1, SCOPE_OF("SELECT ?1")),
	DB_STATEMENT(STMT_SCOPE_GROUP, 1,
		     SCOPE_OF("SELECT t.municipality_id FROM info_group g "
			      "JOIN territory t ON t.id = g.territory_id WHERE g.id = ?1")),
	DB_STATEMENT(STMT_SCOPE_VENUE, 1,
		     SCOPE_OF("SELECT t.municipality_id FROM venue v "
			      "JOIN territory t ON t.id = v.territory_id WHERE v.id = ?1")),
	DB_STATEMENT(STMT_SCOPE_DISCUSSION, 1,
		     SCOPE_OF("SELECT coalesce(d.municipality_id, t.municipality_id, "
			      "mt.municipality_id, " OWN ") "
			      "FROM discussion d LEFT JOIN territory t ON t.id = d.territory_id "
			      "LEFT JOIN meeting mt ON mt.id = d.meeting_id WHERE d.id = ?1")),
	DB_STATEMENT(STMT_SCOPE_PROPOSAL, 1,
		     SCOPE_OF("SELECT coalesce(d.municipality_id, t.municipality_id, "
			      "mt.municipality_id, " OWN ") "
			      "FROM discussion_proposal p JOIN discussion d ON d.id = p.discussion_id "
			      "LEFT JOIN territory t ON t.id = d.territory_id "
			      "LEFT JOIN meeting mt ON mt.id = d.meeting_id WHERE p.id = ?1")),
	DB_STATEMENT(STMT_SCOPE_SURVEY, 1,
		     SCOPE_OF("SELECT coalesce(s.municipality_id, t.municipality_id, " OWN ") "
			      "FROM survey s "
			      "LEFT JOIN territory t ON t.id = s.territory_id WHERE s.id = ?1")),
	DB_STATEMENT(STMT_SCOPE_OUTBOX, 1,
		     SCOPE_OF("SELECT coalesce(mt.municipality_id, " OWN ") FROM outbox o "
			      "LEFT JOIN meeting mt ON mt.id = o.meeting_id WHERE o.id = ?1")),
	DB_STATEMENT(STMT_SCOPE_REFERENCE_GROUP, 1,
		     SCOPE_OF("SELECT municipality_id FROM reference_group WHERE id = ?1")),
	DB_STATEMENT(STMT_SCOPE_PLAN_MEASURE, 1,
		     SCOPE_OF("SELECT municipality_id FROM plan_measure WHERE id = ?1")),
	DB_STATEMENT(STMT_SCOPE_PLAN_RECORD, 1,
		     SCOPE_OF("SELECT pm.municipality_id FROM plan_record r "
			      "JOIN plan_measure pm ON pm.id = r.measure_id WHERE r.id = ?1")),
	DB_STATEMENT(STMT_SCOPE_MEDIA_CONTACT, 1,
		     SCOPE_OF("SELECT municipality_id FROM media_contact WHERE id = ?1")),
	DB_STATEMENT(STMT_SCOPE_TERRITORIES, 1,
		     "SELECT t.id FROM territory t JOIN municipality m ON m.id = t.municipality_id "
		     "WHERE m.id = ?1 OR m.district_id = ?1 ORDER BY t.id"),
};

int db_scope_territories(struct db *db, struct arena *a, long long body, long long **ids,
			 size_t *count)
{
	sqlite3_stmt *s = db_stmt(db, STMT_SCOPE_TERRITORIES);
	sqlite3_bind_int64(s, 1, body);
	return db_read_rows(db, a, s, sizeof **ids, db_read_int64, ids, count, "scope territories");
}
