"""New-user trial 13: on first start Home's round list opened scrolled down to the practice
plan's proposed round, its top card cut in half. The list starts at the top, first card whole;
the proposed round is selected (its details beside the list) without moving the view."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from interviewer.core.scripts.loader import discover_scripts
from interviewer.gui.home_screen import ROLE, HomeScreen
from interviewer.resources import bundled_scripts_dir


def _check(qtbot, shown_first: bool, refilled: bool = False) -> None:
    home = HomeScreen()
    qtbot.addWidget(home)
    home.resize(1000, 560)
    scripts = discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "none").scripts
    if shown_first:
        home.show()
        qtbot.waitExposed(home)
    home.set_scripts(scripts)
    view = home.round_list
    last = next(view.item(i).data(ROLE) for i in reversed(range(view.count())) if view.item(i).data(ROLE))
    home.select_proposed(last.id)  # shown first: the selection seen is kept (trial 39)
    expected = view.item(next(i for i in range(view.count()) if view.item(i).data(ROLE))).data(ROLE) \
        if shown_first else last
    if not shown_first:
        home.show()
        qtbot.waitExposed(home)
    if refilled:  # the cards' scores come in: the list is filled again, the proposal kept
        home.set_scripts(scripts)
    QApplication.processEvents()
    assert home.selected_script().id == expected.id
    assert view.verticalScrollBar().maximum() > 0  # the list is longer than the view
    assert view.verticalScrollBar().value() == 0
    first = next(view.item(i) for i in range(view.count()) if view.item(i).data(ROLE))
    assert view.visualItemRect(first).top() >= 0


def test_the_round_list_starts_at_the_top_when_the_plan_proposes_a_round_further_down(qtbot):
    _check(qtbot, shown_first=True)


def test_the_round_list_starts_at_the_top_when_the_proposal_comes_before_it_is_shown(qtbot):
    _check(qtbot, shown_first=False)


def test_the_round_list_stays_at_the_top_when_it_is_filled_again(qtbot):
    _check(qtbot, shown_first=True, refilled=True)
