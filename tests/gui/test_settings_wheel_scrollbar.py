"""Trial 24 item 10: the mouse wheel over a dropdown in Settings changed it (the voice became
"Armenian (West Armenia)") instead of scrolling the page; the page's scroll bar looked broken (a
thin line with stray arrow bits). An unfocused field passes the wheel to the page, a focused one
still takes it; the scroll bars are drawn by the theme."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

from interviewer.app.services import AppServices, ScriptList
from interviewer.app.settings import save_settings
from interviewer.gui import theme
from interviewer.gui.main_window import MainWindow


def _wheel(widget, steps: int = -1) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(widget.rect().center())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def _settings(qtbot):
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), save_settings=save_settings))
    qtbot.addWidget(window)
    window.resize(1280, 600)
    window.show()
    window.show_screen("settings")
    qtbot.wait(50)
    QApplication.processEvents()
    return window, window.settings_screen


def test_the_wheel_over_an_unfocused_field_scrolls_the_page(qtbot, isolated_dirs):
    window, screen = _settings(qtbot)
    bar = screen.form_area.verticalScrollBar()
    assert bar.maximum() > 0, "the page must scroll for this test"
    fields = screen.form_area.widget().findChildren(QComboBox) + screen.form_area.widget().findChildren(QAbstractSpinBox)
    assert screen.text_size in fields and screen.voice in fields and screen.rate in fields
    for field in fields:
        assert field.focusPolicy() != Qt.FocusPolicy.WheelFocus, field
    combo = screen.text_size
    combo.setCurrentIndex(0)
    screen.form_area.setFocus()
    bar.setValue(0)
    _wheel(combo)
    assert combo.currentIndex() == 0, "an unfocused combo box keeps its value"
    assert bar.value() > 0, "the page scrolled"
    spin = screen.rate
    before, top = spin.value(), bar.value()
    _wheel(spin, 1)
    assert spin.value() == before and bar.value() < top
    # Focused, the field takes the wheel, as a desktop field does.
    combo.setFocus()
    QApplication.processEvents()
    if combo.hasFocus():  # offscreen, focus needs an active window
        at = bar.value()
        _wheel(combo)
        assert combo.currentIndex() == 1 and bar.value() == at


def test_the_settings_scroll_bar_is_drawn_in_the_theme(qtbot, isolated_dirs):
    """The bar: a track of the page's colour and a handle of the theme's, no arrow buttons."""
    from PySide6.QtGui import QColor

    window, screen = _settings(qtbot)
    bar = screen.form_area.verticalScrollBar()
    assert bar.isVisible() and bar.width() >= 10
    current = theme.current() if hasattr(theme, "current") else None
    image = bar.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    handle = {t.text_disabled for t in (theme.LIGHT, theme.DARK)}
    assert colours & handle, (sorted(colours)[:12], current)
