"""New-user trial 20: the first answer "Um, sure. ... with, you know, four years ..." showed
"Fillers: 3" beside two highlights ("Um" and "you know"), the review 2: the counter counted the
marked words, and "you know" is two words of one filler. The counter now counts fillers, from
the same core rule (core.analysis.marks.filler_groups) as the analysis' filler count."""
from __future__ import annotations

import json

from interviewer.core.analysis.marks import filler_groups, filler_marks
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word
from interviewer.gui.live_transcript import LiveTranscriptView

# The trial's first answer as Whisper stamped it (phone.json), with its 3 s pause.
TIMED = [("Um,", 0.512, 0.832), ("sure.", 1.13, 1.27), ("I'm", 1.54, 2.0), ("a", 2.0, 2.16),
         ("machine", 2.16, 2.38), ("learning", 2.38, 2.72), ("engineer", 2.72, 3.2), ("with,", 3.2, 3.74),
         ("you", 3.74, 3.94), ("know,", 3.94, 4.46), ("four", 4.66, 4.74), ("years", 4.74, 5.0),
         ("of", 5.0, 5.26), ("experience", 5.26, 5.78), ("building", 5.78, 6.24), ("ranking", 6.24, 6.72),
         ("models.", 6.72, 7.12), ("Most", 10.33, 10.93), ("recently", 10.93, 11.39), ("I", 11.39, 11.63),
         ("learned", 11.63, 11.85), ("the", 11.85, 12.03), ("migration", 12.03, 12.41), ("of", 12.41, 12.69),
         ("my", 12.69, 12.83), ("recommendation", 12.83, 13.27), ("model", 13.27, 13.99), ("to", 13.99, 14.33),
         ("a", 14.33, 14.49), ("two", 14.49, 14.49), ("-tower", 14.49, 14.77),
         ("architecture.", 14.77, 15.35), ("That's", 15.75, 16.27), ("it.", 16.27, 16.41)]
WORDS = [Word(t, s, e) for t, s, e in TIMED]
REGIONS = [SpeechRegion(0.45, 7.2), SpeechRegion(10.3, 16.5)]


def _review_count() -> int:
    transcript = Transcript([Segment(" ".join(t for t, _, _ in TIMED), 0.5, 16.41, tuple(WORDS))],
                            duration=17.0, speech=REGIONS, model="fake")
    return json.loads(json.dumps(analyze_answer(transcript).to_dict()))["filler_stats"]["count"]


def test_one_filler_of_two_words_counts_once_in_the_core():
    assert len(filler_marks(WORDS, REGIONS)) == 3  # "Um", "you", "know"
    assert len(filler_groups(WORDS, REGIONS)) == _review_count() == 2


def test_live_counter_says_the_number_of_highlighted_fillers_and_settles_to_the_review(qtbot):
    view = LiveTranscriptView()
    qtbot.addWidget(view)
    view.begin_answer(1)
    view.add_heading("Briefly, what are you working on at the moment?")
    view.set_current_words(WORDS[:17])  # live, before the pause: "Um ... you know ... models."
    assert view.filler_count == 2
    view.set_current_words(WORDS)
    assert view.filler_count == 2
    view.add_heading("Here's the coding question.", prompt=True)  # freezes the answer
    assert view.filler_count == 2
    view.settle_counts(1, WORDS, REGIONS)  # the final transcript
    assert (view.filler_count, view.word_count) == (_review_count(), len(WORDS) - 1)  # "Um" is no word
    assert view.counter.text().startswith("Fillers: 2 ")
    assert view.view.toHtml().count("ffe0b2") == 3  # the three words stay highlighted


def test_a_held_answer_and_its_pieces_count_fillers_not_words(qtbot):
    view = LiveTranscriptView()
    qtbot.addWidget(view)
    view.begin_answer(1)
    view.set_current_words(WORDS[:10])
    view.add_heading("Good, go on.", prompt=True)  # a reply splits the answer into two pieces
    view.set_current_words(WORDS[10:])
    view.hold_answer(1)
    view.set_held_words(1, WORDS[10:], REGIONS)
    assert view.filler_count == 2
    view.settle_counts(1, WORDS, REGIONS)
    assert view.filler_count == 2 and view.word_count == len(WORDS) - 1
