#!/usr/bin/env python3
"""Independent reference figures for sql/supply_risk.sql.

An implementation of the EU supply-risk formulas outside PostgreSQL and the
extension, in exact rational arithmetic (fractions.Fraction; every input is
read from its decimal text, so nothing is rounded before the final
conversion to the nearest float8), from the definitions in
doc/methodology.md section 2 and doc/design.md "Supply risk":

  WGI_scaled = 2 x (2.5 - WGI mean estimate), clamped to 0..10
  share      = q / total, total = every row of the scope (rows without a
               producer, e.g. "Other countries", count in the total and
               contribute nothing)
  HHI_WGI,t  = sum over producers of share^2 x WGI_scaled x t
  IR         = (imports - exports) / (production + imports - exports)
  core       = HHI_GS x IR/2 + HHI_EU x (1 - IR/2)
  SR         = core x (1 - EoL_RIR) x SI_SR
  USGS NIR   = (imports - exports - stock change) / (production + imports
               - exports - stock change), stock change > 0 when stocks grew

It prints an INSERT of (figure, value) rows, pasted into sql/supply_risk.sql:
  1. the worked example of doc/methodology.md 2.4 (every intermediate figure);
  2. the same with the CritMAT convention of doc/methodology.md 2.5 (an EU
     member, Germany, at t = 0.8 in the EU-sourcing scope), and CritMAT's SR
     from the HHIs rounded to 4 decimals;
  3. the one-scope fallbacks (global only, EU only) of the same example;
  4. the USGS net import reliance of the hand-computed cases;
  5. the governance-weighted HHI of rare-earth mine production 2024 (USGS MCS
     2025 edition, data/usgs/world_production.csv) with WGI 2023 weights
     (data/wgi/wgi_2023.csv), t = 1, read with Python's csv module.
Floats are printed with repr (shortest text that reads back to the same
float8).

Usage: python3 test/oracles/supply_risk_reference.py [data directory, default data]
"""
import csv
import sys
from fractions import Fraction as F


def wgi_scaled(mean):
    return min(max(2 * (F("2.5") - mean), F(0)), F(10))


def hhi_wgi(rows):
    """rows: (producer or None, quantity, wgi_scaled or None, t)."""
    total = sum(q for _, q, _, _ in rows)
    return sum((q / total) ** 2 * w * t for p, q, w, t in rows if p is not None)


def import_reliance(production, imports, exports):
    return (imports - exports) / (production + imports - exports)


def supply_risk(hhi_gs, hhi_eu, ir, eol, si):
    return (hhi_gs * ir / 2 + hhi_eu * (1 - ir / 2)) * (1 - eol) * si


def lit(x):
    return repr(float(x))


def sql(s):
    return "'" + s.replace("'", "''") + "'"


def main():
    datadir = sys.argv[1] if len(sys.argv) > 1 else "data"
    out = []

    # 1. doc/methodology.md 2.4: WGI means, global supply, EU sourcing, trade.
    mean = {"CN": F("-0.30"), "AU": F("1.30"), "MY": F("0.30"), "DE": F("1.30")}
    w = {c: wgi_scaled(m) for c, m in mean.items()}
    gs = [("CN", F(90), w["CN"], F("1.1")), ("AU", F(6), w["AU"], F(1)),
          ("MY", F(4), w["MY"], F(1))]
    eu = [("DE", F(20), w["DE"], F(1)), ("CN", F(70), w["CN"], F("1.1")),
          ("MY", F(15), w["MY"], F(1))]
    eol, si = F("0.01"), F("0.95")
    ir = import_reliance(F(20), F(85), F(5))
    h_gs, h_eu = hhi_wgi(gs), hhi_wgi(eu)
    core = h_gs * ir / 2 + h_eu * (1 - ir / 2)
    sr = supply_risk(h_gs, h_eu, ir, eol, si)
    out.append("-- 1. worked example (doc/methodology.md 2.4)")
    for c in ("CN", "AU", "MY", "DE"):
        out.append(f"('wgi_scaled {c}', {lit(w[c])}),")
    for scope, rows in (("gs", gs), ("eu", eu)):
        total = sum(q for _, q, _, _ in rows)
        for c, q, _, _ in rows:
            out.append(f"('share {scope} {c}', {lit(q / total)}),")
    out.append(f"('hhi_gs', {lit(h_gs)}),")
    out.append(f"('hhi_eu', {lit(h_eu)}),")
    out.append(f"('ir', {lit(ir)}),")
    out.append(f"('core', {lit(core)}),")
    out.append(f"('sr', {lit(sr)}),")

    # 2. CritMAT convention (doc/doc/methodology.md 2.6): Germany, an EU member, at
    # t = 0.8 in the EU-sourcing scope; no EU member in the global scope.
    eu8 = [(c, q, ww, F("0.8") if c == "DE" else t) for c, q, ww, t in eu]
    h_eu8 = hhi_wgi(eu8)
    core8 = h_gs * ir / 2 + h_eu8 * (1 - ir / 2)
    sr8 = supply_risk(h_gs, h_eu8, ir, eol, si)
    # CritMAT rounds the HHIs to 4 decimals before SR.
    sr_rounded = supply_risk(F("5.0053"), F("2.9146"), ir, eol, si)
    out.append("-- 2. CritMAT convention (doc/doc/methodology.md 2.6): Germany at t = 0.8")
    out.append(f"('critmat hhi_eu', {lit(h_eu8)}),")
    out.append(f"('critmat core', {lit(core8)}),")
    out.append(f"('critmat sr', {lit(sr8)}),")
    out.append(f"('critmat sr from 5.0053 and 2.9146', {lit(sr_rounded)}),")

    # 3. One scope only: that scope's HHI is the core.
    out.append("-- 3. one scope only")
    out.append(f"('sr global only', {lit(h_gs * (1 - eol) * si)}),")
    out.append(f"('sr eu only', {lit(h_eu * (1 - eol) * si)}),")

    # 4. USGS net import reliance, hand-computed cases:
    # (name, production, imports, exports, stock change)
    cases = [
        ("imports 100, exports 20, production 20", 20, 100, 20, 0),
        ("stocks grew by 10", 20, 100, 20, 10),
        ("stocks drawn down by 10", 20, 100, 20, -10),
        ("no production", 0, 100, 0, 0),
        ("imports = exports", 10, 5, 5, 0),
    ]
    out.append("-- 4. USGS net import reliance, hand-computed cases")
    for name, p, i, e, s in cases:
        p, i, e, s = F(p), F(i), F(e), F(s)
        out.append(f"('nir {name}', {lit((i - e - s) / (p + i - e - s))}),")

    # 5. Rare earths, mine production 2024, MCS 2025 edition, WGI 2023.
    with open(f"{datadir}/wgi/wgi_2023.csv", encoding="utf-8", newline="") as f:
        wgi = {r["iso2"]: F(r["mean_est"]) for r in csv.DictReader(f) if r["mean_est"] != ""}
    with open(f"{datadir}/usgs/world_production.csv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f)
                if r["source"] == "USGS MCS2025" and r["commodity"] == "rare earths"
                and r["stage"] == "mine" and r["year"] == "2024"
                and not r["country"].startswith("World total")]
    re_rows = []
    for r in rows:
        code = r["iso2"] or None          # "Other countries": no code
        assert code is None or code in wgi, code
        re_rows.append((code, F(r["quantity"]), wgi_scaled(wgi[code]) if code else None, F(1)))
    out.append("-- 5. rare earths, mine production 2024 (MCS 2025), WGI 2023, t = 1")
    out.append(f"('rare earths 2024 hhi_wgi', {lit(hhi_wgi(re_rows))}),")
    out.append(f"('rare earths 2024 total', {lit(sum(q for _, q, _, _ in re_rows))}),")
    out.append(f"('rare earths 2024 producers', {len([1 for c, *_ in re_rows if c])}),")
    print("INSERT INTO sr_check.reference (figure, value) VALUES")
    print("\n".join(out).rstrip(",") + ";")


if __name__ == "__main__":
    main()
