"""Trial15 item 12: the status line after an ML breadth round's opening words invites "say hello
first if you like"; the hello met "Let's begin with training models." and then "So, as I was
saying:". The interviewer waits for a hello to end before the first question and says one back;
with no voice it goes on after the quiet window; a hello over the first line as it begins is
greeted back before that line in full. Fake clock and fakes."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_settings import OPENING_SILENCE_GOES_ON_AFTER, ControllerSettings
from interviewer.core.round_status import ControllerStatus
from interviewer.core.scripts.loader import parse_script
from interviewer.resources import bundled_scripts_dir

from test_round_controller import FakeRecorder, FakeSpeaker, FakeTranscriber, run_now, step

# Opening words that ask nothing: since trial 27 a bundled opening asks for an introduction
# (intro_question), so this round opts out of it as a script may.
SCRIPT = parse_script('intro_question = ""\n' + (bundled_scripts_dir() / "ml_breadth_applied.toml").read_text(),
                      bundled=True)
GREETING = ControllerSettings().greeting_reply_text
FIRST_PROMPT = SCRIPT.phases[1].prompt


def at_opening_words(tmp_path, speech_seconds=0.0):
    clock = FakeClock(1000.0)
    engine = RoundEngine(SCRIPT, clock)
    speaker, recorder = FakeSpeaker(clock, speech_seconds), FakeRecorder()
    controller = RoundController(engine, speaker, recorder, FakeTranscriber, tmp_path, run_in_background=run_now)
    controller.start()
    while controller.status != ControllerStatus.LISTENING:
        step(clock, speaker, controller, 0.5)
    assert speaker.said == [SCRIPT.phases[0].prompt]
    assert "say hello first" in controller.status_line
    return clock, engine, speaker, recorder, controller


def quiet(clock, speaker, controller, until, start=0.0):
    seconds = start
    while seconds < until - 1e-9:
        clock.advance(0.5)
        seconds += 0.5
        controller.on_silence(seconds)
        speaker.tick()
        controller.poll()


def test_a_hello_is_waited_for_and_greeted_back_before_the_first_question(tmp_path):
    clock, engine, speaker, recorder, controller = at_opening_words(tmp_path)
    quiet(clock, speaker, controller, 2.5)  # the candidate says hello 2.5 s after the opening words
    controller.on_silence(0)
    recorder.speak("Hi, thanks for having me. Happy to start!")
    wait = ControllerSettings().wrap_up_ends_answer_after  # the beat after a sentence that hands back
    quiet(clock, speaker, controller, wait - 0.5)
    assert speaker.said == [SCRIPT.phases[0].prompt], "not while the hello may go on"
    assert controller.status == ControllerStatus.LISTENING
    quiet(clock, speaker, controller, wait + 0.5, start=wait - 0.5)
    for _ in range(4):
        step(clock, speaker, controller, 0.5)
    assert speaker.said[1:3] == [GREETING, FIRST_PROMPT], speaker.said
    assert "So, as I was saying:" not in speaker.said


def test_with_no_voice_the_first_question_follows_after_the_quiet_window_with_no_greeting(tmp_path):
    clock, engine, speaker, recorder, controller = at_opening_words(tmp_path)
    quiet(clock, speaker, controller, OPENING_SILENCE_GOES_ON_AFTER - 0.5)
    assert speaker.said == [SCRIPT.phases[0].prompt]
    quiet(clock, speaker, controller, OPENING_SILENCE_GOES_ON_AFTER, start=OPENING_SILENCE_GOES_ON_AFTER - 0.5)
    step(clock, speaker, controller, 0.5)
    assert speaker.said[1] == FIRST_PROMPT and GREETING not in speaker.said


def test_a_hello_over_the_first_line_as_it_begins_is_greeted_back_before_that_line_again(tmp_path):
    clock, engine, speaker, recorder, controller = at_opening_words(tmp_path, speech_seconds=2.0)
    step(clock, speaker, controller, 2.0)  # the opening words said
    quiet(clock, speaker, controller, OPENING_SILENCE_GOES_ON_AFTER)
    assert speaker.said[-1] == FIRST_PROMPT and speaker.busy
    clock.advance(0.3)
    controller.on_voice()  # "Hi, thanks for having me." just as the line begins
    controller.poll()
    controller.on_silence(0)
    recorder.speak("Hi, thanks for having me.")
    quiet(clock, speaker, controller, 3.5)
    for _ in range(6):
        step(clock, speaker, controller, 0.5)
    i = speaker.said.index(GREETING)
    assert speaker.said[i + 1] == "So, as I was saying:", speaker.said


def test_a_hello_that_returned_the_greeting_is_not_greeted_again(tmp_path):
    """Trial 23: "Hi, nice to meet you too. I'm ready." met "Nice to meet you." (a second time)."""
    clock, engine, speaker, recorder, controller = at_opening_words(tmp_path)
    quiet(clock, speaker, controller, 2.0)
    controller.on_silence(0)
    recorder.speak("Hi, nice to meet you too. I'm ready.")
    wait = ControllerSettings().wrap_up_ends_answer_after
    quiet(clock, speaker, controller, wait + 0.5)
    for _ in range(4):
        step(clock, speaker, controller, 0.5)
    assert speaker.said[1:3] == [ControllerSettings().greeted_back_reply_text, FIRST_PROMPT], speaker.said
    assert GREETING not in speaker.said


def test_a_hello_over_the_first_line_that_returned_the_greeting_is_not_greeted_again(tmp_path):
    clock, engine, speaker, recorder, controller = at_opening_words(tmp_path, speech_seconds=2.0)
    step(clock, speaker, controller, 2.0)
    quiet(clock, speaker, controller, OPENING_SILENCE_GOES_ON_AFTER)
    assert speaker.said[-1] == FIRST_PROMPT and speaker.busy
    clock.advance(0.3)
    controller.on_voice()  # "Nice to meet you too." just as the line begins
    controller.poll()
    controller.on_silence(0)
    recorder.speak("Nice to meet you too.")
    quiet(clock, speaker, controller, 3.5)
    for _ in range(6):
        step(clock, speaker, controller, 0.5)
    assert GREETING not in speaker.said and "So, as I was saying:" in speaker.said, speaker.said
