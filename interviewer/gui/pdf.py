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
    _no_words_broken_in_cells(document, writer)
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
    _repeat_header_rows(document)
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


WORD_BREAKS = " \t\u00a0\u200b-/\u2013\u2014,;:)"  # a line may start after these; not mid-word


def broken_words(printed) -> list[tuple[object, int, str]]:
    """(table, column, word) for each word a table cell broke across two lines: Qt breaks a word
    that does not fit its column ("Requirement" / "s" in the PDF's Parts table, trial 48).
    `printed`: a document laid out (_as_printed)."""
    found = []
    for frame in printed.rootFrame().childFrames():
        if not hasattr(frame, "rows"):
            continue
        for row in range(frame.rows()):
            for col in range(frame.columns()):
                cell = frame.cellAt(row, col)
                block = cell.firstCursorPosition().block()
                while block.isValid() and block.position() <= cell.lastCursorPosition().position():
                    text, layout = block.text(), block.layout()
                    for n in range(1, layout.lineCount()):
                        at = layout.lineAt(n).textStart()
                        if 0 < at < len(text) and text[at - 1] not in WORD_BREAKS and not text[at].isspace():
                            start = max(text.rfind(" ", 0, at) + 1, 0)
                            end = text.find(" ", at)
                            found.append((frame, col, text[start:end if end >= 0 else len(text)]))
                    block = block.next()
    return found


def _no_words_broken_in_cells(document, writer) -> None:
    """A table column is at least as wide as its longest word: Qt shares a table's width out by
    the cells' text and broke "Requirements" in a narrow Part column (trial 48). Such a column is
    given the share of the table its word needs, the other columns share the rest (and wrap at
    spaces); a word wider than the whole table is left to break."""
    from PySide6.QtGui import QFontMetricsF, QTextLength

    for _ in range(12):  # a column per pass, as widening one narrows the others
        printed = _as_printed(document, writer)
        broken = broken_words(printed)
        if not broken:
            return
        frame, col, word = broken[0]
        layout = printed.documentLayout()
        original = document.rootFrame().childFrames()[printed.rootFrame().childFrames().index(frame)]
        table = layout.frameBoundingRect(frame)
        block = frame.cellAt(0, col).firstCursorPosition().block()
        left = layout.blockBoundingRect(block).left()
        right = (layout.blockBoundingRect(frame.cellAt(0, col + 1).firstCursorPosition().block()).left()
                 if col + 1 < frame.columns() else table.right())
        text_width = block.layout().lineAt(0).width() if block.layout().lineCount() else 0.0
        font = frame.cellAt(0, col).firstCursorPosition().charFormat().font()
        word_width = QFontMetricsF(font, writer).horizontalAdvance(word + " ")
        share = 100 * (right - left + word_width - text_width) / table.width() + 1
        shares = list(original.format().columnWidthConstraints()) or [QTextLength()] * frame.columns()
        if shares[col].type() == QTextLength.Type.PercentageLength:
            share = max(share, shares[col].rawValue() + 2)  # still broken: a little more each pass
        if share >= 100 - 5 * (frame.columns() - 1):
            return  # no share of the table holds the word
        shares[col] = QTextLength(QTextLength.Type.PercentageLength, share)
        table_format = original.format()
        table_format.setColumnWidthConstraints(shares)
        original.setFormat(table_format)


def _has_header_row(table) -> bool:
    """The table's first row names its columns (<th> cells: bold, the row after them not)."""
    def bold(row: int) -> bool:
        return all(table.cellAt(row, c).firstCursorPosition().charFormat().font().bold()
                   for c in range(table.columns()))
    return table.rows() > 2 and table.columns() > 1 and bold(0) and not bold(1)


def _repeat_header_rows(document) -> None:
    """A table split across pages says its column names again on the next page."""
    for frame in document.rootFrame().childFrames():
        if hasattr(frame, "rows") and _has_header_row(frame):
            fmt = frame.format()
            fmt.setHeaderRowCount(1)
            frame.setFormat(fmt)


# The most of a page a table may leave blank by starting the next page whole, rather than split.
MOST_BLANK_FOR_A_TABLE = 1 / 3


def _keep_list_items_on_one_page(document, writer) -> None:
    """A list item (a ten-second summary line, a finding) is never split across two pages: the
    summary's first item broke across pages 1-2 (trial 16). Qt's rich text reads no CSS
    page-break-inside, and non-breakable lines stop the item wrapping (its text ran off the page,
    trial 19): an item that would straddle a page break starts the next page instead.
    A table that would split near the foot of a page starts the next page whole, one split
    further up breaks between rows, never with one row alone after the break (the summary
    table's last row alone on page 2, trial 39; moved whole it left page 1 half blank, trial 48).
    A list's last item does not start a page alone: it takes the item before it along (page 5
    held the single item "4. Fix the cause: ...", trial 39). A heading goes with what follows it
    (the "Parts" heading alone at the foot of page 2, its table on page 3, trial 48)."""
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

        def rows_moved(table) -> int:  # rows the page break sends on to the next page
            first = int(layout.frameBoundingRect(table).top() // page)
            return sum(int(layout.blockBoundingRect(table.cellAt(row, 0).firstCursorPosition().block()).top() // page)
                       != first for row in range(table.rows()))

        def splits_a_row(table) -> bool:  # a cell's lines on two pages
            for row in range(table.rows()):
                for col in range(table.columns()):
                    cell = table.cellAt(row, col)
                    first = layout.blockBoundingRect(cell.firstCursorPosition().block())
                    last = layout.blockBoundingRect(cell.lastCursorPosition().block())
                    if int(first.top() // page) != int((last.bottom() - 1) // page):
                        return True
            return False

        for frame, original in zip(printed.rootFrame().childFrames(), document.rootFrame().childFrames()):
            rect = layout.frameBoundingRect(frame)
            if not (straddles(rect) and hasattr(original, "rows")):
                continue
            # Split between rows when a third of the page or more would be left blank (a summary
            # table moved whole left half of page 1 blank, trial 48), with its header row said
            # again; moved whole when the split would leave less blank, break a row (Qt splits a
            # row's cells line by line), or leave a row alone (trial 39).
            if (page - rect.top() % page > page * MOST_BLANK_FOR_A_TABLE
                    and not splits_a_row(frame) and rows_moved(frame) >= 2):
                continue
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
            after = block.next()
            if (block.blockFormat().headingLevel() and after.isValid()
                    and int(layout.blockBoundingRect(after).top() // page) != int(rect.top() // page)
                    and not (original.blockFormat().pageBreakPolicy() & always_before)):
                break_before(original)  # a heading goes with what follows it ("Parts" alone, trial 48)
                follows = QTextCursor(original.next()).currentTable()
                if follows is not None:  # moved to the next page already: the heading takes it along
                    fmt = follows.format()
                    fmt.setPageBreakPolicy(fmt.pageBreakPolicy() & ~always_before)
                    follows.setFormat(fmt)
                else:
                    fmt = original.next().blockFormat()
                    fmt.setPageBreakPolicy(fmt.pageBreakPolicy() & ~always_before)
                    cursor.setPosition(original.next().position())
                    cursor.setBlockFormat(fmt)
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
