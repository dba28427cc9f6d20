"""Trial 38 item 9: the design problem was cut off by a clarifying question; its reply went on
"Let me finish the question: ..." and was cut off too, by "Can I assume ...?", and the problem
was never said in full in the round: only the first reply carried the rest of the question. The
question is finished after the candidate's questions are answered, however many times its
finishing was cut off. Fake clock, speaker and transcriber; the bundled ads round."""
from test_question_cut_off import talk
from test_question_finished_after_a_late_cut import FINISH
from test_round_controller import step
from test_trial25_reply_talked_over import ads_problem_cut_late, settle


def _ask_and_cut_the_reply(clock, speaker, controller, recorder, question, next_question):
    talk(controller, recorder, question)
    controller.on_silence(1)
    controller.poll()
    step(clock, speaker, controller, 1.5)
    assert speaker.busy, "the reply is being said"
    reply = speaker.said[-1]
    controller.on_voice()  # talked over, inside the reply
    talk(controller, recorder, next_question)
    return reply


def test_the_problem_is_finished_after_its_finishing_was_cut_off_twice(tmp_path):
    clock, engine, speaker, recorder, controller, updates, problem = ads_problem_cut_late(tmp_path)
    first = _ask_and_cut_the_reply(clock, speaker, controller, recorder, "What is the latency budget?",
                                   "Is the model retrained every day?")
    assert first.endswith(f"{FINISH} {problem}")
    controller.on_silence(1)
    controller.poll()
    step(clock, speaker, controller, 1.5)
    second = speaker.said[-1]
    assert second.endswith(f"{FINISH} {problem}"), "the next reply goes on with the question again"
    controller.on_voice()
    talk(controller, recorder, "And what is the latency budget for a new advertiser?")
    controller.on_silence(1)
    controller.poll()
    for _ in range(60):  # the candidate waits: this reply is heard to its end
        step(clock, speaker, controller, 0.5)
        if not speaker.busy and controller._speaking is None and not controller._to_say:
            break
    last = [u for u in controller.utterances if u.text.endswith(problem)][-1]
    assert last.text.endswith(f"{FINISH} {problem}") and not last.interrupted, "said in full once"
    talk(controller, recorder, "Okay, great. That's all my questions.")
    for quiet in range(1, 12):
        controller.on_silence(quiet)
        step(clock, speaker, controller, 1.0)
    settle(clock, speaker, controller, 5)
    assert sum(line.endswith(problem) for line in speaker.said) == 4  # asked, then three replies went on with it
