"""Trial 19: the review's findings said "Asked 4 clarifying questions." and its Round line
"clarifying questions 6" (2 more found in later answers). Each answer's count now says the
round's beside it: the Round line's number (summary.RoundNumbers.clarifying_asked)."""
from __future__ import annotations

from interviewer.core.analysis.report import questions_asked_finding
from interviewer.gui.review_screen import ReviewScreen
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken


def test_the_findings_list_says_each_answers_count_and_the_rounds(qtbot, tmp_path):
    with Store.open(tmp_path) as store:
        sid = store.create_session("search", "Product search", "ml_system_design", 60, started_at=1_700_000_000)
        for n, (question_id, count) in enumerate((("design", 4), ("architecture", 1))):
            aid = store.add_answer(sid, question_id, f"{question_id}?", asked_at=30.0 + 60 * n,
                                   answer_start=32.0 + 60 * n, with_audio=False)
            store.attach_transcript(aid, spoken("how many products are there in the catalogue"))
            questions = [{"text": f"Question {i}?", "start": 1.0 + i, "end": 1.5 + i, "topics": [],
                          "cue": "question mark"} for i in range(count)]
            store.attach_analysis(aid, {"clarifying_questions": questions},
                                  findings=[questions_asked_finding(count, 1.0).to_dict()])
        store.finish_session(sid, SessionStatus.COMPLETED, ended_at=1_700_000_000 + 200.0)
        session = store.get_session(sid)
    screen = ReviewScreen()
    qtbot.addWidget(screen)
    screen.show_session(session)
    assert screen.numbers.clarifying_asked == 5
    listed = [screen.findings.item(i).text() for i in range(screen.findings.count())]
    assert any("Asked 4 clarifying questions in this answer (5 in the round)." in t for t in listed), listed
    assert any("Asked 1 clarifying question in this answer (5 in the round)." in t for t in listed), listed
