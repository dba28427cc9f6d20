"""Trial 35 D3: the candidate asked two clarifying questions in one go over the question ("What do
you mean? Are you asking about training or serving?"), got the reply with "Let me finish the
question: ...", talked over it with an aside ("I assume the training data fits in memory on one
machine.", a "Can I assume ...?" whose first word was lost), and that aside was taken as the
answer: the question was never said in full and the round went on to a follow-up. Only the first
sentence asked counted as a clarifying question; the second counted as answer words. Every
question the turn asks is a clarifying exchange, not the answer: the question is said again in
full after the turn."""
from test_question_cut_off import FEED, said_in_full, talk
from test_question_finished_after_a_late_cut import FINISH, cut_late
from test_round_controller import step
from test_round_turns import FakeAnswerer


def test_two_questions_then_an_aside_over_the_finish_get_the_question_said_again(tmp_path):
    clock, engine, speaker, recorder, controller, updates = cut_late(tmp_path, FakeAnswerer())
    turn = controller.current_answer
    talk(controller, recorder, "What do you mean? Are you asking about training or serving?")
    controller.on_silence(1)
    controller.poll()
    step(clock, speaker, controller, 1.5)
    assert speaker.busy and speaker.said[-1].endswith(f"{FINISH} {FEED}")
    controller.on_voice()  # the candidate talks over the reply and the question's end in it
    talk(controller, recorder, "I assume the training data fits in memory on one machine.")
    controller.end_answer()
    said_in_full(clock, speaker, controller, FEED)
    assert speaker.said[-2:] == [FINISH, FEED], "the question is said in full before it is answered"
    assert turn.question_id == "feed"
    assert engine.timeline.asks[-1].follow_up_id is None, "no follow-up on an answer never given"
