"""Trial 34, D9: a stray 1-s sound cut off the part's lead-in ("Here's the problem. Take a few
minutes on requirements first: ...") while the design question was still queued behind it. The
sound was taken back as a noise and the question said then, for the first time, as a repeat:
the question box read "Again: When a customer places an order..." and the round logged the line
as kind "repeat". A question cut off before it was said is said with its own kind. Fake clock,
speaker (each line takes 6 s) and transcriber."""
from test_noise_barge_in import silence
from test_question_cut_off import FEED, PROMPT
from test_round_controller import step
from test_round_turns import make

from interviewer.core.round_records import UtteranceKind, cut_off_text
from interviewer.core.round_updates import LineCutOff, Speaking


def test_a_question_queued_behind_a_lead_in_cut_by_a_noise_is_said_as_a_question_not_again(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=6)
    controller.start()
    clock.set(1300)  # the requirements part is due: its lead-in, then the problem
    controller.poll()
    speaker.stop()  # the intro's prompt, cut by the jump
    controller.poll()
    step(clock, speaker, controller, 0.5)
    assert speaker.said[-1] == PROMPT and speaker.busy
    controller.on_voice()  # a stray sound
    controller.poll()
    for _ in range(3):
        controller.on_silence(0)
        step(clock, speaker, controller, 0.1)
    assert [u.marked for u in updates if isinstance(u, LineCutOff)] == [cut_off_text(PROMPT)]
    silence(clock, speaker, controller, 4)  # no words: a noise, taken back
    assert FEED in speaker.said and speaker.said.count(FEED) == 1
    [said] = [u for u in updates if isinstance(u, Speaking) and u.text == FEED]
    assert said.kind == UtteranceKind.QUESTION, "said for the first time: no 'Again:'"
    [line] = [u for u in controller.utterances if u.text == FEED]
    assert line.kind == UtteranceKind.QUESTION
    step(clock, speaker, controller, 6)
    assert controller.current_answer is not None and controller.current_answer.question_id == "feed"
