#!/bin/sh
# install-deps.sh — install the Debian packages the portal needs: `run` for building and running
# it, `test` adds what the test suite and `make bench` use (and the npm packages of tests/web).
# Only missing packages are installed; apt-get runs through sudo when not root.
set -eu
what=${1:-run}
root=$(cd "$(dirname "$0")/../.." && pwd)

run_packages="build-essential pkg-config tzdata ca-certificates nginx-light sqlite3
 libfcgi-dev libctemplate-dev libsqlite3-dev libcurl4-openssl-dev libsodium-dev libinih-dev
 libjansson-dev libical-dev libstemmer-dev libmagic-dev libcjose-dev libarchive-dev libxxhash-dev"
# debhelper, dpkg-dev, fakeroot, lintian and ucf: `make deb` and the package's test (tests/deb).
test_packages="libcmocka-dev clang libclang-rt-14-dev wrk python3 python3-aiosmtpd python3-jwcrypto
 curl chromium default-jre-headless nodejs npm debhelper dpkg-dev fakeroot lintian ucf adduser strace"

packages=$run_packages
[ "$what" = test ] && packages="$run_packages $test_packages"

missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Any working Java and Node will do: keep the ones a machine already has.
case "$missing" in *default-jre-headless*) command -v java >/dev/null && missing=$(echo "$missing" | sed 's/ default-jre-headless//');; esac
case "$missing" in *nodejs*) command -v node >/dev/null && missing=$(echo "$missing" | sed 's/ nodejs//');; esac
case "$missing" in *" npm"*) command -v npm >/dev/null && missing=$(echo "$missing" | sed 's/ npm//');; esac

if [ -n "$missing" ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	echo "install-deps: installing$missing"
	$sudo apt-get update -q
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi

if [ "$what" = test ]; then
	cd "$root/tests/web"
	# npm writes node_modules/.package-lock.json last: without it (an interrupted install, an
	# emptied directory) or older than the lock file, install again.
	if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
		npm ci --prefer-offline --no-audit --no-fund --loglevel=error
		touch node_modules/.package-lock.json
	fi
fi
