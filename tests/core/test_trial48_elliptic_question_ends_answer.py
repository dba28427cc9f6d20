"""Trial 48, problem 8: in the behavioral round the candidate ended a follow-up answer with "That is
it.", which the speech model heard as "... Ah, did it?". The live round took that for a clarifying
question and said the script's no-fact reply, "Good question. Pick whichever real example you can
tell best, and walk me through it.", over the end of the answer.

Now one to three words with no content word closing a long answer are its end
(trailing_questions.trailing_question); a short question with content still gets its reply. The
round's controller with the bundled script, the clarifying responder on the sentence-embedding
model as the app runs, a fake clock and speaker."""
import pytest

from test_round_turns import ask, make, step

from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script
from interviewer.core.trailing_questions import TRAILED_QUESTION_WAIT_S
from interviewer.resources import bundled_scripts_dir

SCRIPT = "behavioral_conflict_and_trust.toml"
HEARD = ("I think she would say I was too cautious at first, but that the testator convinced her and that "
         "the dashboard I will save the remote that we can work. Ah, did it?")


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import OnnxTextEncoder  # installed with the app: never a silent skip
    return Matcher(OnnxTextEncoder())


def _in_first_story(tmp_path, matcher):
    script = load_script(bundled_scripts_dir() / SCRIPT, bundled=True)
    questions = {q.id: q for q in script.questions}
    clock, engine, speaker, recorder, controller, _ = make(
        tmp_path, script=script,
        answerer_for=lambda qid: ClarifyingResponder(questions[qid], matcher, script) if qid in questions else None)
    controller.start()
    for _ in range(400):
        answer = controller.current_answer
        if answer is not None and answer.question_id is not None and answer.question_id != "intro":
            break
        if answer is not None and answer.question_id in (None, "intro"):
            ask(controller, recorder, "Hi, I'm Sam, an ML engineer for six years. That's it.", pause=0.6)
            controller.end_answer()
        step(clock, speaker, controller, 0.5)
    assert controller.current_answer is not None and controller.current_answer.question_id not in (None, "intro")
    return clock, speaker, recorder, controller, script


def _said_after(clock, speaker, recorder, controller, said):
    before = len(speaker.said)
    clock.advance(1.0)
    ask(controller, recorder, said, pause=0.6)
    for waited in (2.0, TRAILED_QUESTION_WAIT_S, TRAILED_QUESTION_WAIT_S + 1.0):
        clock.advance(1.0)
        controller.on_silence(waited)
        controller.poll()
    return speaker.said[before:]


def test_a_misheard_that_is_it_closing_a_story_gets_no_reply(tmp_path, matcher):
    clock, speaker, recorder, controller, script = _in_first_story(tmp_path, matcher)
    said = _said_after(clock, speaker, recorder, controller, HEARD)
    assert not any(script.no_fact_reply in s or "Good question" in s for s in said), said


def test_a_short_question_with_content_after_a_story_still_gets_a_reply(tmp_path, matcher):
    clock, speaker, recorder, controller, script = _in_first_story(tmp_path, matcher)
    said = _said_after(clock, speaker, recorder, controller, HEARD.replace("Ah, did it?", "Which team?"))
    assert said, "the question got no reply"
