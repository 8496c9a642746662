/* bench_hello.c — the baseline of `make bench`: the most trivial FastCGI responder libfcgi allows,
 * prefork like the portal, answering every request with BODY_BYTES of HTML. The portal's figures
 * are printed as ratios to this one measured behind the same nginx in the same run.
 * usage: bench-hello SOCKET WORKERS BODY_BYTES */
#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: bench-hello SOCKET WORKERS BODY_BYTES\n", stderr);
		return 2;
	}
	int workers = atoi(argv[2]);
	size_t len = (size_t)strtoul(argv[3], NULL, 10);
	char *body = malloc(len + 1);
	if (body == NULL || workers < 1)
		return 1;
	memset(body, 'x', len);
	FCGX_Init();
	unlink(argv[1]);
	int fd = FCGX_OpenSocket(argv[1], 1024);
	if (fd < 0) {
		perror("bench-hello: listen");
		return 1;
	}
	chmod(argv[1], 0666);
	for (int i = 0; i < workers; i++)
		if (fork() == 0) {
			signal(SIGTERM, SIG_DFL);
			serve(fd, body, len);
			_exit(0);
		}
	/* Stop the workers when told to stop. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	int sig;
	sigwait(&set, &sig);
	kill(0, SIGTERM);
	while (wait(NULL) > 0)
		;
	unlink(argv[1]);
	return 0;
}
