"""Home holds at small windows and large scales: at 1024x640 with 150 % scaling (683x427 logical
pixels) the side bar took 176 px and the card column was squeezed to 128 px, every title
broken after a word or two (trial8). Now the side bar shows icons only there and the cards
stack above the details, as wide as the page; a wide window keeps both columns side by side."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from interviewer.core.clock import FakeClock
from interviewer.gui.home_screen import CARD_WIDTH_SAMPLE
from test_round import make_window


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _card_text_room(home) -> int:
    cards = home.round_list
    return cards.viewport().width() - 2 * cards.spacing() - cards.iconSize().width()


def test_a_small_window_stacks_the_cards_and_keeps_them_readable(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.show()
    window.setMinimumSize(1, 1)  # as on a 1024x640 screen at 150 or 200 %: the test screen is 800x600
    home = window.home
    needed = home.round_list.fontMetrics().horizontalAdvance(CARD_WIDTH_SAMPLE)
    for width, height in ((683, 427), (512, 320), (1280, 800), (683, 427)):
        window.resize(width, height)
        _settle()
        assert _card_text_room(home) > needed, (width, _card_text_room(home), needed)
        page = window._pages["home"]
        assert home.width() <= page.viewport().width(), f"{width}: Home scrolls sideways"
    window.resize(512, 320)  # 1024x640 at 200 %
    _settle()
    assert home.columns.orientation() == Qt.Orientation.Vertical
    window.resize(1280, 800)
    _settle()
    assert home.columns.orientation() == Qt.Orientation.Horizontal  # room for both columns


def test_the_side_bar_shows_icons_only_in_a_narrow_window_and_keeps_its_names(qtbot, isolated_dirs, script_dirs,
                                                                                tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.show()
    window.setMinimumSize(1, 1)  # as on a 1024x640 screen at 150 or 200 %: the test screen is 800x600
    window.resize(683, 427)
    _settle()
    home_item = window.nav.item(0)
    assert window.nav.width() < 100
    assert home_item.data(Qt.ItemDataRole.AccessibleTextRole) == "Home" and home_item.toolTip() == "Home"
    window.resize(1280, 800)
    _settle()
    assert home_item.text() == "Home" and window.nav.width() >= 150
