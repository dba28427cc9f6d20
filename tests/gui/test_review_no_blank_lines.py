"""New-user trial 17: the review's transcript had an empty gap between "[04:14] Interviewer: Take
your time. Shall I move on?" and "[04:28] Interviewer: Remember to think out loud." around a
pause: a line said after an answer's last word (or before its first) left an empty paragraph
behind it, each drawn as a blank line."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from interviewer.storage import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import make_transcript  # noqa: E402


def test_lines_said_around_the_words_leave_no_empty_paragraph(qapp, isolated_dirs):
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = store.create_session("test-design", "Design", "ml_system_design", 45, started_at=1_700_000_000)
        first = store.add_answer(sid, "q", "Design a feed.", asked_at=0.0, answer_start=2.0, with_audio=False)
        store.attach_transcript(first, make_transcript("I would partition the sessions by user", seconds=5.0))
        store.finish_answer(first, answer_end=20.0)
        store.add_interviewer_line(sid, 14.0, "nudge", "Take your time. Shall I move on?")  # after the last word
        second = store.add_answer(sid, "q", "Design a feed.", asked_at=0.0, answer_start=20.0, with_audio=False)
        store.add_interviewer_line(sid, 21.0, "nudge", "Remember to think out loud.")  # before the first word
        store.attach_transcript(second, make_transcript("so I would run it as a map reduce job", seconds=5.0))
        store.finish_answer(second, answer_end=30.0)
        store.finish_session(sid, ended_at=1_700_000_100)
        session = store.get_session(sid)
    screen = ReviewScreen()
    screen.show_session(session)
    text = screen._transcript_html()
    assert "Take your time. Shall I move on?" in text and "Remember to think out loud." in text
    assert not re.search(r"<p>\s*</p>", text), re.findall(r".{80}<p>\s*</p>.{80}", text)
    plain = screen.transcript.toPlainText()
    assert not re.search(r"move on\?\n\s*\n", plain), plain  # no blank line drawn after it
