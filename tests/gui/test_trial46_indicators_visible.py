"""Trial 46 defect 8: in the dark theme the debrief's self-rating radio buttons were dark grey
circles on a near-black page (the style drew their ring from the window colour, darker). Every
radio button, check box and slider is drawn by the one application stylesheet (gui/theme.py), so
each kind is checked here, checked and unchecked, in both themes: some pixel of its indicator (the
ring, box or handle) stands out from the page at WCAG's 3:1 for user-interface parts."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QCheckBox, QRadioButton, QSlider, QStyle, QStyleOptionButton,
                               QStyleOptionSlider, QVBoxLayout, QWidget)

from interviewer.gui import theme
from interviewer.gui.theme import contrast_ratio

NON_TEXT_CONTRAST = 3.0  # WCAG 2.1, 1.4.11


def _indicator_rect(widget):
    style = widget.style()
    if isinstance(widget, QSlider):
        opt = QStyleOptionSlider()
        widget.initStyleOption(opt)
        return style.subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, widget)
    opt = QStyleOptionButton()
    widget.initStyleOption(opt)
    element = (QStyle.SubElement.SE_RadioButtonIndicator if isinstance(widget, QRadioButton)
               else QStyle.SubElement.SE_CheckBoxIndicator)
    return style.subElementRect(element, opt, widget)


def _best_contrast(widget, page) -> float:
    image = widget.grab().toImage()
    rect = _indicator_rect(widget)
    assert rect.width() > 4 and rect.height() > 4, rect
    best = 1.0
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            if 0 <= x < image.width() and 0 <= y < image.height():
                best = max(best, contrast_ratio(image.pixelColor(x, y), page))
    return best


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_radio_buttons_check_boxes_and_sliders_stand_out_from_the_page(qtbot, mode):
    app = QApplication.instance()
    used = theme.apply_theme(app, mode)
    try:
        page = QWidget()
        qtbot.addWidget(page)
        layout = QVBoxLayout(page)
        widgets = []
        for checked in (False, True):
            for cls in (QRadioButton, QCheckBox):
                w = cls("3")
                w.setChecked(checked)
                widgets.append(w)
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 10)
        slider.setValue(5)
        widgets.append(slider)
        for w in widgets:
            layout.addWidget(w)
        page.show()
        qtbot.waitExposed(page)
        background = used.color("window")
        for w in widgets:
            got = _best_contrast(w, background)
            assert got >= NON_TEXT_CONTRAST, (mode, type(w).__name__, getattr(w, "isChecked", lambda: None)(), got)
    finally:
        theme.apply_theme(app, "light")
