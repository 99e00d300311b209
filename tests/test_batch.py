"""Archives, parallel runs, de-duplication, kill-and-resume, and the Dask engine."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import time
import zipfile

import pytest

from extract.cli import main

from .conftest import CORPUS, assert_offsets

SEEDS = sorted(CORPUS.glob("*.txt"))


def _records(path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEEDS]


def _run(*args) -> int:
    return main(["run", *map(str, args), "-q"])


def test_every_archive_format(tmp_path):
    texts = _seed_texts()
    zpath = tmp_path / "a.zip"
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("dir/one.txt", texts[0])
        zf.writestr("dir/skip.bin", b"\x00\x01")
        zf.writestr("page.html", f"<html><head><title>Trang</title></head><body><article><h1>Tiêu đề bài</h1><p>{texts[1].splitlines()[4]}</p></article></body></html>")
    tpath = tmp_path / "b.tar.gz"
    with tarfile.open(tpath, "w:gz") as tf:
        data = texts[2].encode("utf-8")
        info = tarfile.TarInfo("x/two.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    jpath = tmp_path / "c.jsonl.gz"
    with gzip.open(jpath, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "j1", "text": texts[3], "url": "http://example.vn/j1"}, ensure_ascii=False) + "\n")
        fh.write("{not json\n")
        fh.write(json.dumps({"text": texts[4]}, ensure_ascii=False) + "\n")
    wpath = tmp_path / "d.warc.gz"
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(wpath, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        body = f"<html><body><article><h1>Đối ngoại nhân dân</h1><p>{texts[0].splitlines()[29]}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record("http://example.vn/bai-1", "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(rec)
    out = tmp_path / "r.jsonl"
    assert _run(zpath, tpath, jpath, wpath, "-o", out, "-j", "1") == 3  # the bad JSON line is an error record
    recs = _records(out)
    sources = [r["source"] for r in recs]
    assert sources[0] == f"{zpath}!dir/one.txt" and sources[1] == f"{zpath}!page.html"
    assert sources[2] == f"{tpath}!x/two.txt"
    assert sources[3] == "http://example.vn/j1" and recs[3]["id"] == "j1"
    assert recs[4]["status"] == "error" and recs[4]["error"]["type"] == "BadJSON"
    assert recs[5]["status"] == "ok" and recs[5]["id"].endswith(":3")
    assert sources[6] == "http://example.vn/bai-1" and recs[6]["id"].startswith("urn:uuid:")
    assert recs[6]["directives"] and recs[6]["directives"][0]["ref"] == "04-CT/TW"
    assert len(recs) == 7
    assert recs[0]["directives"] == _records_for(SEEDS[0], tmp_path)[0]["directives"]


def _records_for(path, tmp_path) -> list[dict]:
    out = tmp_path / f"{path.stem}.jsonl"
    _run(path, "-o", out, "-j", "1")
    return _records(out)


def test_jobs_do_not_change_records_or_order(tmp_path):
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert _run(CORPUS, CORPUS, "-o", one, "-j", "1") == 0
    assert _run(CORPUS, CORPUS, "-o", two, "-j", "2") == 0
    assert one.read_bytes() == two.read_bytes()
    assert len(_records(one)) == 2 * len(SEEDS)


def test_dedup_marks_repeated_texts(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEEDS[0].read_bytes())
    (folder / "b.txt").write_bytes(SEEDS[0].read_bytes().replace(b"\n", b"\r\n"))  # same canonical text
    (folder / "c.txt").write_bytes(SEEDS[1].read_bytes())
    out = tmp_path / "r.jsonl"
    assert _run(folder, "-o", out, "-j", "2", "--dedup") == 0
    a, b, c = _records(out)
    assert a["directives"] and "duplicate_of" not in a
    assert b["duplicate_of"] == "a" and b["sha256"] == a["sha256"] and b["directives"] == []
    assert "duplicate_of" not in c


def _big_jsonl(path, copies: int) -> int:
    texts = _seed_texts()
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(copies):
            for j, t in enumerate(texts):
                fh.write(json.dumps({"id": f"d{i}-{j}", "text": t + f"\nBản tin số {i}."}, ensure_ascii=False) + "\n")
                n += 1
    return n


def _processes_writing(out) -> list[str]:
    """Processes whose command line names ``out`` (Linux /proc; elsewhere none are seen)."""
    found = []
    for pid in os.listdir("/proc") if os.path.isdir("/proc") else []:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                if str(out).encode() in fh.read():
                    found.append(pid)
        except OSError:
            continue
    return found


@pytest.mark.slow
def test_kill_9_then_resume_gives_exactly_one_record_per_input(tmp_path):
    src = tmp_path / "in.jsonl"
    n = _big_jsonl(src, 300)
    out = tmp_path / "r.jsonl"
    errors = open(tmp_path / "stderr.txt", "wb")  # noqa: SIM115 - the killed run's standard error
    proc = subprocess.Popen([sys.executable, "-m", "extract", "run", str(src), "-o", str(out), "-j", "2", "-q"], stderr=errors)
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 200_000):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # its workers die with it: no orphan left on the task queue, no BrokenPipe traceback
    while time.time() < deadline + 10 and _processes_writing(out):
        time.sleep(0.1)
    errors.close()
    assert not _processes_writing(out) and b"Traceback" not in (tmp_path / "stderr.txt").read_bytes()
    partial = out.read_bytes()
    assert 0 < partial.count(b"\n") < n, "the run was killed part-way"
    with open(out, "ab") as fh:  # what a kill in the middle of a write leaves behind
        fh.write(b'{"id": "half-writ')
    assert main(["run", str(src), "-o", str(out), "-j", "2", "-q", "--resume"]) == 0
    recs = _records(out)
    assert [r["id"] for r in recs] == [f"d{i}-{j}" for i in range(300) for j in range(len(SEEDS))]
    clean = tmp_path / "clean.jsonl"
    assert main(["run", str(src), "-o", str(clean), "-j", "2", "-q"]) == 0
    assert out.read_bytes() == clean.read_bytes()


def test_resume_refuses_other_inputs(tmp_path, capsys):
    out = tmp_path / "r.jsonl"
    assert _run(SEEDS[0], "-o", out, "-j", "1") == 0
    before = out.read_bytes()
    assert main(["run", str(SEEDS[1]), str(SEEDS[2]), "-o", str(out), "-q", "--resume"]) == 2  # usage, not a crash
    assert "does not match" in capsys.readouterr().err
    assert out.read_bytes() == before


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_records(tmp_path):
    distributed = pytest.importorskip("distributed")
    import dask.bag as db

    from extract.run.batch import Options
    from extract.run.dask import extract_bag, run_dask

    local = tmp_path / "local.jsonl"
    assert _run(CORPUS, "-o", local, "-j", "1") == 0
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        out = tmp_path / "dask.jsonl"
        with open(out, "wb") as fh:
            summary = run_dask([str(CORPUS)], fh, Options(), scheduler=cluster.scheduler_address)
        assert summary.ok == len(SEEDS)
        assert out.read_bytes() == local.read_bytes()
        with distributed.Client(cluster):
            bag = db.from_sequence([{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in SEEDS], npartitions=2)
            recs = extract_bag(bag).compute()
            texts = db.from_sequence([p.read_text(encoding="utf-8") for p in SEEDS], npartitions=2)
            ids = [r["id"] for r in extract_bag(texts).compute()]
        assert ids == ["0-0", "0-1", "0-2", "1-0", "1-1"]  # plain strings: their place in the bag
        for rec, ref in zip(recs, _records(local), strict=True):
            assert rec["directives"] == ref["directives"] and rec["sha256"] == ref["sha256"]
            assert_offsets(rec, (CORPUS / f"{rec['id']}.txt").read_text(encoding="utf-8"))
    finally:
        cluster.close()
