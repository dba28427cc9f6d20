"""Trial 15: an ML breadth round the interviewer ended itself at 7.6 of 45 min (every question done,
no questions from the candidate) and a phone screen that ended on "That's time" at 10.6 min were
completed everywhere, yet the practice plan stayed at "Week 1 (0/3 rounds)": every round under a
third of its plan ticked no week, however it ended. The rule now (core.practice_plan.practised_rounds):
a round that ended on its own ticks its week; one the candidate ended under a third of its plan
does not. Trial 37 (below) made the rule one of length alone: a third of the plan, however it ended. Stored rounds (real SQLite), through the plan functions and Home's model."""
from __future__ import annotations

from interviewer.core.analysis.report import analyze_round
from interviewer.core.practice_plan import build_plan, practised_rounds, track_plan
from interviewer.gui.workers import wait_for_background_work
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken
from tests.gui.test_delete_round import _window

START = 1_700_000_000.0


def stored_round(store: Store, kind: str, minutes: float, ended_by: str, n: int, title: str = "",
                 phase_id: str = "main") -> int:
    """A 45-minute round of one part stored as the app stores it, ended after `minutes` on the
    round clock by `ended_by` ("agenda": its questions were done; "time": "That's time";
    "stopped": End round). Also used by test_ended_early_one_rule."""
    sid = store.create_session("s", title or f"Round {n}", kind, 45, started_at=START + n * 86_400)
    phase = store.add_phase(sid, phase_id, phase_id.title(), 45, started_at=0.0)
    aid = store.add_answer(sid, "q", "Tell me about it.", asked_at=5.0, answer_start=6.0, answer_end=60.0,
                           with_audio=False, phase_id=phase_id)
    store.attach_transcript(aid, spoken("I would start with a simple baseline and measure it offline first."))
    store.end_phase(phase, minutes * 60)
    for f in analyze_round([], [(phase_id, 45, minutes * 60)], ended_by={phase_id: ended_by}).findings:
        store.add_finding(sid, f.kind, f.message, start=f.start, details=f.stored_details())
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=START + n * 86_400 + minutes * 60)
    return sid


def test_rounds_from_a_third_of_their_plan_tick_the_plan_however_they_ended(qtbot, isolated_dirs, tmp_path):
    """Trial 37 changed trial 15's rule (core.practice_plan.is_practised): the interviewer's
    closing no longer counts a round however short. Rounds of 10.8, 2.9 and 7.2 of 45 min that
    closed themselves (parts left with N) ticked "Week 1: Foundations (3/3 rounds)"; now a round
    counts from a third of its plan, and a shorter one is listed as a short round, not hidden.
    Trial 42: a round the interviewer closed with every planned question asked (none left with
    Next) counts whatever its length; only one the candidate cut short is short."""
    data = tmp_path / "data"
    with Store.open(data) as store:
        breadth = stored_round(store, "ml_breadth", 16.0, "agenda", 0)  # all questions done at 16 of 45
        phone = stored_round(store, "phone_screen", 20.0, "time", 1)  # "That's time"
        done = stored_round(store, "ml_breadth", 7.6, "agenda", 2)  # the script ran out at 7.6 of 45
        cut = stored_round(store, "coding", 5.0, "stopped", 3)  # End round 5 minutes in
        short = stored_round(store, "phone_screen", 9.0, "time", 4)  # "That's time" at 9 of 45
        rows = store.progress()
    practised = practised_rounds(rows)
    assert practised.early == {cut} and practised.too_short == {short, cut}
    progress = track_plan(build_plan(8), [(r.session_id, r.kind) for r in practised.rounds], practised.cut_short,
                          practised.too_short)
    assert progress[0].session_ids == [breadth, phone, done]  # Week 1: Foundations, 3 of 3 rounds
    # Short rounds are no full mock rounds, however they ended.
    assert not any(w.session_ids for w in progress if w.week.full_length)

    window = _window(qtbot, data)
    qtbot.waitUntil(lambda: "Practice plan" in window.home.progress_label.text(), timeout=5000)
    wait_for_background_work()
    assert window.progress_screen.plan_progress[0].count == 3
    assert ("5 rounds: 4 completed, 1 ended early; 2 of them too short to count for the plan."
            in window.home.progress_label.text())
    lines = [window.progress_screen.plan_list.item(i).text() for i in range(window.progress_screen.plan_list.count())]
    assert "Week 1: Foundations (3/3 rounds)" in lines[0]
    assert any(line.startswith("Not counted: ") and "short round: 9 min of 45 min, not counted for the week" in line
               for line in lines), lines
    window.shutdown()


def test_trial37_rounds_closed_at_a_fraction_of_their_plan_tick_no_week():
    """Trial 37: three foundations rounds the interviewer closed after 10.8, 2.9 and 7.2 of
    45 min ticked "Week 1: Foundations (3/3 rounds)"; none is a practised round now."""
    from types import SimpleNamespace

    from interviewer.core.practice_plan import not_counted_reasons, practised_text

    rows = [SimpleNamespace(session_id=n, kind=kind, status="completed", words=40, planned_minutes=45,
                            started_at=START + n * 3600, ended_at=START + n * 3600 + minutes * 60,
                            paused_seconds=0.0, ended_early=False, round_seconds=minutes * 60)
            for n, (kind, minutes) in enumerate([("coding", 10.8), ("ml_breadth", 2.9), ("ml_breadth", 7.2)], 1)]
    practised = practised_rounds(rows)
    progress = track_plan(build_plan(8), [(r.session_id, r.kind) for r in practised.rounds], practised.cut_short,
                          practised.too_short)
    assert progress[0].count == 0 and not progress[0].done
    assert practised_text(practised) == "3 rounds done, all too short to count for the plan"
    assert not_counted_reasons(practised)[2].startswith("short round: 2 min 54 s of 45 min, not counted for the week:")


def test_a_round_whose_questions_ran_out_says_so_in_its_review(qtbot, isolated_dirs, tmp_path):
    """The 45-minute breadth round closed itself at 7.6 min because its script was done: the
    review's summary says so, not "ended after 7.6 of 45 min"; one ended by time does not."""
    data = tmp_path / "data"
    with Store.open(data) as store:
        breadth = stored_round(store, "ml_breadth", 7.6, "agenda", 0)
        phone = stored_round(store, "phone_screen", 10.6, "time", 1)
        statuses = [store.get_session(sid).status_text for sid in (breadth, phone)]
    assert statuses == ["completed", "completed"]
    window = _window(qtbot, data)
    summaries = {}
    for sid in (breadth, phone):
        window.review.open(sid)
        qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=10000)
        summaries[sid] = window.review_screen.summary.text()
    wait_for_background_work()
    assert summaries[breadth].startswith("<b>Round finished:</b> The interviewer closed the round at 7 min 36 s of 45 "
                                         "min planned: every question of its script was asked.<br>")
    assert "Round finished" not in summaries[phone] and "Ended early" not in summaries[phone]
    assert all("ended after" not in window.home.recent_list.item(i).text()
               for i in range(window.home.recent_list.count()))
    window.shutdown()
