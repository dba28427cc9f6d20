"""Trial 28 item 9: a 45-minute coding round in which the candidate pressed N once (the other
parts ended because they said "That's it.") showed "You moved on from the planned parts, so the
round ends early, at 08:13 instead of 45:00": it blamed the candidate. The banner now says what
happened, counts only the parts left with N, and offers the choice (end now, or keep talking)."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from engine_scripts import design_round  # noqa: E402

from interviewer.core.clock import FakeClock  # noqa: E402
from interviewer.core.engine import PhaseEnd, PhaseStarted, RoundEngine  # noqa: E402
from interviewer.gui.round_screen import RoundScreen  # noqa: E402


def test_the_banner_says_the_planned_parts_are_done_without_blame(qtbot):
    clock = FakeClock(0.0)
    engine = RoundEngine(design_round(), clock)
    engine.start()
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.session = SimpleNamespace(engine=engine, script=engine.script)
    screen.on_update(PhaseStarted("intro", "Hi", 0.0))
    while engine.has_next_phase:
        clock.advance(60)
        engine.next_phase()
    # One part left with N; the others ended when their questions were done ("That's it.").
    for span in engine.timeline.phases[:-1]:
        span.ended_by = PhaseEnd.AGENDA
    engine.timeline.phases[2].ended_by = PhaseEnd.NEXT
    screen.on_update(PhaseStarted("wrap", "Let's wrap up.", engine.elapsed()))
    text = screen.warning.text()
    assert "You moved on" not in text
    assert "The interviewer has nothing more to ask (one part was left with N), so the round ends early, after " in text and "instead of 60 min" in text
    assert "press N to end the round now, or keep talking" in text
