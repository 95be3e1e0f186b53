/* fuzz_bundle_ini — the bundle.ini parser (static in bundle.c), reached
 * through bundle_read on a folder that holds the fuzzed bundle.ini and a
 * minimal valid procedures.csv and hotlines.csv; a bundle that reads clean
 * must export and read back to the same catalogue. */
#include "fuzz_bundle_common.h"
#include "fuzz_common.h"

static const char procedures[] =
    "ma_thu_tuc,ten_thu_tuc,linh_vuc,trinh_tu,thanh_phan_ho_so,thoi_han\n"
    "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Nộp hồ sơ,Tờ khai | 01 bản chính,"
    "Ngay trong ngày làm việc\n";
static const char hotlines[] = "co_quan,dien_thoai\nUBND xã Chiềng Sơn,0212 3866 123\n";

int fuzz_bundle_ini_one(const uint8_t *data, size_t size)
{
	static const char *dir;
	if (!dir) {
		dir = fuzz_scratch("ini");
		fuzz_write_file(dir, "procedures.csv", procedures, sizeof procedures - 1);
		fuzz_write_file(dir, "hotlines.csv", hotlines, sizeof hotlines - 1);
	}
	fuzz_write_file(dir, "bundle.ini", data, size);
	/* the installed version and --allow-downgrade vary with the input */
	long installed = size % 3 == 0 ? 0 : 5;
	fuzz_bundle_roundtrip(dir, installed, size % 5 == 0);
	return 0;
}

FUZZ_ENTRY(fuzz_bundle_ini_one)
