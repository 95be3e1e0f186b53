# motcua search / show on the sample catalogue (data/motcua, real records),
# through the real binary: what a citizen types finds the procedure, however
# it is spelled, and show prints every field under its heading.
. "$(dirname "$0")/lib.sh"

# --- the first search fills the empty store from the sample bundle ---
run 0 search "dang ky khai sinh"
PLAIN=$OUT
FIRST=$(printf '%s\n' "$PLAIN" | head -1)
expect_in "$FIRST" "1.001193	Thủ tục đăng ký khai sinh" "best match for 'dang ky khai sinh'"
[ -f "$MOTCUA_STORE/catalog.sqlite" ] || fail "the sample was not installed into the empty store"
N=$(printf '%s\n' "$PLAIN" | wc -l)
[ "$N" -ge 3 ] || fail "'dang ky khai sinh' found only $N procedure(s)"
# Every line is CODE<TAB>NAME.
printf '%s\n' "$PLAIN" | grep -qvE $'^[0-9]\\.[0-9]{6}[^\t ]*\t.' &&
	fail "a result line is not CODE<TAB>NAME"

# --- the same words with diacritics or in capitals: the same list ---
for q in "Đăng ký khai sinh" "ĐĂNG KÝ KHAI SINH" "  đăng ký,  KHAI-sinh "; do
	run 0 search "$q"
	[ "$OUT" = "$PLAIN" ] || fail "search '$q' differs from 'dang ky khai sinh': $(printf '%s' "$OUT" | head -3)"
done
# Words given as separate arguments are one query.
run 0 search dang ky khai sinh
[ "$OUT" = "$PLAIN" ] || fail "search with separate words differs"

# --- type-as-you-go: the last word is a prefix ---
run 0 search "dang ky khai s"
expect_in "$(printf '%s\n' "$OUT" | head -1)" "1.001193" "prefix of the last word"
run 0 search "ket h"
for i in 1 2 3; do
	expect_in "$(printf '%s\n' "$OUT" | sed -n "${i}p")" "kết hôn" "prefix 'ket h', result $i"
done

# --- a typo in one word still finds it ---
run 0 search "dang ky kahi sinh"
expect_in "$OUT" "1.001193	Thủ tục đăng ký khai sinh" "a typo in one word"

# --- the code, in full or in part ---
for q in 1.001193 001193 1.0011 1001193; do
	run 0 search "$q"
	expect_in "$(printf '%s\n' "$OUT" | head -1)" "1.001193	" "code typed as '$q'"
done

# --- what a citizen cannot break: FTS syntax is just text ---
for q in '"' 'AND (' '*' 'NEAR' 'NEAR(dang ky)' 'khai OR' '{name}: x' "'" '-1'; do
	run 0 search "$q"
	expect_not_in "$ERR" "error" "search '$q' reported an error"
done
run 0 search "xyzzy qwerty"
[ -z "$OUT" ] || fail "nonsense found something: $OUT"

# --- show: every field under its heading (English) ---
run 0 show 1.001193
expect_in "$(printf '%s\n' "$OUT" | head -1)" "Thủ tục đăng ký khai sinh" "show starts with the name"
expect_in "$OUT" "Procedure code: 1.001193" "show: the code"
for h in "Field:" "Steps:" "How to apply:" "Documents to submit:" "Processing time:" \
	 "Fees and charges:" "Legal basis:" "Questions and answers:"; do
	expect_in "$OUT" "$h" "show: heading $h"
done
expect_in "$OUT" "   1. Nếu lựa chọn hình thức nộp hồ sơ trực tiếp" "show: step 1 numbered"
expect_in "$OUT" "   8. Công chức tư pháp - hộ tịch thẩm tra hồ sơ" "show: step 8 numbered"
expect_in "$OUT" "Quantity: 1 bản chính" "show: a document's quantity"
expect_in "$OUT" "Question: Sinh con bao lâu thì phải đi đăng ký khai sinh?" "show: the FAQ"
expect_in "$OUT" "Hộ tịch" "show: the field"
# Headings come in the sheet's order.
STEPS=$(printf '%s\n' "$OUT" | grep -n '^Steps:' | cut -d: -f1)
DOCS=$(printf '%s\n' "$OUT" | grep -n '^Documents to submit:' | cut -d: -f1)
LEGAL=$(printf '%s\n' "$OUT" | grep -n '^Legal basis:' | cut -d: -f1)
[ "${STEPS:-0}" -lt "${DOCS:-0}" ] && [ "${DOCS:-0}" -lt "${LEGAL:-0}" ] ||
	fail "headings out of order: steps $STEPS, documents $DOCS, legal $LEGAL"
# Fields the record leaves empty get no heading.
expect_not_in "$OUT" "Requirements and conditions:" "show: empty field has no heading"

# --- show in Vietnamese, the default ---
MOTCUA_LANG=vi run 0 show 1.001193
for h in "Mã thủ tục: 1.001193" "Trình tự thực hiện:" "Thành phần hồ sơ:" "Thời hạn giải quyết:" \
	 "Căn cứ pháp lý:" "Câu hỏi thường gặp:" "Số lượng: 1 bản chính"; do
	expect_in "$OUT" "$h" "show (vi): $h"
done

# --- a code that does not exist: exit 1 and say so ---
run 1 show 9.999999
expect_in "$ERR" "no procedure has the code 9.999999" "unknown code"
[ -z "$OUT" ] || fail "unknown code printed something on stdout"
run 2 show
finish
