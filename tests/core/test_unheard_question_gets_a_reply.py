"""Trial 23 item 1 (B1): a clarifying question the recogniser mangled ("Should uppercase and
lowercase versions of the same query be counted together?" heard "Should not be case, and
lowercase versions on the same query be counted together...") got no reply, and the candidate
waited 19 s in silence; the same in "Your questions" after "Yes, well done a typical week look
like for the team." (a question only by its rising pitch). Where the candidate may ask, a
silence after words that end like a question gets "Sorry, I didn't catch that..." within a
few seconds; thinking aloud mid-answer never does. Fake clock, fake speaker."""
import pytest

from interviewer.core.round_settings import ControllerSettings
from interviewer.core.transcript import SpeechRegion, Word
from interviewer.core.unheard_questions import UNHEARD_QUESTION_WAIT_S, asks_to_hear_again, ends_like_a_question

from test_candidate_questions import at_wrap_up
from test_round_turns import FakeAnswerer, at_feed_question, ask

SAY_AGAIN = ControllerSettings().unclear_text
MANGLED = ["Should not be case, and lowercase versions on the same query be counted together...",
           "Sorry, let me ask it differently. Does capitalization matter when we count the queer is..."]


def words(text, start=0.0):
    return [Word(t, start + i * 0.3, start + i * 0.3 + 0.25) for i, t in enumerate(text.split())]


@pytest.mark.parametrize("text", [*MANGLED, "Is the log sorted", "Can I assume ASCII only",
                                  "Do I need to handle ties?", "How big is the log",
                                  "Yes, well done a typical week look like for the team?"])
def test_words_that_end_like_a_question(text):
    assert ends_like_a_question(words(text))


@pytest.mark.parametrize("text", [
    "So I would use a hash map here...", "What else could go wrong...", "Hmm, what else...",
    "Okay, so the log is big...", "Then we sort them by count.", "Could be a heap.",
    "Should not be a problem.", "How fast should a new upload, um,", "Is it, uh", "Let me think about that for a second.", "That's all my questions.",
    "Okay.", "What we need is a counter.", "So we use a dictionary...", "I'd count them, then a heap.",
])
def test_thinking_aloud_and_statements_do_not(text):
    assert not ends_like_a_question(words(text))


def test_a_rise_in_pitch_at_the_end_is_a_cue():
    said = words("Yes, well done a typical week look like for the team.")
    assert not ends_like_a_question(said)
    rising = [SpeechRegion(0.0, said[-1].end, final_rise=3.9)]
    assert ends_like_a_question(said, rising)


def test_the_clock_decides_when():
    said = words(MANGLED[0])
    stopped = said[-1].end
    assert not asks_to_hear_again(said, (), stopped, stopped + UNHEARD_QUESTION_WAIT_S - 0.1)
    assert asks_to_hear_again(said, (), stopped, stopped + UNHEARD_QUESTION_WAIT_S)
    assert not asks_to_hear_again(words("So we use a dictionary..."), (), stopped, stopped + 30)


def waited_after(tmp_path, said, wait):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=FakeAnswerer())
    answer = controller.current_answer
    before = list(speaker.said)
    ask(controller, recorder, said, pause=2.0)
    assert speaker.said == before  # not yet: the candidate may go on
    clock.advance(wait - 2.0)
    controller.on_silence(wait)
    controller.poll()
    return answer, controller, speaker.said[len(before):]


@pytest.mark.parametrize("said", MANGLED[:1])
def test_a_misheard_clarifying_question_then_a_wait_gets_asked_again(tmp_path, said):
    answer, controller, new = waited_after(tmp_path, said, UNHEARD_QUESTION_WAIT_S)
    assert new == [SAY_AGAIN]
    assert controller.current_answer is answer  # the same turn: the candidate says it again
    assert answer.awaiting_speech_after_reply  # the silence after it is the candidate's wait
    assert answer.clarifications == []


@pytest.mark.parametrize("said", ["So I would use a hash map here...", "Okay, so the log is big..."])
def test_thinking_aloud_in_the_clarify_part_gets_no_request(tmp_path, said):
    answer, controller, new = waited_after(tmp_path, said, UNHEARD_QUESTION_WAIT_S)
    assert SAY_AGAIN not in new


@pytest.mark.parametrize("rise, asked_again", [(3.9, True), (0.2, False)])
def test_a_misheard_question_for_the_interviewer_gets_asked_again(tmp_path, rise, asked_again):
    """"Your questions": worded as no question, it asked by its rise in pitch (the live
    transcriber's speech regions); said flat, it is a statement and the floor stays theirs."""
    clock, engine, speaker, recorder, controller, updates, facts = at_wrap_up(tmp_path)
    transcriber = controller._transcribers[controller.current_answer.index]
    said_until = max(1.0, clock.now() - transcriber.origin)  # where the fake transcript ends it
    transcriber.live_speech = [SpeechRegion(0.0, said_until, final_rise=rise)]
    before = len(speaker.said)
    ask(controller, recorder, "Yes, well done a typical week look like for the team.", pause=2.0)
    assert len(speaker.said) == before
    clock.advance(UNHEARD_QUESTION_WAIT_S - 2.0)
    controller.on_silence(UNHEARD_QUESTION_WAIT_S)
    controller.poll()
    assert (speaker.said[before:] == [SAY_AGAIN]) is asked_again
    if not asked_again:
        assert speaker.said[before:] == []


def test_a_question_like_sentence_mid_answer_elsewhere_is_thinking(tmp_path):
    """The design part: "Does the heap need a bound..." then 7 s of thinking: no request, and the
    answer is not ended by the thinking silence (a check-in may come, as before)."""
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=FakeAnswerer())
    from test_round_controller import step
    clock.set(1000 + 15 * 60 + 5)
    while controller.current_answer is None or controller.current_answer.phase != "design":
        step(clock, speaker, controller, 0.5)
    before = len(speaker.said)
    ask(controller, recorder, "I'd start with the features. Does the heap need a bound...", pause=2.0)
    clock.advance(5.0)
    controller.on_silence(7.0)
    controller.poll()
    assert SAY_AGAIN not in speaker.said[before:]


def test_the_second_wording_is_heard_as_a_question_and_answered(tmp_path):
    """"Does capitalization matter ..." is a question by its words alone ("does" before a bare
    noun): it gets the interviewer's reply at once, not "could you say it again"."""
    answer, controller, new = waited_after(tmp_path, MANGLED[1], UNHEARD_QUESTION_WAIT_S)
    assert new and SAY_AGAIN not in new
    assert len(answer.clarifications) == 1
