"""Each stored answer keeps the phase it was recorded in, so the round's numbers can tell the
candidate's own questions at the wrap-up from clarifying questions; rounds stored before it was
kept get the phase of their stored timeline when the database is upgraded."""
import sqlite3

from interviewer.storage import Store
from interviewer.storage.files import DB_NAME
from interviewer.storage.progress import round_parts, round_summary

from test_migrations import build_database


def _script():
    from interviewer.core.scripts.model import Phase, Question, RoundScript

    phases = (Phase("clarify", "Requirements", 55, "Let's start with the problem."),
              Phase("wrap", "Wrap-up", 5, "Let's wrap up. Do you have questions for me?"))
    return RoundScript("design-test", "Feed ranking", "ml_system_design", 60, phases,
                       (Question("feed", "Design a news feed ranking system.", "clarify"),))


def test_an_answer_keeps_its_phase_and_the_summary_reads_it(tmp_path):
    with Store.open(tmp_path / "data") as store:
        sid = store.create_session("design-test", "Feed ranking", "ml_system_design", 60)
        store.add_phase(sid, "clarify", "Requirements", 10, 300.0)
        store.add_phase(sid, "wrap", "Wrap-up", 5, 3300.0)
        asked = {"clarifying_questions": [{"text": "What does the team do?", "start": 1.0, "end": 2.0, "topics": []}]}
        aid = store.add_answer(sid, "", "Let's wrap up. Do you have questions for me?", answer_start=3305.0,
                               phase_id="wrap")
        store.attach_analysis(aid, asked)
        session = store.get_session(sid)
        assert session.answers[0].phase_id == "wrap"
        assert round_parts(session)[0].phase_id == "wrap"
        assert round_summary(session, _script()).clarifying_asked == 0
        assert round_summary(session).clarifying_asked == 1  # no script: which phase takes them is unknown


def test_upgrading_gives_stored_answers_the_phase_of_their_timeline(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    build_database(data / DB_NAME, 5)
    db = sqlite3.connect(data / DB_NAME)
    db.execute("INSERT INTO phase_timeline (session_id, phase_id, name, planned_minutes, started_at, ended_at)"
               " VALUES (1, 'wrap', 'Wrap-up', 5, 2400.0, 2700.0)")
    db.execute("INSERT INTO answers (session_id, question_id, question_text, answer_start)"
               " VALUES (1, '', 'Questions?', 2410.0)")
    db.execute("INSERT INTO answers (session_id, question_id, question_text) VALUES (1, '', 'No times')")
    db.commit()
    db.close()
    with Store.open(data) as store:
        phases = [a.phase_id for a in store.get_session(1).answers]
    assert phases == ["clarify", "wrap", None]
