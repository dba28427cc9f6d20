"""Trial 22, item 13: the live round screen said "Fillers: 10, Words: 187 (5.3 per 100 words)"
while the review, Home, Progress and the exports said 10 fillers in 178 words (5.6): the live
counter counted the hesitations ("um", "uh") as words, the analysis does not. The counter now
counts with the core's rule (core.analysis.fillers.counted_words), live and once settled."""
from __future__ import annotations

from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word
from interviewer.gui.live_transcript import LiveTranscriptView

TEXT = ("Um, so for features I'd, uh, start with the raw counts. Uh, then, um, I'd add ratios, "
        "and uh, the time since the last event. Um, that's it.")


def _words() -> list[Word]:
    out, t = [], 0.5
    for w in TEXT.split():
        out.append(Word(w, round(t, 3), round(t + 0.3, 3)))
        t += 0.35
    return out


WORDS = _words()
REGIONS = [SpeechRegion(0.45, WORDS[-1].end + 0.1)]


def _review_numbers() -> tuple[int, int]:
    transcript = Transcript([Segment(TEXT, WORDS[0].start, WORDS[-1].end, tuple(WORDS))],
                            duration=WORDS[-1].end + 1.0, speech=REGIONS, model="fake")
    analysis = analyze_answer(transcript, round_kind="ml_breadth").to_dict()
    numbers = summarize([Part(1, "features", None, "How would you build features?", 0.0, 0.0, 20.0, analysis)])
    return numbers.words, numbers.fillers


def test_the_live_counter_counts_the_words_the_review_counts(qtbot):
    words, fillers = _review_numbers()
    hesitations = sum(w.strip(",.").lower() in ("um", "uh") for w in TEXT.split())
    assert hesitations == 6 and words == len(WORDS) - hesitations  # the review leaves them out
    view = LiveTranscriptView()
    qtbot.addWidget(view)
    view.begin_answer(1)
    view.add_heading("How would you build features?")
    view.set_current_words(WORDS)  # live, before the final transcript
    assert view.word_count == words
    view.add_heading("Next question.", prompt=True)  # freezes the answer
    assert view.word_count == words
    view.settle_counts(1, WORDS, REGIONS)  # the final transcript: the review's numbers
    assert (view.word_count, view.filler_count) == (words, fillers)
    assert f"Words: {words} " in view.counter.text()
    assert f"({100.0 * fillers / words:.1f} per 100 words)" in view.counter.text()


def test_a_held_answer_counts_the_same_words(qtbot):
    words, _ = _review_numbers()
    view = LiveTranscriptView()
    qtbot.addWidget(view)
    view.begin_answer(1)
    view.set_current_words(WORDS[:8])
    view.hold_answer(1)
    view.set_held_words(1, WORDS, REGIONS, final=True)
    assert view.word_count == words
