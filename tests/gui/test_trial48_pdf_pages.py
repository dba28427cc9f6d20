"""Trial 48: the design round's PDF had page 1 half empty (the summary table moved to page 2
whole), the "Parts" heading alone at the foot of page 2 with its table on page 3, and a cell
breaking a word ("Requirement" / "s"). A long table now splits between rows rather than leave a
third of a page blank or more, a heading stays with what follows it, and a column is as wide as
its longest word. The page below is the start of that round's export (html_report.render_html)."""
from __future__ import annotations

from html import escape

from interviewer.export.html_report import CSS
from interviewer.gui import pdf
TEN = {
    "Went well": [
        "00:37 Talking points covered: 15 of 15 points.",
        "12:38 <b>Numbers and units</b>: \"Say 2% of impressions, with a confidence-bound tile boost that became a "
        "little recollect slick.\" <i>(also in 3 more answers)</i>",
        "13:34 <b>Tradeoffs</b>: \"Streaming user features cost more infrastructure and in harder to keep consistent "
        "and daily match features, but the gain in click prediction for active user in usual it worth it.\" "
        "<i>(also in 1 more answer)</i>"],
    "To work on": [
        "09:30 Went silent for 17.1 s after \"and...\"; think aloud instead.",
        "00:37 <b>Topic areas missed</b>: Edge cases (heard in 1 of 5 questions that called for it); Stated assumptions.",
        "00:37 <b>Pace</b>: Spoke too fast in the answer at 00:37: 196 words per minute while speaking, 179 with "
        "pauses (fast is over 190 while speaking and also over 160 with pauses)."]}
FACTS = [
    ("Round", "ML system design: click prediction for ads (ML system design)"), ("Started", "2026-12-07 13:05"),
    ("Ended", "2026-12-07 13:24"), ("Planned", "55 min"), ("Status", "completed"),
    ("Took", "18 min 28 s on the round clock"), ("Answers", "15"), ("Fillers", "3 (0.4 per 100 words)"),
    ("Repetitions and restarts", "0"), ("Pace", "175 words/min while speaking, 156 with pauses"),
    ("Long pauses", "1"), ("Mean response latency", "5.0 s"), ("Clarifying questions", "7"),
    ("Not asked about (clarifying)", "success metric, privacy"),
    ("Depth (questions where heard / expected)",
     "Tradeoffs 3/5, Edge cases 1/5, Evaluation metrics 3/5, Numbers and units 4/5, Stated assumptions 0/1"),
    ("Topic areas covered", "13 of 15. Missed: Edge cases (1 of 5 questions that called for it); Stated assumptions "
     "(0 of 1 question that called for it). A topic area is not a talking point: it groups the talking points and "
     "depth signals on one subject, and counts as covered when at least half of what measured it was.")]
PARTS = [("Introduction", "2 min", "26 s", "-1 min 34 s, passed on to later parts", "00:00"),
         ("Requirements", "8 min", "2 min 13 s", "-5 min 47 s, passed on to later parts", "00:26"),
         ("High-level design and data", "11 min", "8 min 16 s", "-2 min 44 s, passed on to later parts", "02:38"),
         ("Features and model", "11 min", "3 min", "-8 min, passed on to later parts", "10:54"),
         ("Serving and experiments", "10 min", "49 s", "-9 min 11 s, passed on to later parts", "13:54"),
         ("Monitoring and rollback", "8 min", "1 min 25 s", "-6 min 35 s, passed on to later parts", "14:43"),
         ("Summary and your questions", "5 min", "2 min 21 s", "-2 min 39 s, round ended here", "16:07")]
ANSWER = ("So, at a high level, I would have a candidate retrieval step that gets a few hundred eligible ads. Then a "
          "ranking model that predict slick through rate for each ad. The auction multiplies the bid by the "
          "predicted click probability, so calibration matters a lot. ")


def page(facts=FACTS, answers: int = 6) -> str:
    parts = ["<h1>ML system design: click prediction for ads - 2026-12-07 13:05</h1>",
             "<h2>The round in ten seconds</h2>"]
    for title, items in TEN.items():
        parts += [f"<h3>{title}</h3>", "<ol>" + "".join(f"<li>{i}</li>" for i in items) + "</ol>"]
    parts.append("<table>" + "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in facts)
                 + "</table>")
    head = "".join(f"<th>{h}</th>" for h in ("Part", "Planned", "Actual", "Difference", "Started at"))
    parts += ["<h2>Parts</h2>", f"<table><tr>{head}</tr>" + "".join(
        "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in PARTS) + "</table>"]
    parts += ["<h2>Round findings</h2><ul><li>18:28 <b>Round finished</b>: You ended the round at 18 min 28 s of "
              "55 min planned: every question of its script was asked.</li></ul>", "<h2>Answers</h2>"]
    for n in range(1, answers + 1):
        parts += [f"<h3>{n}. Sketch the system around the model, and tell me where the training data and labels "
                  "come from.</h3>", '<p class="meta">Question, asked at 00:30, listening from 00:37</p>',
                  f"<p>{ANSWER * 3}</p>"]
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><style>{CSS}</style></head>'
            f"<body>{body}</body></html>")


def _writer(tmp_path):
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    return writer


def _laid_out(tmp_path):
    """The page as render_pdf prints it: (printed document, page height, layout)."""
    writer = _writer(tmp_path)
    document = pdf.pdf_document(page())
    assert pdf.broken_words(pdf._as_printed(document, writer)), "the page must break a word before the fix"
    pdf._no_words_broken_in_cells(document, writer)
    pdf._keep_list_items_on_one_page(document, writer)
    printed = pdf._as_printed(document, writer)
    _kept.extend((writer, document))  # the copy lives only as long as they do
    return printed, printed.pageSize().height(), printed.documentLayout()


_kept: list = []


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_no_cell_breaks_a_word(qapp, tmp_path):
    printed, _page, _layout = _laid_out(tmp_path)
    assert pdf.broken_words(printed) == []


def test_a_heading_starts_on_the_page_of_what_follows_it(qapp, tmp_path):
    printed, page, layout = _laid_out(tmp_path)
    for block in _blocks(printed):
        after = block.next()
        if block.blockFormat().headingLevel() and after.isValid():
            assert int(layout.blockBoundingRect(block).top() // page) == \
                int(layout.blockBoundingRect(after).top() // page), block.text()


def test_page_one_is_not_left_half_empty_and_no_row_is_split(qapp, tmp_path):
    printed, page, layout = _laid_out(tmp_path)
    facts, parts = printed.rootFrame().childFrames()[:2]
    assert layout.frameBoundingRect(facts).top() < page * 0.6, "the summary table starts on page 1"
    for table in (facts, parts):
        for row in range(table.rows()):
            for col in range(table.columns()):
                cell = table.cellAt(row, col)
                top = layout.blockBoundingRect(cell.firstCursorPosition().block()).top()
                bottom = layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom()
                assert int(top // page) == int((bottom - 1) // page), (row, col, cell.firstCursorPosition().block().text())
