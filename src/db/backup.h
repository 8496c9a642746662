/* backup.h — a backup of the portal as one tar archive (the database and the uploads directory)
 * and putting one back; used by portal-admin backup and restore. */
#ifndef PORTAL_BACKUP_H
#define PORTAL_BACKUP_H

#include <stdbool.h>

#include "config.h"
#include "db.h"

/* The names inside an archive: the database copy, and the directory its attached files are in
 * ("uploads/NAME", one entry per file of [server] uploads). */
#define BACKUP_DATABASE_ENTRY "portal.db"
#define BACKUP_UPLOADS_ENTRY "uploads"

/* Write a tar archive to file (which must not exist; it is created mode 0600): a consistent
 * online copy of db (SQLite's backup API, so the workers may keep serving) as portal.db, and
 * every file of cfg's uploads directory. On failure nothing is left at file. Messages on
 * stderr; 0 or -1. */
int backup_write(struct db *db, const struct config *cfg, const char *file);

/* Whether a process answers on the FastCGI socket of cfg: the workers are running. */
bool backup_workers_running(const struct config *cfg);

/* Put the backup archive file back: its files into the uploads directory (files already there
 * are kept: a name is its content's hash), then its database, checked first, in place of cfg's
 * database, which is kept beside it as DATABASE.before-restore. Refused while the workers run.
 * Messages on stderr, a summary on stdout; 0 or -1. */
int backup_restore(const struct config *cfg, const char *file);

#endif
