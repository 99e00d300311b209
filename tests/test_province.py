"""The article's province (SPEC section 8): districts and wards behind it, the resolver's
cues, and the example corpus ``patterns/province.examples.jsonl`` walked line by line."""

from __future__ import annotations

import time

import pytest

import extract
from extract import lexicon
from extract.find.localities import find_localities, index


def _province(text: str) -> str | None:
    rec = extract.extract_text(text)
    return rec["province"]["code"] if rec["province"] else None


def _cases(field: str):
    return [pytest.param(ex, id=f"{field}-{i}") for i, ex in enumerate(lexicon.examples("province"), 1) if field in ex]


def test_corpus_size():
    examples = lexicon.examples("province")
    localities = [e for e in examples if "localities" in e]
    articles = [e for e in examples if "province" in e]
    assert sum(1 for e in localities if e["localities"]) >= 12 and sum(1 for e in localities if not e["localities"]) >= 5
    assert sum(1 for e in articles if e["province"]) >= 5 and sum(1 for e in articles if not e["province"]) >= 4


@pytest.mark.parametrize("ex", _cases("localities"))
def test_localities_examples(ex):
    assert [{"text": loc.text, "code": loc.code} for loc in find_localities(ex["text"])] == ex["localities"]


@pytest.mark.parametrize("ex", _cases("province"))
def test_province_examples(ex):
    assert _province(ex["text"]) == ex["province"]


def test_districts_and_wards_come_from_the_package():
    ix = index()
    assert len(ix.named) > 6000  # ~700 districts and ~10,000 wards, many sharing a name
    assert ix.typed[("district", "quận", "hà đông")] == frozenset({"01"})


def test_a_shared_name_is_read_with_its_type_or_not_at_all():
    # Hoàng Mai is a quận of Hà Nội and a thị xã of Nghệ An; Châu Thành a huyện in several provinces
    assert [loc.code for loc in find_localities("thị xã Hoàng Mai và quận Hoàng Mai")] == ["40", "01"]
    assert find_localities("huyện Châu Thành") == []


def test_a_shorter_name_inside_a_shared_one_is_not_taken():
    # a ward name shared by several provinces must not fall back to a one-syllable ward
    text = "trú xã Thanh Sơn, huyện Kim Bảng"
    assert [loc.text for loc in find_localities(text)] == ["Kim Bảng"]


def test_old_tone_placement_is_the_same_name():
    assert [loc.code for loc in find_localities("TP Biên Hoà")] == ["75"]


def test_localities_only_in_the_regions():
    text = "quận Hà Đông\nhuyện Gia Lâm"
    assert [loc.text for loc in find_localities(text, [[13, len(text)]])] == ["Gia Lâm"]


def test_a_local_report_naming_only_its_district_is_filed_under_its_province():
    text = (
        "Sửa xong cây cầu dân sinh\n"
        "UBND huyện Gia Lâm vừa bàn giao cây cầu nối hai thôn của xã Kiêu Kỵ.\n"
        "Theo lãnh đạo huyện Gia Lâm, cây cầu giúp hơn 2.000 hộ đi lại thuận tiện."
    )
    assert _province(text) == "01"


def test_an_address_naming_its_province_does_not_add_the_districts_again():
    # the winner's home address (districts of Hà Nội, then Hà Nội) must not outweigh Đà Nẵng
    text = (
        "Trao thưởng tại Đà Nẵng\n"
        "Sáng nay tại TP Đà Nẵng, chi nhánh Đà Nẵng trao giải cho khách hàng.\n"
        "Khách hàng ở phường Láng Hạ, quận Đống Đa, TP. Hà Nội và thường đến Hà Nội công tác."
    )
    assert _province(text) == "48"


def test_an_address_in_the_lead_names_the_province_as_a_unit_word_does():
    # `H.Cam Lâm (Khánh Hòa)`: the province closes the district's address, as `tỉnh Khánh
    # Hòa` would name it; in the lead that is where the story happens
    text = (
        "Phá rừng phòng hộ ven biển\n"
        "Ngày 3.4, Hạt Kiểm lâm H.Cam Lâm (Khánh Hòa) cho biết đã lập biên bản vụ chặt phá 2 ha rừng.\n"
        "Lực lượng chức năng đang truy tìm những người chặt cây."
    )
    assert _province(text) == "56"
    # a teacher's school address in the body does not file a national exam story under her city
    later = (
        "Kinh nghiệm ôn thi môn Văn\n"
        "Để đạt điểm cao môn Văn, học sinh nên đọc kỹ đề, lập dàn ý trước khi viết và phân bổ thời gian hợp lý.\n"
        "Cô Lê Thị Hoa, giáo viên một trường THPT ở quận 10, TP.HCM, khuyên học sinh luyện viết mỗi ngày.\n"
        "Nhiều giáo viên cho rằng lỗi phổ biến nhất của thí sinh là lạc đề và viết lan man."
    )
    assert _province(later) is None


def test_a_deputy_s_province_in_brackets_is_whom_he_represents():
    # a National Assembly debate quoting a deputy of Hậu Giang three times is national
    text = (
        "Tranh luận sôi nổi về dự thảo Luật Quy hoạch\n"
        "ĐBQH Trần Văn Nam (Hậu Giang) cho rằng dự thảo cần quy định rõ trách nhiệm của từng bộ khi lập quy hoạch.\n"
        "Phát biểu tại phiên thảo luận, ĐB Trần Văn Nam (Hậu Giang) đề nghị rút gọn thủ tục. Đồng tình, "
        "đại biểu Lê Thị Mai (đoàn Sóc Trăng) nói thêm rằng ĐB Trần Văn Nam (Hậu Giang) đã nêu đúng vấn đề."
    )
    assert _province(text) is None
    # the same province named as a place the story happens in still counts
    local = text.replace("Tranh luận sôi nổi về dự thảo Luật Quy hoạch", "Hậu Giang lấy ý kiến dự thảo Luật Quy hoạch")
    assert _province(local) == "93"


def test_a_lead_listing_several_provinces_bills_them_all():
    text = (
        "Mưa lũ gây thiệt hại nặng ở miền núi phía Bắc\n"
        "Mưa lớn kéo dài mấy ngày qua đã gây lũ quét ở 4 tỉnh gồm Lào Cai, Yên Bái, Hà Giang và Sơn La.\n"
        "Tại huyện Bát Xát, nước lũ cuốn trôi nhiều nhà dân. Huyện Bảo Thắng cũng bị ngập sâu. "
        "Ở huyện Văn Bàn, nhiều tuyến đường bị sạt lở."
    )
    assert _province(text) is None  # the districts that follow are one province's section
    # a title that names one of them keeps the focus
    assert _province(text.replace("ở miền núi phía Bắc", "ở Lào Cai")) == "10"
    # two names joined are a pair, not a list of the whole region
    assert _province(text.replace("4 tỉnh gồm Lào Cai, Yên Bái, Hà Giang và Sơn La", "Lào Cai và Yên Bái")) == "10"


def test_a_capital_inside_a_school_s_name_is_not_the_city_named_up_front():
    text = (
        "Học viện Âm nhạc Hà Nội được giao thêm chỉ tiêu đào tạo thạc sĩ\n"
        "Bộ Văn hóa vừa ký quyết định giao Học viện Âm nhạc Hà Nội đào tạo thêm hai ngành thạc sĩ từ năm học tới.\n"
        "Theo quyết định, Học viện Âm nhạc Hà Nội tuyển 40 học viên mỗi năm."
    )
    assert _province(text) is None  # a ministry's decision about its school: national
    # the city's own body acting on the school keeps the city
    city = text.replace("Bộ Văn hóa vừa ký", "UBND TP Hà Nội vừa ký")
    assert _province(city) == "01"


def test_a_round_up_title_is_national():
    title = "khánh thành cầu mới nối hai quận ven sông\n\nSáng nay, UBND TP.HCM khánh thành cầu mới dài 300 mét."
    assert _province("TP.HCM " + title) == "79"
    assert _province("Điểm tin chiều: TP.HCM " + title) is None


def test_finding_localities_is_linear():
    def cost(n: int) -> float:
        """CPU seconds, best of three: a busy machine adds to wall time, not to these."""
        text = ("Xã Hòa Xã Hòa Xã Hòa huyện Phú Quận Tân " * (n // 40 + 1))[:n]
        best = float("inf")
        for _ in range(3):
            t = time.process_time()
            find_localities(text)
            best = min(best, time.process_time() - t)
        return best

    find_localities("quận 1")
    # 8x the input: linear work takes about 8x, quadratic 64x (the hostile family's margin)
    assert cost(80_000) < 20 * cost(10_000) + 0.02


def test_a_plural_unit_word_marks_a_list_not_the_first_name():
    spread = (
        "Nắng nóng kéo dài ở miền Trung\n\nNắng nóng gay gắt tại Nghệ An, Hà Tĩnh, Quảng Bình và Quảng Trị.\n\n"
        "Các tỉnh Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị đã cấp thêm nước cho dân.\n"
    )
    assert _province(spread) is None


def test_a_unit_named_in_the_opening_of_the_body_after_a_placeless_lead():
    text = (
        "Hai thanh niên đuối nước khi tắm biển\n\n"
        "Hai thanh niên đi tắm biển chiều qua đã bị sóng cuốn trôi, một người vẫn mất tích.\n\n"
        "Chiều 6/5, lực lượng chức năng huyện Vạn Ninh, tỉnh Khánh Hòa tìm kiếm nạn nhân còn lại. "
        "Hai người cùng trú tại địa phương, đi tắm cùng nhóm bạn. UBND huyện Vạn Ninh đã đến thăm gia đình."
    )
    assert _province(text) == "56"  # named only in the body's opening: 6.0, below min_score_body


def test_a_ministry_is_a_national_cue_but_a_province_s_command_is_not():
    from extract.resolve.province import cues

    national = cues().national
    assert national.search("Bộ Tài chính vừa trả lời")
    assert national.search("theo cả nước")
    assert not national.search("Bộ Chỉ huy Quân sự tỉnh")
    assert not national.search("bộ hồ sơ") and not national.search("Bộ đội")


def test_a_capital_named_up_front_keeps_the_story_despite_a_ministry():
    # the lead names the city: a ministry acting on a local case does not make it national
    text = (
        "Kiểm tra cơ sở sản xuất bánh trung thu\n"
        "Đoàn kiểm tra của Bộ Công Thương làm việc tại TP.HCM ngày 5/9.\n"
        "Tại một cơ sở ở quận Tân Phú, đoàn phát hiện hơn 2.000 chiếc bánh không rõ nguồn gốc."
    )
    assert _province(text) == "79"
