"""Trial 42 defect 1: in the clarify part of the session-merging round the candidate asked "And do
two sessions that just touch ... count as overlapping?" and got the fact, then asked it again in
other words: "Sorry, just to be sure: if a session ends at second five and another starts at
second five, do I merge them into one?". Whisper wrote "Sorry, just to be sure. If a session ends
at second five, and a hammer starts at second five, my merge name into one...": no "?", no
question's wording left, a trail; no rule took it for a question, and the candidate sat through
10 s of dead air (the re-take's "In other words, is it okay to modify the list I'm given?", a
question as heard, got "As I said, ...").

Now a sentence after one that only announces a check ("Sorry, just to be sure."), followed by the
wait a trailing question gets, is asked in a part for clarifying questions
(trailing_questions.announced_check): answered as a question is, so a topic already answered
gets "As I said, ..." rather than nothing. The round's controller with the bundled script, the
clarifying responder on the sentence-embedding model as the app runs, a fake clock and speaker."""
import pytest

from test_round_turns import ask, make, step
from test_trailing_question import _words

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script
from interviewer.core.trailing_questions import TRAILED_QUESTION_WAIT_S, announced_check, announces_a_check
from interviewer.resources import bundled_scripts_dir

TOUCHING = "Yes, sessions that touch, where one ends at the second the next one starts, count as overlapping and get merged."
# As the trial's speech recognition wrote c02 to c04.
SIZE = "Um, before I start, how big can we input get? Like how many sessions?"
TOUCH = ("Okay, and do two sessions, not just touch, where one ends and exactly when the next starts, "
         "come to overlapping...")
AGAIN = ("Sorry, just to be sure. If a session ends at second five, and a hammer starts at second five, "
         "my merge name into one...")


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import OnnxTextEncoder  # installed with the app: never a silent skip
    return Matcher(OnnxTextEncoder())


def _in_clarify(tmp_path, matcher):
    script = load_script(bundled_scripts_dir() / "coding_intervals.toml", bundled=True)
    question = next(q for q in script.questions if q.id == "merge_sessions")
    clock, engine, speaker, recorder, controller, _ = make(
        tmp_path, script=script, answerer=ClarifyingResponder(question, matcher, script))
    controller.start()
    for _ in range(400):
        if controller.current_answer is not None and controller.current_answer.question_id == "merge_sessions":
            break
        if controller.current_answer is not None and controller.current_answer.question_id is None:
            ask(controller, recorder, "Hi, I'm an ML engineer. That's it.", pause=0.6)
            controller.end_answer()
        step(clock, speaker, controller, 0.5)
    assert controller.current_answer.question_id == "merge_sessions"
    assert engine.current_phase.expects_clarifying
    return clock, speaker, recorder, controller


def _asked(clock, speaker, recorder, controller, said: str) -> list[str]:
    """The candidate says `said` and waits as for a reply; what the interviewer says meanwhile."""
    before = len(speaker.said)
    clock.advance(1.0)
    ask(controller, recorder, said, pause=0.6)
    for waited in (2.0, TRAILED_QUESTION_WAIT_S, TRAILED_QUESTION_WAIT_S + 1.0):
        clock.advance(1.0)
        controller.on_silence(waited)
        controller.poll()
    new = speaker.said[before:]
    speaker.stop()
    controller.poll()
    return new


def test_the_same_check_asked_again_in_other_words_gets_as_i_said(tmp_path, matcher):
    clock, speaker, recorder, controller = _in_clarify(tmp_path, matcher)
    assert _asked(clock, speaker, recorder, controller, SIZE)[-1].startswith("Up to about a million sessions")
    assert _asked(clock, speaker, recorder, controller, TOUCH) == [TOUCHING]
    assert _asked(clock, speaker, recorder, controller, AGAIN) == [f"As I said, y{TOUCHING[1:]}"]


def test_an_announced_check():
    assert announces_a_check("Sorry, just to be sure.") and announces_a_check("Just to double-check.")
    assert not announces_a_check("Sure.") and not announces_a_check("Just to be sure, is it sorted?")
    assert announced_check(_words(AGAIN)) == (
        "Sorry, just to be sure. If a session ends at second five, and a hammer starts at second five, "
        "my merge name into one")
    # The candidate's own plan or a hand-back after it asks nothing; nor a sentence with no announcement.
    assert announced_check(_words("Sorry, just to be sure. I would sort them by start time first.")) is None
    assert announced_check(_words("Just to be sure. That's it.")) is None
    assert announced_check(_words("If a session ends at second five, my merge name into one...")) is None
