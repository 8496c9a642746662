#!/bin/sh
# render-nginx.sh RUN_DIR PORT SOCKET STATIC_DIR BODY_LIMIT [UPLOAD_LIMIT [APPEAL_RATE
#     [CONN_LIMIT [CLIENT_TIMEOUT [LOGIN_RATE]]]]] — write RUN_DIR/nginx.conf and RUN_DIR/site.conf
# from conf/*.in for a self-contained nginx on 127.0.0.1:PORT. The limits are [limits]
# max_body_bytes, max_upload_bytes (default 10 MiB), appeals_per_minute (default 6; 0 turns
# nginx's flood limit on POST /appeals off), connections_per_address (default 64),
# client_timeout_seconds (default 10) and [security] logins_per_minute (default 10; 0: off).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
run=$1 port=$2 socket=$3 static=$4 body=$5 upload=${6:-10485760} appeal_rate=${7:-6}
conn_limit=${8:-64} client_timeout=${9:-10} login_rate=${10:-10}
# Buffered: one write per 64 KB or per second instead of one per request (a tenth of what nginx
# spent on a proxied page, make bench); every line is kept, flushed on reload and on exit.
access_log=${ACCESS_LOG:-$run/access.log portal buffer=64k flush=1s}
workers=${NGINX_WORKERS:-2}
mkdir -p "$run"
appeal_key='$binary_remote_addr'
if [ "$appeal_rate" = 0 ]; then
	appeal_key='' appeal_rate=1
fi
login_key='$binary_remote_addr'
if [ "$login_rate" = 0 ]; then
	login_key='' login_rate=1
fi
# nginx's workers run as the user who starts it (nginx.conf.in, @USER_LINE@): as root they would
# otherwise be nobody/www-data, who cannot enter a private clone such as /root/portal.
user_line=''
if [ "$(id -u)" = 0 ]; then
	user_line="user root $(id -gn);"
fi
sed -e "s|@RUN@|$run|g" -e "s|@ACCESS_LOG@|$access_log|g" -e "s|@NGINX_WORKERS@|$workers|g" \
	-e "s|@USER_LINE@|$user_line|g" \
	"$root/conf/nginx.conf.in" >"$run/nginx.conf"
sed -e "s|@LISTEN@|127.0.0.1:$port|g" -e "s|@SOCKET@|$socket|g" -e "s|@STATIC@|$static|g" \
	-e "s|@SERVER_NAME@|localhost|g" -e "s|@BODY_LIMIT@|$body|g" \
	-e "s|@UPLOAD_LIMIT@|$upload|g" -e "s|@APPEAL_RATE@|$appeal_rate|g" \
	-e "s|@APPEAL_KEY@|$appeal_key|g" -e "s|@CONN_LIMIT@|$conn_limit|g" \
	-e "s|@CLIENT_TIMEOUT@|$client_timeout|g" -e "s|@LOGIN_RATE@|$login_rate|g" \
	-e "s|@LOGIN_KEY@|$login_key|g" -e "s|@SITE_ACCESS_LOG@|$access_log|g" \
	"$root/conf/nginx-site.conf.in" >"$run/site.conf"
