"""RoundSession without Qt: silence from microphone levels ends an answer when enabled."""
from __future__ import annotations

import threading
import time

import pytest

from interviewer.core.clock import FakeClock
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.scripts.loader import discover_scripts
from interviewer.app.round_session import RoundSession, RoundSessionConfig
from interviewer.app.silence_tracker import SilenceTracker

from gui_fakes import FakeSpeaker


class HeldSpeaker(FakeSpeaker):
    """A line is being said until stop() (its on_done is held); with `first_only`, only the first
    line is, the others end at once."""

    def __init__(self, first_only: bool = False):
        super().__init__()
        self.first_only, self.held = first_only, None

    def say(self, text, on_done=None):
        if self.first_only and self.said:
            return super().say(text, on_done)
        self.said.append(text)
        self.held = on_done

    def stop(self):
        held, self.held = self.held, None
        held and held()


class LevelRecorder:
    """Reports speech-level audio for `speech_s`, then silence, from its own thread."""

    def __init__(self, speech_s: float = 0.3) -> None:
        self.speech_s = speech_s
        self._stop = threading.Event()
        self.on_error = None
        self.closed = False

    def start(self, wav_path, on_audio=None, on_level=None, on_error=None):
        self.path = wav_path
        self.on_error = on_error
        self._stop.clear()

        def run():
            t0 = time.monotonic()
            while not self._stop.is_set():
                on_level(-25.0 if time.monotonic() - t0 < self.speech_s else -70.0)
                time.sleep(0.02)

        threading.Thread(target=run, daemon=True).start()

    def stop(self):
        self._stop.set()
        return self.path

    def close(self):
        self.closed = True


def test_silence_tracker_counts_quiet_time():
    now = [0.0]
    reports = []
    tracker = SilenceTracker(reports.append, now=lambda: now[0])
    for t, level in ((0.0, -30), (0.5, -60), (1.0, -60), (1.5, -20), (2.0, -70)):
        now[0] = t
        tracker.level(level)
    assert reports == [0.0, 0.5, 0.0]  # a quiet block only starts a stretch: 0 would read as speech


def test_silence_ends_the_answer_when_enabled(tmp_path, script_dirs, isolated_dirs):
    script = discover_scripts(*script_dirs).by_id("test-design")
    config = RoundSessionConfig(controller=ControllerSettings(silence_ends_answer_after=0.5))
    session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=LevelRecorder(),
                           config=config)
    session.start()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not any(a.ended_by for a in session.controller.answers):
        session.poll()
        time.sleep(0.02)
    first = session.controller.answers[0]
    assert first.ended_by == "silence" and first.heard_speech
    session.stop()
    session.close()


def test_thinking_before_the_first_word_never_ends_the_answer(tmp_path, script_dirs, isolated_dirs):
    """A silent microphone from the start: the silence rule must not end the answer (it did after
    the end-after time, as 'No speech... check the microphone'); the thinking-time nudge may come."""
    script = discover_scripts(*script_dirs).by_id("test-design")
    config = RoundSessionConfig(controller=ControllerSettings(silence_ends_answer_after=0.3,
                                                              silence_nudge_after=0.6))
    session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=LevelRecorder(speech_s=0.0),
                           config=config)
    session.start()
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        session.poll()
        time.sleep(0.02)
    answers = session.controller.answers
    first = answers[0]
    # Silence ends it only as the second step after the nudge (trial 27): the offer of a hint or
    # to move on, then the move on; never on the end-after time alone.
    assert first.ended_by is None or (first.left_unanswered and first.help_offered_at is not None
                                      and first.nudges and first.nudges[0] <= first.help_offered_at), first
    assert not first.heard_speech
    assert first.nudges  # the silence was seen as thinking time, not as speech
    session.stop()
    session.close()


def test_closing_right_after_a_round_keeps_the_last_transcript(tmp_path, script_dirs, isolated_dirs):
    """The app quits while the last answer is still being transcribed: it is saved anyway."""
    from concurrent.futures import ThreadPoolExecutor

    from gui_fakes import FakeRecorder, transcript_of
    from interviewer.storage import Store

    class SlowTranscriber:
        on_segment = None

        def feed(self, samples):
            pass

        def finish(self):
            time.sleep(0.5)
            return transcript_of("Um, what is the latency target?")

    store = Store.open(tmp_path / "data")
    pool = ThreadPoolExecutor(4)
    script = discover_scripts(*script_dirs).by_id("test-design")
    session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=FakeRecorder(),
                           transcriber_factory=SlowTranscriber, store=store,
                           run_in_background=pool.submit, post=lambda fn: None)
    session.start()
    deadline = time.monotonic() + 5
    while session.controller.status != "listening" and time.monotonic() < deadline:
        session.poll()
        time.sleep(0.01)
    session.controller.end_answer()
    session.stop()  # the user quits now
    session.close()
    answer = store.get_session(session.session_id).answers[0]
    assert answer.transcript is not None and "latency" in answer.transcript.text
    assert answer.analysis is not None
    pool.shutdown()
    store.close()


def test_without_a_database_recordings_still_stay_in_the_data_folder(script_dirs, isolated_dirs):
    from gui_fakes import FakeRecorder

    data, _ = isolated_dirs
    recorder = FakeRecorder()
    script = discover_scripts(*script_dirs).by_id("test-design")
    session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=recorder, store=None)
    session.start()
    deadline = time.monotonic() + 5
    while not recorder.paths and time.monotonic() < deadline:
        session.poll()
        time.sleep(0.01)
    session.stop()
    session.close()
    assert recorder.paths and data in recorder.paths[0].parents


def _one_answer_round(store, script, answer_text, clock=None, speaker=None, with_session=False):
    """Runs a round with one answer, threads as in the app, then ends it early."""
    from concurrent.futures import ThreadPoolExecutor

    from gui_fakes import FakeRecorder, FakeTranscriber

    pool = ThreadPoolExecutor(4)
    session = RoundSession(script, clock or FakeClock(), speaker=speaker or FakeSpeaker(), recorder=FakeRecorder(),
                           transcriber_factory=lambda: FakeTranscriber(answer_text), store=store,
                           run_in_background=pool.submit, post=lambda fn: fn())
    session.start()
    deadline = time.monotonic() + 5
    while session.controller.status != "listening" and time.monotonic() < deadline:
        session.poll()
        time.sleep(0.01)
    session.controller.end_answer()
    session.stop()
    session.close()
    pool.shutdown()
    stored = store.get_session(session.session_id)
    return (session, stored) if with_session else stored


def test_round_end_flags_a_clarifying_phase_without_questions(tmp_path, script_dirs, isolated_dirs):
    from interviewer.storage import Store

    store = Store.open(tmp_path / "data")
    script = discover_scripts(*script_dirs).by_id("test-design")
    silent = _one_answer_round(store, script, "I would start with a logistic regression baseline.")
    asked = _one_answer_round(store, script, "How many requests per second do we expect?")
    store.close()
    def round_level(session):  # findings about the round, not about one answer
        return [f.kind for f in session.findings if f.answer_id is None]

    assert round_level(silent).count("no_clarifying_questions") == 1
    assert "no_clarifying_questions" not in round_level(asked)
    assert "no_clarifying_questions" not in [f.kind for f in asked.findings]


class ClosableRecorder(LevelRecorder):
    """Records like a microphone that can fail mid-answer and be closed."""

    def __init__(self) -> None:
        super().__init__(speech_s=10.0)


def test_a_microphone_failing_mid_answer_is_reported_and_released_at_round_end(tmp_path, script_dirs,
                                                                               isolated_dirs):
    recorder = ClosableRecorder()
    problems = []
    script = discover_scripts(*script_dirs).by_id("test-design")
    session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=recorder, store=None,
                           on_problem=problems.append)
    session.start()
    deadline = time.monotonic() + 5
    while session.controller.status != "listening" and time.monotonic() < deadline:
        session.poll()
        time.sleep(0.01)
    assert recorder.on_error is not None
    recorder.on_error(RuntimeError("device unplugged"))
    assert any("device unplugged" in p for p in problems)
    assert not recorder.closed
    session.stop()
    session.close()
    assert recorder.closed


def test_the_script_side_and_the_question_are_encoded_off_the_gui_thread(tmp_path, script_dirs, isolated_dirs):
    """Building the clarifying answerer encoded every topic, keyword list and fact of the script
    on the GUI thread at the first question (290 ms measured with the sentence-embedding model
    by benchmarks/gui_responsiveness.py); the session encodes them in the background at start.
    The candidate's question is then matched on the transcript's thread as its segment arrives
    (~50 ms of CPU, more under load), so the GUI thread's reply encodes nothing."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
    from test_round_turns import ThreadRecordingEncoder

    from gui_fakes import FakeRecorder, FakeTranscriber, transcript_of

    class TranscriberOnItsOwnThread(FakeTranscriber):
        """Delivers its segments from another thread, as the live transcriber's reader does."""

        def __init__(self, text):
            super().__init__(text)
            self._transcript = transcript_of(text, start=2.5)  # said just before the voice stops, 4 s in

        def feed(self, samples):
            delivering = threading.Thread(target=FakeTranscriber.feed, args=(self, samples))
            delivering.start()
            delivering.join(5)

    encoder = ThreadRecordingEncoder()
    jobs = []

    def in_a_thread(task):
        jobs.append(threading.Thread(target=task))
        jobs[-1].start()

    from gui_scripts import SYSTEM_DESIGN_TOML

    question = "What is the latency budget?"
    folder = tmp_path / "scripts"
    folder.mkdir()
    (folder / "design.toml").write_text(SYSTEM_DESIGN_TOML.replace(
        'clarifying_topics = ["latency", "scale"]\n',
        'clarifying_topics = ["latency", "scale"]\n\n[questions.facts]\n'
        'latency = "Assume two hundred milliseconds."\nscale = "About fifty million daily users."\n', 1))
    script = discover_scripts(folder, tmp_path / "none").by_id("test-design")
    clock = FakeClock()
    session = RoundSession(script, clock, speaker=FakeSpeaker(), recorder=FakeRecorder(),
                           transcriber_factory=lambda: TranscriberOnItsOwnThread(question),
                           run_in_background=in_a_thread,
                           post=lambda fn: fn(), text_encoder=encoder)
    controller = session.controller
    session.start()
    deadline = time.monotonic() + 5
    while controller.status != "listening" and time.monotonic() < deadline:
        session.poll()
        time.sleep(0.01)
    for job in list(jobs):
        job.join(5)
    clock.advance(4)
    controller.on_silence(0.0)
    controller.on_silence(1.0)
    session.poll()
    assert len(controller.current_answer.clarifications) == 1, "the question was answered"
    on_gui_thread = [text for thread, texts in encoder.calls if thread is threading.main_thread() for text in texts]
    assert on_gui_thread == [], encoder.calls
    assert any(question in texts for _, texts in encoder.calls), "the question was encoded, off the GUI thread"
    session.stop()
    session.close()


def test_the_interviewers_replies_during_an_answer_are_given_to_its_analysis_in_audio_seconds():
    """What the interviewer said answering a clarifying question, in the recording's own clock,
    so the analysis does not count it as the candidate's silence (a new-user run)."""
    from pathlib import Path

    from interviewer.app.live_clarifications import reply_spans
    from interviewer.core.round_records import AnswerRecord, Utterance, UtteranceKind

    record = AnswerRecord(3, "feed", None, "Design a feed.", "clarify", 95.0, 100.0, Path("a.wav"), ended_at=160.0)
    said = [Utterance("Design a feed.", UtteranceKind.QUESTION, 95.0, 100.0),
            Utterance("About a million a day.", UtteranceKind.CLARIFICATION, 112.5, 117.0),
            Utterance("Remember to think out loud.", UtteranceKind.NUDGE, 130.0, 132.0),
            Utterance("Assume fifty milliseconds.", UtteranceKind.CLARIFICATION, 158.0, None),  # still speaking
            Utterance("Later.", UtteranceKind.CLARIFICATION, 170.0, 171.0)]
    assert reply_spans(said, record) == [(12.5, 17.0), (58.0, 60.0)]


def test_a_question_said_after_the_phase_prompt_is_stored_as_asked_when_it_was_said(tmp_path, script_dirs,
                                                                                   isolated_dirs):
    """A trial's phone screen: the prompt ('Let's start with a coding problem...') took 21 s, then
    the question was read; the stored answer said it was asked when the prompt began, so the
    review and the exports showed '[00:59] Q: Given the list of search queries...' for a question
    said at 01:20."""
    from interviewer.storage import Store

    clock = FakeClock()

    class SlowSpeaker(FakeSpeaker):
        def say(self, text, on_done=None):
            clock.advance(0.4 * len(text.split()))  # it takes time to say
            super().say(text, on_done)

    bundled, user = script_dirs
    script = next(s for s in discover_scripts(bundled, user).scripts if s.id == "test-design")
    with Store.open(tmp_path / "data") as store:
        session, stored = _one_answer_round(store, script, "I would rank by predicted clicks.", clock=clock,
                                            speaker=SlowSpeaker(), with_session=True)
    said = next(u for u in session.controller.utterances if u.kind == "question")
    (answer,) = [a for a in stored.answers if a.question_id == "feed"]
    assert said.started_at > 3.0  # after the prompt
    assert answer.asked_at == said.started_at


def test_the_candidates_questions_at_the_wrap_up_are_answered_and_stored_as_no_clarifying_questions(
        tmp_path, script_dirs, isolated_dirs):
    """A new-user trial: "Any questions for me?" then two questions of the candidate's, no reply,
    and the round counted them as clarifying questions. Here the wrap-up's changed constraint is
    answered, the interviewer hands the floor over, the candidate asks, the interviewer replies;
    the stored answer keeps its phase and its analysis counts no clarifying question."""
    from concurrent.futures import ThreadPoolExecutor

    from gui_fakes import FakeRecorder, FakeTranscriber
    from interviewer.app.interviewer_answers import bundled_answers
    from interviewer.core.candidate_questions import DEFAULT_REPLIES

    typical = next(a for a in bundled_answers() if a.name.startswith("what a typical day"))
    from interviewer.storage import Store
    from interviewer.storage.progress import round_summary

    texts = iter(["How many users are there?", "I would rank posts by predicted clicks.",  # one per recording
                  "I would serve it online with a cache.", "The cache keeps the latency under fifty.",
                  "What does the team work on day to day?", "Thanks, that's all."])
    pool = ThreadPoolExecutor(4)
    script = discover_scripts(*script_dirs).by_id("test-design")
    speaker = FakeSpeaker()
    with Store.open(tmp_path / "data") as store:
        session = RoundSession(script, FakeClock(), speaker=speaker, recorder=FakeRecorder(),
                               transcriber_factory=lambda: FakeTranscriber(next(texts)), store=store,
                               run_in_background=pool.submit, post=lambda fn: fn())
        controller = session.controller

        def answer_when_listening():
            deadline = time.monotonic() + 5
            while controller.status != "listening" and time.monotonic() < deadline:
                session.poll()
                time.sleep(0.01)
            assert controller.status == "listening"
            controller.end_answer()
            deadline = time.monotonic() + 5
            while controller.status == "thinking" and time.monotonic() < deadline:
                session.poll()
                time.sleep(0.01)

        session.start()
        answer_when_listening()  # the clarifying question is answered; the answer goes on
        controller.next_part()  # after "I would rank posts..."
        answer_when_listening()  # the design: its part is done, the wrap-up starts
        answer_when_listening()  # the wrap-up's changed constraint; then the floor is the candidate's
        assert controller.current_answer is None or controller.current_answer.question_id is None
        answer_when_listening()  # "What does the team work on day to day?": replied to, the answer goes on
        # The interviewer's brief answer about a typical week (assets/interviewer_answers.toml,
        # trial 32), not a canned reply.
        assert speaker.said[-1].startswith(typical.reply) and speaker.said[-1] not in DEFAULT_REPLIES, speaker.said[-3:]
        answer_when_listening()
        session.stop()
        session.close()
        pool.shutdown()
        stored = store.get_session(session.session_id)
        numbers = round_summary(stored, script)
    wrap = [a for a in stored.answers if a.phase_id == "wrap" and not a.question_id]
    assert wrap and all(not a.analysis["clarifying_questions"] for a in wrap)
    assert [q["text"] for a in wrap for q in a.analysis.get("questions_for_interviewer", [])] == \
        ["What does the team work on day to day?"]
    # The exchange is kept for the review, about no clarifying topic.
    assert [(c.topic, c.reply.startswith(typical.reply)) for a in wrap for c in a.clarifications] == [(None, True)]
    assert numbers.clarifying_asked == 1  # "How many users are there?" only


def test_parts_the_interviewer_ended_early_are_not_called_short(tmp_path, script_dirs, isolated_dirs):
    """New-user trial 7: questions done within minutes, the review listed every earlier part as
    "Phase short" for cuts the interviewer made itself. The candidate's questions keep their 5
    minutes and the round ends with them."""
    from concurrent.futures import ThreadPoolExecutor

    from gui_fakes import FakeRecorder, FakeTranscriber
    from interviewer.storage import Store

    store = Store.open(tmp_path / "data")
    script = discover_scripts(*script_dirs).by_id("test-behavioral")  # 5 + 50 + 5 minutes
    clock = FakeClock()
    pool = ThreadPoolExecutor(2)
    session = RoundSession(script, clock, speaker=FakeSpeaker(), recorder=FakeRecorder(),
                           transcriber_factory=lambda: FakeTranscriber("I led the migration myself."),
                           store=store, run_in_background=pool.submit, post=lambda fn: fn())
    session.start()
    deadline = time.monotonic() + 10
    while not session.controller.finished and time.monotonic() < deadline:
        clock.advance(1.0)
        session.poll()
        phase = session.engine.current_phase
        if session.controller.status == "listening" and phase is not None and phase.id != "questions":
            session.controller.end_answer()
        time.sleep(0.002)
    assert session.controller.finished
    spans = session.engine.timeline.phases
    assert spans[-1].phase == "questions" and spans[-1].ended_at - spans[-1].started_at == 300
    session.close()
    pool.shutdown()
    stored = store.get_session(session.session_id)
    store.close()
    kinds = [f.kind for f in stored.findings if f.answer_id is None]
    assert "phase_under" not in kinds and "phase_over" not in kinds, kinds


@pytest.mark.parametrize("checked, barge_in, headphones", [(True, True, True), (False, True, False),
                                                           (True, False, False)],
                         ids=["headphones-checked", "setup-unknown", "loudspeakers"])
def test_the_voice_detector_assumes_no_echo_only_when_the_check_found_headphones_and_an_unknown_setup_is_checked_on_the_round(
        script_dirs, isolated_dirs, checked, barge_in, headphones):
    """The echo-aware detector hears a candidate who talks from the interviewer's first word at
    once only if it may assume headphones (adapters/voice.py); unknown or loudspeakers: it may not."""
    from gui_fakes import FakeRecorder

    class RoundRecorder(FakeRecorder):
        def start_round(self, path, on_block=None):
            self.on_block = on_block

        def stop_round(self):
            pass

    script = discover_scripts(*script_dirs).by_id("test-design")
    recorder = RoundRecorder()
    session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=recorder,
                           config=RoundSessionConfig(controller=ControllerSettings(
                               barge_in=barge_in, speakers_checked=checked)))
    session.start()
    try:
        assert session.voice is not None and session.voice.headphones is headphones
        # Only a setup nobody checked is checked on the round itself (adapters/voice.py EchoWatch).
        assert (session.echo_watch is not None) == (not checked and barge_in)
        if session.echo_watch is not None:
            session.echo_watch._on_loudspeakers()  # what it calls when it hears the interviewer
            session.poll()
            assert not session.controller.settings.barge_in and "loudspeakers" in session.problems[-1]
        else:
            assert recorder.on_block == session.voice.process
    finally:
        session.stop()
        session.close()


def test_a_write_asked_for_after_the_writer_closed_still_runs():
    """The round's finishing, itself a queued write, queues the "saved" after it; when the
    writer was closed meanwhile that second write sat behind the end marker and never ran."""
    from interviewer.app.serial_writer import SerialWriter

    writer, ran = SerialWriter(), []
    writer.submit(lambda: writer.submit(lambda: ran.append("saved")))  # as finish() does
    assert writer.close(5)
    writer.submit(lambda: ran.append("after close"))
    assert ran == ["saved", "after close"]


def test_a_reply_mid_answer_rearms_the_voice_detector(script_dirs, isolated_dirs):
    """Trial 12: a reply that starts within the detector's 0.6 s release of the candidate's last
    word must still be interrupted when they go on: as it starts, their voice counts as new."""
    from gui_fakes import FakeRecorder
    from interviewer.core.round_records import UtteranceKind
    from interviewer.core.round_updates import Speaking

    class RoundRecorder(FakeRecorder):
        def start_round(self, path, on_block=None):
            self.on_block = on_block

        def stop_round(self):
            pass

    script = discover_scripts(*script_dirs).by_id("test-design")
    session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=RoundRecorder(),
                           config=RoundSessionConfig(controller=ControllerSettings(barge_in=True, speakers_checked=True)))
    session.start()
    try:
        session.voice.active = True  # the candidate's voice, paused for 0.5 s
        session._handle(Speaking("Next question.", UtteranceKind.QUESTION, 1.0))
        assert session.voice.active
        session._handle(Speaking("About two thousand a second.", UtteranceKind.CLARIFICATION, 2.0))
        assert not session.voice.active
    finally:
        session.stop()
        session.close()


class _NoOutputDevice(FakeSpeaker):
    """Plays nothing: each utterance ends at once with the error the real speaker logs."""

    def say(self, text, on_done=None):
        self.last_error = "Error querying device -1"
        super().say(text, on_done)


def test_a_voice_that_cannot_be_played_is_told_once(tmp_path, script_dirs, isolated_dirs):
    """Trial8: with no output device the round went on in silence, the failure only in the log."""
    script = discover_scripts(*script_dirs).by_id("test-design")
    problems = []
    session = RoundSession(script, FakeClock(), speaker=_NoOutputDevice(), recorder=LevelRecorder(),
                           on_problem=problems.append)
    session.start()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and len(session.controller.utterances) < 2:
        session.poll()
        time.sleep(0.02)
        if session.controller.status == "listening":
            session.controller.end_answer()
    assert len(session.controller.utterances) >= 2
    played = [p for p in problems if "voice could not be played" in p]
    assert played == ["The interviewer's voice could not be played (Error querying device -1): the questions "
                      "are shown as text. Check the speakers or headphones, and the speaker chosen in Settings."]
    session.stop()
    session.close()



def _slow_to_open_round(script_dirs):
    """A round whose microphone hears nothing until the returned event is set; its posts to the
    GUI thread are kept in the returned list to run by hand."""
    import threading

    from gui_fakes import FakeRecorder

    flowing = threading.Event()

    class SlowToOpen(FakeRecorder):
        def start_round(self, path, on_block=None):
            self.on_block = on_block

        def wait_for_audio(self, timeout=5.0):
            return flowing.wait(timeout)

        def stop_round(self):
            pass

    posted = []
    script = discover_scripts(*script_dirs).by_id("test-design")
    session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=SlowToOpen(), post=posted.append)
    return session, flowing, posted


def _run_posted(posted):
    deadline = time.monotonic() + 5
    while not posted and time.monotonic() < deadline:
        time.sleep(0.01)
    for job in list(posted):
        job()  # on the GUI thread


def test_the_round_starts_once_the_microphone_hears_without_holding_the_gui_thread(script_dirs, isolated_dirs):
    """Trial10: Start round froze the window 1.0-2.2 s while PulseAudio opened the microphone (the
    round recording waited for its first block on the GUI thread). The interviewer still starts
    only once audio flows (its first words belong in the round recording), off that thread."""
    session, flowing, posted = _slow_to_open_round(script_dirs)
    started = time.monotonic()
    session.start()
    try:
        assert time.monotonic() - started < 0.5
        assert not session.controller.started and session.controller.status == "starting"
        flowing.set()
        _run_posted(posted)
        assert session.controller.started
    finally:
        session.stop()
        session.close()


def test_a_round_ended_before_the_microphone_hears_does_not_start(script_dirs, isolated_dirs):
    session, flowing, posted = _slow_to_open_round(script_dirs)
    session.start()
    session.stop()  # End round at once
    flowing.set()
    _run_posted(posted)
    assert session.controller.finished and not session.controller.started
    session.close()


def test_typing_in_the_scratchpad_keeps_the_answer_open(tmp_path, script_dirs, isolated_dirs):
    """Trial13, a coding round: "Moving on in 4 s" while the candidate typed code. Typing is
    working: silence ends the answer only once the typing stops."""
    script = discover_scripts(*script_dirs).by_id("test-design")
    config = RoundSessionConfig(controller=ControllerSettings(silence_ends_answer_after=0.5))
    session = RoundSession(script, FakeClock(), speaker=FakeSpeaker(), recorder=LevelRecorder(speech_s=0.3),
                           config=config)
    session.start()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not (session.controller.current_answer is not None
                                               and session.controller.current_answer.heard_speech):
        session.poll()
        time.sleep(0.02)
    answer = session.controller.current_answer
    time.sleep(0.35)  # past the speech: silence from here
    typing_until = time.monotonic() + 1.5
    while time.monotonic() < typing_until:  # three times the silence that ends an answer
        session.typing()
        session.poll()
        time.sleep(0.05)
    assert answer.ended_by is None
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and answer.ended_by is None:
        session.poll()
        time.sleep(0.02)
    assert answer.ended_by == "silence"
    session.stop()
    session.close()


def test_a_line_the_pause_cut_off_is_logged_once(tmp_path, script_dirs, isolated_dirs):
    """New-user trial: after pause and resume the part's prompt stood twice in the exports'
    interviewer lines. Said again in full after resume, it is kept once, where it began."""
    from interviewer.storage import Store

    script = discover_scripts(*script_dirs).by_id("test-design")
    speaker = HeldSpeaker(first_only=True)
    with Store.open(tmp_path / "data") as store:
        session = RoundSession(script, FakeClock(), speaker=speaker, recorder=LevelRecorder(speech_s=0.0),
                               store=store, post=lambda fn: fn())
        session.start()
        deadline = time.monotonic() + 5
        while not speaker.said and time.monotonic() < deadline:
            session.poll()
            time.sleep(0.01)
        assert session.controller.pause() and session.controller.resume()
        while speaker.said.count(speaker.said[0]) < 2 and time.monotonic() < deadline:
            session.poll()
            time.sleep(0.01)
        session.set_scratchpad("notes")  # a round with nothing said or typed is not kept (test_silent_round_not_kept)
        session.stop()
        session.close()
        lines = [line.text for line in store.get_session(session.session_id).lines]
    assert speaker.said.count(speaker.said[0]) == 2
    assert lines.count(speaker.said[0]) == 1


def test_a_line_the_candidate_talked_over_is_logged_cut_off_and_the_question_asked_again_as_said(
        tmp_path, script_dirs, isolated_dirs):
    """Trial 14: the hello began as "Here's the problem..." did; the exports showed the prompt
    and the problem as said, and the hello as the problem's answer. The prompt now reads cut
    off, the hello answers no question, and the problem said after it is logged as said."""
    from interviewer.core.round_records import cut_off_text
    from interviewer.storage import Store

    script = discover_scripts(*script_dirs).by_id("test-design")
    speaker = HeldSpeaker()
    with Store.open(tmp_path / "data") as store:
        session = RoundSession(script, FakeClock(), speaker=speaker, recorder=LevelRecorder(speech_s=0.0),
                               store=store, post=lambda fn: fn())
        session.start()
        deadline = time.monotonic() + 5
        while not speaker.said and time.monotonic() < deadline:
            session.poll()
            time.sleep(0.01)
        prompt = speaker.said[0]
        session.controller.on_voice()  # the hello
        session.poll()
        assert session.controller.current_answer.question_id is None
        session.controller.end_answer()
        while len(speaker.said) < 3 and time.monotonic() < deadline:
            session.poll()
            if speaker.held and speaker.said[-1] == ControllerSettings().reask_lead_in:
                speaker.stop()  # said to its end
            time.sleep(0.01)
        question = speaker.said[-1]
        assert question == session.controller.utterances[-1].text and not session.controller.utterances[-1].interrupted
        session.stop()
        session.close()
        stored = store.get_session(session.session_id)
    lines = [line.text for line in stored.lines]
    assert lines[:3] == [cut_off_text(prompt), ControllerSettings().reask_lead_in, question]
    assert [a.question_id or None for a in stored.answers][:1] == [None], "the hello answers no question"


def test_when_the_interviewer_replied_during_an_answer_is_stored_with_its_analysis(tmp_path, script_dirs,
                                                                                   isolated_dirs):
    """Measured live, the spans are stored with the answer: analysing the round again
    (app/backfill.reanalyse) reads them rather than estimating them from the reply's words."""
    from concurrent.futures import ThreadPoolExecutor

    from gui_fakes import FakeRecorder, FakeTranscriber
    from interviewer.app.backfill import INTERVIEWER_SPEECH_KEY
    from interviewer.core.round_records import Utterance, UtteranceKind
    from interviewer.storage import Store

    pool = ThreadPoolExecutor(4)
    script = discover_scripts(*script_dirs).by_id("test-design")
    clock = FakeClock()
    with Store.open(tmp_path / "data") as store:
        session = RoundSession(script, clock, speaker=FakeSpeaker(), recorder=FakeRecorder(),
                               transcriber_factory=lambda: FakeTranscriber("How many users are there? I see."),
                               store=store, run_in_background=pool.submit, post=lambda fn: fn())
        controller = session.controller
        session.start()
        deadline = time.monotonic() + 5
        while controller.status != "listening" and time.monotonic() < deadline:
            session.poll()
            time.sleep(0.01)
        started = clock.now()
        clock.advance(3.0)  # the candidate asks; the interviewer replies for 2.5 s, mid-answer
        controller.utterances.append(Utterance("About a million a day.", UtteranceKind.CLARIFICATION,
                                               started_at=started + 3.0, ended_at=started + 5.5))
        clock.advance(4.0)
        controller.end_answer()
        deadline = time.monotonic() + 5
        while controller.status == "thinking" and time.monotonic() < deadline:
            session.poll()
            time.sleep(0.01)
        session.stop()
        session.close()
        pool.shutdown()
        stored = store.get_session(session.session_id)
    spans = stored.answers[0].analysis[INTERVIEWER_SPEECH_KEY]
    assert len(spans) == 1 and abs((spans[0][1] - spans[0][0]) - 2.5) < 1e-6


def test_the_lines_said_to_a_silence_are_stored_with_the_answer(tmp_path, script_dirs, isolated_dirs):
    """Trial 48: the check-in and "Sure, take your time." said during an answer are stored with
    its analysis as lines said to the candidate's silence (the review measures the silence either
    side of them as the candidate's), and the silence they split is no "went silent"."""
    from concurrent.futures import ThreadPoolExecutor

    from gui_fakes import FakeRecorder, FakeTranscriber
    from interviewer.app.backfill import SILENCE_LINES_KEY
    from interviewer.core.analysis.pauses import GRANTED_LINE, PROMPT_LINE
    from interviewer.core.interview_requests import THINKING_TIME_REPLY
    from interviewer.core.round_records import Utterance, UtteranceKind
    from interviewer.storage import Store

    pool = ThreadPoolExecutor(4)
    script = discover_scripts(*script_dirs).by_id("test-design")
    clock = FakeClock()
    with Store.open(tmp_path / "data") as store:
        session = RoundSession(script, clock, speaker=FakeSpeaker(), recorder=FakeRecorder(),
                               transcriber_factory=lambda: FakeTranscriber("The data comes from the logs, and"),
                               store=store, run_in_background=pool.submit, post=lambda fn: fn())
        controller = session.controller
        session.start()
        deadline = time.monotonic() + 5
        while controller.status != "listening" and time.monotonic() < deadline:
            session.poll()
            time.sleep(0.01)
        started = clock.now()
        clock.advance(12.0)
        controller.utterances.append(Utterance("Take your time. Shall I move on?", UtteranceKind.NUDGE,
                                               started_at=started + 9.0, ended_at=started + 11.0))
        controller.utterances.append(Utterance(THINKING_TIME_REPLY, UtteranceKind.CLARIFICATION,
                                               started_at=started + 14.0, ended_at=started + 15.5))
        clock.advance(8.0)
        controller.end_answer()
        deadline = time.monotonic() + 5
        while controller.status == "thinking" and time.monotonic() < deadline:
            session.poll()
            time.sleep(0.01)
        session.stop()
        session.close()
        pool.shutdown()
        stored = store.get_session(session.session_id)
    lines = stored.answers[0].analysis[SILENCE_LINES_KEY]
    assert [kind for _, _, kind in lines] == [PROMPT_LINE, GRANTED_LINE]
    assert abs((lines[0][1] - lines[0][0]) - 2.0) < 1e-6
