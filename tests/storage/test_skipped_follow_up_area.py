"""A follow-up the candidate moved on from with N (Next) counts as a miss of the area it asks
about, in Progress and the plan as in the review (one core verdict), on a real SQLite store; one
the round ended on is not reached and counts for nothing (trial 19, trial leftovers B2)."""
from __future__ import annotations

import pytest

from interviewer.app.round_areas import load_progress
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.scripts.loader import parse_script
from interviewer.core.weak_spots import SKIPPED, follow_up_area
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken
from tests.storage.test_area_history import MONITORED, MONITORING, SCRIPT_TOML

CANARY = "The canary looks healthy, but revenue drops a day later. What do you do?"
COLD = "A merchant signed up this morning and has no history. How do you score their payments?"
TOML = SCRIPT_TOML + f'''
[[questions.follow_ups]]
id = "revenue"
text = "{CANARY}"
if_missing = ["revenue"]
'''
SCRIPT = parse_script(TOML.replace('''[[questions]]
id = "monitoring"''', f'''[[questions.follow_ups]]
id = "new_merchant"
text = "{COLD}"
area = "Cold start"

[[questions]]
id = "monitoring"'''), "skipped.toml")


def by_id(script_id: str):
    return SCRIPT if script_id == SCRIPT.id else None


def store_round(store: Store, started_at: float, ended_on_follow_up: bool) -> int:
    sid = store.create_session(SCRIPT.id, SCRIPT.title, SCRIPT.kind, SCRIPT.minutes, started_at=started_at)
    store.add_phase(sid, "requirements", "Requirements", 10, 0.0)
    store.add_interviewer_line(sid, 4.0, "question", SCRIPT.question("design").text)
    # The cold-start follow-up skipped with N: asked, no answer, and the round went on.
    store.add_interviewer_line(sid, 70.0, "follow_up", "Before we move on: " + COLD)
    store.add_phase(sid, "monitoring", "Monitoring", 10, 300.0)
    store.add_interviewer_line(sid, 300.0, "prompt", "It is live now.")
    question = SCRIPT.question("monitoring")
    store.add_interviewer_line(sid, 304.0, "question", question.text)
    aid = store.add_answer(sid, "monitoring", question.text, asked_at=305.0, answer_start=306.0,
                           answer_end=365.0, with_audio=False)
    transcript = spoken(MONITORED)
    store.attach_transcript(aid, transcript)
    store.attach_analysis(aid, analyze_answer(transcript, question_text=question.text, round_kind=SCRIPT.kind,
                                              question_findings=False).to_dict())
    store.add_interviewer_line(sid, 370.0, "follow_up", CANARY)
    if not ended_on_follow_up:  # N over it too: the round's closing comes after something else
        store.add_interviewer_line(sid, 380.0, "prompt", "Those are all my questions.")
    store.add_interviewer_line(sid, 390.0, "closing", "Thanks, that's time.")
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=started_at + 2700)
    return sid


def test_the_areas_of_follow_ups_come_from_the_script():
    design, monitoring = SCRIPT.question("design"), SCRIPT.question("monitoring")
    assert follow_up_area(design, design.follow_ups[0]) == "cold start"  # its own, as scripts may say
    assert follow_up_area(monitoring, monitoring.follow_ups[0]) == MONITORING  # its question's one area


@pytest.mark.parametrize("ended_on_follow_up", [False, True])
def test_a_follow_up_skipped_with_next_is_a_miss_of_its_area(tmp_path, ended_on_follow_up):
    with Store.open(tmp_path) as store:
        sid = store_round(store, 1_700_000_000, ended_on_follow_up)
        [stored] = load_progress(store, by_id).areas
        session = store.get_session(sid)
    assert stored.session_id == sid
    edge = stored.areas["cold start"]
    assert edge.measured == 1 and not edge.is_covered and edge.source == SKIPPED
    assert edge.describe() == "1 follow-up on it skipped with Next"
    monitoring = stored.areas[MONITORING]
    if ended_on_follow_up:
        # The round ended on it: not reached, as the questions after an End round are.
        assert monitoring.is_covered and monitoring.source == "points"
    else:
        # Both talking points made, the follow-up on it left with N: missed, and said why.
        assert not monitoring.is_covered
        assert monitoring.describe() == ("talking points: 2 of 2 covered, but 1 follow-up on it skipped with Next")

    # The review and the exports give the same verdict (the same core function on the session).
    from interviewer.core.weak_spots import point_area_results, round_area_results, skipped_follow_up_results
    from interviewer.storage.progress import round_summary

    numbers = round_summary(session, SCRIPT, None)
    review = round_area_results(point_area_results(numbers), numbers, None,
                                skipped_follow_up_results(SCRIPT, session.lines, numbers))
    assert {a: r.is_covered for a, r in review.items() if a in (MONITORING, "cold start")} == {
        MONITORING: ended_on_follow_up, "cold start": False}
