/* gen_catalog N OUTDIR [PHIEN_BAN] — writes a synthetic but realistic
 * catalogue bundle (DESIGN §3) of N procedures into OUTDIR, for import,
 * search, PDF and UI benchmarks.
 *
 * Every column of procedures.csv is filled with Vietnamese administrative
 * text of realistic length (about 3 KB a procedure, as on the national
 * portal; 20,000 procedures, the most a bundle may hold, make about 62 MB,
 * within the 80 MiB limit of procedures.csv; a catalogue that would not fit
 * is refused with exit status 1, never written smaller),
 * lists with 5–15 steps and 3–10 documents, codes unique in the
 * national d.dddddd form. Output is deterministic: a fixed seed, so two runs
 * give identical bytes. Files are written as Excel's "CSV UTF-8" does: BOM,
 * CRLF between records, LF inside cells. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bundle.h"
#include "csv.h"

#define N_ELEMS(a) (sizeof(a) / sizeof *(a))

/* --- deterministic randomness ---------------------------------------------- */

static uint64_t rng_state = 0x6d6f74637561ULL; /* "motcua" */

static uint64_t rng_next(void)
{
	/* splitmix64: tiny, good enough, the same on every platform */
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [lo, hi]. */
static int rng_range(int lo, int hi)
{
	return lo + (int)(rng_next() % (uint64_t)(hi - lo + 1));
}

#define PICK(a) ((a)[rng_next() % N_ELEMS(a)])

/* --- vocabulary -------------------------------------------------------------- */

typedef struct field_vocab {
	const char *name;
	const char *objects[12]; /* procedure names without a qualifier; NULL-terminated */
	const char *keywords;
	const char *result;
} field_vocab;

static const field_vocab fields[] = {
    {"Hộ tịch",
     {"đăng ký khai sinh", "đăng ký kết hôn", "đăng ký khai tử", "đăng ký nhận cha, mẹ, con",
      "đăng ký giám hộ", "đăng ký chấm dứt giám hộ",
      "thay đổi, cải chính, bổ sung thông tin hộ tịch", "cấp bản sao trích lục hộ tịch",
      "cấp giấy xác nhận tình trạng hôn nhân", "đăng ký lại khai sinh",
      "đăng ký khai sinh kết hợp nhận cha, mẹ, con", NULL},
     "khai sinh, kết hôn, khai tử, hộ tịch, giấy khai sinh, trích lục",
     "Giấy khai sinh (bản chính) hoặc trích lục hộ tịch tương ứng"},
    {"Chứng thực",
     {"chứng thực bản sao từ bản chính giấy tờ, văn bản",
      "chứng thực chữ ký trong các giấy tờ, văn bản",
      "chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", "chứng thực di chúc",
      "chứng thực văn bản thỏa thuận phân chia di sản",
      "sửa lỗi sai sót trong hợp đồng, giao dịch đã được chứng thực",
      "cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực", NULL},
     "chứng thực, sao y, công chứng, chữ ký, bản sao",
     "Bản sao được chứng thực từ bản chính; giấy tờ, văn bản đã được chứng thực chữ ký"},
    {"Đất đai",
     {"đăng ký đất đai, tài sản gắn liền với đất lần đầu", "hòa giải tranh chấp đất đai",
      "xác nhận hợp đồng tiếp cận đất liền kề", "đăng ký biến động quyền sử dụng đất",
      "cấp lại giấy chứng nhận quyền sử dụng đất do bị mất",
      "gia hạn sử dụng đất nông nghiệp của hộ gia đình, cá nhân", NULL},
     "sổ đỏ, đất, thửa đất, quyền sử dụng đất, tranh chấp",
     "Biên bản hòa giải thành hoặc giấy chứng nhận quyền sử dụng đất"},
    {"Xây dựng",
     {"cấp giấy phép xây dựng nhà ở riêng lẻ", "cấp giấy phép sửa chữa, cải tạo công trình",
      "thẩm định hồ sơ thiết kế xây dựng công trình", "cấp giấy phép di dời công trình",
      "điều chỉnh giấy phép xây dựng", NULL},
     "giấy phép xây dựng, nhà ở, sửa chữa nhà, công trình",
     "Giấy phép xây dựng"},
    {"Nuôi con nuôi",
     {"đăng ký nuôi con nuôi trong nước", "đăng ký lại việc nuôi con nuôi trong nước",
      "giải quyết việc người nước ngoài thường trú ở Việt Nam nhận trẻ em Việt Nam làm con nuôi",
      NULL},
     "con nuôi, nhận nuôi, trẻ em",
     "Giấy chứng nhận nuôi con nuôi"},
    {"Bảo trợ xã hội",
     {"thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng",
      "hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
      "xác định, xác định lại mức độ khuyết tật và cấp giấy xác nhận khuyết tật",
      "trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở",
      "đăng ký hoạt động đối với cơ sở trợ giúp xã hội dưới 10 đối tượng có hoàn cảnh khó khăn",
      NULL},
     "trợ cấp, khuyết tật, người cao tuổi, hộ nghèo, mai táng",
     "Quyết định hưởng trợ cấp xã hội hằng tháng"},
    {"Người có công",
     {"giải quyết trợ cấp một lần đối với thân nhân người hoạt động kháng chiến",
      "hỗ trợ người có công đi làm phương tiện, dụng cụ chỉnh hình",
      "mua bảo hiểm y tế đối với người có công và thân nhân", "thăm viếng mộ liệt sĩ",
      "di chuyển hài cốt liệt sĩ", NULL},
     "liệt sĩ, thương binh, người có công, chế độ ưu đãi",
     "Quyết định trợ cấp hoặc giấy giới thiệu"},
    {"Giáo dục và Đào tạo",
     {"thành lập nhóm trẻ, lớp mẫu giáo độc lập",
      "cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục",
      "sáp nhập, chia, tách nhóm trẻ, lớp mẫu giáo độc lập",
      "xét, duyệt chính sách hỗ trợ đối với trẻ em mẫu giáo",
      "chuyển trường đối với học sinh trung học cơ sở", NULL},
     "trường học, mẫu giáo, học sinh, học phí",
     "Quyết định cho phép hoạt động giáo dục"},
    {"Văn hóa cơ sở",
     {"xét tặng danh hiệu Gia đình văn hóa hằng năm", "xét tặng giấy khen Gia đình văn hóa",
      "công nhận lần đầu danh hiệu Thôn, Bản văn hóa", "thông báo tổ chức lễ hội", NULL},
     "gia đình văn hóa, bản văn hóa, lễ hội",
     "Giấy chứng nhận hoặc quyết định công nhận danh hiệu"},
    {"Nông nghiệp",
     {"hỗ trợ khôi phục sản xuất vùng bị thiệt hại do dịch bệnh",
      "phê duyệt kế hoạch khuyến nông địa phương", "hỗ trợ dự án liên kết",
      "xác nhận bảng kê lâm sản",
      "hỗ trợ đầu tư xây dựng phát triển thủy lợi nhỏ, thủy lợi nội đồng", NULL},
     "nông nghiệp, chăn nuôi, cây trồng, lâm sản, thủy lợi",
     "Quyết định phê duyệt hỗ trợ"},
    {"Tài nguyên và Môi trường",
     {"đăng ký khai thác nước dưới đất",
      "tham vấn ý kiến trong quá trình đánh giá tác động môi trường",
      "xác nhận kế hoạch bảo vệ môi trường", NULL},
     "môi trường, nước ngầm, rác thải",
     "Văn bản xác nhận đăng ký"},
    {"Tín ngưỡng, tôn giáo",
     {"đăng ký hoạt động tín ngưỡng", "đăng ký bổ sung hoạt động tín ngưỡng",
      "đăng ký sinh hoạt tôn giáo tập trung", "thông báo danh mục hoạt động tôn giáo",
      "đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo", NULL},
     "tôn giáo, tín ngưỡng, lễ hội, chùa, nhà thờ",
     "Văn bản chấp thuận"},
    {"Thi đua, khen thưởng",
     {"tặng giấy khen của Chủ tịch Ủy ban nhân dân cấp xã về thực hiện nhiệm vụ chính trị",
      "tặng giấy khen của Chủ tịch Ủy ban nhân dân cấp xã cho gia đình",
      "tặng giấy khen của Chủ tịch Ủy ban nhân dân cấp xã về thành tích thi đua theo đợt",
      "tặng danh hiệu Lao động tiên tiến", NULL},
     "khen thưởng, giấy khen, thi đua",
     "Quyết định khen thưởng kèm giấy khen"},
    {"Hòa giải ở cơ sở",
     {"công nhận hòa giải viên", "công nhận tổ trưởng tổ hòa giải", "thôi làm hòa giải viên",
      "thanh toán thù lao cho hòa giải viên", NULL},
     "hòa giải, tranh chấp, mâu thuẫn",
     "Quyết định công nhận"},
    {"Phòng, chống thiên tai",
     {"hỗ trợ khẩn cấp cho hộ gia đình có người chết, mất tích do thiên tai",
      "đăng ký nhận hỗ trợ giống cây trồng sau thiên tai",
      "hỗ trợ sửa chữa nhà ở bị hư hỏng do lũ quét, sạt lở đất", NULL},
     "thiên tai, lũ quét, sạt lở, bão, hỗ trợ khẩn cấp",
     "Quyết định hỗ trợ"},
};

static const char *const qualifiers[] = {
    "",
    "",
    "",
    "",
    " có yếu tố nước ngoài",
    " lưu động",
    " cho người dân tộc thiểu số",
    " tại Ủy ban nhân dân cấp xã",
    " trong trường hợp bị mất, hư hỏng",
    " đối với hộ gia đình, cá nhân",
    " (liên thông)",
};

static const char *const step_actions[] = {
    "Cá nhân, tổ chức chuẩn bị hồ sơ đầy đủ theo quy định",
    "Người yêu cầu nộp hồ sơ tại Bộ phận một cửa của Ủy ban nhân dân xã",
    ("Công chức tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ và viết giấy tiếp nhận, hẹn ngày "
    "trả kết quả"),
    "Hồ sơ chưa đầy đủ thì công chức hướng dẫn bổ sung, hoàn thiện một lần",
    "Công chức tư pháp - hộ tịch thẩm tra hồ sơ, xác minh nếu cần thiết",
    "Công chức địa chính - xây dựng kiểm tra thực địa, lập biên bản xác minh hiện trạng",
    "Chủ tịch Ủy ban nhân dân cấp xã xem xét, ký quyết định giải quyết",
    "Niêm yết công khai danh sách tại trụ sở Ủy ban nhân dân xã và nhà văn hóa các bản",
    "Lấy ý kiến của Ban công tác Mặt trận và trưởng bản nơi người đề nghị cư trú",
    "Chuyển hồ sơ đến Phòng Tư pháp huyện Mộc Châu để thẩm định",
    "Hội đồng xét duyệt cấp xã họp, thống nhất danh sách đề nghị",
    "Bộ phận tiếp nhận và trả kết quả trả kết quả cho người yêu cầu, ghi vào sổ theo dõi",
    "Người yêu cầu kiểm tra nội dung giấy tờ, ký vào sổ và nhận kết quả",
    "Công chức văn hóa - xã hội tổng hợp, lập danh sách đối tượng đủ điều kiện",
    "Ủy ban nhân dân xã có văn bản đề nghị gửi Ủy ban nhân dân huyện xem xét, quyết định",
};

static const char *const step_tails[] = {
    "",
    "",
    "",
    "",
    "",
    " theo quy định của pháp luật",
    " trong thời hạn 02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
    (" trong thời hạn 05 ngày làm việc; trường hợp phải xác minh thì thời hạn kéo dài thêm không "
    "quá 05 ngày làm việc"),
    "; trường hợp từ chối giải quyết phải trả lời bằng văn bản và nêu rõ lý do",
    " vào giờ hành chính các ngày làm việc trong tuần (trừ ngày lễ, Tết)",
    "; kết quả được niêm yết công khai trong thời gian 07 ngày",
};

static const char *const channels[] = {
    "Trực tiếp | Nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả của Ủy ban nhân dân xã Chiềng Sơn",
    ("Trực tuyến | Nộp hồ sơ qua Cổng Dịch vụ công quốc gia hoặc Hệ thống thông tin giải quyết thủ "
    "tục hành chính tỉnh Sơn La"),
    "Dịch vụ bưu chính | Gửi hồ sơ và nhận kết quả qua dịch vụ bưu chính công ích",
};

static const char *const documents[] = {
    "Tờ khai theo mẫu quy định",
    "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh",
    "Căn cước công dân hoặc Hộ chiếu của người yêu cầu",
    "Giấy tờ chứng minh nơi cư trú",
    "Văn bản ủy quyền có chứng thực (trường hợp ủy quyền thực hiện thủ tục)",
    "Đơn đề nghị theo mẫu",
    "Biên bản xác minh của Công an xã",
    "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất",
    "Sơ đồ vị trí thửa đất, bản vẽ mặt bằng công trình",
    "Bản vẽ thiết kế xây dựng gồm mặt bằng, mặt cắt, mặt đứng chính",
    "Giấy xác nhận tình trạng hôn nhân do cơ quan có thẩm quyền cấp",
    "Trích lục khai tử hoặc giấy báo tử",
    "Văn bản thỏa thuận của các thành viên trong hộ gia đình",
    "Giấy xác nhận khuyết tật",
    "Ảnh chân dung cỡ 4 x 6 cm chụp không quá 06 tháng",
    "Quyết định của Tòa án đã có hiệu lực pháp luật (nếu có)",
    "Bản kê khai thu nhập của hộ gia đình",
    "Giấy tờ chứng minh là người có công với cách mạng hoặc thân nhân",
    "Biên bản họp thôn, bản đề nghị",
    "Bản sao giấy tờ tùy thân của người được giám hộ",
};

static const char *const quantities[] = {
    "01 bản chính",
    "01 bản chính",
    "01 bản sao có chứng thực",
    "01 bản sao hoặc bản chụp kèm bản chính để đối chiếu",
    "02 bản chính",
    "01 bản",
    "Xuất trình bản chính",
};

static const char *const deadlines[] = {
    ("Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày "
    "làm việc tiếp theo"),
    "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
    "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
    "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
    "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ",
    "30 ngày làm việc; trường hợp phải xác minh thì không quá 45 ngày",
};

static const char *const fees[] = {
    "Không",
    "Miễn lệ phí",
    "Lệ phí: 8.000 đồng/việc; miễn lệ phí cho người thuộc gia đình có công với cách mạng, người "
    "thuộc hộ nghèo, người khuyết tật",
    "Phí chứng thực: 2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa "
    "200.000 đồng/bản",
    "Lệ phí: 50.000 đồng/giấy phép",
    "Phí chứng thực hợp đồng, giao dịch: 50.000 đồng/hợp đồng, giao dịch",
};

static const char *const subjects[] = {
    "Công dân Việt Nam",
    "Cá nhân, tổ chức",
    "Hộ gia đình, cá nhân",
    "Người có công với cách mạng và thân nhân",
    "Tổ chức, cá nhân trong nước và nước ngoài",
    "Người cao tuổi, người khuyết tật, trẻ em có hoàn cảnh đặc biệt",
};

static const char *const agencies[] = {
    "Ủy ban nhân dân cấp xã",
    "Ủy ban nhân dân xã Chiềng Sơn; cơ quan phối hợp: Công an xã Chiềng Sơn",
    ("Cơ quan trực tiếp thực hiện: Ủy ban nhân dân cấp xã; cơ quan có thẩm quyền quyết định: Ủy ban "
    "nhân dân huyện Mộc Châu"),
    "Ủy ban nhân dân cấp xã; cơ quan phối hợp: Phòng Lao động - Thương binh và Xã hội huyện",
};

static const char *const conditions[] = {
    "Không",
    "Người yêu cầu phải có năng lực hành vi dân sự đầy đủ và cư trú hợp pháp trên địa bàn xã",
    "Việc đăng ký phải được thực hiện trong thời hạn 60 ngày kể từ ngày phát sinh sự kiện; quá "
    "thời hạn này người yêu cầu phải trình bày rõ lý do",
    "Đối tượng thuộc diện hưởng chính sách theo quy định, chưa được hưởng chế độ tương tự ở nơi "
    "khác",
    "Công trình phù hợp với quy hoạch xây dựng, quy hoạch sử dụng đất đã được phê duyệt; bảo đảm "
    "an toàn cho công trình và công trình lân cận",
};

static const char *const law_kinds[][3] = {
    /* kind, suffix of the number, issuer */
    {"Luật", "QH13", "Quốc hội"},
    {"Luật", "QH14", "Quốc hội"},
    {"Nghị định", "NĐ-CP", "Chính phủ"},
    {"Nghị định", "NĐ-CP", "Chính phủ"},
    {"Thông tư", "TT-BTP", "Bộ Tư pháp"},
    {"Thông tư", "TT-BTNMT", "Bộ Tài nguyên và Môi trường"},
    {"Thông tư", "TT-BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"},
    {"Quyết định", "QĐ-UBND", "Ủy ban nhân dân tỉnh Sơn La"},
    {"Nghị quyết", "NQ-HĐND", "Hội đồng nhân dân tỉnh Sơn La"},
};

static const char *const law_topics[] = {
    "quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
    ("về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực "
    "hợp đồng, giao dịch"),
    "quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội",
    "hướng dẫn thi hành một số điều của Luật Đất đai",
    "sửa đổi, bổ sung một số điều của các nghị định quy định chi tiết thi hành Luật Đất đai",
    "quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trên địa bàn tỉnh",
    "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    "quy định chi tiết thi hành Luật Thi đua, Khen thưởng",
    "công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung",
};

static const char *const statuses[] = {"mới", "sửa đổi", "bổ sung"};
static const char *const online_levels[] = {"toàn trình", "một phần"};

#define N_FORMS 5

/* --- output helpers ---------------------------------------------------------- */

typedef struct out {
	char *s;
	size_t len, cap;
} out;

static void out_raw(out *o, const char *s)
{
	size_t n = strlen(s);
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->s = realloc(o->s, o->cap);
		if (!o->s)
			abort();
	}
	memcpy(o->s + o->len, s, n + 1);
	o->len += n;
}

/* Appends cells as one CSV record ending in CRLF. */
static void out_row(out *o, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			out_raw(o, ",");
		csv_write_cell(&o->s, &o->len, &o->cap, cells[i], ',');
	}
	out_raw(o, "\r\n");
}

/* printf into a reusable buffer; returns it. */
static char *fmt_into(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *fmt_into(out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (o->cap < (size_t)n + 1) {
		o->cap = (size_t)n + 1;
		o->s = realloc(o->s, o->cap);
		if (!o->s)
			abort();
	}
	va_start(ap, fmt);
	vsnprintf(o->s, o->cap, fmt, ap);
	va_end(ap);
	o->len = (size_t)n;
	return o->s;
}

static int write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f)) {
		fprintf(stderr, "gen_catalog: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* A one-page PDF with correct cross-reference offsets, so that PDF tools and
 * the sheet printer accept it, not only the magic check. */
static int write_form_pdf(const char *dir, int number)
{
	out o = {0};
	long offs[6];
	char text[128];
	snprintf(text, sizeof text, "(Mau don so %02d - UBND xa Chieng Son) Tj", number);
	char stream[256];
	snprintf(stream, sizeof stream, "BT /F1 14 Tf 72 770 Td %s ET", text);
	out_raw(&o, "%PDF-1.4\n");
	offs[1] = (long)o.len;
	out_raw(&o, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
	offs[2] = (long)o.len;
	out_raw(&o, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
	offs[3] = (long)o.len;
	out_raw(&o, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
	            "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >> endobj\n");
	offs[4] = (long)o.len;
	char buf[512];
	snprintf(buf, sizeof buf, "4 0 obj << /Length %zu >> stream\n%s\nendstream endobj\n",
	         strlen(stream), stream);
	out_raw(&o, buf);
	offs[5] = (long)o.len;
	out_raw(&o, "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
	long xref = (long)o.len;
	out_raw(&o, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i <= 5; i++) {
		snprintf(buf, sizeof buf, "%010ld 00000 n \n", offs[i]);
		out_raw(&o, buf);
	}
	snprintf(buf, sizeof buf, "trailer << /Size 6 /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n",
	         xref);
	out_raw(&o, buf);
	char name[64];
	snprintf(name, sizeof name, "forms/mau_%02d.pdf", number);
	int rc = write_file(dir, name, o.s, o.len);
	free(o.s);
	return rc;
}

/* --- the bundle -------------------------------------------------------------- */

static const char *const proc_columns[] = {
    "ma_thu_tuc",       "ten_thu_tuc",        "linh_vuc",
    "cap_thuc_hien",    "trinh_tu",           "cach_thuc",
    "thanh_phan_ho_so", "so_luong_ho_so",     "thoi_han",
    "phi_le_phi",       "doi_tuong",          "co_quan_thuc_hien",
    "ket_qua",          "yeu_cau_dieu_kien",  "can_cu_phap_ly",
    "mau_don",          "quyet_dinh_cong_bo", "trang_thai",
    "ngay_hieu_luc",    "muc_do_dvc",         "url",
    "tu_khoa",
};
enum { N_COLS = N_ELEMS(proc_columns) };

static void random_date(char *buf, size_t n, int y0, int y1)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = rng_range(y0, y1), m = rng_range(1, 12), d = rng_range(1, mdays[m - 1]);
	snprintf(buf, n, "%02d/%02d/%04d", d, m, y);
}

/* Appends one list cell of k distinct picks from a (item lines joined with LF). */
static void add_list(out *o, const char *const *a, size_t na, int k)
{
	unsigned char used[64] = {0};
	for (int i = 0; i < k && (size_t)i < na; i++) {
		size_t j;
		do
			j = rng_next() % na;
		while (used[j]);
		used[j] = 1;
		if (i)
			out_raw(o, "\n");
		out_raw(o, a[j]);
	}
}

static void gen_procedure(out *csv, long i)
{
	static out cells[N_COLS];
	for (size_t c = 0; c < N_COLS; c++) {
		cells[c].len = 0;
		if (cells[c].s)
			cells[c].s[0] = '\0';
	}

	/* Unique codes: i ↦ (i·7919 + 1234) mod 10⁶ is a bijection on 0..999999. */
	long num = (i * 7919 + 1234) % 1000000;
	int group = 1 + (int)(i / 1000000);
	bool local = rng_next() % 8 == 0;
	fmt_into(&cells[0], "%d.%06ld%s", group, num, local ? ".000.00.00.H52" : "");

	const field_vocab *f = &fields[rng_next() % N_ELEMS(fields)];
	size_t n_obj = 0;
	while (n_obj < N_ELEMS(f->objects) && f->objects[n_obj])
		n_obj++;
	const char *obj = f->objects[rng_next() % n_obj];
	char name[512];
	snprintf(name, sizeof name, "%s%s", obj, PICK(qualifiers));
	/* Capitalise the first letter; every object starts with an ASCII or a
	 * two-byte Vietnamese lower-case letter. */
	if (name[0] >= 'a' && name[0] <= 'z')
		name[0] = (char)(name[0] - 'a' + 'A');
	else if (!strncmp(name, "đ", 2))
		memcpy(name, "Đ", 2);
	out_raw(&cells[1], name);
	out_raw(&cells[2], f->name);
	out_raw(&cells[3], rng_next() % 5 ? "Cấp xã" : "Cấp xã, Cấp huyện");

	/* Most procedures have a handful of steps, a few have many: 5–15,
	 * averaging under 7, as on the national portal. */
	int n_steps = rng_range(5, 6) + (rng_next() % 5 ? 0 : rng_range(0, 9));
	for (int s = 0; s < n_steps; s++) {
		char step[1024];
		snprintf(step, sizeof step, "%sBước %d: %s%s.", s ? "\n" : "", s + 1,
		         PICK(step_actions), PICK(step_tails));
		out_raw(&cells[4], step);
	}
	add_list(&cells[5], channels, N_ELEMS(channels), rng_next() % 3 ? 1 : rng_range(2, 3));

	int n_docs = rng_range(3, 6) + (rng_next() % 4 ? 0 : rng_range(0, 4));
	unsigned char used[N_ELEMS(documents)] = {0};
	for (int d = 0; d < n_docs; d++) {
		size_t j;
		do
			j = rng_next() % N_ELEMS(documents);
		while (used[j]);
		used[j] = 1;
		char doc[512];
		snprintf(doc, sizeof doc, "%s%s | %s", d ? "\n" : "", documents[j],
		         PICK(quantities));
		out_raw(&cells[6], doc);
	}
	out_raw(&cells[7], rng_next() % 4 ? "01 (một) bộ" : "02 (hai) bộ");
	out_raw(&cells[8], PICK(deadlines));
	out_raw(&cells[9], PICK(fees));
	out_raw(&cells[10], PICK(subjects));
	out_raw(&cells[11], PICK(agencies));
	out_raw(&cells[12], f->result);
	out_raw(&cells[13], PICK(conditions));

	int n_laws = rng_range(2, 3) + (rng_next() % 10 ? 0 : 2);
	for (int l = 0; l < n_laws; l++) {
		const char *const *k = law_kinds[rng_next() % N_ELEMS(law_kinds)];
		char date[32], law[512];
		int year = rng_range(2013, 2024);
		random_date(date, sizeof date, year, year);
		if (!strcmp(k[0], "Luật"))
			snprintf(law, sizeof law, "%sLuật số %d/%d/%s ngày %s", l ? "\n" : "",
			         rng_range(10, 99), year, k[1], date);
		else
			snprintf(law, sizeof law, "%s%s số %d/%d/%s ngày %s của %s %s",
			         l ? "\n" : "", k[0], rng_range(1, 3000), year, k[1], date, k[2],
			         PICK(law_topics));
		out_raw(&cells[14], law);
	}
	int n_forms = rng_range(1, 2);
	for (int m = 0; m < n_forms; m++) {
		char form[256];
		int num_form = rng_range(1, N_FORMS);
		snprintf(form, sizeof form, "%sMẫu tờ khai số %02d | forms/mau_%02d.pdf",
		         m ? "\n" : "", num_form, num_form);
		out_raw(&cells[15], form);
	}
	char date[32], decision[256];
	random_date(date, sizeof date, 2019, 2024);
	snprintf(decision, sizeof decision,
	         "Quyết định số %d/QĐ-UBND ngày %s của Chủ tịch Ủy ban nhân dân tỉnh Sơn La",
	         rng_range(100, 3500), date);
	out_raw(&cells[16], decision);
	out_raw(&cells[17], PICK(statuses));
	random_date(date, sizeof date, 2016, 2025);
	out_raw(&cells[18], date);
	out_raw(&cells[19], PICK(online_levels));
	fmt_into(&cells[20],
	         "https://dichvucong.gov.vn/p/home/"
	         "dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=%d.%06ld",
	         group, num);
	out_raw(&cells[21], f->keywords);

	const char *row[N_COLS];
	for (size_t c = 0; c < N_COLS; c++)
		row[c] = cells[c].s ? cells[c].s : "";
	out_row(csv, row, N_COLS);
}

static void gen_hotlines(out *csv)
{
	static const char *const head[] = {"co_quan", "noi_dung",      "dien_thoai", "email",
	                                   "dia_chi", "gio_tiep_nhan", "thu_tu"};
	static const char *const rows[][7] = {
	    {"Bộ phận tiếp nhận và trả kết quả xã Chiềng Sơn",
	     "Hướng dẫn hồ sơ, tiếp nhận và trả kết quả thủ tục hành chính", "0212 3866 123",
	     "motcua.chiengson@sonla.gov.vn",
	     "Bản Chiềng Sơn, xã Chiềng Sơn, huyện Mộc Châu, tỉnh Sơn La",
	     "Thứ Hai đến Thứ Sáu: 7h00 - 11h30, 13h30 - 17h00", "1"},
	    {"Công an xã Chiềng Sơn", "Cư trú, căn cước, an ninh trật tự", "0212.3866.113", "",
	     "Trụ sở Công an xã Chiềng Sơn", "Cả ngày, kể cả ngày nghỉ", "2"},
	    {"Văn phòng HĐND - UBND huyện Mộc Châu", "Phản ánh, kiến nghị về quy định hành chính",
	     "(0212) 3866 088", "vanphong.mocchau@sonla.gov.vn",
	     "Tiểu khu 4, thị trấn Mộc Châu, tỉnh Sơn La", "Giờ hành chính các ngày làm việc", "3"},
	    {"Trung tâm Phục vụ hành chính công tỉnh Sơn La",
	     "Thủ tục hành chính cấp tỉnh, dịch vụ công trực tuyến", "0212 3 888 555",
	     "ttphvhcc@sonla.gov.vn", "Số 8, đường Chu Văn Thịnh, thành phố Sơn La",
	     "Thứ Hai đến Thứ Sáu, sáng Thứ Bảy", "4"},
	    {"Tổng đài hỗ trợ Cổng Dịch vụ công quốc gia", "Hỗ trợ tài khoản, nộp hồ sơ trực tuyến",
	     "18001096", "dichvucong@chinhphu.vn", "Văn phòng Chính phủ, Hà Nội", "24/7", "5"},
	    {"Đường dây nóng UBND tỉnh Sơn La",
	     "Phản ánh tiêu cực, nhũng nhiễu trong giải quyết thủ tục", "+84 212 3852 333", "",
	     "Trụ sở UBND tỉnh Sơn La", "Giờ hành chính", "6"},
	};
	out_raw(csv, "\xEF\xBB\xBF");
	out_row(csv, head, N_ELEMS(head));
	for (size_t i = 0; i < N_ELEMS(rows); i++)
		out_row(csv, rows[i], 7);
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: gen_catalog N OUTDIR [PHIEN_BAN]\n");
		return 2;
	}
	char *end;
	long n = strtol(argv[1], &end, 10);
	long version = argc > 3 ? strtol(argv[3], NULL, 10) : 1;
	if (*end || n < 1 || n > 1000000 || version < 1) {
		fprintf(stderr, "gen_catalog: N must be 1..1000000 and PHIEN_BAN positive\n");
		return 2;
	}
	const char *dir = argv[2];
	char forms[4096];
	snprintf(forms, sizeof forms, "%s/forms", dir);
	if ((mkdir(dir, 0755) && errno != EEXIST) || (mkdir(forms, 0755) && errno != EEXIST)) {
		fprintf(stderr, "gen_catalog: %s: %s\n", dir, strerror(errno));
		return 3;
	}

	out o = {0};
	char ini[512];
	snprintf(ini, sizeof ini,
	         "[bundle]\r\ndon_vi = UBND xã Chiềng Sơn\r\nphien_ban = %ld\r\n"
	         "ngay_ban_hanh = 15/03/2024\r\nnguoi_lap = Lò Thị Hương, công chức Văn phòng - "
	         "Thống kê\r\n",
	         version);
	if (write_file(dir, "bundle.ini", ini, strlen(ini)))
		return 3;

	out_raw(&o, "\xEF\xBB\xBF");
	out_row(&o, proc_columns, N_COLS);
	for (long i = 0; i < n; i++)
		gen_procedure(&o, i);
	if (o.len > BUNDLE_MAX_PROCS_CSV) {
		fprintf(stderr,
		        "gen_catalog: %ld procedures make a procedures.csv of %zu bytes, over "
		        "motcua's limit of %u MiB; nothing written\n",
		        n, o.len, BUNDLE_MAX_PROCS_CSV >> 20);
		return 1;
	}
	if (n > BUNDLE_MAX_PROCS)
		fprintf(stderr,
		        "gen_catalog: warning: %ld procedures is over motcua's limit of %d; "
		        "motcua will refuse this bundle\n",
		        n, BUNDLE_MAX_PROCS);
	if (write_file(dir, "procedures.csv", o.s, o.len))
		return 3;

	o.len = 0;
	gen_hotlines(&o);
	if (write_file(dir, "hotlines.csv", o.s, o.len))
		return 3;
	free(o.s);

	for (int f = 1; f <= N_FORMS; f++)
		if (write_form_pdf(dir, f))
			return 3;
	return 0;
}
