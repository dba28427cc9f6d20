"""The live counter under the round's transcript said "Fillers: 0   Words: 0   (0.0 per 100
words)" before a word was heard (new-user trial): a rate of nothing. It has no rate until there
are words, as the review shows "–" for none."""
from __future__ import annotations

from interviewer.gui.live_transcript import LiveTranscriptView


def test_no_rate_before_the_first_word(qtbot):
    view = LiveTranscriptView()
    qtbot.addWidget(view)
    view.clear()
    text = view.counter.text()
    assert "Words: 0" in text and "per 100 words" not in text
