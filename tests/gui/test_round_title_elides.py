"""Trial 27: the round header wrapped badly, "...food delivery app · ML" / "system design" and
"...owning mistakes ·" / "Behavioral". The title elides on one line so the kind never splits and
no separator ends a line; the whole title is the tooltip."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from interviewer.core.clock import FakeClock
from interviewer.gui.workers import wait_for_background_work

from test_round import make_window
from test_round_screen_turns import start

TITLES = ("ML system design: delivery time estimates for a food delivery app",
          "Behavioral: conflict, earning trust, feedback and owning mistakes")


def _shown(label) -> str:
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (1024, 640)])
@pytest.mark.parametrize("title", TITLES)
def test_the_round_title_elides_and_the_kind_stays_whole(qtbot, isolated_dirs, script_dirs, tmp_path, size, title):
    bundled, _ = script_dirs
    design = bundled / "design.toml"
    design.write_text(design.read_text().replace("Design a feed ranker", title))
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    window.resize(*size)
    screen = start(qtbot, window)
    qtbot.waitUntil(lambda: window.current_screen_key() == "round", timeout=5000)
    screen.sidebar_hidden = False
    qtbot.wait(50)
    label = screen.title
    shown = _shown(label)
    kind = "ML system design"  # the test script's kind
    assert shown.endswith(f" · {kind}"), shown
    name = shown.removesuffix(f" · {kind}")
    assert name == title or (name.endswith("…") and title.startswith(name[:-1].rstrip())), name
    # One line, inside the label: nothing wraps, so nothing splits or ends a line with "·".
    assert "\n" not in shown and not label.wordWrap()
    assert label.height() < 2 * label.fontMetrics().lineSpacing()
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width() + 12  # bold title
    assert label.geometry().right() < screen.phase_label.geometry().left()
    assert title in label.toolTip() and kind in label.toolTip()
    if size[0] >= 1920:
        assert name == title  # room enough: the whole title
    screen.scratchpad.setPlainText("notes")
    screen.stop_round()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=5000)
    wait_for_background_work()
    window.shutdown()
