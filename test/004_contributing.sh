#!/usr/bin/env bash
# docs/contributing.md describes every file of the repository: each file is
# named by a path of its layout table (a folder ends with "/", "*" and
# [..] as in the shell), and each path of the table names at least one file.
# The files are git's (a source tree without git: the files on disk).
set -euo pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
python3 - <<'PY'
import fnmatch, os, re, subprocess, sys

if os.path.isdir(".git"):
    files = subprocess.check_output(["git", "ls-files"], text=True).split("\n")
else:
    files = [os.path.relpath(os.path.join(d, f)) for d, _, fs in os.walk(".") for f in fs]
files = [f for f in files if f]

table = open("docs/contributing.md", encoding="utf-8").read().split("## Layout", 1)[1].split("\n## ", 1)[0]
paths = []
for line in table.splitlines():
    if line.startswith("| `"):
        paths += re.findall(r"`([^`]+)`", line.split(" | ")[0])

def names(path, f):
    return f.startswith(path) if path.endswith("/") else fnmatch.fnmatchcase(f, path)

undescribed = [f for f in files if not any(names(p, f) for p in paths)]
empty = [p for p in paths if not any(names(p, f) for f in files)]
if undescribed:
    sys.exit("not ok - files docs/contributing.md does not describe: " + ", ".join(undescribed))
if empty:
    sys.exit("not ok - paths of docs/contributing.md that name no file: " + ", ".join(empty))
print(f"ok - docs/contributing.md describes each of the {len(files)} files with its {len(paths)} paths")
PY
