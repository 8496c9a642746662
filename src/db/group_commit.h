/* group_commit.h — durable commits shared by the worker processes: one flush of the WAL for all
 * the transactions committed while the previous flush ran.
 *
 * With synchronous=FULL, SQLite flushes the WAL inside every COMMIT while it holds the write
 * lock, so the workers wait for the disk one after another and appeals per second can never
 * exceed the flushes per second of the disk (278 on the development machine). The workers
 * instead commit with synchronous=NORMAL — the WAL written, not yet flushed — release the lock,
 * and before they answer call group_commit_sync: it flushes the WAL unless a flush that began
 * after their commit has already finished. The guarantee stays that of FULL: nothing is
 * acknowledged before it is on the disk; a power loss may take only transactions nobody was
 * told about. SQLite still flushes the WAL before each checkpoint (NORMAL does that), so what
 * a checkpoint copies into the database is durable first.
 *
 * The shared state is the file DATABASE-commit beside the database: two counters in a shared
 * mapping (transactions committed, and committed before the last completed flush) and two
 * open-file-description locks on it — byte 0 queues writers in the kernel instead of SQLite's
 * sleep-and-retry, byte 1 lets one process flush at a time. The kernel releases both when a
 * process dies, so a killed worker blocks no one. */
#ifndef PORTAL_GROUP_COMMIT_H
#define PORTAL_GROUP_COMMIT_H

#include <sqlite3.h>
#include <stdbool.h>

struct group_commit_shared;

struct group_commit {
	int fd;                            /* DATABASE-commit, -1 when not in use */
	struct group_commit_shared *shared; /* its mapping */
	bool writing;                       /* this process holds the writer lock */
};

/* Open (creating, mode 0600) the commit file of the database at db_path. 0, or -1 with a
 * message; then the caller keeps synchronous=FULL. */
int group_commit_open(struct group_commit *g, const char *db_path);
void group_commit_close(struct group_commit *g);

/* Wait for the turn to write (before BEGIN IMMEDIATE) and give it back (after COMMIT or
 * ROLLBACK). Giving back a turn not held does nothing. */
int group_commit_writer_lock(struct group_commit *g);
void group_commit_writer_unlock(struct group_commit *g);

/* Make every transaction this process has committed so far durable: flush the WAL of conn,
 * unless a flush that started after this call's commit has completed meanwhile. 0, or -1 when
 * the flush failed (the answer must then not say the data is kept). */
int group_commit_sync(struct group_commit *g, sqlite3 *conn);

#endif
