import threading
import time
from pathlib import Path

import pytest

from engine_scripts import design_round, short_round
from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import (
    AnswerEnded, ListeningStarted, PartialTranscript, Problem, RoundFinished, Speaking, StatusChanged,
    TranscriptReady,
)
from interviewer.core.time_warnings import spoken_duration
from interviewer.core.transcript import Segment, Transcript

# ---------------------------------------------------------------- fakes


class FakeSpeaker:
    """Takes `seconds` of fake-clock time per utterance (0: done at once); refuses to overlap."""

    available = True

    def __init__(self, clock, seconds=0.0):
        self.clock, self.seconds = clock, seconds
        self.said: list[str] = []
        self.stopped = 0
        self._pending = None  # (done_at, on_done)

    def say(self, text, on_done=None):
        assert self._pending is None, f"asked to say {text!r} while still speaking"
        self.said.append(text)
        self._pending = (self.clock.now() + self.seconds, on_done)
        self.tick()

    def tick(self):
        if self._pending and self.clock.now() >= self._pending[0]:
            _, on_done = self._pending
            self._pending = None
            on_done and on_done()

    def stop(self):
        self.stopped += 1
        if self._pending:
            _, on_done = self._pending
            self._pending = None
            on_done and on_done()

    @property
    def busy(self):
        return self._pending is not None


class FakeRecorder:
    def __init__(self):
        self.path = None
        self.on_audio = None
        self.started: list[Path] = []

    def start(self, wav_path, on_audio=None, on_level=None, on_error=None):
        assert self.path is None, "recording twice at once"
        self.path, self.on_audio = Path(wav_path), on_audio
        self.path.write_bytes(b"RIFF")
        self.started.append(self.path)
        on_level and on_level(0.5)

    def speak(self, text):
        """The candidate talks: the 'audio' goes to the live transcriber like real chunks would."""
        assert self.path is not None, "talking into a microphone that is not recording"
        if self.on_audio:
            self.on_audio(text)

    def stop(self):
        path, self.path = self.path, None
        return path

    def close(self):
        pass


class FakeTranscriber:
    def __init__(self):
        self.fed: list[str] = []
        self.on_segment = None

    def feed(self, samples):
        self.fed.append(samples)
        if self.on_segment:
            self.on_segment(Segment(samples, 0.0, 1.0))

    def finish(self):
        text = " ".join(self.fed)
        return Transcript(segments=[Segment(text, 0.0, 1.0)] if text else [], duration=1.0)


def run_now(task):
    task()


def without_status(updates):
    return [u for u in updates if not isinstance(u, StatusChanged)]


def make(tmp_path, script=None, speech_seconds=0.0, settings=ControllerSettings(), **engine_args):
    clock = FakeClock(1000.0)
    engine = RoundEngine(script or design_round(), clock, **engine_args)
    speaker, recorder = FakeSpeaker(clock, speech_seconds), FakeRecorder()
    updates = []
    controller = RoundController(engine, speaker, recorder, FakeTranscriber, tmp_path, on_update=updates.append,
                                 settings=settings, run_in_background=run_now)
    return clock, engine, speaker, recorder, controller, updates


def step(clock, speaker, controller, seconds=0.25):
    clock.advance(seconds)
    speaker.tick()
    controller.poll()


def past_the_beat(clock, speaker, controller):
    """Past the beat after an acknowledgement (ACK_GRACE_S), where the next question waits in
    case the candidate goes on with the answer."""
    step(clock, speaker, controller, 1.0)


# ---------------------------------------------------------------- a whole round

ANSWERS = {
    ("feed", None): "I would optimize the click through rate",
    ("training", None): "we retrain weekly",
}


def test_whole_sixty_minute_round_with_fakes(tmp_path):
    began = time.perf_counter()
    # Time alone moves the phases here (move_on_early=False): the script's plan to the second.
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=5.0, move_on_early=False)
    controller.start()
    while not controller.finished:
        clock.advance(0.25)
        speaker.tick()
        answer = controller.current_answer
        # The candidate talks for a minute after each question, then presses the key.
        if answer and engine.elapsed() - answer.started_at >= 60:
            recorder.speak(ANSWERS.get((answer.question_id, answer.follow_up_id), "an answer"))
            controller.end_answer()
        controller.poll()
    took = time.perf_counter() - began

    said = [(u.kind, u.text, u.started_at, u.ended_at) for u in controller.utterances]
    assert said == [
        ("prompt", "Hi, thanks for joining. Tell me briefly about yourself.", 0, 5),
        ("phase_warning", "Two minutes left in this part.", 180, 185),
        ("prompt", "Let's start with the problem.", 300, 305),
        ("question", "Design a news feed ranking system.", 305, 310),
        ("acknowledgement", "Okay, thanks.", 370, 375),  # the answer was heard
        ("follow_up", "How many users are we serving?", 375.75, 380.75),  # a metric was named; a beat
        # after the acknowledgement (ACK_GRACE_S, 0.6 s, at the next 0.25 s poll) for a candidate who goes on
        ("phase_warning", "Two minutes left in this part.", 780, 785),
        ("prompt", "Walk me through the high-level design.", 900, 905),
        ("question", "Which features would you use?", 905, 910),
        ("acknowledgement", "Got it.", 970, 975),
        ("question", "How would you train and retrain the model?", 975.75, 980.75),
        ("acknowledgement", "Thank you.", 1040.75, 1045.75),
        ("follow_up", "How do you detect drift?", 1046.5, 1051.5),  # drift was never mentioned
        ("phase_warning", "Two minutes left in this part.", 2280, 2285),
        ("prompt", "Let's go deeper into serving.", 2400, 2405),
        ("changed_constraint", "Latency must now be under 50 ms. What changes?", 2405, 2410),
        ("acknowledgement", "Okay.", 2470, 2475),
        ("question", "How do you serve predictions?", 2475.75, 2480.75),
        ("phase_warning", "Two minutes left in this part.", 3180, 3185),
        ("round_warning", "Five minutes left in the round.", 3300, 3305),
        ("prompt", "Let's wrap up. Do you have questions for me?", 3305, 3310),
        ("phase_warning", "Two minutes left in this part.", 3480, 3485),
        ("closing", "That's time. Thank you, this is the end of the round.", 3600, 3600),
    ]
    assert speaker.said == [text for _, text, _, _ in said]

    answers = [(a.question_id, a.follow_up_id, a.phase, a.asked_at, a.started_at, a.ended_at, a.ended_by,
                a.continuation) for a in controller.answers]
    assert answers == [
        (None, None, "intro", None, 5, 65, "key", False),  # answering the phase prompt
        ("feed", None, "clarify", 305, 310, 370, "key", False),
        ("feed", "feed-scale", "clarify", 375.75, 380.75, 440.75, "key", False),
        ("features", None, "design", 905, 910, 970, "key", False),
        ("training", None, "design", 975.75, 980.75, 1040.75, "key", False),
        ("training", "training-drift", "design", 1046.5, 1051.5, 1111.5, "key", False),
        ("feed", "feed-latency", "deep", 2405, 2410, 2470, "key", False),
        ("serving", None, "deep", 2475.75, 2480.75, 2540.75, "key", False),
        # The wrap-up prompt asks its own thing: the answer to it is not filed under "serving"
        # (a new-user run found a closing summary reviewed under the previous question).
        (None, None, "wrap", None, 3310, 3370, "key", False),
    ]
    for answer in controller.answers:
        assert answer.wav_path == tmp_path / f"answer-{answer.index:03d}.wav" and answer.wav_path.exists()
        expected = ANSWERS.get((answer.question_id, answer.follow_up_id), "an answer")
        assert answer.transcript.text == expected
    assert recorder.started == [a.wav_path for a in controller.answers]
    assert controller.status == "finished" and isinstance(without_status(updates)[-1], RoundFinished)
    assert [u.answer for u in updates if isinstance(u, TranscriptReady)] == list(range(1, 10))
    # The injected clock, not real time, moves the round: an hour of round in far less than a
    # minute (typically ~0.2 s; the bound leaves room for a machine at load 10).
    assert took < 30.0, f"simulated round took {took:.3f} s"


def test_recording_starts_only_after_the_question_was_said(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=1000)
    controller.start()
    clock.set(1000 + 300)
    controller.poll()  # intro prompt still being said; clarify prompt queued behind it
    assert controller.status == "speaking" and recorder.path is None
    speaker.stop()  # the intro prompt ends
    controller.poll()
    assert speaker.said[-1] == "Let's start with the problem." and recorder.path is None
    speaker.stop()
    controller.poll()
    assert speaker.said[-1] == "Design a news feed ranking system." and recorder.path is None
    speaker.stop()
    controller.poll()
    assert controller.status == "listening" and recorder.path is not None
    assert [type(u) for u in updates if isinstance(u, ListeningStarted)] == [ListeningStarted]


def _at_feed_question(tmp_path, **kwargs):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, **kwargs)
    controller.start()
    clock.set(1300)
    controller.poll()
    controller.poll()
    assert controller.current_answer.question_id == "feed"
    return clock, engine, speaker, recorder, controller, updates


def test_time_up_mid_answer_ends_it_and_nothing_follows(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path)
    clock.set(1000 + 3590)
    controller.poll()
    controller.poll()
    assert controller.current_answer.phase == "wrap"
    clock.set(1000 + 3600)
    controller.poll()
    assert controller.answers[-1].ended_by == "time_up" and recorder.path is None
    assert controller.utterances[-1].kind == "closing" and controller.finished
    count = len(speaker.said)
    clock.advance(3600)
    controller.poll()
    assert not controller.end_answer() and not controller.repeat_question()
    assert len(speaker.said) == count and recorder.path is None


def test_stall_drops_stale_speech_and_asks_the_current_phase(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=2)
    controller.start()
    clock.advance(25 * 60)  # the machine was suspended
    speaker.tick()
    for _ in range(20):
        step(clock, speaker, controller, 1)
    kinds = [u.kind for u in controller.utterances]
    assert kinds == ["prompt", "prompt", "question"]
    assert speaker.said[1:] == ["Walk me through the high-level design.", "Which features would you use?"]
    assert controller.current_answer.question_id == "features"
    # The intro answer was cut by the phase change and never handed to the engine as finished.
    assert controller.answers[0].ended_by == "phase_end"


def test_warnings_long_past_after_a_stall_are_not_said(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path)
    controller.start()
    clock.set(1000 + 250)  # 70 s after the intro's two-minute warning was due
    controller.poll()
    assert "Two minutes left in this part." not in speaker.said
    assert any(type(u).__name__ == "PhaseEndingSoon" for u in updates)  # still shown to the UI
    clock.set(1000 + 785)  # 5 s late: still worth saying
    controller.poll()
    assert speaker.said[-1] == "Two minutes left in this part."


def test_phase_change_mid_answer_ends_it_without_follow_ups(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path)
    recorder.speak("no metric here")
    clock.set(1900)
    controller.poll()
    controller.poll()
    assert controller.answers[1].ended_by == "phase_end"
    assert controller.answers[1].transcript.text == "no metric here"
    assert [u.text for u in controller.utterances[-2:]] == [
        "Walk me through the high-level design.", "Which features would you use?"]


def test_follow_up_if_missing_is_driven_by_the_transcript(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path)
    recorder.speak("rank by engagement")
    controller.end_answer()
    controller.poll()
    past_the_beat(clock, speaker, controller)
    assert speaker.said[-1] == "Which metric would you optimize?"
    assert controller.current_answer.follow_up_id == "feed-metric"


def test_repeat_question_mid_answer_continues_the_same_answer(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path)
    recorder.speak("so rank by")
    clock.advance(10)
    assert controller.repeat_question()
    controller.poll()
    assert controller.utterances[-1].kind == "repeat"
    assert speaker.said[-1] == "Design a news feed ranking system."
    first, second = controller.answers[1:]
    assert first.ended_by == "repeat" and second.continuation and second.question_id == "feed"
    # The engine hears the whole answer: both parts together mention the metric.
    recorder.speak("click through rate")
    controller.end_answer()
    controller.poll()
    past_the_beat(clock, speaker, controller)
    assert speaker.said[-1] == "How many users are we serving?"


def test_continue_answer_while_waiting_for_the_next_phase(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path, move_on_early=False)
    recorder.speak("ctr")
    controller.end_answer()
    controller.poll()
    past_the_beat(clock, speaker, controller)  # the unconditional follow-up
    controller.end_answer()
    controller.poll()
    assert controller.status == "waiting"
    clock.advance(30)
    count = len(speaker.said)
    assert controller.continue_answer()
    assert controller.status == "listening" and len(speaker.said) == count  # nothing said again
    answer = controller.current_answer
    assert (answer.follow_up_id, answer.continuation, answer.started_at) == ("feed-scale", True, 331)
    assert not controller.continue_answer()  # already listening


def test_continue_answer_is_refused_while_the_interviewer_speaks(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=5)
    controller.start()
    assert controller.status == "speaking" and not controller.continue_answer()


def test_pause_stops_the_recording_and_the_clock_and_resume_continues_the_answer(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path)
    controller.pause()
    assert controller.status == "paused" and recorder.path is None
    assert controller.answers[-1].ended_by == "paused"
    clock.advance(30)
    controller.poll()
    assert recorder.path is None and engine.elapsed() == 300
    controller.resume()  # after a break, where the round stands first (test_welcome_back_after_a_pause.py)
    assert speaker.said[-1] == "Welcome back. We were on the requirements; you have about ten minutes left for it."
    controller.poll()
    assert controller.status == "listening"
    assert controller.answers[-1].continuation and controller.answers[-1].question_id == "feed"
    # Round time stood still: the pause is in no measure.
    assert controller.answers[-1].started_at == 300 and engine.timeline.pauses[0].seconds == 30


def test_after_resuming_mid_answer_the_status_says_to_go_on_not_to_start(tmp_path):
    """trial12, real app: after 38 s of answer, P and P again, the status read "Listening: take
    your time to think, then answer out loud.", as if nothing had been said yet."""
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path)
    controller.on_silence(0)
    recorder.speak("I would rank the posts by predicted engagement")
    controller.on_silence(0.5)
    controller.poll()
    controller.pause()
    controller.resume()
    assert controller.status == "listening"
    assert "answer out loud" not in controller.status_line
    assert "go on with your answer" in controller.status_line
    # Nothing said before the pause: nothing to go on with.
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path / "quiet")
    controller.pause()
    controller.resume()
    assert "go on with your answer" not in controller.status_line


def test_nothing_falls_due_while_paused_and_the_question_cut_off_is_said_again(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=5)
    controller.start()
    clock.advance(2)
    controller.poll()
    assert controller.pause()
    assert speaker.stopped == 1 and controller.utterances[-1].interrupted
    clock.advance(1300)  # the intro phase (5 minutes) would have ended long ago
    controller.poll()
    assert len(speaker.said) == 1 and engine.current_phase.id == "intro" and recorder.path is None
    controller.resume()
    assert speaker.said == [speaker.said[0]] * 2  # said again from the start
    step(clock, speaker, controller, 5)
    assert controller.status == "listening" and controller.current_answer.started_at == 7


def test_silence_nudges_then_ends_the_answer_once_the_candidate_spoke(tmp_path):
    settings = ControllerSettings(silence_ends_answer_after=8, silence_nudge_after=5)
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path, settings=settings)
    for seconds in (1, 3, 5, 6, 7):  # thinking before the first word
        clock.advance(1)
        controller.on_silence(seconds)
    controller.poll()
    assert speaker.said.count("Remember to think out loud.") == 1  # once per silence
    assert controller.status == "listening"  # silence before any speech never ends the answer
    clock.advance(60)  # a second nudge on the same question comes a minute after the first at the soonest
    controller.on_silence(20)
    controller.poll()
    assert controller.status == "listening"
    controller.on_silence(0)
    recorder.speak("the ctr")
    for seconds in (2, 5, 8):
        controller.on_silence(seconds)
    controller.poll()
    # The nudge was said at 5 s and was over by 8 s: from then on, 8 s more end the answer.
    assert controller.status == "listening"
    for seconds in (12, 16):
        controller.on_silence(seconds)
    controller.poll()
    answer = controller.answers[1]
    # Silent on 15 s after the first nudge, it offered a hint or to move on (trial 27) before they spoke.
    assert answer.ended_by == "silence" and len(answer.nudges) == 2
    assert answer.interjections == sorted([*answer.nudges, answer.help_offered_at])
    past_the_beat(clock, speaker, controller)
    assert speaker.said[-1] == "How many users are we serving?"


def test_silence_is_ignored_when_not_enabled(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path)
    controller.on_silence(0)
    controller.on_silence(120)
    controller.poll()
    assert controller.status == "listening" and "Remember to think out loud." not in speaker.said


def test_without_speech_engine_questions_are_shown_and_turns_still_work(tmp_path):
    clock = FakeClock()
    engine = RoundEngine(design_round(), clock)
    updates = []

    class Mute:
        available = False

        def say(self, text, on_done=None):
            raise AssertionError("must not be called")

    controller = RoundController(engine, Mute(), FakeRecorder(), None, tmp_path, on_update=updates.append)
    controller.start()
    clock.set(300)
    controller.poll()
    assert controller.current_answer.question_id == "feed"
    assert controller.current_answer.transcript is None
    controller.end_answer()
    controller.poll()
    # No transcript: the conditional follow-up is skipped, the unconditional one asked.
    assert controller.utterances[-1].text == "How many users are we serving?"


def test_microphone_failure_is_reported_and_the_round_goes_on(tmp_path):
    class BrokenRecorder(FakeRecorder):
        def start(self, *args, **kwargs):
            raise OSError("no input device")

    clock = FakeClock()
    engine = RoundEngine(design_round(), clock)
    updates = []
    controller = RoundController(engine, FakeSpeaker(clock), BrokenRecorder(), FakeTranscriber, tmp_path,
                                 on_update=updates.append, run_in_background=run_now)
    controller.start()
    controller.poll()
    assert [u.message for u in updates if isinstance(u, Problem)] == ["could not record: no input device"]
    assert controller.status == "listening" and controller.answers[0].wav_path is None
    # The status line does not ask for an answer out loud that nothing records (trial8).
    assert controller.status_line.startswith("Not recording: the microphone could not be opened")
    controller.end_answer()
    # The intro asks no question: once the candidate is done, the next part starts at once.
    assert controller.status == "speaking" and controller.utterances[-1].text == "Let's start with the problem."


def test_slow_transcript_times_out_and_arrives_later(tmp_path):
    clock = FakeClock()
    engine = RoundEngine(design_round(), clock)
    later = []
    controller = RoundController(engine, FakeSpeaker(clock), FakeRecorder(), FakeTranscriber, tmp_path,
                                 settings=ControllerSettings(transcript_timeout=10), run_in_background=later.append)
    controller.start()
    clock.set(300)
    controller.poll()
    controller.poll()
    controller.end_answer()
    clock.advance(9)
    controller.poll()
    assert controller.status == "thinking"
    clock.advance(1)
    controller.poll()
    assert controller.utterances[-1].text == "How many users are we serving?"
    for task in later:  # the transcripts finally arrive
        task()
    controller.poll()
    assert controller.answers[1].transcript_done


def test_callbacks_from_other_threads_are_applied_on_poll(tmp_path):
    class ThreadedSpeaker:
        available = True

        def __init__(self):
            self.said = []

        def say(self, text, on_done=None):
            self.said.append(text)
            threading.Thread(target=on_done).start()  # speech ends on another thread

        def stop(self):
            pass

    clock = FakeClock()
    engine = RoundEngine(design_round(), clock)
    speaker, recorder = ThreadedSpeaker(), FakeRecorder()
    updates = []
    controller = RoundController(engine, speaker, recorder, FakeTranscriber, tmp_path,
                                 on_update=lambda u: updates.append((threading.get_ident(), u)))
    controller.start()
    clock.set(300)

    def poll_until(condition):
        deadline = time.monotonic() + 5
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.005)
            clock.advance(0.005)  # the beat after an acknowledgement passes on the round's clock
            controller.poll()

    poll_until(lambda: controller.current_answer and controller.current_answer.question_id == "feed")
    partials = lambda: [u.segment.text for _, u in updates if isinstance(u, PartialTranscript)]  # noqa: E731
    recorder.speak("the ctr")  # the transcriber delivers a segment from its own thread...
    assert partials() == []  # ...which reaches the UI only through poll
    controller.poll()
    assert partials() == ["the ctr"]
    controller.end_answer()  # finish() runs on a real background thread
    poll_until(lambda: speaker.said[-1] == "How many users are we serving?")
    assert controller.answers[1].transcript.text == "the ctr"
    assert speaker.said[-1] == "How many users are we serving?"
    assert {thread for thread, _ in updates} == {threading.get_ident()}


def test_stop_ends_the_round_early_and_keeps_the_recording(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path)
    controller.stop()
    assert controller.finished and engine.state == "stopped"
    assert controller.answers[-1].ended_by == "stopped" and controller.answers[-1].wav_path.exists()
    assert isinstance(without_status(updates)[-1], RoundFinished)
    assert [u for u in updates if isinstance(u, AnswerEnded)][-1].ended_by == "stopped"


@pytest.mark.parametrize("seconds, words", [(300, "five minutes"), (120, "two minutes"), (60, "one minute"),
                                            (30, "thirty seconds"), (1800, "thirty minutes"),
                                            (45, "forty-five seconds"), (7200, "120 minutes")])
def test_spoken_durations(seconds, words):
    assert spoken_duration(seconds) == words


def test_a_line_that_ended_just_before_the_pause_is_not_said_again(tmp_path):
    """New-user trial: pause pressed as a part's prompt ended; after resume it was said (and
    logged) a second time. Its on_done was still queued when the key came."""
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=5)
    controller.start()
    first = speaker.said[0]
    clock.advance(5)
    speaker.tick()  # done: queued in the inbox, not applied yet (no poll)
    assert controller.pause()
    assert not any(u.interrupted for u in controller.utterances)
    controller.resume()
    step(clock, speaker, controller, 5)
    assert speaker.said.count(first) == 1


def test_a_line_playing_out_on_the_device_at_the_pause_counts_as_said(tmp_path):
    """All of the line is with the sound device (its last fraction of a second still plays):
    the pause neither cuts it nor repeats it after resume."""
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=5)
    controller.start()
    first = speaker.said[0]
    clock.advance(4.9)
    speaker.playing_out = True
    assert controller.pause()
    assert speaker.stopped == 0 and not controller.utterances[-1].interrupted
    speaker.playing_out = False
    speaker.tick(), clock.advance(1), speaker.tick()  # its on_done comes late: ignored
    controller.resume()
    step(clock, speaker, controller, 5)
    assert speaker.said.count(first) == 1
    assert [u.text for u in without_status(updates) if isinstance(u, Speaking)].count(first) == 1


def test_a_line_the_pause_cut_off_is_said_again_once_and_marked_as_a_repeat(tmp_path):
    clock, engine, speaker, recorder, controller, updates = make(tmp_path, speech_seconds=5)
    controller.start()
    first = speaker.said[0]
    clock.advance(2)
    controller.pause()
    controller.resume()
    step(clock, speaker, controller, 5)
    said = [u for u in updates if isinstance(u, Speaking) and u.text == first]
    assert speaker.said.count(first) == 2 and [u.again for u in said] == [False, True]
    step(clock, speaker, controller, 5)
    assert speaker.said.count(first) == 2
