"""Trial 20 item 2: "How many model versions are there in total?" asked while the problem was
still being read got its reply, and the rest of the problem was never said; the transcript,
review and PDF showed the whole problem as asked, no "[cut off]". A question cut after its
first words is marked cut off. A clarifying question over it gets its reply, which goes on with
the question in full ("... Let me finish the question: ...", trial 21: the candidate answered on
after the reply, never hearing the question's end); otherwise it is said in full once the
candidate's turn ends, unless that turn was a real answer to it."""
from test_question_cut_off import FEED, said_in_full, talk
from test_round_controller import step
from test_round_turns import FakeAnswerer, make

from interviewer.core.round_records import cut_off_text
from interviewer.core.round_settings import CUT_OFF_AT_ONCE_S, ControllerSettings
from interviewer.core.round_updates import LineCutOff

FINISH = ControllerSettings().finish_lead_in


def cut_late(tmp_path, answerer=None):
    """The feed question 2 s into its 6 s (later than CUT_OFF_AT_ONCE_S), the candidate talks."""
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=6, answerer=answerer)
    controller.start()
    clock.set(1300)
    controller.poll()
    speaker.stop()  # the intro prompt
    controller.poll()
    step(clock, speaker, controller, 6)  # "Let's start with the problem." said
    assert speaker.said[-1] == FEED and speaker.busy
    step(clock, speaker, controller, 2)
    assert 2 > CUT_OFF_AT_ONCE_S
    controller.on_voice()
    controller.poll()
    assert not speaker.busy
    return clock, engine, speaker, recorder, controller, updates


def test_a_clarifying_question_over_the_question_gets_its_reply_then_the_question_in_full(tmp_path):
    clock, engine, speaker, recorder, controller, updates = cut_late(tmp_path, FakeAnswerer())
    # The line is marked cut off at once; the turn is about the question (its clarifying questions count).
    assert [(u.text, u.marked) for u in updates if isinstance(u, LineCutOff)] == [(FEED, cut_off_text(FEED))]
    turn = controller.current_answer
    assert (turn.question_id, turn.question_text) == ("feed", cut_off_text(FEED))
    talk(controller, recorder, "Sorry, what is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    said_in_full(clock, speaker, controller, f"Assume a 200 millisecond budget. {FINISH} {FEED}")
    assert turn.clarifications and controller.current_answer is turn, "the question is finished before they answer"
    assert [u.text for u in updates if isinstance(u, LineCutOff)] == [FEED], "said in full: not marked again"
    # What they say next answers the question, in the same turn; it is not asked again after it.
    talk(controller, recorder, "Okay. I would rank the feed with a two stage system, candidate generation then "
                               "a ranking model optimizing engagement.")
    controller.end_answer()
    for _ in range(10):
        step(clock, speaker, controller, 0.5)
    assert FINISH not in speaker.said and speaker.said.count(FEED) == 1
    assert turn.question_id == "feed" and turn.transcript is not None


def test_a_reply_cut_short_leaves_the_question_to_be_finished_after_the_turn(tmp_path):
    """The candidate talked over the reply (and the question's end in it): not heard, so the
    question is finished after their turn, as before."""
    clock, engine, speaker, recorder, controller, updates = cut_late(tmp_path, FakeAnswerer())
    talk(controller, recorder, "Sorry, what is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    step(clock, speaker, controller, 1.5)
    assert speaker.busy and speaker.said[-1].endswith(FEED)
    controller.on_voice()  # cut a second and a half in
    talk(controller, recorder, "Okay.")
    controller.end_answer()
    said_in_full(clock, speaker, controller, FEED)
    assert speaker.said[-2:] == [FINISH, FEED]


def test_a_real_answer_over_the_end_of_the_question_is_not_asked_again(tmp_path):
    clock, engine, speaker, recorder, controller, updates = cut_late(tmp_path)
    talk(controller, recorder, "I would rank the feed with a two stage system, candidate generation then a "
                               "ranking model optimizing engagement, with business rules on top of it.")
    controller.end_answer()
    for _ in range(10):
        step(clock, speaker, controller, 0.5)
    assert FINISH not in speaker.said and speaker.said.count(FEED) == 1
    assert [u.marked for u in updates if isinstance(u, LineCutOff)] == [cut_off_text(FEED)]


def test_clarifying_questions_then_a_real_answer_over_the_question_stand(tmp_path):
    """The whole-round test (real parts): the candidate talks over the problem with two clarifying
    questions, gets both replies, then answers the design question. That answer stands: the
    question is not said again, and the round can move on."""
    clock, engine, speaker, recorder, controller, updates = cut_late(tmp_path, FakeAnswerer())
    turn = controller.current_answer
    talk(controller, recorder, "Sorry, what is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    said_in_full(clock, speaker, controller, f"Assume a 200 millisecond budget. {FINISH} {FEED}")
    assert turn.clarifications
    talk(controller, recorder, "Okay. I would rank the feed with a two stage system, candidate generation then "
                               "a ranking model optimizing engagement, with business rules on top of it.")
    controller.end_answer()
    for _ in range(10):
        step(clock, speaker, controller, 0.5)
    assert FINISH not in speaker.said and speaker.said.count(FEED) == 1
