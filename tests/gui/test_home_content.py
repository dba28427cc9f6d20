"""Home says how the last rounds went on content, not only fillers and pace: each card and
recent session names the topic areas its round covered and missed, and "Next step" names the
weakest areas lately. The numbers are Progress's own (core/weak_spots.py): a round's "6 of 8"
counts the ● in its place of Progress's "Over time" column, a weak spot's "1 of 3" is Progress's
"Covered (last 5)" cell."""
from __future__ import annotations

import re

from interviewer.core.weak_spots import rounds_phrase

from interviewer.core.clock import FakeClock
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import Store
from tests.storage.test_area_history import MONITORED, MONITORING, NOT_MONITORED, SCRIPT, SCRIPT_TOML, store_round

from test_round import make_window


def _texts(view) -> list[str]:
    return [view.item(i).text() for i in range(view.count())]


def _progress_table(screen) -> list[list[str]]:
    t = screen.area_table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_home_names_topic_areas_as_progress_counts_them(qtbot, isolated_dirs, script_dirs, tmp_path):
    bundled, _ = script_dirs
    (bundled / "weak_spots.toml").write_text(SCRIPT_TOML)
    data = tmp_path / "data"
    with Store.open(data) as store:
        for n, answer in enumerate((NOT_MONITORED, MONITORED, NOT_MONITORED)):
            store_round(store, 1_700_000_000 + n * 86_400, answer)
    window, _, _ = make_window(qtbot, script_dirs, data, FakeClock())
    home = window.home
    qtbot.waitUntil(lambda: any("Topic areas covered:" in t for t in _texts(home.round_list)), timeout=5000)
    wait_for_background_work()
    table = _progress_table(window.progress_screen)
    last_round = [row[3].split()[-1] for row in table]  # each area's mark in the latest round
    covered, measured = last_round.count("●"), len(last_round)
    missed = sorted(row[0] for row in table if row[3].split()[-1] == "○")
    # What the stored rounds said; metrics, never named, are missed in a design round though the
    # script has no point in them (trial 29).
    assert missed == ["Evaluation metrics", MONITORING.capitalize()]

    card = next(t for t in _texts(home.round_list) if t.startswith(SCRIPT.title))
    assert f"Topic areas covered: {covered} of {measured} areas. Missed: {', '.join(missed)}" in card
    newest, middle = _texts(home.recent_list)[:2]
    assert f"Topic areas covered: {covered} of {measured} areas" in newest
    # the round that monitored, and named no metric
    assert "Topic areas covered: 7 of 8 areas. Missed: Evaluation metrics" in middle
    home.select_script(SCRIPT.id)
    assert f"Topic areas covered: {covered} of {measured} areas. Missed:" in home.details.toPlainText()

    # What to practise next: the weakest areas, with Progress's own counts, weakest first.
    weak = home.weak_spots_label.text()
    named = re.findall(r"(?:</b> |; )([A-Za-z ]+) \(ML system design, ((?:not )?covered in [^)]*)\)", weak)
    said = [rounds_phrase(*map(int, row[2].split(" of "))) for row in table[:len(named)]]
    assert named and [list(n) for n in named] == [[row[0], p] for row, p in zip(table, said)]
    assert (MONITORING.capitalize(), "covered in 1 of the last 3 rounds") in named


def test_home_says_what_will_appear_before_any_round(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    wait_for_background_work()
    assert window.home.weak_spots_label.text() == window.progress_screen.area_note.text()
    assert "Complete a round" in window.home.weak_spots_label.text()


def test_home_says_which_pace_it_shows_as_the_review_does(qtbot, isolated_dirs, script_dirs, tmp_path):
    """The review shows two paces ("172 wpm while speaking, 161 wpm with pauses"); Home said a
    bare "161 wpm", which read as either. Same number, same words on both screens."""
    bundled, _ = script_dirs
    (bundled / "weak_spots.toml").write_text(SCRIPT_TOML)
    data = tmp_path / "data"
    with Store.open(data) as store:
        sid = store_round(store, 1_700_000_000, MONITORED)
    window, _, _ = make_window(qtbot, script_dirs, data, FakeClock())
    qtbot.waitUntil(lambda: "wpm" in _texts(window.home.recent_list)[0], timeout=5000)
    window._open_review(sid)
    wait_for_background_work()
    reviewed = re.search(r"(\d+) wpm with pauses", window.review_screen.summary.text())
    assert reviewed and f"{reviewed.group(1)} wpm with pauses" in _texts(window.home.recent_list)[0]
    assert "with pauses" in window.progress_screen.pace_chart.title


def test_the_weak_spots_link_to_progress_by_mouse_and_keyboard(qtbot, isolated_dirs, script_dirs, tmp_path):
    from PySide6.QtCore import Qt

    from focus_chain import tab_stops

    data = tmp_path / "data"
    with Store.open(data) as store:
        store_round(store, 1_700_000_000, NOT_MONITORED)
    bundled, _ = script_dirs
    (bundled / "weak_spots.toml").write_text(SCRIPT_TOML)
    window, _, _ = make_window(qtbot, script_dirs, data, FakeClock())
    home = window.home
    qtbot.waitUntil(lambda: "Weakest topic areas" in home.weak_spots_label.text(), timeout=5000)
    assert "href='progress'" in home.weak_spots_label.text()
    stops = tab_stops(home)  # reached by Tab between Start round and the recent sessions
    assert stops.index(home.start_button) < stops.index(home.weak_spots_label) < stops.index(home.recent_list)
    home.weak_spots_label.linkActivated.emit("progress")
    assert window.current_screen_key() == "progress"
    assert home.weak_spots_label.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_one_tab_into_the_weak_spots_shows_the_link_focused(qtbot, isolated_dirs, script_dirs, tmp_path):
    """Trial 27 at 1366x768: the Tab stop just before the "Progress" link showed nothing. Tab
    into a QLabel focused the label with no link focused (an invisible stop); its link got the
    ring only at the next Tab. One Tab (or Shift+Tab) now lands on the link, ring shown."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    data = tmp_path / "data"
    with Store.open(data) as store:
        store_round(store, 1_700_000_000, NOT_MONITORED)
    bundled, _ = script_dirs
    (bundled / "weak_spots.toml").write_text(SCRIPT_TOML)
    window, _, _ = make_window(qtbot, script_dirs, data, FakeClock())
    window.resize(1366, 768)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    home = window.home
    qtbot.waitUntil(lambda: "Weakest topic areas" in home.weak_spots_label.text(), timeout=5000)
    label = home.weak_spots_label

    def looks():
        QApplication.processEvents()
        return label.grab().toImage()

    plain = looks()
    home.start_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(home.start_button, Qt.Key.Key_Tab)
    if "<a " in home.progress_label.text():  # the Next step's "Select this round" link comes first (trial 39)
        assert home.progress_label.hasFocus()
        qtbot.keyClick(home.progress_label, Qt.Key.Key_Tab)
    assert label.hasFocus()
    assert looks() != plain  # the link's ring, at the first Tab
    qtbot.keyClick(label, Qt.Key.Key_Tab)
    assert home.session_search.hasFocus()  # one link: the next Tab leaves the label
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert label.hasFocus() and looks() != plain
