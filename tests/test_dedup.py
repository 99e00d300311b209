"""``--dedup near``: near copies of an article (other menus, another byline, a trimmed
sentence) are marked with the first id and a similarity; different articles are not; the
records are the same whatever -j, --resume after kill -9, or the Dask engine."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from extract.analysis.tables import rows
from extract.cli import main

from .synthetic import CLINIC, FAIR, RIVER

pytest.importorskip("datasketch")


def _page(lines: list[str], menu: list[str], byline: str, footer: list[str]) -> str:
    return "\n".join([*menu, lines[0], "Thứ Hai, 12/03/2024 08:15", *lines[1:], byline, *footer]) + "\n"


MENU_A = ["Trang chủ", "Thời sự", "Kinh tế", "Xã hội", "Văn hóa"]
MENU_B = ["TIN TỨC", "CHÍNH TRỊ", "ĐỊA PHƯƠNG", "Đăng nhập | Đăng ký"]
FOOT_A = ["Bản quyền thuộc về Báo Hòa Lâm điện tử. Ghi rõ nguồn khi phát hành lại thông tin từ website này."]
FOOT_B = ["Các tin khác", "Hội nghị tổng kết công tác năm", "Ra mắt câu lạc bộ thơ phường 3"]


def _corpus(path) -> list[str]:
    """Six pages: three articles, a re-post of the first with other menus and another byline,
    a copy of the second with a sentence trimmed, and the first again byte for byte."""
    trimmed = FAIR[:3] + [FAIR[3].split(", tham gia")[0] + "."] + FAIR[4:]
    pages = [
        ("river", _page(RIVER, MENU_A, "Minh Anh", FOOT_A)),
        ("fair", _page(FAIR, MENU_A, "Thu Hà", FOOT_A)),
        ("clinic", _page(CLINIC, MENU_B, "Quang Huy", FOOT_B)),
        ("river-repost", _page(RIVER, MENU_B, "Theo Báo Hòa Lâm", FOOT_B)),
        ("fair-trimmed", _page(trimmed, MENU_B, "PV", FOOT_B)),
        ("river-again", _page(RIVER, MENU_A, "Minh Anh", FOOT_A)),
    ]
    with open(path, "w", encoding="utf-8") as fh:
        for i, text in pages:
            fh.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
    return [i for i, _ in pages]


def _records(path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def test_near_copies_are_marked_and_still_extracted(tmp_path, schema):
    import jsonschema

    src, out, plain = tmp_path / "in.jsonl", tmp_path / "near.jsonl", tmp_path / "plain.jsonl"
    _corpus(src)
    assert main(["run", str(src), "-o", str(out), "-j", "1", "-q", "--dedup", "near"]) == 0
    assert main(["run", str(src), "-o", str(plain), "-j", "1", "-q"]) == 0
    recs = {r["id"]: r for r in _records(out)}
    for rec in recs.values():
        jsonschema.validate(rec, schema)
    for first in ("river", "fair", "clinic"):
        assert "duplicate_of" not in recs[first] and "similarity" not in recs[first]
    assert recs["river-repost"]["duplicate_of"] == "river" and recs["river-repost"]["similarity"] >= 0.8
    assert recs["fair-trimmed"]["duplicate_of"] == "fair" and 0.8 <= recs["fair-trimmed"]["similarity"] < 1
    assert recs["river-again"]["duplicate_of"] == "river" and recs["river-again"]["similarity"] == 1.0
    # still extracted: apart from the two new fields the records are those of a run without --dedup
    for rec, ref in zip(_records(out), _records(plain), strict=True):
        rec.pop("duplicate_of", None), rec.pop("similarity", None)
        assert rec == ref
    assert recs["river-repost"]["amounts"]  # 460 tỷ đồng, kept
    table = {row["id"]: row for row in rows(_records(out))["documents"]}
    assert table["fair-trimmed"]["duplicate_of"] == "fair" and table["fair-trimmed"]["similarity"] >= 0.8
    assert table["clinic"]["duplicate_of"] is None


def test_threshold_option(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "r.jsonl"
    _corpus(src)
    assert main(["run", str(src), "-o", str(out), "-j", "1", "-q", "--dedup", "near", "--near-threshold", "1"]) == 0
    marked = {r["id"]: r.get("duplicate_of") for r in _records(out)}
    assert marked["river-again"] == "river" and marked["fair-trimmed"] is None
    assert main(["run", str(src), "-o", str(out), "-q", "--dedup", "near", "--near-threshold", "1.5"]) == 2


def test_different_articles_are_not_near_copies():
    from extract.pipeline import extract_canonical
    from extract.run.near import shingles, signature, similarity

    sigs = []
    for lines in (RIVER, FAIR, CLINIC):
        text = "\n".join(lines) + "\n"
        sigs.append(signature(text, extract_canonical(text, "x")))
    assert max(similarity(a, b) for i, a in enumerate(sigs) for b in sigs[i + 1 :]) < 0.2
    assert shingles("Một, hai; ba") == {"một hai ba".encode()}  # short: one shingle, no punctuation
    assert signature("\n", extract_canonical("\n", "x")) is None


def test_plain_dedup_flag_keeps_meaning_exact(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "r.jsonl"
    _corpus(src)
    assert main(["run", "--dedup", str(src), "-o", str(out), "-j", "1", "-q"]) == 0  # --dedup before an input
    recs = {r["id"]: r for r in _records(out)}
    assert recs["river-again"]["duplicate_of"] == "river" and recs["river-again"]["directives"] == []
    assert "duplicate_of" not in recs["river-repost"] and "similarity" not in recs["river-again"]


def _many(path, copies: int) -> None:
    """Pages of the three articles, each copy with its own edition line and menu."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(copies):
            for name, lines in (("river", RIVER), ("fair", FAIR), ("clinic", CLINIC)):
                body = lines if i % 3 else lines[:-1]  # every third copy lacks its last paragraph
                text = _page(body, MENU_A if i % 2 else MENU_B, f"Bản tin số {i}", FOOT_A)
                fh.write(json.dumps({"id": f"{name}-{i}", "text": text}, ensure_ascii=False) + "\n")


def test_jobs_and_dask_give_the_records_of_one_process(tmp_path):
    src = tmp_path / "in.jsonl"
    _many(src, 20)
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert main(["run", str(src), "-o", str(one), "-j", "1", "-q", "--dedup", "near"]) == 0
    assert main(["run", str(src), "-o", str(two), "-j", "2", "-q", "--dedup", "near"]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert (tmp_path / "1.jsonl.minhash").read_bytes() == (tmp_path / "2.jsonl.minhash").read_bytes()
    recs = _records(one)
    firsts = {r["duplicate_of"] for r in recs if "duplicate_of" in r}
    assert sum("duplicate_of" in r for r in recs) >= len(recs) - 6 - 3  # the copies whose last paragraph is gone may fall short
    assert firsts <= {r["id"] for r in recs[:6]}
    distributed = pytest.importorskip("distributed")
    from extract.run.batch import Options
    from extract.run.dask import run_dask
    from extract.run.near import open_index

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        out = tmp_path / "dask.jsonl"
        near = open_index(None, 0.8)
        with open(out, "wb") as fh:
            run_dask([str(src)], fh, Options(signatures=True), scheduler=cluster.scheduler_address, near=near)
        assert out.read_bytes() == one.read_bytes()
    finally:
        cluster.close()


def test_kill_9_then_resume_gives_the_records_of_one_run(tmp_path):
    src, out, clean = tmp_path / "in.jsonl", tmp_path / "r.jsonl", tmp_path / "clean.jsonl"
    _many(src, 150)
    cmd = [sys.executable, "-m", "extract", "run", str(src), "-o", str(out), "-j", "2", "-q", "--dedup", "near"]
    proc = subprocess.Popen(cmd)
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 60_000):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < out.read_bytes().count(b"\n") < 450, "the run was killed part-way"
    with open(out, "ab") as fh:
        fh.write(b'{"id": "half-writ')
    assert main(["run", str(src), "-o", str(out), "-j", "2", "-q", "--dedup", "near", "--resume"]) == 0
    assert main(["run", str(src), "-o", str(clean), "-j", "1", "-q", "--dedup", "near"]) == 0
    assert out.read_bytes() == clean.read_bytes()
    os.remove(str(out) + ".minhash")  # without the signatures a resume cannot rebuild the index: one line, exit 2
    assert main(["run", str(src), "-o", str(out), "-q", "--dedup", "near", "--resume"]) == 2
