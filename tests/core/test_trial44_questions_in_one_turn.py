"""Trial 44 D2: in the requirements part of the delivery-estimate round the candidate asked, in one
turn, what a good estimate means ("Is it more important that the estimate is accurate on average,
or that we rarely promise a time and then arrive late?") and how many orders a day there are: only
the scale was answered. Asked again in other words ("Sorry, going back to my first question. How
do you measure whether an arrival estimate was good? Is being late worse than being early?"), the
candidate got about 30 s of silence, and the review said "Did not ask about: latency, success
metric".

As heard (the trial's speech model): the first question tied the latency fact (its "estimate" is
the problem's own word) with the cost of errors, whose keyword "late" it says, and a tie gave no
fact at all; the ask again ended in its misheard second half ("It's veganly, it's worse than
veganly."), no question, so nothing was answered. Now a tie that a keyword settles goes to the
topic it names (ClarifyingResponder._clear_match), and a question followed only by a short tail
that asks nothing else, then the wait, is answered (trailing_questions.question_before_tail).
The round's controller with the bundled script, the clarifying responder on the sentence-embedding
model as the app runs, a fake clock and speaker."""
import pytest

from test_round_turns import ask, make, step
from test_trailing_question import _words

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script
from interviewer.core.trailing_questions import TRAILED_QUESTION_WAIT_S, question_before_tail
from interviewer.resources import bundled_scripts_dir

SCRIPT = "ml_system_design_eta_prediction.toml"
# As the trial's speech recognition wrote c1b and c3.
FIRST = ("Uh, well, that's a good estimate for you. Is it more important that the estimate in accurate on "
         "average or that we rarely promise a time and then arrive late? And how many orders per day are we "
         "talking about?")
AGAIN = ("Sorry, going back to my first question... How do you measure when the arrival estimate was good? "
         "It's veganly, it's worse than veganly.")


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import OnnxTextEncoder  # installed with the app: never a silent skip
    return Matcher(OnnxTextEncoder())


def _script():
    return load_script(bundled_scripts_dir() / SCRIPT, bundled=True)


def _facts():
    return next(q for q in _script().questions if q.id == "design_eta").facts()


def _in_requirements(tmp_path, matcher):
    script = _script()
    question = next(q for q in script.questions if q.id == "design_eta")
    clock, engine, speaker, recorder, controller, _ = make(
        tmp_path, script=script, answerer=ClarifyingResponder(question, matcher, script))
    controller.start()
    for _ in range(400):
        if controller.current_answer is not None and controller.current_answer.question_id == "design_eta":
            break
        if controller.current_answer is not None and controller.current_answer.question_id is None:
            ask(controller, recorder, "Hi, I'm Sam, an ML engineer. That's it.", pause=0.6)
            controller.end_answer()
        step(clock, speaker, controller, 0.5)
    assert controller.current_answer.question_id == "design_eta"
    assert engine.current_phase.expects_clarifying
    return clock, speaker, recorder, controller


def _asked(clock, speaker, recorder, controller, said: str, waits=(2.0, TRAILED_QUESTION_WAIT_S,
                                                                     TRAILED_QUESTION_WAIT_S + 1.0)) -> list[str]:
    """The candidate says `said` and waits as for a reply; what the interviewer says meanwhile."""
    before = len(speaker.said)
    clock.advance(1.0)
    ask(controller, recorder, said, pause=0.6)
    for waited in waits:
        clock.advance(1.0)
        controller.on_silence(waited)
        controller.poll()
    new = speaker.said[before:]
    speaker.stop()
    controller.poll()
    return new


def test_each_question_of_one_turn_that_a_fact_answers_gets_it(tmp_path, matcher):
    facts = _facts()
    clock, speaker, recorder, controller = _in_requirements(tmp_path, matcher)
    said = _asked(clock, speaker, recorder, controller, FIRST)
    assert facts["cost of errors"] in said and facts["scale"] in said
    topics = {c.topic for c in controller.current_answer.clarifications}
    assert {"cost of errors", "scale"} <= topics


def test_a_question_asked_again_with_a_misheard_tail_gets_a_reply(tmp_path, matcher):
    facts = _facts()
    clock, speaker, recorder, controller = _in_requirements(tmp_path, matcher)
    _asked(clock, speaker, recorder, controller, FIRST)
    said = _asked(clock, speaker, recorder, controller, AGAIN)
    assert said == [facts["success metric"]]
    assert "success metric" in {c.topic for c in controller.current_answer.clarifications}


def test_the_question_before_a_short_tail():
    assert question_before_tail(_words(AGAIN)) == "How do you measure when the arrival estimate was good?"
    # The candidate's own plan, an answer or a hand-back after it: the question was theirs, or answered.
    assert question_before_tail(_words("How many orders are there? I would assume a million a day.")) is None
    assert question_before_tail(_words("How many orders are there? Okay, that's all my questions.")) is None
    assert question_before_tail(_words("What's the cost? It's n log k because we sort the list first, "
                                       "and then every lookup is a binary search over it.")) is None
    assert question_before_tail(_words("I would start with the labels. That's it.")) is None
