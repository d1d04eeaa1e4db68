#!/usr/bin/env bash
# The Debian package, built and tested as installed: builds
# postgresql-15-benchmark with dpkg-buildpackage from a clean copy of the
# tree, runs lintian (errors fail), deletes the build tree, installs the .deb
# with apt-get, creates the extension in a new cluster, runs the regression
# suite against the installed files (debian/tests/installcheck, as autopkgtest
# does, from a fresh copy of the source tree), removes the package and checks
# that it left no file behind.  The system's PostgreSQL is left as it was
# found: files of an earlier `make install` are put back afterwards.
#
# The regression suite runs once, against the installed package; to also run
# it at build time (dh_pgxs_test, against debian/postgresql-15-benchmark):
#     DEB_BUILD_OPTIONS= bash test/package.sh
set -euo pipefail
PG_MAJOR=${PG_MAJOR:-15}
# the package installs into the system's PostgreSQL, whatever PG_BIN says
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
. "$(dirname "$0")/lib.sh"
cd "$TOP"

package=postgresql-$PG_MAJOR-benchmark

# ensure_package_tools installs what building, checking and testing the package need.
ensure_package_tools() {
	local missing=""
	for p in dpkg-dev debhelper lintian make postgresql-$PG_MAJOR; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
	done
	if [ -n "$missing" ] || ! dpkg-checkbuilddeps >/dev/null 2>&1; then
		echo "== installing Debian packages: the build dependencies of debian/control,$missing"
		as_root apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
		as_root env DEBIAN_FRONTEND=noninteractive apt-get build-dep -y -qq "$TOP" >/dev/null
	fi
}

# copy_tree copies the repository's files (tracked, and new ones not ignored), nothing built.
copy_tree() {
	mkdir -p "$1"
	git -C "$TOP" ls-files -z -co --exclude-standard | (cd "$TOP" && tar -c --null -T -) | tar -x -C "$1"
}

# extension_files lists the files of the extension in the system's PostgreSQL.
extension_files() {
	local lib share
	lib=$("$PG_BIN/pg_config" --pkglibdir)
	share=$("$PG_BIN/pg_config" --sharedir)
	find "$lib" "$lib/bitcode" "$share/extension" -maxdepth 1 -name 'benchmark*' 2>/dev/null
	if [ -e "/usr/share/doc/$package" ]; then echo "/usr/share/doc/$package"; fi
}

# installed tells whether the package is installed (in any state but purged).
installed() {
	dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | grep -q '^[a-z][^n]'
}

ensure_package_tools

WORK=$(mktemp -d /tmp/benchmark-package.XXXXXX)
chmod 755 "$WORK"   # apt reads the .deb as user _apt
saved=""
we_installed=""

# finish removes the package if this run installed it, puts back what an
# earlier `make install` had installed, and removes the work directory.
finish() {
	set +e
	if [ -n "$we_installed" ] && installed; then
		as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$package" >/dev/null
	fi
	if [ -n "$saved" ] && [ -s "$saved" ]; then
		as_root tar -x -P -f "$saved"
	fi
	as_root rm -rf "$WORK"
}
trap finish EXIT

version=$(dpkg-parsechangelog -l debian/changelog -S Version)
arch=$(dpkg --print-architecture)
deb=$WORK/build/${package}_${version}_${arch}.deb

echo "== building $package $version (dpkg-buildpackage -us -uc -b)"
copy_tree "$WORK/build/postgresql-benchmark-${version%-*}"
start=$SECONDS
if ! (cd "$WORK/build/postgresql-benchmark-${version%-*}" &&
	DEB_BUILD_OPTIONS=${DEB_BUILD_OPTIONS-nocheck} dpkg-buildpackage -us -uc -b) >"$WORK/build.log" 2>&1; then
	tail -60 "$WORK/build.log"
	exit 1
fi
build_seconds=$((SECONDS - start))
grep -E '^(test |#.*installcheck| All [0-9]+ tests)' "$WORK/build.log" || true
echo "built in ${build_seconds} s: $(basename "$deb"), $(stat -c %s "$deb") bytes"

echo "== lintian"
# lintian warns that it runs as root; that is how the package is built and tested here
lintian_rc=0
lintian -I --fail-on error "$WORK/build/postgresql-benchmark_${version}_${arch}.changes" >"$WORK/lintian.out" 2>&1 ||
	lintian_rc=$?
grep -v '^running with root privileges' "$WORK/lintian.out" >"$WORK/lintian.log" || true
cat "$WORK/lintian.log"
if [ "$lintian_rc" -ne 0 ]; then
	echo "lintian reports errors (exit status $lintian_rc)"; exit 1
fi
echo "lintian: $(grep -c '^E:' "$WORK/lintian.log") errors, $(grep -c '^W:' "$WORK/lintian.log") warnings, $(grep -c '^I:' "$WORK/lintian.log") informational"

# the package is installed and tested without the tree it was built in
rm -rf "$WORK/build/postgresql-benchmark-${version%-*}"

take_install_lock
if installed; then
	echo "$package is installed already: remove it first (apt-get purge $package)"
	exit 1
fi
# files of an earlier `make install` are saved, removed, and put back at the end
saved=$WORK/before-package.tar
extension_files >"$WORK/before.list"
if [ -s "$WORK/before.list" ]; then
	as_root tar -c -P -f "$saved" -T "$WORK/before.list"
	as_root xargs -d '\n' rm -rf <"$WORK/before.list"
fi

echo "== apt-get install $(basename "$deb")"
we_installed=1
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
dpkg-query -L "$package" >"$WORK/package.list"
echo "installed: $(wc -l <"$WORK/package.list") paths"

echo "== CREATE EXTENSION benchmark in a new cluster"
LC_ALL=C.UTF-8 pg_virtualenv -t -v "$PG_MAJOR" psql -X -At -v ON_ERROR_STOP=1 \
	-c 'CREATE EXTENSION benchmark' \
	-c "SELECT 'benchmark ' || extversion FROM pg_extension WHERE extname = 'benchmark'" \
	-c "SELECT rank_values(k, v, true) FROM (VALUES ('Haderslev', 80.5), ('Sønderborg', 80.5), ('Tønder', 75.2)) t(k, v)" \
	>"$WORK/create.out"
cat "$WORK/create.out"
grep -qx "benchmark ${version%-*}" "$WORK/create.out"
grep -qx '{1:"Haderslev"=80.5, 1:"Sønderborg"=80.5, 3:"Tønder"=75.2}' "$WORK/create.out"

echo "== regression suite against the installed package (debian/tests/installcheck)"
copy_tree "$WORK/tests"
start=$SECONDS
if ! (cd "$WORK/tests" && sh debian/tests/installcheck) >"$WORK/installcheck.log" 2>&1; then
	tail -100 "$WORK/installcheck.log"
	exit 1
fi
test_seconds=$((SECONDS - start))
grep -E '^(test |ok |not ok | All [0-9]+ tests)' "$WORK/installcheck.log"
echo "regression suite against the package: ${test_seconds} s"

echo "== apt-get purge $package"
as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$package" >/dev/null
we_installed=""
if installed; then
	echo "$package is still installed"; exit 1
fi
left=""
while read -r path; do
	[ -e "$path" ] && [ "$path" != "/." ] || continue
	# a directory another package owns (/usr/lib/postgresql/15/lib, ...) stays
	[ -d "$path" ] && dpkg-query -S "$path" >/dev/null 2>&1 && continue
	left="$left $path"
done <"$WORK/package.list"
left="$left $(extension_files | tr '\n' ' ')"
if [ -n "${left// /}" ]; then
	echo "removing the package left files behind:$left"
	exit 1
fi
echo "removed: none of its $(wc -l <"$WORK/package.list") paths is left"

echo "== the Debian package passed: built, lintian without errors, installed, regression suite, removed"
echo "package: $(grep -c '^test .* ok' "$WORK/installcheck.log") passed, $(grep -c '^test .* FAILED' "$WORK/installcheck.log") failed"
