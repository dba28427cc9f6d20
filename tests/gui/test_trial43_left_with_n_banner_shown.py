"""Trial 43 defect 6 on the Round screen: its banner read "5 parts were left with N" where 2 parts
and 3 extra questions were (core.time_left.left_with_next counts them apart)."""
from __future__ import annotations

from types import SimpleNamespace

from interviewer.core.engine import PhaseEnd, PhaseSpan
from interviewer.gui.round_screen import RoundScreen


def _span(phase_id: str, ended_by: PhaseEnd) -> PhaseSpan:
    return PhaseSpan(phase_id, 0.0, 60.0, 0.0, 60.0, ended_by=ended_by)


def test_the_banner_says_parts_and_extra_questions_apart(qtbot):
    spans = [_span("intro", PhaseEnd.AGENDA), _span("training", PhaseEnd.NEXT), _span("features", PhaseEnd.NEXT),
             _span("extra1-stats", PhaseEnd.NEXT), _span("extra2-recsys", PhaseEnd.NEXT),
             _span("extra3-stats", PhaseEnd.NEXT), _span("wrap_up", PhaseEnd.TIME)]
    engine = SimpleNamespace(ends_early_at=lambda: 560.0, round_seconds=2700.0, has_next_phase=False,
                             extras_from=["a", "b", "c"], no_extra_why=None, timeline=SimpleNamespace(phases=spans))
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.session = SimpleNamespace(engine=engine, controller=None)
    screen._tell_early_end()
    text = screen.warning.text()
    assert "(2 parts and 3 extra questions were left with N)" in text, text
