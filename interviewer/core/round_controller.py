"""Runs a live round: speaks what the engine says, records and transcribes the answers.

Qt-free, so the GUI and headless runs share it and tests drive a 60-minute round with fakes in
milliseconds. The loop is the caller's:

    controller = RoundController(engine, speaker, recorder, make_transcriber, audio_dir, on_update=...)
    controller.start()
    every ~200 ms: controller.poll()
    on keys:      controller.end_answer() / repeat_question() / continue_answer() / pause_mic() /
                  resume_mic() / stop()

Threading: the controller itself starts no thread except through `run_in_background`, which runs
`LiveTranscriber.finish()` (it blocks) off the caller's thread. Adapter callbacks (speech done,
partial transcripts, finished transcripts) and `on_silence()` may arrive on any thread: they only
put a closure on a thread-safe queue, which `poll()` drains on the caller's thread. So every other
method, and `on_update`, run on the thread that calls `poll()` (the GUI thread in the app).

Turn-taking: utterances are spoken one at a time from a queue; recording starts only after the
speaker reports it finished the question (or the phase prompt), never while it is talking. Warnings
and nudges during an answer are spoken without stopping the recording; their times are kept in
the answer record (`interjections`) so analysis can allow for them.
"""
from __future__ import annotations

import queue
import threading
from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Callable, Union

from interviewer.core.engine import (
    AskQuestion, Event, PhaseEndingSoon, PhaseStarted, RoundEndingSoon, RoundEngine, TimeUp,
)
from interviewer.core.ports import LiveTranscriber, Recorder, Speaker
from interviewer.core.transcript import Segment, Transcript


@dataclass(frozen=True)
class ControllerSettings:
    silence_ends_answer_after: float | None = None  # seconds of silence, once the candidate spoke
    silence_nudge_after: float | None = None  # seconds of silence before a spoken nudge
    nudge_text: str = "Remember to think out loud."
    closing_text: str = "That's time. Thank you, this is the end of the round."
    transcript_timeout: float = 15.0  # move on without the transcript if it takes longer


class UtteranceKind(StrEnum):
    """What the interviewer says: the first three are the engine's AskReason values."""
    QUESTION = "question"
    FOLLOW_UP = "follow_up"
    CHANGED_CONSTRAINT = "changed_constraint"
    REPEAT = "repeat"  # the candidate asked to hear the question again
    PROMPT = "prompt"  # a phase's opening prompt
    PHASE_WARNING = "phase_warning"
    ROUND_WARNING = "round_warning"
    NUDGE = "nudge"  # "think out loud" after a long silence
    CLOSING = "closing"


class EndedBy(StrEnum):
    """How a stretch of recording ended."""
    KEY = "key"  # the candidate said the answer is done
    SILENCE = "silence"  # a long silence after speech (when the settings end answers on silence)
    REPEAT = "repeat"  # the question is said again; the answer continues after it
    PAUSED = "paused"  # the microphone was paused
    PHASE_END = "phase_end"
    TIME_UP = "time_up"
    STOPPED = "stopped"  # the round was ended early


class ControllerStatus(StrEnum):
    FINISHED = "finished"
    SPEAKING = "speaking"
    PAUSED = "paused"  # the microphone is paused
    LISTENING = "listening"  # recording an answer
    THINKING = "thinking"  # the answer is done; its transcript is being finished
    WAITING = "waiting"


@dataclass
class Utterance:
    text: str
    kind: UtteranceKind
    started_at: float | None = None
    ended_at: float | None = None
    question_id: str | None = None
    follow_up_id: str | None = None


@dataclass
class AnswerRecord:
    """One stretch of recording; times are round seconds. An answer interrupted by a pause, a
    repeat or a phase change continues in a new record with `continuation=True`."""

    index: int
    question_id: str | None  # None when answering a phase prompt before any question
    follow_up_id: str | None
    question_text: str
    phase: str
    asked_at: float | None  # when the interviewer started saying the question
    started_at: float  # recording started (the question had been said)
    wav_path: Path | None
    continuation: bool = False
    ended_at: float | None = None
    ended_by: EndedBy | None = None
    transcript: Transcript | None = None
    transcript_error: str | None = None
    transcript_done: bool = False
    heard_speech: bool = False
    nudges: list[float] = field(default_factory=list)
    interjections: list[float] = field(default_factory=list)
    # Recording started as the interviewer stopped speaking (a question, a repeat, a phase
    # prompt); False when it resumed after a mic pause or the candidate added to an answer:
    # then there is no response latency to measure.
    after_interviewer: bool = True


# ---------------------------------------------------------------- updates for the UI


@dataclass(frozen=True)
class Speaking:
    text: str
    kind: UtteranceKind
    at: float


@dataclass(frozen=True)
class ListeningStarted:
    answer: int  # AnswerRecord.index
    question_id: str | None
    at: float


@dataclass(frozen=True)
class AnswerEnded:
    answer: int
    ended_by: EndedBy
    at: float


@dataclass(frozen=True)
class PartialTranscript:
    answer: int
    segment: Segment


@dataclass(frozen=True)
class TranscriptReady:
    answer: int
    transcript: Transcript | None
    error: str | None = None


@dataclass(frozen=True)
class MicPaused:
    at: float


@dataclass(frozen=True)
class MicResumed:
    at: float


@dataclass(frozen=True)
class Problem:
    message: str
    at: float


@dataclass(frozen=True)
class RoundFinished:
    at: float


Update = Union[Event, Speaking, ListeningStarted, AnswerEnded, PartialTranscript, TranscriptReady,
               MicPaused, MicResumed, Problem, RoundFinished]

TranscriberFactory = Callable[[], LiveTranscriber]
STALE_WARNING_SECONDS = 10.0


def spoken_duration(seconds: float) -> str:
    """120 -> "two minutes", 30 -> "thirty seconds"; said by the interviewer."""
    ones = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen").split()
    tens = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty"}
    if seconds >= 60 and seconds % 60 == 0:
        n, unit = int(seconds // 60), "minute"
    else:
        n, unit = int(round(seconds)), "second"
    if n < 20:
        word = ones[n]
    elif n < 60:
        word = tens[n // 10] + ("-" + ones[n % 10] if n % 10 else "")
    else:
        word = str(n)
    return f"{word} {unit}{'' if n == 1 else 's'}"


def warning_text(event: Union[PhaseEndingSoon, RoundEndingSoon]) -> str:
    where = "the round" if isinstance(event, RoundEndingSoon) else "this part"
    text = f"{spoken_duration(event.seconds_left)} left in {where}."
    return text[0].upper() + text[1:]


@dataclass
class _Turn:
    """What the candidate is asked to talk about next."""

    question_id: str | None
    follow_up_id: str | None
    text: str
    continuation: bool
    asked_at: float | None = None


def _run_in_thread(task: Callable[[], None]) -> None:
    threading.Thread(target=task, name="round-transcript", daemon=True).start()


class RoundController:
    def __init__(self, engine: RoundEngine, speaker: Speaker | None, recorder: Recorder | None,
                 transcriber_factory: TranscriberFactory | None, audio_dir: Path, *,
                 on_update: Callable[[Update], None] | None = None,
                 settings: ControllerSettings = ControllerSettings(),
                 run_in_background: Callable[[Callable[[], None]], None] = _run_in_thread) -> None:
        self.engine = engine
        self.speaker = speaker
        self.recorder = recorder
        self.transcriber_factory = transcriber_factory
        self.audio_dir = Path(audio_dir)
        self.settings = settings
        self._on_update = on_update
        self._run_in_background = run_in_background
        self._inbox: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()

        self.utterances: list[Utterance] = []  # everything said, in order
        self.answers: list[AnswerRecord] = []
        self.input_level = 0.0  # latest microphone level (written by the audio thread)
        self.mic_paused = False
        self.finished = False

        self._to_say: deque[Utterance] = deque()
        self._speaking: Utterance | None = None
        self._turn: _Turn | None = None  # the last question asked (or a phase prompt before any)
        self._listen_pending = False  # start recording once the queued speech is over
        self._answer: AnswerRecord | None = None  # being recorded
        self._transcribers: dict[int, LiveTranscriber] = {}  # by answer index, until finished
        self._unfinished: list[AnswerRecord] = []  # parts of the answer not yet given to the engine
        self._finish_deadline: float | None = None  # waiting for transcripts to finish the answer
        self._silence_seen = 0.0
        self._nudged_this_silence = False
        self._spoke_since_recording = True  # the interviewer said something since the last recording

    # ------------------------------------------------------------ the caller's loop

    def start(self) -> None:
        self._handle(self.engine.start())
        self._pump()

    def poll(self) -> None:
        """Apply queued callbacks, then whatever the engine has due; call every ~200 ms."""
        self._drain_inbox()
        self._handle(self.engine.poll())
        if self._finish_deadline is not None and self._now() >= self._finish_deadline:
            self._finish_answer()
        self._pump()
        self._drain_inbox()  # a speaker that finished at once has queued its on_done already

    def _drain_inbox(self) -> None:
        while True:
            try:
                task = self._inbox.get_nowait()
            except queue.Empty:
                return
            task()

    @property
    def status(self) -> ControllerStatus:
        if self.finished:
            return ControllerStatus.FINISHED
        if self._speaking or self._to_say:
            return ControllerStatus.SPEAKING
        if self.mic_paused:
            return ControllerStatus.PAUSED
        if self._answer:
            return ControllerStatus.LISTENING
        if self._finish_deadline is not None:
            return ControllerStatus.THINKING
        return ControllerStatus.WAITING

    @property
    def current_answer(self) -> AnswerRecord | None:
        return self._answer

    # ------------------------------------------------------------ the candidate's keys

    def end_answer(self) -> bool:
        if self._answer is None:
            return False
        self._end_recording(EndedBy.KEY, finishes_answer=True)
        self._pump()
        return True

    def repeat_question(self) -> bool:
        events = self.engine.repeat_question()
        if not events:
            return False
        if self._answer is not None:
            self._end_recording(EndedBy.REPEAT)
        self._finish_deadline = None  # the candidate will go on answering the same question
        ask = events[0]
        self._say(ask.text, UtteranceKind.REPEAT, ask)
        self._turn = _Turn(ask.question_id, ask.follow_up_id, ask.text, continuation=True)
        self._listen_pending = True
        self._pump()
        return True

    def continue_answer(self) -> bool:
        """Record more about the last question without hearing it again (e.g. while waiting for the
        next phase, the candidate thought of something to add)."""
        busy = self._answer is not None or self._speaking is not None or self._to_say
        if busy or self._turn is None or self.engine.is_over:
            return False
        self._finish_deadline = None
        self._turn = _Turn(self._turn.question_id, self._turn.follow_up_id, self._turn.text, True,
                           self._turn.asked_at)
        self._listen_pending = True
        self._pump()
        return True

    def pause_mic(self) -> None:
        if self.mic_paused or self.finished:
            return
        self.mic_paused = True
        if self._answer is not None:
            self._end_recording(EndedBy.PAUSED)
            self._turn.continuation = True
            self._listen_pending = True  # resume records the rest of the answer
        self._emit(MicPaused(self._now()))

    def resume_mic(self) -> None:
        if not self.mic_paused:
            return
        self.mic_paused = False
        self._emit(MicResumed(self._now()))
        self._pump()

    def stop(self) -> None:
        """End the round now (the user quit); what was recorded is kept."""
        if self.finished:
            return
        if self._answer is not None:
            self._end_recording(EndedBy.STOPPED)
        self.engine.stop()
        self._to_say.clear()
        self._listen_pending = False
        self._finish_deadline = None
        if self._speaking and self.speaker is not None:
            self.speaker.stop()
        self._finish_round()

    # ------------------------------------------------------------ inputs from other threads

    def on_silence(self, seconds: float) -> None:
        """Length of the current silence in the answer; 0 while the candidate speaks. Thread-safe."""
        self._inbox.put(partial(self._silence, seconds))

    def _silence(self, seconds: float) -> None:
        answer = self._answer
        if answer is None:
            return
        if seconds <= 0:
            answer.heard_speech = True
            self._silence_seen, self._nudged_this_silence = 0.0, False
            return
        if seconds < self._silence_seen:  # a new stretch of silence
            self._nudged_this_silence = False
        self._silence_seen = seconds
        end_after = self.settings.silence_ends_answer_after
        nudge_after = self.settings.silence_nudge_after
        # Silence before the first word is thinking time: it may earn a nudge, never an ending.
        if end_after and answer.heard_speech and seconds >= end_after:
            self._end_recording(EndedBy.SILENCE, finishes_answer=True)
        elif nudge_after and seconds >= nudge_after and not self._nudged_this_silence:
            self._nudged_this_silence = True
            answer.nudges.append(self._now())
            self._say(self.settings.nudge_text, UtteranceKind.NUDGE)

    # ------------------------------------------------------------ engine events

    def _handle(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, PhaseStarted):
                if self._answer is not None:
                    self._end_recording(EndedBy.PHASE_END)
                self._finish_deadline = None  # the new phase takes over from a finishing answer
                # Whatever was not said yet belongs to the phase that ended (after a stall, several
                # phases arrive at once); only the round warning still holds.
                self._to_say = deque(u for u in self._to_say if u.kind == UtteranceKind.ROUND_WARNING)
                self._say(event.prompt, UtteranceKind.PROMPT)
                if self._turn is not None:
                    turn = self._turn
                    self._turn = _Turn(turn.question_id, turn.follow_up_id, turn.text, True, turn.asked_at)
                else:
                    self._turn = _Turn(None, None, event.prompt, False)
                self._listen_pending = True
            elif isinstance(event, AskQuestion):
                self._unfinished = []
                self._say(event.text, UtteranceKind(event.reason), event)
                self._turn = _Turn(event.question_id, event.follow_up_id, event.text, False)
                self._listen_pending = True
            elif isinstance(event, (PhaseEndingSoon, RoundEndingSoon)):
                # After a stall a warning may be long past: saying it then would give a wrong time.
                if self._now() - event.at <= STALE_WARNING_SECONDS:
                    kind = (UtteranceKind.PHASE_WARNING if isinstance(event, PhaseEndingSoon)
                            else UtteranceKind.ROUND_WARNING)
                    self._say(warning_text(event), kind)
            elif isinstance(event, TimeUp):
                if self._answer is not None:
                    self._end_recording(EndedBy.TIME_UP)
                self._finish_deadline = None
                self._listen_pending = False
                self._to_say.clear()
                if self._speaking and self.speaker is not None:
                    self.speaker.stop()
                self._say(self.settings.closing_text, UtteranceKind.CLOSING)
            self._emit(event)

    # ------------------------------------------------------------ speaking

    def _say(self, text: str, kind: UtteranceKind, ask: AskQuestion | None = None) -> None:
        utterance = Utterance(text, kind, question_id=ask.question_id if ask else None,
                              follow_up_id=ask.follow_up_id if ask else None)
        self._to_say.append(utterance)
        if self._answer is not None:
            self._answer.interjections.append(self._now())

    def _pump(self) -> None:
        """Start the next utterance, or listening once everything queued has been said."""
        if self._speaking is None and self._to_say:
            utterance = self._speaking = self._to_say.popleft()
            utterance.started_at = self._now()
            self.utterances.append(utterance)
            if self._answer is None:
                self._spoke_since_recording = True
            if utterance.question_id is not None and self._turn is not None:
                self._turn.asked_at = utterance.started_at
            self._emit(Speaking(utterance.text, utterance.kind, utterance.started_at))
            if self.speaker is not None and getattr(self.speaker, "available", True):
                done = partial(self._inbox.put, partial(self._speech_done, utterance))
                try:
                    self.speaker.say(utterance.text, on_done=done)
                    return
                except Exception as exc:  # a broken speech engine must not stop the round
                    self._emit(Problem(f"could not speak: {exc}", self._now()))
            self._speech_done(utterance)  # shown as text only
            return
        if (self._speaking is None and self._listen_pending and not self.mic_paused
                and self._answer is None and not self.engine.is_over):
            self._listen_pending = False
            self._start_recording()

    def _speech_done(self, utterance: Utterance) -> None:
        if utterance is not self._speaking:
            return
        utterance.ended_at = self._now()
        self._speaking = None
        if utterance.kind == UtteranceKind.CLOSING:
            self._finish_round()
        self._pump()

    def _finish_round(self) -> None:
        if not self.finished:
            self.finished = True
            self._emit(RoundFinished(self._now()))

    # ------------------------------------------------------------ recording

    def _start_recording(self) -> None:
        turn = self._turn
        index = len(self.answers) + 1
        phase = self.engine.current_phase
        wav_path = self.audio_dir / f"answer-{index:03d}.wav"
        transcriber = None
        if self.transcriber_factory is not None:
            try:
                transcriber = self.transcriber_factory()
            except Exception as exc:
                self._emit(Problem(f"live transcription is not available: {exc}", self._now()))
        record = AnswerRecord(index, turn.question_id, turn.follow_up_id, turn.text,
                              phase.id if phase else "", turn.asked_at, self._now(), wav_path,
                              continuation=turn.continuation, after_interviewer=self._spoke_since_recording)
        self._spoke_since_recording = False
        if transcriber is not None:
            self._transcribers[index] = transcriber
        if transcriber is not None and hasattr(transcriber, "on_segment"):
            transcriber.on_segment = lambda seg: self._inbox.put(
                partial(self._emit, PartialTranscript(index, seg)))
        # recorder.start() runs before the record is appended: a recorder may count
        # `answers` to name the file (the GUI's store wrapper does).
        if self.recorder is not None:
            try:
                self.audio_dir.mkdir(parents=True, exist_ok=True)
                self.recorder.start(wav_path, on_audio=transcriber.feed if transcriber else None,
                                    on_level=self._set_level)
            except Exception as exc:  # no microphone: the round goes on, unrecorded
                record.wav_path = None
                self._emit(Problem(f"could not record: {exc}", self._now()))
        else:
            record.wav_path = None
        self.answers.append(record)
        self._answer = record
        self._silence_seen, self._nudged_this_silence = 0.0, False
        self._emit(ListeningStarted(index, record.question_id, record.started_at))

    def _set_level(self, level: float) -> None:
        self.input_level = level

    def _end_recording(self, ended_by: EndedBy, finishes_answer: bool = False) -> None:
        record, self._answer = self._answer, None
        record.ended_at, record.ended_by = self._now(), ended_by
        if self.recorder is not None and record.wav_path is not None:
            try:
                record.wav_path = Path(self.recorder.stop())
            except Exception as exc:
                self._emit(Problem(f"the recording did not close cleanly: {exc}", self._now()))
        self._emit(AnswerEnded(record.index, ended_by, record.ended_at))
        self._unfinished.append(record)
        transcriber = self._transcribers.pop(record.index, None)
        if transcriber is None or record.wav_path is None:
            self._transcript_ready(record, None, None)
        else:
            def finish() -> None:
                try:
                    result, error = transcriber.finish(), None
                except Exception as exc:
                    result, error = None, f"{type(exc).__name__}: {exc}"
                self._inbox.put(partial(self._transcript_ready, record, result, error))

            self._run_in_background(finish)
        if finishes_answer:
            self._finish_deadline = record.ended_at + self.settings.transcript_timeout
            self._finish_answer_if_ready()

    def _transcript_ready(self, record: AnswerRecord, transcript: Transcript | None, error: str | None) -> None:
        record.transcript, record.transcript_error, record.transcript_done = transcript, error, True
        if transcript is not None or error is not None:
            self._emit(TranscriptReady(record.index, transcript, error))
        self._finish_answer_if_ready()

    def _finish_answer_if_ready(self) -> None:
        if self._finish_deadline is not None and all(r.transcript_done for r in self._unfinished):
            self._finish_answer()

    def _finish_answer(self) -> None:
        """Tell the engine the answer is over, with whatever was transcribed of it."""
        parts = [r.transcript.text for r in self._unfinished if r.transcript is not None]
        ended_at = self._unfinished[-1].ended_at if self._unfinished else None
        self._finish_deadline = None
        self._unfinished = []
        self._handle(self.engine.answer_finished(" ".join(parts) if parts else None, ended_at=ended_at))

    # ------------------------------------------------------------ helpers

    def _now(self) -> float:
        return self.engine.elapsed()

    def _emit(self, update: Update) -> None:
        if self._on_update is not None:
            self._on_update(update)
