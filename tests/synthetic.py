"""Articles written for the tests (not from any site): three news stories, each a title
and paragraphs, used by the near-duplicate and site-template tests."""

RIVER = [
    "Tỉnh Hòa Lâm khởi công cầu mới qua sông Lam Giang",
    "Sáng ngày 12/3, Ủy ban nhân dân tỉnh Hòa Lâm tổ chức lễ khởi công xây dựng cầu Lam Giang 2, "
    "nối thị trấn Bến Đá với xã Phước An sau nhiều năm người dân phải qua sông bằng đò ngang.",
    "Cây cầu dài 820 mét, rộng 14 mét, có tổng mức đầu tư 460 tỷ đồng từ ngân sách trung ương và "
    "ngân sách tỉnh. Theo kế hoạch, công trình sẽ hoàn thành sau 30 tháng thi công liên tục.",
    "Phát biểu tại buổi lễ, Chủ tịch tỉnh yêu cầu nhà thầu bảo đảm chất lượng, an toàn lao động và "
    "giữ vệ sinh môi trường, đồng thời đề nghị chính quyền các xã ven sông phối hợp giải phóng mặt bằng.",
    "Ông Trần Văn Khải, một người lái đò đã làm nghề hơn hai mươi năm, cho biết cả làng mong cây cầu "
    "từ lâu vì mùa lũ học sinh thường phải nghỉ học nhiều ngày liền.",
    "Dự án thuộc chương trình phát triển giao thông nông thôn giai đoạn 2021 - 2025 của tỉnh, với 12 "
    "cây cầu dân sinh đã được phê duyệt chủ trương đầu tư.",
]
FAIR = [
    "Hội chợ nông sản an toàn thu hút hơn 150 gian hàng",
    "Chiều 20/9, tại quảng trường trung tâm thành phố Vĩnh Thanh, Sở Nông nghiệp khai mạc hội chợ "
    "nông sản an toàn lần thứ năm với sự tham gia của các hợp tác xã trong và ngoài tỉnh.",
    "Ban tổ chức dành riêng một khu trưng bày cho sản phẩm OCOP, trong đó có mật ong rừng, chè búp "
    "khô, gạo hữu cơ và các loại trái cây đặc sản đang vào vụ thu hoạch.",
    "Trong năm ngày diễn ra hội chợ, người tiêu dùng được thử sản phẩm miễn phí, tham gia tọa đàm về "
    "truy xuất nguồn gốc và kết nối trực tiếp với các nhà vườn.",
    "Bà Lê Thị Hạnh, Giám đốc hợp tác xã rau sạch Đồng Xuân, chia sẻ rằng mỗi kỳ hội chợ giúp đơn vị ký "
    "thêm hợp đồng tiêu thụ với các siêu thị và bếp ăn trường học.",
    "Năm nay, lần đầu tiên hội chợ có khu bán hàng trực tuyến, nơi các tiểu thương được hướng dẫn mở gian "
    "hàng trên sàn thương mại điện tử và thanh toán bằng mã QR.",
    "Theo Sở Nông nghiệp, doanh thu của hội chợ lần trước đạt khoảng 9 tỷ đồng, và năm nay ban tổ chức kỳ "
    "vọng con số này tăng ít nhất một phần ba nhờ lượng khách từ các tỉnh lân cận.",
]
CLINIC = [
    "Khánh thành trạm y tế xã vùng cao Nậm Pồ",
    "Trạm y tế xã Nậm Pồ vừa được đưa vào sử dụng sau mười tháng xây dựng bằng nguồn vốn viện trợ của "
    "một tổ chức phi chính phủ, với sáu phòng khám, một phòng sinh và khu lưu trú cho người nhà bệnh nhân.",
    "Trước đây, bà con các bản xa phải đi bộ gần một ngày đường mới tới bệnh viện huyện, nhiều ca sinh "
    "khó không kịp chuyển tuyến trong mùa mưa.",
    "Ngành y tế huyện đã cử thêm hai bác sĩ và một nữ hộ sinh về công tác tại trạm, đồng thời tổ chức "
    "lớp tập huấn sơ cứu cho cô đỡ thôn bản.",
    "Đại diện nhà tài trợ cho biết sẽ tiếp tục hỗ trợ trang thiết bị siêu âm và tủ thuốc thiết yếu trong "
    "hai năm tới, nếu xã duy trì tốt việc khám định kỳ cho phụ nữ mang thai.",
]


HARBOUR = [
    "Cảng cá Sông Đốc mở rộng bến neo đậu tránh trú bão",
    "Ban quản lý cảng cá Sông Đốc vừa hoàn thành giai đoạn một của dự án mở rộng bến neo đậu, đủ chỗ "
    "cho thêm khoảng ba trăm tàu cá công suất lớn vào tránh trú khi có bão.",
    "Kè chắn sóng mới dài 600 mét được gia cố bằng khối bê tông đúc sẵn, thay cho đoạn kè đất cũ thường "
    "bị sạt lở sau mỗi mùa mưa.",
    "Ngư dân địa phương cho biết trước đây vào mùa gió chướng, tàu thuyền phải neo chen chúc trên sông, "
    "nhiều lần va chạm gây hư hỏng vỏ tàu.",
]
LIBRARY = [
    "Thư viện tỉnh mở phòng đọc dành cho người khiếm thị",
    "Phòng đọc mới được trang bị máy tính có phần mềm đọc màn hình, máy in chữ nổi và hơn hai nghìn đầu "
    "sách nói do các tình nguyện viên thu âm trong suốt ba năm qua.",
    "Giám đốc thư viện cho biết đơn vị sẽ phối hợp với hội người mù tổ chức các lớp hướng dẫn sử dụng máy "
    "tính miễn phí vào sáng thứ bảy hằng tuần.",
    "Em Nguyễn Văn Tâm, học sinh lớp chín, chia sẻ rằng lần đầu tiên em có thể tự tìm đọc truyện mà không "
    "cần nhờ người thân đọc giúp.",
]
MARKET = [
    "Chợ nổi Cái Răng thu hút khách dịp cuối tuần",
    "Những ngày cuối tuần, chợ nổi Cái Răng tấp nập ghe xuồng từ các huyện lân cận chở nông sản về buôn "
    "bán, kéo theo lượng lớn du khách đến tham quan từ sáng sớm.",
    "Các hộ kinh doanh trên sông đã được hướng dẫn niêm yết giá, giữ vệ sinh và không chèo kéo khách, "
    "giúp hình ảnh của chợ ngày càng thân thiện hơn.",
    "Theo ban quản lý, mỗi ngày có khoảng bốn trăm ghe xuồng tham gia mua bán, tăng gần gấp rưỡi so với "
    "cùng kỳ năm trước.",
]
