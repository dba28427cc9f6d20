"""Trial 19: the export's round facts said "Clarifying questions: 6" and the requirements answer
"Asked 4 clarifying questions." (2 more asked in later answers): each answer's count now says
the round's beside it, the number the round line gives (summary.RoundNumbers.clarifying_asked)."""
from interviewer.core.analysis.report import questions_asked_finding
from interviewer.export import export_session
from storage_helpers import make_transcript, record_tone


def _answer(store, sid, question_id, asked, start, n):
    one = store.add_answer(sid, question_id, f"{question_id}?", asked_at=asked, answer_start=start)
    record_tone(store.audio_path_for(sid, one))
    store.finish_answer(one, answer_end=start + 10.0)
    store.attach_transcript(one, make_transcript("how many products are there", seconds=5.0))
    questions = [{"text": f"Question {i}?", "start": 1.0 + i, "end": 1.5 + i, "topics": [], "cue": "question mark"}
                 for i in range(n)]
    store.attach_analysis(one, {"clarifying_questions": questions},
                          findings=[questions_asked_finding(n, 1.0).to_dict()])


def test_each_answers_count_says_the_rounds(store, tmp_path):
    sid = store.create_session("search", "Product search", "ml_system_design", 60, started_at=1_700_000_000)
    _answer(store, sid, "design", 30.0, 32.0, 4)
    _answer(store, sid, "architecture", 50.0, 52.0, 1)
    store.finish_session(sid, ended_at=1_700_003_600)
    md = export_session(store, sid, "md", tmp_path / "r.md").path.read_text()
    assert "**Clarifying questions:** 5" in md
    assert "Asked 4 clarifying questions in this answer (5 in the round)." in md
    assert "Asked 1 clarifying question in this answer (5 in the round)." in md
    html = export_session(store, sid, "html", tmp_path / "r.html").path.read_text()
    assert "Asked 4 clarifying questions in this answer (5 in the round)." in html
