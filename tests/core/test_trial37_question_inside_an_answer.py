"""Trial 37 item 10: "Is it used for a click model? I'd use hashing or an embedding. That's it."
(one utterance: the question, then the answer with no pause between) got "Okay, thanks." and the
follow-up: the question was never answered. Replies came only to a question that ends what was
said (at the pause after it, or at the end key).

Now a question heard earlier in the turn and not answered, whose answer is a fact of the
question's, is answered when the answer ends, before the interviewer moves on ("To your earlier
question: ...")."""
from test_question_cut_off import talk
from test_round_controller import step
from test_round_turns import FakeAnswerer, at_feed_question

from interviewer.core.round_records import UtteranceKind

FACT = "Assume a 200 millisecond budget."


def settle(clock, speaker, controller, seconds=10.0):
    for _ in range(int(seconds / 0.5)):
        step(clock, speaker, controller, 0.5)


def _said_after(speaker, start):
    return speaker.said[start:]


def test_a_question_said_before_the_answer_in_one_breath_is_answered_when_the_answer_ends(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=FakeAnswerer())
    answer = controller.current_answer
    start = len(speaker.said)
    talk(controller, recorder, "What is the latency budget? I would rank the posts with a two tower model "
                               "and a ranker on top. That's it.")
    controller.end_answer()
    settle(clock, speaker, controller, 12)
    said = _said_after(speaker, start)
    assert f"To your earlier question: {FACT}" in said, said
    assert [c.topic for c in answer.clarifications] == ["latency"]  # kept as the clarifying exchange it was
    reply = next(u for u in controller.utterances if u.text.endswith(FACT))
    assert reply.kind == UtteranceKind.CLARIFICATION


def test_the_same_answer_by_silence_also_answers_it(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=FakeAnswerer())
    start = len(speaker.said)
    talk(controller, recorder, "What is the latency budget? I would rank the posts with a two tower model "
                               "and a ranker on top. That's it.")
    controller.on_silence(6)
    controller.poll()
    settle(clock, speaker, controller, 12)
    assert f"To your earlier question: {FACT}" in _said_after(speaker, start)


def test_a_question_answered_live_or_with_no_fact_is_not_answered_again(tmp_path):
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=FakeAnswerer())
    start = len(speaker.said)
    # Answered at the pause after it: not again at the end.
    talk(controller, recorder, "What is the latency budget?")
    controller.on_silence(0.6)
    controller.poll()
    settle(clock, speaker, controller, 3)
    talk(controller, recorder, "Okay. Is it for logged in users only? I would rank with a two tower model. That's it.")
    controller.end_answer()
    settle(clock, speaker, controller, 12)
    said = _said_after(speaker, start)
    assert said.count(FACT) == 1 and not any(s.startswith("To your earlier question") for s in said), said


def test_the_late_reply_is_its_exchange_s_reply_so_it_shows_once(tmp_path):
    # Trial 41: the exchange kept the bare fact and the line said "To your earlier question:
    # <fact>", so the live transcript and the exports showed the reply with its exchange and the
    # line again under it (spoken once, shown twice). The exchange's reply is the line said.
    from interviewer.export.interviewer_lines import reply_rest

    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=FakeAnswerer())
    answer = controller.current_answer
    talk(controller, recorder, "What is the latency budget? I would rank the posts with a two tower model "
                               "and a ranker on top. That's it.")
    controller.end_answer()
    settle(clock, speaker, controller, 12)
    line = next(u for u in controller.utterances if u.text.endswith(FACT))
    assert [c.reply for c in answer.clarifications] == [line.text]
    assert reply_rest(line.text, answer.clarifications[0].reply) == ""  # shown with the exchange, not again
