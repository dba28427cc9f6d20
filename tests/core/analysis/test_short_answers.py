"""Answers too short to measure or that only give up (trial 22, item 9b): "I don't know." (3
words, 0.8 s) read "Pace 225 / 225 wpm" and got no finding at all."""
import pytest

from interviewer.core.analysis.pace import MIN_PACE_WORDS, Pace, measurable
from interviewer.core.analysis.report import GAVE_UP_KIND, analyze_answer, gives_up
from interviewer.core.analysis.summary import Part, summarize

from .speech import spoken

LONG = ("I would start with gradient boosted trees on the card and merchant features, "
        "then add velocity counters and check precision at the review threshold.")


def test_a_three_word_answer_has_no_pace():
    a = analyze_answer(spoken("I don't know."), round_kind="ml_breadth")
    assert a.pace.wpm is None and a.pace.articulation_wpm is None
    d = a.to_dict()
    assert d["pace_wpm"] is None and d["articulation_wpm"] is None


def test_a_long_enough_answer_keeps_its_pace():
    a = analyze_answer(spoken(LONG), round_kind="ml_breadth")
    assert a.pace.words >= MIN_PACE_WORDS and a.pace.wpm is not None and a.pace.articulation_wpm is not None


def test_measurable_needs_both_words_and_time():
    assert not measurable(3, 0.8)
    assert not measurable(30, 3.0)
    assert not measurable(9, 20.0)
    assert measurable(12, 6.0)
    assert Pace(3, 0.8, 0.8).wpm is None


def test_the_round_pace_leaves_out_answers_too_short_to_measure():
    short = analyze_answer(spoken("I don't know."), round_kind="ml_breadth").to_dict()
    long = analyze_answer(spoken(LONG), round_kind="ml_breadth").to_dict()
    numbers = summarize([Part(1, "q1", None, "Trees or nets?", 0.0, 1.0, 40.0, long),
                         Part(2, "q2", None, "What is dropout?", 50.0, 51.0, 60.0, short)])
    row = {a.question_id: a for a in numbers.answers}
    assert row["q2"].pace_wpm is None and row["q2"].articulation_wpm is None  # the row shows "-"
    assert numbers.pace_wpm == row["q1"].pace_wpm  # the round's pace is the long answer's alone
    assert numbers.articulation_wpm == row["q1"].articulation_wpm
    assert numbers.words == row["q1"].words + row["q2"].words  # the words still count (filler rate)


@pytest.mark.parametrize("text", ["I don't know.", "No idea, sorry.", "Um, I'm not sure.", "Pass.",
                                  "i dont know", "Sorry, I don't remember this one.", "I don't know. I don't know."])
def test_an_answer_that_only_gives_up_gets_a_constructive_finding(text):
    assert gives_up(text)
    a = analyze_answer(spoken(text), round_kind="ml_breadth")
    found = [f for f in a.findings if f.kind == GAVE_UP_KIND]
    assert len(found) == 1 and found[0].severity == "problem"
    assert "try first" in found[0].message and "hint" in found[0].message


@pytest.mark.parametrize("text", ["I don't know the exact number, but I would start with a baseline.",
                                  "I'm not sure, maybe dropout helps because it regularizes.",
                                  "Pass the features through a normalizer first.", LONG])
def test_an_answer_that_goes_on_has_no_give_up_finding(text):
    assert not gives_up(text)
    a = analyze_answer(spoken(text), round_kind="ml_breadth")
    assert not [f for f in a.findings if f.kind == GAVE_UP_KIND]


# Trial 24: "I'm not sure. I think we just used the defaults." to "Why not just optimize clicks?"
# got no finding ("Nothing to fix was flagged"); only "2 hedges" for information.
@pytest.mark.parametrize("text", ["I'm not sure. I think we just used the defaults.",
                                  "I'm not sure. I think we just used the default.",
                                  "No idea, maybe it was the same as before.",
                                  "I don't know. Probably the team picked it."])
def test_giving_up_then_a_bare_guess_is_to_work_on_with_its_evidence(text):
    assert gives_up(text)
    a = analyze_answer(spoken(text), round_kind="ml_depth")
    found = [f for f in a.findings if f.kind == GAVE_UP_KIND]
    assert len(found) == 1 and found[0].severity == "problem"
    assert text.rstrip(".") in found[0].message and "try first" in found[0].message


@pytest.mark.parametrize("text", ["I'm not sure. I think we used the defaults because clicks reward clickbait.",
                                  "I'm not sure, but I think clicks alone would push clickbait to the top.",
                                  "I'm not sure. I think we used the defaults, which were tuned on last year's "
                                  "logs and worked well enough for the launch and the first two experiments.",
                                  "I think we just used the defaults."])
def test_a_guess_with_a_reason_or_without_giving_up_is_an_answer(text):
    assert not gives_up(text)
