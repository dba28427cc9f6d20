"""Trial 46 defect 9: a one-minute round that held only "Hmm. Give me a moment." was counted in
Home's weak spots ("Failure analysis (ML breadth, covered in 0 of 2 rounds)") although Progress said
it did not count for the plan, and Home's card headlined "Last: 25.0 fillers/100 words" from its 4
words. Weak spots take the plan's rounds (core.practice_plan.weak_spot_rounds), and rates from fewer
than core.analysis.fillers.MIN_RATE_WORDS words are "too short to measure"."""
from __future__ import annotations

from types import SimpleNamespace

from interviewer.core.analysis.fillers import MIN_RATE_WORDS, TOO_SHORT_TO_MEASURE
from interviewer.core.practice_plan import weak_spot_rounds
from interviewer.core.weak_spots import AreaResult, RoundAreas

T0 = 1_700_000_000


def _row(sid: int, minutes_ran: float, words: int, ended_early: bool) -> SimpleNamespace:
    return SimpleNamespace(session_id=sid, status="completed", kind="ml_breadth", words=words,
                           ended_early=ended_early, planned_minutes=45, started_at=T0 + sid * 10_000,
                           ended_at=T0 + sid * 10_000 + minutes_ran * 60, paused_seconds=0.0, finished=False,
                           filler_rate=100.0 * 1 / words, pace_wpm=None, long_pauses=0, filler_count=1)


def _areas(sid: int, covered: bool) -> RoundAreas:
    return RoundAreas(session_id=sid, kind="ml_breadth", started_at=T0 + sid * 10_000,
                      areas={"failure analysis": AreaResult("failure analysis", 1, 1.0 if covered else 0.0)})


FULL, SHORT = _row(1, 44, 900, False), _row(2, 1.1, 4, True)
ROUNDS = [_areas(1, True), _areas(2, False)]


def test_a_round_too_short_for_the_plan_is_no_weak_spot_round():
    assert [r.session_id for r in weak_spot_rounds(ROUNDS, [FULL, SHORT])] == [1]


def test_home_names_no_weak_spot_from_a_one_minute_round_and_no_rate_from_4_words(qtbot, isolated_dirs):
    from interviewer.app.services import AppServices, ScriptList
    from interviewer.gui.home_screen import _headline
    from interviewer.gui.main_window import MainWindow
    from interviewer.gui.workers import wait_for_background_work

    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: None))
    qtbot.addWidget(window)
    wait_for_background_work()
    window.home.set_areas(ROUNDS)
    window.home.set_history([FULL, SHORT])
    text = window.home.weak_spots_label.text()
    assert "Failure analysis" not in text and "every area measured" in text, text
    # Only the short round: none measured, and not "every area ... was covered".
    window.home.set_areas(ROUNDS[1:])
    window.home.set_history([SHORT])
    text = window.home.weak_spots_label.text()
    assert "too short to count" in text and "Failure analysis" not in text, text

    assert _headline(SHORT) == f"{TOO_SHORT_TO_MEASURE} (4 words)"
    assert "fillers/100 words" not in _headline(SHORT)
    assert "fillers/100 words" in _headline(FULL)
    enough = _row(3, 5, MIN_RATE_WORDS, False)
    assert "2.0 fillers/100 words" in _headline(enough)
