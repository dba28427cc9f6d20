"""Trial 28 item 11 (review): the Time per phase table left out the parts the round never
reached and its last row read a bare "-08:43" (the round was ended there); the Per answer table
showed Pace "- / -" for a 12-word, 4 s intro answer without saying why. The exports say the same
(one rule: core.analysis.phases and core.analysis.pace)."""
from __future__ import annotations

from interviewer.core.scripts.model import Phase, Question, RoundScript
from interviewer.storage import SessionStatus, Store


def _script() -> RoundScript:
    phases = (Phase("intro", "Introduction", 3, "Hi."), Phase("own", "Ownership", 10, "Ownership."),
              Phase("disagree", "Disagree and commit", 10, "Disagreement."),
              Phase("deliver", "Delivering results", 10, "Delivery."), Phase("qs", "Your questions", 5, "Questions?"))
    questions = (Question("own_q", "Tell me about ownership.", "own"),
                 Question("dis_q", "Tell me about a disagreement.", "disagree"),
                 Question("del_q", "Tell me about delivering.", "deliver"))
    return RoundScript("beh-test", "Behavioral", "behavioral", 38, phases, questions)


def _session():
    with Store.open() as store:
        sid = store.create_session("beh-test", "Behavioral", "behavioral", 38)
        for phase_id, name, minutes, start, end in (("intro", "Introduction", 3, 0.0, 52.0),
                                                    ("own", "Ownership", 10, 52.0, 190.0),
                                                    ("disagree", "Disagree and commit", 10, 190.0, 267.0)):
            pid = store.add_phase(sid, phase_id, name, minutes, start)
            store.end_phase(pid, end)
        store.add_answer(sid, "", "Tell me briefly about yourself.", asked_at=2.0, answer_start=6.0, answer_end=10.0)
        store.add_answer(sid, "own_q", "Tell me about ownership.", asked_at=55.0, answer_start=58.0, answer_end=180.0)
        store.finish_session(sid, SessionStatus.ENDED_EARLY if hasattr(SessionStatus, "ENDED_EARLY")
                             else SessionStatus.COMPLETED)
        return store.get_session(sid)


def test_every_planned_part_is_listed_and_the_last_reached_says_the_round_ended(qapp, isolated_dirs):
    from interviewer.export.report import build_report
    from interviewer.gui.review_screen import ReviewScreen

    session, script = _session(), _script()
    screen = ReviewScreen()
    screen.show_session(session, script)
    table = screen.phase_table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert [r[0] for r in rows] == ["Introduction", "Ownership", "Disagree and commit", "Delivering results",
                                    "Your questions"]
    assert rows[2][3] == "-8 min 43 s, round ended here"
    assert rows[3][2:] == ["–", "not reached"] and rows[4][2:] == ["–", "not reached"]
    assert rows[3][1] == "10 min"
    report = build_report(session, script=script)
    assert [p["Difference"] for p in report.phases][2:] == ["-8 min 43 s, round ended here", "not reached", "not reached"]
    assert report.phases[3]["Planned"] == "10 min" and report.phases[4]["Part"] == "Your questions"


def test_an_answer_too_short_for_a_pace_says_so(qapp, isolated_dirs):
    from interviewer.export.report import answer_facts
    from interviewer.gui.review_screen import ReviewScreen

    session = _session()
    screen = ReviewScreen()
    screen.show_session(session, _script())
    numbers = screen.numbers
    short = numbers.answers[0]
    short.words, short.pace_wpm, short.articulation_wpm = 12, None, None  # 12 words in 4 s: no pace
    screen._fill_tables(numbers)
    item = screen.table.item(0, 4)
    assert item.text() == "short"
    assert item.toolTip() == "Too short for a pace (under 10 words or 5 s of speech)"
    assert answer_facts(short)["Pace"] == "too short for a pace (under 10 words or 5 s of speech)"
