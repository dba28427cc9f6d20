"""Trial 14: the exports (Markdown, HTML, PDF) left out the review's "The round in ten seconds",
the lines a reader looks at first. Every export prints the review's own lines, word for word
(core/analysis/ten_seconds.py computes them once)."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from interviewer.core.analysis.ten_seconds import HEADING, ten_seconds
from interviewer.export import export_session
from interviewer.export.report import fmt_clock
from interviewer.storage import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import full_round  # noqa: E402


def _stored_round(store: Store) -> int:
    sid = full_round(store, answers=3)
    first, second, third = (a.id for a in store.get_session(sid).answers)
    good, problem = {"severity": "good"}, {"severity": "problem"}
    store.add_finding(sid, "clarifying_questions", "Asked 2 clarifying questions.", answer_id=first,
                      start=0.5, end=1.5, details=good)
    store.add_finding(sid, "structure", "Stated a plan before diving in.", answer_id=second, start=0.2, details=good)
    store.add_finding(sid, "went_silent", "Went silent for 6.0 s.", answer_id=second, start=1.0, end=7.0,
                      details=problem)
    store.add_finding(sid, "response_latency", "Took 5.0 s to start answering.", answer_id=first, start=0.0,
                      end=5.0, details=problem)
    # Fillers in two answers: the line names one and says "(also in 1 more answer)".
    for aid, span in ((first, 3.0), (third, 1.0)):
        store.add_finding(sid, "fillers", "4 filler words.", answer_id=aid, start=1.0, end=1.0 + span,
                          details=problem)
    return sid


def _plain(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split()).replace(" :", ":")


def _words(text: str) -> str:
    """Lines joined; the PDF's ligatures ("ﬁ" in "filler") as letters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_every_export_has_the_reviews_ten_second_summary_word_for_word(qapp, isolated_dirs, tmp_path):
    from PySide6.QtGui import QTextDocument

    from interviewer.gui.pdf import render_pdf
    from interviewer.gui.review_summary import TenSecondSummary

    printed = []

    def pdf(page_html, out, title):
        printed.append(page_html)
        render_pdf(page_html, out, title)

    with Store.open() as store:
        sid = _stored_round(store)
        session = store.get_session(sid)
        for fmt in ("md", "html", "pdf"):
            export_session(store, sid, fmt, tmp_path / f"round.{fmt}", render_pdf=pdf)
    went_well, to_work_on = ten_seconds(session)
    assert len(went_well.items) == 2 and len(to_work_on.items) == 3
    assert any("(also in 1 more answer)" in h.text for h in to_work_on.items)
    lines = [h.text for h in went_well.items + to_work_on.items]

    # The review shows these lines (bold label, italic "also in": the same words).
    review = TenSecondSummary()
    review.show_session(session)
    shown = _plain(review.strengths.text() + " " + review.fixes.text())
    assert all(line in shown for line in lines), (lines, shown)

    md = (tmp_path / "round.md").read_text()
    page = _plain((tmp_path / "round.html").read_text())
    if shutil.which("pdftotext"):
        pdf_text = subprocess.run(["pdftotext", str(tmp_path / "round.pdf"), "-"], capture_output=True,
                                  text=True, check=True).stdout
    else:  # what Qt laid out on the pages
        document = QTextDocument()
        document.setHtml(printed[0])
        pdf_text = document.toPlainText()
    for name, text in (("md", md), ("html", page), ("pdf", _words(pdf_text))):
        assert HEADING in text and "Went well" in text and "To work on" in text, name
        for h in went_well.items + to_work_on.items:
            assert f"{fmt_clock(h.round_time)} {h.text}" in _words(text), (name, h.text)
    # At the top, as in the review: before the parts and the answers.
    assert md.index(HEADING) < md.index("## Parts") < md.index("## Answers")


def test_an_export_of_a_round_with_nothing_flagged_says_so_as_the_review_does(isolated_dirs, tmp_path):
    with Store.open() as store:
        sid = full_round(store)
        session = store.get_session(sid)
        export_session(store, sid, "md", tmp_path / "round.md")
        export_session(store, sid, "html", tmp_path / "round.html")
    for column in ten_seconds(session):
        assert not column.items
        assert column.empty in (tmp_path / "round.md").read_text()
        assert column.empty in _plain((tmp_path / "round.html").read_text())


def test_the_summary_comes_before_the_rounds_facts_in_every_export(qapp, isolated_dirs, tmp_path):
    """Trial 16: in Markdown, HTML and PDF the summary came after 17 lines of facts (round,
    script, started, planned, ...); in the PDF it started at the foot of page 1 and its first
    item broke across pages 1-2. It comes right after the title, as on screen, the facts after it."""
    from interviewer.gui.pdf import render_pdf

    with Store.open() as store:
        sid = _stored_round(store)
        for fmt in ("md", "html", "pdf"):
            export_session(store, sid, fmt, tmp_path / f"round.{fmt}", render_pdf=render_pdf)
    md = (tmp_path / "round.md").read_text()
    page = _plain((tmp_path / "round.html").read_text())
    texts = [("md", md, "**Started:**"), ("html", page, "Started")]
    if shutil.which("pdftotext"):
        texts.append(("pdf", _words(subprocess.run(["pdftotext", str(tmp_path / "round.pdf"), "-"],
                                                   capture_output=True, text=True, check=True).stdout), "Started"))
    for name, text, fact in texts:
        title = text.index("Feed ranking design")
        assert title < text.index(HEADING) < text.index(fact), name
        assert text.index("To work on") < text.index(fact), name  # both columns before the facts


def test_no_list_item_of_the_pdf_breaks_across_pages(qapp, isolated_dirs, tmp_path):
    """Each item of the summary (and each finding) is kept whole on one page: the PDF's
    equivalent of the HTML's `page-break-inside: avoid` (checked on the printed layout; the
    items still wrap, trial 19: tests/gui/test_pdf_bullets_wrap.py)."""
    from PySide6.QtGui import QPdfWriter

    from interviewer.gui.pdf import _as_printed, _keep_list_items_on_one_page, pdf_document, render_pdf

    printed = []
    with Store.open() as store:
        sid = _stored_round(store)
        export_session(store, sid, "pdf", tmp_path / "round.pdf",
                       render_pdf=lambda page_html, out, title: (printed.append(page_html),
                                                                  render_pdf(page_html, out, title)))
    assert "page-break-inside: avoid" in printed[0]
    document = pdf_document(printed[0])
    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    _keep_list_items_on_one_page(document, writer)
    laid_out = _as_printed(document, writer)
    page, items, block = laid_out.pageSize().height(), [], laid_out.begin()
    while block.isValid():
        if block.textList() is not None:
            rect = laid_out.documentLayout().blockBoundingRect(block)
            items.append((block.text(), int(rect.top() // page) == int((rect.bottom() - 1) // page)))
        block = block.next()
    assert len(items) >= 5 and all(whole for _, whole in items), items
