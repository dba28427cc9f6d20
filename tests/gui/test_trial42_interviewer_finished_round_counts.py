"""Trial 42 D3: the interviewer closed a coding round at 8.7 of 45 min because every planned
question was asked; the review said "Round finished" and the export "Status: completed", but Home
said "1 round completed (1 short: not counted for the plan)" and the edge-cases checkpoint stayed
0/2. A round the interviewer finished with every planned question asked counts for the plan
whatever its length; only a round the candidate cut short (End round, parts left with Next) is
short. Stored rounds (real SQLite) through the plan's one rule (core.practice_plan)."""
from __future__ import annotations

from interviewer.core.analysis.report import analyze_round
from interviewer.core.practice_plan import (build_plan, counted_areas, not_counted_reasons, practised_rounds,
                                            practised_text, track_plan)
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken

START = 1_700_000_000.0


def _stored(store: Store, n: int, minutes: float, ended_by: dict[str, str]) -> int:
    """A 45-minute coding round of two parts, stored as the app stores it (Finding.stored_details),
    its last part ending at `minutes` on the round clock; `ended_by` as the engine's timeline says."""
    sid = store.create_session("coding_merge", f"Round {n}", "coding", 45, started_at=START + n * 86_400)
    first = store.add_phase(sid, "clarify", "Clarify", 5, started_at=0.0)
    aid = store.add_answer(sid, "q", "Merge the sessions.", asked_at=5.0, answer_start=6.0, answer_end=60.0,
                           with_audio=False, phase_id="clarify")
    store.attach_transcript(aid, spoken("I would sort by start and sweep once, merging touching sessions too."))
    store.end_phase(first, 120.0)
    second = store.add_phase(sid, "code", "Code", 40, started_at=120.0)
    store.end_phase(second, minutes * 60)
    result = analyze_round([], [("clarify", 0.0, 120.0), ("code", 120.0, minutes * 60)],
                           plan=[("clarify", 5), ("code", 40)], ended_by=ended_by)
    for f in result.findings:
        store.add_finding(sid, f.kind, f.message, start=f.start, end=f.end, details=f.stored_details())
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=START + n * 86_400 + minutes * 60)
    return sid


def test_a_round_the_interviewer_finished_counts_whatever_its_length(tmp_path):
    with Store.open(tmp_path / "data") as store:
        finished = _stored(store, 0, 8.7, {"clarify": "agenda", "code": "agenda"})
        rows = store.progress()
    practised = practised_rounds(rows)
    assert practised.too_short == set() and practised.early == set()
    assert practised_text(practised) == "1 round completed"
    assert not_counted_reasons(practised) == {}
    progress = track_plan(build_plan(8), [(r.session_id, r.kind) for r in practised.rounds], practised.cut_short,
                          practised.too_short)
    assert progress[0].session_ids == [finished]


def test_a_round_the_candidate_cut_short_stays_short(tmp_path):
    with Store.open(tmp_path / "data") as store:
        skipped = _stored(store, 1, 8.7, {"clarify": "next", "code": "agenda"})  # a part left with Next
        ended = _stored(store, 2, 4.0, {"clarify": "agenda", "code": "stopped"})  # End round
        rows = store.progress()
    practised = practised_rounds(rows)
    assert practised.too_short == {skipped, ended}
    assert practised_text(practised) == "2 rounds: 1 done, 1 ended early, both too short to count for the plan"
    assert counted_areas([], practised) == []
    assert set(not_counted_reasons(practised)) == {skipped, ended}
