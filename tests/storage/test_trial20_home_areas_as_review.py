"""Trial 20 item 1: Home and Progress said "Topic areas covered in your answers: 5 of 7 ... missed
Edge cases, Tradeoffs" where the review and the exports said "7 of 7": the review counts a covered
talking point for its area's depth signal in that question (trial 19), while Store.area_history
counted the depth signals from the analyses alone. The questions' covered areas are now stored
with the round's topic areas and area_history's depth counts use them: one verdict everywhere."""
from __future__ import annotations

import json

from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import summarize
from interviewer.core.weak_spots import AreaResult, round_area_results, round_content
from interviewer.storage import SessionStatus, Store
from interviewer.storage.progress import round_parts
from tests.core.analysis.speech import spoken


def _round(store: Store) -> int:
    """A coding round of one question whose edge-case talking point was covered in words the
    edge-case depth signal did not hear (as the trial's "first bad version" answer)."""
    sid = store.create_session("s", "Phone screen", "phone_screen", 45, started_at=1_700_000_000.0)
    phase = store.add_phase(sid, "solve", "Solve", 15, started_at=0.0)
    aid = store.add_answer(sid, "bad_version", "Find the first bad version.", asked_at=5.0, answer_start=6.0,
                           answer_end=40.0, with_audio=False, phase_id="solve")
    transcript = spoken("I would binary search over the versions and check the middle one each time.")
    store.attach_transcript(aid, transcript)
    analysis = analyze_answer(transcript).to_dict()
    analysis["depth"] = {"signals": [{"id": "edge_cases", "heard": False}]}
    store.attach_analysis(aid, analysis)
    store.end_phase(phase, 60.0)
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=1_700_000_100.0)
    return sid


def test_home_counts_a_covered_point_for_its_area_as_the_review_does(tmp_path):
    store = Store.open(tmp_path)
    sid = _round(store)
    points = [AreaResult("edge cases", 1, 1)]
    store.save_round_areas(sid, points, "lexical", {"bad_version": ["edge cases"]})
    # The review's verdict: the same parts, with the covered areas its matching found.
    session = store.get_session(sid)
    numbers = summarize(round_parts(session), [p.started_at for p in session.phases],
                        covered_areas={"bad_version": ["edge cases"]})
    assert (numbers.depth["edge_cases"].heard, numbers.depth["edge_cases"].questions) == (1, 1)
    review = round_content(round_area_results(points, numbers))
    home = round_content(store.area_history()[0])
    assert home == review
    assert home.covered == ("edge cases",) and not home.missed


def test_areas_stored_before_without_the_questions_areas_are_matched_again(tmp_path):
    store = Store.open(tmp_path)
    sid = _round(store)
    store.save_round_areas(sid, [AreaResult("edge cases", 1, 1)], "lexical", {"bad_version": ["edge cases"]})
    assert store.round_area_matchers() == {sid: "lexical"}
    with store._write("legacy row") as db:  # as stored before trial 20: a bare list of areas
        db.execute("UPDATE round_areas SET areas_json = ? WHERE session_id = ?",
                   (json.dumps([{"area": "edge cases", "measured": 1, "covered": 1, "source": "points"}]), sid))
    assert store.round_area_matchers() == {}
    assert round_content(store.area_history()[0]).missed == ("edge cases",)  # still readable meanwhile
