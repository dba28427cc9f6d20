"""Trial 43 defect 8: "Looking back, what would you do differently?" (one of the interviewer's own
probes) left with Next read "Probe:" on the Round screen but "Follow-up (skipped with Next):" in
the review. One label, from the core (weak_spots.skipped_label, probes.is_probe_text), in both:
"Probe (skipped with Next):"; a script's follow-up keeps "Follow-up (skipped with Next):"."""
from __future__ import annotations

from types import SimpleNamespace

from interviewer.core.engine import PhaseEnd
from interviewer.core.probes import PROBES
from interviewer.core.round_records import UtteranceKind
from interviewer.core.round_updates import Speaking
from interviewer.core.weak_spots import SKIPPED_FOLLOW_UP
from interviewer.export.interviewer_lines import label_of

import test_trial38_round_screen_skipped_follow_up as t38

PROBE = PROBES["reflection and learning"]


def test_a_probe_left_with_next_has_one_label_live_and_in_the_review(qtbot):
    screen, engine, clock = t38._screen(qtbot)
    screen.on_update(Speaking(PROBE, UtteranceKind.FOLLOW_UP, engine.elapsed(), follow_up_id="probe-0"))
    assert f"Probe: {PROBE}" in screen.transcript.plain_text()
    live = t38._next_part(screen, engine, clock, PhaseEnd.NEXT)
    review = label_of(SimpleNamespace(kind=SKIPPED_FOLLOW_UP, said_at=10.0, text=PROBE))
    assert review == "Probe (skipped with Next):"
    assert f"{review} {PROBE}" in live, live


def test_a_scripts_follow_up_left_with_next_keeps_its_label_in_the_review():
    line = SimpleNamespace(kind=SKIPPED_FOLLOW_UP, said_at=10.0, text=t38.FOLLOW_UP)
    assert label_of(line) == "Follow-up (skipped with Next):"
