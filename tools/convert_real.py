#!/usr/bin/env python3
"""Build the sample catalogue bundle (data/motcua/) from the real TTHC records.

Usage: python3 tools/convert_real.py IN_DIR OUT_DIR

IN_DIR  the folder that holds chatbot_tthc/bo-tu-phap/*.json and
        chatbot_tthc/bo-cong-an/*.json (shared/data/real); see SOURCE.txt there.
OUT_DIR the bundle folder to (re)write, e.g. data/motcua.

The records are pages of the Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) as
scraped by the chatbot_tthc project.  The scraper flattened the page's tables
into run-together text; this script splits them back into the bundle's "list"
cells (DESIGN.md §3) and removes page-widget junk, but keeps the official
wording verbatim.  Everything it cannot derive from the records (hotlines,
index figures, news excerpts, the illustrative FAQ/feedback questions) is a
constant below; every FAQ/feedback answer is checked to be verbatim text of its
record.  Python 3 standard library only.  Writes UTF-8 (no BOM), LF, RFC 4180.
"""

import csv
import glob
import io
import json
import os
import re
import sys
import unicodedata

# ---------------------------------------------------------------------------
# bundle metadata and hand-made content
# ---------------------------------------------------------------------------

BUNDLE_INI = [
    ("don_vi", "UBND xã Chiềng Sơn"),
    ("phien_ban", "1"),
    ("ngay_ban_hanh", "24/11/2026"),
    ("nguoi_lap", "Bộ phận tiếp nhận và trả kết quả xã Chiềng Sơn"),
]

PROC_COLUMNS = [
    "ma_thu_tuc", "ten_thu_tuc", "linh_vuc", "cap_thuc_hien", "trinh_tu",
    "cach_thuc", "thanh_phan_ho_so", "so_luong_ho_so", "thoi_han",
    "phi_le_phi", "doi_tuong", "co_quan_thuc_hien", "ket_qua",
    "yeu_cau_dieu_kien", "can_cu_phap_ly", "mau_don", "quyet_dinh_cong_bo",
    "trang_thai", "ngay_hieu_luc", "muc_do_dvc", "url", "tu_khoa",
]

# Shown when the record states no processing time at all (the page's time
# column says "Không có thông tin" and no deadline sentence exists).  Not an
# official text: an honest pointer for the citizen.
NO_DEADLINE = ("Cổng Dịch vụ công quốc gia chưa công bố thời hạn giải quyết "
               "của thủ tục này; đề nghị hỏi cán bộ tiếp nhận hồ sơ.")

# Extra search words, plain and modest: words people say at the desk that the
# official name does not contain.  Words already in the name are dropped.
KEYWORDS = {
    "1.001193": "giấy khai sinh, làm giấy khai sinh, sinh con",
    "1.000110": "giấy khai sinh", "2.000528": "giấy khai sinh", "1.003583": "giấy khai sinh",
    "1.004772": "giấy khai sinh", "1.000893": "giấy khai sinh",
    "1.004884": "giấy khai sinh, làm lại giấy khai sinh", "2.000522": "giấy khai sinh, làm lại giấy khai sinh",
    "1.000689": "giấy khai sinh, nhận con", "1.001695": "giấy khai sinh, nhận con",
    "1.001022": "nhận con, nhận cha, nhận mẹ", "1.000080": "nhận con, nhận cha, nhận mẹ",
    "2.000779": "nhận con, nhận cha, nhận mẹ",
    "1.000656": "giấy chứng tử, báo tử", "1.000419": "giấy chứng tử, báo tử",
    "1.001766": "giấy chứng tử, báo tử", "1.004827": "giấy chứng tử, báo tử",
    "1.005461": "giấy chứng tử, trích lục khai tử", "2.000497": "giấy chứng tử, trích lục khai tử",
    "1.000894": "giấy đăng ký kết hôn, cưới", "1.000593": "giấy đăng ký kết hôn, cưới",
    "1.000094": "giấy đăng ký kết hôn, cưới", "2.000806": "giấy đăng ký kết hôn, cưới",
    "1.004746": "giấy đăng ký kết hôn", "2.000513": "giấy đăng ký kết hôn",
    "2.002189": "kết hôn ở nước ngoài, ghi chú kết hôn",
    "2.000554": "ly hôn ở nước ngoài, ghi chú ly hôn",
    "2.000547": "ghi chú hộ tịch",
    "1.004837": "người giám hộ", "1.001669": "người giám hộ", "1.004845": "người giám hộ",
    "2.000756": "người giám hộ",
    "1.004859": "sửa tên, đổi tên, cải chính, đổi dân tộc",
    "2.000748": "sửa tên, đổi tên, cải chính, đổi dân tộc",
    "1.004873": "xác nhận độc thân, giấy độc thân",
    "2.000635": "xin lại giấy khai sinh, bản sao khai sinh",
    "2.000815": "công chứng giấy tờ, sao y, photo công chứng",
    "2.000884": "công chứng chữ ký, điểm chỉ",
    "2.000992": "chứng thực bản dịch, dịch thuật", "2.001008": "chứng thực bản dịch, dịch thuật",
    "2.000913": "hợp đồng, công chứng hợp đồng", "2.000927": "hợp đồng, công chứng hợp đồng",
    "2.001035": "hợp đồng, công chứng hợp đồng, mua bán đất, thế chấp",
    "2.000942": "sao hợp đồng",
    "2.001016": "thừa kế, từ chối thừa kế", "2.001019": "lập di chúc",
    "2.001406": "thừa kế, chia thừa kế",
    "1.004222": "hộ khẩu, nhập hộ khẩu", "1.003197": "cắt hộ khẩu, xóa hộ khẩu",
    "1.004194": "ở trọ, thuê nhà", "1.002755": "ở trọ",
    "1.003677": "đi vắng, đi làm ăn xa", "1.010038": "tách hộ khẩu",
    "1.010041": "giấy xác nhận cư trú, CT07", "2.001159": "khai báo lưu trú, khách ở nhờ",
    "1.010039": "sửa thông tin cư trú",
    "2.000986": "giấy khai sinh, hộ khẩu, thẻ BHYT trẻ em",
    "2.001023": "giấy khai sinh, thẻ BHYT trẻ em",
    "2.001263": "xin con nuôi, nhận con nuôi", "2.001255": "xin con nuôi",
}

# FAQ: (code, question, answer).  Questions are ours; every answer must be
# verbatim text of the record (checked below, whitespace-insensitively).
FAQ = [
    ("1.001193", "Trẻ em bị bỏ rơi thì cần giấy tờ gì để đăng ký khai sinh?",
     "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập."),
    ("1.001193", "Sinh con bao lâu thì phải đi đăng ký khai sinh?",
     "Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con; trường hợp cha, mẹ không thể đăng ký khai sinh cho con thì ông hoặc bà hoặc người thân thích khác hoặc cá nhân, tổ chức đang nuôi dưỡng trẻ em có trách nhiệm đăng ký khai sinh cho trẻ em."),
    ("1.001193", "Không có Giấy chứng sinh thì làm thế nào?",
     "Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh."),
    ("1.001193", "Ông bà đi khai sinh cho cháu có cần giấy ủy quyền của bố mẹ cháu không?",
     "Trường hợp người đi đăng ký khai sinh cho trẻ em là ông, bà, người thân thích khác thì không phải có văn bản ủy quyền của cha, mẹ trẻ em, nhưng phải thống nhất với cha, mẹ trẻ em về các nội dung khai sinh."),
    ("1.001193", "Chưa xác định được cha của cháu thì ghi họ, dân tộc của cháu thế nào?",
     "Trường hợp trẻ chưa xác định được cha thì họ, dân tộc, quê quán, quốc tịch của con được xác định theo họ, dân tộc, quê quán, quốc tịch của mẹ; phần ghi về cha của trẻ để trống."),
    ("1.000656", "Người nhà mất thì bao lâu phải đi đăng ký khai tử?",
     "Trong thời hạn 15 ngày kể từ ngày có người chết thì vợ, chồng hoặc con, cha, mẹ hoặc người thân thích khác của người chết có trách nhiệm đi đăng ký khai tử; trường hợp người chết không có người thân thích thì đại diện của cơ quan, tổ chức, cá nhân liên quan có trách nhiệm đi khai tử."),
    ("2.000815", "Bản chính bị rách nát, không đọc được thì có chứng thực bản sao được không?",
     "Bản chính bị hư hỏng, cũ nát, không xác định được nội dung."),
    ("2.000815", "Bản sao có nhiều trang thì chứng thực thế nào?",
     "Đối với bản sao có từ 02 (hai) trang trở lên thì ghi lời chứng vào trang cuối, nếu bản sao có từ 02 (hai) tờ trở lên thì phải đóng dấu giáp lai."),
    ("1.004222", "Con mới sinh đăng ký thường trú lần đầu có phải mang giấy khai sinh không?",
     "Không yêu cầu xuất trình Giấy khai sinh đối với trường hợp trẻ em mới sinh đăng ký thường trú lần đầu."),
    ("1.004222", "Khai sinh cho con xong thì bao lâu phải đăng ký cư trú cho cháu?",
     "Trong thời hạn tối đa 60 ngày kể từ ngày người chưa thành niên được đăng ký khai sinh thì phải thực hiện thủ tục đăng ký cư trú."),
    ("1.004222", "Nhà có nhiều người cùng đứng tên chủ sở hữu thì có cần tất cả đồng ý không?",
     "Trường hợp công dân đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình mà chỗ ở hợp pháp đó có nhiều hơn một chủ sở hữu thì không cần có ý kiến đồng ý của những người đồng sở hữu."),
    ("2.001263", "Ai được miễn lệ phí đăng ký nuôi con nuôi?",
     "Miễn lệ phí đăng ký nuôi con nuôi trong nước đối với trường hợp cha dượng hoặc mẹ kế nhận con riêng của vợ hoặc chồng làm con nuôi; cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi; nhận các trẻ em sau đây làm con nuôi: Trẻ khuyết tật, nhiễm HIV/AIDS hoặc mắc bệnh hiểm nghèo theo quy định của Luật nuôi con nuôi và văn bản hướng dẫn; người có công với cách mạng nhận con nuôi."),
    ("2.001035", "Vay vốn ngân hàng làm nông nghiệp thì có phải nộp phí chứng thực hợp đồng thế chấp không?",
     "Cá nhân, hộ gia đình vay vốn tại tổ chức tín dụng để phục vụ phát triển nông nghiệp, nông thôn theo quy định tại Nghị định số 55/2015/NĐ-về chính sách tín dụng phục vụ phát triển nông nghiệp, nông thôn thì không phải nộp phí chứng thực hợp đồng thế chấp tài sản."),
    ("1.002755", "Khi nào phải làm thủ tục gia hạn tạm trú?",
     "Trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú đã đăng ký, công dân phải làm thủ tục gia hạn tạm trú."),
]

# Published feedback and answers.  The questions are ILLUSTRATIVE (see
# data/README.md); each answer is verbatim official text of the record.
FEEDBACK = [
    ("12/03/2026", "Tôi đang đi làm ăn xa, có phải về xã nơi thường trú để đăng ký kết hôn không?",
     "Bộ phận tiếp nhận và trả kết quả xã Chiềng Sơn", "1.000894",
     "Cá nhân có quyền lựa chọn thực hiện thủ tục hành chính về hộ tịch tại cơ quan đăng ký hộ tịch nơi cư trú; nơi cư trú của cá nhân được xác định theo quy định của pháp luật về cư trú. Trường hợp cá nhân lựa chọn thực hiện thủ tục hành chính về hộ tịch không phải tại Ủy ban nhân dân cấp xã nơi thường trú hoặc nơi tạm trú thì Ủy ban nhân dân cấp xã nơi tiếp nhận yêu cầu có trách nhiệm hỗ trợ người dân nộp hồ sơ đăng ký hộ tịch trực tuyến đến đúng cơ quan có thẩm quyền theo quy định."),
    ("07/05/2026", "Tôi đề nghị cán bộ không bắt người dân nộp thêm giấy tờ ngoài quy định khi đăng ký hộ tịch.",
     "Bộ phận tiếp nhận và trả kết quả xã Chiềng Sơn", "1.001193",
     "Người tiếp nhận có trách nhiệm tiếp nhận đúng, đủ hồ sơ đăng ký hộ tịch theo quy định của pháp luật hộ tịch, không được yêu cầu người đăng ký hộ tịch nộp thêm giấy tờ mà pháp luật hộ tịch không quy định phải nộp."),
    ("16/06/2026", "Khi đi chứng thực bản sao, tôi chỉ mang bản chính, không mang bản photo thì có được chứng thực không?",
     "Bộ phận tiếp nhận và trả kết quả xã Chiềng Sơn", "2.000815",
     "Trường hợp người yêu cầu chứng thực chỉ xuất trình bản chính thì cơ quan, tổ chức tiến hành chụp từ bản chính để thực hiện chứng thực, trừ trường hợp cơ quan, tổ chức không có phương tiện để chụp."),
    ("21/08/2026", "Người thân ở xa đến nhà tôi chơi vài hôm thì có phải báo công an xã không, báo lúc nào?",
     "Công an xã Chiềng Sơn", "2.001159",
     "Việc thông báo lưu trú được thực hiện trước 23 giờ của ngày bắt đầu lưu trú; trường hợp người đến lưu trú sau 23 giờ thì việc thông báo lưu trú được thực hiện trước 08 giờ ngày hôm sau; trường hợp ông, bà, cha, mẹ, vợ, chồng, con, cháu, anh, chị, em ruột đến lưu trú nhiều lần thì chỉ cần thông báo lưu trú một lần."),
    ("09/10/2026", "Người cao tuổi trong gia đình tôi muốn xác nhận thông tin cư trú thì bao lâu có kết quả?",
     "Công an xã Chiềng Sơn", "1.010041",
     "Kể từ ngày nhận được hồ sơ hợp lệ, cơ quan đăng ký cư trú có trách nhiệm cấp xác nhận thông tin về cư trú cho công dân trong thời hạn 01 ngày làm việc với trường hợp thông tin có trong Cơ sở dữ liệu quốc gia về dân cư."),
]

# Well-known public national numbers, plus the commune's own lines as SAMPLES.
SAMPLE = "(số mẫu – thay bằng số của xã)"
HOTLINES = [
    # co_quan, noi_dung, dien_thoai, email, dia_chi, gio_tiep_nhan, thu_tu
    ("Bộ phận tiếp nhận và trả kết quả xã Chiềng Sơn",
     "Hướng dẫn thủ tục hành chính, tiếp nhận phản ánh, kiến nghị " + SAMPLE,
     "0212 000 0001", "", "UBND xã Chiềng Sơn, tỉnh Sơn La",
     "Giờ hành chính các ngày làm việc", "1"),
    ("Chủ tịch UBND xã Chiềng Sơn",
     "Đường dây nóng tiếp nhận phản ánh về giải quyết thủ tục hành chính " + SAMPLE,
     "0212 000 0002", "", "UBND xã Chiềng Sơn, tỉnh Sơn La", "", "2"),
    ("Tổng đài hỗ trợ Cổng Dịch vụ công quốc gia",
     "Hỗ trợ nộp hồ sơ, tra cứu và thanh toán trực tuyến trên dichvucong.gov.vn",
     "1800 1096", "", "", "", "3"),
    ("Tổng đài quốc gia bảo vệ trẻ em",
     "Tiếp nhận thông tin, tư vấn, hỗ trợ trẻ em bị xâm hại, có nguy cơ bị xâm hại",
     "111", "", "", "24/24 giờ, miễn phí", "4"),
    ("Cảnh sát (Công an)", "Báo tin an ninh, trật tự, tội phạm",
     "113", "", "", "24/24 giờ, miễn phí", "5"),
    ("Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Báo cháy, cứu nạn, cứu hộ",
     "114", "", "", "24/24 giờ, miễn phí", "6"),
    ("Cấp cứu y tế", "Gọi xe cấp cứu", "115", "", "", "24/24 giờ, miễn phí", "7"),
]

# Only the figures of shared/data/INDICES-SOURCES.md.  Rows whose score is not
# known are left out (diem is required): PAR INDEX 2023 (rank 13/63) and 2024
# (rank 12/63) have a rank but no published score there.
M_PAPI = ("Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) do CECODES, "
          "VFF-CRT và UNDP thực hiện: 8 nội dung, mỗi nội dung từ 1 đến 10 điểm, "
          "tổng tối đa 80 điểm. ")
M_PAR = ("Chỉ số cải cách hành chính (PAR INDEX) chấm điểm trên 100, công bố theo %: "
         "nhóm A từ 90 %, nhóm B 80–90 %, nhóm C 70–80 %. ")
M_SIPAS = ("Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính "
           "nhà nước (SIPAS, Bộ Nội vụ): tỷ lệ người dân hài lòng, đo qua 5 yếu tố. ")
INDICES = [
    # chi_so, nam, don_vi, hang_muc, diem, diem_toi_da, xep_hang, ghi_chu
    ("PAPI", "2021", "Tỉnh Sơn La", "", "40.14", "80", "53/63", M_PAPI + "Nguồn: susta.vn (cách nguồn ghi năm PAPI chưa thật rõ)."),
    ("PAPI", "2022", "Tỉnh Sơn La", "", "40.87", "80", "46/63", "Nguồn: susta.vn (cách nguồn ghi năm PAPI chưa thật rõ)."),
    ("PAPI", "2023", "Tỉnh Sơn La", "", "42.3", "80", "30/63", "Nguồn: en.baosonla.org.vn."),
    ("PAPI", "2023", "Tỉnh Sơn La", "Cung ứng dịch vụ công", "7.5906", "10", "", "Nội dung 6. Nguồn: en.baosonla.org.vn."),
    ("PAPI", "2024", "Tỉnh Sơn La", "", "43.8876", "80", "25/63", "Nguồn: en.baosonla.org.vn."),
    ("PAPI", "2024", "Tỉnh Sơn La", "Trách nhiệm giải trình với người dân", "4.4623", "10", "", "Nội dung 3. Nguồn: en.baosonla.org.vn."),
    ("PAPI", "2019", "Toàn quốc", "", "43.61", "80", "", "Điểm trung bình toàn quốc. Nguồn: ddcilaocai.vn."),
    ("PAPI", "2020", "Toàn quốc", "", "42.105", "80", "", "Điểm trung bình toàn quốc. Nguồn: susta.vn."),
    ("PAR INDEX", "2021", "Tỉnh Sơn La", "", "87.62", "100", "15/63", M_PAR + "Năm 2021 Sơn La thuộc nhóm B. Nguồn: baosonla.org.vn."),
    ("PAR INDEX", "2022", "Tỉnh Sơn La", "", "86.78", "100", "13/63", "Nguồn: susta.vn."),
    ("SIPAS", "2021", "Tỉnh Sơn La", "", "90.13", "100", "6", M_SIPAS + "Nguồn: baosonla.org.vn."),
    ("SIPAS", "2022", "Tỉnh Sơn La", "", "82.18", "100", "17", "Nguồn: susta.vn."),
]

# News: verbatim excerpts of the commune's 2020 plan (shared/seed/000_*.txt).
# The plan's own issue date is not in its text; the items carry the bundle's
# release date.  Checked against the seed file when it is found.
NEWS_DATE = "24/11/2026"
NEWS = [
    ("Kế hoạch tuyên truyền cải cách hành chính nhà nước trên địa bàn xã Chiềng Sơn",
     "UBND xã Chiềng Sơn ban hành kế hoạch tuyên truyền cải cách hành chính năm 2020 trên địa bàn xã Chiềng Sơn, cụ thể như sau:\n"
     "Đối tượng tuyên truyền: Là cán bộ, công chức, viên chức, người lao động trong tổ chức bộ máy nhà nước, tổ chức xã hội - nghề nghiệp, doanh nghiệp và nhân dân trên địa bàn xã."),
    ("Mục đích: giúp người dân tiếp cận thủ tục hành chính tại Bộ phận một cửa",
     "Tăng cường các hoạt động tuyên truyền về cải cách hành chính, trọng tâm là cải cách thủ tục hành chính bằng nhiều hình thức, thiết thực, hiệu quả; giúp người dân, doanh nghiệp tiếp cận và sử dụng thường xuyên các tiện ích của chính quyền trong việc giải quyết thủ tục hành chính tại Bộ phận tiếp nhận và trả kết quả theo cơ chế một cửa, một cửa liên thông cấp xã, cấp huyện."),
    ("Niêm yết công khai thủ tục hành chính và đường dây nóng",
     "Thường xuyên kịp thời cập nhật, rà soát, niêm yết công khai, đầy đủ các thủ tục hành chính đã được sửa đổi, bổ sung tại Bộ phận tiếp nhận và trả kết quả của xã, để người dân, doanh nghiệp dễ dàng tra cứu, tìm hiểu thông tin về CCHC nói chung và thủ tục hành chính nói riêng.\n"
     "Cung cấp các địa chỉ, số điện thoại đường dây nóng của các cơ quan, đơn vị đăng tải ý kiến phản ánh của tổ chức, cá nhân về các quy định thủ tục hành chính và kết quả trả lời của các cơ quan hành chính nhà nước."),
    ("Tuyên truyền trên Truyền thanh của xã và loa phát thanh các bản, tiểu khu",
     "Tuyên truyền trên Truyền thanh của xã, Loa phát thanh tại Nhà văn hóa các bản, tiểu khu trên địa bàn xã.\n"
     "Nội dung: Thông tin về chủ trương, chính sách của Đảng, pháp luật của nhà nước về công tác CCHC; hoạt động của Trung tâm Phục vụ hành chính công tỉnh, Bộ phận tiếp nhận và trả kết quả cấp huyện, cấp xã; tình hình và kết quả thực hiện CCHC; thực hiện kỷ luật, kỷ cương hành chính, xây dựng nếp sống văn hóa, văn minh, nâng cao chất lượng quản trị và hành chính công trên địa bàn xã, thị trấn; những nội dung chính quyền phải công khai với nhân dân gắn với việc thực hiện dân chủ ở cơ sở (đối với đồng bào dân tộc thiểu số, cần đẩy mạnh tuyên truyền bang tiếng dân tộc, thông qua hệ thống loa phát thanh của xã, thị trấn, qua tổ chức các cuộc họp ở bản, tiểu khu, tranh thủ sự hỗ trợ, giúp đỡ của người có uy tín trong cộng đồng để tuyên truyền một cách dễ hiểu, thiết thực)."),
    ("Công khai các chỉ số PAR INDEX, PAPI, SIPAS",
     "Tuyên truyền, phổ biến kết quả các chỉ số CCHC (PARINDEX), chỉ số Hiệu quả quản trị và Hành chính công (PAPI); chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS);\n"
     "Nội dung: Kết quả cụ thể của các tiêu chí, thành phần của các chỉ số, ý nghĩa, tác động của các chỉ số đối với sự phát triển kinh tế - xã hội của địa phương, đặc biệt trong cải thiện môi trường đầu tư kinh doanh, thu hút đầu tư trên địa bàn tỉnh, huyện, xã."),
]

# ---------------------------------------------------------------------------
# text helpers
# ---------------------------------------------------------------------------

NO_INFO = "Không có thông tin"
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\ufeff\u00ad"), None)
warnings = []


def warn(code, msg):
    warnings.append("%s: %s" % (code, msg))


def clean_line(s):
    """NFC, no zero-width marks, tabs/nbsp as spaces, one space between words."""
    s = unicodedata.normalize("NFC", s).translate(ZERO_WIDTH)
    s = s.replace("\xa0", " ").replace("\t", " ")
    s = re.sub(r" {2,}", " ", s)
    s = re.sub(r" +([.,;:])(?=\s|$)", r"\1", s)     # "phải nộp ." -> "phải nộp."
    return s.strip()


GLUED = re.compile(r"(?<=[a-zà-ỹđ])([.;])(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")


def unglue(s):
    """A sentence glued to the next one by the scraper: "đã đăng ký.Miễn" -> "đã đăng ký. Miễn"."""
    return GLUED.sub(r"\1 ", s)


def flat(s):
    """A one-line version of s (line breaks become spaces)."""
    return clean_line(re.sub(r"\s*\n\s*", " ", s))


def is_empty(s):
    return clean_line(s).rstrip(".") in ("", NO_INFO)


def lines_of(s):
    """Non-empty cleaned lines; a line broken mid-sentence (no end punctuation,
    next line starts in lower case) is joined back."""
    out = []
    for raw in unicodedata.normalize("NFC", s).split("\n"):
        ln = clean_line(raw)
        if not ln:
            continue
        if out and not re.search(r"[.:;!?)\"”]$", out[-1]) and ln[0].islower():
            out[-1] = out[-1] + " " + ln
        else:
            out.append(ln)
    return out


def strip_bullet(s):
    """Drops a leading hyphen bullet ("- x", "-x"), keeps "+ x" sub-items."""
    return re.sub(r"^[-–]\s*(?=\S)", "", s).strip()


def norm_ws(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).translate(ZERO_WIDTH).replace("\xa0", " ")).strip()


def balanced_paren(s, i):
    """Index just past the parenthesis group that opens at s[i] == '('."""
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "(":
            depth += 1
        elif s[j] == ")":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(s)


# ---------------------------------------------------------------------------
# sections of raw_text
# ---------------------------------------------------------------------------

LABELS = [
    ("trinh_tu", "Trình Tự Thực Hiện"),
    ("cach_thuc", "Cách Thức Thực Hiện"),
    ("thanh_phan", "Thành phần hồ sơ"),
    ("can_cu", "Căn cứ pháp lý"),
    ("co_quan", "Cơ quan thực hiện"),
    ("yeu_cau", "Yêu cầu, điều kiện thực hiện"),
    ("ket_qua", "Kết quả xử lý"),
]
FIELD_OF = {"trinh_tu": "trinh_tu_thuc_hien", "cach_thuc": "cach_thuc_thuc_hien",
            "thanh_phan": "thanh_phan_ho_so", "can_cu": "can_cu_phap_ly",
            "co_quan": "co_quan_thuc_hien", "yeu_cau": "yeu_cau_dieu_kien",
            "ket_qua": "ket_qua_xu_ly"}


def sections(rec):
    """The page's sections, cut from raw_text label by label in page order.

    The scraper cut the same sections into the JSON fields, but it split on the
    first occurrence of a label anywhere, so a label word inside a section's
    text (2.000942: "+ Cơ quan thực hiện chứng thực ...") shifted the fields.
    Cutting in page order avoids that; a mismatch with the JSON field is
    reported as a warning."""
    raw = rec["raw_text"]
    pos, marks = 0, []
    for key, label in LABELS:
        i = raw.find(label, pos)
        if i < 0:
            marks = None
            break
        marks.append((key, i, i + len(label)))
        pos = i + len(label)
    if marks is None:
        warn(rec["ma_thu_tuc"], "labels not found in raw_text; using JSON fields")
        return {k: rec[FIELD_OF[k]] for k, _ in LABELS}
    out = {}
    for n, (key, _, start) in enumerate(marks):
        end = marks[n + 1][1] if n + 1 < len(marks) else len(raw)
        out[key] = raw[start:end].strip()
        if norm_ws(out[key]) != norm_ws(rec[FIELD_OF[key]]) and key != "ket_qua":
            warn(rec["ma_thu_tuc"], "section %s differs from the JSON field %s; raw_text used"
                 % (key, FIELD_OF[key]))
    return out


# ---------------------------------------------------------------------------
# trình tự
# ---------------------------------------------------------------------------

def steps(text):
    items = []
    for ln in lines_of(text):
        ln = strip_bullet(ln)
        if ln and ln not in ("-", "+", "*"):
            items.append(ln)
    return items


# ---------------------------------------------------------------------------
# cách thức (channel table)
# ---------------------------------------------------------------------------

CHANNELS = "Trực tuyến|Trực tiếp|Dịch vụ bưu chính"
ROW_START = re.compile(r"(%s)(?=\d|%s)" % (CHANNELS, NO_INFO))
TIME_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm)?")
FEE_RE = re.compile(r"Miễn phí|[\d.,]+\s*(?:Việt Nam Đồng|VNĐ|USD|Đồng|đồng)")
TABLE_HEAD = "Hình thức nộpThời gianPhí, lệ phíMô tả"


def parse_channels(code, text):
    """[{channel, time, unit_inferred, fee, note, desc}] from the flattened table."""
    text = unicodedata.normalize("NFC", text)
    if not text.startswith(TABLE_HEAD):
        warn(code, "cach_thuc: unexpected table head")
    body = text[len(TABLE_HEAD):] if text.startswith(TABLE_HEAD) else text
    starts = [m.start() for m in ROW_START.finditer(body)]
    if not starts or body[:starts[0]].strip():
        warn(code, "cach_thuc: text before the first channel row: %r" % body[:60])
    rows = []
    for n, s in enumerate(starts):
        seg = body[s:starts[n + 1] if n + 1 < len(starts) else len(body)]
        m = ROW_START.match(seg)
        row = {"channel": m.group(1), "time": "", "unit_inferred": False,
               "fee": "", "note": "", "desc": ""}
        rest = seg[m.end():]
        if rest.startswith(NO_INFO):
            rest = rest[len(NO_INFO):]
        else:
            t = TIME_RE.match(rest)
            num, unit = t.group(1), t.group(2)
            if unit:
                unit = unit[0].lower() + unit[1:]
            else:
                # The page shows a bare number; see data/README.md.
                unit = "ngày làm việc"
                row["unit_inferred"] = True
            row["time"] = "%s %s" % (num, unit)
            rest = rest[t.end():]
        if rest.startswith(NO_INFO):
            rest = rest[len(NO_INFO):]
        else:
            f = FEE_RE.match(rest)
            if not f:
                warn(code, "cach_thuc: no fee in %r" % rest[:60])
            else:
                row["fee"] = clean_line(f.group(0))
                if row["unit_inferred"] and row["fee"] != "Miễn phí":
                    warn(code, "cach_thuc: bare time followed by a numeric fee")
                rest = rest[f.end():]
        if rest.startswith("("):
            end = balanced_paren(rest, 0)
            inner = rest[1:end - 1]
            rest = rest[end:]
            if inner.startswith("/"):            # unit of the fee: "(/trang)"
                row["fee"] += inner
            else:
                # page artefacts: "((x))" and "(Đồng (x))" around the note
                inner = inner.strip()
                m2 = re.fullmatch(r"(?:Đồng\s*)?\((.*)\)", inner, re.S)
                if m2 and balanced_paren(inner, inner.index("(")) == len(inner):
                    inner = m2.group(1)
                row["note"] = flat(inner)
        desc = rest
        # a closing parenthesis glued to the next word: ")Lệ phí" -> ") Lệ phí"
        row["note"] = unglue(re.sub(r"\)(?=[A-Za-zĐđÀ-ỹ])", ") ", row["note"]))
        row["desc"] = strip_bullet(unglue(flat(desc)))
        rows.append(row)
    return rows


def fee_text(r):
    s = r["fee"]
    if r["note"]:
        s += " (%s)" % r["note"] if s else r["note"]
    return s


def channel_items(rows):
    items = []
    for r in rows:
        parts = []
        if r["time"]:
            parts.append("Thời hạn: " + r["time"])
        if fee_text(r):
            parts.append("Phí, lệ phí: " + fee_text(r))
        if r["desc"]:
            parts.append(r["desc"])
        items.append(r["channel"] + (" | " + "; ".join(parts) if parts else ""))
    return items


def grouped(rows, key):
    """'value' when every channel has the same one, else 'Channel, channel: value' lines."""
    groups = []
    for r in rows:
        v = key(r)
        if not v:
            continue
        for g in groups:
            if g[1] == v:
                if r["channel"] not in g[0]:
                    g[0].append(r["channel"])
                break
        else:
            groups.append([[r["channel"]], v])
    if not groups:
        return ""
    if len(groups) == 1 and len(groups[0][0]) == len({r["channel"] for r in rows}):
        return groups[0][1]
    out = []
    for chans, v in groups:
        names = ", ".join([chans[0]] + [c[0].lower() + c[1:] for c in chans[1:]])
        out.append("%s: %s" % (names, v))
    return "\n".join(out)


def deadline(code, rows, cach_text):
    # 1. an explicit official sentence in the channel description
    for r in rows:
        m = re.search(r"Thời hạn giải quyết\s*:\s*", r["desc"])
        if m:
            # keep the original lines of that passage
            raw = unicodedata.normalize("NFC", cach_text)
            i = raw.find("Thời hạn giải quyết")
            seg = raw[i:]
            seg = seg[re.match(r"Thời hạn giải quyết\s*:\s*", seg).end():]
            stop = ROW_START.search(seg)
            if stop:
                seg = seg[:stop.start()]
            return "\n".join(lines_of(seg))
    for r in rows:
        if re.match(r"-?\s*Thời hạn thực hiện", r["desc"]):
            raw = unicodedata.normalize("NFC", cach_text)
            i = raw.find("Thời hạn thực hiện")
            j = raw.rfind("-", 0, i)
            seg = raw[j if j >= 0 and i - j < 3 else i:]
            stop = ROW_START.search(seg)
            if stop:
                seg = seg[:stop.start()]
            return "\n".join(lines_of(seg))
    # 2. one channel listed twice with different times (1.010041): the
    #    description's own deadline sentence of each row
    chans = [r["channel"] for r in rows if r["time"]]
    if len(chans) != len(set(chans)):
        sents = []
        for r in rows:
            for sent in re.split(r"(?<=\.)\s+", r["desc"]):
                sent = strip_bullet(sent)
                if re.search(r"thời hạn|trong thời gian|kéo dài", sent, re.I):
                    if sent not in sents:
                        sents.append(sent)
                    break
        if len(sents) >= len({r["time"] for r in rows if r["time"]}):
            return "\n".join(sents)
    # 3. the table's time column
    return grouped(rows, lambda r: r["time"])


def fees(rows):
    def key(r):
        s = fee_text(r)
        # chứng thực: the description is the fee's explanation
        if s and re.search(r"\d[\d.]*\s*(đồng|USD)/|phí", r["desc"]):
            s += ". " + r["desc"] if not s.endswith(".") else " " + r["desc"]
        return s
    return grouped(rows, key)


# ---------------------------------------------------------------------------
# thành phần hồ sơ
# ---------------------------------------------------------------------------

DOC_HEAD = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
QTY_RE = re.compile(r"(\d+ bản chính(?:,\s*\d+ bản sao)?|\d+ bản sao)")
NOTE_BULLET = re.compile(r"(?<=[.;:])\s*-\s*(?=[A-ZĐÀ-Ỹ])")
FORM_RE = re.compile(r"(\d+\.{1,2}[A-Za-z0-9]+(?: \(\d+\))?\.(?:docx?|pdf|xlsx?))$")


def documents(code, text):
    text = unicodedata.normalize("NFC", text)
    parts = text.split(DOC_HEAD)
    items = []

    def heading(h):
        h = flat(h)
        if h.strip("-– ") == "":
            return
        items.append(strip_bullet(h))

    heading(parts[0])
    for n, part in enumerate(parts[1:], 1):
        pos = 0
        for m in QTY_RE.finditer(part):
            doc = part[pos:m.start()]
            pos = m.end()
            doc = flat(doc)
            f = FORM_RE.search(doc)
            if f:
                doc = doc[:f.start()].rstrip() + " (Mẫu đơn, tờ khai: %s)" % f.group(1)
            # notes whose bullets the scraper ran together: "*Lưu ý: - A. - B."
            pieces = [strip_bullet(x) for x in NOTE_BULLET.split(doc)]
            pieces = [x for x in pieces if x]
            if not pieces:
                warn(code, "thanh_phan: quantity without a document")
                continue
            items.extend(pieces[:-1])
            items.append("%s | %s" % (pieces[-1], re.sub(r",\s*", ", ", m.group(1))))
        tail = part[pos:]
        if n + 1 < len(parts):
            heading(tail)
        elif flat(tail):
            warn(code, "thanh_phan: trailing text without quantity: %r" % flat(tail)[:60])
            items.append(strip_bullet(flat(tail)))
    return items


# ---------------------------------------------------------------------------
# căn cứ pháp lý
# ---------------------------------------------------------------------------

LAW_HEAD = "Tên văn bản pháp lýMã văn bản"
AGENCY = (r"[A-ZĐ]{1,5}\d{0,2}(?:-(?:UBTƯMTTQVN|BVHTTDL|BLĐTBXH|BTTTT|BTC|BTP|BCA|BNV|BYT|CP|TTg"
          r"|[A-ZĐƯ]{2,10}(?![a-zđà-ỹ])))*")
CODE_RE = re.compile(
    r"(?=((?:Thông tư số |Nghị định số |Nghị quyết số |Thông tư |Nghị định |Luật )?"
    r"(?:0\d|[1-9]\d{0,2})(?:\.\d+|\.?[a-z])?/\d{4}/" + AGENCY +
    r"|Quyết định số \d{1,5}/QĐ-[A-ZĐ]+))")
ENDS_WITH_CODE = re.compile(r"\d+/\d{4}/" + AGENCY + r"$")


def legal_basis(code, text):
    """Rows "name | code" out of "Tên văn bản pháp lýMã văn bản" + name+code+name+code...

    A row's code is glued to the end of its name.  A code quoted inside a name
    follows a space or "(", so a code that follows a space is not a row end;
    where several readings end at the same place ("Luật 60/2014/QH13" +
    "60/2014/QH13", "Luật Cư trú 2020" + "68/2020/QH14") the name must end on a
    word, a year or a whole code."""
    s = flat(unicodedata.normalize("NFC", text))
    if s.startswith(LAW_HEAD):
        s = s[len(LAW_HEAD):]
    else:
        warn(code, "can_cu: unexpected table head")
    by_end = {}
    for m in CODE_RE.finditer(s):
        st, tok = m.start(), m.group(1)
        by_end.setdefault(st + len(tok), []).append((st, tok))
    chosen = []
    for en in sorted(by_end):
        longest = min(by_end[en])[0]
        if longest == 0 or s[longest - 1] in " (":
            continue                      # the longest reading is quoted in a name
        cs = [c for c in by_end[en] if s[c[0] - 1] not in " ("]
        if re.match(r"\s*(ngày|của)\b", s[en:]):
            continue                      # "... số 53/2025/TT-BCAngày 01/7/2025"

        def score(c):
            st, tok = c
            before = s[:st]
            return (not before[-1].isdigit(),
                    before.endswith(tok),
                    bool(re.search(r"(?:^|[\s/])(?:19|20)\d\d$", before) or ENDS_WITH_CODE.search(before)),
                    len(tok))
        st, tok = max(cs, key=score)
        if s[st - 1].isdigit() and not any(score((st, tok))[1:3]):
            continue                      # a number cut in two: not a row end
        chosen.append((st, en, tok))
    items, pos, seen = [], 0, set()
    for st, en, tok in chosen:
        if st < pos:
            continue
        name = s[pos:st].strip()
        if not name:
            continue                      # a row's name is never empty
        pos = en
        it = "%s | %s" % (name, tok)
        if it not in seen:
            seen.add(it)
            items.append(it)
    tail = s[pos:].strip()
    if tail:
        # the page cut the last code short ("Luật 60/2014/QH1360/2014/"): keep the name
        for k in range(len(tail) - 1, 0, -1):
            if re.fullmatch(r"\d{1,3}/\d{4}/?", tail[k:]) and ENDS_WITH_CODE.search(tail[:k]):
                warn(code, "can_cu: last code cut short on the page: %r; name kept" % tail)
                items.append(tail[:k])
                break
        else:
            warn(code, "can_cu: trailing text %r" % tail[:60])
            items.append(tail)
    return items


# ---------------------------------------------------------------------------
# kết quả, plain fields
# ---------------------------------------------------------------------------

def results(text):
    s = unicodedata.normalize("NFC", text)
    i = s.find("Từ khóa")
    if i >= 0:
        s = s[:i]                          # page widget: keywords, description, agency picker
    s = re.sub(r"Chọn cơ quan thực hiện.*$", "", s, flags=re.S)
    out = []
    for p in re.split(r"Mã:\s*(?:KQ\.[A-Z]\d{2}\.\d{6}|[A-Za-z0-9.]+?(?=[A-ZĐ]|$))", s):
        p = flat(p).strip(" ;")
        if p and not is_empty(p) and p not in out:
            out.append(p)
    return "\n".join(out)


def plain(text):
    if is_empty(text):
        return ""
    return "\n".join(lines_of(text))


def keywords(code, name):
    low = name.lower()
    return ", ".join(w for w in KEYWORDS.get(code, "").split(", ") if w and w.lower() not in low)


def doc_count(text):
    m = re.search(r"Số lượng hồ sơ:\s*([^.]*\.)", unicodedata.normalize("NFC", text))
    return clean_line(m.group(1)) if m else ""


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def convert(rec):
    code = rec["ma_thu_tuc"].strip()
    sec = sections(rec)
    rows = parse_channels(code, sec["cach_thuc"])
    dl = deadline(code, rows, sec["cach_thuc"])
    if not dl:
        warn(code, "no deadline in the record")
        dl = NO_DEADLINE
    agency = sec["co_quan"] if not is_empty(sec["co_quan"]) else rec["co_quan_co_tham_quyen"]
    p = {
        "ma_thu_tuc": code,
        "ten_thu_tuc": clean_line(rec["ten_thu_tuc"]),
        "linh_vuc": clean_line(rec["linh_vuc"]),
        "cap_thuc_hien": clean_line(rec["cap_thuc_hien"]),
        "trinh_tu": "\n".join(steps(sec["trinh_tu"])),
        "cach_thuc": "\n".join(channel_items(rows)),
        "thanh_phan_ho_so": "\n".join(documents(code, sec["thanh_phan"])),
        "so_luong_ho_so": doc_count(sec["thanh_phan"]),
        "thoi_han": dl,
        "phi_le_phi": fees(rows),
        "doi_tuong": plain(rec["doi_tuong_thuc_hien"]),
        "co_quan_thuc_hien": plain(agency),
        "ket_qua": results(sec["ket_qua"]),
        "yeu_cau_dieu_kien": plain(sec["yeu_cau"]),
        "can_cu_phap_ly": "\n".join(legal_basis(code, sec["can_cu"])),
        "mau_don": "",                      # we ship no forms/*.pdf
        "quyet_dinh_cong_bo": clean_line(rec["so_quyet_dinh"]),
        "trang_thai": "",
        "ngay_hieu_luc": "",
        "muc_do_dvc": "",
        "url": rec["detail_url"].strip(),
        "tu_khoa": keywords(code, rec["ten_thu_tuc"]),
    }
    for k in p:
        if k != "url":
            p[k] = unglue(p[k])
    if not p["phi_le_phi"]:
        warn(code, "no fee in the record")
    if any(r["unit_inferred"] for r in rows):
        warn(code, "time unit not on the page; 'ngày làm việc' assumed")
    return p, rec


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def official_text(rec):
    """The record's text, cleaned the way the cells are (for the verbatim checks)."""
    return norm_ws(clean_line(norm_ws(rec["raw_text"])))


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s IN_DIR OUT_DIR\n" % argv[0])
        return 2
    in_dir, out_dir = argv[1], argv[2]
    files = sorted(glob.glob(os.path.join(in_dir, "chatbot_tthc", "*", "*.json")))
    if not files:
        files = sorted(glob.glob(os.path.join(in_dir, "*", "*.json")))
    if not files:
        sys.stderr.write("%s: no chatbot_tthc/*/*.json records\n" % in_dir)
        return 1
    recs = {}
    for fn in files:
        with open(fn, encoding="utf-8") as f:
            rec = json.load(f)
        recs[rec["ma_thu_tuc"].strip()] = rec
    procs = [convert(recs[c])[0] for c in sorted(recs)]

    # checks on the hand-made content: answers are verbatim record text
    ok = True
    texts = {p["ma_thu_tuc"]: norm_ws(" ".join(p.values())) + " " + official_text(recs[p["ma_thu_tuc"]])
             for p in procs}
    for c, q, a in FAQ:
        if norm_ws(clean_line(a)) not in texts.get(c, ""):
            sys.stderr.write("faq: answer for %s is not verbatim record text: %r\n" % (c, a[:60]))
            ok = False
    for d, q, ag, c, a in FEEDBACK:
        if norm_ws(clean_line(a)) not in texts.get(c, ""):
            sys.stderr.write("feedback: answer for %s is not verbatim record text: %r\n" % (c, a[:60]))
            ok = False
    seed = sorted(glob.glob(os.path.join(in_dir, "..", "..", "seed", "000_*.txt")))
    if seed:
        with open(seed[0], encoding="utf-8") as f:
            plan = norm_ws(re.sub(r"[*]", "", f.read()))
        for t, body in NEWS:
            for para in body.split("\n"):
                if norm_ws(para) not in plan:
                    sys.stderr.write("news: not verbatim in the plan: %r\n" % para[:60])
                    ok = False
    if not ok:
        return 1

    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "bundle.ini"), "w", encoding="utf-8", newline="") as f:
        f.write("[bundle]\n" + "".join("%s = %s\n" % kv for kv in BUNDLE_INI))
    write_csv(os.path.join(out_dir, "procedures.csv"), PROC_COLUMNS,
              [[p[k] for k in PROC_COLUMNS] for p in procs])
    write_csv(os.path.join(out_dir, "faq.csv"), ["ma_thu_tuc", "cau_hoi", "tra_loi"],
              [[c, q, a] for c, q, a in FAQ])
    write_csv(os.path.join(out_dir, "hotlines.csv"),
              ["co_quan", "noi_dung", "dien_thoai", "email", "dia_chi", "gio_tiep_nhan", "thu_tu"],
              HOTLINES)
    write_csv(os.path.join(out_dir, "feedback.csv"),
              ["ngay", "noi_dung", "co_quan_tra_loi", "tra_loi", "ma_thu_tuc"],
              [[d, q, ag, a, c] for d, q, ag, c, a in FEEDBACK])
    write_csv(os.path.join(out_dir, "indices.csv"),
              ["chi_so", "nam", "don_vi", "hang_muc", "diem", "diem_toi_da", "xep_hang", "ghi_chu"],
              INDICES)
    write_csv(os.path.join(out_dir, "news.csv"), ["ngay", "tieu_de", "noi_dung", "hinh_anh"],
              [[NEWS_DATE, t, b, ""] for t, b in NEWS])
    for w in warnings:
        sys.stderr.write("note: %s\n" % w)
    sys.stderr.write("wrote %d procedures to %s\n" % (len(procs), out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
