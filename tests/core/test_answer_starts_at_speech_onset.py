"""An answer that starts as the interviewer's line ends begins at the onset of speech already under
way (trial 35 D5: "Sure, I'm a machine learning engineer" heard as "I'm a machine learning
engineer": the recording started 0.12 s into "Sure"). The controller asks the recorder to look
back for it (core/answer_start.py), except with loudspeakers, where that sound is the
interviewer's own voice; the answer's audio then starts where the recorder says it does."""
import pytest
from interviewer.core.answer_start import SPEECH_LOOKBACK_S
from interviewer.core.round_settings import BARGE_IN_PREROLL_SECONDS, ControllerSettings

from test_round_controller import FakeRecorder, step
from test_round_turns import make


class LookBackRecorder(FakeRecorder):
    """A recorder that keeps what it heard (as adapters/microphone.py): it found the candidate
    0.27 s into a word when asked to look back."""
    keeps_preroll = True

    def __init__(self, found: float = 0.27):
        super().__init__()
        self.found = found
        self.asked: list[dict] = []
        self.preroll_kept = 0.0

    def start(self, wav_path, on_audio=None, on_level=None, on_error=None, **extra):
        self.asked.append(extra)
        self.preroll_kept = (extra.get("preroll_seconds", 0.0)
                             or (self.found if extra.get("speech_lookback_seconds") else 0.0))
        super().start(wav_path, on_audio, on_level, on_error)


def first_answer(tmp_path, settings):
    clock, engine, speaker, _, controller, updates = make(tmp_path, settings=settings)
    recorder = LookBackRecorder()
    controller.recorder = recorder
    controller.start()
    clock.set(1300)
    while controller.current_answer is None:
        step(clock, speaker, controller, 0.5)
    return controller, recorder


def test_an_answer_after_the_line_looks_back_for_speech_under_way(tmp_path):
    controller, recorder = first_answer(tmp_path, ControllerSettings())
    answer = controller.current_answer
    assert not answer.barged_in and answer.after_interviewer
    assert recorder.asked[-1] == {"speech_lookback_seconds": SPEECH_LOOKBACK_S}
    assert answer.recorded_before == 0.27
    assert answer.audio_starts_at() == answer.started_at - 0.27  # one number for its audio's start


def test_with_loudspeakers_it_does_not(tmp_path):
    controller, recorder = first_answer(tmp_path, ControllerSettings(barge_in=False))
    answer = controller.current_answer
    assert recorder.asked[-1] == {}
    assert answer.audio_starts_at() == answer.started_at


def test_a_barge_in_keeps_its_fixed_pre_roll(tmp_path):
    clock, engine, speaker, _, controller, updates = make(tmp_path, speech_seconds=6)
    recorder = LookBackRecorder()
    controller.recorder = recorder
    controller.start()
    clock.set(1300)
    controller.poll()
    speaker.stop()  # the intro prompt
    controller.poll()
    step(clock, speaker, controller, 6)
    step(clock, speaker, controller, 1)
    controller.on_voice()
    controller.poll()
    answer = controller.current_answer
    assert answer.barged_in
    assert recorder.asked[-1] == {"preroll_seconds": BARGE_IN_PREROLL_SECONDS}
    assert answer.audio_starts_at() == answer.started_at - BARGE_IN_PREROLL_SECONDS


def test_with_loudspeakers_what_was_said_over_the_line_is_recorded(tmp_path):
    """Trial 44 D7: with loudspeakers (talking does not interrupt) the introduction said over the
    opening line was lost but for "That's it.": the answer's recording began when the line
    ended. A voice heard over the line now makes the recording begin before that voice (the
    line's own echo in it is left out of the transcript: core/echo_filter)."""
    clock, engine, speaker, _, controller, updates = make(tmp_path, speech_seconds=6,
                                                          settings=ControllerSettings(barge_in=False))
    recorder = LookBackRecorder()
    controller.recorder = recorder
    controller.start()
    clock.set(1300)
    controller.poll()
    speaker.stop()  # the intro prompt
    controller.poll()
    step(clock, speaker, controller, 6)  # "Let's start with the problem." said
    assert speaker.said[-1] == "Design a news feed ranking system." and speaker.busy
    step(clock, speaker, controller, 2)
    voice_at = engine.elapsed()
    controller.on_voice()  # the candidate introduces themselves over it
    controller.poll()
    assert speaker.busy  # not interrupted (loudspeakers)
    while controller.current_answer is None:
        step(clock, speaker, controller, 0.5)
    answer = controller.current_answer
    assert not answer.barged_in
    assert answer.audio_starts_at() <= voice_at - 0.5
    assert recorder.asked[-1]["preroll_seconds"] == pytest.approx(answer.started_at - answer.audio_starts_at())
