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
    pdf_document(html).print_(writer)
    del writer  # finishes the file


def pdf_document(html: str):
    """The page as the PDF lays it out (a QTextDocument)."""
    _ensure_gui_application()
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    _drop_paragraph_backgrounds(document)
    _keep_list_items_whole(document)
    return document


def _keep_list_items_whole(document) -> None:
    """A list item (a ten-second summary line, a finding) is never split across two pages: the
    summary's first item broke across pages 1-2 (trial 16). Qt's rich text reads no CSS
    page-break-inside; its equivalent is a block whose lines cannot be broken."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        if block.textList() is not None:
            fmt = block.blockFormat()
            fmt.setNonBreakableLines(True)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
        block = block.next()


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
