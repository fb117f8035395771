#!/usr/bin/python3
"""The psycopg check of the BI report queries (test/cluster/bi/report_queries.sql),
run by test/cluster/bi/run against the throwaway cluster of `make test`:

    /usr/bin/python3 test/cluster/bi/check_psycopg.py QUERIES_FILE DATABASE

Connects with Debian's psycopg2 (libpq: PGHOST, PGPORT, PGUSER, PGPASSWORD
from the environment), runs every query with its "params" passed to
cursor.execute (int, str, datetime.date: what Superset and other Python
tools pass), and asserts
  - that every column is a standard type (cursor.description type codes:
    float8, numeric, int8, int4, text, varchar, bool, date) and comes back as
    the matching Python type (float, Decimal, int, str, bool, date);
  - that the column names, the number of rows and every value equal psql's
    for the same query (PREPARE + EXECUTE with the same params), exactly:
    floats bit for bit (psql prints the shortest text that reads back to the
    same double; float() reads it back correctly rounded), Decimal by digits
    and exponent, integers, strings, booleans, dates;
  - that at least one row comes back.
"""
import datetime
import decimal
import os
import re
import struct
import subprocess
import sys

import psycopg2

NULL_MARK = "<NULL>"  # how psql is told to print NULL; a text equal to it is refused as ambiguous

# type OID -> (name, Python type of the value)
STANDARD = {
    701: ("float8", float),
    1700: ("numeric", decimal.Decimal),
    20: ("int8", int),
    23: ("int4", int),
    25: ("text", str),
    1043: ("varchar", str),
    16: ("bool", bool),
    1082: ("date", datetime.date),
}

PARAM = re.compile(r"\s*(?:(-?[0-9]+)|'((?:[^']|'')*)'|DATE '([0-9]{4}-[0-9]{2}-[0-9]{2})')\s*(,|$)")

failures = 0


def fail(query, what):
    global failures
    failures += 1
    print(f"FAIL {query}: {what}")


def parse_params(name, params):
    """SQL literals: integers, 'strings', DATE 'yyyy-mm-dd'."""
    values, at = [], 0
    while at < len(params):
        m = PARAM.match(params, at)
        if not m:
            raise ValueError(f"{name}: cannot read params at: {params[at:]}")
        if m.group(1) is not None:
            values.append(int(m.group(1)))
        elif m.group(2) is not None:
            values.append(m.group(2).replace("''", "'"))
        else:
            values.append(datetime.date.fromisoformat(m.group(3)))
        at = m.end()
    return values


def read_queries(path):
    """A query starts at "-- name: NAME", then "-- params: LITERALS", then
    comment lines, then the SQL up to the line that ends with ";"."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    queries, i = [], 0
    while i < len(lines):
        if not lines[i].startswith("-- name: "):
            i += 1
            continue
        name = lines[i][len("-- name: "):].strip()
        i += 1
        if not lines[i].startswith("-- params:"):
            raise ValueError(f'{name}: no "-- params:" line after the name')
        params = lines[i][len("-- params:"):].strip()
        while lines[i + 1].startswith("--"):
            i += 1
        sql = []
        while True:
            i += 1
            sql.append(lines[i])
            if lines[i].rstrip().endswith(";"):
                break
        text = "\n".join(sql).rstrip()[:-1]
        queries.append((name, params, parse_params(name, params), text))
    if not queries:
        raise ValueError(f"{path}: no queries")
    return queries


def psql(database, name, params, sql, columns):
    """psql -A with NUL after every field; the column count comes from the driver."""
    script = ("SET extra_float_digits = 3;\nSET DateStyle = ISO;\n"
              f"PREPARE q AS\n{sql};\nEXECUTE q{'(' + params + ')' if params else ''};\n")
    out = subprocess.run(
        ["psql", "-X", "-q", "-A", "-z", "-0", "-P", "footer=off", "-P", "null=" + NULL_MARK,
         "-v", "ON_ERROR_STOP=1", "-d", database, "-f", "-"],
        input=script.encode("utf-8"), stdout=subprocess.PIPE, check=True,
        env=dict(os.environ, PGCLIENTENCODING="UTF8")).stdout
    if out and not out.endswith(b"\0"):
        raise RuntimeError(f"{name}: psql output does not end with a NUL")
    fields = [f.decode("utf-8") for f in out.split(b"\0")[:-1]]
    if len(fields) % columns:
        raise RuntimeError(f"{name}: psql printed {len(fields)} fields for {columns} columns")
    rows = [fields[r:r + columns] for r in range(columns, len(fields), columns)]
    return fields[:columns], rows


def differs(oid, value, expected):
    """None when the value equals psql's text exactly, else what differs."""
    if value is None:
        return None if expected == NULL_MARK else f"NULL, psql: {expected}"
    if expected == NULL_MARK:
        return "ambiguous: the value is psql's NULL mark" if value == NULL_MARK else f"{value!r}, psql: NULL"
    kind = STANDARD[oid][1]
    if type(value) is not kind:
        return f"a Python {type(value).__name__}, not {kind.__name__}"
    if kind is float:
        same = struct.pack(">d", value) == struct.pack(">d", float(expected))
    elif kind is decimal.Decimal:
        same = value.as_tuple() == decimal.Decimal(expected).as_tuple()
    elif kind is int:
        same = value == int(expected)
    elif kind is str:
        same = value == expected
    elif kind is bool:
        if expected not in ("t", "f"):
            return f"psql printed {expected} for a boolean"
        same = value == (expected == "t")
    else:
        same = value == datetime.date.fromisoformat(expected)
    return None if same else f"{value!r}, psql: {expected}"


def check(conn, database, name, params, values, sql):
    if "%(" in sql:
        raise ValueError(f"{name}: the SQL must not contain %(")
    # psycopg2's placeholders: %(pN)s for $N, a literal % doubled
    pysql = re.sub(r"\$([0-9]+)", r"%(p\1)s", sql.replace("%", "%%"))
    before = failures
    with conn.cursor() as cur:
        cur.execute(pysql, {f"p{n + 1}": v for n, v in enumerate(values)})
        desc = cur.description
        rows = cur.fetchall()
    shape = []
    for col in desc:
        if col.type_code not in STANDARD:
            fail(name, f"column {col.name} has type OID {col.type_code}: not a standard type")
        shape.append(f"{col.name} {STANDARD.get(col.type_code, ('?',))[0]}")
    if failures != before:
        return
    names, ref = psql(database, name, params, sql, len(desc))
    for i, col in enumerate(desc):
        if col.name != names[i]:
            fail(name, f"column {i + 1} is {col.name}, psql: {names[i]}")
    shown = 0
    for r, (row, expected) in enumerate(zip(rows, ref)):
        for i, col in enumerate(desc):
            d = differs(col.type_code, row[i], expected[i])
            if d is not None:
                shown += 1
                if shown <= 10:
                    fail(name, f"row {r + 1}, {col.name}: {d}")
                else:
                    globals()["failures"] += 1
    if len(rows) != len(ref):
        fail(name, f"{len(rows)} rows, psql: {len(ref)}")
    elif not rows:
        fail(name, "no rows")
    elif failures == before:
        print(f"ok   {name}: {len(rows)} rows equal to psql's; {', '.join(shape)}")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: check_psycopg.py QUERIES_FILE DATABASE")
    path, database = sys.argv[1:]
    queries = read_queries(path)
    conn = psycopg2.connect(dbname=database)
    conn.set_session(readonly=True, autocommit=True)
    print(f"psycopg2 {psycopg2.__version__}, libpq {psycopg2.__libpq_version__}, "
          f"Python {sys.version.split()[0]} ({sys.executable})")
    try:
        for q in queries:
            check(conn, database, *q)
    finally:
        conn.close()
    print(f"psycopg: all {len(queries)} queries pass" if failures == 0 else f"psycopg: {failures} failures")
    sys.exit(0 if failures == 0 else 1)


if __name__ == "__main__":
    main()
