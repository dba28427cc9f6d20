"""Trial 38 item 10: after N over a follow-up ("Why discount by position at all?"), the Round
screen's transcript still read "Follow-up: Why discount ...", where the review and the exports
read "Follow-up (skipped with Next): ...". The live transcript now gives it that label (one
wording: core.weak_spots.SKIPPED_LABEL) once the next part starts with no answer under it."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from engine_scripts import design_round  # noqa: E402

from interviewer.core.clock import FakeClock  # noqa: E402
from interviewer.core.engine import PhaseEnd, PhaseStarted, RoundEngine  # noqa: E402
from interviewer.core.round_records import UtteranceKind  # noqa: E402
from interviewer.core.round_updates import Speaking  # noqa: E402
from interviewer.core.weak_spots import SKIPPED_LABEL  # noqa: E402
from interviewer.gui.round_screen import RoundScreen  # noqa: E402

FOLLOW_UP = "Why discount by position at all?"


def _screen(qtbot):
    clock = FakeClock(0.0)
    engine = RoundEngine(design_round(), clock)
    engine.start()
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.session = SimpleNamespace(engine=engine, script=engine.script)
    first = engine.timeline.phases[-1].phase
    screen.on_update(PhaseStarted(first, "Hi", 0.0))
    screen.on_update(Speaking(FOLLOW_UP, UtteranceKind.FOLLOW_UP, engine.elapsed()))
    return screen, engine, clock


def _next_part(screen, engine, clock, why):
    clock.advance(30)
    engine.next_phase()
    engine.timeline.phases[-2].ended_by = why
    phase = engine.timeline.phases[-1].phase
    screen.on_update(PhaseStarted(phase, "Next part.", engine.elapsed()))
    return screen.transcript.plain_text()


def test_a_follow_up_left_with_next_reads_skipped_on_the_round_screen(qtbot):
    screen, engine, clock = _screen(qtbot)
    text = _next_part(screen, engine, clock, PhaseEnd.NEXT)
    assert f"{SKIPPED_LABEL} {FOLLOW_UP}" in text, text
    assert f"Follow-up: {FOLLOW_UP}" not in text


def test_a_follow_up_whose_part_ran_out_of_time_keeps_its_label(qtbot):
    screen, engine, clock = _screen(qtbot)
    text = _next_part(screen, engine, clock, PhaseEnd.TIME)
    assert f"Follow-up: {FOLLOW_UP}" in text and SKIPPED_LABEL not in text
