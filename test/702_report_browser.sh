#!/usr/bin/env bash
# The report in a real browser: model_report's HTML for the SYNTHETIC sample
# (Sønderborg in the latest period, Aabenraa in a baseline year, and a copy
# of the model whose names are hostile HTML) rendered by headless Chromium.
# In the rendered DOM every placement shown equals model_placements, each
# bump chart has one mark per placed period of every municipality in it, and
# there is no script, no event handler and no reference to anything outside
# the document; Chromium's network log shows no request.  The hostile names
# show as text.  Each report is printed to A4 PDF, whose pages pdfinfo and
# pdftotext check (A4, the SYNTETISKE DATA banner on every page, the source
# on the last).  The screenshot of Sønderborg's report is kept in
# test/results/report/ (docs/report-sonderborg.png is a copy).
# Run by test/check.sh against its cluster (PGHOST, PGPORT, PGUSER set).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
export PGOPTIONS="-c client_min_messages=warning"
DB=report_browser
OUT=$TOP/test/results/report
WORK=$(mktemp -d /tmp/benchmark-report.XXXXXX)
export CHROMIUM_PROFILE=$WORK/profile
trap 'rm -rf "$WORK"; psql -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
q() { psql -qX -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
ok() { echo "ok - $*"; }
fail() { echo "not ok - $*"; exit 1; }

ensure_report_packages
mkdir -p "$OUT"
chmod 755 "$WORK"
sample_database "$DB"
cd "$TOP"
q -v y30r21="$TOP/test/data/jobindsats/y30r21_2022QMAT04.csv" >/dev/null <<'SQL'
SELECT * FROM benchmark.jobindsats_load('Y30R21', pg_read_file(:'y30r21'));
SQL

# a copy of the model and a peer group whose names are hostile HTML
HOSTILE='<script>alert(1)</script> & "Ø"'
q -v hostile="$HOSTILE" >/dev/null <<'SQL'
SELECT benchmark.model_copy('sonderborg-2023', 'hostile');
UPDATE benchmark.model SET title_da = :'hostile' WHERE model = 'hostile';
UPDATE benchmark.model_area SET name_da = :'hostile' || ' ' || area_no WHERE model = 'hostile';
UPDATE benchmark.model_measure SET name_da = :'hostile' || ' ' || measure WHERE model = 'hostile';
SELECT benchmark.peer_group_copy('sonderjylland', 'hostile-group');
UPDATE benchmark.peer_group SET name_da = :'hostile' WHERE peer_group = 'hostile-group';
SQL

# report NAME MODEL KOMMUNE PERIOD [PEER_GROUP]: writes NAME.html, renders it, checks it
report() {
	local name=$1 model=$2 kommune=$3 period=$4 group=${5:-}
	local html=$WORK/$name.html
	q -At -v model="$model" -v kommune="$kommune" -v period="$period" -v grp="$group" -o "$html" <<'SQL'
SELECT benchmark.model_report(:'model', :'kommune', :'period', nullif(:'grp', ''));
SQL
	q -v model="$model" -o "$WORK/$name.placements" <<'SQL'
COPY (SELECT kommune, part, item_key, period, coalesce(placement::text, '') FROM benchmark.model_placements(:'model'))
TO STDOUT WITH (FORMAT csv);
SQL
	chromium_headless --log-net-log="$WORK/$name.netlog.json" --dump-dom "file://$html" >"$WORK/$name.dom.html"
	chromium_headless --window-size=800,2600 --screenshot="$OUT/$name.png" "file://$html" >/dev/null
	chromium_headless --no-pdf-header-footer --print-to-pdf="$OUT/$name.pdf" "file://$html" >/dev/null
	python3 "$TOP/test/report_dom_check.py" "$WORK/$name.dom.html" "$WORK/$name.placements" "$WORK/$name.netlog.json" \
		"$kommune" "$HOSTILE" || fail "$name: the rendered DOM"
	ok "$name: $(wc -c <"$html") bytes of HTML; in the rendered DOM every placement shown equals model_placements," \
		"every chart has one mark per placed period, no script, no external reference, no request"

	# the PDF: A4 pages, the banner on each, the source on the last
	local pages size
	pages=$(pdfinfo "$OUT/$name.pdf" | sed -n 's/^Pages: *//p')
	size=$(pdfinfo "$OUT/$name.pdf" | sed -n 's/^Page size: *//p')
	case "$size" in *"(A4)"*) ;; *) fail "$name: the PDF's pages are A4 (they are $size)" ;; esac
	[ "$pages" -ge 3 ] && [ "$pages" -le 10 ] || fail "$name: the PDF has 3 to 10 pages (it has $pages)"
	# (the text of a page is read whole: grep -q stopping early would fail the pipe)
	for ((i = 1; i <= pages; i++)); do
		pdftotext -f "$i" -l "$i" -enc UTF-8 "$OUT/$name.pdf" "$WORK/page.txt"
		grep -q 'SYNTETISKE DATA' "$WORK/page.txt" || fail "$name: page $i of the PDF shows the SYNTETISKE DATA banner"
		[ "$i" -gt 1 ] || grep -q "$kommune" "$WORK/page.txt" || fail "$name: the PDF's first page names $kommune"
	done
	grep -q 'Kilde: Jobindsats.dk' "$WORK/page.txt" || fail "$name: the PDF's last page names the source"
	ok "$name: an A4 PDF of $pages pages with the SYNTETISKE DATA banner on each and the source on the last"
	[ "$(wc -c <"$OUT/$name.png")" -gt 50000 ] || fail "$name: a screenshot was taken"
}

report sonderborg sonderborg-2023 Sønderborg 2023
grep -q '<h2>Ministeriets benchmark (Y30R21)</h2>' "$WORK/sonderborg.html" || fail "sonderborg: STAR's Y30R21 beside the model"
grep -q 'Revalideringsforløb +0,0014 procentpoint' "$WORK/sonderborg.html" \
	|| fail "sonderborg: the smallest change that gains a total placement, as a change in the measure's unit"
ok "sonderborg: Y30R21 beside the model, the change needed stated as a change in the measure's unit"

report aabenraa-baseline sonderborg-2023 Aabenraa 2021
grep -q 'Ingen samlet placering i 2021 (basisår' "$WORK/aabenraa-baseline.html" || fail "aabenraa-baseline: a baseline year says why it has no total placement"
ok "aabenraa-baseline: a baseline year says why it has no total placement"

report hostile hostile Sønderborg 2023 hostile-group
python3 - "$WORK/hostile.dom.html" "$HOSTILE" <<'PY' || fail "hostile: the hostile names show as text"
import sys
from html.parser import HTMLParser

class Texts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.texts = []
    def handle_data(self, data):
        self.texts.append(data)

p = Texts()
p.feed(open(sys.argv[1], encoding="utf-8").read())
hostile = sys.argv[2]
shown = sum(1 for t in p.texts if hostile in t)
# the title, the peer group, eight areas' and fifteen measures' names, at least
if shown < 10:
    sys.exit("the hostile name shows as text %d times" % shown)
PY
ok "hostile: a model, areas, measures and a peer group named $HOSTILE show the names as text"

# the checker itself sees a script, an external reference and a request
cat >"$WORK/bad.html" <<'HTML'
<!DOCTYPE html><html><body><span class="pl" data-kommune="Sønderborg" data-part="total" data-item="total"
data-period="2023" data-placement="1">1</span><img src="http://127.0.0.1:9/x.png"><script>var x = 1;</script></body></html>
HTML
chromium_headless --log-net-log="$WORK/bad.netlog.json" --dump-dom "file://$WORK/bad.html" >"$WORK/bad.dom.html"
if python3 "$TOP/test/report_dom_check.py" "$WORK/bad.dom.html" "$WORK/sonderborg.placements" "$WORK/bad.netlog.json" \
	Sønderborg "$HOSTILE" >"$WORK/bad.out" 2>&1; then
	fail "the DOM check rejects a page with a script, an external image and a wrong placement"
fi
for what in 'script' 'http://127.0.0.1:9/x.png' 'placement'; do
	grep -q "$what" "$WORK/bad.out" || fail "the DOM check names $what: $(cat "$WORK/bad.out")"
done
ok "the DOM check rejects a page with a script, an external image, a request and a wrong placement"
