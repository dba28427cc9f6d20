"""Trial 31, item 13: the candidate answered the model question fully, pressed P, waited 20 s
and pressed P again: "Welcome back. We were on the model and loss; you have about eight minutes
left for it." and then "Again: Which model would you train, ..." in full. A question already
answered is not asked again after a pause: the welcome asks the candidate to go on. One not yet
answered (nothing said, or the answer left hanging) is said again as before. Fake clock and fakes."""
from engine_scripts import design_round
from test_round_controller import make, step

from interviewer.core.round_records import UtteranceKind
from interviewer.core.round_settings import ControllerSettings

SETTINGS = ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=12)
QUESTION = "Design a news feed ranking system."
WELCOME = "Welcome back. We were on the requirements; you have about eight minutes left for it."
GO_ON = SETTINGS.go_on_after_pause_text


def _paused_after(tmp_path, said):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, script=design_round(),
                                                                 speech_seconds=2.0, settings=SETTINGS)
    controller.start()
    clock.set(1000 + 300)
    while controller.current_answer is None or controller.current_answer.question_id != "feed":
        step(clock, speaker, controller)
    step(clock, speaker, controller, 110)
    if said:
        controller.on_silence(0)
        recorder.speak(said)
    controller.on_silence(2)
    controller.poll()
    controller.pause()
    clock.advance(20)
    controller.resume()
    heard = []
    while controller.current_answer is None:
        heard.append(speaker.said[-1])
        step(clock, speaker, controller)
    return controller, list(dict.fromkeys(heard))


def test_a_question_answered_before_the_pause_is_not_asked_again(tmp_path):
    controller, heard = _paused_after(
        tmp_path, "I'd rank the posts with a gradient-boosted model on engagement, trained on last week's clicks.")
    assert heard == [f"{WELCOME} {GO_ON}"]
    assert not any(u.kind == UtteranceKind.REPEAT for u in controller.utterances)
    answer = controller.current_answer
    assert answer.continuation and answer.question_id == "feed"  # more of the same answer


def test_a_question_not_yet_answered_is_said_again_after_the_pause(tmp_path):
    controller, heard = _paused_after(tmp_path, "")
    assert heard[-1] == QUESTION and controller.utterances[-1].kind == UtteranceKind.REPEAT
    assert GO_ON not in " ".join(heard)


def test_an_answer_left_hanging_gets_the_question_again(tmp_path):
    controller, heard = _paused_after(tmp_path, "I'd rank the posts by predicted engagement and")
    assert heard == [WELCOME, QUESTION]
