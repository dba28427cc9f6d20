"""Trial 19: the PDF ran bulleted lines (the summary's items, "Round findings", the transcript
legend, each answer's findings) off the right edge of the page while paragraphs wrapped. Each
item must wrap within the page's right margin and still stay whole on one page (trial 16)."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.export import export_session
from interviewer.storage import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import full_round  # noqa: E402

COUNT = 16  # enough long items that, unguarded, one straddles a page break
LONG = ("Asked about the catalogue size, the daily number of searches, the latency budget, the "
        "languages to support, what success means for the business and how fresh the index must be")


def _round_with_long_items(store: Store) -> int:
    sid = full_round(store, answers=3)
    answers = [a.id for a in store.get_session(sid).answers]
    for n, aid in enumerate((answers * 9)[:COUNT]):
        store.add_finding(sid, "clarifying_questions", f"{LONG} ({n}).", answer_id=aid, start=0.5, end=1.5,
                          details={"severity": "good" if n % 2 else "problem"})
    return sid


def _pdf(tmp_path) -> Path:
    from interviewer.gui.pdf import render_pdf

    out = tmp_path / "round.pdf"
    with Store.open() as store:
        export_session(store, _round_with_long_items(store), "pdf", out, render_pdf=render_pdf)
    return out


def _pages(pdf: Path) -> list[tuple[float, list[tuple[float, str]]]]:
    """(page width, [(word's right edge, word)]) per page, from poppler's pdftotext -bbox."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    pages = []
    for page in re.findall(r"<page (.*?)</page>", xhtml, re.S):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        words = [(float(x), w) for x, w in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', page)]
        pages.append((width, words))
    return pages


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils' pdftotext")
def test_no_pdf_line_runs_past_the_right_margin(qapp, isolated_dirs, tmp_path):
    pages = _pages(_pdf(tmp_path))
    margin = 15 / 25.4 * 72  # render_pdf's 15 mm page margins, in points
    words = [w for _, ws in pages for w in ws]
    assert sum(w == "catalogue" for _, w in words) >= COUNT  # every long item is printed
    for width, ws in pages:
        past = [(round(x), w) for x, w in ws if x > width - margin + 1]
        assert not past, past


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils' pdftotext")
def test_each_long_bullet_stays_whole_on_one_page(qapp, isolated_dirs, tmp_path):
    pages = _pages(_pdf(tmp_path))
    # Each item starts with "Asked about" and ends with "(n)."; both on the same page.
    starts, ends = {}, {}
    for number, (_, ws) in enumerate(pages):
        text = [w for _, w in ws]
        for i, w in enumerate(text):
            if w == "catalogue":
                starts.setdefault(number, 0)
                starts[number] += 1
            if re.fullmatch(r"\(\d+\)\.", w) and i and text[i - 1] == "be":
                ends.setdefault(number, 0)
                ends[number] += 1
    assert sum(starts.values()) >= COUNT
    assert starts == ends, (starts, ends)
