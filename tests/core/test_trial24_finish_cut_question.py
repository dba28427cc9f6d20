"""Trial 24 item 7: the candidate's first question cut the problem off; the interviewer asked to
hear two misheard questions again, answered the third (said as a statement) without finishing
the problem, and finished it only ~60 s later, with the reply to a later question ("... Let me
finish the question: ..." and the whole problem again). A person finishes the question right
after answering the first interruption, or, once the candidate has gone on working with the
problem (more questions answered, the text on screen), does not read it again at all."""
from test_question_cut_off import FEED, said_in_full, talk
from test_question_finished_after_a_late_cut import FINISH, cut_late
from test_round_controller import step
from test_round_turns import FakeAnswerer

BUDGET = "Assume a 200 millisecond budget."


def wait_for_reply(clock, speaker, controller, seconds=8):
    """The candidate stays quiet (the fake clock runs) until the interviewer starts to reply."""
    said = len(speaker.said)
    for quiet in range(1, seconds):
        controller.on_silence(quiet)
        controller.poll()
        step(clock, speaker, controller, 1.0)
        if len(speaker.said) > said:
            return speaker.said[-1]
    raise AssertionError(f"no reply: {speaker.said[-2:]}")


def settle(clock, speaker, controller, seconds=5.0):
    for _ in range(int(seconds / 0.5)):
        step(clock, speaker, controller, 0.5)


def test_misheard_questions_are_no_answer_the_first_reply_finishes_the_question(tmp_path):
    clock, engine, speaker, recorder, controller, updates = cut_late(tmp_path, FakeAnswerer())
    unclear = 0
    for mumble in ("It didn't put list sorted by start time.", "Didn't put this sorted by start time."):
        talk(controller, recorder, mumble)
        for quiet in range(1, 8):
            controller.on_silence(quiet)
            controller.poll()
            step(clock, speaker, controller, 1.0)
            if speaker.said[-1] == controller.settings.unclear_text:
                unclear += 1
                said_in_full(clock, speaker, controller, controller.settings.unclear_text)
                break
    assert unclear, "a misheard question is asked again, as in the trial"
    talk(controller, recorder, "Okay. What is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    said_in_full(clock, speaker, controller, f"{BUDGET} {FINISH} {FEED}")


def test_a_question_heard_as_a_statement_gets_the_question_finished_after_its_reply(tmp_path):
    clock, engine, speaker, recorder, controller, updates = cut_late(tmp_path, FakeAnswerer())
    talk(controller, recorder, "So the latency budget is tight.")
    reply = wait_for_reply(clock, speaker, controller)
    assert reply.endswith(f"{BUDGET} {FINISH} {FEED}")


def test_once_the_finish_was_talked_over_the_next_reply_finishes_it_and_nothing_reads_it_again(tmp_path):
    """Trial 38 item 9 changed this: talked over, the finish was never heard (a voice-only user
    never heard the problem), so the next reply goes on with it; once heard, it is not read again."""
    clock, engine, speaker, recorder, controller, updates = cut_late(tmp_path, FakeAnswerer())
    turn = controller.current_answer
    talk(controller, recorder, "Sorry, what is the latency budget?")
    controller.on_silence(1)
    controller.poll()
    step(clock, speaker, controller, 1.5)
    assert speaker.busy and speaker.said[-1] == f"{BUDGET} {FINISH} {FEED}"
    controller.on_voice()  # the candidate talks over it: the problem is on screen, they go on
    talk(controller, recorder, "And how many items are there in the feed?")
    controller.on_silence(1)
    controller.poll()
    finished = f"Good question. Make a reasonable assumption and state it. {FINISH} {FEED}"
    said_in_full(clock, speaker, controller, finished)
    assert len(turn.clarifications) == 2
    talk(controller, recorder, "That's all my questions.")
    controller.end_answer()
    settle(clock, speaker, controller, 10)
    assert FINISH not in speaker.said and speaker.said.count(finished) == 1
    assert sum(line.endswith(FEED) for line in speaker.said) == 3, "asked, cut; finished, cut; finished once"
