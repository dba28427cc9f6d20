"""The focused main button is marked (a keyboard-only pass: 'Start round', 'Save settings' and the
first-start guide's Next looked the same focused or not, in both themes: their border took the
button's own colour, over the focus ring's; in the light theme the ring's colour is the button's)."""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from interviewer.gui import theme


def _edge(widget: QWidget, button: QPushButton) -> QColor:
    QApplication.processEvents()
    image = widget.grab().toImage()
    r = button.geometry()
    return image.pixelColor(r.left() + 1, r.center().y())  # inside the left border, clear of the rounded corners


def test_the_focused_primary_button_has_a_visible_ring(qtbot):
    app = QApplication.instance()
    for mode in ("light", "dark"):
        t = theme.apply_theme(app, mode)
        widget = QWidget()
        qtbot.addWidget(widget)
        primary, other = QPushButton("Start round"), QPushButton("Other")
        primary.setProperty("primary", True)
        layout = QVBoxLayout(widget)
        layout.addWidget(primary)
        layout.addWidget(other)
        widget.show()
        qtbot.waitExposed(widget)
        widget.activateWindow()
        other.setFocus()
        plain = _edge(widget, primary)
        primary.setFocus()
        assert primary.hasFocus()
        ring = _edge(widget, primary)
        ratio = theme.contrast_ratio(ring, plain)
        assert ratio >= 2.5, f"{mode}: focused {ring.name()} vs {plain.name()}: {ratio:.2f}"
        assert theme.contrast_ratio(ring, QColor(t.window)) >= 3, mode
    theme.apply_theme(app, "light")
