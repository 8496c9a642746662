#!/bin/bash
# run-stack.sh — what `make run` does after building: prepare $DATA (configuration, database with
# demo data on first start), start the FastCGI workers and nginx on 127.0.0.1:$PORT in the
# foreground, and on SIGINT/SIGTERM stop both and leave no process and no socket behind.
# Environment: PORT (8080), DATA (data), BIN (build), QUIET=1 to skip the banner.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
port=${PORT:-8080}
data=${DATA:-data}
bin=${BIN:-$root/build}
# The database, its backups, uploads, the configuration (with the mail password) and the socket
# are this user's alone; nginx's workers run as this user too (render-nginx.sh), so nothing needs
# to be open to others, wherever the clone and $DATA are (a 0700 /root included).
umask 077
mkdir -p "$data"
data=$(cd "$data" && pwd)
chmod 700 "$data"
case "$bin" in /*) ;; *) bin=$root/$bin ;; esac
run=$data/run
mkdir -p "$run"
chmod 700 "$run"

# What cannot work is said in one line instead of serving errors.
if [ "$(id -u)" != 0 ] && [ "$port" -lt 1024 ]; then
	echo "run: port $port needs root; choose another, e.g. make run PORT=8080" >&2
	exit 1
fi
for need in "$root/static/style.css" "$root/templates/layout.tpl"; do
	if [ ! -r "$need" ]; then
		echo "run: $need cannot be read by $(id -un); nginx and the workers run as this user" >&2
		exit 1
	fi
done

[ -f "$data/portal.ini" ] || cp "$root/conf/portal.ini" "$data/portal.ini"
conf=$data/portal.ini
chmod 600 "$conf" # it may hold the mail server's password
if [ -f "$data/portal.db" ]; then
	"$bin/portal-admin" -c "$conf" init >/dev/null
else
	"$bin/portal-admin" -c "$conf" init --demo
fi

socket=$(sed -n 's/^socket *= *//p' "$conf" | tail -n 1)
case "$socket" in /*) ;; *) socket=$data/$socket ;; esac
body=$(sed -n 's/^max_body_bytes *= *//p' "$conf" | tail -n 1)
upload=$(sed -n 's/^max_upload_bytes *= *//p' "$conf" | tail -n 1)
appeal_rate=$(sed -n 's/^appeals_per_minute *= *//p' "$conf" | tail -n 1)
conn_limit=$(sed -n 's/^connections_per_address *= *//p' "$conf" | tail -n 1)
client_timeout=$(sed -n 's/^client_timeout_seconds *= *//p' "$conf" | tail -n 1)
login_rate=$(sed -n 's/^logins_per_minute *= *//p' "$conf" | tail -n 1)
"$root/src/scripts/render-nginx.sh" "$run" "$port" "$socket" "$root/static" "${body:-1048576}" \
	"${upload:-10485760}" "${appeal_rate:-6}" "${conn_limit:-64}" "${client_timeout:-10}" \
	"${login_rate:-10}"

portal_pid="" nginx_pid=""
stop() {
	trap - INT TERM EXIT
	[ -n "$nginx_pid" ] && kill -QUIT "$nginx_pid" 2>/dev/null || true
	[ -n "$portal_pid" ] && kill -TERM "$portal_pid" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -f "$socket"
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

"$bin/portal" -c "$conf" &
portal_pid=$!
for _ in $(seq 100); do
	[ -S "$socket" ] && break
	kill -0 "$portal_pid" 2>/dev/null || { echo "run: the portal workers did not start" >&2; exit 1; }
	sleep 0.05
done
[ -S "$socket" ] || { echo "run: the portal workers did not open $socket" >&2; exit 1; }
nginx -p "$run" -e "$run/nginx-error.log" -c "$run/nginx.conf" &
nginx_pid=$!

if [ "${QUIET:-0}" != 1 ]; then
	echo
	echo "Portal: http://127.0.0.1:$port/   (data: $data, Ctrl-C stops it)"
	[ -f "$data/demo-logins.txt" ] && cat "$data/demo-logins.txt"
	echo
fi
# Run until a signal comes, a component stops (then stop the other), or the parent goes away:
# `make` does not pass SIGTERM on to its recipe, so a make killed by a service manager or a test
# would otherwise leave the portal running, reparented.
parent=$PPID
while kill -0 "$portal_pid" 2>/dev/null && kill -0 "$nginx_pid" 2>/dev/null; do
	if [ "$(ps -o ppid= -p $$ | tr -d ' ')" != "$parent" ]; then
		echo "run: the parent process is gone; shutting down" >&2
		stop
		exit 0
	fi
	sleep 0.5 &
	wait $! || true
done
echo "run: a component stopped; shutting down" >&2
exit 1
