#include "pdf_keycard.h"

#include <errno.h>
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "pdf_sheet.h"
#include "pdf_ttf.h"
#include "xalloc.h"

/* Keep in step with speak_key (src/ui/speak.c) and the README's table. */
static const char *const keycard_rows[][2] = {
	{"2 hoặc 6", "Mục sau: nghe tên mục và việc nó làm"},
	{"8 hoặc 4", "Mục trước"},
	{"5 hoặc Enter", "Chọn mục đang nghe (như chạm vào nó)"},
	{"0", "Nghe lại mục đang chọn"},
	{"*", "Nghe hướng dẫn dùng bàn phím"},
	{"+  /  -", "Đọc to hơn / nhỏ hơn"},
	{"/", "Đọc cả màn hình (Nghe đọc)"},
	{"7  /  9", "Khi đang đọc: phần trước / phần sau"},
	{".", "Im lặng"},
};

static void handle_error(HPDF_STATUS e, HPDF_STATUS d, void *ctx)
{
	(void)e;
	(void)d;
	(void)ctx;
}

int pdf_keycard_write(const char *path, const char *font_dir, char **err)
{
	*err = NULL;
	const char *dir = font_dir ? font_dir : pdf_sheet_font_dir();
	char *reg = xasprintf("%s/NotoSans-Regular.ttf", dir), *bold = xasprintf("%s/NotoSans-Bold.ttf", dir);
	int rc = 0;
	HPDF_Doc pdf = HPDF_New(handle_error, NULL);
	if (!pdf) {
		rc = -ENOMEM;
		*err = xstrdup(_("the PDF library could not start"));
		goto end;
	}
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	HPDF_Font fr = pdf_ttf_font(pdf, reg), fb = pdf_ttf_font(pdf, bold);
	if (!fr || !fb) {
		rc = -ENOENT;
		*err = xasprintf(_("cannot load the font %s"), !fr ? reg : bold);
		goto end;
	}
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "motcua");
	HPDF_Page page = HPDF_AddPage(pdf);
	HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	float h = HPDF_Page_GetHeight(page), x = 56, y = h - 80;
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, fb, 30);
	HPDF_Page_TextOut(page, x, y, "Bàn phím số của máy tra cứu");
	y -= 34;
	HPDF_Page_SetFontAndSize(page, fr, 16);
	HPDF_Page_TextOut(page, x, y, "Dùng máy mà không cần nhìn màn hình: máy đọc to từng mục.");
	y -= 22;
	HPDF_Page_TextOut(page, x, y, "Nhấn một phím bất kỳ để bắt đầu.");
	y -= 50;
	for (size_t i = 0; i < sizeof keycard_rows / sizeof *keycard_rows; i++) {
		HPDF_Page_SetFontAndSize(page, fb, 24);
		HPDF_Page_TextOut(page, x, y, keycard_rows[i][0]);
		HPDF_Page_SetFontAndSize(page, fr, 18);
		HPDF_Page_TextOut(page, x + 170, y + 2, keycard_rows[i][1]);
		y -= 52;
	}
	y -= 10;
	HPDF_Page_SetFontAndSize(page, fr, 14);
	HPDF_Page_TextOut(page, x, y, "Nút \"Nghe đọc\" trên màn hình cũng đọc to; chạm vào đâu đó để dừng.");
	/* What covers the screen, and what the keypad cannot do (speak.c). */
	static const char *const notes[] = {
		"Khi in: máy đọc \"Đang in…\", \"Đã in xong\" hoặc lỗi; nhấn 5 ở nút OK để đóng.",
		"Khi máy hỏi \"Bạn còn đang xem không?\": nhấn một phím bất kỳ để tiếp tục.",
		"Tìm kiếm, mã hồ sơ: gõ trên màn hình, hoặc quét mã vạch trên giấy hẹn.",
	};
	for (size_t i = 0; i < sizeof notes / sizeof *notes; i++) {
		y -= 22;
		HPDF_Page_TextOut(page, x, y, notes[i]);
	}
	HPDF_Page_EndText(page);
	if (HPDF_SaveToFile(pdf, path) != HPDF_OK) {
		rc = -EIO;
		*err = xasprintf(_("cannot write %s"), path);
	}
end:
	if (pdf)
		HPDF_Free(pdf);
	free(reg);
	free(bold);
	return rc;
}
