"""Trial 43 defect 6: the live banner read "5 parts were left with N" in a round of 5 parts, 2 of
them left with N, the other 3 being extra questions. The parts and the extra questions are
counted apart (core.time_left.left_with_next) and said apart."""
from __future__ import annotations

from interviewer.core.engine import PhaseEnd, PhaseSpan
from interviewer.core.time_left import early_end_note, left_with_next


def _span(phase_id: str, ended_by: PhaseEnd) -> PhaseSpan:
    return PhaseSpan(phase_id, 0.0, 60.0, 0.0, 60.0, ended_by=ended_by)


def test_extra_questions_left_with_n_are_not_counted_as_parts():
    spans = [_span("intro", PhaseEnd.AGENDA), _span("training", PhaseEnd.NEXT), _span("features", PhaseEnd.NEXT),
             _span("extra1-stats", PhaseEnd.NEXT), _span("extra2-recsys", PhaseEnd.NEXT),
             _span("extra3-stats", PhaseEnd.NEXT), _span("wrap_up", PhaseEnd.TIME)]
    assert left_with_next(spans) == (2, 3)
    note = early_end_note(560, 2700, last_part=True, skipped=2, skipped_extras=3, extras=3)
    assert note.startswith("The interviewer has nothing more to ask (2 parts and 3 extra questions were left "
                           "with N)"), note


def test_only_extra_questions_left_with_n():
    note = early_end_note(560, 2700, last_part=True, skipped=0, skipped_extras=1, extras=2)
    assert note.startswith("The interviewer has nothing more to ask (one extra question was left with N)"), note
