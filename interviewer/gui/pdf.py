"""A round as PDF, laid out by Qt's rich-text engine (works offscreen, no printer needed)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

_app = None  # a QGuiApplication we had to create; kept alive for the process


def _ensure_gui_application() -> None:
    global _app
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A QApplication, not only a QGuiApplication: the process holds one application for good, and
    # a window made later in it (the app after a CLI export, the tests) needs the widgets kind.
    _app = QApplication(["interviewer-export"])


def render_pdf(html: str, out: Path, title: str = "") -> None:
    _ensure_gui_application()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Interviewer")
    document = pdf_document(html)
    _keep_list_items_on_one_page(document, writer)
    document.print_(writer)
    del writer  # finishes the file


def pdf_document(html: str):
    """The page as the PDF lays it out (a QTextDocument)."""
    _ensure_gui_application()
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    _drop_paragraph_backgrounds(document)
    _break_after_underscores(document)
    return document


def _break_after_underscores(document) -> None:
    """A line may break after an underscore: Qt broke the Script id mid-word
    ("ml_depth_ranking_or_recommend" / "ation", trial 24). A zero-width space after each one
    (in the PDF only: the HTML export keeps the id as it is, to copy)."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    found = document.find("_", cursor)
    while not found.isNull():
        found.clearSelection()
        found.insertText("\u200b")
        found = document.find("_", found)
    cursor.endEditBlock()


def _as_printed(document, writer):
    """A copy of `document` laid out as QTextDocument.print_ lays it out on `writer` (a document
    without a page size is cloned onto the device's page with 2 cm frame margins, at 96 dpi)."""
    from PySide6.QtCore import QSizeF

    copy = document.clone()
    copy.documentLayout().setPaintDevice(writer)
    frame = copy.rootFrame().frameFormat()
    frame.setMargin(int(2 / 2.54 * 96))
    copy.rootFrame().setFrameFormat(frame)
    copy.setPageSize(QSizeF(writer.width(), writer.height()))
    return copy


def _keep_list_items_on_one_page(document, writer) -> None:
    """A list item (a ten-second summary line, a finding) is never split across two pages: the
    summary's first item broke across pages 1-2 (trial 16). Qt's rich text reads no CSS
    page-break-inside, and non-breakable lines stop the item wrapping (its text ran off the page,
    trial 19): an item that would straddle a page break starts the next page instead.
    Likewise a table that fits on a page (the summary table split with its last row alone on
    page 2, trial 39), and a list's last item does not start a page alone: it takes the item
    before it along (page 5 held the single item "4. Fix the cause: ...", trial 39)."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    always_before = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    cursor = QTextCursor(document)

    def break_before(block) -> None:
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(always_before)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)

    for _ in range(document.blockCount() + len(document.rootFrame().childFrames())):  # one move per pass
        printed = _as_printed(document, writer)
        page = printed.pageSize().height()
        layout = printed.documentLayout()

        def straddles(rect) -> bool:
            return rect.height() < page and int(rect.top() // page) != int((rect.bottom() - 1) // page)

        moved = False
        for frame, original in zip(printed.rootFrame().childFrames(), document.rootFrame().childFrames()):
            if straddles(layout.frameBoundingRect(frame)) and hasattr(original, "rows"):
                fmt = original.format()
                if fmt.pageBreakPolicy() & always_before:
                    continue
                fmt.setPageBreakPolicy(always_before)
                original.setFormat(fmt)
                moved = True
                break
        if moved:
            continue
        block, original = printed.begin(), document.begin()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if block.textList() is not None and straddles(rect):
                break_before(original)
                moved = True
                break
            before = block.previous()
            if (block.textList() is not None and before.isValid() and before.textList() == block.textList()
                    and block.textList().itemNumber(block) == block.textList().count() - 1
                    and block.textList().count() > 2
                    and int(rect.top() // page) != int(layout.blockBoundingRect(before).top() // page)
                    and not (original.previous().blockFormat().pageBreakPolicy() & always_before)):
                break_before(original.previous())  # the last item does not start a page alone
                moved = True
                break
            block, original = block.next(), original.next()
        if not moved:
            return


def _drop_paragraph_backgrounds(document) -> None:
    """Qt paints a shaded paragraph (an answer's numbers, the scratchpad) that a page break splits
    as two boxes running into the page margins, with the page number printed on the first: in
    the PDF such paragraphs are plain. Highlighted words keep their colour."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.hasProperty(fmt.Property.BackgroundBrush):
            shade = fmt.background().color()
            fmt.clearBackground()
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
            for part in block:  # Qt also shades the paragraph's first run of text
                fragment = part.fragment()
                chars = fragment.charFormat()
                if chars.hasProperty(chars.Property.BackgroundBrush) and chars.background().color() == shade:
                    chars.clearBackground()
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(chars)
        block = block.next()
