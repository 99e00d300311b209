"""Places, the article's province and countries (SPEC sections 8 and 9).

The example corpora (patterns/places.examples.jsonl, countries.examples.jsonl) are walked by
tests/test_patterns.py; here: the official lists, the resolver, the record, the scorer."""

from __future__ import annotations

import json

import extract
from extract.find.countries import cldr_names, find_countries
from extract.find.places import find_places
from extract.find.provinces import provinces
from extract.resolve.province import resolve_province
from extract.score.evaluate import evaluate
from extract.score.validate import validate_record


def test_the_63_units_and_their_34_successors_come_from_the_package():
    units = provinces()
    assert len(units) == 63
    assert len({u.code_2025 for u in units.values()}) == 34
    assert units["70"].name == "Bình Phước" and (units["70"].code_2025, units["70"].name_2025) == (
        "75",
        "Đồng Nai",
    )
    assert units["79"].name == "Hồ Chí Minh" and units["79"].city
    assert units["77"].name == "Bà Rịa - Vũng Tàu" and units["77"].code_2025 == "79"
    assert not units["75"].city
    assert all(len(code) == 2 and code.isdigit() for code in units)


def test_country_names_come_from_cldr():
    names = cldr_names()
    assert names["LA"] == "Lào" and names["KR"] == "Hàn Quốc" and names["US"] == "Hoa Kỳ"


def test_places_are_found_only_in_the_regions():
    text = "Tin tỉnh Gia Lai\nNgười dân Gia Lai đón tết.\nĐịa chỉ: tỉnh Gia Lai"
    found = find_places(text, [[0, 16], [17, 43]])
    assert [(p.start, p.text) for p in found] == [(9, "Gia Lai"), (27, "Gia Lai")]


def test_a_province_name_masks_the_country_word_inside_it():
    text = "Đoàn Lào Cai sang thăm Lào."
    masked = [(p.start, p.end) for p in find_places(text)]
    assert [c.text for c in find_countries(text, None, masked)] == ["Lào"]
    assert [c.start for c in find_countries(text, None, masked)] == [23]


def test_a_writers_name_glued_to_the_last_line_is_no_place_or_country():
    """A byline glued onto the last paragraph (``... đạt 3 tỷ đồng. Thái Bình``) is the
    writer's name: the paragraph keeps its line, but no place or country is read there."""
    body = [
        "Khởi công nhà máy nước sạch ở Quảng Trị",
        "Sáng 12/5, tỉnh Quảng Trị khởi công nhà máy nước sạch với tổng vốn 120 tỷ đồng do Nhật Bản tài trợ.",
        "Phát biểu tại lễ khởi công, lãnh đạo tỉnh đề nghị nhà thầu bảo đảm tiến độ và chất lượng.",
        "Nhà máy dự kiến cấp nước cho 20.000 hộ dân vùng ven biển, góp phần cải thiện đời sống của người"
        " dân, nhất là vào mùa khô, khi nhiều giếng khoan trong vùng bị nhiễm mặn và các hộ phải mua nước"
        " sinh hoạt với giá cao. Ba Lan",
    ]
    rec = extract.extract_text("\n".join(body))
    assert rec["byline"] == "Ba Lan"
    assert len(rec["paragraphs"]) == 3  # the last keeps its whole line, the name with it
    assert [p["text"] for p in rec["places"]] == ["Quảng Trị", "Quảng Trị"]
    assert [c["text"] for c in rec["countries"]] == ["Nhật Bản"]


def _province(text: str) -> str | None:
    rec = extract.extract_text(text)
    return rec["province"]["code"] if rec["province"] else None


def test_province_of_a_provincial_report():
    text = (
        "Quảng Bình đón đoàn chuyên gia Nhật Bản\n\n"
        "Sáng nay, UBND tỉnh Quảng Bình tiếp đoàn chuyên gia về phòng chống thiên tai.\n\n"
        "Đoàn sẽ khảo sát vùng ngập của tỉnh trong ba ngày.\n"
    )
    assert _province(text) == "44"
    rec = extract.extract_text(text)
    assert rec["province"] == {
        "code": "44",
        "name": "Quảng Bình",
        "code_2025": "44",
        "name_2025": "Quảng Trị",
    }


def test_province_is_null_for_national_and_multi_province_news():
    national = "Chính phủ bàn về giá điện\n\nPhiên họp thường kỳ của Chính phủ thảo luận giá điện cả nước.\n"
    assert _province(national) is None
    spread = (
        "Mưa lớn ở miền Bắc\n\nMưa lớn gây ngập tại Yên Bái, Lào Cai, Hà Giang và Tuyên Quang.\n\n"
        "Các tỉnh Yên Bái, Lào Cai, Hà Giang, Tuyên Quang đã sơ tán dân.\n"
    )
    assert _province(spread) is None


def test_province_weighs_position_not_only_frequency():
    # named three times in passing, the province of the report wins by title, lead and unit words
    places_text = (
        "Tỉnh Bến Tre trao nhà tình nghĩa\n\n"
        "UBND tỉnh Bến Tre vừa trao 20 căn nhà cho hộ nghèo.\n\n"
        "Vật liệu mua từ Tiền Giang, chở qua Tiền Giang rồi về lại qua Tiền Giang.\n"
    )
    assert _province(places_text) == "83"


def test_a_banner_outside_the_article_names_its_province():
    text = "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH HÀ TĨNH\nTrao quà cho hộ nghèo\n\nTỉnh ủy tổ chức trao 100 suất quà trên địa bàn tỉnh.\n"
    places = find_places(text, [[36, 57], [59, 111]])
    assert places == []
    assert resolve_province(text, places, [[36, 57], [59, 111]], [36, 57])["code"] == "42"


def test_stand_in_word_for_the_capital():
    text = "Phụ nữ Thủ đô giúp nhau\n\nHội LHPN Hà Nội phát động phong trào tiết kiệm trong phụ nữ Thủ đô.\n"
    assert _province(text) == "01"


def test_record_field_order_matches_spec_section_2():
    text = "Đà Nẵng đón 10 chuyến bay từ Hàn Quốc.\n"
    rec = extract.extract_text(text)
    keys = list(rec)
    assert keys[keys.index("counts") + 1 : keys.index("counts") + 4] == ["province", "places", "countries"]
    assert rec["places"][0] == {"start": 0, "end": 7, "text": "Đà Nẵng", "code": "48", "name": "Đà Nẵng"}
    assert rec["countries"][0] == {"start": 29, "end": 37, "text": "Hàn Quốc", "country": "KR"}


def test_records_satisfy_the_schema():
    import jsonschema

    from extract.lexicon import _HERE

    schema = json.loads((_HERE / "record" / "schema.json").read_text(encoding="utf-8"))
    rec = extract.extract_text(
        "Cần Thơ hợp tác với Nhật Bản\n\nThành phố Cần Thơ ký thỏa thuận với Nhật Bản.\n"
    )
    jsonschema.validate(rec, schema)
    assert rec["province"]["code"] == "92"


def _gold(**over):
    base = {"id": "d", "title": None, "published": None, "byline": None, "paragraphs": [], "sentences": [],
            "directives": [], "amounts": [], "counts": [], "province": None, "places": [], "countries": []}  # fmt: skip
    return base | over


def test_eval_value_matches_places_and_countries_and_scores_province():
    place = {"start": 0, "end": 7, "text": "Hà Nội", "code": "01", "name": "Hà Nội"}
    country = {"start": 10, "end": 13, "text": "Lào", "country": "LA"}
    gold = _gold(places=[place], countries=[country], province={"code": "01"})
    pred = _gold(places=[{**place, "start": 1}], countries=[{**country, "country": "TH"}], province=None)
    ev = evaluate({"d": gold}, {"d": pred})
    assert ev.lists["places"].value.tp == 1 and ev.lists["places"].strict.tp == 0
    assert ev.lists["countries"].value.tp == 0
    assert ev.fields["province"].value == 0.0
    ev2 = evaluate({"d": _gold()}, {"d": _gold()})
    assert ev2.fields["province"].value == 1.0  # null for null is right


def test_validate_catches_wrong_codes_and_names():
    import hashlib

    text = "Hà Nội và Lào"
    rec = _gold(
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        places=[{"start": 0, "end": 6, "text": "Hà Nội", "code": "99", "name": "Hà Nội"}],
        countries=[{"start": 10, "end": 13, "text": "Lào", "country": "VN"}],
        province={"code": "01", "name": "Hanoi", "code_2025": "01", "name_2025": "Hà Nội"},
    )
    problems = "\n".join(validate_record(rec, text, "x"))
    assert "places[0]" in problems and "countries[0]" in problems and "province" in problems


def _run(tmp_path):
    from extract.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Tỉnh Sóc Trăng đón đoàn Hàn Quốc\n\n"
        "Ngày 12/3/2021, UBND tỉnh Sóc Trăng tiếp đoàn doanh nghiệp Hàn Quốc và Nhật Bản.\n\n"
        "Tỉnh thực hiện Chỉ thị số 04-CT/TW về công tác đối ngoại nhân dân ở Sóc Trăng.\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.jsonl"
    assert main(["run", str(folder), "-o", str(out), "-j", "1", "-q"]) == 0
    return main, out, json.loads(out.read_text(encoding="utf-8"))


def test_tables_have_places_countries_and_the_province_on_every_row(tmp_path):
    import csv

    main, out, rec = _run(tmp_path)
    assert rec["province"]["code"] == "94"
    assert main(["tables", str(out), "-o", str(tmp_path / "t")]) == 0
    for name, n in (("places", len(rec["places"])), ("countries", 3), ("directives", 1), ("documents", 1)):
        with open(tmp_path / "t" / f"{name}.csv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == n, name
        assert all(r["province"] == "Sóc Trăng" and r["province_2025"] == "Cần Thơ" for r in rows)
        assert all(r["province_code"] == "94" and r["province_2025_code"] == "92" for r in rows)
    with open(tmp_path / "t" / "countries.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["country"] for r in rows] == ["KR", "KR", "JP"] and "year" in rows[0]


def test_citations_name_the_citing_provinces(tmp_path, capsys):
    import csv

    main, out, _ = _run(tmp_path)
    assert main(["citations", str(out), "--csv", str(tmp_path / "c.csv")]) == 0
    assert "Sóc Trăng" in capsys.readouterr().out
    with open(tmp_path / "c.csv", encoding="utf-8") as fh:
        assert next(csv.DictReader(fh))["provinces"] == "Sóc Trăng"


def test_spacy_component_has_place_and_country_span_groups():
    import pytest

    pytest.importorskip("spacy")
    from extract.spacy_ext import load, render_html

    nlp = load()
    doc = nlp("Đoàn công tác tỉnh Yên Bái sang thăm Lào và CHLB Đức.")
    assert [(s.text, s._.code) for s in doc.spans["places"]] == [("Yên Bái", "15")]
    assert [(s.text, s._.country) for s in doc.spans["countries"]] == [("Lào", "LA"), ("CHLB Đức", "DE")]
    assert {s.label_ for s in doc.spans["vnextract"]} == {"PLACE", "COUNTRY"}
    html = render_html(doc, page=False)
    assert "PLACE" in html and "COUNTRY" in html


def test_show_marks_places_and_countries():
    from extract.analysis.display import render_terminal

    text = "Lâm Đồng đón khách Hàn Quốc\n\nNăm nay Lâm Đồng đón hơn 100 đoàn khách Hàn Quốc.\n"
    rec = extract.extract_text(text)
    shown = render_terminal(text, rec)
    assert "[[Lâm Đồng|PLACE 68 · Lâm Đồng]]" in shown and "[[Hàn Quốc|COUNTRY KR]]" in shown


def test_the_word_before_gate_says_yes_wherever_the_pattern_matches():
    """``ends_with_one`` runs before the city and feature patterns: where it says no, the
    pattern must not match (a line break at the end, a glued ``TP.``, spaces and no-break
    spaces); where a word ends the text, both say yes."""
    import random

    from extract.find.places import ends_with_one, gazetteer

    g = gazetteer()
    for words, pattern in ((g.city_words, g.city_before), (g.feature_words, g.feature_before)):
        assert ends_with_one("Họ về thành phố ", g.city_words) and g.city_before.search("Họ về thành phố ")
        assert ends_with_one("trụ sở TP.", g.city_words) and g.city_before.search("trụ sở TP.")
        assert ends_with_one("qua sông \u00a0\n", g.feature_words) and g.feature_before.search("qua sông \u00a0\n")
        assert not ends_with_one("Họ về thăm ", g.city_words) and not g.city_before.search("Họ về thăm ")
        rng = random.Random(8)
        pieces = [*words, "về", "Đoàn", ".", "x", "phốx", "TPx"]
        for _ in range(3000):
            before = "".join(rng.choice(pieces) + rng.choice([" ", "", "\u00a0", "\n", "  "]) for _ in range(rng.randrange(1, 4)))
            before += rng.choice(["", "\n", " \n", "\n\n", " "])
            if pattern.search(before):
                assert ends_with_one(before, words), repr(before)


def test_citations_count_what_they_cannot_index(tmp_path, capsys):
    from extract.cli import main

    records = tmp_path / "r.jsonl"
    rows = [
        {"id": "a", "status": "ok", "directives": [{"ref": "05-CT/TU", "doc_type": "Chỉ thị"}, {"ref": None, "doc_type": "Chỉ thị"}]},
        {"id": "b", "status": "ok", "directives": [{"ref": None, "doc_type": "Nghị quyết"}]},
    ]
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert main(["citations", str(records)]) == 0
    assert "(1 distinct refs; 2 citations without a ref are not indexed)" in capsys.readouterr().out
