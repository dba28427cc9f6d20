"""Trial 28 item 8: the silence steps came ~2.3 s late (nudge 14.3 s after the question's voice
ended, documented 12 s; move-on 10.3 s after the offer of help, documented 8 s). The speaker's
on_done comes after the device's buffer and the line's trailing silence play out; the silence
now counts from when the voice was heard to end (on_voice_end). Driven with the fake clock."""
from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_settings import ControllerSettings

from test_round_controller import FakeRecorder, FakeTranscriber, run_now
from test_trial27_silence_after_nudge import NUDGE, OFFER, breadth_round

PLAY_OUT = 2.3  # seconds from the voice's end to on_done, as measured in trial 28
LINE = 3.0  # seconds of voice per line


class LateDoneSpeaker:
    """Voice for LINE s, then on_done PLAY_OUT s later, having said when the voice ended."""

    available = True
    reports_voice_end = True

    def __init__(self, clock):
        self.clock, self.said, self._pending = clock, [], None
        self.voice_ended: dict[str, float] = {}  # each line's voice end, on the fake clock

    def say(self, text, on_done=None, on_voice_end=None):
        self.said.append(text)
        self.voice_ended[text] = self.clock.now() + LINE
        self._pending = (self.clock.now() + LINE + PLAY_OUT, on_done, on_voice_end)

    def tick(self):
        if self._pending and self.clock.now() >= self._pending[0]:
            done_at, on_done, on_voice_end = self._pending
            self._pending = None
            on_voice_end and on_voice_end(self.clock.now() - (done_at - PLAY_OUT))
            on_done and on_done()

    def stop(self):
        self._pending = None


def step(clock, speaker, controller, silence, dt=0.1):
    clock.advance(dt)
    controller.on_silence(silence)
    speaker.tick()
    controller.poll()


def test_the_silence_steps_count_from_the_end_of_the_interviewers_voice(tmp_path):
    clock = FakeClock(1000.0)
    speaker = LateDoneSpeaker(clock)
    engine = RoundEngine(breadth_round(), clock)
    controller = RoundController(engine, speaker, FakeRecorder(), FakeTranscriber,
                                 tmp_path, settings=ControllerSettings(silence_nudge_after=12),
                                 run_in_background=run_now)
    controller.start()
    while controller.current_answer is None or speaker._pending:
        clock.advance(0.1)
        speaker.tick()
        controller.poll()
    asked = controller.current_answer
    # The microphone hears no voice at all (headphones): its silence count runs on from 0.
    silence = 0.0
    while not asked.left_unanswered and clock.now() < 1100:
        silence += 0.1
        step(clock, speaker, controller, silence)
    ended = speaker.voice_ended
    nudge_at, offer_at = ended[NUDGE] - LINE, ended[OFFER] - LINE
    assert abs((nudge_at - ended[asked.question_text]) - 12) < 0.15, nudge_at - ended[asked.question_text]
    assert abs((offer_at - ended[NUDGE]) - 12) < 0.15, offer_at - ended[NUDGE]
    moved_on = asked.ended_at + clock.now() - engine.elapsed()  # round seconds to the clock's
    assert abs((moved_on - ended[OFFER]) - 8) < 0.15, moved_on - ended[OFFER]
