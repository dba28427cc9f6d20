"""Trial 3: in a coding round the question box showed the part's opening words ("Go ahead and
code it up in the scratchpad...") in place of the problem, so the problem and its example were
gone while the candidate coded. A part that goes on with the same problem, and a follow-up, show
the problem under what was said; a part with a question of its own, and the last part, do not."""
from __future__ import annotations

import textwrap

from PySide6.QtCore import Qt

from interviewer.core.clock import FakeClock
from interviewer.gui.workers import wait_for_background_work

from test_round import make_window
from test_round_screen_turns import start, tick_until

PROBLEM = "Merge all sessions that overlap. For example, one to three and two to six become one to six."
CODING = textwrap.dedent(f'''
    id = "test-coding"
    title = "Merge sessions"
    kind = "coding"
    minutes = 45

    [[phases]]
    id = "clarify"
    name = "Clarify"
    minutes = 5
    prompt = "Here's the problem."

    [[phases]]
    id = "code"
    name = "Code"
    minutes = 30
    prompt = "Go ahead and code it up in the scratchpad."

    [[phases]]
    id = "next_problem"
    name = "Second problem"
    minutes = 5
    prompt = "Let's switch to a second problem."

    [[phases]]
    id = "wrap"
    name = "Your questions"
    minutes = 5
    prompt = "What questions do you have for me?"

    [[questions]]
    id = "merge"
    phase = "clarify"
    text = "{PROBLEM}"

    [[questions]]
    id = "reverse"
    phase = "next_problem"
    text = "Reverse a linked list."
''')


def next_part(qtbot, screen):
    tick_until(qtbot, screen, lambda: screen.session.controller.status == "listening", timeout=5000)
    qtbot.keyClick(screen, Qt.Key.Key_N)


def test_the_problem_stays_in_the_box_while_a_part_goes_on_with_it(qtbot, isolated_dirs, script_dirs, tmp_path):
    bundled, _ = script_dirs
    (bundled / "coding.toml").write_text(CODING)
    window, _, _ = make_window(qtbot, script_dirs, tmp_path / "data", FakeClock())
    assert window.home.select_script("test-coding")
    screen = start(qtbot, window, "test-coding")
    box = screen.question
    assert screen.session.script.id == "test-coding"
    tick_until(qtbot, screen, lambda: box.text() == PROBLEM, timeout=5000)

    next_part(qtbot, screen)
    tick_until(qtbot, screen, lambda: "code it up" in box.text(), timeout=5000)
    assert box.text().startswith("Go ahead and code it up in the scratchpad.")
    assert PROBLEM in box.text(), "the problem is gone while the candidate codes"

    shown = []
    show = screen._show_question
    screen._show_question = lambda text: (shown.append(text), show(text))
    next_part(qtbot, screen)  # a part with a problem of its own: the old one goes
    tick_until(qtbot, screen, lambda: box.text() == "Reverse a linked list.", timeout=5000)
    assert shown == ["Let's switch to a second problem.", "Reverse a linked list."]

    next_part(qtbot, screen)  # the candidate's questions: no problem under them
    tick_until(qtbot, screen, lambda: "What questions" in box.text(), timeout=5000)
    assert box.text() == "What questions do you have for me?"
    screen.stop_round()
    qtbot.waitUntil(lambda: window.last_session_id is not None, timeout=5000)
    wait_for_background_work()
    window.shutdown()
