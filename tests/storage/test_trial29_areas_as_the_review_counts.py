"""Trial 29 item D4: after an ML depth round ended early, the review said "Depth: Tradeoffs 0/3,
Edge cases 0/3" and two talking points "partly covered", while Progress and Home said "Topic
areas covered in your answers: 10 of 10" and "every area measured in your last rounds was
covered": a partly covered point covered its area (half a point of one), the depth signals of a
depth round were left out when the script had no point in their area, and "The root cause stated
precisely" counted for "Reflection and learning". One verdict (core.weak_spots) for every view."""
from __future__ import annotations

from types import SimpleNamespace

from interviewer.core.analysis import coverage as cov
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.scripts.loader import find_script
from interviewer.core.weak_spots import (AreaResult, point_area_results, round_content, script_point_areas,
                                         standings)
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken

SCRIPT = find_script("ml_depth_production_model")


def _coverage(*statuses: str) -> cov.QuestionCoverage:
    points = tuple(cov.PointCoverage(i, f"point {i}", area, status, 0.5)
                   for i, (area, status) in enumerate(statuses))
    return cov.QuestionCoverage("context", "Tell me about the model.", "context", points, ())


def test_a_point_only_partly_covered_does_not_cover_its_area():
    numbers = SimpleNamespace(coverage=[_coverage(("personal ownership", cov.PARTLY),
                                                  ("monitoring and rollback", cov.COVERED),
                                                  ("monitoring and rollback", cov.PARTLY))])
    areas = {r.area: r for r in point_area_results(numbers)}
    ownership = areas["personal ownership"]
    assert (ownership.measured, ownership.covered, ownership.partly) == (1, 0.5, 1)
    assert not ownership.is_covered
    assert ownership.describe() == "talking points: 0 of 1 covered in full, 1 only partly"
    assert areas["monitoring and rollback"].is_covered  # one of two covered in full: half of it


def test_home_reads_a_partly_covered_area_as_missed_from_the_store(tmp_path):
    with Store.open(tmp_path) as store:
        sid = store.create_session(SCRIPT.id, SCRIPT.title, SCRIPT.kind, SCRIPT.minutes, started_at=1_700_000_000.0)
        store.add_phase(sid, "context", "The model and its setting", 8, 0.0)
        aid = store.add_answer(sid, "context", SCRIPT.question("context").text, asked_at=5.0, answer_start=6.0,
                               answer_end=60.0, with_audio=False, phase_id="context")
        transcript = spoken("We ran a churn model for a telecom, scored nightly in batch for the retention team.")
        store.attach_transcript(aid, transcript)
        store.attach_analysis(aid, analyze_answer(transcript, round_kind=SCRIPT.kind).to_dict())
        store.finish_session(sid, SessionStatus.COMPLETED, ended_at=1_700_000_100.0)
        store.save_round_areas(sid, [AreaResult("personal ownership", 1, 0.5, partly=1)], "lexical", {"context": []})
        [one] = store.area_history()
        assert one.areas["personal ownership"].partly == 1
        assert "personal ownership" in round_content(one).missed
        assert [s.rate for s in standings([one]) if s.area == "personal ownership"] == [0.0]


INCIDENT = ("It started on a Monday morning when the on call engineer noticed that the churn scores had "
            "collapsed for every customer in one region. We narrowed it down to an upstream pipeline whose "
            "schema changed over the weekend, so one feature arrived empty and the model scored everyone "
            "as loyal. The root cause was that schema change, caused by a migration in the billing team, "
            "and we found it by comparing the feature distributions before and after.")


def test_depth_signals_not_heard_in_a_depth_round_are_weak_spots_on_progress(tmp_path):
    from interviewer.app.round_areas import load_progress

    assert {"tradeoffs", "edge cases"} <= script_point_areas(SCRIPT)  # a depth round asks for them
    assert "reflection and learning" not in {p.area for p in SCRIPT.question("incident").expected_points}
    with Store.open(tmp_path) as store:
        sid = store.create_session(SCRIPT.id, SCRIPT.title, SCRIPT.kind, SCRIPT.minutes, started_at=1_700_000_000.0)
        store.add_phase(sid, "incident", "The incident", 12, 0.0)
        question = SCRIPT.question("incident")
        aid = store.add_answer(sid, "incident", question.text, asked_at=5.0, answer_start=6.0, answer_end=70.0,
                               with_audio=False, phase_id="incident")
        transcript = spoken(INCIDENT)
        store.attach_transcript(aid, transcript)
        store.attach_analysis(aid, analyze_answer(transcript, question_text=question.text, round_kind=SCRIPT.kind,
                                                  question_findings=False).to_dict())
        store.finish_session(sid, SessionStatus.COMPLETED, ended_at=1_700_000_100.0)
        [one] = load_progress(store, lambda i: SCRIPT if i == SCRIPT.id else None).areas
        content = round_content(one)
        # No tradeoff named: missed, as the review's "Depth: Tradeoffs 0/1" says.
        assert "tradeoffs" in content.missed
        assert one.areas["tradeoffs"].measured == 1 and not one.areas["tradeoffs"].is_covered
        # The root cause is failure analysis, not what was learnt from it (the prevention part,
        # never reached).
        assert "reflection and learning" not in one.areas
        assert content.measured > content.covered_count
