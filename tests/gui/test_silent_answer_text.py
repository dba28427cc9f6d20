"""An answer that was transcribed and had no words said 'No transcript for this answer.' in the
review and '(no transcript)' in the exports, as if transcription had failed, beside the finding
'No speech was heard in this answer'. They say 'Nothing was heard in this answer'; an answer not
transcribed (yet) still says it has no transcript."""
from __future__ import annotations

from interviewer.core.transcript import Transcript
from interviewer.storage import SessionStatus, Store


def test_a_silent_answer_says_nothing_was_heard_everywhere(qapp, isolated_dirs, tmp_path):
    from interviewer.export import export_session
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = store.create_session("design", "Design", "ml_system_design", 45)
        silent = store.add_answer(sid, "q1", "Question one?", asked_at=0.0, answer_start=2.0, answer_end=30.0)
        store.attach_transcript(silent, Transcript([], duration=28.0, model="fake"))
        store.add_answer(sid, "q2", "Question two?", asked_at=40.0, answer_start=42.0, answer_end=60.0)
        store.finish_session(sid, SessionStatus.COMPLETED)
        session = store.get_session(sid)
        for fmt in ("md", "html"):
            export_session(store, sid, fmt, tmp_path / f"round.{fmt}")
    screen = ReviewScreen()
    screen.show_session(session)
    shown = screen.transcript.toPlainText()
    assert shown.count("Nothing was heard in this answer.") == 1
    assert shown.count("No transcript") == 1
    for fmt in ("md", "html"):
        text = (tmp_path / f"round.{fmt}").read_text()
        assert text.count("(nothing was heard in this answer)") == 1, fmt
        assert text.count("(no transcript)") == 1, fmt
