/* model — the catalogue as plain data.
 *
 * One in-memory shape shared by the bundle reader (which fills it from CSV),
 * the catalogue store (which writes it to and reads it from SQLite), the
 * bundle writer (export), the PDF sheet and the kiosk. Every string is
 * NFC-normalised UTF-8 owned by the struct that holds it; NULL and "" both
 * mean "empty". Free with the matching *_clear / *_free function. */
#ifndef MOTCUA_MODEL_H
#define MOTCUA_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* One line of a "list" cell: `text` or `text | extra`. */
typedef struct item {
	char *text;
	char *extra; /* NULL when the line had no " | " part */
} item;

typedef struct item_list {
	item *v;
	size_t n, cap;
} item_list;

/* One administrative procedure; field comments give the bundle column. */
typedef struct procedure {
	char *code;           /* ma_thu_tuc */
	char *name;           /* ten_thu_tuc */
	char *field;          /* linh_vuc */
	char *level;          /* cap_thuc_hien */
	item_list steps;      /* trinh_tu */
	item_list channels;   /* cach_thuc: channel | description */
	item_list documents;  /* thanh_phan_ho_so: document | quantity */
	char *doc_count;      /* so_luong_ho_so */
	char *deadline;       /* thoi_han */
	char *fees;           /* phi_le_phi */
	char *subjects;       /* doi_tuong */
	char *agency;         /* co_quan_thuc_hien */
	char *result;         /* ket_qua */
	char *conditions;     /* yeu_cau_dieu_kien */
	item_list legal;      /* can_cu_phap_ly */
	item_list forms;      /* mau_don: name | forms/FILE.pdf */
	char *decision;       /* quyet_dinh_cong_bo */
	char *status;         /* trang_thai: "mới", "sửa đổi", "bổ sung", "bãi bỏ" or empty */
	char *effective_date; /* ngay_hieu_luc, dd/mm/yyyy */
	char *online_level;   /* muc_do_dvc: "toàn trình", "một phần" or empty */
	char *url;            /* url */
	char *keywords;       /* tu_khoa */
	item_list recordings; /* ghi_am: language | audio/FILE (a trusted person's voice) */
	char *address;        /* dia_chi_tiep_nhan: where the papers are handed in */
	char *replaced_by;    /* ma_thu_tuc_thay_the: the code that replaces a repealed one */
} procedure;

/* The status of a repealed procedure (trang_thai), as stored. */
#define PROCEDURE_REPEALED "bãi bỏ"

/* True when p was repealed (bãi bỏ): kept for citizens who look for it,
 * never listed as a procedure to follow. */
static inline bool procedure_repealed(const char *status)
{
	return status && !strcmp(status, PROCEDURE_REPEALED);
}

/* `translated` (faq, hotline, news): set by the catalogue's *_in readers,
 * bit j when text column j of the record's dich/ file (row_translation)
 * replaced the Vietnamese; 0 otherwise. */
typedef struct faq {
	char *code, *question, *answer;
	unsigned translated;
} faq;

typedef struct hotline {
	char *agency, *topic, *phone, *email, *address, *hours;
	int order; /* thu_tu; 0 when not given */
	unsigned translated;
} hotline;

typedef struct feedback {
	char *date; /* dd/mm/yyyy */
	char *content, *agency, *answer, *code;
} feedback;

typedef struct index_row {
	char *index;     /* "PAPI", "SIPAS" or "PAR INDEX" */
	int year;
	char *unit;      /* don_vi */
	char *dimension; /* hang_muc; NULL/"" = the total */
	double score;
	double max;      /* diem_toi_da; < 0 when not given */
	char *rank;      /* xep_hang, as published ("25/63") */
	char *note;      /* ghi_chu */
} index_row;

typedef struct news {
	char *date, *title, *body, *image;
	item_list recordings; /* ghi_am: language | audio/FILE */
	unsigned translated;
} news;

/* One row of dia_ban.csv: an old commune or ward and what it is part of
 * since the reorganisation, so citizens' papers with old addresses can be
 * read. */
typedef struct place {
	char *old_name;       /* ten_cu: "xã Chiềng Sơn" */
	char *old_district;   /* huyen_cu: the abolished district, "huyện Mộc Châu" */
	char *new_unit;       /* don_vi_moi: the commune or ward it belongs to now */
	char *province;       /* tinh: the province now */
	char *decision;       /* van_ban: the resolution that merged it */
	char *effective_date; /* ngay_hieu_luc, dd/mm/yyyy */
	char *note;           /* ghi_chu */
} place;

/* A blank form, picture or recording carried by the bundle, kept as bytes. */
typedef struct blob {
	char *name; /* "forms/x.pdf", "images/y.png", "audio/z.ogg" — as referenced, lower-case folder */
	unsigned char *data;
	size_t size;
} blob;

typedef struct bundle_info {
	char *unit;      /* don_vi */
	long version;    /* phien_ban */
	char *date;      /* ngay_ban_hanh, dd/mm/yyyy */
	char *author;    /* nguoi_lap */
	char *signer;    /* the minisign trusted comment, when signed */
} bundle_info;

/* The files of dich/LANG/ besides procedures.csv, whose rows have no code
 * of their own. */
enum { TR_NEWS, TR_HOTLINES, TR_FAQ, TR_KINDS };

/* A row of dich/LANG/news.csv, hotlines.csv or faq.csv: the Vietnamese
 * record it translates, named by two key columns (news: the date and the
 * Vietnamese title; hotlines: the phone number and the Vietnamese agency;
 * faq: the procedure code and the Vietnamese question), and the translated
 * text, NULL or "" where not translated. */
typedef struct row_translation {
	char *key, *key2;
	char *text[4]; /* the file's translatable columns, in table order */
	size_t row;    /* the Vietnamese record's index, in bundle order */
} row_translation;

/* The catalogue's text in another language (the bundle's dich/LANG/):
 * procedures with their code and only the translated fields set (NULL or
 * empty: not translated, the Vietnamese is shown); news, hotlines and
 * questions by row (TR_NEWS ...), in bundle order. */
typedef struct translation {
	char *lang; /* ISO 639 code, "hmn" */
	procedure *procs; size_t n_procs, cap_procs;
	row_translation *rows[TR_KINDS]; size_t n_rows[TR_KINDS];
} translation;

/* A whole catalogue. */
typedef struct catalog_data {
	bundle_info info;
	procedure *procs;  size_t n_procs, cap_procs;
	faq *faqs;         size_t n_faqs, cap_faqs;
	hotline *hotlines; size_t n_hotlines, cap_hotlines;
	feedback *feedbacks; size_t n_feedbacks, cap_feedbacks;
	index_row *indices; size_t n_indices, cap_indices;
	news *news;        size_t n_news, cap_news;
	place *places;     size_t n_places, cap_places;
	blob *blobs;       size_t n_blobs, cap_blobs;
	translation *translations; size_t n_translations, cap_translations; /* by lang */
	/* The bundle reader's scratch while it reads one dich/LANG/ file of rows. */
	row_translation *tr_rows; size_t n_tr_rows, cap_tr_rows;
} catalog_data;

/* Appends an item (copies both strings; extra may be NULL). */
void item_list_add(item_list *l, const char *text, const char *extra);
void item_list_clear(item_list *l);

void procedure_clear(procedure *p);
/* procedure_free(NULL) is a no-op; frees a heap procedure and its strings. */
void procedure_free(procedure *p);

/* Appends a zeroed record and returns it; the pointer is valid until the next add. */
procedure *catalog_data_add_proc(catalog_data *d);
faq *catalog_data_add_faq(catalog_data *d);
hotline *catalog_data_add_hotline(catalog_data *d);
feedback *catalog_data_add_feedback(catalog_data *d);
index_row *catalog_data_add_index(catalog_data *d);
news *catalog_data_add_news(catalog_data *d);
place *catalog_data_add_place(catalog_data *d);
blob *catalog_data_add_blob(catalog_data *d);
row_translation *catalog_data_add_tr_row(catalog_data *d);
void row_translation_clear(row_translation *r);
void translation_clear(translation *t);

/* Frees everything inside d and zeroes it. */
void catalog_data_clear(catalog_data *d);

/* True when s is NULL or "". */
static inline bool str_empty(const char *s) { return !s || !*s; }

#endif
