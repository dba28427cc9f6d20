"""Trial 29 D2: a hello said over an opening line that asks for an introduction ("Hi, thanks for
coming. ... To start, tell me briefly about yourself and what you work on now.") stopped the line
after "Hi, thanks for coming.", was taken for the introduction (8 s of silence, then "Thanks,
that's helpful." and the next part), and the request was never said; the line showed in full.
The interviewer greets back, then "So, as I was saying:" and the line in full less its greeting;
the line is marked cut off, and what follows is the introduction. Fake clock and fakes."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_records import CUT_OFF_MARK
from interviewer.core.round_settings import INTRO_THANKS_VARIANTS, ControllerSettings
from interviewer.core.engine import PhaseStarted
from interviewer.core.round_updates import LineCutOff
from interviewer.core.scripts.loader import parse_script
from interviewer.resources import bundled_scripts_dir

from test_round_controller import FakeRecorder, FakeSpeaker, FakeTranscriber, run_now, step

SCRIPT = parse_script((bundled_scripts_dir() / "ml_depth_production_model.toml").read_text(), bundled=True)
OPENING = SCRIPT.phases[0].prompt
ASKING = "To start, tell me briefly about yourself and what you work on now."
GREETING = ControllerSettings().greeting_reply_text
WRAP_UP = ControllerSettings().wrap_up_ends_answer_after


def talked_over_at_once(tmp_path, hello):
    clock = FakeClock(1000.0)
    engine = RoundEngine(SCRIPT, clock)
    speaker, recorder, updates = FakeSpeaker(clock, 8.0), FakeRecorder(), []
    controller = RoundController(engine, speaker, recorder, FakeTranscriber, tmp_path, on_update=updates.append,
                                 run_in_background=run_now)
    controller.start()
    step(clock, speaker, controller, 1.0)
    assert speaker.said == [OPENING] and speaker.busy
    controller.on_voice()  # the hello, 1 s into "Hi, thanks for coming."
    controller.poll()
    speaker.seconds = 0.5  # the lines after it are quick to say
    controller.on_silence(0)
    recorder.speak(hello)
    return clock, engine, speaker, recorder, controller, updates


def quiet(clock, speaker, controller, seconds):
    waited = 0.0
    while waited < seconds - 1e-9:
        clock.advance(0.5)
        waited += 0.5
        controller.on_silence(waited)
        speaker.tick()
        controller.poll()


def test_a_hello_over_the_opening_is_greeted_back_and_the_request_said_in_full(tmp_path):
    assert OPENING.endswith(ASKING)
    clock, engine, speaker, recorder, controller, updates = talked_over_at_once(tmp_path, "Hi, good morning!")
    quiet(clock, speaker, controller, WRAP_UP + 0.5)  # a hello hands back after the usual beat, not 8 s
    for _ in range(4):
        step(clock, speaker, controller, 0.5)
    assert speaker.said[1:3] == [GREETING, "So, as I was saying:"], speaker.said
    again = speaker.said[3]
    assert again.endswith(ASKING) and not again.startswith("Hi"), again
    assert not set(INTRO_THANKS_VARIANTS) & set(speaker.said)
    assert engine.current_phase.id == SCRIPT.phases[0].id  # the hello answered nothing
    assert not any(isinstance(u, PhaseStarted) and u.phase != SCRIPT.phases[0].id for u in updates)
    cut = [u for u in updates if isinstance(u, LineCutOff)]
    assert [u.text for u in cut] == [OPENING] and cut[0].marked.endswith(CUT_OFF_MARK)
    # The introduction after it answers the opening: thanked for, then the next part.
    for _ in range(4):
        step(clock, speaker, controller, 0.5)  # the line said in full
    assert controller.current_answer is not None
    controller.on_silence(0)
    recorder.speak("I'm an ML engineer at a bank; I own the fraud model that scores card payments in real time.")
    step(clock, speaker, controller, 2.0)
    controller.end_answer()
    for _ in range(4):
        step(clock, speaker, controller, 0.5)
    assert set(INTRO_THANKS_VARIANTS) & set(speaker.said), speaker.said[4:]
    assert engine.current_phase.id == SCRIPT.phases[1].id


def test_a_hello_that_says_nice_to_meet_you_gets_it_back(tmp_path):
    """The interviewer had not said it yet: "Nice to meet you too.", not "Great." (trial 30)."""
    clock, engine, speaker, recorder, controller, updates = talked_over_at_once(
        tmp_path, "Hello there, nice to meet you.")
    quiet(clock, speaker, controller, WRAP_UP + 0.5)
    for _ in range(4):
        step(clock, speaker, controller, 0.5)
    assert speaker.said[1:3] == [ControllerSettings().greeting_returned_reply_text, "So, as I was saying:"], speaker.said
    assert speaker.said[3].endswith(ASKING)


def test_an_introduction_begun_over_the_opening_answers_it(tmp_path):
    """A candidate who starts introducing themselves at once (they read the line) is not asked again."""
    clock, engine, speaker, recorder, controller, updates = talked_over_at_once(
        tmp_path, "Hi, I'm Sam. I lead the ranking team at a marketplace, where I own the search model "
                  "and its training pipeline, and before that I worked on ads.")
    controller.end_answer()
    for _ in range(4):
        step(clock, speaker, controller, 0.5)
    assert "So, as I was saying:" not in speaker.said
    assert engine.current_phase.id == SCRIPT.phases[1].id
