-- 016_chair_rules.sql — who may chair and sign a protocol (issue 21, item 17): the chair is the
-- meeting's host or the leader its information group had on the day of the meeting, so a leader
-- named afterwards cannot chair it; and nobody signs a protocol whose chair they named
-- themselves.

-- The leaders of each information group over time: person_id from since (Unix time) on, until
-- the next row; NULL when the group had no leader. Kept by the triggers below, whatever page or
-- tool changes info_group.leader_id. A group's first leader counts from the start (since 0).
CREATE TABLE info_group_leader (
	group_id  INTEGER NOT NULL REFERENCES info_group(id) ON DELETE CASCADE,
	since     INTEGER NOT NULL,
	person_id INTEGER REFERENCES person(id),
	PRIMARY KEY (group_id, since)
) WITHOUT ROWID, STRICT;

-- The history as far as the audit log tells it: the leader before the first recorded change
-- from the start, then every recorded state at its time; a group with no record, its present
-- leader from the start.
INSERT INTO info_group_leader (group_id, since, person_id)
SELECT g.id, 0,
       CASE WHEN f.id IS NULL THEN g.leader_id
            WHEN f.before_json IS NULL THEN json_extract(f.after_json, '$.leader_id')
            ELSE json_extract(f.before_json, '$.leader_id') END
FROM info_group g
LEFT JOIN audit_log f ON f.id = (SELECT a.id FROM audit_log a WHERE a.entity = 'info_group'
                                 AND a.entity_id = g.id ORDER BY a.at, a.id LIMIT 1);
INSERT OR REPLACE INTO info_group_leader (group_id, since, person_id)
SELECT a.entity_id, a.at, json_extract(a.after_json, '$.leader_id')
FROM audit_log a JOIN info_group g ON g.id = a.entity_id
WHERE a.entity = 'info_group' AND a.after_json IS NOT NULL AND a.before_json IS NOT NULL
  AND a.at > 0
  AND json_extract(a.after_json, '$.leader_id') IS NOT json_extract(a.before_json, '$.leader_id')
ORDER BY a.at, a.id;

CREATE TRIGGER info_group_leader_created AFTER INSERT ON info_group BEGIN
	INSERT OR REPLACE INTO info_group_leader (group_id, since, person_id)
	VALUES (NEW.id, 0, NEW.leader_id);
END;
CREATE TRIGGER info_group_leader_changed AFTER UPDATE OF leader_id ON info_group
WHEN NEW.leader_id IS NOT OLD.leader_id BEGIN
	INSERT OR REPLACE INTO info_group_leader (group_id, since, person_id)
	VALUES (NEW.id, unixepoch(), NEW.leader_id);
END;

-- The account that named the protocol's present chair, or confirmed another's choice by saving
-- the protocol with it; that account may not sign it. NULL for protocols kept before this
-- migration.
ALTER TABLE protocol ADD COLUMN chair_set_by INTEGER REFERENCES staff_user(id);
