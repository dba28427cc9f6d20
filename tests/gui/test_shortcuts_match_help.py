"""Trial 14: every key the round and the review name (the F1 sheet, the buttons, their tooltips,
the status line) is registered and does what it says, and the F1 sheet lists every shortcut the
window registers. With the focus in the side bar during a round none of the round's Ctrl keys
worked ("work everywhere"), and with the microphone failed the status line said "Type your
answer in the scratchpad; Space ends it", where Space types a space."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from interviewer.core.clock import FakeClock
from interviewer.core.round_status import ControllerStatus, status_text
from interviewer.gui.screen_keys import REVIEW_KEYS, ROUND_KEYS
from interviewer.gui.shortcuts_dialog import shortcuts
from test_round import make_window, play_to_review

# Qt's names for what the sheet calls Enter and Esc; "Help" is the Help key of keyboards that
# have one, which the platform's HelpContents binding adds to F1.
SAME_KEY = {"Return": "Enter", "Escape": "Esc", "Ctrl+Return": "Ctrl+Enter", "Help": "F1"}


def _names(keys_cell: str) -> set[str]:
    """"R or Ctrl+R" -> {R, Ctrl+R}; "Ctrl+1 / 2 / 3 / 4" -> {Ctrl+1, ..., Ctrl+4}."""
    names: list[str] = []
    for part in re.split(r" or |, | / ", keys_cell):
        if part.isdigit() and names and "+" in names[-1]:
            part = names[-1].rsplit("+", 1)[0] + "+" + part
        names.append(part)
    return set(names)


def _sheet_keys(where: str | None = None, rows=shortcuts()) -> set[str]:
    return {n for w, keys, _ in rows if where in (None, w) for n in _names(keys)}


def _registered(window) -> set[str]:
    sequences = [s for a in window.findChildren(QAction) for s in a.shortcuts()]
    sequences += [s.key() for s in window.findChildren(QShortcut)]
    names = {s.toString(QKeySequence.SequenceFormat.PortableText) for s in sequences if not s.isEmpty()}
    return {SAME_KEY.get(n, n) for n in names}


def _press(qtbot, widget, name: str) -> None:
    combo = QKeySequence(name)[0]
    widget.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(QApplication.focusWidget() or widget, combo.key(), combo.keyboardModifiers())
    QApplication.processEvents()


@pytest.fixture
def round_window(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.home.select_script("test-design")
    window.home.start_button.click()
    assert window.round_screen.running
    window.activateWindow()
    yield window
    if window.round_screen.running:  # saved and closed here, not while the next test runs
        window.round_screen.stop_round()
        qtbot.waitUntil(lambda: not window.round_screen.running, timeout=5000)


def test_the_sheet_lists_every_shortcut_the_window_registers(round_window):
    registered = _registered(round_window)
    assert {"Ctrl+E", "Ctrl+R", "Ctrl+Enter", "F1", "Ctrl+Q", "Ctrl+F"} <= registered  # it found them
    round_window.show_shortcuts()
    sheet = _sheet_keys(rows=round_window.shortcut_sheet.rows)  # as F1 shows it now, Round in the side bar
    round_window.shortcut_sheet.close()
    assert registered <= sheet, registered - sheet
    # The round's rows are the round screen's own bindings, nothing more, nothing less.
    round_rows = [(keys, what) for where, keys, what in shortcuts() if where == "Round"]
    assert round_rows == [(k.keys, k.what) for k in ROUND_KEYS]
    assert [(keys, what) for where, keys, what in shortcuts() if where == "Review"] == [
        (k.keys, k.what) for k in REVIEW_KEYS]


def test_every_round_key_on_the_sheet_does_what_it_says_wherever_the_focus_is(round_window, qtbot, monkeypatch):
    window = round_window
    screen = window.round_screen
    called = []
    for binding in ROUND_KEYS:
        monkeypatch.setattr(screen, binding.action, lambda a=binding.action: called.append(a))
    for binding in ROUND_KEYS:
        assert _names(binding.keys) == {SAME_KEY.get(k, k) for k in binding.plain + binding.ctrl}, binding.keys
        for name in binding.plain:  # the round's own keys, where the round has the focus
            for focus in (screen, screen.question_box):
                called.clear()
                _press(qtbot, focus, name)
                assert called == [binding.action], (name, focus)
        for name in binding.ctrl:  # and with Ctrl also while typing, or in the side bar
            for focus in (screen, screen.scratchpad, window.nav):
                called.clear()
                _press(qtbot, focus, name)
                assert called == [binding.action], (name, type(focus).__name__)
    # While typing, the plain keys type.
    called.clear()
    for name in ("Space", "R", "N", "P"):
        _press(qtbot, screen.scratchpad, name)
    assert called == [] and screen.scratchpad.toPlainText().lower() == " rnp"


def _keys_named(text: str) -> set[str]:
    """The keys a line of text tells the user to press."""
    found = set(re.findall(r"Ctrl\+\w+|\b(?:Space|Enter|Esc)\b", text))
    found |= set(re.findall(r"(?:[Pp]ress|or|;|,) ([A-Z])\b(?! ?[a-z'])", text))
    found |= set(re.findall(r"(?<![+\w])([A-Z]) (?:moves|to move|to end|to go)", text))
    found |= set(re.findall(r"\(([^()]+)\)$", text))  # a button's "(Ctrl+E)"
    return found


def test_the_buttons_and_the_status_line_name_only_keys_that_exist(round_window):
    screen = round_window.round_screen
    round_keys = _sheet_keys("Round")
    texts = [b.text() for b in (screen.end_button, screen.repeat_button, screen.next_button,
                                screen.pause_button, screen.stop_button)]
    texts += [b.toolTip() for b in (screen.end_button, screen.repeat_button, screen.next_button,
                                    screen.pause_button, screen.stop_button)]
    texts.append(screen.scratchpad.placeholderText())
    statuses = {status_text(status, heard_speech=heard, talk_interrupts=talk, last_part=last, goes_on_in=goes,
                            recording=recording, opening=opening, asking=asking)
                for status in ControllerStatus for heard in (False, True) for talk in (False, True)
                for last in (False, True) for goes in (None, 3.0) for recording in (False, True)
                for opening in (False, True) for asking in (False, True)}
    named = {k for t in texts + sorted(statuses) for k in _keys_named(t)}
    assert {"Space", "Enter", "N", "P", "R", "Ctrl+E", "Ctrl+Enter", "Esc"} <= named  # it reads them
    assert named <= round_keys, named - round_keys


def test_the_status_line_without_a_microphone_names_keys_that_work_while_typing():
    """It tells the candidate to type the answer in the scratchpad: there Space and N type."""
    text = status_text(ControllerStatus.LISTENING, recording=False)
    assert "scratchpad" in text
    while_typing = {SAME_KEY.get(k, k) for b in ROUND_KEYS for k in b.ctrl}
    assert _keys_named(text) and _keys_named(text) <= while_typing, _keys_named(text)


def test_every_review_key_on_the_sheet_does_what_it_says(qtbot, isolated_dirs, script_dirs, tmp_path):
    window = play_to_review(qtbot, script_dirs, tmp_path)
    review = window.review_screen
    window.activateWindow()
    played = []
    review.play_requested.connect(lambda answer_id, at: played.append(("answer", answer_id)))
    review.timeline.time_clicked.connect(lambda at: played.append(("time", at)))
    assert [k.keys for k in REVIEW_KEYS] == ["Enter", "Left, Right", "Enter or Space", "Ctrl+Shift+E"]  # as pressed
    # below; Ctrl+Shift+E in test_review_debrief_keys.py (its menu's exec() would block here)
    review.table.setCurrentCell(0, 0)
    _press(qtbot, review.table, "Enter")
    assert played[-1] == ("answer", review.numbers.answers[0].part_ids[0])
    assert review.findings.count()
    review.findings.setCurrentRow(0)
    before = len(played)
    _press(qtbot, review.findings, "Enter")
    assert len(played) > before
    timeline = review.timeline
    starts = sorted({s for s, _e, _l in timeline.data.answers})
    _press(qtbot, timeline, "Right")
    _press(qtbot, timeline, "Right")
    _press(qtbot, timeline, "Left")
    assert timeline.cursor == starts[0]
    for name in ("Enter", "Space"):
        _press(qtbot, timeline, name)
        assert played[-1] == ("time", starts[0])
