"""Trial 44 D1 in the round controller: with loudspeakers the transcriber hears the
interviewer's own reply; those words are no part of the answer, show nowhere live and get no
reply (core/echo_filter), while the candidate's own words around them are kept."""
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import PartialTranscript
from interviewer.core.transcript import Segment, Transcript, Word

from engine_scripts import design_round
from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.round_controller import RoundController

from test_round_controller import FakeRecorder, FakeSpeaker, run_now, step
from test_round_turns import SegmentTranscriber

REPLY = "About two million orders a day. Does that help?"


class Answerer:
    def __init__(self):
        self.asked = []

    def reply(self, question):
        self.asked.append(question)
        return ("scale", REPLY) if len(self.asked) == 1 else (None, "Sure, go ahead.")


class WordTranscriber(SegmentTranscriber):
    """Each fed text is a segment of timed words (0.25 s each) ending when it is fed, in
    seconds from the start of the recording, as the live transcriber's are."""

    def feed(self, samples):
        self.fed.append(samples)
        end = self.clock.now() - self.origin
        texts = samples.split()
        words = tuple(Word(w, end - (len(texts) - i) * 0.25, end - (len(texts) - i - 1) * 0.25)
                      for i, w in enumerate(texts))
        segment = Segment(samples, words[0].start, end, words)
        self.segments.append(segment)
        if self.on_segment:
            self.on_segment(segment)

    def finish(self):
        return Transcript(segments=list(self.segments), duration=self.clock.now() - self.origin)

    def __init__(self):
        super().__init__()
        self.segments = []


def test_the_interviewers_reply_heard_through_loudspeakers_is_no_answer_and_gets_no_reply(tmp_path):
    clock = FakeClock(1000.0)
    engine = RoundEngine(design_round(), clock)
    speaker, recorder, updates, answerer = FakeSpeaker(clock, 4), FakeRecorder(), [], Answerer()
    controller = RoundController(engine, speaker, recorder, WordTranscriber.timed(clock), tmp_path,
                                 on_update=updates.append, settings=ControllerSettings(barge_in=False),
                                 run_in_background=run_now, answerer=lambda question_id: answerer)
    controller.start()
    clock.set(1300)
    while controller.current_answer is None or controller.current_answer.question_id != "feed":
        step(clock, speaker, controller, 0.5)
    answer_updates = len(updates)
    step(clock, speaker, controller, 1)
    controller.on_silence(0)
    recorder.speak("How many orders per day are we talking about?")
    controller.on_silence(0.8)
    controller.poll()
    assert speaker.said[-1] == REPLY and speaker.busy
    said = len(speaker.said)
    step(clock, speaker, controller, 2.5)
    recorder.speak(REPLY)  # the room: the microphone hears the reply as it is said
    step(clock, speaker, controller, 2)  # the reply is over
    controller.on_silence(3)
    step(clock, speaker, controller, 1)
    assert len(speaker.said) == said, speaker.said[said:]  # no reply to its own "Does that help?"
    recorder.speak("Okay, then I would start with the requirements.")
    controller.end_answer()
    controller.poll()
    text = controller.answers[-1].transcript.text
    assert text == "How many orders per day are we talking about? Okay, then I would start with the requirements."
    shown = [u.segment.text for u in updates[answer_updates:] if isinstance(u, PartialTranscript)]
    assert not any("million" in s for s in shown)
