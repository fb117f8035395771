#!/usr/bin/env python3
"""Independent reference figures for sql/usgs_rare_earths.sql.

Reads data/usgs/MCS2025_World_Data.csv with Python's csv module (not through
PostgreSQL or the extension) and computes, for data year 2024 (column
"PROD_EST_ 2024") and a fixed list of commodity/stage series, the measures the
regression test checks, using only these definitions:

  named     = rows whose country is not "Other countries..." / "World total..."
  remainder = the "Other countries..." row (0 when absent or not a number)
  total     = sum(named) + remainder
  share     = q / total
  HHI lower = 10000 * sum over named of share^2
  HHI upper = HHI lower + 10000 * (remainder / total)^2
  CR3       = sum of the 3 largest named shares
  Shannon   = -sum s ln s over the named producers and the remainder as one
  effective = 10000 / HHI lower

Cells that are not numbers (blank, W, NA, >...) are left out.  Country names
are trimmed, with U+00A0 read as a space and runs of spaces collapsed.  Sums
use math.fsum (correctly rounded).  Prints SQL VALUES rows with shortest
round-trip float literals (repr), as the INSERT statements pasted into
sql/usgs_rare_earths.sql (tables usgs_check.ref_measures: commodity, stage,
total, remainder, producers, hhi_lower, hhi_upper, cr3, shannon, effective,
top1, top2, top3; usgs_check.ref_shares: commodity, stage, producer, share).

Usage: python3 test/oracles/usgs_reference.py [path/to/MCS2025_World_Data.csv]
"""
import csv
import math
import re
import sys

SERIES = [
    ("Rare earths", "Mine production, rare-earth-oxide equivalent"),
    ("Cobalt", "Mine production, cobalt content, estimated"),
    ("Lithium", "Mine production, lithium content"),
    ("Gallium", "Primary production"),
    ("Graphite", "Mine production"),
    ("Tungsten", "Mine production, tungsten content"),
    ("Copper", "Mine production, recoverable copper content"),
    ("Nickel", "Mine production, nickel content"),
    ("Platinum-Group metals", "Mine production, Palladium content"),
    ("Talc, crude", "Mine production, estimated"),
    ("Cement", "Cement production, estimated"),
    ("Titanium Mineral Concentrates",
     "Mine production, rutile, titanium dioxide (TiO2) content"),
    ("Kyanite and Related Minerals", "Mine production"),
]
COLUMN = "PROD_EST_ 2024"


def clean(s):
    return " ".join(s.replace("\u00a0", " ").split())


def number(cell):
    c = clean(cell)
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?|[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", c):
        return float(c.replace(",", ""))
    return None


def sql(s):
    return "'" + s.replace("'", "''") + "'"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "data/usgs/MCS2025_World_Data.csv"
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    measures, shares = [], []
    for commodity, stage in SERIES:
        named, remainder = {}, 0.0
        for r in rows:
            if clean(r["COMMODITY"]) != commodity or clean(r["TYPE"]) != stage:
                continue
            country = clean(r["COUNTRY"])
            q = number(r[COLUMN])
            if q is None or country.lower().startswith("world total"):
                continue
            if country.lower().startswith("other countries"):
                remainder += q
            else:
                assert country not in named, (commodity, country)
                named[country] = q
        total = math.fsum(list(named.values()) + [remainder])
        s = {c: q / total for c, q in named.items()}
        r_share = remainder / total
        lower = 10000 * math.fsum(x * x for x in s.values())
        upper = lower + 10000 * r_share * r_share
        top = sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        cr3 = math.fsum(s[c] for c, _ in top)
        ent = -math.fsum(x * math.log(x) for x in list(s.values()) + [r_share] if x > 0)
        measures.append(
            f"({sql(commodity)}, {sql(stage)}, {total!r}, {remainder!r}, "
            f"{sum(1 for q in named.values() if q > 0)}, {lower!r}, {upper!r}, "
            f"{cr3!r}, {ent!r}, {10000 / lower!r}, {sql(top[0][0])}, {sql(top[1][0])}, "
            f"{sql(top[2][0])})")
        for c in sorted(named):
            shares.append(f"({sql(commodity)}, {sql(stage)}, {sql(c)}, {s[c]!r})")
    print("INSERT INTO usgs_check.ref_measures VALUES")
    print(",\n".join(measures) + ";")
    print("INSERT INTO usgs_check.ref_shares VALUES")
    print(",\n".join(shares) + ";")


if __name__ == "__main__":
    main()
