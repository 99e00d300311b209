"""HTML pages: metadata as the page states it, the same record from `run` and `show`,
HTML recognised on standard input and in JSONL `html` fields."""

from __future__ import annotations

import io
import json
import sys

from extract.cli import main
from extract.read.html import stated_datetime
from extract.read.sources import looks_like_html

PAGE = """<!DOCTYPE html><html><head><title>Tỉnh đón đoàn tình nguyện viên quốc tế</title>
<meta name="author" content="Trần Hà">
</head><body><nav><a href="/">Trang chủ</a></nav><article>
<h1>Tỉnh đón đoàn tình nguyện viên quốc tế</h1>
<time datetime="2022-11-03T14:20:00+07:00">03/11/2022</time>
<p>Chiều 2/11, Liên hiệp các tổ chức hữu nghị tỉnh đã đón đoàn 25 tình nguyện viên quốc tế đến giúp các trường học vùng cao trong sáu tháng tới.</p>
<p>Trong thời gian ở tỉnh, đoàn sẽ dạy tiếng Anh, sửa chữa lớp học và trao học bổng trị giá 300 triệu đồng cho học sinh nghèo.</p>
<p>Tin, ảnh: TRẦN HÀ</p>
</article></body></html>"""


def test_stated_datetime_keeps_time_and_zone():
    assert stated_datetime('<time datetime="2019-07-24T08:53:00+07:00">') == "2019-07-24T08:53+07:00"
    assert stated_datetime('<meta content="2021-03-02T07:40:00Z" property="article:published_time">') == "2021-03-02T07:40+00:00"
    assert stated_datetime('<meta property="article:published_time" content="2020-01-05">') == "2020-01-05"
    assert stated_datetime("<p>no date here</p>") is None


def _record(argv, capsys):
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_html_metadata_as_written_and_show_agrees_with_run(tmp_path, capsys):
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    rec = _record(["run", str(page), "-q", "-j", "1"], capsys)
    assert rec["published"] == "2022-11-03T14:20+07:00"
    assert rec["byline"] == "Tin, ảnh: TRẦN HÀ"  # the credit as the text writes it, not the meta author
    assert main(["show", str(page)]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[:3] == [f"title: {rec['title']}", f"published: {rec['published']}", f"byline: {rec['byline']}"]


def test_html_on_standard_input_and_in_jsonl_html_fields(tmp_path, capsys, monkeypatch):
    assert looks_like_html(PAGE.encode()) and not looks_like_html("Tỉnh <b>đón</b> đoàn".encode())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    rec = _record(["run", "-", "-q", "-j", "1"], capsys)
    assert rec["published"] == "2022-11-03T14:20+07:00" and len(rec["paragraphs"]) == 2
    lines = tmp_path / "pages.jsonl"
    lines.write_text(json.dumps({"id": "h1", "html": PAGE}, ensure_ascii=False) + "\n", encoding="utf-8")
    rec = _record(["run", str(lines), "-q", "-j", "1"], capsys)
    assert rec["id"] == "h1" and rec["status"] == "ok" and rec["published"] == "2022-11-03T14:20+07:00"


def test_warc_responses_that_are_not_2xx_are_error_records(tmp_path, capsys):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, status, body in (("http://example.vn/a", "200 OK", PAGE),
                                  ("http://example.vn/old", "301 Moved Permanently", "<html><body>Moved</body></html>"),
                                  ("http://example.vn/gone", "404 Not Found", "<html><body><h1>404 - Không tìm thấy trang</h1></body></html>")):
            headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    out = tmp_path / "r.jsonl"
    assert main(["run", str(path), "-o", str(out), "-q", "-j", "1"]) == 3
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["status"] for r in recs] == ["ok", "error", "error"]
    assert [r["error"]["type"] for r in recs[1:]] == ["HTTPStatus", "HTTPStatus"]
    assert "404" in recs[2]["error"]["message"] and recs[2]["source"] == "http://example.vn/gone"


def test_text_and_show_open_an_archive_member_and_a_jsonl_line(tmp_path, capsys):
    import zipfile

    body = "Tỉnh đã tiếp nhận 27 dự án viện trợ phi chính phủ trong năm."
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("dir/a.txt", body)
        zf.writestr("dir/b.txt", "Một văn bản khác.")
    lines = tmp_path / "n.jsonl"
    lines.write_text(json.dumps({"id": "bai-12", "text": body}, ensure_ascii=False) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["text", f"{archive}!dir/a.txt"]) == 0
    assert capsys.readouterr().out == body
    assert main(["text", f"{lines}#bai-12"]) == 0
    assert capsys.readouterr().out == body
    assert main(["show", f"{archive}!dir/a.txt"]) == 0
    assert "27 dự án" in capsys.readouterr().out
    assert main(["text", str(archive)]) == 2  # two documents: say which


def test_members_and_records_that_are_not_documents_are_counted(tmp_path, capsys):
    import zipfile

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("bai.txt", "Tỉnh đã tiếp nhận 27 dự án viện trợ phi chính phủ trong năm.")
        zf.writestr("scan.pdf", b"%PDF-1.4")
        zf.writestr("README", "no extension")
    warc = tmp_path / "c.warc.gz"
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, body in (("http://example.vn/a", "text/html; charset=utf-8", PAGE.encode()),
                                 ("http://example.vn/logo.png", "image/png", b"\x89PNG")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    capsys.readouterr()
    assert main(["run", str(archive), str(warc), "-o", str(tmp_path / "o.jsonl"), "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert "3 files, members or records not documents, left out" in err
    assert f"{archive}!scan.pdf (not a .txt or .html member)" in err
    assert len((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_progress_totals_for_jsonl_and_zip_inputs(tmp_path):
    import zipfile

    from extract.run.batch import _count_documents

    lines = tmp_path / "n.jsonl"
    lines.write_text("".join(json.dumps({"id": str(i), "text": "x"}) + "\n" for i in range(7)), encoding="utf-8")
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", "x")
        zf.writestr("b/c.html", "<p>x</p>")
        zf.writestr("scan.pdf", b"%PDF")
    assert _count_documents(str(lines), "jsonl") == 7
    assert _count_documents(str(archive), "zip") == 2
    assert _count_documents("-", "text") is None


def test_progress_totals_for_gzipped_jsonl_tar_and_warc_match_the_records(tmp_path):
    """Containers without a cheap index are counted by reading them through their reader
    (no extraction): the total is the number of records the run writes."""
    import gzip
    import io
    import tarfile

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from extract.read.sources import _kind
    from extract.run.batch import _count_documents

    gz = tmp_path / "n.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps({"id": str(i), "text": "Hội có 5 hội viên."}) + "\n" for i in range(5))
    tar = tmp_path / "a.tar.gz"
    with tarfile.open(tar, "w:gz") as tf:
        for name, data in (("a.txt", b"x y z"), ("d/b.html", b"<p>x</p>"), ("scan.pdf", b"%PDF")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    warc = tmp_path / "c.warc.gz"
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n, ctype in enumerate(("text/html", "text/html", "image/png")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            body = b"<html><body><p>Tin so %d: Hoi co 5 hoi vien.</p></body></html>" % n
            writer.write_record(writer.create_warc_record(f"http://example.vn/{n}", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))
    for path in (gz, tar, warc):
        out = tmp_path / f"{path.name}.out.jsonl"
        assert main(["run", str(path), "-o", str(out), "-q", "-j", "1"]) in (0, 3)
        written = len(out.read_text(encoding="utf-8").splitlines())
        assert written >= 2 and _count_documents(str(path), _kind(str(path))) == written, path.name


def test_a_date_in_the_body_is_not_the_page_date(tmp_path):
    """Without a date in its markup, an HTML page gets no published date from a date that
    only its text holds (a directive's date); a stated one is kept."""
    body = ("<article><h1>Tỉnh triển khai công tác đối ngoại nhân dân</h1><p>Thực hiện Chỉ thị số 04-CT/TW "
            "ngày 06/7/2011 của Ban Bí thư, tỉnh đã tổ chức nhiều hoạt động giao lưu hữu nghị với các nước.</p></article>")
    plain, stated = tmp_path / "a.html", tmp_path / "b.html"
    plain.write_text(f"<html><head><title>Tin</title></head><body>{body}</body></html>", encoding="utf-8")
    stated.write_text('<html><head><title>Tin</title><meta property="article:published_time" '
                      f'content="2024-03-05T08:00:00+07:00"></head><body>{body}</body></html>', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["run", str(plain), str(stated), "-o", str(out), "-q", "-j", "1"]) == 0
    recs = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert recs["a"]["published"] is None
    assert recs["b"]["published"] == "2024-03-05T08:00+07:00"
