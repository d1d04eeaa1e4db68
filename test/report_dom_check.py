"""Checks a report's DOM as headless Chromium rendered it (test/702_report_browser.sh).

usage: report_dom_check.py DOM PLACEMENTS NETLOG KOMMUNE HOSTILE

DOM is Chromium's --dump-dom, PLACEMENTS model_placements as CSV (kommune,
part, item_key, period, placement; placement empty when not placed), NETLOG
Chromium's --log-net-log.  Checks: every placement shown (an element with
data-placement) equals model_placements; every bump chart has exactly one
mark per placed period of each municipality in it, and a chart of each of
KOMMUNE's placed parts exists; no script, no event handler, no reference to
anything outside the document, no request in the network log; the banner and
the source are there.  Prints each fault and exits 1 on any.
"""
import csv
import json
import sys
from collections import Counter, defaultdict
from html.parser import HTMLParser

REFERENCE_ATTRIBUTES = {"src", "href", "xlink:href", "action", "formaction", "srcset", "poster", "data", "background"}
OUTSIDE_TAGS = {"script", "iframe", "frame", "object", "embed", "link", "img", "audio", "video", "source", "base", "form"}


class Report(HTMLParser):
    """Collects what the checks look at while parsing the DOM."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.faults = []
        self.placements = []
        self.charts = []
        self.in_style = False
        self.texts = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in OUTSIDE_TAGS:
            self.faults.append("a %s element" % tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.faults.append("an event handler %s on %s" % (name, tag))
            if name in REFERENCE_ATTRIBUTES and value and not value.startswith(("#", "data:")):
                self.faults.append("a reference %s=%s on %s" % (name, value, tag))
            if name == "style" and value and ("url(" in value or "@import" in value):
                self.faults.append("a style attribute that loads %s" % value)
        if tag == "style":
            self.in_style = True
        if tag == "svg" and "bump" in a.get("class", ""):
            self.charts.append([])
        if "data-placement" in a:
            key = (a.get("data-kommune"), a.get("data-part"), a.get("data-item"), a.get("data-period"))
            self.placements.append((key, a["data-placement"]))
            if tag == "circle" and "mark" in a.get("class", "") and self.charts:
                self.charts[-1].append(key)

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style and ("url(" in data or "@import" in data):
            self.faults.append("a style sheet that loads something")
        self.texts.append(data)


def main():
    dom, placements_csv, netlog, kommune = sys.argv[1:5]
    expected = {}
    with open(placements_csv, encoding="utf-8", newline="") as f:
        for k, part, item, period, placement in csv.reader(f):
            expected[(k, part, item, period)] = placement
    report = Report()
    report.feed(open(dom, encoding="utf-8").read())
    faults = list(report.faults)

    for key, shown in report.placements:
        if key not in expected:
            faults.append("a placement shown for %s that model_placements lacks" % (key,))
        elif expected[key] != shown:
            faults.append("placement %r shown for %s, model_placements says %r" % (shown, key, expected[key]))
    if not report.placements:
        faults.append("no placement shown")

    placed = Counter((k, part, item) for (k, part, item, _), p in expected.items() if p != "")
    charted = set()
    for marks in report.charts:
        per_series = Counter((k, part, item) for k, part, item, _ in marks)
        for series, n in per_series.items():
            if n != placed[series]:
                faults.append("a chart has %d marks for %s, which is placed in %d periods" % (n, series, placed[series]))
            charted.add(series)
        for key, n in Counter(marks).items():
            if n > 1:
                faults.append("a chart has %d marks for %s" % (n, key))
    for series in placed:
        if series[0] == kommune and series[1] in ("total", "goal", "area") and series not in charted:
            faults.append("no chart with the marks of %s" % (series,))

    with open(netlog, encoding="utf-8") as f:
        log = json.load(f)
    urls = defaultdict(int)
    for event in log.get("events", []):
        url = event.get("params", {}).get("url")
        if url and not url.startswith(("file:", "data:", "about:", "chrome:")):
            urls[url] += 1
    for url in sorted(urls):
        faults.append("a request for %s" % url)

    text = "".join(report.texts)
    for needed in ("SYNTETISKE DATA", "Kilde: Jobindsats.dk"):
        if needed not in text:
            faults.append("no %r in the text" % needed)

    for fault in faults:
        print("fault: " + fault)
    sys.exit(1 if faults else 0)


main()
