/* group_commit.c — durable commits shared by the worker processes (see group_commit.h). */
#include "group_commit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The mapped page of DATABASE-commit. Both counters only grow. */
struct group_commit_shared {
	_Atomic long long committed; /* transactions counted by group_commit_sync */
	_Atomic long long synced;    /* all of those up to this one are on the disk */
};

enum { WRITER_BYTE = 0, FLUSH_BYTE = 1 };

/* Take (type F_WRLCK, waiting) or give back (F_UNLCK) one byte's lock, owned by the open file
 * description: released when the process dies, never shared with a forked child. */
static int byte_lock(int fd, int byte, short type)
{
	struct flock l = {.l_type = type, .l_whence = SEEK_SET, .l_start = byte, .l_len = 1};
	int rc;
	do
		rc = fcntl(fd, F_OFD_SETLKW, &l);
	while (rc != 0 && errno == EINTR);
	return rc;
}

int group_commit_open(struct group_commit *g, const char *db_path)
{
	g->fd = -1;
	g->shared = NULL;
	g->writing = false;
	char path[4096];
	if (snprintf(path, sizeof path, "%s-commit", db_path) >= (int)sizeof path)
		return -1;
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		fprintf(stderr, "sqlite: cannot open %s (%s): every commit flushes on its own\n",
			path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || (st.st_size < (off_t)sizeof(struct group_commit_shared) &&
				    ftruncate(fd, 4096) != 0)) {
		fprintf(stderr, "sqlite: cannot size %s: %s\n", path, strerror(errno));
		close(fd);
		return -1;
	}
	void *map = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		fprintf(stderr, "sqlite: cannot map %s: %s\n", path, strerror(errno));
		close(fd);
		return -1;
	}
	g->fd = fd;
	g->shared = map;
	return 0;
}

void group_commit_close(struct group_commit *g)
{
	if (g->fd < 0)
		return;
	group_commit_writer_unlock(g);
	munmap(g->shared, 4096);
	close(g->fd);
	g->fd = -1;
	g->shared = NULL;
}

int group_commit_writer_lock(struct group_commit *g)
{
	if (g->fd < 0 || g->writing)
		return 0;
	if (byte_lock(g->fd, WRITER_BYTE, F_WRLCK) != 0) {
		fprintf(stderr, "sqlite: cannot wait for the writer lock: %s\n", strerror(errno));
		return -1;
	}
	g->writing = true;
	return 0;
}

void group_commit_writer_unlock(struct group_commit *g)
{
	if (g->fd < 0 || !g->writing)
		return;
	byte_lock(g->fd, WRITER_BYTE, F_UNLCK);
	g->writing = false;
}

int group_commit_sync(struct group_commit *g, sqlite3 *conn)
{
	if (g->fd < 0)
		return 0;
	struct group_commit_shared *sh = g->shared;
	/* Counted after the commit: a flush that reads a count at least this one's began after
	 * this process's transactions were written to the WAL, so it covers them. */
	long long mine = atomic_fetch_add(&sh->committed, 1) + 1;
	if (atomic_load(&sh->synced) >= mine)
		return 0;
	if (byte_lock(g->fd, FLUSH_BYTE, F_WRLCK) != 0) {
		fprintf(stderr, "sqlite: cannot wait for the flush lock: %s\n", strerror(errno));
		return -1;
	}
	int rc = 0;
	if (atomic_load(&sh->synced) < mine) {
		long long covered = atomic_load(&sh->committed);
		sqlite3_file *wal = NULL;
		if (sqlite3_file_control(conn, "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal) !=
			    SQLITE_OK ||
		    wal == NULL || wal->pMethods == NULL ||
		    wal->pMethods->xSync(wal, SQLITE_SYNC_NORMAL) != SQLITE_OK) {
			fprintf(stderr, "sqlite: cannot flush the WAL to the disk\n");
			rc = -1;
		} else {
			long long seen = atomic_load(&sh->synced);
			while (seen < covered &&
			       !atomic_compare_exchange_weak(&sh->synced, &seen, covered))
				;
		}
	}
	byte_lock(g->fd, FLUSH_BYTE, F_UNLCK);
	return rc;
}
