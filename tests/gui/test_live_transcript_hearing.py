"""Trial10: a fast talker's first 21 s had no word in the live transcript (it has words at a
pause), which stayed as empty as before the answer. A line says the voice is heard, where the
words will come, and goes when they come (or the voice stops)."""
from __future__ import annotations

from interviewer.core.transcript import Word
from interviewer.gui.live_transcript import HEARING_TEXT, LiveTranscriptView


def test_the_voice_before_its_words_is_shown_where_they_will_come(qtbot):
    view = LiveTranscriptView()
    qtbot.addWidget(view)
    view.add_heading("Design a feed ranker.")
    view.set_hearing(True)
    assert view.plain_text().endswith(HEARING_TEXT) and "Words: 0" in view.counter.text()
    view.set_current_words([Word("We", 0.0, 0.2), Word("rank", 0.3, 0.6)])
    assert HEARING_TEXT not in view.plain_text() and view.plain_text().endswith("We rank")
    view.set_hearing(False)
    view.finish_answer()
    view.add_heading("Follow-up question.")
    view.set_hearing(True)
    view.set_hearing(False)  # a cough: no word came
    assert HEARING_TEXT not in view.plain_text()
    assert view.plain_text().endswith("Follow-up question.")
