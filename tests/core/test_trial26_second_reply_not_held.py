"""Trial 26, item 12e: the candidate asked two clarifying questions in one breath over the coding
problem ("Is the vocabulary given as a set of strings? And what should happen if no token
matches?"). Both replies were decided at once; the first was said, but the second, which also
finished the problem ("... Let me finish the question: ..."), came about 30 s later, the status
saying "The interviewer is answering your question" all along. A sound reported while the
interviewer talked (no voice that cut it) counted as the candidate speaking again after the reply
was decided, so the second reply was held for a pause (in this fake it is then dropped, and the
problem finished only at the turn's end, about 14 s later). Now it follows the first at once."""
from test_question_cut_off import FEED, talk
from test_question_finished_after_a_late_cut import FINISH, cut_late
from test_round_controller import step
from test_round_turns import FakeAnswerer

USERS = "About a hundred million users."
BUDGET = "Assume a 200 millisecond budget."


class TwoFacts(FakeAnswerer):
    def reply(self, question):
        if "users" in question.lower():
            return "scale", USERS
        return super().reply(question)


def test_the_second_reply_of_one_breath_follows_the_first_despite_a_sound_during_it(tmp_path):
    clock, engine, speaker, recorder, controller, updates = cut_late(tmp_path, TwoFacts())
    talk(controller, recorder, "How many users are there? And what is the latency budget?")
    started, quiet, sound = {}, 0.0, None
    t0 = engine.elapsed()
    while engine.elapsed() - t0 < 40 and len(started) < 2:
        quiet += 0.5
        if (USERS in started and sound is None and speaker.busy and speaker.said[-1] == USERS
                and engine.elapsed() - started[USERS] >= 2):
            sound, quiet = engine.elapsed(), 0.0  # a sound during the first reply, no barge-in
        controller.on_silence(quiet)
        controller.poll()
        step(clock, speaker, controller, 0.5)
        for line in (USERS, BUDGET):
            if line not in started and speaker.said and speaker.said[-1].startswith(line):
                started[line] = engine.elapsed()
    assert sound is not None
    first = next(u for u in controller.utterances if u.text == USERS)
    assert BUDGET in started, f"the second reply was never said: {speaker.said[-3:]}"
    assert started[BUDGET] - first.ended_at <= 1.5, "the second reply follows the first at once"
    assert speaker.said[-1] == f"{BUDGET} {FINISH} {FEED}", "and it finishes the problem"
