"""A script's long question in paragraphs (blank lines in its text) ran together as one in the
review's transcript: the breaks are kept."""
from __future__ import annotations

QUESTION = ("Design the ranking for a news feed.\n\nUsers follow friends and pages; posts arrive all day."
            "\n\nStart with what you would optimize.")


def test_a_question_in_paragraphs_keeps_its_breaks_in_the_review(qapp, isolated_dirs):
    from interviewer.gui.review_screen import ReviewScreen
    from interviewer.storage import Store

    from test_one_source_of_truth import _transcript

    with Store.open() as store:
        sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
        answer = store.add_answer(sid, "feed", QUESTION, asked_at=5.0, answer_start=40.0, answer_end=60.0,
                                  with_audio=False)
        store.attach_transcript(answer, _transcript("I would rank by clicks."))
        store.add_interviewer_line(sid, 5.0, "question", QUESTION)
        store.add_interviewer_line(sid, 80.0, "closing", "That's time.\n\nThanks for your time today.")
        session = store.get_session(sid)
    screen = ReviewScreen()
    screen.show_session(session)
    lines = [line.strip() for line in screen.transcript.toPlainText().splitlines()]
    assert lines[lines.index("Users follow friends and pages; posts arrive all day.") - 2].endswith(
        "Design the ranking for a news feed.")
    assert "Start with what you would optimize." in lines and "Thanks for your time today." in lines
