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


def test_the_side_bar_and_the_home_lists_show_focus(qtbot, isolated_dirs, script_dirs, tmp_path):
    """The side bar, the round cards and the recent sessions drew no border: Tab onto them changed
    no pixel (0 of the side bar's, in both themes)."""
    from PySide6.QtWidgets import QListWidget

    from populated import populated_window

    window, _ = populated_window(qtbot, script_dirs, tmp_path)
    window.activateWindow()
    qtbot.waitExposed(window)
    window.show_screen("home")
    for mode in ("light", "dark"):
        window.set_theme(mode)
        for name in ("navigation", "roundCards", "recentSessions"):
            lst = window.findChild(QListWidget, name)
            window.home.details.setFocus()
            QApplication.processEvents()
            before = lst.grab().toImage()
            lst.setFocus()
            QApplication.processEvents()
            assert lst.hasFocus()
            after = lst.grab().toImage()
            edge = after.pixelColor(0, after.height() // 2)
            was = before.pixelColor(0, before.height() // 2)
            assert theme.contrast_ratio(edge, was) >= 2, f"{mode} {name}: {edge.name()} vs {was.name()}"
    window.set_theme("light")


def test_a_focused_chart_is_framed(qtbot):
    """Tab stops on each Progress chart (for its description); nothing showed that it had."""
    from PySide6.QtCore import Qt

    from interviewer.gui.charts import Chart

    app = QApplication.instance()
    for mode in ("light", "dark"):
        t = theme.apply_theme(app, mode)
        widget = QWidget()
        qtbot.addWidget(widget)
        chart, other = Chart("Fillers per 100 words"), QPushButton("Other")
        layout = QVBoxLayout(widget)
        layout.addWidget(chart)
        layout.addWidget(other)
        widget.show()
        qtbot.waitExposed(widget)
        widget.activateWindow()
        other.setFocus()
        chart.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        assert chart.hasFocus()
        edge = chart.grab().toImage().pixelColor(1, chart.height() // 2)
        assert theme.contrast_ratio(edge, QColor(t.surface)) >= 3, f"{mode}: {edge.name()}"
    theme.apply_theme(app, "light")
