#!/usr/bin/env bash
# The release files: one version in benchmark.control, the Makefile, META.json,
# debian/changelog and CHANGELOG.md; META.json against the PGXN meta-spec
# 1.0.0; debian/control generated from debian/control.in; and `make dist`: the
# zip holds exactly the files a build needs, and a build from it installs the
# extension as a build from the repository does.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$TOP"

echo "== release files: versions, META.json, make dist"
python3 test/pgxn/check_release.py

# debian/control is what pg_buildext generates from debian/control.in
pg_buildext checkcontrol >/dev/null || { echo "debian/control is out of date: run pg_buildext updatecontrol"; exit 1; }

work=$(mktemp -d /tmp/benchmark-dist.XXXXXX)
trap 'rm -rf "$work"' EXIT
version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' META.json)
make -s -C "$TOP" PG_CONFIG="$PG_BIN/pg_config" dist DIST_OUTPUT="$work" >/dev/null
zip="$work/benchmark-$version.zip"
[ -f "$zip" ] || { echo "make dist did not write benchmark-$version.zip"; exit 1; }

# exactly the committed files of the build's paths, under benchmark-VERSION/
python3 - "$zip" "benchmark-$version/" <<'PY' >"$work/zip.list"
import sys, zipfile
prefix = sys.argv[2]
for name in zipfile.ZipFile(sys.argv[1]).namelist():
    if not name.startswith(prefix):
        sys.exit(f"{name} is outside {prefix}")
    if not name.endswith("/"):
        print(name[len(prefix):])
PY
git ls-tree -r --name-only HEAD -- Makefile benchmark.control META.json LICENSE README.md CHANGELOG.md docs src \
	| sort >"$work/expected.list"
sort -o "$work/zip.list" "$work/zip.list"
if ! diff -u "$work/expected.list" "$work/zip.list"; then
	echo "the distribution's files differ from the build's committed files"; exit 1
fi
if grep -E '^(test|debian|expected|\.ci)/|^sql/[^/]+\.sql$' "$work/zip.list"; then
	echo "the distribution holds test or packaging files"; exit 1
fi

# built from the unpacked zip alone, it installs the same files as the repository's build
python3 -m zipfile -e "$zip" "$work"
make -s -C "$work/benchmark-$version" PG_CONFIG="$PG_BIN/pg_config" WERROR=1 >/dev/null
make -s -C "$work/benchmark-$version" PG_CONFIG="$PG_BIN/pg_config" install DESTDIR="$work/from-zip" >/dev/null
make -s -C "$TOP" PG_CONFIG="$PG_BIN/pg_config" WERROR=1 >/dev/null
make -s -C "$TOP" PG_CONFIG="$PG_BIN/pg_config" install DESTDIR="$work/from-repo" >/dev/null
(cd "$work/from-zip" && find . -type f | sort) >"$work/zip-installed.list"
(cd "$work/from-repo" && find . -type f | sort) >"$work/repo-installed.list"
if ! diff -u "$work/repo-installed.list" "$work/zip-installed.list"; then
	echo "the distribution's build installs other files than the repository's"; exit 1
fi
sharedir=$("$PG_BIN/pg_config" --sharedir)
for f in "extension/benchmark--$(sed -n "s/^default_version = '\(.*\)'/\1/p" benchmark.control).sql" extension/benchmark.control; do
	cmp "$work/from-repo$sharedir/$f" "$work/from-zip$sharedir/$f"
done
echo "ok - make dist: $(wc -l <"$work/zip.list") files, the build from the zip installs $(wc -l <"$work/zip-installed.list") files as the repository's does"
