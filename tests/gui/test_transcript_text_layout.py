"""How transcripts read (new-user trial 6). Whisper gives "one-hot" as "one" "-hot" and "1%" as
"1" "%": the live transcript and the review showed "one -hot features" and "With 1 % fraud", as
if misheard. A long scratchpad line made the review's transcript scroll sideways."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from interviewer.core.transcript import SpeechRegion
from interviewer.storage import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))
from storage_helpers import make_transcript  # noqa: E402

SAID = "we use one -hot features, 1 % fraud, A /B tests"


def test_the_live_transcript_joins_the_pieces():
    from interviewer.gui.live_transcript import words_html

    words = list(make_transcript(SAID).words)
    assert words_html(words, set()) == "we use one-hot features, 1% fraud, A/B tests"


def test_the_review_joins_the_pieces(qapp, isolated_dirs):
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = store.create_session("s", "S", "ml_breadth", 45)
        aid = store.add_answer(sid, "q", "Question?", asked_at=0.0, answer_start=1.0, answer_end=7.0,
                               with_audio=False)
        store.attach_transcript(aid, replace(make_transcript(SAID), speech=[SpeechRegion(0.0, 6.0)]))
        session = store.get_session(sid)
    screen = ReviewScreen()
    screen.show_session(session, None)
    assert "we use one-hot features, 1% fraud, A/B tests" in screen.transcript.toPlainText()


def test_a_long_scratchpad_line_wraps_in_the_review(qtbot, isolated_dirs):
    """New-user trial 6: a long line in the scratchpad gave the review's whole transcript a
    sideways scroll bar."""
    from interviewer.gui.review_screen import ReviewScreen

    with Store.open() as store:
        sid = store.create_session("s", "S", "coding", 45)
        store.add_answer(sid, "q", "Question?", asked_at=0.0, answer_start=1.0, answer_end=7.0, with_audio=False)
        store.save_scratchpad(sid, "def merge(sessions): " + "out.append([start, end]); " * 20)
        session = store.get_session(sid)
    screen = ReviewScreen()
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show_session(session, None)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.transcript.horizontalScrollBar().maximum() == 0
    assert "out.append([start, end]);" in screen.transcript.toPlainText()
