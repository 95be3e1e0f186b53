#!/usr/bin/env python3
"""add_column.py BUNDLE FILE COLUMN CELL MATCH_COL PREFIX -- adds COLUMN to
BUNDLE/FILE (a bundle CSV file, comma, UTF-8) with CELL in the records whose
column number MATCH_COL starts with PREFIX, empty elsewhere. The recording
tests use it to give a procedure or a news item a ghi_am cell."""
import csv
import sys

bundle, name, column, cell, match_col, prefix = sys.argv[1:]
path = f"{bundle}/{name}"
with open(path, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
rows[0].append(column)
for r in rows[1:]:
    r.append(cell if r[int(match_col)].startswith(prefix) else "")
with open(path, "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
