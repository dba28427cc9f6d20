"""Trial 45 defect 7: a New constraint left with N (its analysis flagged skipped_with_next, its
finding "Skipped with Next") read "Nothing was heard in this answer." in the review's transcript,
not as skipped with Next. The review and the exports take the text from one place
(export.report.no_words_text); an answer silent without N still says nothing was heard."""
from __future__ import annotations

from interviewer.core.transcript import Transcript
from interviewer.storage import SessionStatus, Store


def test_an_answer_left_with_next_says_so_everywhere(qapp, isolated_dirs, tmp_path):
    from interviewer.export import export_session
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = store.create_session("depth", "Depth", "ml_depth", 45)
        silent = store.add_answer(sid, "q1", "Question one?", asked_at=0.0, answer_start=2.0, answer_end=30.0)
        store.attach_transcript(silent, Transcript([], duration=28.0, model="fake"))
        store.attach_analysis(silent, {"words": [], "part": {"after_interviewer": True}, "findings": []})
        left = store.add_answer(sid, "fix", "Imagine the same model must now serve a new country?",
                                asked_at=40.0, answer_start=42.0, answer_end=54.0)
        store.attach_transcript(left, Transcript([], duration=12.0, model="fake"))
        store.attach_analysis(left, {"words": [], "part": {"after_interviewer": True, "skipped_with_next": True},
                                     "findings": []})
        store.finish_session(sid, SessionStatus.COMPLETED)
        session = store.get_session(sid)
        for fmt in ("md", "html"):
            export_session(store, sid, fmt, tmp_path / f"round.{fmt}")
    screen = ReviewScreen()
    screen.show_session(session)
    shown = screen.transcript.toPlainText()
    assert shown.count("Skipped with Next: nothing was said.") == 1, shown
    assert shown.count("Nothing was heard in this answer.") == 1, shown
    for fmt in ("md", "html"):
        text = (tmp_path / f"round.{fmt}").read_text()
        assert text.count("(skipped with Next: nothing was said)") == 1, fmt
        assert text.count("(nothing was heard in this answer)") == 1, fmt
