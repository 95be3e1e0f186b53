#include "procedure_fields.h"

#include <assert.h>

#include "i18n.h"

/* clang-format off */
#define TEXT(id, member, key, en, vi) \
	{id, key, en, vi, PROCEDURE_FIELD_TEXT, NULL, NULL, NULL, NULL, offsetof(procedure, member)}
#define LIST(id, member, kind, key, en, vi) \
	{id, key, en, vi, kind, NULL, NULL, NULL, NULL, offsetof(procedure, member)}
#define PAIRS(id, member, key, en, vi, ten, tvi, xen, xvi) \
	{id, key, en, vi, PROCEDURE_FIELD_PAIRS, ten, tvi, xen, xvi, offsetof(procedure, member)}

/* Sheet order: the level and the place that handle it (since the 2025
 * reorganisation a citizen's first question), what the citizen must do and
 * bring, then time, money, who decides and on what basis, then the
 * catalogue's own bookkeeping. The
 * Vietnamese headings are those of the national procedure database. */
static const procedure_field_def fields[PROCEDURE_FIELD_COUNT] = {
	TEXT(PROCEDURE_FIELD_FIELD, field, "linh_vuc", N_("Field"), "Lĩnh vực"),
	TEXT(PROCEDURE_FIELD_LEVEL, level, "cap_thuc_hien", N_("Level"), "Cấp thực hiện"),
	TEXT(PROCEDURE_FIELD_AGENCY, agency, "co_quan_thuc_hien", N_("Handling agency"),
	     "Cơ quan thực hiện"),
	TEXT(PROCEDURE_FIELD_ADDRESS, address, "dia_chi_tiep_nhan", N_("Where to hand in"),
	     "Địa chỉ tiếp nhận"),
	LIST(PROCEDURE_FIELD_STEPS, steps, PROCEDURE_FIELD_NUMBERED, "trinh_tu", N_("Steps"),
	     "Trình tự thực hiện"),
	PAIRS(PROCEDURE_FIELD_CHANNELS, channels, "cach_thuc", N_("How to apply"),
	      "Cách thức thực hiện", N_("Channel"), "Hình thức nộp", N_("Details"), "Mô tả"),
	PAIRS(PROCEDURE_FIELD_DOCUMENTS, documents, "thanh_phan_ho_so", N_("Documents to submit"),
	      "Thành phần hồ sơ", N_("Document"), "Tên giấy tờ", N_("Quantity"), "Số lượng"),
	TEXT(PROCEDURE_FIELD_DOC_COUNT, doc_count, "so_luong_ho_so", N_("Number of sets"),
	     "Số lượng hồ sơ"),
	PAIRS(PROCEDURE_FIELD_FORMS, forms, "mau_don", N_("Forms"), "Mẫu đơn, tờ khai",
	      N_("Form"), "Tên mẫu", N_("File"), "Tệp"),
	TEXT(PROCEDURE_FIELD_DEADLINE, deadline, "thoi_han", N_("Processing time"),
	     "Thời hạn giải quyết"),
	TEXT(PROCEDURE_FIELD_FEES, fees, "phi_le_phi", N_("Fees and charges"), "Phí, lệ phí"),
	TEXT(PROCEDURE_FIELD_SUBJECTS, subjects, "doi_tuong", N_("Who may apply"),
	     "Đối tượng thực hiện"),
	TEXT(PROCEDURE_FIELD_RESULT, result, "ket_qua", N_("Result"), "Kết quả thực hiện"),
	TEXT(PROCEDURE_FIELD_CONDITIONS, conditions, "yeu_cau_dieu_kien",
	     N_("Requirements and conditions"), "Yêu cầu, điều kiện"),
	LIST(PROCEDURE_FIELD_LEGAL, legal, PROCEDURE_FIELD_LIST, "can_cu_phap_ly",
	     N_("Legal basis"), "Căn cứ pháp lý"),
	TEXT(PROCEDURE_FIELD_DECISION, decision, "quyet_dinh_cong_bo",
	     N_("Announcing decision"), "Quyết định công bố"),
	TEXT(PROCEDURE_FIELD_EFFECTIVE_DATE, effective_date, "ngay_hieu_luc",
	     N_("Effective date"), "Ngày hiệu lực"),
	TEXT(PROCEDURE_FIELD_STATUS, status, "trang_thai", N_("Status"), "Tình trạng"),
	TEXT(PROCEDURE_FIELD_REPLACED_BY, replaced_by, "ma_thu_tuc_thay_the", N_("Replaced by"),
	     "Thay thế bởi"),
	TEXT(PROCEDURE_FIELD_ONLINE_LEVEL, online_level, "muc_do_dvc",
	     N_("Online public service"), "Mức độ dịch vụ công trực tuyến"),
	TEXT(PROCEDURE_FIELD_URL, url, "url", N_("Online service address"),
	     "Đường dẫn dịch vụ công"),
};
/* clang-format on */

const procedure_field_def *procedure_fields_table(size_t *n)
{
	if (n)
		*n = PROCEDURE_FIELD_COUNT;
	return fields;
}

const procedure_field_def *procedure_fields_def(procedure_field_id id)
{
	assert(id < PROCEDURE_FIELD_COUNT);
	/* The table is in sheet order, not id order. */
	for (size_t i = 0; i < PROCEDURE_FIELD_COUNT; i++)
		if (fields[i].id == id)
			return &fields[i];
	assert(!"procedure_field_id missing from the table");
	return NULL;
}

bool procedure_fields_get(const procedure *p, const procedure_field_def *def, procedure_field *out)
{
	assert(p && def && out);
	const char *base = (const char *)p + def->offset;
	out->def = def;
	out->text = NULL;
	out->items = NULL;
	if (def->kind == PROCEDURE_FIELD_TEXT) {
		const char *s = *(char *const *)(const void *)base;
		if (str_empty(s))
			return false;
		out->text = s;
		return true;
	}
	const item_list *l = (const item_list *)(const void *)base;
	if (l->n == 0)
		return false;
	out->items = l;
	return true;
}

void procedure_fields_begin(procedure_fields_iter *it, const procedure *p)
{
	assert(it && p);
	it->p = p;
	it->next = 0;
}

bool procedure_fields_next(procedure_fields_iter *it, procedure_field *out)
{
	while (it->next < PROCEDURE_FIELD_COUNT)
		if (procedure_fields_get(it->p, &fields[it->next++], out))
			return true;
	return false;
}
