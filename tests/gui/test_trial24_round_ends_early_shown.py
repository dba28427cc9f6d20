"""Trial 24 item 12 on screen: when the round shortens itself (its parts done early), the round
screen says once, in plain words, why and when it now ends; the review's timeline marks the
early end with why."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from engine_scripts import design_round  # noqa: E402

from interviewer.core.clock import FakeClock  # noqa: E402
from interviewer.core.engine import PhaseStarted, RoundEngine  # noqa: E402
from interviewer.core.time_left import QUESTIONS_DONE, early_end_note  # noqa: E402
from interviewer.gui.round_screen import RoundScreen  # noqa: E402
from interviewer.gui.timeline_widgets import RoundTimelinePlot, TimelineData  # noqa: E402


def test_the_round_screen_says_once_why_the_round_ends_early(qtbot):
    clock = FakeClock(0.0)
    engine = RoundEngine(design_round(), clock)
    engine.start()
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.session = SimpleNamespace(engine=engine, script=engine.script)
    screen.on_update(PhaseStarted("intro", "Hi", 0.0))
    assert not screen.warning.text(), "a round on its plan says nothing"
    while engine.has_next_phase:
        clock.advance(30)
        engine.next_phase()
    screen.on_update(PhaseStarted("wrap", "Let's wrap up.", engine.elapsed()))
    note = early_end_note(engine.ends_early_at(), engine.round_seconds, last_part=True,
                          skipped=len(engine.timeline.phases) - 1,  # every part but the wrap-up left with N
                          no_extra=engine.no_extra_why)  # and why no extra question was offered (trial 37)
    assert engine.no_extra_why and f"no extra question: {engine.no_extra_why}" in note
    assert note in screen.warning.text() and not screen.warning.isHidden()
    screen.warning.setText("")
    screen.on_update(PhaseStarted("wrap", "Let's wrap up.", engine.elapsed()))
    assert screen.warning.text() == "", "said once"


def test_the_review_timeline_says_why_the_round_ended_early(qtbot):
    plot = RoundTimelinePlot()
    qtbot.addWidget(plot)
    plot.set_data(TimelineData(total=2700.0, ended=411.0, ended_why=QUESTIONS_DONE))
    assert "ended 06:51 into the round, all planned questions done" in plot.accessibleDescription()
