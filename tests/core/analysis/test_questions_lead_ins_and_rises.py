"""Clarifying questions: a lead-in said as its own phrase, questions quoted across a sentence
break, a tag said apart and talked on from, and statements that only rise (session 36)."""
from dataclasses import replace

import pytest

from interviewer.core.analysis.question_wording import question_cue
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances
from interviewer.core.transcript import SpeechRegion, Transcript

from .speech import spoken


def cue(text: str) -> str:
    [u] = split_utterances(tokenize(spoken(text).words))
    return question_cue(u)


@pytest.mark.parametrize("text, asks", [
    # blind50: "Sorry," as a phrase of its own before a wh-question that offers its choices
    ("Sorry, who sets the threshold here, the risk team or us.", True),
    ("Okay, so, which metric matters more, precision or recall.", True),
    # a pseudo-cleft after the lead-in still states
    ("Sorry, what matters is the cost, latency or memory.", False),
])
def test_a_lead_in_phrase_does_not_hide_a_choice_asked(text, asks):
    assert (cue(text) == "alternative question") == asks, text


def asked(script: str) -> list[str]:
    return [q.text for q in analyze_answer(spoken(script)).clarifying.questions]


def test_a_question_quoted_after_a_sentence_ending_in_said_is_not_asked():
    # blind50: Whisper put the period after "my manager said"; the question is the manager's
    assert asked("They wanted the model in one sprint, my manager said. Can we ship it Friday? "
                 "I said no, not yet. We shipped two weeks later.") == []


def test_the_interviewers_words_said_back_before_a_question_do_not_quote_it():
    assert asked("Right, as you said. Is the list sorted? [2.0] Okay, sorted.") == ["Is the list sorted?"]


def test_a_tag_talked_on_from_through_a_filled_pause_asks_nothing():
    # blind50's habitual "right": no silence after it, the speaker goes on through an "um"
    assert asked("Okay, first I count them with a hash map. Right. Um, now I keep a heap of size k. "
                 "I pop the smallest when it grows past k.") == []


def test_a_tag_said_apart_then_waited_on_still_asks():
    assert asked("Ties break alphabetically. Right. [2.0] Okay, alphabetical.") == [
        "Ties break alphabetically. Right."]


def test_a_lone_yes_after_a_statement_affirms_it():
    # said last, it closes the statement
    assert asked("It doesn't make it complicated to look at. It's obvious. Yes.") == []
    assert asked("The array is sorted. Yes? [2.0] Okay, sorted.") != []


def _rising(text: str, rise: float = 4.0) -> Transcript:
    t = spoken(text)
    return replace(t, speech=[SpeechRegion(r.start, r.end, rise) for r in t.speech])


def rising_asked(text: str) -> list[str]:
    return [q.text for q in analyze_answer(_rising(text)).clarifying.questions]


def test_a_rising_statement_asks_only_with_question_wording_or_a_reply_taken_up():
    # heldout7: a meeting's "it's great joy." rose 6 st, then the speaker asked something else
    assert rising_asked("And [0.7] it's great joy. [2.4] Aren't they suing him?") == ["Aren't they suing him?"]
    # the same statement, the answer taken up after the silence
    assert rising_asked("The data is sorted by time. [2.0] Sorted, okay, then I merge.") == [
        "The data is sorted by time."]
    # worded towards the listener, or offering a choice
    assert rising_asked("And you want the memory cost too. [2.0] Then I shard it.") != []
    assert rising_asked("The tickets are in English or in many languages. [2.0] Then I embed them.") != []
    # said last, it hands the turn over
    assert rising_asked("The window size can be bigger than the array. [2.0]") != []


def test_an_auxiliary_after_a_verbless_phrase_is_its_verb():
    # MFA "surround": a sentence read in pieces, each rising before its pause
    assert rising_asked("This one, Montreal, [1.5] is going to be forced, [1.6] very bad aligner. [1.1] "
                        "But what are you gonna do?") == ["But what are you gonna do?"]


def test_a_sentence_followed_by_an_assumed_yes_or_no_asked_it():
    # blind50's rapid-fire asker; tiny.en lost the question's wording
    [q] = analyze_answer(spoken("Merge k sorted lists, got it. Can list the empty. I'll assume yes and "
                                "just skip empty ones.")).clarifying.questions
    assert q.text == "Can list the empty." and q.cue == "answer assumed"
    [q] = analyze_answer(spoken("Okay, the cache is missed on decoder only models, I'll assume yes, "
                                "then each new token needs its keys.")).clarifying.questions
    assert q.text.startswith("the cache is missed") and q.text.endswith("models,")
    # the speaker's own plan before it is no question
    assert asked("I'll keep a heap of size k, I'll assume so, and pop the smallest.") == []


def test_and_after_a_reply_taken_up_asks_the_next_question_by_its_rise():
    # blind11: "Not sorted, okay. | And the user can have several events on the same day." [wait]
    assert rising_asked("Not sorted, okay. And a user can have several events on the same day. [2.0] "
                        "Um, then I put each user into a set.") == [
        "And a user can have several events on the same day."]
    # not after a statement of the speaker's own
    assert rising_asked("I sort them first. And a user can have several events on the same day. [2.0] "
                        "Um, then I put each user into a set.") == []


def test_a_word_of_the_question_said_back_after_fillers_takes_up_the_reply():
    assert rising_asked("And we get a signal back when a delivery fails. [2.0] Uh, so, like, fails, "
                        "that would be my label.") != []
