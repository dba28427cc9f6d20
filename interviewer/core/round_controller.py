"""Runs a live round: speaks what the engine says, records and transcribes the answers.

Qt-free, so the GUI and headless runs share it and tests drive a 60-minute round with fakes in
milliseconds. The loop is the caller's:

    controller = RoundController(engine, speaker, recorder, make_transcriber, audio_dir, on_update=...)
    controller.start()
    every ~200 ms: controller.poll()
    on keys:      controller.end_answer() / repeat_question() / continue_answer() / next_part() /
                  pause() / resume() / stop()

Threading: the controller itself starts no thread except through `run_in_background`, which runs
`LiveTranscriber.finish()` (it blocks) off the caller's thread. Adapter callbacks (speech done,
partial transcripts, finished transcripts) and `on_silence()` may arrive on any thread: they only
put a closure on a thread-safe queue, which `poll()` drains on the caller's thread. So every other
method, and `on_update`, run on the thread that calls `poll()` (the GUI thread in the app). The
exceptions are head starts that leave the state alone: on a partial transcript's thread, the reply
to a question it ends in is prepared (`_prepare_reply`); on a finished one's, the follow-up
decision's encoding (`_prepare_decision`).

Turn-taking: utterances are spoken one at a time from a queue; an answer's recording starts when
the speaker reports it finished the question (or the phase prompt). The candidate may talk over
the interviewer: `on_voice()` (from a voice detector that ignores the interviewer's own voice)
stops the speaker at once and starts the answer then, and the recorder's pre-roll keeps the first
words (the session also keeps one continuous recording of the whole round). Warnings, nudges and
answers to the candidate's clarifying questions during an answer are spoken without stopping the
recording; their times are kept in the answer record (`interjections`) so analysis can allow for
them.

A clarifying question: when the words transcribed so far end in a question and the candidate has
paused (`reply_after_silence`), the question goes to the `answerer` (see ports.ClarifyingAnswerer)
and its reply is said at once; the exchange is kept in the answer record (`clarifications`).

`status` is the one state machine the status line shows (`status_text`); every change is
emitted as a StatusChanged update.

Around the class: its settings and timings (round_settings), what it records (round_records),
the updates it emits (round_updates), the status line (round_status), the time warnings it says
(time_warnings) and the questions it hears in an answer (trailing_questions).
"""
from __future__ import annotations

import queue
import re
import threading
from collections import deque
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Callable

from interviewer.core.engine import (
    ASK_FOR_MORE_ID, AskQuestion, Event, PhaseEndingSoon, PhaseStarted, RoundEndingSoon, RoundEngine, TimeUp,
)
from interviewer.core.candidate_questions import CandidateQuestionResponder, question_phases
from interviewer.core.interview_requests import (
    THINKING_TIME_REPLY, about_the_interview, asks_for_hint, asks_for_thinking_time, asks_time_left,
    ends_asking_for_thinking_time, time_scope,
)
from interviewer.core.conversation_cues import (
    asks_to_ask, asks_to_repeat, asks_to_talk, checks_in, declines_to_ask, greets, only_opens, wraps_up,
)
from interviewer.core.ports import ClarifyingAnswerer, LiveTranscriber, Recorder, Speaker
from interviewer.core.round_records import AnswerRecord, Clarification, EndedBy, Utterance, UtteranceKind
from interviewer.core.round_settings import (
    ACKNOWLEDGEMENTS, BARGE_IN_PREROLL_SECONDS, COUNTDOWN_AFTER_QUIET_S, COUNTDOWN_S, ECHO_TAIL_SECONDS, HELD_REPLY_MAX_SPEECH_S,
    NOISE_BARGE_IN_MAX_SOUND_S, NOISE_BARGE_IN_SILENCE_S, OPENING_SILENCE_GOES_ON_AFTER, REPLY_CUT_AT_START_S,
    SAME_REPLY_WINDOW_S, STALE_WARNING_SECONDS, THINKING_TIME_S, WRAP_UP_WORDS, ControllerSettings,
)
from interviewer.core.round_status import ControllerStatus, status_text
from interviewer.core.round_updates import (
    AnswerDropped, AnswerEnded, CandidateTurn, ClarifyingAnswered, ListeningStarted, MicPaused, MicResumed,
    PartialTranscript, Problem, RoundFinished, Speaking, SpeechInterrupted, StatusChanged, TranscriptReady, Update,
)
from interviewer.core.time_left import PartTime, RoundTimes, question_end_index, time_left_answer
from interviewer.core.time_warnings import warning_text
from interviewer.core.trailing_questions import (
    STATED_QUESTION_WAIT_S, TRAILED_QUESTION_WAIT_S, stated_question, trailed_question, trailing_question,
    trailing_questions,
)
from interviewer.core.transcript import Segment, Transcript, Word, join_words

TranscriberFactory = Callable[[], LiveTranscriber]


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


QUESTION_KINDS = (UtteranceKind.QUESTION, UtteranceKind.FOLLOW_UP, UtteranceKind.CHANGED_CONSTRAINT,
                  UtteranceKind.REPEAT, UtteranceKind.PROMPT)


# How far before the candidate's voice stopped the last transcribed word may end and still be
# the last said (Whisper's word times are off by a few hundred milliseconds).
STATED_TRANSCRIPT_SLACK_S = 1.0


def _last_sentence(words: list[Word]) -> str:
    """The last sentence of `words` ("Okay. Let me take a minute." -> "Let me take a minute.")."""
    sentences = re.split(r"(?<=[.!?])\s+", join_words([w.text for w in words]).strip())
    return sentences[-1] if sentences else ""


def _words_of(segments: list[Segment]) -> list[Word]:
    words: list[Word] = []
    for seg in segments:
        if seg.words:
            words.extend(seg.words)
        else:  # a transcriber without word times: spread the words over the segment
            parts = seg.text.split()
            step = (seg.end - seg.start) / max(1, len(parts))
            words.extend(Word(w, seg.start + k * step, seg.start + (k + 1) * step) for k, w in enumerate(parts))
    return words


class RoundController:
    def __init__(self, engine: RoundEngine, speaker: Speaker | None, recorder: Recorder | None,
                 transcriber_factory: TranscriberFactory | None, audio_dir: Path, *,
                 on_update: Callable[[Update], None] | None = None,
                 settings: ControllerSettings = ControllerSettings(),
                 run_in_background: Callable[[Callable[[], None]], None] = _run_in_thread,
                 answerer: Callable[[str | None], ClarifyingAnswerer | None] | None = None) -> None:
        """`answerer(question_id)` gives what answers the candidate's clarifying questions about
        that question (None: the interviewer does not answer them)."""
        self.engine = engine
        self.speaker = speaker
        self.recorder = recorder
        self.transcriber_factory = transcriber_factory
        self.audio_dir = Path(audio_dir)
        self.settings = settings
        self._on_update = on_update
        self._run_in_background = run_in_background
        self._answerer = answerer
        # Phases whose floor is the candidate's own questions ("Do you have questions for me?"):
        # replied to by these, never with a fact of the script (core.candidate_questions).
        self._question_phases = question_phases(engine.script)
        self._candidate_responders = {pid: CandidateQuestionResponder(engine.script.phase(pid))
                                      for pid in self._question_phases}
        self._inbox: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()

        self.utterances: list[Utterance] = []  # everything said, in order
        self.answers: list[AnswerRecord] = []
        self.input_level = 0.0  # latest microphone level (written by the audio thread)
        self.paused = False
        self.finished = False
        self.started = False

        self._to_say: deque[Utterance] = deque()
        self._speaking: Utterance | None = None
        self._turn: _Turn | None = None  # the last question asked (or a phase prompt before any)
        self._listen_pending = False  # start recording once the queued speech is over
        self._barge_in_pending = False  # ... and it starts because the candidate talked over it
        self._answer: AnswerRecord | None = None  # being recorded
        self._transcribers: dict[int, LiveTranscriber] = {}  # by answer index, until finished
        self._unfinished: list[AnswerRecord] = []  # parts of the answer not yet given to the engine
        self._finish_deadline: float | None = None  # waiting for transcripts to finish the answer
        self._silence_seen = 0.0
        self._silence_offset = 0.0  # silence that had passed when the interviewer stopped talking
        self._nudged_this_silence = False
        self._no_nudge_until = float("-inf")  # the candidate asked for time to think
        self._acknowledge_next = False  # the last answer was finished by the candidate
        self._offered_after: int | None = None  # index of the answer after which nothing_left_text was said
        self._acknowledged = 0
        self._spoke_since_recording = True  # the interviewer said something since the last recording
        self._heard: list[Segment] = []  # partial transcript of the answer being recorded
        self._replied_words = 0  # words of _heard already answered (or judged not a question)
        self._status_key: tuple | None = None
        self._in_status_check = False
        self._draining = False  # applying queued callbacks: a reply to the candidate waits for all of them
        self._voice_at = float("-inf")  # when the candidate's voice was last reported (round seconds)
        self._voices = 0  # voice reports so far, and at each pending reply's decision (by id)
        self._voices_at_reply: dict[int, int] = {}
        self._held: tuple[Utterance, int, bool] | None = None  # reply, words heard when held, awaiting flag
        self._words_live = False  # the answer being recorded is transcribed as it goes (partial segments)

    # ------------------------------------------------------------ the caller's loop

    def start(self) -> None:
        self.started = True
        self._handle(self.engine.start())
        self._pump()
        self._check_status()

    def poll(self) -> None:
        """Apply queued callbacks, then whatever the engine has due; call every ~200 ms."""
        self._drain_inbox()
        self._handle(self.engine.poll())
        if self._finish_deadline is not None and self._now() >= self._finish_deadline:
            self._finish_answer()
        self._pump()
        self._drain_inbox()  # a speaker that finished at once has queued its on_done already
        self._check_status()

    def _drain_inbox(self) -> None:
        self._draining = True
        try:
            while True:
                try:
                    task = self._inbox.get_nowait()
                except queue.Empty:
                    return
                task()
                self._check_status()
        finally:
            self._draining = False

    @property
    def status(self) -> ControllerStatus:
        if self.finished:
            return ControllerStatus.FINISHED
        if self.paused:
            return ControllerStatus.PAUSED
        current = self._speaking or (self._to_say[0] if self._to_say else None)
        if current is not None:
            return (ControllerStatus.ANSWERING if current.kind == UtteranceKind.CLARIFICATION
                    else ControllerStatus.SPEAKING)
        if not self.started:
            return ControllerStatus.STARTING
        if self._answer:
            return ControllerStatus.LISTENING
        if self._finish_deadline is not None:
            return ControllerStatus.THINKING
        return ControllerStatus.WAITING

    @property
    def status_line(self) -> str:
        answer = self._answer
        # After a reply the candidate is thinking again: "just pause" would not end the answer.
        # Nor after sounds the live transcript found no word in (a cough): that is thinking time.
        spoke = bool(answer and answer.heard_speech and not answer.awaiting_speech_after_reply
                     and self._heard_a_word())
        if self.status == ControllerStatus.THINKING:  # the answer just ended: was anything said in it?
            spoke = any(r.heard_speech for r in self._unfinished) or bool(self._heard)
        return status_text(self.status, heard_speech=spoke, while_listening=answer is not None,
                           talk_interrupts=self.settings.barge_in and self.settings.speakers_checked,
                           last_part=not self.engine.has_next_phase, goes_on_in=self._goes_on_in())

    def _check_status(self) -> None:
        """Emit StatusChanged when what the status line says has changed. Called once each
        entry point is done (never midway, where e.g. an answer has ended but its finishing
        has not started yet), so every status shown is one the round really is in."""
        if self._in_status_check:
            return
        self._in_status_check = True
        try:
            status, text = self.status, self.status_line
            if (status, text) != self._status_key:
                self._status_key = (status, text)
                self._emit(StatusChanged(status, text, self._now()))
        finally:
            self._in_status_check = False

    @property
    def current_answer(self) -> AnswerRecord | None:
        return self._answer

    # ------------------------------------------------------------ the candidate's keys

    def end_answer(self) -> bool:
        if self._answer is None:
            return False
        self._end_recording(EndedBy.KEY, finishes_answer=True)
        self._pump()
        self._check_status()
        return True

    def repeat_question(self) -> bool:
        """Say again what the interviewer last asked in this phase: its question or follow-up,
        or, in a phase that asked nothing yet, its prompt (never an earlier phase's question)."""
        if self.paused or not self.started or self.engine.is_over:
            return False
        events = self.engine.repeat_question()
        prompt = None if events else self.engine.prompt_now()
        if not events and prompt is None:
            return False
        if self._answer is not None:
            self._end_recording(EndedBy.REPEAT)
        self._finish_deadline = None  # the candidate will go on answering the same question
        if events:
            ask = events[0]
            self._say(ask.text, UtteranceKind.REPEAT, ask)
            self._turn = _Turn(ask.question_id, ask.follow_up_id, ask.text, continuation=True)
        else:
            self._say(prompt.strip() or self.settings.nothing_to_repeat_text, UtteranceKind.REPEAT)
            turn = self._turn  # the prompt's turn: the answer goes on as the same one
            self._turn = (_Turn(turn.question_id, turn.follow_up_id, turn.text, True, turn.asked_at)
                          if turn is not None else _Turn(None, None, prompt, True))
        self._listen_pending = True
        self._pump()
        self._check_status()
        return True

    def continue_answer(self) -> bool:
        """Record more about the last question without hearing it again (e.g. while waiting at the
        end of the last part, the candidate thought of something to add)."""
        busy = self._answer is not None or self._speaking is not None or self._to_say
        if busy or self._turn is None or self.engine.is_over or self.paused:
            return False
        self._listen_again()
        self._check_status()
        return True

    def _listen_again(self) -> None:
        """The candidate goes on with the same question: a new recording joins the earlier ones."""
        self._finish_deadline = None
        self._turn = _Turn(self._turn.question_id, self._turn.follow_up_id, self._turn.text, True,
                           self._turn.asked_at)
        self._listen_pending = True
        self._pump()

    def next_part(self) -> bool:
        """The candidate is done with this part (Next key): the next phase starts now; in the last
        phase the round ends. What was being recorded is kept."""
        if self.finished or self.paused or self.engine.is_over or not self.started:
            return False
        if self._answer is not None:
            self._end_recording(EndedBy.NEXT)
        self._unfinished, self._finish_deadline = [], None
        self._silence_speech()
        self._listen_pending = False
        if self.engine.has_next_phase:
            self._handle(self.engine.next_phase())
        else:
            self.engine.stop()
            self._say(self.settings.early_closing_text, UtteranceKind.CLOSING)
        self._pump()
        self._check_status()
        return True

    def pause(self) -> bool:
        """Pause the round (a doorbell): the clocks stop, the recording stops, the interviewer
        stops mid-sentence and says it again after `resume()`."""
        if self.paused or self.finished or not self.engine.pause():
            return False
        self.paused = True
        if self._answer is not None:
            self._end_recording(EndedBy.PAUSED)
            self._turn.continuation = True
            self._listen_pending = True  # resume records the rest of the answer
        speaking, self._speaking = self._speaking, None
        if speaking is not None:
            speaking.interrupted, speaking.ended_at = True, self._now()
            if speaking.kind not in (UtteranceKind.NUDGE, UtteranceKind.PHASE_WARNING):
                again = Utterance(speaking.text, speaking.kind, question_id=speaking.question_id,
                                  follow_up_id=speaking.follow_up_id)
                self._to_say.appendleft(again)
            if self.speaker is not None:
                self.speaker.stop()
        self._emit(MicPaused(self._now()))
        self._check_status()
        return True

    def resume(self) -> bool:
        if not self.paused:
            return False
        self.engine.resume()
        self.paused = False
        self._emit(MicResumed(self._now()))
        self._pump()
        self._check_status()
        return True

    def stop(self) -> None:
        """End the round now (the user quit); what was recorded is kept."""
        if self.finished:
            return
        if self.paused:
            self.paused = False
        if self._answer is not None:
            self._end_recording(EndedBy.STOPPED)
        self.engine.stop()
        self._listen_pending = False
        self._finish_deadline = None
        self._silence_speech()
        self._finish_round()

    # ------------------------------------------------------------ inputs from other threads

    def on_silence(self, seconds: float) -> None:
        """Length of the current silence in the answer; 0 while the candidate speaks. Thread-safe."""
        self._inbox.put(partial(self._silence, seconds))

    def on_voice(self) -> None:
        """The candidate started talking (a voice detector that ignores the interviewer's own
        voice says so). Thread-safe. Talking over the interviewer stops it and starts the answer;
        talking while nothing is recorded adds to the last answer."""
        if not self.settings.barge_in and self._speaking is not None:
            return  # with loudspeakers this may be the interviewer's own voice; the key interrupts
        self._inbox.put(self._voice)
        # The speaker stops at once, from this thread (its stop() is thread-safe), rather than at
        # the next poll: the candidate must not talk over the interviewer for long. The rest is
        # done by _voice on the caller's thread; it runs before the stopped speech's on_done.
        speaking = self._speaking
        if (speaking is not None and speaking.kind != UtteranceKind.CLOSING and self.speaker is not None
                and not self.paused and not self.finished):
            try:
                self.speaker.stop()
            except Exception:  # reported when _voice stops it again
                pass

    def loudspeakers_heard(self) -> None:
        """The microphone was found to hear the interviewer (adapters/voice.py EchoWatch) while
        nobody had checked the setup: it is loudspeakers, so talking no longer interrupts the
        interviewer (its own voice would), Space does. Thread-safe."""
        self._inbox.put(self._loudspeakers_heard)

    def _loudspeakers_heard(self) -> None:
        if self.settings.speakers_checked:
            return  # the echo check or the user said which it is: that stands
        self.settings = replace(self.settings, barge_in=False, speakers_checked=True)

    def _voice(self) -> None:
        if self.finished or self.paused or self.engine.is_over or not self.started:
            return
        if self._speaking is None:  # not the interviewer's voice
            self._voice_at, self._voices = self._now(), self._voices + 1
        speaking = self._speaking
        if speaking is not None:
            if speaking.kind != UtteranceKind.CLOSING and self.settings.barge_in:
                self._barge_in(speaking)
        elif self._answer is None and not self._to_say and self._turn is not None and not self._in_echo_tail():
            self.continue_answer()

    def _in_echo_tail(self) -> bool:
        """With loudspeakers (barge-in off) the room still rings just after the interviewer stops."""
        last = self.utterances[-1] if self.utterances else None
        return (not self.settings.barge_in and last is not None and last.ended_at is not None
                and self._now() - last.ended_at < ECHO_TAIL_SECONDS)

    def interrupt(self) -> bool:
        """The candidate's key to talk over the interviewer (with barge-in off, the only way):
        it stops as if they had started talking. Not the closing; not while paused."""
        speaking = self._speaking
        if (speaking is None or speaking.kind == UtteranceKind.CLOSING or self.paused or self.finished
                or not self.started):
            return False
        self._barge_in(speaking)
        self._check_status()
        return True

    def _barge_in(self, speaking: Utterance) -> None:
        now = self._now()
        speaking.interrupted, speaking.ended_at = True, now
        self._speaking = None
        if self.speaker is not None:
            self.speaker.stop()
        self._emit(SpeechInterrupted(speaking.kind, speaking.text, now))
        if self._answer is not None:
            self._silence_offset = self._silence_seen
            if (speaking.kind == UtteranceKind.CLARIFICATION and speaking.decided_at is not None
                    and now - speaking.started_at < REPLY_CUT_AT_START_S):
                again = Utterance(speaking.text, speaking.kind, decided_at=now)
                self._held = (again, len(_words_of(self._heard)), self._answer.awaiting_speech_after_reply)
                self._answer.awaiting_speech_after_reply = False
            return  # a nudge, warning or reply during the answer: the recording goes on
        # What was still queued to say is shown instead: the candidate is already talking.
        for utterance in list(self._to_say):
            if utterance.kind in QUESTION_KINDS:
                utterance.started_at = utterance.ended_at = now
                utterance.spoken = False
                self.utterances.append(utterance)
                if utterance.question_id is not None and self._turn is not None:
                    self._turn.asked_at = now
                self._emit(Speaking(utterance.text, utterance.kind, now))
        self._to_say.clear()
        if self._turn is not None:
            self._listen_pending = True
            self._barge_in_pending = True
        self._pump()

    def _silence(self, seconds: float) -> None:
        answer = self._answer
        if answer is None:
            return
        if seconds <= 0:
            self._voice_at, self._voices = self._now(), self._voices + 1
            answer.heard_speech = True
            if self._speaking is None and not self._to_say:  # the candidate, not the interviewer's voice
                answer.awaiting_speech_after_reply = False
            self._silence_seen, self._silence_offset, self._nudged_this_silence = 0.0, 0.0, False
            return
        if seconds < self._silence_seen:  # a new stretch of silence
            self._nudged_this_silence, self._silence_offset = False, 0.0
        self._silence_seen = seconds
        if self._speaking is not None or self._to_say:
            return  # the interviewer is talking: the candidate's silence starts after it
        quiet = seconds - self._silence_offset
        if self._was_a_noise(answer, quiet):
            self.repeat_question()
            return
        if self._held is not None and quiet >= self.settings.reply_after_silence:
            self._release_held_reply()
            if self._to_say:
                self._pump()
                return
        if answer.heard_speech and quiet >= self.settings.reply_after_silence:
            if self._maybe_reply(quiet):
                return
        end_after = self.settings.silence_ends_answer_after
        nudge_after = self.settings.silence_nudge_after
        # Silence before the first word is thinking time: it may earn a nudge, never an ending
        # (_silence_ends_answer_at says when else it is).
        if self._silence_ends_answer_at(quiet) is not None:
            self._end_recording(EndedBy.SILENCE, finishes_answer=True)
        # The round's opening words, if they ask nothing ("Hi, welcome. This round covers ML
        # breadth."), leave the candidate waiting for the first question: the interviewer goes on
        # after a beat. Not a later part's ("Go ahead and code it up"): silence there is work.
        # Before, a trial4 round waited 62 s, said "Remember to think out loud." and the review
        # called it a slow start.
        elif (end_after and not answer.heard_speech and quiet >= OPENING_SILENCE_GOES_ON_AFTER
              and not self.engine.timeline.asks and self._answers_opening_words()):
            answer.nothing_asked = True
            self._end_recording(EndedBy.SILENCE, finishes_answer=True)
        # "Think out loud" is for working on something; not after the last phase's prompt ("Any
        # questions for me?"), where silence is the candidate's to take.
        elif (nudge_after and not self._answers_closing_prompt(answer) and quiet >= nudge_after
              and not self._nudged_this_silence and self._now() >= self._no_nudge_until):
            self._nudged_this_silence = True
            answer.nudges.append(self._now())
            self._say(self.settings.nudge_text, UtteranceKind.NUDGE)
        self._pump()

    def _silence_ends_answer_at(self, quiet: float, within: float = 0.0) -> float | None:
        """Seconds of the candidate's silence that end the answer being recorded, as things
        stand, once `quiet` s of silence are at most `within` s short of them; else None, and
        None while silence cannot end it. Called on every silence report and status check: the
        costly look at all the words heard waits until the silence is that near.
        Silence before the first word is thinking time, and so is silence after the interviewer
        answered a question, until the candidate speaks; so is silence after words that only
        open an answer ("Sure, happy to talk about that."): a trial's round took that for the
        whole answer and went on to the follow-up. So is silence after sounds the live
        transcript found no word in (a cough, a door, a TV while the candidate thinks): trial5's
        round said "Okay, thanks." and asked the follow-up of an answer never begun. Words that
        come late end it at once (the silence goes on counting)."""
        answer, end_after = self._answer, self.settings.silence_ends_answer_after
        if answer is None or not end_after or not answer.heard_speech or answer.awaiting_speech_after_reply:
            return None
        wrap_up = self.settings.wrap_up_ends_answer_after
        shorter = wrap_up if wrap_up and wrap_up < end_after else None
        if quiet + within < (shorter or end_after):
            return None
        ends_at = shorter if shorter is not None and self._handed_back(shorter) else end_after
        if quiet + within < ends_at or only_opens(self._heard_text()) or not self._heard_a_word():
            return None
        return ends_at

    def _heard_a_word(self) -> bool:
        """Words were heard in this answer, or it is not transcribed as it goes (no way to tell)."""
        return not self._words_live or any(s.words or s.text.strip() for s in self._heard)

    def _goes_on_in(self) -> float | None:
        """Seconds until the silence so far ends the answer, shown on the status line in the last
        seconds (COUNTDOWN_S) so the candidate knows what the quiet is about to do and what to
        press; None when silence is not about to end it (or the interviewer is talking)."""
        if self._answer is None or self._speaking is not None or self._to_say or self._held is not None:
            return None
        quiet = self._silence_seen - self._silence_offset
        if quiet < COUNTDOWN_AFTER_QUIET_S:  # talking, or between two words
            return None
        ends_at = self._silence_ends_answer_at(quiet, within=COUNTDOWN_S)
        return None if ends_at is None or ends_at <= quiet else ends_at - quiet

    def _was_a_noise(self, answer: AnswerRecord, quiet: float) -> bool:
        """The sound that stopped the interviewer was no one talking: no words, hardly any sound
        since, and a silence (a trial5 door slam stopped the question; 8 s later the round took
        it for the answer and asked the follow-up)."""
        return (answer.barged_in and not answer.continuation and quiet >= NOISE_BARGE_IN_SILENCE_S
                and not _words_of(self._heard)
                and self._voice_at - answer.started_at < NOISE_BARGE_IN_MAX_SOUND_S)

    def _last_answer_had_words(self) -> bool:
        """The last recording's transcript (ready when the next question is asked) holds words."""
        last = self.answers[-1] if self.answers else None
        return bool(last is not None and last.transcript is not None and _words_of(last.transcript.segments))

    def _handed_back(self, quiet: float) -> bool:
        """The candidate's last sentence handed the turn back ("That's it.") `quiet` s ago or more."""
        after = self.settings.wrap_up_ends_answer_after
        if not after or quiet < after:
            return False
        last = self._last_words()
        return bool(last) and (wraps_up(last) or (self._answers_opening_words() and greets(last)))

    def _answers_opening_words(self) -> bool:
        """The answer replies to a part's opening words before any question ("Hi, thanks for
        joining. This is a coding round..."), which ask for nothing: not "To start, tell me
        about...", nor the last part's invitation to ask."""
        answer = self._answer
        if answer is None or answer.question_id is not None or self._answers_closing_prompt(answer):
            return False
        phase = next((p for p in self.engine.script.phases if p.id == answer.phase), None)
        return phase is not None and not asks_to_talk(phase.prompt)

    def _heard_text(self) -> str:
        """All the words heard in this answer so far (read only when the silence rule would end it)."""
        return join_words([w.text for w in _words_of(self._heard)])

    def _last_words(self) -> str:
        """The last words heard in this answer, enough to hold its last sentence."""
        return join_words([w.text for w in _words_of(self._heard)[-WRAP_UP_WORDS:]])

    def _answers_closing_prompt(self, answer: AnswerRecord) -> bool:
        phases = self.engine.script.phases
        return answer.question_id is None and bool(phases) and answer.phase == phases[-1].id

    # ------------------------------------------------------------ clarifying questions

    def _partial(self, index: int, segment: Segment) -> None:
        self._emit(PartialTranscript(index, segment))
        answer = self._answer
        if answer is None or answer.index != index:
            return
        self._heard.append(segment)
        if answer.awaiting_speech_after_reply and self.settings.barge_in and segment.text.strip():
            # Words heard after the reply was asked for: the candidate went on, maybe talking over
            # the reply (their voice had not paused long enough for the voice detector to stop
            # it, and the level seen while the interviewer talks is not counted). The silence
            # from now on is theirs again: "So yeah, that's my approach." said over the reply
            # left the answer open, and 12 s later came "Remember to think out loud" (a trial).
            # Not with loudspeakers: there the words may be the interviewer's own voice.
            answer.awaiting_speech_after_reply = False
        if asks_for_thinking_time(_last_sentence(segment.words)):  # "Let me think for a minute.": no "think out loud" meanwhile
            self._no_nudge_until = self._now() + THINKING_TIME_S
        quiet = self._silence_seen - self._silence_offset
        if answer.heard_speech and quiet >= self.settings.reply_after_silence and self._speaking is None:
            self._maybe_reply(quiet)
            self._pump()

    def _maybe_reply(self, quiet: float = 0.0) -> bool:
        """If the candidate's last words ask a question not answered yet, answer it. True if so.
        `quiet`: seconds of silence since; a question that trailed away waits longer."""
        answer = self._answer
        if answer is None or not self._answers_questions(answer) or self._speaking is not None or self._to_say:
            return False
        words = _words_of(self._heard)
        new = words[self._replied_words:]
        if not new:
            return False
        questions = trailing_questions(new)
        if not questions and quiet >= TRAILED_QUESTION_WAIT_S:
            questions = [q for q in (trailed_question(new),) if q is not None]
        if not questions:
            # "Let me take a minute to think about this.": asked without a question mark, and
            # the silence after it is thinking time, not the end of the answer.
            said = join_words([w.text for w in new])
            if not ends_asking_for_thinking_time(said):
                return self._maybe_reply_to_statement(answer, new, len(words), quiet)
            questions = [_last_sentence(new)]
        # "Can I ask something? What's the latency?": the question asked answers the asking.
        questions = [q for q in questions[:-1] if not (asks_to_ask(q) or checks_in(q))] + questions[-1:]
        self._replied_words = len(words)
        replied = False
        for question in questions:  # in the order asked; the same fact is said once (_just_said)
            replied = self._respond(answer, question) or replied
            if self._answer is not answer:  # "Could you repeat that?" ended the recording
                break
        return replied

    def _maybe_reply_to_statement(self, record: AnswerRecord, new: list[Word], heard: int, quiet: float) -> bool:
        """A clarifying question heard as a statement ("So the input is sorted."), said early in
        the answer to a question and followed by a wait (trailing_questions.stated_question), is
        answered when it is about one of the question's clarifying topics not answered yet in
        this answer; otherwise nothing is said. Checked once per sentence: `heard` words are
        then taken as replied to. True if the interviewer answered."""
        if quiet < STATED_QUESTION_WAIT_S or not record.question_id or record.follow_up_id:
            return False
        if record.started_at + new[-1].end < self._voice_at - STATED_TRANSCRIPT_SLACK_S:
            return False  # the last words said are not transcribed yet: the wait is after them
        stated = stated_question(new)
        self._replied_words = heard
        if stated is None:
            return False
        return self._reply_to(record, stated, only_topics_not_answered=True)

    def _respond(self, record: AnswerRecord, question: str) -> bool:
        """Answer `question`, asked in `record`, as an interviewer would: a request about the
        interview itself (the clock, time to think, hearing the question again) by the round, the
        rest by the answerer (_reply_to). True if something was said or repeated."""
        if wraps_up(question):  # "Does that answer your question?": the answer ends, nothing to reply
            return False
        if asks_to_repeat(question):  # "Could you repeat that?": as the R key, not a clarifying question
            return self.repeat_question()
        if asks_time_left(question):  # "How much time do I have?": the clock, not a fact
            reply = time_left_answer(time_scope(question), self._round_times())
            # Told the time while working on a problem, the candidate goes back to it: the
            # silence is thinking. In the greeting there is nothing to work on: "..., how much
            # time do I have?" ends the introduction (a trial sat there, nudged to think aloud).
            record.awaiting_speech_after_reply = bool(record.question_id or self._discussed_question(record))
        elif asks_for_thinking_time(question):  # no answerer needed: it asks nothing about the problem
            reply = THINKING_TIME_REPLY
            self._no_nudge_until = self._now() + THINKING_TIME_S
            record.awaiting_speech_after_reply = True
        else:
            return self._reply_to(record, question)
        self._say(reply, UtteranceKind.CLARIFICATION)
        return True

    def _round_times(self) -> RoundTimes:
        """The parts' times as the clock stands, for "How much time do I have for ...?"."""
        script, now = self.engine.script, self._now()
        parts = tuple(PartTime(pid, script.phase(pid).name, start, end)
                      for pid, start, end in self.engine.planned_phases())
        phase = self.engine.current_phase
        current = next((i for i, p in enumerate(parts) if phase is not None and p.id == phase.id), 0)
        last = question_end_index(script.kind, parts, current, script.questions_in, self._question_phases)
        ends = parts[last].end if parts else now
        return RoundTimes(parts, current, now, ends, frozenset(self._question_phases))

    def _reply_to(self, record: AnswerRecord, question: str, only_topics_not_answered: bool = False) -> bool:
        """Say the interviewer's answer to `question`, asked in `record`; keep the exchange there
        unless it only asked to ask ("Can I ask a question?": invited, not a clarifying question).
        `only_topics_not_answered`: say it only if it gives the fact of a clarifying topic not
        answered in `record` yet (a statement taken for a question). True if something was said."""
        try:
            answerer = self._replier(record)
            if only_topics_not_answered and (answerer is None or asks_for_hint(question)):
                return False
            follow_up_hint = getattr(answerer, "follow_up_hint", None)
            if record.follow_up_id and follow_up_hint is not None and asks_for_hint(question):
                result = follow_up_hint(record.follow_up_id)  # stuck on the follow-up, not the question
            else:
                result = answerer.reply(question) if answerer is not None else None
        except Exception as exc:  # a broken matcher must not stop the round
            self._emit(Problem(f"could not answer the question: {exc}", self._now()))
            return False
        if result is None:
            return False
        topic, reply = result
        if only_topics_not_answered and (topic is None or topic in {c.topic for c in record.clarifications}):
            return False
        # After a reply the silence is thinking time until the candidate speaks again; not after
        # "Does that make sense?" - "Yes, ... Go on.": said last, it closed the answer, and the
        # silence that follows ends it as usual (it left the answer open and brought a nudge).
        record.awaiting_speech_after_reply = not checks_in(question)
        if self._just_said(reply):
            return True  # the exchange before holds the same fact and topic: nothing new to say or keep
        if not asks_to_ask(question) and not checks_in(question) and not about_the_interview(question):
            clarification = Clarification(question, topic, reply, self._now())
            record.clarifications.append(clarification)
            self._emit(ClarifyingAnswered(record.index, clarification))
        self._say(reply, UtteranceKind.CLARIFICATION)
        return True

    def takes_candidate_questions(self, record: AnswerRecord) -> bool:
        """The recording answers the floor handed to the candidate's own questions (a phase prompt
        such as "Do you have questions for me?", or the hand-over after its last question): what
        the candidate asks there is for the interviewer, not a clarifying question."""
        return record.question_id is None and record.phase in self._question_phases

    def _answers_questions(self, record: AnswerRecord) -> bool:
        """The interviewer answers what the candidate asks in `record` (cheap: no answerer is made)."""
        return self._answerer is not None or self.takes_candidate_questions(record)

    def _replier(self, record: AnswerRecord):
        """What answers the questions asked in `record` (None: the interviewer does not answer)."""
        if self.takes_candidate_questions(record):
            return self._candidate_responders[record.phase]
        if self._answerer is None:
            return None
        return self._answerer(record.question_id or self._discussed_question(record))

    def _discussed_question(self, record: AnswerRecord) -> str | None:
        """The question last asked before `record`: a phase prompt's recording ("Let's move to your
        approach") is still about it, so "Which language should I use?" there is about the problem.
        None before the first question (the greeting: no problem to answer about yet)."""
        earlier = [a.question_id for a in self.answers if a.index < record.index and a.question_id]
        return earlier[-1] if earlier else None

    def _just_said(self, reply: str) -> bool:
        """The same reply is being said, is queued, or was said in full moments ago: two questions
        on one topic in one breath ("How many payments are fraud? What is the class balance?")
        get the fact once. Said again when the first saying was cut off, or asked again later."""
        if any(u.text == reply for u in self._to_say) or (self._speaking and self._speaking.text == reply):
            return True
        last = next((u for u in reversed(self.utterances) if u.kind == UtteranceKind.CLARIFICATION), None)
        return (last is not None and last.text == reply and not last.interrupted and last.ended_at is not None
                and self._now() - last.ended_at <= SAME_REPLY_WINDOW_S)

    # ------------------------------------------------------------ engine events

    def _handle(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, PhaseStarted):
                self._acknowledge_next = False  # the phase's prompt opens with its own words
                if self._answer is not None:
                    self._end_recording(EndedBy.PHASE_END)
                self._finish_deadline = None  # the new phase takes over from a finishing answer
                self._unfinished = []
                # Whatever was not said yet belongs to the phase that ended (after a stall, several
                # phases arrive at once); only the round warning still holds.
                self._to_say = deque(u for u in self._to_say if u.kind == UtteranceKind.ROUND_WARNING)
                self._say(event.prompt, UtteranceKind.PROMPT)
                # What follows the prompt answers the prompt ("Give me a one-minute summary..."),
                # unless the phase's first question follows it (it takes the turn over then).
                self._turn = _Turn(None, None, event.prompt, False)
                self._listen_pending = True
            elif isinstance(event, AskQuestion):
                self._unfinished = []
                # Not before asking for more: "Thank you. Could you tell me more?" thanks for too little.
                if (self._acknowledge_next and event.reason != "repeat" and event.follow_up_id != ASK_FOR_MORE_ID
                        and self._last_answer_had_words()):
                    self._say(ACKNOWLEDGEMENTS[self._acknowledged % len(ACKNOWLEDGEMENTS)], UtteranceKind.ACKNOWLEDGEMENT)
                    self._acknowledged += 1
                self._acknowledge_next = False
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
                self._silence_speech()
                self._say(self.settings.closing_text, UtteranceKind.CLOSING)
            self._emit(event)

    # ------------------------------------------------------------ speaking

    def _say(self, text: str, kind: UtteranceKind, ask: AskQuestion | None = None) -> None:
        utterance = Utterance(text, kind, question_id=ask.question_id if ask else None,
                              follow_up_id=ask.follow_up_id if ask else None)
        if kind == UtteranceKind.CLARIFICATION and self._answer is not None:
            utterance.decided_at = self._now()  # it starts only if the candidate has not spoken since
            self._voices_at_reply[id(utterance)] = self._voices
        self._to_say.append(utterance)
        if self._answer is not None:
            self._answer.interjections.append(self._now())

    def _silence_speech(self) -> None:
        """Drop what was queued and stop what is being said (marked as interrupted)."""
        self._to_say.clear()
        speaking, self._speaking = self._speaking, None
        if speaking is not None:
            speaking.interrupted, speaking.ended_at = True, self._now()
            if self.speaker is not None:
                self.speaker.stop()
            self._emit(SpeechInterrupted(speaking.kind, speaking.text, speaking.ended_at))

    def _pump(self) -> None:
        """Start the next utterance, or listening once everything queued has been said."""
        if self.paused:
            return
        if self._speaking is None and self._to_say and self._reply_waits():
            return
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
        if (self._speaking is None and self._listen_pending and not self.paused
                and self._answer is None and not self.engine.is_over):
            self._listen_pending = False
            self._start_recording()

    def _reply_waits(self) -> bool:
        """The next utterance is a reply to the candidate mid-answer that must not start yet:
        while callbacks are being applied, later ones may report the candidate's voice (it
        starts once they are all in); if the candidate spoke again after it was decided on, it
        is held for their next pause (_release_held_reply). True if it waits."""
        reply = self._to_say[0]
        if reply.decided_at is None or self._answer is None:
            return False
        if self._draining:
            return True
        if self._voices_at_reply.pop(id(reply), self._voices) == self._voices:
            return False
        self._to_say.popleft()
        answer = self._answer
        self._held = (reply, len(_words_of(self._heard)), answer.awaiting_speech_after_reply)
        answer.awaiting_speech_after_reply = False  # the candidate is talking again
        if answer.interjections and answer.interjections[-1] == reply.decided_at:
            answer.interjections.pop()  # not said (yet)
        return bool(self._to_say) and self._reply_waits()

    def _release_held_reply(self) -> None:
        """At the candidate's pause after a held reply: say it, or drop it when they went on
        answering (new words, or talking for HELD_REPLY_MAX_SPEECH_S)."""
        reply, heard, awaiting = self._held
        self._held = None
        answer = self._answer
        went_on = (len(_words_of(self._heard)) > heard
                   or self._voice_at - reply.decided_at >= HELD_REPLY_MAX_SPEECH_S)
        if answer is None:
            return
        if went_on:
            answer.clarifications = [c for c in answer.clarifications if c.reply != reply.text
                                     or c.asked_at != reply.decided_at]
            return
        reply.decided_at = self._now()
        self._voices_at_reply[id(reply)] = self._voices
        answer.awaiting_speech_after_reply = awaiting
        answer.interjections.append(reply.decided_at)
        self._to_say.appendleft(reply)

    def _speech_done(self, utterance: Utterance) -> None:
        if utterance is not self._speaking:
            return
        utterance.ended_at = self._now()
        self._speaking = None
        if self._answer is not None:
            self._silence_offset = self._silence_seen  # the candidate's silence counts from now
        if utterance.kind == UtteranceKind.CLOSING:
            self._finish_round()
        self._pump()

    def _finish_round(self) -> None:
        if not self.finished:
            self.finished = True
            self._emit(RoundFinished(self._now()))
            self._check_status()

    # ------------------------------------------------------------ recording

    def _start_recording(self) -> None:
        turn = self._turn
        index = len(self.answers) + 1
        phase = self.engine.current_phase
        wav_path = self.audio_dir / f"answer-{index:03d}.wav"
        barged_in, self._barge_in_pending = self._barge_in_pending, False
        transcriber = None
        if self.transcriber_factory is not None:
            try:
                transcriber = self.transcriber_factory()
            except Exception as exc:
                self._emit(Problem(f"live transcription is not available: {exc}", self._now()))
        record = AnswerRecord(index, turn.question_id, turn.follow_up_id, turn.text,
                              phase.id if phase else "", turn.asked_at, self._now(), wav_path,
                              continuation=turn.continuation, after_interviewer=self._spoke_since_recording,
                              barged_in=barged_in)
        self._spoke_since_recording = False
        if transcriber is not None:
            self._transcribers[index] = transcriber
        self._words_live = transcriber is not None and hasattr(transcriber, "on_segment")
        if self._words_live:
            heard: list[Segment] = []  # this answer's segments, as the transcript's thread got them

            def on_segment(segment: Segment) -> None:  # on the transcript's thread
                heard.append(segment)
                self._prepare_reply(record, heard)  # before the caller's thread can ask for it
                self._inbox.put(partial(self._partial, index, segment))

            transcriber.on_segment = on_segment
        # recorder.start() runs before the record is appended: a recorder may count
        # `answers` to name the file (the GUI's store wrapper does).
        if self.recorder is not None:
            try:
                self.audio_dir.mkdir(parents=True, exist_ok=True)
                extra = {}
                if barged_in and getattr(self.recorder, "keeps_preroll", False):
                    extra["preroll_seconds"] = BARGE_IN_PREROLL_SECONDS  # the first words came before
                self.recorder.start(wav_path, on_audio=transcriber.feed if transcriber else None,
                                    on_level=self._set_level, **extra)
            except Exception as exc:  # no microphone: the round goes on, unrecorded
                record.wav_path = None
                self._emit(Problem(f"could not record: {exc}", self._now()))
        else:
            record.wav_path = None
        if barged_in:
            record.heard_speech = True
        self.answers.append(record)
        self._answer = record
        self._held = None
        self._heard, self._replied_words = [], 0
        self._silence_seen, self._silence_offset, self._nudged_this_silence = 0.0, 0.0, False
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
                if result is not None:
                    self._prepare_decision(record, result)
                self._inbox.put(partial(self._transcript_ready, record, result, error))

            self._run_in_background(finish)
        if finishes_answer:
            # The candidate finished speaking: the next question opens with a word that shows it
            # was heard, as an interviewer's does, not straight after the last word.
            self._acknowledge_next = ended_by in (EndedBy.KEY, EndedBy.SILENCE)
            self._finish_deadline = record.ended_at + self.settings.transcript_timeout
            self._finish_answer_if_ready()

    def _prepare_reply(self, record: AnswerRecord, heard: list[Segment]) -> None:
        """On the transcript's thread: if the words heard so far end in a question, the answerer
        works out its reply now, for the exact text _maybe_reply will ask about on the caller's
        thread (~50 ms of CPU with the sentence-embedding model, far more under load). The words
        already replied to are read from the caller's thread's state: a stale count only means
        a different text, which the reply then computes itself."""
        if record.ended_at is not None:
            return
        try:
            replied = self._replied_words if self._answer is record else 0  # 0: not started yet
            words = _words_of(heard)[replied:]
            question = trailing_question(words)
            if question is None and record.question_id and not record.follow_up_id:
                question = stated_question(words)  # taken for a question if the candidate waits
            if question is None:
                return
            prepare = getattr(self._replier(record), "prepare", None)
            if prepare is not None:
                prepare(question)
        except Exception:  # only a head start: the reply is computed on demand otherwise
            pass

    def _prepare_decision(self, record: AnswerRecord, transcript: Transcript) -> None:
        """On the transcript's thread: the matcher encodes what the follow-up decision will
        compare (the answer's text as _finish_answer joins it), so that the decision on the
        caller's thread does not (30-200 ms with the sentence-embedding model)."""
        try:
            earlier = [r.transcript.text for r in list(self._unfinished)
                       if r is not record and r.transcript is not None]
            self.engine.prepare_answer(" ".join([*earlier, transcript.text]))
        except Exception:  # only a head start: the decision encodes whatever is missing itself
            pass

    def _transcript_ready(self, record: AnswerRecord, transcript: Transcript | None, error: str | None) -> None:
        record.transcript, record.transcript_error, record.transcript_done = transcript, error, True
        if record.adds_nothing():
            record.dropped = True
            self._emit(AnswerDropped(record.index))
        elif transcript is not None or error is not None:
            self._emit(TranscriptReady(record.index, transcript, error))
        self._finish_answer_if_ready()

    def _finish_answer_if_ready(self) -> None:
        if self._finish_deadline is not None and all(r.transcript_done for r in self._unfinished):
            self._finish_answer()

    def _reply_before_finishing(self) -> bool:
        """The candidate asked a question and pressed the end key before the pause that gets a
        reply: the interviewer answers it, as a person would, and the candidate goes on with the
        same question. True if so (the answer is then not finished)."""
        record = self._unfinished[-1] if self._unfinished else None
        if (record is None or not self._answers_questions(record) or record.ended_by != EndedBy.KEY
                or record.transcript is None or self.engine.is_over or self._turn is None):
            return False
        words = _words_of(record.transcript.segments)
        question = trailing_question(words)
        if question is None:
            return False
        asked_until = record.started_at + words[-1].end  # round time the question ended
        if any(c.asked_at >= asked_until for c in record.clarifications):
            return False  # answered live already
        if not self._respond(record, question):
            return False
        self._listen_again()  # what was recorded stays in _unfinished: the rest joins it
        return True

    def _finish_answer(self) -> None:
        """Tell the engine the answer is over, with whatever was transcribed of it."""
        if self._reply_before_finishing():
            return
        parts = [r.transcript.text for r in self._unfinished if r.transcript is not None]
        last = self._unfinished[-1] if self._unfinished else None
        ended_at = last.ended_at if last is not None else None
        self._finish_deadline = None
        self._unfinished = []
        events = self.engine.answer_finished(" ".join(parts) if parts else None, ended_at=ended_at)
        self._handle(events)
        if not any(isinstance(e, (AskQuestion, PhaseStarted)) for e in events):
            self._hand_over_to_candidate()
            self._close_when_nothing_left_to_ask(last, " ".join(parts))
            self._offer_to_add(last)
        if self.engine.is_over and not self._to_say and self._speaking is None:
            return
        self._pump()

    def _hand_over_to_candidate(self) -> None:
        """The last question of a phase that takes the candidate's own questions is answered
        ("One last question from me, then it's your turn"): the interviewer hands the floor over,
        and what the candidate says next answers that, not the question."""
        phase = self.engine.current_phase
        if (phase is None or phase.id not in self._question_phases or self.engine.is_over
                or self._turn is None or self._turn.question_id is None or not self.engine.phase_agenda_done):
            return
        text = self.settings.your_turn_text
        self._say(text, UtteranceKind.PROMPT)
        self._turn = _Turn(None, None, text, False)
        self._listen_pending = True
        self._emit(CandidateTurn(text, self._now()))

    def _close_when_nothing_left_to_ask(self, record: AnswerRecord | None, said: str) -> None:
        """In the last part, the floor handed to the candidate's questions: "That's all from me,
        thank you." or "No more questions." closes the round, as an interviewer would; the round
        sat silent for the rest of the part, waiting for N (trial 11)."""
        offered = self._offered_after is not None and record is not None and record.index > self._offered_after
        if (record is None or self.engine.is_over or self.engine.has_next_phase or self._to_say
                or not (self.takes_candidate_questions(record) or offered) or not self.engine.phase_agenda_done
                or not (declines_to_ask(said) or wraps_up(said))):
            return
        self.engine.stop()
        self._listen_pending = False
        self._say(self.settings.early_closing_text, UtteranceKind.CLOSING)

    def _offer_to_add(self, record: AnswerRecord | None) -> None:
        """The last part is work and nothing more is planned in it (a one-part round, or one
        without a wrap-up): the interviewer says so once and listens, instead of sitting silent
        to the round's end (a user's one-question round went quiet for 44 minutes)."""
        phase = self.engine.current_phase
        if (record is None or self._offered_after is not None or phase is None or self.engine.is_over
                or self.engine.has_next_phase or phase.id in self._question_phases
                or not self.engine.phase_agenda_done or self._to_say):
            return
        self._offered_after = record.index
        self._say(self.settings.nothing_left_text, UtteranceKind.PROMPT)
        self._listen_pending = True

    # ------------------------------------------------------------ helpers

    def _now(self) -> float:
        return self.engine.elapsed()

    def _emit(self, update: Update) -> None:
        if self._on_update is not None:
            self._on_update(update)
