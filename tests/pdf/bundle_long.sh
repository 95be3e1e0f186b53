# Shared by the pdf and print tests: writes into folder $1 a small bundle
# with one very long procedure (LONG_CODE: 60 steps, 41 documents in two
# sections, a form, an online-service URL) and one short one (SHORT_CODE).
# $2 is a PDF copied in as the blank form forms/to_khai.pdf.
LONG_CODE=9.999001
SHORT_CODE=9.999002
LONG_URL='https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=9.999001'
HOTLINE_PHONE='0212 3866 123'

write_long_bundle() {
	local dir=$1 form=$2 i steps docs
	mkdir -p "$dir/forms"
	cp "$form" "$dir/forms/to_khai.pdf"
	cat > "$dir/bundle.ini" <<-EOF
	don_vi = UBND xã Thử Nghiệm
	phien_ban = 7
	ngay_ban_hanh = 01/01/2026
	nguoi_lap = Bộ kiểm thử motcua
	EOF
	steps=""
	for i in $(seq 1 60); do
		steps+="Công dân nộp giấy tờ và chờ kết quả của bước thứ $i."$'\n'
	done
	docs="* Giấy tờ phải nộp:"$'\n'"Tờ khai đăng ký theo mẫu | 01 bản chính"$'\n'
	for i in $(seq 1 40); do
		[ "$i" = 21 ] && docs+="* Giấy tờ phải xuất trình:"$'\n'
		docs+="Giấy tờ số $i của người yêu cầu đăng ký | 01 bản chính"$'\n'
	done
	{
		echo 'ma_thu_tuc,ten_thu_tuc,linh_vuc,trinh_tu,thanh_phan_ho_so,thoi_han,phi_le_phi,mau_don,url'
		printf '%s,"%s",%s,"%s","%s",%s,"%s","%s",%s\n' "$LONG_CODE" \
			"Thủ tục thử nghiệm rất dài có sáu mươi bước và bốn mươi giấy tờ" \
			"Hộ tịch" "${steps%$'\n'}" "${docs%$'\n'}" "05 ngày làm việc" \
			"Miễn lệ phí" "Tờ khai đăng ký | forms/to_khai.pdf" "$LONG_URL"
		printf '%s,%s,%s,%s,"%s",%s,,,\n' "$SHORT_CODE" "Thủ tục thử nghiệm ngắn" "Hộ tịch" \
			"Nộp hồ sơ." "Tờ khai | 01 bản chính" "Ngay trong ngày"
	} > "$dir/procedures.csv"
	cat > "$dir/hotlines.csv" <<-EOF
	co_quan,dien_thoai,thu_tu
	UBND xã Thử Nghiệm,$HOTLINE_PHONE,1
	EOF
}
