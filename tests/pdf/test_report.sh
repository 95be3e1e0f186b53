#!/usr/bin/env bash
# The commune's report (issue 13): a known first quarter of 2026 goes into
# the events store — an events file of the old format (before ratings) with
# three old rows, then the kiosk's API (report_fill) — and `motcua report`
# makes the PDF and the CSV files. Every figure is read back from the PDF
# with pdftotext; the CSV files are parsed with ";" and their totals rows
# checked. Events one second before and at the first second after the
# quarter must not count.
. "$MOTCUA_SRC/tests/cli/lib.sh"
FILL=${1:?usage: test_report.sh REPORT_FILL}
need pdftotext sqlite3 python3
export TZ=Asia/Ho_Chi_Minh
mkdir -p "$MOTCUA_STORE"
DB="$MOTCUA_STORE/events.sqlite"
T=$(date -d '2026-02-15 10:00' +%s)
# The file as the kiosk wrote it before ratings were added.
sqlite3 -batch "$DB" "PRAGMA journal_mode=WAL;
CREATE TABLE event(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL,
 subject_key TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX event_kind ON event(kind, subject_key);
INSERT INTO event(kind, subject, subject_key, at) VALUES
 ('rating', '4', '4', $T), ('view', '9.999999', '9.999999', $T), ('print', '1.000110', '1.000110', $T);" >/dev/null \
	|| { fail "cannot make the old events file"; finish; }
"$FILL" "$DB" || fail "report_fill: the events store did not take the quarter as recorded"

run 0 report --quarter 1 --year 2026 -o "$TMP/q1.pdf" --csv "$TMP"
expect_in "$OUT" "motcua-bao-cao-20260101-20260331" "the CSV folder is named after the period"
pdftotext -layout "$TMP/q1.pdf" "$TMP/q1.txt" 2>/dev/null || { fail "pdftotext cannot read the report"; finish; }
TXT=$(tr -s ' ' < "$TMP/q1.txt")

# line REGEX WHAT: one line of the PDF's text matches (spaces squeezed)
line() { grep -qE -- "$1" <<<"$TXT" || fail "report PDF: $2 (no line matching '$1')"; }
line "^ ?BÁO CÁO$" "the title"
line "Quý I năm 2026 \(từ ngày 01/01/2026 đến ngày 31/03/2026\)" "the period"
line "Lượt sử dụng kiosk \(phiên của người dân\) 37$" "37 sessions"
line "^ ?Lượt xem thủ tục 276$" "276 procedure views"
line "Phiếu in \(hướng dẫn, tóm tắt, biểu mẫu\) 16$" "16 prints"
line "Tìm kiếm không có kết quả 7$" "7 searches that found nothing"
line "Lượt đánh giá mức độ hài lòng 16$" "16 ratings"
line "Tỷ lệ hài lòng \(mức 4 và 5\) 62,5 %$" "62.5 % satisfied (10 of 16)"
line "^ ?Lượt tra cứu hồ sơ 8$" "8 dossier lookups"
line "Tỷ lệ hồ sơ quá hạn khi tra cứu 25,0 %$" "25 % overdue (2 of 8)"
# views by field (the bar chart's labels and values)
line "^ ?Hộ tịch 171$" "171 views of Hộ tịch"
line "^ ?Đăng ký, quản lý cư trú 50$" "50 views of cư trú"
line "^ ?Chứng thực 40$" "40 views of Chứng thực"
line "^ ?Hòa giải ở cơ sở 9$" "9 views of Hòa giải ở cơ sở"
line "^ ?Nuôi con nuôi 5$" "5 views of Nuôi con nuôi"
line "^ ?\(không còn trong danh mục\) 1$" "a code no longer in the catalogue"
# the top 20 by name, in order; the 21st and 22nd left out
line "^ ?1 Thủ tục đăng ký nhận cha, mẹ, con có yếu tố nước ngoài tại khu vực biên" "the most viewed procedure first"
line "^ ?9 Thủ tục đăng ký kết hôn \(1.000894\) 15 0$" "9th: đăng ký kết hôn, 15 views"
line "^ ?13 Đăng ký tạm trú \(1.004194\) 11 3$" "13th: đăng ký tạm trú, 11 views, 3 prints"
line "^ ?20 Thủ tục thực hiện hỗ trợ khi hòa giải viên gặp .* 4 0$" "20th: 2.000424 with 4 views"
expect_not_in "$TXT" "(2.001255)" "the 21st procedure is not in the top 20"
expect_not_in "$TXT" "(2.001263)" "the 22nd procedure is not in the top 20"
grep -qE "^ ?21 " <<<"$TXT" && fail "a 21st procedure is listed"
# sheets and forms
line "^ ?Hướng dẫn đầy đủ 7$" "7 full guides"
line "^ ?Tóm tắt 1 trang 5$" "5 summaries"
line "^ ?Biểu mẫu \(tờ khai\) 3$" "3 forms"
line "^ ?Không rõ loại \(số liệu cũ\) 1$" "the old file's print of no kind"
# searches that found nothing, grouped, as last typed, most first
line "^ ?1 cap phep xay dung 4$" "'cap phep xay dung' 4 times (one typed with marks)"
line "^ ?2 dang ky xe may 2$" "'dang ky xe may' twice"
line "^ ?3 =1\+1 1$" "'=1+1' once"
line "^ ?Tổng cộng 7$" "7 in all"
expect_not_in "$TXT" "ngoai ky" "a search outside the quarter"
# ratings by level and reason, with the Decision 766 kinds
line "^ ?Rất hài lòng 6$" "6 very satisfied"
line "^ ?Hài lòng 4$" "4 satisfied (one from the old file)"
line "^ ?Bình thường 2$" "2 neutral"
line "^ ?Không hài lòng 3$" "3 dissatisfied"
line "^ ?Rất không hài lòng 1$" "1 very dissatisfied"
line "Thời gian giải quyết Quy định, thủ tục hành chính 1$" "reason: time, a procedure complaint"
line "Giấy tờ phải nộp Quy định, thủ tục hành chính 1$" "reason: papers, a procedure complaint"
line "Thái độ của cán bộ Hành vi công chức 1$" "reason: attitude, a conduct complaint"
line "Phải đi lại nhiều lần Hành vi công chức 1$" "reason: back and forth, a conduct complaint"
line "Lý do khác Quy định, thủ tục hành chính 0$" "reason: other, none in the quarter"
line "Cộng: Quy định, thủ tục hành chính 2$" "2 procedure complaints"
line "Cộng: Hành vi công chức 2$" "2 conduct complaints"
line "Đánh giá gắn với mã hồ sơ 2$" "2 ratings tied to a dossier"
# dossier lookups
line "^ ?Đã tiếp nhận 2$" "2 lookups of received dossiers"
line "^ ?Đang xử lý 3$" "3 lookups in progress"
line "^ ?Chờ bổ sung 2$" "2 lookups waiting for papers"
line "^ ?Đã có kết quả 1$" "1 lookup with a result"
line "Hồ sơ quá hạn khi tra cứu 2$" "2 overdue"
line "Tỷ lệ quá hạn 25,0 %$" "25 % overdue"
line "Trang 1/[0-9]" "page numbers"

# The CSV files, as Excel on a Vietnamese PC reads them.
DIR="$TMP/motcua-bao-cao-20260101-20260331"
python3 - "$DIR" <<'PY' || fail "the CSV files (see above)"
import csv, io, os, sys
d = sys.argv[1]
bad = 0
def err(m):
    global bad
    print("FAIL: " + m, file=sys.stderr); bad += 1
def table(name):
    raw = open(os.path.join(d, name), "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"): err(name + ": no UTF-8 BOM")
    body = raw[3:]
    if body.count(b"\n") != body.count(b"\r\n"): err(name + ": a line ends without CRLF")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline=""), delimiter=";"))
    widths = {len(r) for r in rows}
    if len(widths) != 1: err(f"{name}: rows of different widths {widths}")
    return rows
def total_ok(name, rows, label_col, cols):
    body = [r for r in rows[1:] if r[label_col] != "Tổng cộng"]
    tot = [r for r in rows[1:] if r[label_col] == "Tổng cộng"]
    if len(tot) != 1 or tot[0] is not rows[-1]: err(name + ": no single totals row at the end"); return
    for c in cols:
        s = sum(int(r[c]) for r in body)
        if s != int(tot[0][c]): err(f"{name}: column {rows[0][c]} adds up to {s}, the totals row says {tot[0][c]}")
def want(name, got, exp):
    if got != exp: err(f"{name}: {got!r}, want {exp!r}")
f = table("luot_xem_theo_linh_vuc.csv")
want("field headings", f[0], ["STT", "Lĩnh vực", "Lượt xem", "Lượt in"])
total_ok("luot_xem_theo_linh_vuc.csv", f, 1, [2, 3])
want("views and prints by field", {r[1]: (r[2], r[3]) for r in f[1:]},
     {"Hộ tịch": ("171", "10"), "Đăng ký, quản lý cư trú": ("50", "3"), "Chứng thực": ("40", "3"),
      "Hòa giải ở cơ sở": ("9", "0"), "Nuôi con nuôi": ("5", "0"),
      "(không còn trong danh mục)": ("1", "0"), "Tổng cộng": ("276", "16")})
p = table("luot_xem_theo_thu_tuc.csv")
total_ok("luot_xem_theo_thu_tuc.csv", p, 2, [4, 5])
want("procedures listed", len(p) - 2, 23)
want("first procedure", p[1][1:3], ["1.000080", "Thủ tục đăng ký nhận cha, mẹ, con có yếu tố nước ngoài tại khu vực biên giới"])
q = table("tim_kiem_khong_co_ket_qua.csv")
total_ok("tim_kiem_khong_co_ket_qua.csv", q, 1, [2])
want("searches", [r[1:] for r in q[1:]], [["cap phep xay dung", "4"], ["dang ky xe may", "2"], ["'=1+1", "1"], ["Tổng cộng", "7"]])
r = table("danh_gia_theo_muc_do.csv")
total_ok("danh_gia_theo_muc_do.csv", r, 0, [1])
want("ratings by level", [x[:2] for x in r[1:]], [["Rất hài lòng", "6"], ["Hài lòng", "4"], ["Bình thường", "2"],
     ["Không hài lòng", "3"], ["Rất không hài lòng", "1"], ["Tổng cộng", "16"]])
want("share of very satisfied", r[1][2], "37,5")
x = table("danh_gia_ly_do.csv")
total_ok("danh_gia_ly_do.csv", x, 0, [2])
want("reasons", {a[0]: a[1:] for a in x[1:-1]}, {"Thời gian giải quyết": ["Quy định, thủ tục hành chính", "1"],
     "Giấy tờ phải nộp": ["Quy định, thủ tục hành chính", "1"], "Thái độ của cán bộ": ["Hành vi công chức", "1"],
     "Phải đi lại nhiều lần": ["Hành vi công chức", "1"], "Lý do khác": ["Quy định, thủ tục hành chính", "0"],
     "Không nêu lý do": ["", "0"]})
l = table("tra_cuu_ho_so.csv")
total_ok("tra_cuu_ho_so.csv", l, 0, [1, 2])
want("lookups", l[-1], ["Tổng cộng", "8", "2"])
s = {a[0]: a[1] for a in table("tong_hop.csv")[1:]}
for k, v in {"Lượt sử dụng kiosk": "37", "Lượt xem thủ tục": "276", "Phiếu in": "16", "- Biểu mẫu": "3",
             "Tìm kiếm không có kết quả": "7", "Lượt đánh giá": "16", "Tỷ lệ hài lòng (%)": "62,5",
             "Lượt tra cứu hồ sơ": "8", "Tỷ lệ hồ sơ quá hạn khi tra cứu (%)": "25,0", "Kỳ báo cáo": "Quý I năm 2026"}.items():
    want("summary " + k, s.get(k), v)
sys.exit(1 if bad else 0)
PY

# The other periods: a half-year takes in the same quarter; the last
# quarter of 2025 holds only what was recorded at its last second.
run 0 report --half 1 --year 2026 -o "$TMP/h1.pdf"
pdftotext -layout "$TMP/h1.pdf" - 2>/dev/null | tr -s ' ' | grep -qE "6 tháng đầu năm 2026 \(từ ngày 01/01/2026 đến ngày 30/06/2026\)" \
	|| fail "the half-year's period"
run 0 report --from 01/10/2025 --to 31/12/2025 -o "$TMP/q4.pdf"
Q4=$(pdftotext -layout "$TMP/q4.pdf" - 2>/dev/null | tr -s ' ')
grep -qE "Lượt sử dụng kiosk \(phiên của người dân\) 6$" <<<"$Q4" || fail "Q4 2025: the 6 sessions of its last second"
grep -qE "^ ?Lượt xem thủ tục 50$" <<<"$Q4" || fail "Q4 2025: the 50 views of its last second"
# usage errors
run 2 report --quarter 5 --year 2026 -o "$TMP/x.pdf"
run 2 report --from 31/02/2026 --to 01/03/2026 -o "$TMP/x.pdf"
run 2 report --from 02/03/2026 --to 01/03/2026 -o "$TMP/x.pdf"
run 2 report --year 2026
[ -e "$TMP/x.pdf" ] && fail "a report was written for a wrong period"
finish
