"""Repetitions, cut-off words and restarts: named as their own kinds, never counted as fillers;
laughter and bracketed sound notes are neither words nor fillers."""
import pytest

from interviewer.core.analysis.fillers import FillerKind, find_disfluencies
from interviewer.core.analysis.marks import transcript_marks
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.transcript import Segment, Transcript, Word


def words_of(text: str) -> list[Word]:
    return [Word(w, 0.3 * i, 0.3 * i + 0.25) for i, w in enumerate(text.split())]


def found(text: str) -> list[tuple[str, str]]:
    return [(f.kind.value, f.text) for f in find_disfluencies(tokenize(words_of(text)))]


@pytest.mark.parametrize("text,expected", [
    ("I I think we should", [("repetition", "I I")]),
    ("we had two, two options", [("repetition", "two two")]),  # a number word said again, no number after
    ("we we we could cache it", [("repetition", "we we we")]),
    ("put it in the in the cache", [("repetition", "in the in the")]),
    ("the, uh, the model", [("repetition", "the the")]),
    ("Montreal? Montreal? Montreal?", [("repetition", "Montreal Montreal Montreal")]),
    ("I -I can't think", [("repetition", "I I")]),
    ("w- we could", [("cut_off", "w- we")]),
    ("Force? Forced?", [("cut_off", "Force- Forced")]),
    ("so we should- we could shard it", [("restart", "we should- we")]),
    ("the model- the cache is fine", [("restart", "the model- the")]),
])
def test_disfluencies_a_coach_names(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "I'd cache it. It is cheap.",        # a sentence end between two words is not a repetition
    "I know that that works",            # fluent doubles
    "it is very very fast",
    "in 2020 2020 was odd",              # numbers read out
    "back in twenty twenty two",         # a year in words (was "twenty twenty", a repetition)
    "extension two two one",
    "I think I can do it",               # a word said again later in a clause
    "on one side of the shard",          # a word that starts the next one, with no break
    "less chad -like than a sloth",      # Whisper's hyphenated compound
])
def test_fluent_speech_has_none(text):
    assert found(text) == []


def _transcript(text: str) -> Transcript:
    ws = tuple(words_of(text))
    return Transcript([Segment(text, 0.0, ws[-1].end, ws)], ws[-1].end + 0.5, None)


def test_disfluencies_are_reported_beside_fillers_not_counted_as_them():
    a = analyze_answer(_transcript("I I think we should- we could, uh, cache the the w- weights."))
    d = a.to_dict()
    assert [f["text"] for f in d["fillers"]] == ["uh"]
    assert d["filler_stats"]["count"] == 1 and d["filler_stats"]["hesitations"] == 1
    assert [(x["kind"], x["text"]) for x in d["disfluencies"]] == [
        (FillerKind.REPETITION, "I I"), (FillerKind.RESTART, "we should- we"),
        (FillerKind.REPETITION, "the the"), (FillerKind.CUT_OFF, "w- weights")]
    [finding] = [f for f in a.findings if f.kind == "disfluencies"]
    assert finding.message == ('2 repetitions ("I I", "the the"), 1 cut-off word ("w- weights") '
                               'and 1 restart ("we should- we").')
    assert not any(f.kind == "disfluencies" for f in analyze_answer(_transcript("I would cache the weights.")).findings)


def test_laughter_and_breath_notes_are_not_words_or_fillers():
    text = "So [laughter] I would (sighs) cache it. Ha -ha. *breath* Haha, okay."
    t = _transcript(text)
    assert [tok.norm for tok in tokenize(t.words)] == ["so", "i", "would", "cache", "it", "okay"]
    d = analyze_answer(t).to_dict()
    assert d["fillers"] == [] and d["disfluencies"] == [] and d["pace"]["words"] == 6
    # Every view marks the same words: no word is a filler, and notes stay in the text as words.
    marks = transcript_marks(d, t.words)
    assert [m.kind for m in marks] == ["word"] * len(t.words)


def test_an_unclosed_bracket_is_text_not_a_note():
    assert [t.norm for t in tokenize(words_of("a ( b c d e f"))] == ["a", "b", "c", "d", "e", "f"]


@pytest.mark.parametrize("text,expected", [
    # trial 24: the restart said in words showed "Restarts 0"
    ("Sorry. How many? No wait. Let me start over. How many sessions can there be?",
     [("restart", "No wait Let me start over")]),
    ("the cost is, scratch that, the space is linear", [("restart", "scratch that")]),
    ("we sort them, sorry, let me rephrase: we sort by start", [("restart", "let me rephrase")]),
])
def test_a_restart_said_in_words_counts(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Let me start with the brute force.",   # begins an answer, takes nothing back
    "There is no wait time between calls.",  # 'no wait' inside a clause
    "we start over the list again",
])
def test_words_that_take_nothing_back_are_no_restart(text):
    assert found(text) == []


def test_a_short_whole_word_before_a_longer_one_is_no_cut_off():
    """Trial 36: "No, not really." showed "Repetitions and restarts: 1 cut-off word ("No- not")"."""
    for text in ("No, not really.", "So, sorry, I meant the second one.", "I, it's hard to say."):
        assert found(text) == [], text


@pytest.mark.parametrize("text", ["Yes, yesterday we shipped it.", "Well, wellness data was the input.",
                                  "Some, sometimes the job failed.", "There, therefore we stopped."])
def test_a_whole_function_word_before_a_longer_one_is_no_cut_off(text):
    """Trial 36 item 7 ("No, not really" as "No- not") was fixed for a list of short words only:
    "Yes, yesterday" still read "Yes- yesterday". Any word of its own (the core's function and
    discourse words) before a longer one that starts like it is two words."""
    assert found(text) == [], text


def test_a_word_said_again_contracted_is_still_counted():
    """"that, that's" is the word said again, not two words (AMI meeting clip)."""
    assert found("So that, that's the plan.") != []
