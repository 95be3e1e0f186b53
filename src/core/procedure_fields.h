/* procedure_fields — a procedure's fields as a table, in the order of the
 * printed sheet (DESIGN §6).
 *
 * The sheet, the kiosk's detail screen and `motcua show` all walk the same
 * table, so a field is added or reordered in one place. Each entry has the
 * English heading msgid (translate it with _()), the fixed Vietnamese heading
 * the PDF sheet always prints, and how its value is laid out.
 *
 *	procedure_fields_iter it;
 *	procedure_field f;
 *	procedure_fields_begin(&it, p);
 *	while (procedure_fields_next(&it, &f))
 *		draw(_(f.def->heading), f.text, f.items);
 *
 * The code and name are the sheet's title, not fields; tu_khoa (keywords) is
 * for search only and is never listed. FAQ lives in its own table: its
 * headings are the PROCEDURE_FIELDS_FAQ_* macros below. */
#ifndef MOTCUA_PROCEDURE_FIELDS_H
#define MOTCUA_PROCEDURE_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "i18n.h"
#include "model.h"

/* How a field's value is laid out. */
typedef enum procedure_field_kind {
	PROCEDURE_FIELD_TEXT,     /* one string (may hold line breaks) */
	PROCEDURE_FIELD_NUMBERED, /* item_list shown 1., 2., 3. (steps) */
	PROCEDURE_FIELD_LIST,     /* item_list shown as bullets (legal basis) */
	PROCEDURE_FIELD_PAIRS,    /* item_list of text + extra: the extra is a
	                           * second column (channel | description,
	                           * document | quantity, form | forms/FILE.pdf) */
} procedure_field_kind;

/* Which field, for callers that treat one specially (the URL becomes a QR
 * code, forms are printable blobs, documents are a table). */
typedef enum procedure_field_id {
	PROCEDURE_FIELD_FIELD,          /* linh_vuc */
	PROCEDURE_FIELD_LEVEL,          /* cap_thuc_hien */
	PROCEDURE_FIELD_STEPS,          /* trinh_tu */
	PROCEDURE_FIELD_CHANNELS,       /* cach_thuc */
	PROCEDURE_FIELD_DOCUMENTS,      /* thanh_phan_ho_so */
	PROCEDURE_FIELD_DOC_COUNT,      /* so_luong_ho_so */
	PROCEDURE_FIELD_FORMS,          /* mau_don */
	PROCEDURE_FIELD_DEADLINE,       /* thoi_han */
	PROCEDURE_FIELD_FEES,           /* phi_le_phi */
	PROCEDURE_FIELD_SUBJECTS,       /* doi_tuong */
	PROCEDURE_FIELD_AGENCY,         /* co_quan_thuc_hien */
	PROCEDURE_FIELD_RESULT,         /* ket_qua */
	PROCEDURE_FIELD_CONDITIONS,     /* yeu_cau_dieu_kien */
	PROCEDURE_FIELD_LEGAL,          /* can_cu_phap_ly */
	PROCEDURE_FIELD_DECISION,       /* quyet_dinh_cong_bo */
	PROCEDURE_FIELD_EFFECTIVE_DATE, /* ngay_hieu_luc */
	PROCEDURE_FIELD_STATUS,         /* trang_thai */
	PROCEDURE_FIELD_ONLINE_LEVEL,   /* muc_do_dvc */
	PROCEDURE_FIELD_URL,            /* url */
	PROCEDURE_FIELD_ADDRESS,        /* dia_chi_tiep_nhan */
	PROCEDURE_FIELD_REPLACED_BY,    /* ma_thu_tuc_thay_the */
	PROCEDURE_FIELD_COUNT
} procedure_field_id;

/* One row of the table; static data. */
typedef struct procedure_field_def {
	procedure_field_id id;
	const char *key;        /* bundle column: "trinh_tu" */
	const char *heading;    /* English msgid: "Steps"; show _(heading) */
	const char *heading_vi; /* fixed Vietnamese heading: "Trình tự thực hiện" */
	procedure_field_kind kind;
	/* For PROCEDURE_FIELD_PAIRS: the headings of the two columns
	 * ("Document" / "Quantity"), msgid and Vietnamese; NULL otherwise. */
	const char *text_heading, *text_heading_vi;
	const char *extra_heading, *extra_heading_vi;
	size_t offset; /* offsetof(procedure, member) */
} procedure_field_def;

/* A field of one procedure, as the iterator yields it. */
typedef struct procedure_field {
	const procedure_field_def *def;
	const char *text;       /* PROCEDURE_FIELD_TEXT: non-empty; else NULL */
	const item_list *items; /* list kinds: at least one item; else NULL */
} procedure_field;

/* The whole table in sheet order; *n gets PROCEDURE_FIELD_COUNT. Static. */
const procedure_field_def *procedure_fields_table(size_t *n);

/* The table row of one field. */
const procedure_field_def *procedure_fields_def(procedure_field_id id);

/* Fills *out with field def of p, whether empty or not; returns true when
 * it has content (a non-empty string, or a list with at least one item). */
bool procedure_fields_get(const procedure *p, const procedure_field_def *def, procedure_field *out);

/* Iterator over the non-empty fields of p in sheet order. It keeps a pointer
 * to p, which must outlive it; nothing to free. */
typedef struct procedure_fields_iter {
	const procedure *p;
	size_t next;
} procedure_fields_iter;

void procedure_fields_begin(procedure_fields_iter *it, const procedure *p);
/* Yields the next non-empty field into *out; false when there are no more. */
bool procedure_fields_next(procedure_fields_iter *it, procedure_field *out);

/* Headings outside the table: the code line and the FAQ section (whose
 * rows come from catalog_faqs), msgid and fixed Vietnamese form. */
#define PROCEDURE_FIELDS_CODE_HEADING N_("Procedure code")
#define PROCEDURE_FIELDS_CODE_HEADING_VI "Mã thủ tục"
#define PROCEDURE_FIELDS_FAQ_HEADING N_("Questions and answers")
#define PROCEDURE_FIELDS_FAQ_HEADING_VI "Câu hỏi thường gặp"
#define PROCEDURE_FIELDS_QUESTION N_("Question")
#define PROCEDURE_FIELDS_QUESTION_VI "Hỏi"
#define PROCEDURE_FIELDS_ANSWER N_("Answer")
#define PROCEDURE_FIELDS_ANSWER_VI "Đáp"
/* What a repealed procedure says first, on every page that shows it. */
#define PROCEDURE_FIELDS_REPEALED N_("This procedure has been repealed")
#define PROCEDURE_FIELDS_REPEALED_VI "Thủ tục này đã bãi bỏ"

#endif
