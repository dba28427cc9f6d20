"""One live round, wired up: engine + controller + store + analysis. Qt-free.

The round screen owns one RoundSession and calls `poll()` from a timer; everything here then
runs on the GUI thread, except the work handed to `run_in_background` (store writes, analysis),
whose results come back through `post` (the GUI thread in the app, inline in headless tests).

Recordings go where the store wants them, and the answer row exists *before* recording starts,
so a crash mid-answer leaves playable, findable audio: the recorder given to the controller is
wrapped so that each `start()` first creates the answer row and records to its path.

A recorder that can (the Microphone) also keeps one continuous recording of the whole round
(`round.wav` in the session folder, reserved in the store before it starts), paused with the
round; each answer's offsets into it are stored, so nothing said is outside a recording. Every
block it hears goes to a voice detector that ignores the interviewer's own voice (adapters/voice)
and tells the controller when the candidate starts talking (barge-in, or adding to an answer).
Clarifying questions are answered by core.clarifying_responder.ClarifyingResponder, with the sentence
encoder given (keywords only without one).
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from interviewer.app.answer_recorder import AnswerRecorder
from interviewer.app.voice_failure import ReportsPlaybackFailure
from interviewer.app.live_clarifications import credit_clarifications, interviewer_replies, reply_spans, silence_spans
from interviewer.app.serial_writer import SerialWriter
from interviewer.app.silence_tracker import SilenceTracker
from interviewer.core.candidate_questions import question_phases
from interviewer.app.interviewer_answers import round_answers
from interviewer.core.interviewer_answers import InterviewerAnswers
from interviewer.core.clock import Clock
from interviewer.core.echo_filter import LOUDSPEAKERS, audio_setup
from interviewer.core.engine import ASK_FOR_MORE_BELOW_WORDS, AskQuestion, PhaseStarted, RoundEngine, TimeUp
from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.matching import Matcher, topics_to_ask
from interviewer.core.round_controller import RoundController
from interviewer.core.round_records import (NOTHING_SAID_NOTE, UtteranceKind, cut_off_not_repeated, left_open_unanswered,
                                           round_worth_keeping)
from interviewer.core.round_settings import BARGE_IN_PREROLL_SECONDS, ControllerSettings
from interviewer.core.round_updates import (
    AnswerDropped, AnswerEnded, AnswerFiled, CandidateTurn, ClarifyingAnswered, LineCutOff, ListeningStarted,
    MicPaused, MicResumed, Problem, ReplyCutOff, RoundFinished, Speaking, SpeechInterrupted, TranscriptReady,
    Update,
)
from interviewer.core.extra_questions import (EXTRAS_KIND, OFFER_LINE_KIND, extras_details, extras_message,
                                              is_extra_part)
from interviewer.core.scripts.model import RoundScript
from interviewer.core.transcript import Transcript
from interviewer.storage import SessionStatus

log = logging.getLogger(__name__)

Runner = Callable[[Callable[[], None]], None]


def _run_inline(fn: Callable[[], None]) -> None:
    fn()


@dataclass
class AnswerState:
    """What the screens need about one recorded stretch, beyond the controller's record."""

    index: int
    answer_id: int | None = None  # store row
    wav_path: Path | None = None
    transcript: Transcript | None = None
    analysis: dict | None = None
    round_offset: float | None = None  # where it starts in the round recording (seconds)
    round_offset_end: float | None = None


@dataclass
class _Turn:
    question_id: str
    follow_up_id: str | None
    text: str
    asked_at: float | None


@dataclass
class RoundSessionConfig:
    phase_warning_minutes: float = 2.0
    round_warning_minutes: float = 5.0
    controller: ControllerSettings = field(default_factory=ControllerSettings)
    silence_threshold_dbfs: float = -45.0


class RoundSession:
    @property
    def script(self) -> RoundScript:
        """The round's script as it runs: the engine's, with any extra parts (core.extra_questions)."""
        engine = getattr(self, "engine", None)
        return engine.script if engine is not None else self._script

    def __init__(self, script: RoundScript, clock: Clock, *, speaker: Any = None, recorder: Any = None,
                 transcriber_factory: Callable[[], Any] | None = None, store: Any = None,
                 config: RoundSessionConfig | None = None,
                 on_update: Callable[[Update], None] | None = None,
                 on_problem: Callable[[str], None] | None = None,
                 on_analysis: Callable[[int, dict], None] | None = None,
                 on_saved: Callable[[int | None], None] | None = None,
                 on_setup_found: Callable[[str], None] | None = None,
                 run_in_background: Runner = _run_inline, post: Runner = _run_inline,
                 text_encoder: Any = None, extra_scripts: Sequence[RoundScript] = (),
                 recent_scripts: Sequence[str] = ()) -> None:
        # `extra_scripts`: scripts an extra question may come from when the round's own run out
        # early (core.extra_questions; those of its kind count); `recent_scripts`: the script ids
        # of recent rounds, newest first (taken last). `script` is the engine's once it runs: an
        # extra part joins it.
        self._script = script
        self.store = store
        self.config = config or RoundSessionConfig()
        self._on_update = on_update
        self._on_problem = on_problem
        self._last_said: str | None = None  # the interviewer's last line logged (_said)
        self._on_analysis = on_analysis
        self._on_saved = on_saved
        self._on_setup_found = on_setup_found  # "loudspeakers" heard in the round (GUI thread)
        # Inline runs (headless tests) write inline too; otherwise one writer thread keeps order.
        self._writer = None if run_in_background is _run_inline else SerialWriter()
        self._run_in_background = run_in_background
        self._pending = 0  # background jobs (transcripts finishing, analyses) not done yet
        self._idle = threading.Condition()
        self._post = post
        self.session_id: int | None = None
        self.answers: dict[int, AnswerState] = {}
        self.problems: list[str] = []
        self.scratchpad = ""
        self._saved_scratchpad = ""
        self._turn = _Turn("", None, "", None)
        self._phase_row: int | None = None
        # Store writes happen in order, one at a time; reentrant because a write may ask for
        # another (the round's finishing queues its "saved"), which runs inline once the writer
        # is gone (a round stopped again after close(): it deadlocked on a plain Lock).
        self._store_lock = threading.RLock()
        self.finished = False

        audio_dir = self._open_session()
        self.matcher = Matcher(text_encoder)
        self._responders: dict[str, ClarifyingResponder] = {}
        self._responders_lock = threading.Lock()  # asked for on the GUI and the transcript's thread
        self.engine = RoundEngine(script, clock, phase_warning_minutes=self.config.phase_warning_minutes,
                                  round_warning_minutes=self.config.round_warning_minutes, matcher=self.matcher,
                                  ask_for_more_below_words=ASK_FOR_MORE_BELOW_WORDS,
                                  extra_scripts=extra_scripts, recent_scripts=recent_scripts)
        def stop_error(exc: BaseException) -> None:  # on the stopping thread
            message = f"The recording did not close cleanly ({exc}); what was recorded is kept."
            self._post(lambda: self._problem(message))

        # Silence only matters when the settings use it (end an answer, or nudge to think aloud).
        uses_silence = bool(self.config.controller.silence_ends_answer_after
                            or self.config.controller.silence_nudge_after)
        self.silence = SilenceTracker(lambda seconds: self.controller.on_silence(seconds),
                                      self.config.silence_threshold_dbfs) if uses_silence else None
        def stream_error(exc: BaseException) -> None:  # on the microphone's thread
            message = f"The microphone stopped during this answer ({exc}); what was recorded is kept."
            self._post(lambda: self._problem(message))

        if recorder is not None and hasattr(recorder, "on_source_change"):
            # PulseAudio moved the stream to another input (the microphone was unplugged): the
            # recording goes on, from whatever that input hears; the candidate must know.
            recorder.on_source_change = lambda message: self._post(lambda: self._problem(message))
        self._recorder = wrapped = (AnswerRecorder(recorder, self._path_for_next_answer, stop_error, self.silence,
                                                    on_stream_error=stream_error)
                                    if recorder is not None else None)
        if speaker is not None:
            speaker = ReportsPlaybackFailure(speaker, lambda message: self._post(lambda: self._problem(message)))
        # The interviewer's answers to the candidate's own questions (the bundled ones, the script's over them).
        self.interviewer_answers = InterviewerAnswers(round_answers(script), self.matcher)
        self.controller = RoundController(
            self.engine, speaker, wrapped, transcriber_factory, audio_dir,
            on_update=self._handle, settings=self.config.controller,
            run_in_background=self._counted, answerer=self._answerer_for,
            interviewer_answers=self.interviewer_answers)
        self._speaker = speaker
        self.round_audio_path: Path | None = None
        self.not_kept: str | None = None  # why the finished round was left out of the history
        self.voice = None  # the voice detector, once the round recording runs
        self._microphone_failure: str | None = None  # the answers' 'could not record' when the round's was told
        self.echo_watch = None  # the echo check on the round itself, when the setup is unknown
        self._audio_dir = audio_dir

    # ------------------------------------------------------------ set-up

    def _open_session(self) -> Path:
        if self.store is not None:
            try:
                # The exact text the script was parsed from: the round's review never changes
                # when the file is edited, broken or deleted later (core.stored_script).
                # With its audio setup: answers transcribed after the round take out the
                # interviewer's echo only with loudspeakers, as the live ones (core.echo_filter).
                self.session_id = self.store.create_session(self.script.id, self.script.title, self.script.kind,
                                                            self.script.minutes, script_text=self.script.text or None,
                                                            audio_setup=audio_setup(self.config.controller.barge_in))
                return Path(self.store.session_dir(self.session_id))  # never outside the data folder
            except Exception as exc:  # read-only or full data folder: the round still runs
                self._problem(f"This round cannot be saved: {exc}")
                self.store = None
        # Recordings never leave the data folder, even when the database cannot be used.
        from interviewer import paths

        folder = paths.data_dir() / "unsaved-rounds" / time.strftime("%Y%m%d-%H%M%S")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._problem(f"Answers cannot be recorded: the data folder is not writable ({exc.strerror}).")
        return folder

    # ------------------------------------------------------------ driving

    def start(self) -> None:
        self._background(self._prepare_matcher, "Preparing the interviewer's answers")
        wait_for_audio = getattr(self._recorder.inner, "wait_for_audio", None) if self._recorder else None
        if not (self._start_round_recording() and wait_for_audio is not None):
            self.controller.start()
            return
        # The interviewer begins once the microphone hears (PulseAudio takes 0.8-2 s): its first
        # words belong in the round recording, whose echo check listens to them. Waited for off
        # the GUI thread: the window froze 1.0-2.2 s after Start round (trial10).
        def begin() -> None:
            if not (self.controller.started or self.controller.finished):
                self.controller.start()

        def wait_then_begin() -> None:
            wait_for_audio()
            self._post(begin)

        if self._post is _run_inline:  # no event loop to come back to (tests, tools): wait here
            wait_then_begin()
            return
        threading.Thread(target=wait_then_begin, name="round-start", daemon=True).start()

    def _prepare_matcher(self) -> None:
        """Off the GUI thread: encode the script's clarifying topics, facts and follow-ups once
        (about 0.3 s with the sentence-embedding model), so that answering a clarifying question
        or deciding a follow-up on the GUI thread only encodes what the candidate said."""
        topics = [t for q in self.script.questions for t in q.clarifying_topics]
        follow_ups = [f for q in self.script.questions for f in q.follow_ups]
        self.matcher.warm(topics, follow_ups, contexts=[q.text for q in self.script.questions])
        self.interviewer_answers.warm()

    def _answerer_for(self, question_id: str | None) -> ClarifyingResponder | None:
        question = _question(self.script, question_id)
        if question is None:
            return None
        with self._responders_lock:
            if question.id not in self._responders:
                self._responders[question.id] = ClarifyingResponder(question, self.matcher, self.script)
            return self._responders[question.id]

    def _start_round_recording(self) -> bool:
        """One continuous recording of the round, with a voice detector on every block. True
        when it started."""
        recorder = self._recorder
        if recorder is None or not hasattr(recorder.inner, "start_round"):
            return False
        from interviewer.adapters.voice import EchoWatch, VoiceDetector

        path = self._audio_dir / "round.wav"
        if self.store is not None and self.session_id is not None:
            try:
                with self._store_lock:
                    path = self.store.round_audio_path_for(self.session_id)
            except Exception as exc:
                self._problem(f"The round recording could not be saved in the database ({exc}); "
                              f"it is kept in {path}.")
        speaker = self._speaker

        def playback():  # the real speaker behind the app's handle, once it exists
            inner = getattr(speaker, "speaker", speaker)
            return getattr(inner, "playback", None)

        settings = self.controller.settings
        # Barge-in on and the setup checked: the device check found headphones (no echo).
        self.voice = VoiceDetector(self.controller.on_voice, playback,
                                   headphones=settings.barge_in and settings.speakers_checked)
        on_block = self.voice.process
        if settings.barge_in and not settings.speakers_checked:
            # Nobody ran the echo check: the round's first seconds of the interviewer do it.
            self.echo_watch = EchoWatch(playback, self._loudspeakers_heard)
            voice, watch = self.voice, self.echo_watch

            def on_block(block) -> None:
                voice.process(block)
                watch.feed(block)
        try:
            recorder.inner.start_round(path, on_block=on_block)
        except Exception as exc:  # no microphone: each answer fails the same way, told once here
            self.voice = None
            self._microphone_failure = f"could not record: {exc}"
            self._problem(f"Nothing is recorded in this round: {_sentence(str(exc))}")
            return False
        self.round_audio_path = path
        return True
    @property
    def records_nothing(self) -> bool:
        """The microphone could not record this round (the banner said "Nothing is recorded in
        this round: ..." or "No recording this round: ...")."""
        return self._recorder is None or self._microphone_failure is not None

    def end_round_note(self) -> str:
        """What ending the round now keeps, for the End round question: with no microphone there
        is no recording to keep or analyse (trial 40: "What was recorded so far is kept and
        analysed." under the banner "Nothing is recorded in this round")."""
        if self.records_nothing:
            return "Nothing was recorded in this round (no microphone), so there is no answer to analyse."
        return "What was recorded so far is kept and analysed."

    def poll(self) -> None:
        self.controller.poll()

    def stop(self) -> None:
        self.controller.stop()

    def set_scratchpad(self, text: str) -> None:
        self.scratchpad = text

    def typing(self) -> None:
        """The candidate is typing in the scratchpad: the keystrokes' clicks are no voice to the
        silence rule (app/silence_tracker.py), and typing is working on the answer: no silence
        ends it while they type (RoundController.on_typing)."""
        if self.silence is not None:
            self.silence.typing()
        self.controller.on_typing()

    def save_scratchpad(self) -> None:
        if self.store is None or self.session_id is None or self.scratchpad == self._saved_scratchpad:
            return
        text = self.scratchpad
        self._saved_scratchpad = text
        self._write(lambda: self.store.save_scratchpad(self.session_id, text), "Saving the scratchpad")

    # ------------------------------------------------------------ recording paths

    def _path_for_next_answer(self, proposed: Path) -> Path:
        index = len(self.controller.answers) + 1
        state = AnswerState(index)
        self.answers[index] = state
        path = proposed
        if self.store is not None and self.session_id is not None:
            try:
                with self._store_lock:
                    phase = self.engine.current_phase
                    state.answer_id = self.store.add_answer(
                        self.session_id, self._turn.question_id, self._turn.text,
                        follow_up_id=self._turn.follow_up_id, asked_at=self._turn.asked_at,
                        answer_start=self.engine.elapsed(), phase_id=phase.id if phase else None)
                    path = self.store.audio_path_for(self.session_id, state.answer_id)
            except Exception as exc:
                self._problem(f"The answer could not be saved in the database ({exc}); "
                              f"its audio is kept in {proposed.parent}.")
                path = proposed
        path.parent.mkdir(parents=True, exist_ok=True)
        state.wav_path = path
        return path

    # ------------------------------------------------------------ updates from the controller

    def _handle(self, update: Update) -> None:
        if isinstance(update, AskQuestion):
            self._turn = _Turn(update.question_id, update.follow_up_id, update.text, update.at)
        elif isinstance(update, PhaseStarted):
            self._turn = _Turn("", None, update.prompt, update.at)  # the phase's question may follow
            self._phase_started(update)
        elif isinstance(update, CandidateTurn):  # "What questions do you have for me?"
            self._turn = _Turn("", None, update.text, update.at)
        elif isinstance(update, LineCutOff):  # talked over before it was out
            if update.question_id:  # cut late: the turn still answers the question, as asked
                same = (self._turn.question_id, self._turn.follow_up_id) == (update.question_id, update.follow_up_id)
                self._turn = _Turn(update.question_id, update.follow_up_id, update.marked,
                                   self._turn.asked_at if same else update.at)
            else:  # cut at once: under no question, asked again after (or filed under it, AnswerFiled)
                self._turn = _Turn("", None, update.marked, update.at)
            self._line_cut_off(update)
        elif isinstance(update, AnswerFiled):  # the turn over it answered it after all
            self._turn = _Turn(update.question_id or "", update.follow_up_id, update.question_text, self._turn.asked_at)
            self._file_answer(update)
            state = self.answers.get(update.answer)
            if state is not None and state.transcript is not None:
                # Analysed as said under no question (or another): scored now as an answer to
                # the question it was filed under (story, depth, talking points; trial 25).
                self._transcript_ready(TranscriptReady(update.answer, state.transcript))
        elif isinstance(update, Speaking):
            self._said(update)
            if update.kind == UtteranceKind.CLARIFICATION and self.voice is not None:
                # A reply mid-answer may start within the detector's release time of the
                # candidate's last word: if they go on talking, that must interrupt it.
                self.voice.rearm()
            if (self._turn.question_id and update.text == self._turn.text
                    and (update.kind != UtteranceKind.REPEAT or self._turn.asked_at is None)):
                # Asked when it is said (as the controller counts it): the engine hands a part's
                # question over with its prompt, which may take half a minute to say first. Said
                # again, it was asked already: the answer after a repeat is the same answer.
                self._turn.asked_at = update.at
        elif isinstance(update, ListeningStarted):
            state = self.answers.setdefault(update.answer, AnswerState(update.answer))
            record = self.controller.answers[update.answer - 1]
            if state.wav_path is None:
                state.wav_path = record.wav_path
            offset = self._recorder.round_seconds if self._recorder is not None else None
            if offset is not None and self.round_audio_path is not None:
                state.round_offset = max(0.0, offset - record.preroll_seconds(BARGE_IN_PREROLL_SECONDS))
        elif isinstance(update, MicPaused):
            if self.round_audio_path is not None:
                self._recorder.inner.pause_round()
        elif isinstance(update, MicResumed):
            if self.round_audio_path is not None:
                self._recorder.inner.resume_round()
            self._pause_ended()
        elif isinstance(update, ClarifyingAnswered):
            self._clarification_answered(update)
        elif isinstance(update, ReplyCutOff):
            self._reply_cut_off(update)
        elif isinstance(update, SpeechInterrupted) and update.marked is not None:
            self._line_stopped(update)
        elif isinstance(update, AnswerEnded):
            self._answer_ended(update)
        elif isinstance(update, TranscriptReady):
            self._transcript_ready(update)
        elif isinstance(update, AnswerDropped):
            self._answer_dropped(update)
        elif isinstance(update, Problem):
            if update.message != self._microphone_failure:  # the round's start told it already
                self._problem(update.message[0].upper() + update.message[1:])
        elif isinstance(update, (TimeUp, RoundFinished)):
            if isinstance(update, RoundFinished):
                self._round_finished()
        if self._on_update is not None:
            self._on_update(update)

    def _phase_started(self, event: PhaseStarted) -> None:
        if self.store is None or self.session_id is None:
            return
        phase = self.script.phase(event.phase)

        def write() -> None:
            if self._phase_row is not None:
                self.store.end_phase(self._phase_row, event.at)
            self._phase_row = self.store.add_phase(self.session_id, phase.id, phase.name, phase.minutes, event.at)

        self._write(write, "Saving the timeline of the parts")

    def _said(self, update: Speaking) -> None:
        """Kept whatever it was: an answer's row keeps only the last thing said before it (a
        phase's prompt followed by its question was lost from the review). A line a pause cut
        off and said again after other lines ("Welcome back...") is kept both times, as heard:
        logged once, the review showed a follow-up only after "Welcome back" although it was
        first said before the pause (trial 18). Said again straight after itself (a pause before
        the round was under way), it is kept once, where it began: the same line twice in a row
        in the exports read as a glitch (an earlier trial)."""
        if self.store is None or self.session_id is None:
            return
        last, self._last_said = self._last_said, update.text
        if update.again and update.text == last:
            return
        session_id = self.session_id
        # The offer of another question is no follow-up (core.extra_questions; trial 37).
        engine = getattr(self, "engine", None)
        kind = (OFFER_LINE_KIND if update.kind == UtteranceKind.FOLLOW_UP and getattr(engine, "offer_open", False)
                else str(update.kind))
        self._write(lambda: self.store.add_interviewer_line(session_id, update.at, kind, update.text),
                    "Saving what the interviewer said")

    def _file_answer(self, update: AnswerFiled) -> None:
        state = self.answers.get(update.answer)
        if self.store is None or state is None or state.answer_id is None:
            return
        answer_id = state.answer_id
        question_id, text, follow_up_id = update.question_id or "", update.question_text, update.follow_up_id
        self._write(lambda: self.store.file_answer_under(answer_id, question_id, text, follow_up_id=follow_up_id),
                    "Saving an answer")

    def _line_cut_off(self, update: LineCutOff) -> None:
        if self.store is None or self.session_id is None:
            return
        session_id = self.session_id
        self._write(lambda: self.store.mark_line_cut_off(session_id, update.text, update.marked),
                    "Saving what the interviewer said")

    def _line_stopped(self, update: SpeechInterrupted) -> None:
        """A line stopped by N, the round's end or time up reads what was heard of it (marked
        cut off), or goes when nothing of it was heard (trial 30)."""
        if self.store is None or self.session_id is None:
            return
        session_id, text, marked = self.session_id, update.text, update.marked
        if marked:
            self._write(lambda: self.store.mark_line_cut_off(session_id, text, marked),
                        "Saving what the interviewer said")
        else:
            if self._last_said == text:
                self._last_said = None  # not said: a line said again after it is not a repeat of it
            self._write(lambda: self.store.drop_interviewer_line(session_id, text),
                        "Saving what the interviewer said")

    def _reply_cut_off(self, update: ReplyCutOff) -> None:
        """A reply talked over: its line and its exchange read the words heard."""
        if self.store is None or self.session_id is None:
            return
        session_id, state = self.session_id, self.answers.get(update.answer)
        self._write(lambda: self.store.mark_line_cut_off(session_id, update.text, update.marked),
                    "Saving what the interviewer said")
        if update.marked_reply != update.reply and state is not None and state.answer_id is not None:
            answer_id = state.answer_id
            self._write(lambda: self.store.mark_reply_cut_off(answer_id, update.reply, update.marked_reply),
                        "Saving a clarifying question")

    def _answer_ended(self, update: AnswerEnded) -> None:
        state = self.answers.get(update.answer)
        record = self.controller.answers[update.answer - 1]
        if self.store is None or state is None or state.answer_id is None:
            return
        answer_id, start, end = state.answer_id, record.started_at, record.ended_at
        offsets = None
        if state.round_offset is not None:
            state.round_offset_end = self._recorder.round_seconds
            offsets = (state.round_offset, state.round_offset_end)

        def save() -> None:
            self.store.finish_answer(answer_id, end, start)
            if offsets is not None:
                self.store.set_round_offsets(answer_id, *offsets)

        self._write(save, "Saving an answer")

    def _answer_dropped(self, update: AnswerDropped) -> None:
        """No words and no answer (the candidate moved on first): neither stored nor scored, and
        its own recording goes with it (the round recording keeps that stretch)."""
        state = self.answers.pop(update.answer, None)
        if state is None:
            return
        if self.store is not None and state.answer_id is not None:
            answer_id = state.answer_id
            self._write(lambda: self.store.drop_answer(answer_id), "Dropping an empty answer")
        elif state.wav_path is not None and state.wav_path != self.round_audio_path:
            path = state.wav_path  # a round that cannot be saved: its folder holds kept parts only
            self._write(lambda: path.unlink(missing_ok=True), "Removing an empty answer's recording")

    def _clarification_answered(self, update: ClarifyingAnswered) -> None:
        """Kept with the answer it was asked in: the review shows the exchange."""
        self._credit_late_clarifications(update.answer)
        state = self.answers.get(update.answer)
        if self.store is None or state is None or state.answer_id is None:
            return
        answer_id, c = state.answer_id, update.clarification
        self._write(lambda: self.store.add_clarification(answer_id, c.asked_at, c.question, c.topic, c.reply),
                    "Saving a clarifying question")

    def _pause_ended(self) -> None:
        if self.store is None or self.session_id is None or not self.engine.timeline.pauses:
            return
        pause = self.engine.timeline.pauses[-1]
        self._write(lambda: self.store.add_pause(self.session_id, pause.at, pause.seconds, pause.why),
                    "Saving a pause")

    def _transcript_ready(self, update: TranscriptReady) -> None:
        state = self.answers.setdefault(update.answer, AnswerState(update.answer))
        if update.error:
            self._problem(f"Answer {update.answer} could not be transcribed ({update.error}); "
                          "its recording is kept.")
        if update.transcript is None:
            return
        state.transcript = update.transcript
        record = self.controller.answers[update.answer - 1]
        question = _question(self.script, record.question_id)
        phase = _phase(self.script, record.phase)
        transcript = update.transcript
        kind = self.script.kind
        replies = reply_spans(self.controller.utterances, record)  # read here, on the GUI thread
        prompts = silence_spans(self.controller.utterances, record)
        said_again = interviewer_replies(self.controller.utterances, record)
        for_interviewer = self.controller.takes_candidate_questions(record)
        # Went on after silence (over the acknowledgement, or while the interviewer waited): the
        # silence before is a pause inside the answer.
        previous = (self.controller.answers[record.index - 2]
                    if record.goes_on_after_silence and record.index > 1 else None)
        pause_before = record.pause_before(previous, BARGE_IN_PREROLL_SECONDS)
        asked_to_repeat = record.asked_to_repeat  # read now: the controller set it before the repeat
        from interviewer.core.analysis.report import thinking_invited_by
        thinking_invited = thinking_invited_by(self.script, record.phase, record.question_text)
        # Filed under another question after this (AnswerFiled): that filing analyses it again.
        filed = (record.question_id, record.follow_up_id, record.question_text)

        def analyse() -> None:
            from interviewer.core.analysis.report import analyze_answer, answered_question_text, follows_story
            from interviewer.core.question_asks import is_told_all
            from interviewer.core.round_records import EndedBy, left_with_next

            # Findings about the whole question come at round end, from all of its parts.
            analysis = analyze_answer(
                transcript, question_text=answered_question_text(question, filed[1], filed[2]),
                expected_topics=[(t.name, t.keywords) for t in topics_to_ask(question)] if question else None,
                expects_clarifying=bool(phase and phase.expects_clarifying and not record.follow_up_id),
                round_kind=kind, after_interviewer=record.after_interviewer,
                interrupted=record.ended_by in (EndedBy.REPEAT, EndedBy.PAUSED),
                skipped_with_next=left_with_next(record), nothing_left=is_told_all(filed[2]),
                repeat_request=asked_to_repeat, question_findings=False, interviewer_speech=replies,
                silence_lines=prompts,
                questions_for_interviewer=for_interviewer, to_problem=question is not None,
                thinking_invited=thinking_invited, follows_story=follows_story(question, filed[1]),
                introduction=question is None and record.phase == self.script.introduction_phase()).to_dict()
            credit_clarifications(analysis, record.clarifications, record.started_at, said_again)
            if replies:  # measured now; analysing the answer again later reads them (app/backfill)
                from interviewer.app.backfill import INTERVIEWER_SPEECH_KEY
                analysis[INTERVIEWER_SPEECH_KEY] = [[round(a, 3), round(b, 3)] for a, b in replies]
            if prompts:
                from interviewer.app.backfill import SILENCE_LINES_KEY
                analysis[SILENCE_LINES_KEY] = [[round(a, 3), round(b, 3), kind] for a, b, kind in prompts]
            if pause_before is not None:
                from interviewer.core.analysis.summary import PAUSE_BEFORE_KEY
                analysis[PAUSE_BEFORE_KEY] = round(pause_before, 3)
            if question is not None and question.expected_points:
                # Talking points scored now, while the round runs, and stored with the answer:
                # the review's coverage then needs no encoding (core/analysis/coverage.py).
                from interviewer.core.analysis.coverage import POINTS_KEY, part_points
                try:
                    analysis[POINTS_KEY] = part_points(analysis, question, self.matcher)
                except Exception:  # noqa: BLE001 - the review scores the answer itself then
                    log.exception("talking points of answer %s not scored", update.answer)
            if question is not None and question.pitfalls:
                # Claims of its common mistakes, decided once and stored (core.pitfalls): the
                # review's "Check this", never a talking point's evidence.
                from interviewer.core.analysis.coverage import PITFALLS_KEY, part_pitfalls
                try:
                    analysis[PITFALLS_KEY] = part_pitfalls(analysis, question, self.matcher)
                except Exception:  # noqa: BLE001 - the review decides them itself then
                    log.exception("pitfalls of answer %s not checked", update.answer)
            if (record.question_id, record.follow_up_id, record.question_text) != filed:
                return  # re-filed meanwhile: the analysis under the question it answers stands
            if self.store is not None and state.answer_id is not None:
                def save() -> None:
                    self.store.attach_transcript(state.answer_id, transcript)
                    self.store.attach_analysis(state.answer_id, analysis)

                # Queued before the analysis is visible: a later re-crediting saves after it.
                self._write(save, "Saving a transcript")
            state.analysis = analysis  # seen by the round-end job, which runs off the GUI thread
            self._post(lambda: self._analysis_done(update.answer, analysis))

        self._background(analyse, "Analysing an answer")

    def _analysis_done(self, index: int, analysis: dict) -> None:
        self.answers[index].analysis = analysis
        self._credit_late_clarifications(index)
        if self._on_analysis is not None:
            self._on_analysis(index, self.answers[index].analysis)

    def _credit_late_clarifications(self, index: int) -> None:
        """On the GUI thread: an exchange added after the answer's analysis read them (Space
        right after a question: the interviewer answers once the transcript is in, while the
        analysis may already run) is credited to a copy of it, which is kept and saved."""
        state = self.answers.get(index)
        if state is None or state.analysis is None or index > len(self.controller.answers):
            return
        record = self.controller.answers[index - 1]
        clarifications = list(record.clarifications)
        if len(clarifications) == len(state.analysis.get("clarifying_exchanges") or []):
            return
        import copy

        credited = copy.deepcopy(state.analysis)
        credit_clarifications(credited, clarifications, record.started_at,
                              interviewer_replies(self.controller.utterances, record))
        state.analysis = credited
        if self.store is not None and state.answer_id is not None:
            answer_id = state.answer_id
            self._write(lambda: self.store.attach_analysis(answer_id, credited), "Saving an analysis")

    def _round_finished(self) -> None:
        if self.finished:
            return
        self.finished = True
        self.save_scratchpad()
        if self.store is None or self.session_id is None:
            if self._recorder is not None:
                if hasattr(self._recorder.inner, "stop_round"):
                    self._recorder.inner.stop_round()
                self._recorder.close()
            if self._on_saved is not None:
                self._on_saved(None)
            return
        end = self.engine.elapsed()
        timeline = [(p.phase, self.script.phase(p.phase).minutes, (p.ended_at or end) - p.started_at)
                    for p in self.engine.timeline.phases]
        allotted = {p.phase: p.allotted for p in self.engine.timeline.phases if p.allotted is not None}
        ended_by = {p.phase: str(p.ended_by) for p in self.engine.timeline.phases if p.ended_by is not None}
        skipped = {p.phase: (p.skipped_questions, p.skipped_follow_ups) for p in self.engine.timeline.phases}
        left_open = {p.phase: p.left_open for p in self.engine.timeline.phases if p.left_open}

        recorder = self._recorder

        def finish() -> None:
            from interviewer.core.analysis.report import analyze_round

            if recorder is not None:
                if hasattr(recorder.inner, "stop_round"):
                    recorder.inner.stop_round()
                recorder.close()  # the last recording is complete before the round is

            # After the last transcripts are in: whether anything was said in the answers is
            # known only then (an answer met with silence, then End round, trial 30).
            self._await_last_analyses()
            # Their saves were queued behind this job: saved after the question findings below, an
            # answer's analysis replaced that answer's findings and took them away (an answer
            # filed under a question and analysed again as the round ended lost "No numbers in
            # the result": the trial 25 test, flaky under load). Saved first.
            writer = self._writer
            if writer is not None:
                writer.run_queued()
            if not round_worth_keeping(self.controller.answers, bool(self.voice and self.voice.onsets),
                                       self.scratchpad):
                self.store.delete_session(self.session_id)  # its round.wav holds only the interviewer
                self.session_id = None
                self.not_kept = NOTHING_SAID_NOTE
                if self._on_saved is not None:
                    self._post(lambda: self._on_saved(None))
                return
            if self._phase_row is not None:
                self.store.end_phase(self._phase_row, end)
            # What Next skipped in each part: the lines never asked, and the follow-up or probe it
            # left open with nothing said to it, known now that the last transcripts are in (one
            # count for the round finished, its status and "moved on"; trial 41).
            for phase, ask in left_open.items():
                questions, follow_ups = skipped.get(phase, (0, 0))
                unanswered = left_open_unanswered(ask, self.controller.answers)
                # A question itself left with N in silence is a question skipped (trial 43), as the
                # talking points count it (coverage.met_with_silence).
                skipped[phase] = ((questions + unanswered, follow_ups) if ask[1] is None else
                                  (questions, follow_ups + unanswered))
            result = analyze_round([], timeline, self._answers_in_clarifying_phases(),
                                   {p.id: p.name for p in self.script.phases},
                                   # the round's own plan: extra parts used time it had left
                                   plan=[(p.id, p.minutes) for p in self.script.phases if not is_extra_part(p.id)],
                                   allotted=allotted, ended_by=ended_by, skipped=skipped,
                                   cut_off=cut_off_not_repeated(self.controller.answers))
            for f in result.findings:
                self.store.add_finding(self.session_id, f.kind, f.message, start=f.start, end=f.end,
                                       details=f.stored_details())
            if self.engine.extras_from:  # kept, so the review and exports show the round's script as it ran
                first = next(p.started_at for p in self.engine.timeline.phases if is_extra_part(p.phase))
                self.store.add_finding(self.session_id, EXTRAS_KIND, extras_message(self.script), start=first,
                                       details={"severity": "note",
                                                "extras": extras_details(self.script, self.engine.extras_from,
                                                                         self.engine.extras_left_out,
                                                                         {s.id: s.text for s in self.engine.extra_scripts})})
            self._add_question_findings()
            self.store.finish_session(self.session_id, SessionStatus.COMPLETED)
            if self._on_saved is not None:
                session_id = self.session_id
                # Queued behind the writes the last polls asked for (an empty last answer's drop,
                # when the round was ended right after a question): the review read that answer
                # as a 0-word one with a missing recording, and it was gone a moment later.
                self._write(lambda: self._post(lambda: self._on_saved(session_id)), "Finishing the round")

        self._write(finish, "Finishing the round")

    def _add_question_findings(self) -> None:
        """Once per question, from all of its parts and follow-ups (core.analysis.summary),
        on the question's first answer: the same numbers the review and exports show. Read
        from memory: the last analyses may still wait in the write queue behind this job."""
        from interviewer.core.analysis.summary import Part, question_findings, summarize

        parts = []
        for record in self.controller.answers:
            state = self.answers.get(record.index)
            if state is None or state.answer_id is None:
                continue
            parts.append(Part(state.answer_id, record.question_id or "", record.follow_up_id, record.question_text,
                              record.asked_at, record.started_at, record.ended_at, state.analysis or {},
                              phase_id=record.phase or None))
        phase_starts = [p.started_at for p in self.engine.timeline.phases]
        numbers = summarize(parts, phase_starts, question_phases=question_phases(self.script))
        for answer_id, f in question_findings(numbers):
            self.store.add_finding(self.session_id, f.kind, f.message, answer_id=answer_id, start=f.start,
                                   end=f.end, details={"severity": f.severity})

    def _await_last_analyses(self, timeout: float = 30.0) -> None:
        """At round end, off the GUI thread: let the last transcripts arrive and be analysed, so
        that round findings such as "no clarifying questions" see every answer."""
        if self._writer is None:
            return  # inline (headless) runs finish their analyses synchronously
        deadline = time.monotonic() + timeout
        for _ in range(3):  # a transcript is handed over by poll(), then analysed in background
            self._wait_idle(max(0.0, deadline - time.monotonic()))
            # Bounded: while the app quits, the GUI thread may never run the posted poll.
            self._poll_on_gui_thread(min(2.0, max(0.0, deadline - time.monotonic())))
        self._wait_idle(max(0.0, deadline - time.monotonic()))

    def _poll_on_gui_thread(self, wait_s: float) -> None:
        """From a background thread: have the GUI thread, which owns the controller, poll it once,
        and wait up to `wait_s` for that to happen."""
        handed_over = threading.Event()

        def poll() -> None:
            try:
                self.controller.poll()
            finally:
                handed_over.set()

        self._post(poll)
        handed_over.wait(wait_s)

    def _answers_in_clarifying_phases(self) -> dict[str, list[dict]]:
        """Analyses of the answers given in each phase that expected clarifying questions.
        A phase whose answers were recorded but never analysed (no model) is left out: unknown.
        So is one with no recording at all: it was left before its question was asked (the
        recording starts once it is said, or when the candidate talks over it), so the candidate
        never had a turn to ask in (trial13: N during its opening skipped it, and the review
        said it "ended without a clarifying question")."""
        started = {p.phase for p in self.engine.timeline.phases}
        expecting = [p for p in self.script.phases if p.expects_clarifying and p.id in started]
        result: dict[str, list[dict]] = {}
        for phase in expecting:
            states = [self.answers.get(i + 1) for i, record in enumerate(self.controller.answers)
                      if record.phase == phase.id]
            analysed = [s.analysis for s in states if s is not None and s.analysis is not None]
            if not analysed:
                continue
            result[phase.id] = analysed
        return result

    def close(self, timeout: float = 10.0) -> None:
        """Before the store closes (app quit, next round): let the recorder close, the last
        transcripts finish and be analysed, and every queued write land. Call on the GUI thread;
        it blocks it (up to `timeout` per step): quitting uses close_in_background instead."""
        self._close(timeout, self.controller.poll)

    def close_in_background(self, on_done: Callable[[], None], timeout: float = 10.0) -> None:
        """close() on a thread of its own, the GUI thread running on meanwhile (trial 24: quitting
        mid-round stood up to 10 s on the last answer's transcript with no sign of life); the
        controller's polls, which belong to the GUI thread, are posted there, and on_done is
        posted there once everything is saved (or the waits ran out: what was recorded is on
        disk either way). Not on the thread pool: the work it waits for may need a slot there."""
        def poll_on_gui() -> None:
            self._poll_on_gui_thread(timeout)

        def run() -> None:
            try:
                self._close(timeout, poll_on_gui)
            except Exception:
                log.exception("Closing the round failed")
            finally:
                self._post(on_done)

        threading.Thread(target=run, name="round-close", daemon=True).start()

    def _close(self, timeout: float, poll: Callable[[], None]) -> None:
        if self._recorder is not None:
            self._recorder.wait_stopped(timeout)
        deadline = time.monotonic() + timeout
        for _ in range(3):  # a finished transcript queues its analysis, which queues its save
            self._wait_idle(max(0.0, deadline - time.monotonic()))
            poll()  # hands finished transcripts over (TranscriptReady)
        self._wait_idle(max(0.0, deadline - time.monotonic()))
        if self._writer is not None:
            self._writer.close(timeout)
            self._writer = None

    # ------------------------------------------------------------ helpers

    def _write(self, fn: Callable[[], None], what: str) -> None:
        def locked() -> None:
            with self._store_lock:
                fn()

        guarded = self._guarded(locked, what)
        if self._writer is None:
            guarded()
        else:
            self._writer.submit(guarded)

    def _background(self, fn: Callable[[], None], what: str) -> None:
        self._counted(self._guarded(fn, what))

    def _counted(self, fn: Callable[[], None]) -> None:
        """run_in_background, keeping count so that close() can wait for the work."""
        with self._idle:
            self._pending += 1

        def run() -> None:
            try:
                fn()
            finally:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()

        self._run_in_background(run)

    def _wait_idle(self, timeout: float) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def _guarded(self, fn: Callable[[], None], what: str) -> Callable[[], None]:
        def guarded() -> None:
            try:
                fn()
            except Exception as exc:
                log.exception("%s failed", what)
                message = f"{what} failed: {exc}. What was recorded is kept on disk."
                self._post(lambda: self._problem(message))

        return guarded

    def _loudspeakers_heard(self) -> None:
        """From the microphone's thread: the round's own echo check heard the interviewer."""
        self.controller.loudspeakers_heard()
        store, session_id = self.store, self.session_id
        if store is not None and session_id is not None:
            self._write(lambda: store.set_audio_setup(session_id, LOUDSPEAKERS), "Saving the audio setup")
        self._post(lambda: self._problem(
            "The microphone hears the interviewer's voice: loudspeakers, it seems. So that its own voice "
            "cannot interrupt it, talking no longer does; press Space to interrupt. Headphones work "
            "better (Check screen, Check for echo)."))
        if self._on_setup_found is not None:
            found = self._on_setup_found
            self._post(lambda: found("loudspeakers"))

    def _problem(self, message: str) -> None:
        self.problems.append(message)
        if self._on_problem is not None:
            self._on_problem(message)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def _question(script: RoundScript, question_id: str | None):
    try:
        return script.question(question_id) if question_id else None
    except KeyError:
        return None


def _phase(script: RoundScript, phase_id: str | None):
    try:
        return script.phase(phase_id) if phase_id else None
    except KeyError:
        return None
