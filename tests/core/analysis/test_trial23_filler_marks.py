"""Trial 23 item 4: answer 3 of the coding round counted the fillers um, um, uh, but the review
and the Markdown marked "Um **Then,**" and left the "uh" plain. The speech model stamped "Then,"
and "uh," on the same instant (16.096 s), and the filler's word was looked up by its start time
alone, so it landed on the first word starting there. Each filler now keeps the token it was
found on, and the marks follow it."""
from dataclasses import replace
from pathlib import Path

from interviewer.core.analysis.marks import filler_marks, transcript_marks
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.transcript import Transcript, Word

from .speech import spoken

ANSWER3 = Path(__file__).resolve().parents[2] / "data" / "trial23" / "coding_answer3.json"


def _filler_texts(d: dict) -> list[str]:
    return [d["words"][i]["text"] for i in d["filler_words"]]


def test_the_trials_answer_marks_exactly_its_fillers():
    d = analyze_answer(Transcript.load(ANSWER3)).to_dict()
    assert [f["text"] for f in d["fillers"]] == ["um", "um", "uh"]
    assert _filler_texts(d) == ["um,", "Um", "uh,"]
    # The review, Markdown, HTML and PDF all mark the transcript from these marks.
    assert [m.text for m in transcript_marks(d) if m.kind == "filler"] == ["um,", "Um", "uh,"]


def test_a_filler_stamped_on_the_same_instant_as_a_word():
    t = spoken("That part is linear time. Then, uh, to get the top k.")
    words = t.words
    k = next(i for i, w in enumerate(words) if w.text == "uh,")
    # Whisper puts "uh," on the start of the word before it.
    words[k] = Word(words[k].text, words[k - 1].start, words[k].end)
    t = replace(t, segments=[replace(t.segments[0], words=tuple(words))] + t.segments[1:])
    d = analyze_answer(t).to_dict()
    assert _filler_texts(d) == ["uh,"]
    # The live view marks by the same rule.
    assert [words[i].text for i in filler_marks(words)] == ["uh,"]
