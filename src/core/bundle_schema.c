#include "bundle_schema.h"
#include "xalloc.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* The tables read best one column a line. */
/* clang-format off */
static const char *const status_choices[] = {"mới", "sửa đổi", "bổ sung", PROCEDURE_REPEALED, NULL};
static const char *const online_choices[] = {"toàn trình", "một phần", NULL};
static const char *const index_choices[] = {"PAPI", "SIPAS", "PAR INDEX", NULL};

#define COL(rec, key, heading, req, kind, field) \
	{key, heading, req, kind, offsetof(rec, field), NULL, false}
/* A column of the second wave (DESIGN §8): optional, exported when used. */
#define LATER(rec, key, heading, kind, field) \
	{key, heading, false, kind, offsetof(rec, field), NULL, true}
#define CHOICE(rec, key, heading, req, field, choices) \
	{key, heading, req, BUNDLE_CHOICE, offsetof(rec, field), choices, false}

static const bundle_column procedure_columns[] = {
	COL(procedure, "ma_thu_tuc", "Mã thủ tục", true, BUNDLE_CODE, code),
	COL(procedure, "ten_thu_tuc", "Tên thủ tục", true, BUNDLE_TEXT, name),
	COL(procedure, "linh_vuc", "Lĩnh vực", true, BUNDLE_TEXT, field),
	COL(procedure, "cap_thuc_hien", "Cấp thực hiện", false, BUNDLE_TEXT, level),
	COL(procedure, "trinh_tu", "Trình tự thực hiện", true, BUNDLE_LIST, steps),
	COL(procedure, "cach_thuc", "Cách thức thực hiện", false, BUNDLE_LIST, channels),
	COL(procedure, "thanh_phan_ho_so", "Thành phần hồ sơ", true, BUNDLE_LIST, documents),
	COL(procedure, "so_luong_ho_so", "Số lượng hồ sơ", false, BUNDLE_TEXT, doc_count),
	COL(procedure, "thoi_han", "Thời hạn giải quyết", true, BUNDLE_TEXT, deadline),
	COL(procedure, "phi_le_phi", "Phí, lệ phí", false, BUNDLE_TEXT, fees),
	COL(procedure, "doi_tuong", "Đối tượng thực hiện", false, BUNDLE_TEXT, subjects),
	COL(procedure, "co_quan_thuc_hien", "Cơ quan thực hiện", false, BUNDLE_TEXT, agency),
	COL(procedure, "ket_qua", "Kết quả thực hiện", false, BUNDLE_TEXT, result),
	COL(procedure, "yeu_cau_dieu_kien", "Yêu cầu, điều kiện", false, BUNDLE_TEXT, conditions),
	COL(procedure, "can_cu_phap_ly", "Căn cứ pháp lý", false, BUNDLE_LIST, legal),
	COL(procedure, "mau_don", "Mẫu đơn, tờ khai", false, BUNDLE_FORMS, forms),
	COL(procedure, "quyet_dinh_cong_bo", "Quyết định công bố", false, BUNDLE_TEXT, decision),
	CHOICE(procedure, "trang_thai", "Tình trạng", false, status, status_choices),
	COL(procedure, "ngay_hieu_luc", "Ngày hiệu lực", false, BUNDLE_DATE, effective_date),
	CHOICE(procedure, "muc_do_dvc", "Mức độ DVC trực tuyến", false, online_level, online_choices),
	COL(procedure, "url", "Đường dẫn dịch vụ công", false, BUNDLE_URL, url),
	COL(procedure, "tu_khoa", "Từ khóa", false, BUNDLE_TEXT, keywords),
	LATER(procedure, "ghi_am", "Ghi âm đọc thủ tục", BUNDLE_AUDIO, recordings),
	LATER(procedure, "dia_chi_tiep_nhan", "Địa chỉ tiếp nhận", BUNDLE_TEXT, address),
	LATER(procedure, "ma_thu_tuc_thay_the", "Thay thế bởi", BUNDLE_REPLACEMENT, replaced_by),
};

static const bundle_column faq_columns[] = {
	COL(faq, "ma_thu_tuc", "Mã thủ tục", true, BUNDLE_CODE_REF, code),
	COL(faq, "cau_hoi", "Câu hỏi", true, BUNDLE_TEXT, question),
	COL(faq, "tra_loi", "Trả lời", true, BUNDLE_TEXT, answer),
};

static const bundle_column hotline_columns[] = {
	COL(hotline, "co_quan", "Cơ quan", true, BUNDLE_TEXT, agency),
	COL(hotline, "noi_dung", "Nội dung tiếp nhận", false, BUNDLE_TEXT, topic),
	COL(hotline, "dien_thoai", "Điện thoại", true, BUNDLE_PHONE, phone),
	COL(hotline, "email", "Thư điện tử", false, BUNDLE_TEXT, email),
	COL(hotline, "dia_chi", "Địa chỉ", false, BUNDLE_TEXT, address),
	COL(hotline, "gio_tiep_nhan", "Thời gian tiếp nhận", false, BUNDLE_TEXT, hours),
	COL(hotline, "thu_tu", "Thứ tự", false, BUNDLE_ORDER, order),
};

static const bundle_column feedback_columns[] = {
	COL(feedback, "ngay", "Ngày", true, BUNDLE_DATE, date),
	COL(feedback, "noi_dung", "Nội dung phản ánh, kiến nghị", true, BUNDLE_TEXT, content),
	COL(feedback, "co_quan_tra_loi", "Cơ quan trả lời", false, BUNDLE_TEXT, agency),
	COL(feedback, "tra_loi", "Kết quả trả lời", false, BUNDLE_TEXT, answer),
	COL(feedback, "ma_thu_tuc", "Mã thủ tục", false, BUNDLE_CODE_REF, code),
};

static const bundle_column index_columns[] = {
	CHOICE(index_row, "chi_so", "Chỉ số", true, index, index_choices),
	COL(index_row, "nam", "Năm", true, BUNDLE_YEAR, year),
	COL(index_row, "don_vi", "Đơn vị", true, BUNDLE_TEXT, unit),
	COL(index_row, "hang_muc", "Hạng mục", false, BUNDLE_TEXT, dimension),
	COL(index_row, "diem", "Điểm", true, BUNDLE_SCORE, score),
	COL(index_row, "diem_toi_da", "Điểm tối đa", false, BUNDLE_MAX, max),
	COL(index_row, "xep_hang", "Xếp hạng", false, BUNDLE_TEXT, rank),
	COL(index_row, "ghi_chu", "Ý nghĩa", false, BUNDLE_TEXT, note),
};

static const bundle_column news_columns[] = {
	COL(news, "ngay", "Ngày", true, BUNDLE_DATE, date),
	COL(news, "tieu_de", "Tiêu đề", true, BUNDLE_TEXT, title),
	COL(news, "noi_dung", "Nội dung", true, BUNDLE_TEXT, body),
	COL(news, "hinh_anh", "Hình ảnh", false, BUNDLE_IMAGE, image),
	LATER(news, "ghi_am", "Ghi âm đọc tin", BUNDLE_AUDIO, recordings),
};

static const bundle_column place_columns[] = {
	COL(place, "ten_cu", "Tên cũ", true, BUNDLE_TEXT, old_name),
	COL(place, "huyen_cu", "Huyện cũ", false, BUNDLE_TEXT, old_district),
	COL(place, "don_vi_moi", "Đơn vị hiện nay", true, BUNDLE_TEXT, new_unit),
	COL(place, "tinh", "Tỉnh", false, BUNDLE_TEXT, province),
	COL(place, "van_ban", "Văn bản sắp xếp", false, BUNDLE_TEXT, decision),
	COL(place, "ngay_hieu_luc", "Ngày hiệu lực", false, BUNDLE_DATE, effective_date),
	COL(place, "ghi_chu", "Ghi chú", false, BUNDLE_TEXT, note),
};

/* The model's typed add functions, behind one signature for the tables. */
static void *add_proc(catalog_data *d) { return catalog_data_add_proc(d); }
static void *add_faq(catalog_data *d) { return catalog_data_add_faq(d); }
static void *add_hotline(catalog_data *d) { return catalog_data_add_hotline(d); }
static void *add_feedback(catalog_data *d) { return catalog_data_add_feedback(d); }
static void *add_index(catalog_data *d) { return catalog_data_add_index(d); }
static void *add_news(catalog_data *d) { return catalog_data_add_news(d); }
static void *add_place(catalog_data *d) { return catalog_data_add_place(d); }
static void *add_tr_row(catalog_data *d) { return catalog_data_add_tr_row(d); }

#define TABLE(file, req, cols, rec, arr, n, add) \
	{file, req, cols, sizeof cols / sizeof *cols, sizeof(rec), \
	 offsetof(catalog_data, arr), offsetof(catalog_data, n), add}

static const bundle_table tables[] = {
	TABLE("procedures.csv", true, procedure_columns, procedure, procs, n_procs, add_proc),
	TABLE("faq.csv", false, faq_columns, faq, faqs, n_faqs, add_faq),
	TABLE("hotlines.csv", true, hotline_columns, hotline, hotlines, n_hotlines, add_hotline),
	TABLE("feedback.csv", false, feedback_columns, feedback, feedbacks, n_feedbacks, add_feedback),
	TABLE("indices.csv", false, index_columns, index_row, indices, n_indices, add_index),
	TABLE("news.csv", false, news_columns, news, news, n_news, add_news),
	TABLE("dia_ban.csv", false, place_columns, place, places, n_places, add_place),
};

/* dich/LANG/procedures.csv: the code (a procedure of the bundle) and the
 * text a citizen reads; the order of procedures.csv. */
static const bundle_column translation_columns[] = {
	COL(procedure, "ma_thu_tuc", "Mã thủ tục", true, BUNDLE_CODE_REF, code),
	COL(procedure, "ten_thu_tuc", "Tên thủ tục", false, BUNDLE_TEXT, name),
	COL(procedure, "cap_thuc_hien", "Cấp thực hiện", false, BUNDLE_TEXT, level),
	COL(procedure, "trinh_tu", "Trình tự thực hiện", false, BUNDLE_LIST, steps),
	COL(procedure, "cach_thuc", "Cách thức thực hiện", false, BUNDLE_LIST, channels),
	COL(procedure, "thanh_phan_ho_so", "Thành phần hồ sơ", false, BUNDLE_LIST, documents),
	COL(procedure, "so_luong_ho_so", "Số lượng hồ sơ", false, BUNDLE_TEXT, doc_count),
	COL(procedure, "thoi_han", "Thời hạn giải quyết", false, BUNDLE_TEXT, deadline),
	COL(procedure, "phi_le_phi", "Phí, lệ phí", false, BUNDLE_TEXT, fees),
	COL(procedure, "doi_tuong", "Đối tượng thực hiện", false, BUNDLE_TEXT, subjects),
	COL(procedure, "co_quan_thuc_hien", "Cơ quan thực hiện", false, BUNDLE_TEXT, agency),
	COL(procedure, "ket_qua", "Kết quả thực hiện", false, BUNDLE_TEXT, result),
	COL(procedure, "yeu_cau_dieu_kien", "Yêu cầu, điều kiện", false, BUNDLE_TEXT, conditions),
};
static const bundle_table translation_table =
	TABLE("procedures.csv", true, translation_columns, procedure, procs, n_procs, add_proc);

/* dich/LANG/news.csv, hotlines.csv, faq.csv: two key columns that name
 * the Vietnamese row (a column of its file, and a "_goc" column holding the
 * Vietnamese text of another, as it was when translated), then the text a
 * citizen reads. The order of the Vietnamese file. */
static const bundle_column tr_news_columns[] = {
	COL(row_translation, "ngay", "Ngày", true, BUNDLE_DATE, key),
	COL(row_translation, "tieu_de_goc", "Tiêu đề tiếng Việt", true, BUNDLE_TEXT, key2),
	COL(row_translation, "tieu_de", "Tiêu đề", false, BUNDLE_TEXT, text[0]),
	COL(row_translation, "noi_dung", "Nội dung", false, BUNDLE_TEXT, text[1]),
};
static const bundle_column tr_hotline_columns[] = {
	COL(row_translation, "dien_thoai", "Điện thoại", true, BUNDLE_PHONE, key),
	COL(row_translation, "co_quan_goc", "Cơ quan tiếng Việt", true, BUNDLE_TEXT, key2),
	COL(row_translation, "co_quan", "Cơ quan", false, BUNDLE_TEXT, text[0]),
	COL(row_translation, "noi_dung", "Nội dung tiếp nhận", false, BUNDLE_TEXT, text[1]),
	COL(row_translation, "dia_chi", "Địa chỉ", false, BUNDLE_TEXT, text[2]),
	COL(row_translation, "gio_tiep_nhan", "Thời gian tiếp nhận", false, BUNDLE_TEXT, text[3]),
};
static const bundle_column tr_faq_columns[] = {
	COL(row_translation, "ma_thu_tuc", "Mã thủ tục", true, BUNDLE_CODE_REF, key),
	COL(row_translation, "cau_hoi_goc", "Câu hỏi tiếng Việt", true, BUNDLE_TEXT, key2),
	COL(row_translation, "cau_hoi", "Câu hỏi", false, BUNDLE_TEXT, text[0]),
	COL(row_translation, "tra_loi", "Trả lời", false, BUNDLE_TEXT, text[1]),
};
static const bundle_table tr_tables[TR_KINDS] = {
	[TR_NEWS] = TABLE("news.csv", false, tr_news_columns, row_translation, tr_rows, n_tr_rows, add_tr_row),
	[TR_HOTLINES] = TABLE("hotlines.csv", false, tr_hotline_columns, row_translation, tr_rows, n_tr_rows, add_tr_row),
	[TR_FAQ] = TABLE("faq.csv", false, tr_faq_columns, row_translation, tr_rows, n_tr_rows, add_tr_row),
};

/* clang-format on */

const bundle_table *bundle_schema_translation_table(void) { return &translation_table; }

const bundle_table *bundle_schema_row_table(int kind)
{
	assert(kind >= 0 && kind < TR_KINDS);
	return &tr_tables[kind];
}

int bundle_schema_row_kind(const bundle_table *t)
{
	for (int k = 0; k < TR_KINDS; k++)
		if (t == &tr_tables[k])
			return k;
	return -1;
}

const bundle_table *bundle_schema_row_source(int kind)
{
	return bundle_schema_table(bundle_schema_row_table(kind)->file);
}

const bundle_column *bundle_schema_row_source_column(int kind, size_t j)
{
	const bundle_table *t = bundle_schema_row_table(kind), *src = bundle_schema_row_source(kind);
	assert(j < t->n_columns && src);
	const char *key = t->columns[j].key;
	size_t n = strlen(key);
	if (n > 4 && !strcmp(key + n - 4, "_goc"))
		n -= 4;
	for (size_t i = 0; i < src->n_columns; i++)
		if (strlen(src->columns[i].key) == n && !strncmp(src->columns[i].key, key, n))
			return &src->columns[i];
	assert(!"a translation column without its Vietnamese column");
	return NULL;
}

bool bundle_schema_translatable(const char *key)
{
	for (size_t i = 1; i < sizeof translation_columns / sizeof *translation_columns; i++)
		if (!strcmp(translation_columns[i].key, key))
			return true;
	return false;
}

const bundle_table *bundle_schema_tables(size_t *n)
{
	*n = sizeof tables / sizeof *tables;
	return tables;
}

const bundle_table *bundle_schema_table(const char *name)
{
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		if (!strcmp(tables[i].file, name))
			return &tables[i];
	return NULL;
}

size_t bundle_schema_count(const catalog_data *d, const bundle_table *t)
{
	size_t n;
	memcpy(&n, (const char *)d + t->count_offset, sizeof n);
	return n;
}

const void *bundle_schema_record(const catalog_data *d, const bundle_table *t, size_t i)
{
	assert(i < bundle_schema_count(d, t));
	const char *base;
	memcpy(&base, (const char *)d + t->array_offset, sizeof base);
	return base + i * t->record_size;
}

bool bundle_kind_is_list(bundle_kind k)
{
	return k == BUNDLE_LIST || k == BUNDLE_FORMS || k == BUNDLE_AUDIO;
}
bool bundle_kind_is_int(bundle_kind k)
{
	return k == BUNDLE_YEAR || k == BUNDLE_ORDER;
}
bool bundle_kind_is_double(bundle_kind k)
{
	return k == BUNDLE_SCORE || k == BUNDLE_MAX;
}

bool bundle_kind_is_str(bundle_kind k)
{
	return !bundle_kind_is_list(k) && !bundle_kind_is_int(k) && !bundle_kind_is_double(k);
}

char **bundle_schema_str(void *rec, const bundle_column *c)
{
	assert(bundle_kind_is_str(c->kind));
	return (char **)((char *)rec + c->offset);
}

item_list *bundle_schema_list(void *rec, const bundle_column *c)
{
	assert(bundle_kind_is_list(c->kind));
	return (item_list *)((char *)rec + c->offset);
}

int *bundle_schema_int(void *rec, const bundle_column *c)
{
	assert(bundle_kind_is_int(c->kind));
	return (int *)((char *)rec + c->offset);
}

double *bundle_schema_double(void *rec, const bundle_column *c)
{
	assert(bundle_kind_is_double(c->kind));
	return (double *)((char *)rec + c->offset);
}

const char *bundle_schema_get_str(const void *rec, const bundle_column *c)
{
	return *bundle_schema_str((void *)rec, c);
}

const item_list *bundle_schema_get_list(const void *rec, const bundle_column *c)
{
	return bundle_schema_list((void *)rec, c);
}

int bundle_schema_get_int(const void *rec, const bundle_column *c)
{
	return *bundle_schema_int((void *)rec, c);
}

double bundle_schema_get_double(const void *rec, const bundle_column *c)
{
	return *bundle_schema_double((void *)rec, c);
}

static bool str_equal(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

bool bundle_schema_field_equal(const void *a, const void *b, const bundle_column *c)
{
	if (bundle_kind_is_int(c->kind))
		return bundle_schema_get_int(a, c) == bundle_schema_get_int(b, c);
	if (bundle_kind_is_double(c->kind))
		return bundle_schema_get_double(a, c) == bundle_schema_get_double(b, c);
	if (bundle_kind_is_str(c->kind))
		return str_equal(bundle_schema_get_str(a, c), bundle_schema_get_str(b, c));
	const item_list *la = bundle_schema_get_list(a, c), *lb = bundle_schema_get_list(b, c);
	if (la->n != lb->n)
		return false;
	for (size_t i = 0; i < la->n; i++)
		if (!str_equal(la->v[i].text, lb->v[i].text) ||
		    !str_equal(la->v[i].extra, lb->v[i].extra))
			return false;
	return true;
}

bool bundle_schema_record_equal(const void *a, const void *b, const bundle_table *t)
{
	for (size_t i = 0; i < t->n_columns; i++)
		if (!bundle_schema_field_equal(a, b, &t->columns[i]))
			return false;
	return true;
}

int bundle_row_key_cmp(const void *a, const void *b)
{
	const bundle_row_key *x = a, *y = b;
	int c = strcmp(x->k1, y->k1);
	return c ? c : strcmp(x->k2, y->k2);
}

bundle_row_key *bundle_schema_row_keys(const catalog_data *d, int kind, size_t *n)
{
	const bundle_table *src = bundle_schema_row_source(kind);
	const bundle_column *c1 = bundle_schema_row_source_column(kind, 0);
	const bundle_column *c2 = bundle_schema_row_source_column(kind, 1);
	*n = bundle_schema_count(d, src);
	bundle_row_key *k = xcalloc(*n + 1, sizeof *k);
	for (size_t i = 0; i < *n; i++) {
		const void *rec = bundle_schema_record(d, src, i);
		const char *a = bundle_schema_get_str(rec, c1), *b = bundle_schema_get_str(rec, c2);
		k[i] = (bundle_row_key){a ? a : "", b ? b : "", i};
	}
	qsort(k, *n, sizeof *k, bundle_row_key_cmp);
	return k;
}
