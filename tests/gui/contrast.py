"""Text contrast on the rendered screens, from the colours each visible text really uses: the
text colour the stylesheet gave the widget's palette, inline colours in rich text and documents,
item colours in lists and tables; the background as rendered (the most common colour of the
widget's area on a grab of the window)."""
from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from interviewer.gui.theme import contrast_ratio

MIN_RATIO = 4.5
_STYLE = re.compile(r'style\s*=\s*["\']([^"\']*)["\']', re.I)
_PROP = re.compile(r"(background(?:-color)?|color)\s*:\s*(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)")


def background_of(widget: QWidget, image: QImage, root: QWidget) -> QColor:
    """The colour behind `widget` as rendered: the most common colour inside it on the grab of
    `root` (text covers a small part of a label or a button; the rest is its background)."""
    from collections import Counter

    top_left = widget.mapTo(root, QPoint(0, 0))
    ratio = image.devicePixelRatio()
    x0, y0 = int(top_left.x() * ratio), int(top_left.y() * ratio)
    x1 = min(image.width(), int((top_left.x() + widget.width()) * ratio))
    y1 = min(image.height(), int((top_left.y() + widget.height()) * ratio))
    counts = Counter(image.pixel(x, y) for x in range(max(x0, 0), x1, 2) for y in range(max(y0, 0), y1, 2))
    if not counts:
        return widget.palette().color(QPalette.ColorRole.Window)
    return QColor.fromRgb(counts.most_common(1)[0][0])


def _inline_pairs(html: str, fg: QColor, bg: QColor) -> list[tuple[QColor, QColor, str]]:
    out = []
    for style in _STYLE.findall(html):
        props = {k.lower().replace("-color", ""): v for k, v in _PROP.findall(style)}
        if "color" in props or "background" in props:
            out.append((QColor(props.get("color", fg.name())), QColor(props.get("background", bg.name())),
                        style))
    return out


def _document_pairs(doc: QTextDocument, base: QColor, text: QColor) -> list[tuple[QColor, QColor, str]]:
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.text().strip():
                fmt = fragment.charFormat()
                fg = fmt.foreground().color() if fmt.foreground().style() != Qt.BrushStyle.NoBrush else text
                bg = fmt.background().color() if fmt.background().style() != Qt.BrushStyle.NoBrush else base
                out.append((fg, bg, fragment.text()[:40]))
            it += 1
        block = block.next()
    return out


def contrast_problems(root: QWidget, where: str = "") -> list[str]:
    """Every visible text under `root` whose contrast with its background is below 4.5:1."""
    problems: list[str] = []
    image = root.grab().toImage()

    def check(fg: QColor, bg: QColor, what: str) -> None:
        if fg.alpha() == 0:
            return
        ratio = contrast_ratio(fg, bg)
        if ratio < MIN_RATIO:
            problems.append(f"{where} {what}: {fg.name()} on {bg.name()} = {ratio:.2f}")

    for w in [root] + root.findChildren(QWidget):
        if not w.isVisible() or not w.isEnabled():
            continue  # disabled controls are exempt (WCAG 1.4.3)
        pal = w.palette()
        if isinstance(w, QLabel) and (w.text().strip() or False):
            fg, bg = pal.color(w.foregroundRole()), background_of(w, image, root)
            check(fg, bg, f"label {w.text()[:50]!r}")
            for ifg, ibg, style in _inline_pairs(w.text(), fg, bg):
                check(ifg, ibg, f"label {w.text()[:30]!r} inline {style!r}")
        elif isinstance(w, QAbstractButton) and w.text():
            button_bg = pal.color(QPalette.ColorRole.Button)
            styled = isinstance(w, QPushButton) and not w.isFlat() and button_bg.alpha() > 0
            fg = pal.color(QPalette.ColorRole.ButtonText if isinstance(w, QPushButton) else w.foregroundRole())
            check(fg, button_bg if styled else background_of(w, image, root), f"button {w.text()!r}")
        elif isinstance(w, QGroupBox) and w.title():
            check(pal.color(QPalette.ColorRole.WindowText), background_of(w, image, root), f"group {w.title()[:40]!r}")
        elif isinstance(w, QTextEdit) and w.document().toPlainText().strip():
            base, text = background_of(w.viewport(), image, root), pal.color(QPalette.ColorRole.Text)
            for fg, bg, sample in _document_pairs(w.document(), base, text):
                check(fg, bg, f"text view {sample!r}")
        elif isinstance(w, (QListWidget, QTableWidget)):
            base, text = background_of(w.viewport(), image, root), pal.color(QPalette.ColorRole.Text)
            items = ([w.item(i) for i in range(w.count())] if isinstance(w, QListWidget) else
                     [w.item(r, c) for r in range(w.rowCount()) for c in range(w.columnCount())])
            for item in items:
                if item is None or not item.text() or (isinstance(w, QListWidget) and item.isHidden()):
                    continue
                if item.isSelected():
                    fg, bg = pal.color(QPalette.ColorRole.HighlightedText), pal.color(QPalette.ColorRole.Highlight)
                else:
                    fg = item.foreground().color() if item.foreground().style() != Qt.BrushStyle.NoBrush else text
                    bg = item.background().color() if item.background().style() != Qt.BrushStyle.NoBrush else base
                check(fg, bg, f"item {item.text()[:40]!r}")
        del pal
    return problems

