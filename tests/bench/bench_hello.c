/* bench_hello.c — the baseline of `make bench`: the most trivial FastCGI responder libfcgi allows,
 * prefork like the portal, answering every request with BODY_BYTES of HTML. The portal's figures
 * are printed as ratios to this one measured behind the same nginx in the same run.
 * usage: bench-hello SOCKET WORKERS BODY_BYTES
 * SIGTERM or SIGINT stops it: the workers finish their request, the socket is removed. Workers
 * also stop when the supervisor dies, so a killed bench leaves nothing behind. */
#include <errno.h>
#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_WORKERS 64

static void on_stop(int sig)
{
	(void)sig;
	FCGX_ShutdownPending(); /* accept() returns EINTR, the loop ends after the current request */
}

static void serve(int fd, const char *body, size_t len)
{
	FCGX_Request r;
	FCGX_InitRequest(&r, fd, 0);
	char head[128];
	int head_len = snprintf(head, sizeof head,
				"Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
				"Content-Length: %lu\r\n\r\n",
				(unsigned long)len);
	while (FCGX_Accept_r(&r) >= 0) {
		FCGX_PutStr(head, head_len, r.out);
		FCGX_PutStr(body, (int)len, r.out);
		FCGX_Finish_r(&r);
	}
	FCGX_Free(&r, 1);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: bench-hello SOCKET WORKERS BODY_BYTES\n", stderr);
		return 2;
	}
	char *end;
	long workers = strtol(argv[2], &end, 10);
	if (*end != '\0' || workers < 1 || workers > MAX_WORKERS) {
		fprintf(stderr, "bench-hello: WORKERS must be 1..%d\n", MAX_WORKERS);
		return 2;
	}
	unsigned long len = strtoul(argv[3], &end, 10);
	if (*end != '\0' || len > 16UL * 1024 * 1024) {
		fputs("bench-hello: BODY_BYTES must be 0..16777216\n", stderr);
		return 2;
	}
	char *body = malloc(len + 1);
	if (body == NULL)
		return 1;
	memset(body, 'x', len);

	/* Stop with the process that started us (the bench script), even if it was killed. */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	/* Block the stop signals before forking so none is lost; sigwait() collects them. */
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_BLOCK, &set, &old);

	FCGX_Init();
	unlink(argv[1]);
	int fd = FCGX_OpenSocket(argv[1], 1024);
	if (fd < 0) {
		perror("bench-hello: listen");
		return 1;
	}
	chmod(argv[1], 0666); /* nginx workers may run as another user */

	pid_t supervisor = getpid(), pids[MAX_WORKERS];
	int started = 0;
	for (int i = 0; i < workers; i++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("bench-hello: fork");
			break;
		}
		if (pid == 0) {
			prctl(PR_SET_PDEATHSIG, SIGTERM);
			if (getppid() != supervisor)
				_exit(0);
			struct sigaction sa;
			memset(&sa, 0, sizeof sa);
			sa.sa_handler = on_stop; /* no SA_RESTART: accept() must be interrupted */
			sigaction(SIGTERM, &sa, NULL);
			sigaction(SIGINT, &sa, NULL);
			sigprocmask(SIG_SETMASK, &old, NULL);
			serve(fd, body, len);
			_exit(0);
		}
		pids[started++] = pid;
	}

	/* Only our own workers are signalled: kill(0, …) would also hit whatever shares our
	 * process group (the bench script, make). */
	int sig = 0;
	if (started == workers)
		sigwait(&set, &sig);
	for (int i = 0; i < started; i++)
		kill(pids[i], SIGTERM);
	while (wait(NULL) > 0 || errno == EINTR)
		;
	unlink(argv[1]);
	return started == workers ? 0 : 1;
}
