"""Home cards whose title wraps (a new-user run: a card's last line, "Not practised yet", was cut
off): each card is as tall as the style asks for its text at the width it is painted at (the
view's width less its spacing on both sides), at any window width."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.home_screen import ROLE, HomeScreen
from interviewer.resources import bundled_scripts_dir


def _short_cards(home: HomeScreen) -> list[str]:
    view = home.round_list
    plain = QStyledItemDelegate()  # the style's own answer, not the app's delegate
    painted_width = view.viewport().width() - 2 * view.spacing()
    short = []
    for i in range(view.count()):
        item = view.item(i)
        if item.data(ROLE) is None:
            continue
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.decorationSize = view.iconSize()
        option.rect = QRect(0, 0, painted_width, 0)
        plain.initStyleOption(option, view.indexFromItem(item))
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText  # the view wraps words
        needed = plain.sizeHint(option, view.indexFromItem(item)).height()
        if view.visualItemRect(item).height() < needed:
            short.append(f"{item.text()!r}: {view.visualItemRect(item).height()} < {needed}")
    return short


@pytest.mark.parametrize("width", [700, 760, 900, 1280])
def test_every_card_is_tall_enough_for_its_wrapped_text(qtbot, width):
    home = HomeScreen()
    qtbot.addWidget(home)
    home.set_scripts(discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "none").scripts)
    home.resize(width, 700)
    home.show()
    qtbot.waitExposed(home)
    qtbot.wait(50)
    assert _short_cards(home) == []
