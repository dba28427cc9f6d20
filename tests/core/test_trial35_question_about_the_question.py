"""Trial 35 D3: "What do you mean? Are you asking about training or serving?" about the ML depth
round's own first question got "It's your project, so that's yours to tell me: say what it was,
roughly, and go on.", a dodge: the candidate asked what the interviewer's question means, and its
own text answers that. A question about the question gets the part of it that asks, said again;
over a question cut off, the question said in full answers it ("The rest of the question says it. Let me finish the question:
..."), not its asking part said twice."""
import pytest
from test_question_cut_off import FEED, said_in_full, talk
from test_question_finished_after_a_late_cut import FINISH, cut_late
from test_round_turns import FakeAnswerer

from interviewer.core.clarifying_responder import (
    MEANING_BEFORE_FINISH, OWN_ASSUMPTION_REPLIES, OWN_PROJECT_REPLY, ClarifyingResponder, meaning_reply,
)
from interviewer.core.conversation_cues import asks_what_is_meant
from interviewer.core.scripts.loader import find_question, load_script
from interviewer.resources import bundled_scripts_dir

ASKS = "What I'm asking is: What did it do, how was it served, and how did you know it was healthy?"


def depth():
    script = load_script(bundled_scripts_dir() / "ml_depth_production_model.toml", bundled=True)
    return script, find_question(script, "context")


@pytest.mark.parametrize("asked", ["What do you mean? Are you asking about training or serving?",
                                   "What do you mean?", "Are you asking about training or serving?",
                                   "Do you mean the training side?"])
def test_a_question_about_the_question_gets_what_it_asks_not_the_no_fact_line(asked):
    script, question = depth()
    topic, reply = ClarifyingResponder(question, script=script).reply(asked)
    assert reply == ASKS and reply != OWN_PROJECT_REPLY


def test_other_questions_keep_their_replies():
    script, question = depth()
    responder = ClarifyingResponder(question, script=script)
    assert responder.reply("Which model should I talk about, the ranking one or the fraud one?").topic == "which model"
    # An assumption about their own project is acknowledged so that they go on (trial 36).
    assert responder.reply("Can I assume the training data fits in memory on one machine?").text == \
        OWN_ASSUMPTION_REPLIES["ml_depth"]
    assert not asks_what_is_meant("I mean, it was a batch model.")
    assert meaning_reply("Design a news feed ranking system.") == "What I'm asking is: Design a news feed ranking system."


class MeaningAnswerer(FakeAnswerer):
    def reply(self, question):
        self.asked.append(question)
        if asks_what_is_meant(question):
            return None, meaning_reply(FEED)
        return super().reply(question)


def test_over_a_question_cut_off_the_question_in_full_answers_what_it_means(tmp_path):
    clock, engine, speaker, recorder, controller, updates = cut_late(tmp_path, MeaningAnswerer())
    turn = controller.current_answer
    talk(controller, recorder, "Sorry, what do you mean?")
    controller.on_silence(1)
    controller.poll()
    said_in_full(clock, speaker, controller, f"{MEANING_BEFORE_FINISH} {FINISH} {FEED}")
    assert [c.reply for c in turn.clarifications] == [MEANING_BEFORE_FINISH]
