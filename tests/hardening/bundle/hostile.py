#!/usr/bin/env python3
"""hostile.py KIND OUTDIR — writes a bundle that stays within every limit of
DESIGN §3 (src/core/bundle.h) but is built to cost the reader as much memory
as it can. Used by test_memory.py; `hostile.py list` prints the kinds."""
import os
import sys

MIB = 1 << 20
PROCS_CSV = 80 * MIB  # BUNDLE_MAX_PROCS_CSV
CSV = 32 * MIB        # BUNDLE_MAX_CSV
CELL = 64 * 1024      # BUNDLE_MAX_CELL
FORM = 20 * MIB       # BUNDLE_MAX_FORM
TOTAL = 256 * MIB     # BUNDLE_MAX_TOTAL
TEXT = 96 * MIB       # BUNDLE_MAX_TEXT: every CSV file together

PROC_HEAD = ("ma_thu_tuc,ten_thu_tuc,linh_vuc,trinh_tu,thanh_phan_ho_so,thoi_han,"
             "cach_thuc,can_cu_phap_ly,mau_don\n")
INI = ("[bundle]\ndon_vi = UBND xã Chiềng Sơn\nphien_ban = {v}\n"
       "ngay_ban_hanh = 24/11/2026\nnguoi_lap = hostile.py\n")
HOTLINES = "co_quan,dien_thoai\nUBND xã,0212 000 0001\n"


def fill(f, unit, limit):
    """Writes unit (bytes) repeatedly while the file stays within limit."""
    n = (limit - f.tell()) // len(unit)
    chunk = unit * max(1, (1 << 20) // len(unit))
    per = (1 << 20) // len(unit) or 1
    while n >= per:
        f.write(chunk)
        n -= per
    f.write(unit * n)


def base(out, version=1):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "bundle.ini"), "w", encoding="utf-8") as f:
        f.write(INI.format(v=version))
    with open(os.path.join(out, "hotlines.csv"), "w", encoding="utf-8") as f:
        f.write(HOTLINES)


def procs(out):
    return open(os.path.join(out, "procedures.csv"), "wb")


def valid_row(i, name=b"Th\xe1\xbb\xa7 t\xe1\xbb\xa5c", steps=b"N\xe1\xbb\x99p", forms=b""):
    return b"1.%06d,%s,H\xe1\xbb\x99 t\xe1\xbb\x8bch,%s,T\xe1\xbb\x9d khai,5 ng\xc3\xa0y,,,%s\n" % (
        i, name, steps, forms)


def k_one_char_rows(out):
    """The file limit filled with one-character rows (break 7 of issue 9)."""
    base(out)
    with procs(out) as f:
        f.write(PROC_HEAD.encode())
        fill(f, b"a\n", PROCS_CSV)


def k_issue_31mib(out):
    """The bundle of issue 9: a 31 MiB procedures.csv of one-character rows
    (1.4 GB for a check before the reader streamed)."""
    base(out)
    with procs(out) as f:
        f.write(PROC_HEAD.encode())
        fill(f, b"a\n", 31 * MIB)


def k_empty_rows(out):
    """Rows of delimiters only: blank, skipped, never stored."""
    base(out)
    with procs(out) as f:
        f.write(PROC_HEAD.encode())
        f.write(valid_row(1))
        fill(f, b",,,,,,,,\n", PROCS_CSV)


def k_huge_cells(out):
    """Valid procedures whose name is a 64 KiB cell, up to the file limit."""
    base(out)
    name = b'"' + (b"x" * (CELL - 2)) + b'"'
    with procs(out) as f:
        f.write(PROC_HEAD.encode())
        i = 0
        while f.tell() + CELL + 200 < PROCS_CSV:
            f.write(valid_row(i, name=name))
            i += 1


def k_huge_bad_codes(out):
    """Every row an error quoting a 64 KiB cell."""
    base(out)
    with procs(out) as f:
        f.write(PROC_HEAD.encode())
        row = b"x" * (CELL - 1) + b",n,l,s,d,t\n"
        fill(f, row, PROCS_CSV)


def k_list_items(out):
    """List cells of one-character items: 32,000 items a cell."""
    base(out)
    steps = b'"' + b"a\n" * (CELL // 2 - 2) + b'a"'
    with procs(out) as f:
        f.write(PROC_HEAD.encode())
        i = 0
        while f.tell() + CELL + 200 < PROCS_CSV:
            f.write(valid_row(i, steps=steps))
            i += 1


def k_many_columns(out):
    """256 columns (the cell limit of a row) of one character, every row."""
    base(out)
    head = PROC_HEAD.rstrip("\n") + "".join(",c%d" % i for i in range(256 - 9)) + "\n"
    with procs(out) as f:
        f.write(head.encode())
        f.write(valid_row(1))
        fill(f, b"a," * 255 + b"a\n", PROCS_CSV)


def k_wide_row(out):
    """One row of millions of one-character cells."""
    base(out)
    with procs(out) as f:
        f.write(PROC_HEAD.encode())
        f.write(valid_row(1))
        fill(f, b"a,", PROCS_CSV)


def long_text_tables(out, procs_limit, per_table):
    """procedures.csv up to procs_limit and every other table up to
    per_table, with valid records of long text."""
    base(out)
    text = '"' + "Trình tự thực hiện dài " * 1400 + '"'  # ~43 KB a cell
    tb = text.encode()
    with procs(out) as f:
        f.write(PROC_HEAD.encode())
        i = 0
        while f.tell() + len(tb) + 300 < procs_limit:
            f.write(valid_row(i, name=tb))
            i += 1
    n_procs = i
    tables = {
        "faq.csv": ("ma_thu_tuc,cau_hoi,tra_loi\n", lambda k: b"1.%06d,%s,a\n" % (k % n_procs, tb)),
        "feedback.csv": ("ngay,noi_dung\n", lambda k: b"01/01/2024,%s\n" % tb),
        "news.csv": ("ngay,tieu_de,noi_dung\n", lambda k: b"01/01/2024,t,%s\n" % tb),
        "indices.csv": ("chi_so,nam,don_vi,diem,ghi_chu\n",
                        lambda k: b"PAPI,2023,x,1,%s\n" % tb),
        "hotlines.csv": ("co_quan,dien_thoai,dia_chi\n",
                         lambda k: b"UBND,0212 000 0001,%s\n" % tb),
    }
    for name, (head, row) in tables.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(head.encode())
            k = 0
            while f.tell() + len(tb) + 100 < per_table:
                f.write(row(k))
                k += 1


def k_every_table(out):
    """Every CSV file filled with valid records of long text, up to the
    96 MiB all of them may hold together."""
    long_text_tables(out, 40 * MIB, (TEXT - 41 * MIB) // 5)


def k_text_and_forms(out):
    """96 MiB of text and forms up to the 256 MiB of the bundle."""
    long_text_tables(out, 40 * MIB, (TEXT - 41 * MIB) // 5)
    os.makedirs(os.path.join(out, "forms"), exist_ok=True)
    n = (TOTAL - TEXT - 2 * MIB) // FORM
    with open(os.path.join(out, "procedures.csv"), "ab") as f:
        for k in range(n):
            f.write(valid_row(900000 + k, forms=b"M\xe1\xba\xabu | forms/f%02d.pdf" % k))
    for k in range(n):
        with open(os.path.join(out, "forms", "f%02d.pdf" % k), "wb") as f:
            f.write(b"%PDF-1.4\n")
            fill(f, b"%" + bytes([65 + k]) * 1023 + b"\n", FORM)


def k_forms(out):
    """Forms at their size limit up to the bundle's, each referenced."""
    base(out)
    os.makedirs(os.path.join(out, "forms"), exist_ok=True)
    n = (TOTAL - 2 * MIB) // FORM
    for k in range(n):
        with open(os.path.join(out, "forms", "f%02d.pdf" % k), "wb") as f:
            f.write(b"%PDF-1.4\n")
            fill(f, b"%" + bytes([65 + k]) * 1023 + b"\n", FORM)
    with procs(out) as f:
        f.write(PROC_HEAD.encode())
        for k in range(n):
            f.write(valid_row(k, forms=b"M\xe1\xba\xabu | forms/f%02d.pdf" % k))


def k_forms_over_total(out):
    """More forms than the bundle may hold (48 at the form limit, 960 MiB),
    each referenced: the reader must stop at the bundle's limit, not keep
    them all. Sparse files: nothing much on the disk."""
    base(out)
    os.makedirs(os.path.join(out, "forms"), exist_ok=True)
    n = 48
    for k in range(n):
        with open(os.path.join(out, "forms", "f%02d.pdf" % k), "wb") as f:
            f.write(b"%PDF-1.4\n")
            f.truncate(FORM)
    with procs(out) as f:
        f.write(PROC_HEAD.encode())
        for k in range(n):
            f.write(valid_row(k, forms=b"M\xe1\xba\xabu | forms/f%02d.pdf" % k))


def k_case_variants(out):
    """procedures.csv under three spellings, each at the limit."""
    k_one_char_rows(out)
    src = os.path.join(out, "procedures.csv")
    for alias in ("Procedures.csv", "PROCEDURES.CSV"):
        os.link(src, os.path.join(out, alias))


def k_many_languages(out):
    """20,000 procedures of short rows and 200 languages (dich/LANG/) each
    translating every one with a two-cell row: 44 MB of CSV, 4,000,000
    records of ~440 bytes each in memory (the translated records' limit)."""
    base(out)
    with procs(out) as f:
        f.write(PROC_HEAD.encode())
        for k in range(20000):
            f.write(valid_row(k))
    body = b"ma_thu_tuc,ten_thu_tuc\n" + b"".join(b"1.%06d,x\n" % k for k in range(20000))
    for i in range(200):
        lang = os.path.join(out, "dich", "q%c%c" % (97 + i // 26, 97 + i % 26))
        os.makedirs(lang)
        with open(os.path.join(lang, "procedures.csv"), "wb") as f:
            f.write(body)


KINDS = {k[2:]: v for k, v in globals().items() if k.startswith("k_")}

if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "list":
        print("\n".join(KINDS))
        sys.exit(0)
    if len(sys.argv) != 3 or sys.argv[1] not in KINDS:
        sys.exit("usage: hostile.py KIND|list OUTDIR")
    KINDS[sys.argv[1]](sys.argv[2])
