"""A theme switch measures each of Home's cards and Progress' weak-spot rows about once, not
again for every widget the new style sheet re-polishes: with trial6's profile of 120 rounds on
Home the switch stalled 0.64-0.72 s (1476 card measures, 1752 row measures; trial8), now
0.15-0.18 s (/tmp/t8/prof_theme.py)."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from interviewer.gui import home_screen, theme
from tests.gui.test_delete_round import _window
from tests.gui.test_home_every_past_round import _rounds
from tests.gui.test_progress_fill_cost import progress_with_counted_rows


def _switch_there_and_back(qapp) -> None:
    for mode in ("dark", "light"):
        theme.apply_theme(qapp, mode)
        QApplication.processEvents()


def test_home_measures_each_card_once_per_switch(qtbot, qapp, isolated_dirs, tmp_path, monkeypatch):
    theme.apply_theme(qapp, "light")
    _rounds(tmp_path / "data", 40)
    window = _window(qtbot, tmp_path / "data")
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen("home")
    qtbot.waitUntil(lambda: window.home.recent_list.count() == 40, timeout=5000)
    QApplication.processEvents()
    measured = []
    real = home_screen._WrappedCardDelegate._tall_enough
    lists = (window.home.round_list, window.home.recent_list)  # not those of other tests' windows

    def counted(delegate, *args):
        if delegate.parent() in lists:
            measured.append(1)
        return real(delegate, *args)

    monkeypatch.setattr(home_screen._WrappedCardDelegate, "_tall_enough", counted)
    _switch_there_and_back(qapp)
    items = window.home.round_list.count() + window.home.recent_list.count()
    assert len(measured) <= 2 * items, (len(measured), items)  # once per item and switch
    # Still whole: each card as tall as its text needs.
    rows = window.home.recent_list
    last = rows.item(rows.count() - 1)
    assert rows.visualItemRect(last).height() >= rows.fontMetrics().height() * last.text().count("\n")


def test_progress_measures_each_row_a_few_times_per_switch(qtbot, qapp, tmp_path):
    screen, counting = progress_with_counted_rows(qtbot, qapp, tmp_path)
    rows = screen.area_table.rowCount()
    counting.calls = 0
    _switch_there_and_back(qapp)
    assert counting.calls <= 2 * 3 * rows, (counting.calls, rows)
    table = screen.area_table
    assert all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(rows))
