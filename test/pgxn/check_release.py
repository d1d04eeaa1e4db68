#!/usr/bin/env python3
"""The release facts: one version in benchmark.control, the Makefile, META.json,
debian/changelog and CHANGELOG.md, and a META.json that meets the PGXN meta-spec
1.0.0 (checked against test/pgxn/meta-spec-1.0.0.schema.json, which must also
reject documents that break the spec).  Prints one line per check; exits 1 on a
failed one."""

import copy
import json
import os
import re
import sys

import jsonschema

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
failed = 0
passed = 0


def check(ok, what, detail=""):
    """Records and prints one check's outcome."""
    global failed, passed
    if ok:
        passed += 1
        print(f"ok - {what}")
    else:
        failed += 1
        print(f"not ok - {what}{': ' + detail if detail else ''}")


def read(path):
    """The text of a file of the repository."""
    with open(os.path.join(TOP, path), encoding="utf-8") as f:
        return f.read()


def one_match(pattern, text, what):
    """The first group of the first line of text matching pattern."""
    m = re.search(pattern, text, re.MULTILINE)
    if m is None:
        sys.exit(f"not ok - {what} not found")
    return m.group(1)


# the versions, each as its file writes it
control = one_match(r"^default_version\s*=\s*'([^']+)'", read("benchmark.control"), "benchmark.control default_version")
makefile = one_match(r"^EXTVERSION\s*=\s*(\S+)", read("Makefile"), "Makefile EXTVERSION")
meta = json.loads(read("META.json"))
debian_line = read("debian/changelog").splitlines()[0]
debian_full = one_match(r"^\S+ \(([^)]+)\)", debian_line, "debian/changelog version")
debian_upstream = re.sub(r"^\d+:", "", debian_full).rsplit("-", 1)[0]
changelog_heading = one_match(r"^## (.+)$", read("CHANGELOG.md"), "CHANGELOG.md version heading")
changelog_version = changelog_heading.split()[0]

print(f"# benchmark.control {control}, Makefile {makefile}, META.json {meta.get('version')}, "
      f"debian/changelog {debian_full}, CHANGELOG.md '{changelog_heading}'")

# an extension version major.minor is the SemVer major.minor.0 on PGXN
semver = control + ".0" if re.fullmatch(r"\d+\.\d+", control) else control
check(makefile == control, "Makefile EXTVERSION is benchmark.control's default_version", makefile)
check(meta.get("version") == semver, "META.json version is the control file's version as SemVer", str(meta.get("version")))
provided = meta.get("provides", {}).get("benchmark", {})
check(provided.get("version") == semver, "META.json provides.benchmark.version is the same", str(provided.get("version")))
check(provided.get("file") == f"src/sql/install/benchmark--{control}.sql",
      "META.json provides.benchmark.file is the version's full install script", str(provided.get("file")))
check(debian_upstream == control, "debian/changelog's upstream version is the control file's version", debian_full)
check(changelog_version == control, "CHANGELOG.md's newest section is the control file's version", changelog_heading)
under_development = "under development" in changelog_heading
check((meta.get("release_status") == "stable") != under_development,
      "META.json release_status is stable exactly when CHANGELOG.md's newest version is released",
      f"{meta.get('release_status')} for '{changelog_heading}'")

# META.json against the meta-spec 1.0.0
schema = json.loads(read("test/pgxn/meta-spec-1.0.0.schema.json"))
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema)
errors = sorted(validator.iter_errors(meta), key=lambda e: list(e.path))
check(not errors, "META.json meets the PGXN meta-spec 1.0.0",
      "; ".join(f"{'/'.join(map(str, e.path)) or '(top)'}: {e.message}" for e in errors))
check(meta.get("meta-spec", {}).get("version") == "1.0.0", "META.json declares meta-spec 1.0.0")
runtime = meta.get("prereqs", {}).get("runtime", {}).get("requires", {})
check(runtime.get("PostgreSQL") == ">= 15.0.0", "META.json requires PostgreSQL >= 15 at run time", str(runtime.get("PostgreSQL")))
check(bool(meta.get("resources")) and bool(meta.get("tags")), "META.json has resources and tags")
for key in ("file", "docfile"):
    path = provided.get(key, "")
    exists = os.path.isfile(os.path.join(TOP, path)) or (key == "file" and path.startswith("src/sql/install/"))
    check(exists, f"META.json provides.benchmark.{key} names a file of the distribution", path)


def broken(change):
    """A copy of META.json with change applied."""
    doc = copy.deepcopy(meta)
    change(doc)
    return doc


# the schema must reject what the spec forbids
rejected = {
    "no license": broken(lambda d: d.pop("license")),
    "a version that is not SemVer": broken(lambda d: d.update(version="1.6")),
    "an extension without a file": broken(lambda d: d["provides"]["benchmark"].pop("file")),
    "an absolute docfile": broken(lambda d: d["provides"]["benchmark"].update(docfile="/docs/reference.md")),
    "a tag with a slash": broken(lambda d: d["tags"].append("a/b")),
    "an unknown prereq phase": broken(lambda d: d["prereqs"].update(install={"requires": {"PostgreSQL": 0}})),
    "a version range that is no range": broken(lambda d: d["prereqs"]["runtime"]["requires"].update(PostgreSQL="15+")),
    "an unknown top-level key": broken(lambda d: d.update(homepage="https://example.org/")),
    "another meta-spec version": broken(lambda d: d["meta-spec"].update(version="2.0.0")),
    "an unknown license key": broken(lambda d: d.update(license="postgres")),
}
for what, doc in rejected.items():
    check(not validator.is_valid(doc), f"the schema rejects META.json with {what}")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
