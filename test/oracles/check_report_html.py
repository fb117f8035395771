#!/usr/bin/python3
"""Checks that every number in the charts of the analyst report's HTML file is
the number the terminal report prints.

    test/check_report_html.py REPORT.html DBNAME

demo/report_html.sql draws each chart from one view of schema report, the view
demo/analyst_report.sql prints with TABLE.  Each chart's <svg> names that view
(data-view), its key columns (data-key), the rows drawn (data-where: all, or
"lists:nonempty") and the columns drawn (data-cols); each drawn figure is a
<g class="datum"> with the row key (data-key, key values joined by "|"), its
columns and values (data-cols, data-values, "|"-separated).  This script runs
"TABLE <view>" with psql (CSV) in database DBNAME and checks that

  - the chart draws exactly the rows the view has (after data-where), and for
    every row every drawn column that is not NULL;
  - every value of a datum equals the view's value for that row and column;
  - every number written in a datum's labels is one of that datum's values;
  - numbers outside datums are only axis ticks and legends (class axis or
    legend).

Prints one "ok"/"FAIL" line per chart and exits 1 on any failure.  Needs
psql on PATH and the connection in the environment (PGHOST, PGPORT, ...).
"""
import csv
import io
import re
import subprocess
import sys
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


def same(a, b):
    """Equal as text, or as decimal numbers (so 287 = +287)."""
    if a == b:
        return True
    try:
        return Decimal(a) == Decimal(b)
    except InvalidOperation:
        return False


class Chart:
    def __init__(self, attrs):
        self.view = attrs.get("data-view")
        self.key = attrs.get("data-key", "").split()
        self.where = attrs.get("data-where", "")
        self.cols = attrs.get("data-cols", "").split()
        self.datums = []      # (key, {col: value}, [label texts])
        self.stray = []       # (class of the <text>, text) outside datums


class Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.charts = []
        self.chart = None
        self.datum = None
        self.text_class = None
        self.in_text = False
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.chart = Chart(a)
            self.charts.append(self.chart)
        elif self.chart is None:
            return
        elif tag == "g" and "datum" in a.get("class", "").split():
            cols = a.get("data-cols", "").split("|")
            vals = a.get("data-values", "").split("|")
            if len(cols) != len(vals):
                raise SystemExit(f"FAIL {self.chart.view}: datum {a.get('data-key')}: {len(cols)} columns, {len(vals)} values")
            self.datum = (a.get("data-key"), dict(zip(cols, vals)), [])
            self.chart.datums.append(self.datum)
        elif tag == "text":
            self.in_text = True
            self.text_class = a.get("class", "")
        elif tag == "title":
            self.in_title = True

    def handle_endtag(self, tag):
        if tag == "svg":
            self.chart = None
            self.datum = None
        elif tag == "g" and self.datum is not None:
            self.datum = None
        elif tag == "text":
            self.in_text = False
        elif tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.chart is None or not (self.in_text or self.in_title):
            return
        if self.datum is not None and self.in_text:
            self.datum[2].append(data)
        else:
            self.chart.stray.append(("title" if self.in_title else self.text_class, data))


def view_rows(db, view):
    out = subprocess.run(["psql", "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", f"TABLE {view}"],
                         check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


def check(chart, db):
    errors = []
    if not chart.view:
        return [f"an <svg> without data-view"]
    rows = view_rows(db, chart.view)
    if chart.where == "lists:nonempty":
        rows = [r for r in rows if r["lists"] != ""]
    elif chart.where:
        return [f"{chart.view}: unknown data-where {chart.where!r}"]
    by_key = {}
    for r in rows:
        by_key["|".join(r[k] for k in chart.key)] = r
    drawn = {}
    for key, values, texts in chart.datums:
        row = by_key.get(key)
        if row is None:
            errors.append(f"{chart.view}: datum {key!r} is not a row of the view")
            continue
        for col, value in values.items():
            if col not in chart.cols:
                errors.append(f"{chart.view}: datum {key!r} draws {col}, not in the chart's data-cols")
            elif col not in row:
                errors.append(f"{chart.view}: no column {col}")
            elif not same(value, row[col]):
                errors.append(f"{chart.view}: {key} {col}: chart {value!r}, view {row[col]!r}")
            drawn.setdefault(key, set()).add(col)
        for text in texts:
            for number in NUMBER.findall(text):
                if not any(same(number, v) for v in values.values()):
                    errors.append(f"{chart.view}: {key}: label {text!r} shows {number}, not one of {sorted(values.values())}")
    for key, row in by_key.items():
        for col in chart.cols:
            if row.get(col, "") != "" and col not in drawn.get(key, set()):
                errors.append(f"{chart.view}: row {key!r} column {col} ({row[col]}) is not drawn")
    for cls, text in chart.stray:
        if NUMBER.search(text) and cls not in ("axis", "legend"):
            errors.append(f"{chart.view}: number outside a datum and not an axis or legend: {text!r}")
    return errors


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    html, db = sys.argv[1], sys.argv[2]
    parser = Parser()
    with open(html, encoding="utf-8") as f:
        parser.feed(f.read())
    parser.close()
    status = 0
    if len(parser.charts) < 3:
        print(f"FAIL {html}: {len(parser.charts)} charts, expected 3")
        status = 1
    for chart in parser.charts:
        errors = check(chart, db)
        values = sum(len(d[1]) for d in chart.datums)
        if errors:
            status = 1
            print(f"FAIL chart of {chart.view}: {len(errors)} problems")
            for e in errors[:20]:
                print(f"     {e}")
        else:
            print(f"ok   chart of {chart.view}: {len(chart.datums)} figures, {values} values, all equal to TABLE {chart.view}")
    sys.exit(status)


if __name__ == "__main__":
    main()
