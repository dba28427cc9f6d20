"""What the interviewer answers live: the candidate's last sentence, when it asks something
(trailing_questions.trailing_question). A lone "Okay?" got "Good question. Make a reasonable
assumption and state it."; a lone "Correct?" after a statement was answered as if it asked
nothing else."""
import pytest

from interviewer.core.trailing_questions import trailing_question, trailing_questions
from interviewer.core.transcript import Word


def _words(text: str, start: float = 0.0, gaps: dict[int, float] | None = None) -> list[Word]:
    """One word every 0.3 s; `gaps` adds silence before the word at that index."""
    out, t = [], start
    for i, w in enumerate(text.split()):
        t += (gaps or {}).get(i, 0.0)
        out.append(Word(w, t, t + 0.25))
        t += 0.3
    return out


def test_a_question_is_answered():
    assert trailing_question(_words("I would use trees. How many users are there?")) == "How many users are there?"
    assert trailing_question(_words("Latency?")) == "Latency?"  # a topic asked in one word


def test_a_lone_acknowledgement_asks_nothing():
    for said in ("Okay?", "Right?", "Um, okay?", "Really?", "Yeah?"):
        assert trailing_question(_words(said)) is None, said


def test_a_tag_right_after_a_sentence_asks_with_it():
    words = _words("The list fits in memory. Correct?")
    assert trailing_question(words) == "The list fits in memory. Correct?"
    # After a long silence the tag is no longer that sentence's.
    assert trailing_question(_words("The list fits in memory. Correct?", gaps={5: 3.0})) is None


def test_an_unfinished_fragment_at_the_end_asks_nothing():
    """A new user's trial: a garbled ending ("may I add ...") and a sentence cut off by the end of
    the recording were answered as questions the candidate was waiting on."""
    for said in ("I would use trees. May I add", "I would use trees. May I add...", "I would use trees. May I add ...",
                 "Can I just", "So should we maybe", "I'd shard by user, can I just", "Could you",
                 "How would you like me to handle the", "What is the", "Can I just check the",
                 "How do we handle late events and", "Is it okay if I", "Do you want me to"):
        assert trailing_question(_words(said)) is None, said


def test_a_finished_question_still_asks():
    """A '?' at the end, or a question-shaped clause that is complete, with or without the mark."""
    for said, asked in (("I would use trees. May I add a cache?", "May I add a cache?"),
                        ("Should we maybe shard by user?", "Should we maybe shard by user?"),
                        ("May I add?", "May I add?"),
                        ("Can I just check the budget?", "Can I just check the budget?"),
                        ("Can I assume the data fits in memory", "Can I assume the data fits in memory"),
                        ("Can we shard it", "Can we shard it"),
                        ("How many users are there", "How many users are there"),
                        ("What are you looking for", "What are you looking for"),
                        ("I would use trees. Is that okay", "Is that okay")):
        assert trailing_question(_words(said)) == asked, said


def test_a_choice_asked_without_a_question_mark_is_answered():
    """New-user trial: "Is it batch or real time." (no "?") got the next follow-up instead of an
    answer; so did the same choice with Whisper's period after its first half."""
    assert trailing_question(_words("I'd score it with trees. Is scoring batch or real time.")) == \
        "Is scoring batch or real time."
    assert trailing_question(_words("Is it batch. Or real time.")) == "Is it batch. Or real time."
    for said in ("It's batch. Or real time.", "It is batch or real time, depending on the client.",
                 "What I'd do is batch or streaming."):
        assert trailing_question(_words(said)) is None, said
    # After a long silence "Or real time." is no longer the question's.
    assert trailing_question(_words("Is it batch. Or real time.", gaps={3: 3.0})) is None


def test_a_finished_question_that_trails_away_is_one_once_the_trail_is_left_out():
    """New-user trial 7: "...should I use for this..." got no reply. Whisper's "..." says the voice
    trailed away: the sentence may go on ("... a heap, I think"), so it is not answered at once
    (trailing_question), but its words are a finished question (trailed_question), which the
    controller answers after a longer silence (test_round_choice_question)."""
    from interviewer.core.trailing_questions import trailed_question

    for said, asked in (("Which data structure should I use for this...", "Which data structure should I use for this"),
                        ("I'd sort first. What should I use for this…", "What should I use for this"),
                        ("Should I use a heap for this...", "Should I use a heap for this")):
        assert trailing_question(_words(said)) is None, said
        assert trailed_question(_words(said)) == asked, said
    # Cut off, a statement, or no trail at all: nothing for the longer wait either.
    for said in ("May I add...", "What is the...", "How would you handle the ...", "Can I just...",
                 "I'm not sure which data structure I should use for this...", "I would sort it and sweep...",
                 "What should I use for this"):
        assert trailed_question(_words(said)) is None, said


def test_a_trailed_question_the_speaker_answers_at_once_asks_nothing():
    """"Which model should I use for this... Probably trees first.": a new sentence after the trail
    is the speaker's own answer (no reply over it); a question after the trail still asks."""
    assert trailing_question(_words("Which model should I use for this... Probably trees first.")) is None
    assert trailing_question(_words("Which model should I use for this... Okay.")) is None
    assert trailing_question(_words("Is the data... Sorted by time?")) == "Is the data... Sorted by time?"
    assert trailing_question(_words("Which one... I mean, is it sorted?")) == "Which one... I mean, is it sorted?"
    assert trailing_question(_words("How many users... are there?")) == "How many users... are there?"


def test_a_hesitation_or_conjunction_after_a_question_does_not_hide_it():
    """Whisper's tail of a breath after the question ("... budget? Uh", "... budget? And") left the
    question unanswered: the last sentence was no longer a question."""
    from interviewer.core.trailing_questions import trailing_questions

    for tail in ("Uh", "Uh.", "And", "And...", "So um", "and uh."):
        said = f"I'd cache the features. What is the latency budget? {tail}"
        assert trailing_question(_words(said)) == "What is the latency budget?", said
        assert trailing_questions(_words(said)) == ["What is the latency budget?"], said
    two = trailing_questions(_words("What is the latency budget? And how many users are there? Um"))
    assert two == ["What is the latency budget?", "And how many users are there?"]
    # A fragment that is words of its own, or a hesitation after a statement, still asks nothing.
    for said in ("What is the latency budget? And then I'd", "I'd cache the features. Uh", "Okay? Um"):
        assert trailing_question(_words(said)) is None, said


def test_the_problem_said_back_with_okay_gets_no_reply():
    """"Autocomplete for the search box, okay?" restates the problem (tiny.en writes the "?"
    where the voice rose): the live interviewer answered it like a clarifying question."""
    assert trailing_question(_words("Autocomplete for the search box, okay?")) is None
    assert trailing_question(_words("Longest substring without repeating characters, okay?")) is None
    assert trailing_question(_words("So the input is sorted, okay?")) == "So the input is sorted, okay?"


def test_a_hedge_on_ones_own_plan_gets_no_reply():
    """Trial 25: "Um, I will use class weights, I guess." got the class-balance fact live, as a
    clarifying question; the candidate told their plan. Real checks are still answered."""
    from interviewer.core.trailing_questions import confirmation_check, stated_question
    plan = _words("Um, I will use class weights, I guess.")
    assert trailing_question(plan) is None
    assert confirmation_check(plan) is None and stated_question(plan) is None
    assert trailing_question(_words("The data is labelled?")) == "The data is labelled?"
    assert stated_question(_words("I guess it's about a thousand a day?")) == "I guess it's about a thousand a day?"
    assert trailing_question(_words("Any of them is fine, I assume.")) == "Any of them is fine, I assume."


STORY = ("I think she would say I was too cautious at first, but that the test convinced her and that "
         "the dashboard I built saved the time we needed to work.")


@pytest.mark.parametrize("ending", ["Ah, did it?", "Did it?", "Is it?", "Isn't it?", "Does it?", "Can we?"])
def test_a_bare_ellipsis_closing_a_long_answer_asks_nothing(ending):
    """Trial 48: "That is it." heard as "Ah, did it?" after a 30-word answer got "Good question.
    Pick whichever real example ...". No content word, after a long answer: the answer's end."""
    assert trailing_questions(_words(f"{STORY} {ending}")) == []


@pytest.mark.parametrize("said, asked", [
    # Short questions with content, or a question word, still ask after a long answer.
    (f"{STORY} Any latency budget?", "Any latency budget?"),
    (f"{STORY} Which metric?", "Which metric?"),
    (f"{STORY} How often?", "How often?"),
    # A check asks about the sentence before it, after a long answer too (blind9).
    (f"{STORY} The labels come from chargebacks, which are weeks late. Isn't that right?",
     "The labels come from chargebacks, which are weeks late. Isn't that right?"),
    (f"{STORY} The labels are weeks late. Right?", "The labels are weeks late. Right?"),
    # In a short turn an ellipsis asks.
    ("The list is sorted. Is it?", "Is it?"),
    ("I'm assuming English only for now. Is that right?", "I'm assuming English only for now. Is that right?"),
    ("The list fits in memory. Right?", "The list fits in memory. Right?"),
])
def test_short_questions_with_content_or_after_a_short_turn_still_ask(said, asked):
    assert trailing_questions(_words(said)) == [asked]
