# Shared by the pg_dump tests: sourced, not run.  The caller defines WORK (a
# scratch directory), PG_BIN and snapshot (prints a database's state).

# Dumps database $1, restores it into $2, and fails unless snapshot prints the same for both.
dump_restore_same() {
	snapshot "$1" >"$WORK/before"
	"$PG_BIN/pg_dump" -Fc -d "$1" -f "$WORK/dump"
	"$PG_BIN/pg_restore" --exit-on-error -d "$2" "$WORK/dump"
	snapshot "$2" >"$WORK/after"
	if ! diff -u "$WORK/before" "$WORK/after"; then
		echo "FAIL: the restored database differs from the dumped one" >&2
		exit 1
	fi
}
