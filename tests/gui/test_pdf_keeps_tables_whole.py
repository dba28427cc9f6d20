"""Trial 39 item 8: the PDF split the summary table across pages (its last row, "Topic areas
covered", alone at the top of page 2) and ended with a page holding one list item. A table that
fits on a page starts the next page rather than split, and a list's last item does not start a
page alone."""
from __future__ import annotations

from interviewer.gui import pdf

TABLE = "<table border='1'>" + "".join(f"<tr><td>Row {n}</td><td>{n * 7}</td></tr>" for n in range(8)) + "</table>"
LIST = "<ol>" + "".join(f"<li>Step {n}: do the thing that step {n} says, then check it.</li>" for n in range(4)) + "</ol>"


def _writer(tmp_path):
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    return writer


def _pages_of(document, writer):
    printed = pdf._as_printed(document, writer)
    page, layout = printed.pageSize().height(), printed.documentLayout()
    return printed, page, layout


def _table_split(document, writer) -> bool:
    printed, page, layout = _pages_of(document, writer)
    rect = layout.frameBoundingRect(printed.rootFrame().childFrames()[0])
    return int(rect.top() // page) != int((rect.bottom() - 1) // page)


def _last_item_alone(document, writer) -> bool:
    printed, page, layout = _pages_of(document, writer)
    items = [b for b in _blocks(printed) if b.textList() is not None]
    last, before = items[-1], items[-2]
    return int(layout.blockBoundingRect(last).top() // page) != int(layout.blockBoundingRect(before).top() // page)


def _filler(n: int) -> str:
    """Lines, then a gap of n px: moves what follows down the page a little at a time."""
    return "<p>Line.</p>" * 28 + f"<p style='margin-top:{n}px'>Gap.</p>"


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_a_table_that_fits_a_page_is_not_split(qapp, tmp_path):
    writer = _writer(tmp_path)
    split = [n for n in range(0, 600, 4) if _table_split(pdf.pdf_document(_filler(n) + TABLE), writer)]
    assert split, "the test needs a filler length that splits the table"
    for n in split[::4]:
        document = pdf.pdf_document(_filler(n) + TABLE)
        pdf._keep_list_items_on_one_page(document, writer)
        assert not _table_split(document, writer), n


def test_a_lists_last_item_does_not_start_a_page_alone(qapp, tmp_path):
    writer = _writer(tmp_path)
    alone = [n for n in range(0, 600, 4) if _last_item_alone(pdf.pdf_document(_filler(n) + LIST), writer)]
    assert alone, "the test needs a filler length that leaves the last item alone"
    for n in alone[::2]:
        document = pdf.pdf_document(_filler(n) + LIST)
        pdf._keep_list_items_on_one_page(document, writer)
        assert not _last_item_alone(document, writer), n
