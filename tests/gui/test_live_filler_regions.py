"""Trial 18: the live pane highlighted "like" in "touch, like 1 to 3 and 3 to 5" (= for example)
while the review did not count it: the live words came without the speech regions the review
marks fillers with. The live segments now carry the regions measured so far, and the pane marks
with them as the review does, before the answer's final transcript arrives."""
from __future__ import annotations

from gui_fakes import transcript_of

from interviewer.core.analysis.marks import filler_marks
from interviewer.core.round_records import UtteranceKind
from interviewer.core.round_updates import ListeningStarted, PartialTranscript, Speaking
from interviewer.gui.round_screen import RoundScreen

SAID = "Do sessions not only touch, like 1 to 3 and 3 to 5, count them overlapping."


def test_live_marks_use_the_speech_regions_the_review_uses(qtbot):
    said = transcript_of(SAID)  # one speech region: "like" runs straight on into "1"
    words, regions = list(said.words), said.speech
    assert filler_marks(words, regions) == []  # the review's reading: an example, no filler
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking("Merge the sessions.", UtteranceKind.QUESTION, 1.0))
    screen.on_update(ListeningStarted(1, "q", 2.0))
    screen.on_update(PartialTranscript(1, said.segments[0], tuple(regions)))
    screen._render_partial()
    assert screen.transcript.filler_count == 0
    # The interviewer's reply freezes the piece: it keeps the review's marks.
    screen.on_update(Speaking("Yes, touching sessions count as overlapping.", UtteranceKind.CLARIFICATION, 6.0))
    assert "ffe0b2" not in screen.transcript.view.toHtml()  # FILLER_STYLE's highlight
    assert screen.transcript.filler_count == 0


def test_the_segment_feed_passes_the_regions_with_each_segment():
    from interviewer.app.real_adapters import _SegmentFeed

    feed = _SegmentFeed.__new__(_SegmentFeed)
    feed._sent = 0
    got = []
    said = transcript_of(SAID)
    feed.on_segment = lambda segment: got.append((segment.text, feed.live_speech))
    feed._updated(said)
    assert got == [(SAID, said.speech)]
