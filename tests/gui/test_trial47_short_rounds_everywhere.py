"""Trial 47 defect 4: Home called a 54-s round of 6 words "too short to measure" and its rounds
"too short to count", but Progress's "Fillers per 100 words" still plotted it at 33.3 (the pace
chart left it out), and the cards of rounds too short to count said "Missed: Failure analysis,
Optimization". One rule now: a rate from fewer than core.analysis.fillers.MIN_RATE_WORDS words is
plotted nowhere (fillers.measured_rate), and a round too short for the plan
(practice_plan.PractisedRounds.too_short) names no missed area on Home ("too short to count")."""
from __future__ import annotations

from interviewer.core.analysis.fillers import MIN_RATE_WORDS, measured_rate
from interviewer.core.weak_spots import TOO_SHORT_TO_COUNT, AreaResult, RoundAreas
from interviewer.storage.models import SessionProgress

T0 = 1_700_000_000


def _row(sid: int, minutes_ran: float, words: int, fillers: int, rating: int | None = None) -> SessionProgress:
    start = T0 + sid * 10_000
    return SessionProgress(sid, "ml_breadth", "ML breadth: training, features and experiments", start, "completed",
                           words, words / 3.0, fillers, 100.0 * fillers / words, 170.0, 0, 1,
                           (rating,) if rating else (), 45, start + minutes_ran * 60, 0.0, minutes_ran < 40,
                           script_id="ml_breadth_training")


FULL = _row(1, 44, 900, 9, rating=3)          # 1.0 per 100 words
SHORT = _row(2, 0.9, 6, 2, rating=2)          # 33.3 per 100 words from 6 words (trial 47's R2)
ENDED = _row(3, 2.45, 22, 1)                  # R3: 22 words, 4.5 per 100


def test_a_rate_from_too_few_words_is_none():
    assert measured_rate(33.3, 6) is None and measured_rate(None, 900) is None
    assert measured_rate(1.0, MIN_RATE_WORDS) == 1.0


def test_progress_charts_leave_out_rates_from_too_few_words(qapp):
    from interviewer.gui.progress_screen import ProgressScreen

    screen = ProgressScreen()
    screen.set_progress([FULL, SHORT, ENDED])
    for chart in (screen.filler_chart, screen.pace_chart, screen.rating_chart):
        ys = [y for s in chart.series for _, y in s.points]
        assert ys, chart
        assert all(y < 30 for y in ys) or chart is screen.pace_chart, (chart, ys)
        assert sum(len(s.points) for s in chart.series) == 1, (chart, chart.series)
    # Counts are no rates: the long pauses of every round with words are still plotted.
    assert sum(len(s.points) for s in screen.pause_chart.series) == 3


def _areas(sid: int) -> RoundAreas:
    return RoundAreas(session_id=sid, kind="ml_breadth", started_at=T0 + sid * 10_000,
                      areas={"failure analysis": AreaResult("failure analysis", 1, 0.0),
                             "optimization": AreaResult("optimization", 1, 0.0),
                             "regularization": AreaResult("regularization", 1, 1.0)})


def test_cards_of_rounds_too_short_to_count_name_no_missed_area(qtbot, isolated_dirs):
    from interviewer.app.services import AppServices, ScriptList
    from interviewer.gui.main_window import MainWindow
    from interviewer.gui.workers import wait_for_background_work

    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: None))
    qtbot.addWidget(window)
    wait_for_background_work()
    home = window.home
    home.set_areas([_areas(1), _areas(3)])
    home.set_recent_sessions([(3, "07 Dec 11:36 · ML breadth · ended after 2 min 27 s of 45 min"),
                              (1, "07 Dec 09:00 · ML breadth · completed")])
    home.set_history([FULL, ENDED])
    texts = {home.recent_list.item(i).data(0x0100): home.recent_list.item(i).text()
             for i in range(home.recent_list.count())}
    assert "Missed:" not in texts[3] and TOO_SHORT_TO_COUNT in texts[3], texts[3]
    assert "Missed: Failure analysis" in texts[1], texts[1]  # a round that counts still names them
