"""The HTML evaluation report opens in headless Chromium and shows highlighted spans.

Skipped where Debian's chromium is not installed; ``make screenshot`` installs it and
writes the same screenshot to out/report.png."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from extract.cli import main

from .conftest import CORPUS, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def screenshot(html, png, width=1200, height=1600) -> None:
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={png.parent / 'chrome-profile'}", f"--window-size={width},{height}",
         f"--screenshot={png}", f"file://{html}"],
        check=True, capture_output=True, timeout=120,
    )


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make screenshot installs it)")
def test_report_screenshot_shows_highlighted_spans(tmp_path):
    out = tmp_path / "r.jsonl"
    assert main(["run", str(CORPUS / "000_b98956806c35580f.txt"), "-o", str(out), "-j", "1", "-q"]) == 0
    html = tmp_path / "report.html"
    assert main(["eval", "--gold", str(ROOT / "gold"), "--pred", str(out), "--texts", str(CORPUS), "--html", str(html)]) == 0
    # show the article, not the score table, at the top of the page
    page = html.read_text(encoding="utf-8").replace('<pre class="table">', '<pre class="table" style="display:none">')
    html.write_text(page, encoding="utf-8")
    png = tmp_path / "report.png"
    screenshot(html, png)
    from PIL import Image

    img = Image.open(png).convert("RGB")
    colours = img.getcolors(maxcolors=1 << 20)
    green = sum(n for n, (r, g, b) in colours if (r, g, b) == (0xB7, 0xE4, 0xC7))  # matched spans
    assert green > 500, "the screenshot shows highlighted (matched) mentions"
