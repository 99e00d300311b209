"""Amount kind and stage (SPEC section 10): the example corpus, every cue, the record fields.

``patterns/money_kind.examples.jsonl`` holds sentences written for the cue lexicon, each with
every amount in it and the kind and stage that amount must get."""

from __future__ import annotations

import pytest
import regex

from extract import lexicon
from extract.find.amounts import find_amounts
from extract.pipeline import extract_text
from extract.resolve.money_kind import KINDS, STAGES, resolve_kinds


def _resolved(text: str) -> list[dict]:
    amounts = find_amounts(text)
    resolve_kinds(text, amounts)
    return [{"text": a.text, "kind": a.kind, "stage": a.stage} for a in amounts]


EXAMPLES = lexicon.examples("money_kind")


@pytest.mark.parametrize("example", [pytest.param(e, id=f"money_kind-{i}") for i, e in enumerate(EXAMPLES, 1)])
def test_example(example):
    assert _resolved(example["text"]) == example["expect"], example["text"]


def test_corpus_size_and_labels():
    amounts = [a for e in EXAMPLES for a in e["expect"]]
    assert len(EXAMPLES) >= 120 and len(amounts) >= 150
    assert {a["kind"] for a in amounts} == set(KINDS)
    assert {a["stage"] for a in amounts} == set(STAGES) | {None}
    assert sum(1 for e in EXAMPLES if len(e["expect"]) > 1) >= 25  # governing needs company


def _mentions(cue: str, text: str) -> bool:
    return bool(regex.search(rf"(?i)(?<!\p{{L}}){regex.escape(cue)}(?![\p{{L}}\d])", text))


@pytest.mark.parametrize("family", ["kinds", "stages"])
def test_every_cue_has_an_example(family):
    """Duckling style: no cue in the lexicon without a sentence that exercises it."""
    data = lexicon.load("money_kind")
    missing = [cue for group in data[family].values() for cue in group if not any(_mentions(cue, e["text"]) for e in EXAMPLES)]
    assert not missing, missing


def test_the_governing_cue_wins_over_one_sharing_the_sentence():
    got = _resolved("Vốn FDI đăng ký 2 tỷ USD, giải ngân 1,2 tỷ USD.")
    assert [(a["kind"], a["stage"]) for a in got] == [("investment", "registered"), ("investment", "disbursed")]


def test_paragraph_context_for_an_amount_without_a_cue():
    text = "Tỉnh đẩy mạnh vận động viện trợ. Năm nay tổng giá trị đạt 4 triệu USD.\n"
    rec = extract_text(text)
    assert [(a["kind"], a["stage"]) for a in rec["amounts"]] == [("aid", None)]


def test_every_amount_of_a_record_carries_kind_and_stage():
    rec = extract_text("Giá vàng giảm 100 nghìn đồng/lượng.\n\nTỉnh tiếp nhận 2 triệu USD viện trợ, giải ngân 1 triệu USD.\n")
    assert [(a["kind"], a["stage"]) for a in rec["amounts"]] == [("other", None), ("aid", "approved"), ("aid", "disbursed")]
    assert all(set(a) >= {"kind", "stage"} for a in rec["amounts"])


def test_title_amount_is_read_in_its_line():
    rec = extract_text("Trao 5 tỷ đồng học bổng cho sinh viên nghèo\nNgày 1/6, quỹ đã trao học bổng.\n")
    assert rec["amounts"] and rec["amounts"][0]["kind"] == "donation"


def test_the_state_giver_in_the_amounts_own_stretch_outweighs_a_foreign_giver_before_it():
    """The giver nearest the amount decides: a foreign NGO named in the sentence before gives
    no `aid` to money the central State hands out in this one."""
    text = "Tổ chức phi chính phủ nước ngoài đã giúp xã nhiều năm. Năm nay Trung ương phân bổ thêm 40 tỷ đồng hỗ trợ làm đường.\n"
    assert [(a["kind"], a["stage"]) for a in extract_text(text)["amounts"]] == [("budget", "approved")]
    text = "Tổ chức phi chính phủ nước ngoài đã giúp xã nhiều năm. Năm nay họ hỗ trợ thêm 2 tỷ đồng làm đường.\n"
    assert [a["kind"] for a in extract_text(text)["amounts"]] == ["aid"]


def test_new_firms_capital_is_their_own_even_where_an_investment_cue_is_nearer():
    got = _resolved("Tháng này có 700 doanh nghiệp thành lập mới với tổng vốn đăng ký 9.000 tỷ đồng, còn vốn FDI đăng ký đạt 1 tỷ USD.")
    assert [(a["kind"], a["stage"]) for a in got] == [("other", "registered"), ("investment", "registered")]


def test_a_target_to_reach_soon_is_planned_and_one_already_reached_is_not():
    assert _resolved("Hai bên muốn đưa kim ngạch song phương sớm đạt 2 tỷ USD.")[0]["stage"] == "planned"
    assert _resolved("Kim ngạch song phương đã sớm đạt 2 tỷ USD.")[0]["stage"] is None


def test_a_local_government_giving_is_the_state_and_an_address_is_no_giver():
    got = _resolved("Trước mắt, quận hỗ trợ mỗi gia đình 5 triệu đồng; Hội Phụ nữ quận tặng thêm 1 triệu đồng.")
    assert [a["kind"] for a in got] == ["budget", "donation"]
    assert _resolved("Tổ dân phố 4, phường Hòa Khánh, quận Liên Chiểu đóng góp được 7 triệu đồng giúp bà con.")[0]["kind"] == "donation"
    assert _resolved("Huyện đoàn trao 20 triệu đồng học bổng.")[0]["kind"] == "donation"


def test_shares_and_bonds_are_market_money_but_public_bonds_are_the_budget():
    got = _resolved("Khối ngoại mua 50 tỷ đồng cổ phiếu, còn tỉnh phát hành 800 tỷ đồng trái phiếu chính quyền địa phương.")
    assert [a["kind"] for a in got] == ["other", "budget"]


def test_the_noun_the_amount_measures_governs_over_the_verb_before_it():
    """`N đồng tiền X`, `N đồng vốn X`: X is what the money is; `nợ`, `rót` before are verbs.
    A form of holding (`tiền mặt`) says nothing of what the money is."""
    got = _resolved("Hợp tác xã còn nợ 4 tỷ đồng tiền thuế đất và 1 tỷ đồng tiền vay.")
    assert [a["kind"] for a in got] == ["budget", "other"]
    assert _resolved("Công ty nợ 4 tỷ đồng với đối tác.")[0]["kind"] == "other"
    assert _resolved("Hội Phụ nữ phường tặng 3 triệu đồng tiền mặt cho cụ bà.")[0]["kind"] == "donation"


def test_a_source_after_the_amount_counts_only_in_its_own_clause():
    got = _resolved("Tỉnh hỗ trợ 20 tỷ đồng cho 5 dự án có tổng vốn đầu tư 700 tỷ đồng, còn ngân sách xã góp 2 tỷ đồng.")
    assert [a["kind"] for a in got] == ["budget", "investment", "budget"]
    assert _resolved("Tổng vốn đầu tư 700 tỷ đồng lấy từ ngân sách trung ương.")[0]["kind"] == "budget"


def test_an_arms_deal_between_states_is_trade_but_an_army_spending_is_not():
    """Words of a deal (`bán vũ khí`, `hợp đồng vũ khí`) make an export sale; `vũ khí` alone,
    what an army builds or buys for itself, is no cue."""
    assert _resolved("Hai nước ký hợp đồng vũ khí 3 tỷ USD.")[0]["kind"] == "trade"
    assert _resolved("Nước này có kế hoạch bán vũ khí trị giá 600 triệu USD cho láng giềng.")[0] == {
        "text": "600 triệu USD", "kind": "trade", "stage": "planned"}
    assert _resolved("Bộ Quốc phòng dành 800 triệu euro cho vũ khí mới.")[0]["kind"] != "trade"


def test_market_flows_are_no_gift():
    got = _resolved("Thị trường được hỗ trợ bởi dòng tiền, khối ngoại mua ròng 300 tỷ đồng.")
    assert [a["kind"] for a in got] == ["other"]
    assert _resolved("Hội doanh nhân hỗ trợ 300 triệu đồng cho bà con vùng lũ.")[0]["kind"] == "donation"


def test_earnings_and_service_fees_are_other_even_in_a_paragraph_about_public_money():
    text = "Ngân sách tỉnh chi 50 tỷ đồng cho y tế. Tiền khám ở trạm y tế là 20.000 đồng.\n"
    assert [a["kind"] for a in extract_text(text)["amounts"]] == ["budget", "other"]
    assert _resolved("Chị bán rau, mỗi ngày kiếm 120.000 đồng.")[0]["kind"] == "other"


# The first amount of each sentence and the kind it must get, by the reading each group tests
# (a cue that names the money beats a nearer one, who gives or spends it, what is owed, ...).
FIRST_AMOUNT_KINDS: dict[str, list[tuple[str, str]]] = {
    "giver_decides_aid_or_donation": [
        ("Kiều bào ở Đức ủng hộ 200 triệu đồng cho quê nhà.", "aid"),
        ("Hội Chữ thập đỏ xã ủng hộ 200 triệu đồng cho quê nhà.", "donation"),
        ("Một nhà hảo tâm giấu tên tặng 5.000 USD cho trường.", "aid"),  # foreign currency
    ],
    "state_charges_are_budget_without_power_over_a_projects_capital": [
        ("Doanh nghiệp còn nợ tiền thuê đất 3 tỷ đồng.", "budget"),
        # a tax or land charge named after a project's capital says what the project pays, not
        # where its capital comes from; a source still names it
        ("Dự án có vốn đầu tư 500 tỷ đồng được miễn tiền thuê đất và thuế thu nhập.", "investment"),
        ("Tổng vốn đầu tư 500 tỷ đồng lấy từ ngân sách tỉnh.", "budget"),
    ],
    "a_cue_in_a_name_says_nothing": [
        ("Công ty TNHH Xuất khẩu Thủy sản Minh Phú lãi 60 tỷ đồng.", "other"),
        ("Xuất khẩu thủy sản đạt 60 triệu USD.", "trade"),
    ],
    "a_cue_in_a_parenthesis_is_an_aside_unless_it_glosses_the_noun": [
        ("Khu nhà có tổng vốn đầu tư (vốn nhà nước và vốn vay) 300 tỷ đồng.", "investment"),
        ("Hỗ trợ phát triển chính thức (ODA) năm nay đạt 2 tỷ USD.", "oda"),
    ],
    "a_debt_is_of_what_is_owed": [
        ("Các công ty nợ đóng bảo hiểm kéo dài, riêng một công ty nợ 6 tỷ đồng.", "budget"),
        ("Sau vụ cháy, cửa hàng nợ nhà cung cấp 6 tỷ đồng.", "other"),
    ],
    "a_support_rate_per_hectare_is_a_state_scheme": [
        ("Vườn cây bị đổ được hỗ trợ 3 triệu đồng/ha.", "budget"),
        ("Vườn cây bị đổ được bà con hỗ trợ 3 triệu đồng.", "donation"),
    ],
    "a_source_after_a_comma_is_the_amounts_when_no_other_amount_follows": [
        ("Nhà thi đấu có tổng mức đầu tư 450 tỷ đồng, dùng vốn ngân sách tỉnh.", "budget"),
    ],
    "support_under_a_scheme_is_the_states_and_a_club_giving_is_charity": [
        ("Theo quy định, mức hỗ trợ mỗi hộ bị sạt lở là 10 triệu đồng.", "budget"),
        ("Bà đang hưởng chế độ bảo trợ xã hội với số tiền hỗ trợ 540.000 đồng mỗi tháng.", "budget"),
        ("Nhóm bạn trẻ hỗ trợ mỗi hộ bị sạt lở 10 triệu đồng.", "donation"),
    ],
    "a_loan_is_no_gift": [
        ("Ngân hàng mở gói tín dụng hỗ trợ nhà ở xã hội 30.000 tỷ đồng.", "other"),
        ("Ngân hàng hỗ trợ 300 triệu đồng xây trường cho xã nghèo.", "donation"),
    ],
    # A State body as the subject of `đầu tư` (before the amount or after it in its clause) makes a
    # project's capital `budget`; one that only approves the project does not.
    "the_state_investing_in_its_own_works_spends_public_money": [
        ("Thị trấn đã đầu tư làm 2 con đường với tổng mức đầu tư 11 tỷ đồng.", "budget"),
        ("Chợ có tổng vốn đầu tư 30 tỷ đồng, do UBND thành phố Vị Thanh đầu tư.", "budget"),
        ("Chợ có tổng vốn đầu tư 30 tỷ đồng, do UBND thành phố Vị Thanh phê duyệt.", "investment"),
        ("Chợ có tổng vốn đầu tư 30 tỷ đồng, do tư nhân xã hội hóa đầu tư.", "investment"),
    ],
    # The project noun is only a fallback: any cue near the amount, or a clause break between the
    # project and the amount, leaves the amount to them.
    "a_project_named_near_an_amount_without_a_cue_gives_its_capital": [
        ("Dự án điện gió ngoài khơi ước khoảng 12 tỷ USD.", "investment"),
        ("Dự án điện gió ngoài khơi bị phạt 120 triệu đồng.", "other"),
        ("Gần dự án, một người bán hàng kiếm 300.000 đồng mỗi ngày.", "other"),
        ("Tại dự án, căn hộ có giá 30 triệu đồng/m 2.", "other"),
    ],
    "a_tax_per_unit_is_still_a_tax_but_a_taxable_price_is_a_price": [
        ("Mức thuế bảo vệ môi trường với dầu hỏa là 600 đồng/lít.", "budget"),
        ("Giá tính thuế than là 1,2 triệu đồng/tấn.", "other"),
        ("Sau thuế, giá xăng là 22.000 đồng/lít.", "other"),
    ],
    "a_firms_plain_support_is_compensation_and_its_charity_is_a_donation": [
        ("Doanh nghiệp vận tải hỗ trợ gia đình người bị nạn 30 triệu đồng.", "other"),
        ("Doanh nghiệp vận tải trao tặng 30 triệu đồng cho quỹ khuyến học.", "donation"),
        ("Nhóm thiện nguyện hỗ trợ gia đình người bị nạn 30 triệu đồng.", "donation"),
        ("UBND huyện và công ty cùng hỗ trợ gia đình người bị nạn 30 triệu đồng.", "budget"),
    ],
    # The bare verb `đầu tư` is the State's spending only when a State body is its subject or opens
    # the sentence; a project the province approves keeps its investors' capital.
    "a_state_body_approving_a_project_is_not_its_investor": [
        ("Huyện đã đầu tư 9 tỷ đồng làm chợ mới.", "budget"),
        ("Có 6 dự án được UBND tỉnh chấp thuận với tổng vốn đăng ký đầu tư 700 tỷ đồng.", "investment"),
    ],
    "public_debt_is_the_budgets_and_a_firms_debt_is_not": [
        ("Nợ công năm nay khoảng 3 triệu tỷ đồng.", "budget"),
        ("Cửa hàng nợ công ty cấp nước 80 triệu đồng.", "other"),
        # no power over a nearer cue: a project's capital stays its own
        ("Giữa lo ngại nợ công, tuyến metro có tổng mức đầu tư 900 triệu USD.", "investment"),
    ],
}


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [pytest.param(s, k, id=f"{group}-{i}") for group, cases in FIRST_AMOUNT_KINDS.items() for i, (s, k) in enumerate(cases)],
)
def test_the_first_amount_gets_its_kind(sentence, kind):
    assert _resolved(sentence)[0]["kind"] == kind


def test_an_allocation_verb_governs_and_a_request_before_it_leaves_no_stage():
    """`giao dự toán`, `cho phép sử dụng`, `tạm cấp`: money granted for use is approved, even
    with a planning noun after the verb; a request right before the verb (`đề nghị tạm cấp`)
    asks for the money, and a shortfall (`thiếu`) governs no verb after it."""
    got = _resolved("Tỉnh mới giao dự toán được 80 tỷ đồng vốn ngân sách.")
    assert [a["stage"] for a in got] == ["approved"]
    assert _resolved("Quốc hội cho phép sử dụng 900 tỷ đồng cho đường vành đai.")[0]["stage"] == "approved"
    assert _resolved("Huyện đề nghị tỉnh tạm cấp 6 tỷ đồng cho xã.")[0]["stage"] is None
    assert _resolved("Đội bóng thiếu người và dự kiến chi 20 triệu bảng.")[0]["stage"] == "planned"
    assert _resolved("Cơ quan này cung cấp thêm số liệu: vốn đã giải ngân 6 tỷ đồng.")[0]["stage"] == "disbursed"


def test_a_stage_noun_after_trong_names_where_the_money_stands():
    got = _resolved("Thành phố mới phân bổ 15 tỷ đồng trong kế hoạch vốn trung hạn.")
    assert [a["stage"] for a in got] == ["approved"]
    assert _resolved("Thành phố có 15 tỷ đồng trong dự toán.")[0]["stage"] is None
    assert _resolved("Thành phố có 15 tỷ đồng theo kế hoạch.")[0]["stage"] == "planned"


def test_a_clause_naming_what_the_project_has_takes_no_stage_from_the_verb_before():
    got = _resolved("Doanh nghiệp đã đầu tư sang Campuchia 90 dự án, có số vốn 2 tỷ USD.")
    assert [a["stage"] for a in got] == [None]
    assert _resolved("Doanh nghiệp đã đầu tư sang Campuchia 2 tỷ USD.")[0]["stage"] == "disbursed"


def test_a_lenders_financing_is_credit_and_reserves_are_a_stock():
    """`tài trợ vốn`, `hợp đồng tài trợ`: a bank lends, it gives nothing; a central bank's
    reserves are held money, never read from a gift in the paragraph before."""
    assert _resolved("Chi nhánh ngân hàng tài trợ vốn 80 tỷ đồng cho hợp tác xã.")[0]["kind"] == "other"
    text = "Tỉnh hỗ trợ bà con vùng lũ. Dự trữ ngoại hối đạt 30 tỷ USD.\n"
    assert [a["kind"] for a in extract_text(text)["amounts"]] == ["other"]


def test_bonds_the_state_issues_are_its_budget_and_a_firms_are_market_money():
    got = _resolved("Chính quyền thành phố huy động 2.000 tỷ đồng qua phát hành trái phiếu.")
    assert [a["kind"] for a in got] == ["budget"]
    assert _resolved("Tập đoàn huy động 2.000 tỷ đồng qua phát hành trái phiếu.")[0]["kind"] == "other"


def test_a_submission_for_approval_is_asked_for_not_approved():
    """`trình ... phê duyệt`: submitted, not granted; a plan submitted is still a plan, and a
    word holding `trình` (`chương trình`) submits nothing."""
    assert _resolved("Sở trình tỉnh phê duyệt 25 tỷ đồng vốn ngân sách.")[0]["stage"] is None
    assert _resolved("Công ty trình cổ đông kế hoạch lợi nhuận 70 tỷ đồng.")[0]["stage"] == "planned"
    assert _resolved("Chương trình đã phê duyệt 25 tỷ đồng vốn ngân sách.")[0]["stage"] == "approved"
    assert _resolved("Sở đã phê duyệt 25 tỷ đồng vốn ngân sách, tỉnh trình bày.")[0]["stage"] == "approved"


def test_a_trade_a_firm_is_named_for_is_no_cue_but_a_gift_to_a_named_school_is():
    got = _resolved("Tập đoàn Dịch vụ nhập khẩu Hòa Bình trúng gói thầu 70 tỷ đồng.")
    assert [a["kind"] for a in got] == ["other"]
    assert _resolved("Công ty Minh Long tài trợ Trường Tiểu học An Lạc 90 triệu đồng.")[0]["kind"] == "donation"
    assert _resolved("Công ty Minh Long nhập khẩu 90 triệu USD thiết bị.")[0]["kind"] == "trade"


def test_raising_trade_to_a_level_is_a_goal_but_a_level_reached_is_not():
    assert _resolved("Hai bên muốn nâng kim ngạch song phương lên 6 tỷ USD.")[0]["stage"] == "planned"
    assert _resolved("Hai bên đã nâng kim ngạch song phương lên 6 tỷ USD.")[0]["stage"] is None
    assert _resolved("Năm 2022 hai bên nâng kim ngạch song phương đạt 6 tỷ USD.")[0]["stage"] is None


def test_sentences_and_paragraphs_are_read_as_given_lists_or_tuples():
    """resolve_kinds searches the sentence and paragraph spans by their starts without
    copying them (a key on the search): spans given as tuples read as spans given as
    lists, for an amount found by its sentence, one found by its paragraph's sentence
    before it, and one outside every sentence (a title line)."""
    text = (
        "Hội chữ thập đỏ đã phân bổ 8 triệu đồng\n"
        "Tổ chức này nhận viện trợ của Hàn Quốc. Tổng giá trị đạt 3 triệu USD.\n"
        "Huyện cam kết cấp 2 tỷ đồng cho trường học."
    )
    first = text.index("Tổ chức")
    second = text.index("Tổng giá")
    third = text.index("Huyện")
    sentences = [[first, second - 1], [second, third - 1], [third, len(text)]]
    paragraphs = [[first, third - 1], [third, len(text)]]
    got = {}
    for shape in (list, tuple):
        amounts = find_amounts(text)
        resolve_kinds(text, amounts, [shape(s) for s in sentences], [shape(p) for p in paragraphs])
        got[shape] = [(a.text, a.kind, a.stage) for a in amounts]
    assert got[list] == got[tuple]
    assert got[list] == [
        ("8 triệu đồng", "other", "approved"),  # the title line
        ("3 triệu USD", "aid", None),  # the sentence before it in its paragraph names the aid
        ("2 tỷ đồng", "other", "committed"),
    ]


def test_no_cue_is_spelled_in_two_kind_families():
    """A cue has one meaning: the same spelling in two families would leave its kind to the
    loader's order (``vay`` once stood under both ``credit`` and ``other``)."""
    seen: dict[str, str] = {}
    for family, words in lexicon.load("money_kind")["kinds"].items():
        for word in words:
            assert seen.setdefault(word, family) == family, (word, seen[word], family)


def test_a_foreign_state_or_a_development_lender_makes_a_loan_oda():
    """SPEC section 10: concessional loans are ``oda``. The lender is read from the loan's
    sentence (a country named as the lender, ``ODA``), or from the article's lead when a
    development bank's lending is listed loan by loan in the paragraphs below it."""
    rec = extract_text(
        "Ngân hàng Phát triển châu Á duyệt ba khoản vay cho Việt Nam\n"
        "Ngân hàng Phát triển châu Á (ADB) vừa duyệt ba khoản vay với tổng giá trị 310 triệu USD cho Việt Nam.\n"
        "Các khoản tín dụng gồm có chương trình cấp nước đô thị (120 triệu USD) và dự án đường nông thôn (90 triệu USD).\n"
    )
    assert [(a["text"], a["kind"]) for a in rec["amounts"]] == [
        ("310 triệu USD", "oda"), ("120 triệu USD", "oda"), ("90 triệu USD", "oda"),
    ]
    home = extract_text(
        "Nông dân được vay vốn làm nhà kính\n"
        "Anh Hùng được Ngân hàng Chính sách xã hội huyện cho vay 80 triệu đồng để dựng nhà kính trồng rau.\n"
    )
    assert [a["kind"] for a in home["amounts"]] == ["other"]  # a domestic bank's loan
