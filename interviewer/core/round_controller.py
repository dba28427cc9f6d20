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
(time_warnings) and the questions it hears in an answer (trailing_questions). Two parts of the
class live in modules of their own, as mixins sharing its state: what the candidate's silence
means (silence_rules.SilenceRules) and the answers to their questions
(clarifying_turns.ClarifyingTurns).
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
    ASK_FOR_MORE_ID, INSIST_ID, PUSH_BACK_ID, AskQuestion, Event, PhaseEnd, PhaseEndingSoon, PhaseStarted, RoundEndingSoon, RoundEngine,
    TimeUp,
)
from interviewer.core.analysis.fillers import is_hesitation
from interviewer.core.candidate_questions import (FLOOR_BACK, CandidateQuestionResponder, defers_questions, question_phases,
                                                  wants_to_know)
from interviewer.core.interviewer_answers import InterviewerAnswers
from interviewer.core.clarifying_turns import ClarifyingTurns
from interviewer.core.round_pauses import END_QUESTION_PAUSE
from interviewer.core.control_questions import REPLY_WITHIN_S, is_control_question, without_control_replies
from interviewer.core.conversation_cues import (
    adds_to_answer, asks_to_talk, declines_to_ask, greets, only_asks_for_time, only_hands_back, only_opens,
    checks_assumption, returns_greeting, sets_a_task,
    sounds_unfinished,
    wraps_up,
)
from interviewer.core.answer_start import SPEECH_LOOKBACK_S
from interviewer.core.echo_filter import PlayedLine, segment_without_echo, without_echo
from interviewer.core.heard_words import words_of as _words_of
from interviewer.core.extra_questions import EXTRA_OFFER_ID, EXTRA_PROMPT, SILENT_YES, offer_status
from interviewer.core.interview_requests import gives_no_answer
from interviewer.core.phase_prompts import OPENING_PRAISE, without_opening_praise
from interviewer.core.pitfalls import is_pitfall_follow_up
from interviewer.core.ports import ClarifyingAnswerer, LiveTranscriber, Recorder, Speaker
from interviewer.core.round_records import (CUT_OFF_MARK, AnswerRecord, EndedBy, Utterance, UtteranceKind, cut_off_text,
                                            stopped_line_text)
from interviewer.core.round_settings import (
    ACKNOWLEDGEMENTS, BARGE_IN_PREROLL_SECONDS, CUT_OFF_AT_ONCE_S, CUT_OFF_AT_ONCE_WORDS, CUT_OFF_REASK_BELOW_WORDS,
    ECHO_TAIL_SECONDS, FLOOR_QUIET_CLOSES_S, intro_thanks,
    HELD_REPLY_MAX_SPEECH_S, NEXT_AFTER_MOVE_ON_GRACE_S, REORIENT_AFTER_PAUSE_S, REPLY_CUT_AT_START_S,
    STALE_WARNING_SECONDS, STILL_TALKING_S, TALKED_OVER_MARGIN_S, TALKED_OVER_PREROLL_MAX_S,
    ControllerSettings,
)
from interviewer.core.round_status import QUESTION_OPEN_TEXT, ControllerStatus, next_ignored_text, status_text
from interviewer.core.round_updates import (
    AnswerDropped, AnswerEnded, AnswerFiled, CandidateTurn, LineCutOff, ListeningStarted, MicPaused, MicResumed, Problem,
    ReplyCutOff, RoundFinished, Speaking, SpeechInterrupted, StatusChanged, TranscriptReady, Update,
)
from interviewer.core.silence_rules import SilenceRules
from interviewer.core.time_left import part_time_text
from interviewer.core.time_warnings import warning_text
from interviewer.core.transcript import Segment, Transcript, join_words

TranscriberFactory = Callable[[], LiveTranscriber]
_HELLO = re.compile(r"^\W*(?:hi|hello|hey|good (?:morning|afternoon|evening))\b")


@dataclass
class _Turn:
    """What the candidate is asked to talk about next."""

    question_id: str | None
    follow_up_id: str | None
    text: str
    continuation: bool
    asked_at: float | None = None


@dataclass
class _Resumable:
    """An answer just ended and was acknowledged, the next question queued after the
    acknowledgement: while "Okay, thanks." is said, and for a beat after it (`grace_until`, set
    when it ends), the candidate may go on with the answer (`RoundController._resume_answer`)."""

    ask: "AskQuestion"  # emitted when its question starts or is shown, not before
    ack: Utterance
    question: Utterance
    turn: _Turn  # the answer's turn
    parts: list[AnswerRecord]  # the answer's recordings so far
    grace_until: float | None = None


@dataclass(frozen=True)
class _Owed:
    """A line the candidate still owed an answer to, not a question of the engine's: a part's
    prompt that asked for something ("Summarize your design ... in a minute") said just before
    the question they talked over (RoundController._owed_answer)."""

    question_id: str | None
    follow_up_id: str | None
    text: str


def _run_in_thread(task: Callable[[], None]) -> None:
    threading.Thread(target=task, name="round-transcript", daemon=True).start()


# What is asked again when the candidate talked over it before it was out (not a repeat they asked
# for, a reply, a nudge or a prompt).
CUT_OFF_KINDS = (UtteranceKind.QUESTION, UtteranceKind.FOLLOW_UP, UtteranceKind.CHANGED_CONSTRAINT)


# Parts named by what the candidate does ("Clarify the problem", "Scale it up"): said as what
# we were doing, "We were clarifying the problem", not "We were on clarify the problem" (trial 21).
_DOING = {"clarify": "clarifying", "scale": "scaling", "design": "designing", "solve": "solving",
          "test": "testing", "build": "building", "write": "writing", "estimate": "estimating",
          "walk": "walking", "review": "reviewing", "discuss": "discussing", "explain": "explaining"}
# A name that already opens with one of these needs no "the": "on your questions".
_DETERMINERS = {"the", "your", "my", "our", "a", "an", "this", "that", "some", "first", "second", "third"}


_SENTENCE_START = re.compile(r"(?<=[.!?])\s+")
# A greeting sentence that opens a line ("Hi, thanks for coming.", "Hi there, welcome."): not said
# again when the line is (RoundController._say_opening_again).
_GREETING_SENTENCE = re.compile(r"^\W*(?:hi|hello|hey|welcome|good (?:morning|afternoon|evening))\b", re.IGNORECASE)


_RETURNED_TOO = re.compile(r"\b(?:too|likewise)\b")


def _first_sentence_end(text: str) -> int:
    """Where the first sentence of `text` ends (characters); 0 when it has one sentence (the
    question in it is the whole line)."""
    first = next(_SENTENCE_START.finditer(text.rstrip()), None)
    return first.end() if first else 0


def unread_rest(text: str, heard: int | None) -> str:
    """What is left to say of `text`, a question cut off after `heard` characters were played
    (ports.Speaker.stop; a word counts once its start played): from the sentence the cut fell
    in, as a person finishes what they were saying; "" when every word of it was played; the whole
    line when the speaker cannot tell (None). Trial 48: the problem, cut on its last word, was read
    again whole after three clarifying questions ("Let me finish the question: Our app ...")."""
    if heard is None:
        return text
    if heard >= len(text.rstrip()):
        return ""
    starts = [m.end() for m in _SENTENCE_START.finditer(text.rstrip()) if m.end() <= heard]
    return text[starts[-1]:] if starts else text


def _last_sentence_start(text: str) -> int:
    """Where the last sentence of `text` begins (characters)."""
    starts = [m.end() for m in _SENTENCE_START.finditer(text.rstrip())]
    return starts[-1] if starts else 0


# A voice over the opening line's greeting sentence ("Hi, thanks for coming.") is a hello,
# however the speech model heard it (trial 30: "Hi, nice to meet you." came out as "Um Nice to
# meet you."): the speaker stops a word or two after the voice starts, so a line stopped within
# this many characters past its greeting was cut during it.
GREETING_CUT_MARGIN_CHARS = 15


_SENTENCE_END = re.compile(r"(?<=[.?!…])\s+")


def _answer_words(texts: list[str], asked: list[str]) -> int:
    """How many words (not counting hesitations) of the candidate's turn over a question cut
    off answer it: not the sentences that ask (a question mark, an assumption to check, "I
    assume the data fits in memory." for a "Can I assume ...?" whose first word was lost), nor
    the clarifying questions the interviewer replied to (`asked`, one may be heard as a
    statement). Trial 35: "What do you mean? Are you asking about training or serving?" got one
    reply, to its first sentence; the second and an aside over the reply counted as an answer, and
    the question cut off was never said in full."""
    replied = [" ".join(_words_of_text(q)) for q in asked]
    count = 0
    for text in texts:
        for sentence in _SENTENCE_END.split(text.strip()):
            said = _words_of_text(sentence)
            if not said:
                continue
            joined = " ".join(said)
            if (sentence.rstrip().endswith("?") or checks_assumption(sentence)
                    or any(joined in q or (q and q in joined) for q in replied)):
                continue
            count += sum(1 for w in said if not is_hesitation(w))
    return count


def _words_of_text(text: str) -> list[str]:
    return [w for w in (t.strip(",.;:!?…\"'").lower() for t in text.split()) if w]


def _greeting_length(text: str) -> int:
    """How many characters of `text` its opening greeting sentences take (0: it opens with none)."""
    rest = _without_greeting(text)
    return 0 if rest == text.strip() else len(text.strip()) - len(rest)


def _without_greeting(text: str) -> str:
    """`text` less the greeting sentences it opens with (all of it if that is all it is)."""
    sentences = _SENTENCE_START.split(text.strip())
    while len(sentences) > 1 and _GREETING_SENTENCE.match(sentences[0]):
        sentences = sentences[1:]
    return " ".join(sentences)


def _spoken_part(name: str) -> str:
    """Where the round was, as the end of "We were ...": "on the approach", "clarifying the
    problem", "on your questions". A name that opens with an acronym ("ML breadth") keeps it;
    "Coding: clarify" is said by its step ("clarifying"), the part before the colon being the
    section the candidate already knows."""
    name = name.rsplit(":", 1)[-1].strip() or name.strip()
    name = name[:1].lower() + name[1:] if name[1:2].islower() else name
    first, _, rest = name.partition(" ")
    if first in _DOING:
        return f"{_DOING[first]} {rest}".strip()
    if first in _DETERMINERS or first.endswith("ing"):
        return f"on {name}"
    return f"on the {name}"


QUESTION_KINDS = (UtteranceKind.QUESTION, UtteranceKind.FOLLOW_UP, UtteranceKind.CHANGED_CONSTRAINT,
                  UtteranceKind.REPEAT, UtteranceKind.PROMPT)


class RoundController(SilenceRules, ClarifyingTurns):
    def __init__(self, engine: RoundEngine, speaker: Speaker | None, recorder: Recorder | None,
                 transcriber_factory: TranscriberFactory | None, audio_dir: Path, *,
                 on_update: Callable[[Update], None] | None = None,
                 settings: ControllerSettings = ControllerSettings(),
                 run_in_background: Callable[[Callable[[], None]], None] = _run_in_thread,
                 answerer: Callable[[str | None], ClarifyingAnswerer | None] | None = None,
                 interviewer_answers: InterviewerAnswers | None = None) -> None:
        """`answerer(question_id)` gives what answers the candidate's clarifying questions about
        that question (None: the interviewer does not answer them). `interviewer_answers`: the
        interviewer's short answers to the candidate's own questions (core.interviewer_answers;
        None: the canned replies only)."""
        self.engine = engine
        self.speaker = speaker
        self.recorder = recorder
        self._not_recording = False  # the microphone failed to open for the current answer
        self.transcriber_factory = transcriber_factory
        self.audio_dir = Path(audio_dir)
        self.settings = settings
        self._on_update = on_update
        self._run_in_background = run_in_background
        self._answerer = answerer
        # Phases whose floor is the candidate's own questions ("Do you have questions for me?"):
        # replied to by these, never with a fact of the script (core.candidate_questions).
        self._question_phases = question_phases(engine.script)
        self._interviewer_answers = interviewer_answers
        self._candidate_responders = {pid: CandidateQuestionResponder(engine.script.phase(pid), interviewer_answers)
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
        self._talked_over_at: float | None = None  # a voice over the line before the next recording (loudspeakers)
        self._answer: AnswerRecord | None = None  # being recorded
        self._transcribers: dict[int, LiveTranscriber] = {}  # by answer index, until finished
        self._unfinished: list[AnswerRecord] = []  # parts of the answer not yet given to the engine
        self._finish_deadline: float | None = None  # waiting for transcripts to finish the answer
        self._silence_seen = 0.0
        self._silence_offset = 0.0  # silence that had passed when the interviewer stopped talking
        self._typed_offset = 0.0  # silence that had passed at the candidate's last key in the scratchpad
        self._nudged_this_silence = False
        self._last_nudge: tuple[tuple, float] | None = None  # (question key, round time) of the last nudge (SilenceRules)
        self._checked_in = False  # "Take your time. Shall I move on?" said in this silence (SilenceRules)
        self._quiet_at_check_in = 0.0  # the candidate's silence that had passed when it was said
        self._no_nudge_until = float("-inf")  # the candidate asked for time to think
        self._acknowledge_next = False  # the last answer was finished by the candidate
        self._offered_after: int | None = None  # index of the answer after which nothing_left_text was said
        self._acknowledged = 0
        self._spoke_since_recording = True  # the interviewer said something since the last recording
        self._heard: list[Segment] = []  # partial transcript of the answer being recorded
        self._heard_speech: tuple = ()  # its speech regions so far, with their pitch, if measured
        self._replied_words = 0  # words of _heard already answered (or judged not a question)
        self._status_key: tuple | None = None
        self._in_status_check = False
        self._draining = False  # applying queued callbacks: a reply to the candidate waits for all of them
        self._voice_at = float("-inf")  # when the candidate's voice was last reported (round seconds)
        self._voices = 0  # voice reports so far, and at each pending reply's decision (by id)
        self._voices_at_reply: dict[int, int] = {}
        self._held: tuple[Utterance, int, bool] | None = None  # reply, words heard when held, awaiting flag
        self._words_live = False  # the answer being recorded is transcribed as it goes (partial segments)
        self._resumable: _Resumable | None = None  # an acknowledged answer the candidate may still go on with
        self._ending: tuple[list[AnswerRecord], _Turn | None] | None = None  # the answer being finished
        self._resuming = False  # the next recording goes on with the answer (_resume_answer)
        # The welcome back asked the candidate to go on with an answer given before the Pause key
        # (_reorient): the next recording is that answer's, and its silence is no thinking time
        # (SilenceRules._after_answered_pause): the recording, once it starts.
        self._answered_pause_pending = False
        self._after_pause_record: AnswerRecord | None = None
        self._last_ask: AskQuestion | None = None  # the engine's last question (what the candidate owes an answer)
        self._previous_ask: AskQuestion | None = None  # the one before it (another question or follow-up)
        # The question a real answer over a question cut at once goes to (_file_under_previous_question).
        self._answering_before: AskQuestion | _Owed | None = None
        # The question cut off, or a task in the line cut, was on screen: a real answer over it stands.
        self._cut_on_screen = False
        self._help_moves_to = ""  # where the offer of a hint or to move on said silence goes (engine.moves_on_to)
        # The line talked over was "I'll take that as a yes. Here is another one." (the offer's
        # silence ran out): its words after the yes, said in place of "So, as I was saying:".
        self._after_silent_yes: str | None = None
        self._typed_in_phase = False  # a key pressed in the scratchpad in this part (_ask_to_keep_working)
        # A question the candidate talked over before it was out, and its kind: asked again in
        # full when their turn ends (_ask_again), what they said meanwhile answering nothing.
        self._cut_off: tuple[AskQuestion, UtteranceKind] | None = None
        self._asked_again = False  # the last question was asked again so: cut off again, it stands
        # (line, characters of it played) from on_voice's stop of the speaker, for _barge_in.
        self._stopped_heard: tuple[Utterance, int | None] | None = None
        self._cut_late = False  # the cut-off question was cut after its first words (not at once)
        self._cut_rest = ""  # what is left to say of the question cut late (unread_rest)
        self._then_say = ""  # what the part's prompt asked for, said after the part's asks (PhaseStarted.then)
        self._owed: AskQuestion | _Owed | None = None  # what a turn over the question still answers (_owed_answer)
        # The round's opening line, which asks the candidate to talk ("..., To start, tell me
        # briefly about yourself."), talked over before its asking sentence was out: said again
        # when their turn ends unless the turn was the introduction itself (_say_opening_again).
        self._opening_cut: Utterance | None = None
        self._opening_cut_in_greeting = False  # it was cut during its greeting sentence
        # Since that cut: words the interviewer asked to hear again ("Sorry, I didn't catch
        # that"), no answer to it; and how many exchanges the turn held when the first reply
        # decided whether to finish the question (None: no reply yet). It is finished with that
        # first reply or not at all (trial 24: re-read after two more replies, 60 s on).
        self._unclear_words = 0
        self._finish_decided_at: int | None = None
        self._next_ignored_in: str | None = None  # the part an N was ignored in (next_is_same_move_on)
        self._silence_held = False  # a question that may end the round is on screen (hold_silence)
        self._paused_by_question = False  # that question paused the round (question_opened)
        self._question_open = False  # between question_opened and question_closed
        self._cut_by_question = None  # the line that pause cut off
        self._answer_paused_by_question = None  # the answer that pause ended
        self._transcript_held = None  # its empty transcript, kept or dropped once the question is answered

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
        self._close_when_the_floor_is_quiet()
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
    def only_their_questions_left(self) -> bool:
        """The interviewer has nothing more to ask: the round is in its last part, which takes
        the candidate's own questions, its questions and twists are asked and answered, what its
        prompt asked for first ("Summarize your design ..., then it's your turn") is said and
        answered, and the floor is the candidate's. Trial 38: "All planned questions are done"
        was shown as the last part began, over "One last scenario before your summary", and N,
        as it suggested, would have skipped the scenario and the summary."""
        phase, turn = self.engine.current_phase, self._turn
        last = self.engine.timeline.asks[-1] if self.engine.timeline.asks else None
        return (not self.engine.is_over and phase is not None and not self.engine.has_next_phase
                and phase.id in self._question_phases and self.engine.phase_agenda_done
                and not self._then_say and (last is None or last.answered_at is not None)
                and turn is not None and turn.question_id is None and not defers_questions(turn.text))

    @property
    def typing_answers(self) -> bool:
        """The microphone failed for this answer: it is typed, in the scratchpad."""
        return self._not_recording

    @property
    def status_line(self) -> str:
        if self._question_open and self.paused:  # not "Press P to go on": P does nothing under it
            return QUESTION_OPEN_TEXT
        if self._next_ignored_in is not None and self.next_is_same_move_on and not self.paused:
            phase = self.engine.current_phase
            if phase is not None and phase.id == self._next_ignored_in:
                return next_ignored_text(phase.name, speaking=self._speaking is not None or bool(self._to_say))
        answer = self._answer
        # After a reply the candidate is thinking again: "just pause" would not end the answer.
        # Nor after sounds the live transcript found no word in (a cough): that is thinking time.
        spoke = bool(answer and answer.heard_speech and not answer.awaiting_speech_after_reply
                     and self._heard_a_word())
        opening = self._opening_goes_on()
        if self.status == ControllerStatus.THINKING:  # the answer just ended: was anything said in it?
            spoke = any(r.heard_speech for r in self._unfinished) or bool(self._heard)
            opening = not spoke and any(r.nothing_asked for r in self._unfinished)
        if self.status == ControllerStatus.LISTENING and answer is not None and answer.follow_up_id == EXTRA_OFFER_ID:
            return offer_status(self._offer_silence_for())
        return status_text(self.status, heard_speech=spoke, while_listening=answer is not None,
                           talk_interrupts=self.settings.barge_in and self.settings.speakers_checked,
                           last_part=not self.engine.has_next_phase, goes_on_in=self._goes_on_in(),
                           unanswered_in=self._unanswered_in(), moves_on_to=self._help_moves_to,
                           recording=not (answer is not None and self._not_recording),
                           talking=self.talking_before_words, opening=opening,
                           going_on=bool(answer and answer.continuation
                                         and any(r.heard_speech for r in self._unfinished)),
                           asking=self._waits_for_questions())

    @property
    def talking_before_words(self) -> bool:
        """The candidate's voice is heard now (within STILL_TALKING_S), and the live transcript
        has no word of it yet: it only has words once a pause cuts a chunk, and a fast talker in
        a noisy room can go 20 s without one (trial10, a human voice: "take your time to think,
        then answer out loud" for 21 s of talking, and an empty live transcript). A cough alone
        goes back to thinking time."""
        answer = self._answer
        return bool(answer and answer.heard_speech and not answer.awaiting_speech_after_reply
                    and self._silence_seen - self._silence_offset < STILL_TALKING_S and not self._heard_a_word())

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
        if self._may_resume(by_voice=False):  # over "Okay, thanks.": the question they were answering
            self._take_back_question()
        events = self.engine.repeat_question()
        prompt = None if events else self.engine.prompt_now()
        if not events and prompt is None:
            return False
        if self._answer is not None:
            self._end_recording(EndedBy.REPEAT)
        self._finish_deadline = None  # the candidate will go on answering the same question
        self._opening_cut = None  # said again now, in full
        if events:
            ask = events[0]
            kind = UtteranceKind.REPEAT
            if self._cut_off is not None:  # the question cut off is said now: it is asked again
                if not self._said_before(ask):
                    # ... or for the first time: it was queued behind the lead-in a noise cut off
                    # (trial 34: "Again: When a customer places an order..." on its first saying).
                    kind = self._cut_off[1]
                self._cut_off = None
                self._emit(ask)
            self._say(ask.text, kind, ask)
            # The same ask goes on (issue 11: a repeat never creates or splits an answer): the
            # answer after it keeps the question's asked_at, which is what joins its parts.
            turn = self._turn
            same = turn is not None and (turn.question_id, turn.follow_up_id, turn.text) == (
                ask.question_id, ask.follow_up_id, ask.text)
            self._turn = _Turn(ask.question_id, ask.follow_up_id, ask.text, True, turn.asked_at if same else None)
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

    def _said_before(self, ask: AskQuestion) -> bool:
        """`ask` was said or shown before, in full or cut off (a line of the round's log)."""
        return any(u.kind in QUESTION_KINDS and (u.question_id, u.follow_up_id, u.text)
                   == (ask.question_id, ask.follow_up_id, ask.text) for u in self.utterances)

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
        if self.paused and self._paused_by_question:
            self._quiet_resume()  # N in the last part, answered Yes: the round ends from where it stood
            self._relabel_paused_answer(EndedBy.NEXT)
        if self.finished or self.paused or self.engine.is_over or not self.started:
            return False
        if self.next_is_same_move_on:
            # The part the candidate meant is over already; this one goes on, and the status
            # line says why the key did nothing.
            self._next_ignored_in = self.engine.timeline.phases[-1].phase
            self._check_status()
            return True
        if self._answer is not None:
            self._end_recording(EndedBy.NEXT)
        self._unfinished, self._finish_deadline = [], None
        self._silence_speech()
        self._listen_pending = False
        if self.engine.has_next_phase:
            self._handle(self.engine.next_phase())
        else:
            self.engine.stop(PhaseEnd.NEXT)  # the round's summary says it was ended with Next
            self._say(self.settings.early_closing_text, UtteranceKind.CLOSING)
        self._pump()
        self._check_status()
        return True

    @property
    def next_is_same_move_on(self) -> bool:
        """N now would be the move-on just made, not a choice to skip the part just begun. After
        the round moved on by itself (the last part's time was up or its questions were done):
        its opening is still being said and the candidate has had no turn in it, or it began less
        than NEXT_AFTER_MOVE_ON_GRACE_S ago and they have not spoken in it. After the candidate's
        own N: its opening is still being said and they have had no turn in it; trial17's N pressed twice skipped Test unheard, its prompt cut
        off. Once the part's prompt (and question) is out, N skips it."""
        spans = self.engine.timeline.phases
        if len(spans) < 2 or self.finished or self.engine.is_over:
            return False
        current = spans[-1]
        here = [a for a in self.answers if a.phase == current.phase]
        opening = (self._speaking is not None or bool(self._to_say)) and not here
        if spans[-2].ended_by == PhaseEnd.NEXT:
            return opening
        if spans[-2].ended_by not in (PhaseEnd.TIME, PhaseEnd.AGENDA):
            return False
        if self._now() - current.started_at < NEXT_AFTER_MOVE_ON_GRACE_S:
            return not any(a.heard_speech for a in here)
        return opening

    def pause(self, why: str = "") -> bool:
        """Pause the round (a doorbell): the clocks stop, the recording stops, the interviewer
        stops mid-sentence and says it again after `resume()`. `why`: PauseSpan.why."""
        if self.paused or self.finished:
            return False
        # A line that ended just before the key (its on_done still queued) was said: it must
        # not be said and logged again after resume (new-user trial: a part's prompt twice).
        self._drain_inbox()
        if not self.engine.pause(why):
            return False
        self.paused = True
        if self._answer is not None:
            self._end_recording(EndedBy.PAUSED)
            self._turn.continuation = True
            self._listen_pending = True  # resume records the rest of the answer
        if self._speaking is not None and getattr(self.speaker, "playing_out", False):
            # All of it is with the sound device (the rest plays within its latency): it was
            # said; stopping it now would cut its last syllable and repeat the whole line.
            self._speech_done(self._speaking)  # nothing new starts: paused
        speaking, self._speaking = self._speaking, None
        if speaking is not None:
            speaking.interrupted, speaking.ended_at = True, self._now()
            # A nudge or warning is about the moment before the pause: not said again; resume()
            # re-orients the candidate instead.
            if speaking.kind not in (UtteranceKind.NUDGE, UtteranceKind.PHASE_WARNING):
                again = Utterance(speaking.text, speaking.kind, question_id=speaking.question_id,
                                  follow_up_id=speaking.follow_up_id, again=True, asks_again=speaking.asks_again)
                self._to_say.appendleft(again)
                if self._resumable is not None and self._resumable.ack is speaking:
                    self._resumable.ack = again
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
        self._reorient()
        self._pump()
        self._check_status()
        return True

    def _reorient(self) -> None:
        """After a real break (REORIENT_AFTER_PAUSE_S or more), one line that says where the
        round stands, as an interviewer would: "Welcome back. We were on the approach; you have
        about 5 minutes left for it." A line the pause cut off is said again after it (pause()
        queued it); a check-in or nudge it cut off is not, and the question being answered is
        said again after the welcome. Trial17: P cut "Take your time. Shall I move on?" to "Take it.",
        and after 65 s away the next words were "Remember to think out loud." The candidate's
        silence, and so any nudge, counts from the end of these lines: listening starts then."""
        pauses, phase = self.engine.timeline.pauses, self.engine.current_phase
        if (not pauses or pauses[-1].seconds < REORIENT_AFTER_PAUSE_S or phase is None or self.engine.is_over
                or self._turn is None or not self.answers or not self.settings.welcome_back_text):
            return  # not under way yet: the opening the pause cut off is said again, and orients
        lines = [Utterance(self.settings.welcome_back_text.format(
            part=_spoken_part(phase.name), time=part_time_text(self._round_times())), UtteranceKind.NUDGE)]
        turn = self._turn
        # The question being answered is said again after the welcome, whether or not a nudge
        # was cut (trial 27: a follow-up waiting for its answer was only shown after "Welcome
        # back"); not when the pause cut that question itself (queued again already).
        queued = any(u.question_id == turn.question_id and u.follow_up_id == turn.follow_up_id
                     and u.kind != UtteranceKind.NUDGE for u in self._to_say)
        if self._listen_pending and turn.continuation and not queued:
            if self._answered_before_pause() and self.settings.go_on_after_pause_text:
                # Answered already (trial 31: "Again: Which model would you train..." in full right
                # after a full answer): the candidate is asked to go on, not asked it again.
                lines[0].text = f"{lines[0].text} {self.settings.go_on_after_pause_text}"
                self._answered_pause_pending = True
            else:
                lines.append(Utterance(turn.text, UtteranceKind.REPEAT, question_id=turn.question_id,
                                       follow_up_id=turn.follow_up_id, again=True))
        self._to_say.extendleft(reversed(lines))

    def _answered_before_pause(self) -> bool:
        """The recordings of the answer the pause cut hold words, and the last of them ends a
        sentence (nothing left hanging: "..., and", "let me think"): the question was answered,
        so it is not said again after the welcome. The last recording's words are the live ones
        when its transcript is not in yet; an earlier one's not known: it is said again."""
        records = [r for r in self._unfinished if not r.asked_to_repeat]
        words = []
        for r in records:
            if r.transcript is not None:
                words += [w.text for w in _words_of(r.transcript.segments)]
            elif r is records[-1] and r is (self.answers[-1] if self.answers else None):
                words += [w.text for w in _words_of(self._heard)]
            else:
                return False
        said = join_words(words)
        return bool(said.strip()) and not only_opens(said) and not only_asks_for_time(said) \
            and not sounds_unfinished(said)

    def hold_silence(self, held: bool) -> None:
        """A question that may end the round is on screen ("End the round?"): the candidate is
        reading it, not thinking aloud. Meanwhile silence says nothing and ends nothing (no nudge,
        check-in or move-on), and once it is gone the silence counts anew. Trial19: "Remember to
        think out loud." was said, and kept in the transcript, under the End round question."""
        if held == self._silence_held:
            return
        self._silence_held = held
        if not held:
            self._silence_offset = self._typed_offset = self._silence_seen
        self._check_status()

    def question_opened(self) -> None:
        """The app's own modal question is on screen ("End the round?", "Settings can't be opened
        during a round..."): the round pauses as P pauses it, so the seconds spent reading it count
        neither on the clocks nor as the candidate's latency or silence (trial 22: 13.9 s in that
        question became "Slow start"). A round paused already stays as the candidate left it."""
        speaking, answer = self._speaking, self._answer
        self._question_open = True
        self._paused_by_question = self.pause(END_QUESTION_PAUSE)
        # The answer the question's pause ended: ended by the key the user then confirms (N, End).
        self._answer_paused_by_question = answer if self._paused_by_question else None
        # The line the pause cut off: said again on Keep going; on a Yes it was never finished.
        self._cut_by_question = speaking if self._paused_by_question and speaking is not None \
            and speaking.interrupted else None
        self.hold_silence(True)

    def question_closed(self, round_goes_on: bool) -> None:
        """The question is answered. "Keep going": the round resumes as after P. Otherwise the
        caller ends it (stop() or next_part()), from the pause, without a word said again."""
        self._question_open = False
        self.hold_silence(False)
        cut, self._cut_by_question = self._cut_by_question, None
        if self._paused_by_question and round_goes_on:
            self._paused_by_question, self._answer_paused_by_question = False, None
            self._file_held_transcript()  # stays "paused": the answer goes on after it
            self.resume()
            return
        if cut is None and self._to_say and self._to_say[0].again:
            cut = self._to_say[0]  # cut off by an earlier pause, not said again yet
        self._cut_by_question = cut  # stop() shows it as cut off ("not asked"), as mid-line

    def _relabel_paused_answer(self, ended_by: EndedBy) -> None:
        """The question's pause ended the answer under way; the user's Yes says how it ended."""
        record, self._answer_paused_by_question = self._answer_paused_by_question, None
        if record is not None and record.ended_by == EndedBy.PAUSED:
            record.ended_by = ended_by
        self._file_held_transcript()

    def _quiet_resume(self) -> None:
        """Clocks on again with nothing said: the round is about to end (next_part)."""
        self._paused_by_question = False
        self.engine.resume()
        self.paused = False
        self._emit(MicResumed(self._now()))

    def stop(self) -> None:
        """End the round now (the user quit); what was recorded is kept."""
        if self.finished:
            return
        if self.paused:
            self.paused = False
        self._relabel_paused_answer(EndedBy.STOPPED)
        if self._answer is not None:
            self._end_recording(EndedBy.STOPPED)
        self.engine.stop()
        self._listen_pending = False
        self._finish_deadline = None
        cut, self._cut_by_question = self._cut_by_question, None
        if cut is not None and self._speaking is None:  # the End question's pause cut it off
            self._emit(SpeechInterrupted(cut.kind, cut.text, cut.ended_at or self._now()))
        self._silence_speech()
        self._finish_round()

    # ------------------------------------------------------------ inputs from other threads

    def on_silence(self, seconds: float) -> None:
        """Length of the current silence in the answer; 0 while the candidate speaks. Thread-safe."""
        self._inbox.put(partial(self._silence, seconds))

    def on_typing(self) -> None:
        """The candidate pressed a key in the scratchpad. Thread-safe. Typing is working on the
        answer: silence ends it only counting from the last key (SilenceRules._quiet_to_end)."""
        self._inbox.put(self._typing)

    def _typing(self) -> None:
        if self._answer is not None:
            self._typed_offset = self._silence_seen
        if self.started and not self.finished:
            self._typed_in_phase = True
            self.engine.code_typed()

    def on_voice(self) -> None:
        """The candidate started talking (a voice detector that ignores the interviewer's own
        voice says so). Thread-safe. Talking over the interviewer stops it and starts the answer;
        talking while nothing is recorded adds to the last answer."""
        if not self.settings.barge_in and self._speaking is not None:
            # With loudspeakers this may be the interviewer's own voice; the key interrupts. It
            # may be the candidate too: the answer's recording will begin before it.
            self._inbox.put(self._voice_over_line)
            return
        self._inbox.put(self._voice)
        # The speaker stops at once, from this thread (its stop() is thread-safe), rather than at
        # the next poll: the candidate must not talk over the interviewer for long. The rest is
        # done by _voice on the caller's thread; it runs before the stopped speech's on_done.
        speaking = self._speaking
        if (speaking is not None and speaking.kind != UtteranceKind.CLOSING and self.speaker is not None
                and not self.paused and not self.finished):
            try:
                # How much of it was played (ports.Speaker.stop): _barge_in's own stop is too late.
                self._stopped_heard = (speaking, self.speaker.stop())
            except Exception:  # reported when _voice stops it again
                pass

    def _voice_over_line(self) -> None:
        """A voice over the interviewer's line with loudspeakers (talking does not interrupt):
        whether the candidate's or the room's echo of the line, the answer's recording after the
        line begins before it, and the echo is left out of its transcript (core/echo_filter):
        nothing the candidate said over the line is lost (trial 44 D7)."""
        if self._answer is None and self._speaking is not None and self._talked_over_at is None:
            self._talked_over_at = self._now()

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
        if self._may_resume(by_voice=True):
            self._resume_answer()
        elif speaking is not None:
            if speaking.kind != UtteranceKind.CLOSING and self.settings.barge_in:
                self._barge_in(speaking, by_voice=True)
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
        if self._may_resume(by_voice=False):
            self._resume_answer()
            self._check_status()
            return True
        if (speaking is None or speaking.kind == UtteranceKind.CLOSING or self.paused or self.finished
                or not self.started):
            return False
        self._barge_in(speaking)
        self._check_status()
        return True

    def _may_resume(self, by_voice: bool) -> bool:
        """The candidate may still go on with the answer just acknowledged: "Okay, thanks." is
        being said, or it was said and the next question has not started yet (the beat after it,
        ack_grace). `by_voice`: they talked (not the key): with loudspeakers that does not
        interrupt the interviewer, and the room's echo of it is no one going on."""
        res = self._resumable
        if (res is None or self.paused or self.finished or self._answer is not None or self.engine.is_over
                or not any(u is res.question for u in self._to_say)):
            return False
        if self._speaking is res.ack:
            return self.settings.barge_in or not by_voice
        return (self._speaking is None and self._to_say[0] is res.question and res.grace_until is not None
                and not (by_voice and self._in_echo_tail()))

    def _resume_answer(self) -> None:
        """The candidate goes on with the answer just acknowledged: they were pausing, not done.
        The acknowledgement stops (as a barge-in does), the question queued after it is taken back
        (not said, not shown, not asked), and the recording goes on as more of the same answer:
        its words join the answer's, the pause before them is a pause inside it (no new response
        latency), and the next question is decided when the answer really ends."""
        if not self._take_back_question():  # nothing to take back: the question stands
            if self._speaking is not None:
                self._barge_in(self._speaking)
            return
        self._spoke_since_recording = False  # a pause inside the answer, not a new question's latency
        self._listen_pending = self._barge_in_pending = self._resuming = True
        self._pump()

    def _take_back_question(self) -> bool:
        """Stop the acknowledgement and take back the question held after it (`_resumable`):
        the answer it acknowledged is open again (its turn and recordings). False when the
        engine has nothing to take back: the question is asked then."""
        res, self._resumable = self._resumable, None
        if not self.engine.take_back_last_ask():
            self._emit(res.ask)
            return False
        now = self._now()
        speaking, self._speaking = self._speaking, None
        if speaking is not None:  # the acknowledgement, cut short
            speaking.interrupted, speaking.ended_at = True, now
            if self.speaker is not None:
                self.speaker.stop()
            self._emit(SpeechInterrupted(speaking.kind, speaking.text, now))
        self._to_say = deque(u for u in self._to_say if u is not res.question)
        turn = res.turn
        self._turn = _Turn(turn.question_id, turn.follow_up_id, turn.text, True, turn.asked_at)
        self._unfinished = list(res.parts)
        self._acknowledge_next = False
        return True

    def _barge_in(self, speaking: Utterance, by_voice: bool = False) -> None:
        """`by_voice`: the candidate's voice stopped it (a question not yet out is asked again
        after their turn); Space is a choice to cut in and answer."""
        now = self._now()
        speaking.interrupted, speaking.ended_at = True, now
        self._speaking = None
        # How much of the line was played (ports.Speaker.stop), for marking it cut off; on_voice
        # may have stopped it already, from the voice detector's thread.
        heard = self.speaker.stop() if self.speaker is not None else None
        stopped, self._stopped_heard = self._stopped_heard, None
        if heard is None and stopped is not None and stopped[0] is speaking:
            heard = stopped[1]
        marked = None
        if speaking.kind == UtteranceKind.REPEAT and self._answer is None:
            # The question said again, cut (Space): it reads the words heard, marked cut off, or
            # goes if none was heard; never the whole question a second time as if said (trial
            # 45: R, then Space 0.6 s later, only "Again: Tell..." heard, the whole question shown
            # twice live and in the review). A speaker that cannot tell: the whole line, marked.
            played = heard if isinstance(heard, int) else None
            marked = stopped_line_text(speaking.text, played)
            if marked is None and played is None:
                marked = cut_off_text(speaking.text)
            if marked == "":
                speaking.spoken = False
        self._emit(SpeechInterrupted(speaking.kind, speaking.text, now, marked))
        if self._answer is not None:
            self._silence_offset = self._silence_seen
            played = heard if isinstance(heard, int) else None
            if (speaking.kind == UtteranceKind.CLARIFICATION and speaking.decided_at is not None
                    and now - speaking.started_at < REPLY_CUT_AT_START_S):
                # Said again at their pause: the same line, logged once (trial 22 showed it twice,
                # before and after "That's all my questions.", heard once).
                again = Utterance(speaking.text, speaking.kind, decided_at=now, again=True, heard_before=played,
                                  asks_again=speaking.asks_again)
                self._held = (again, len(_words_of(self._heard)), self._answer.awaiting_speech_after_reply)
                self._answer.awaiting_speech_after_reply = False
            else:
                # Any line stopped here reads the words heard, marked cut off: a reply (and its
                # exchange), a hint, a nudge, a warning alike (trial 29: "Remember to think out
                # loud." stopped after 0.4 s showed whole in the transcript and the review).
                self._mark_reply_cut_off(self._answer, speaking.text, played, now)
                self._finishing_cut_off(speaking)
            return  # a nudge, warning or reply during the answer: the recording goes on
        offer = by_voice and speaking.follow_up_id == EXTRA_OFFER_ID and self._turn is not None
        cut = (self._question_cut_off(speaking, now, heard if isinstance(heard, int) else None)
               if by_voice and not offer else None)
        if offer:
            # Talked over the offer of another question, however early: the turn is the reply to
            # the offer (a yes, a no, or unclear, as the offer takes any reply), never an answer
            # to the part before, and the offer is not said again (trial 41: "Yes, let's do one
            # more." over "Still over..." was filed as answer 21 of the follow-up before, the
            # offer said again after "So, as I was saying:" and shown cut off twice).
            marked = cut_off_text(speaking.text, heard if isinstance(heard, int) else None)
            self._turn = replace(self._turn, text=marked)
            self._emit(LineCutOff(speaking.kind, speaking.text, marked, now,
                                  self._turn.question_id, self._turn.follow_up_id))
        elif cut is not None:
            self._take_up_later(speaking, cut, now, heard if isinstance(heard, int) else None)
        elif by_voice and self._opening_asked_unheard(speaking, heard if isinstance(heard, int) else None):
            self._opening_cut = speaking
            greeting = _greeting_length(speaking.text)
            self._opening_cut_in_greeting = (isinstance(heard, int) and greeting > 0
                                             and heard <= greeting + GREETING_CUT_MARGIN_CHARS)
            marked = cut_off_text(speaking.text, heard if isinstance(heard, int) else None)
            self._turn = _Turn(None, None, marked, False, speaking.started_at)
            self._emit(LineCutOff(speaking.kind, speaking.text, marked, now))
        # What was still queued to say is shown instead: the candidate is already talking.
        for utterance in list(self._to_say):
            if utterance.kind in QUESTION_KINDS and utterance is not cut:
                self._release_ask(utterance)
                utterance.started_at = utterance.ended_at = now
                utterance.spoken = False
                self.utterances.append(utterance)
                self._mark_asked(utterance, now)
                self._emit(Speaking(utterance.text, utterance.kind, now, utterance.question_id,
                                    follow_up_id=utterance.follow_up_id))
        self._to_say.clear()
        if self._turn is not None:
            self._listen_pending = True
            self._barge_in_pending = True
        self._pump()

    def _question_cut_off(self, speaking: Utterance, now: float, heard: int | None = None) -> Utterance | None:
        """The engine's last question, if the candidate talked over it before it was out: it was
        being said and they cut in within CUT_OFF_AT_ONCE_S of its first sound (_heard_for),
        or it was still queued behind what they talked over (trial 14: "Here's the problem..."
        cut at once, the design question never said). None for a question they heard, and for
        one already asked again after a cut (once)."""
        ask = self._last_ask
        if ask is None or self._cut_off is not None or self._asked_again:
            return None
        self._cut_late = False
        if speaking.kind in CUT_OFF_KINDS:
            # Later in it too, it was not out: its end is said when their turn ends (_finish_answer).
            # Fewer than its first words played (`heard` characters, when the speaker tells) is at
            # once however long it took (trial 25: "Tell..." heard 1.2 s after it was handed over).
            few_played = heard is not None and len(speaking.text[:heard].split()) < CUT_OFF_AT_ONCE_WORDS
            # A new constraint or scenario cut before its first sentence, what changes, was out
            # ("Latency must now be... [cut off]") cannot be what a real answer over it answers:
            # as at once (trial 35: a scenario cut off was never said again).
            few_played = few_played or (speaking.kind == UtteranceKind.CHANGED_CONSTRAINT and heard is not None
                                         and heard < _first_sentence_end(speaking.text))
            cut, self._cut_late = speaking, self._heard_for(speaking, now) >= CUT_OFF_AT_ONCE_S and not few_played
        else:
            cut = next((u for u in self._to_say if u.kind in CUT_OFF_KINDS), None)
        if cut is None or (cut.question_id, cut.follow_up_id) != (ask.question_id, ask.follow_up_id):
            return None
        self._owed = self._owed_answer(cut) if speaking is cut else None
        if self._owed is not None:
            self._cut_late = False  # their turn answers what came before: the question is said in full after it
        return cut

    def _owed_answer(self, cut: Utterance) -> AskQuestion | _Owed | None:
        """What the candidate's voice over `cut`, the question being said, still answers, however
        far into it they cut in (trial 31, twice: "[cut off]" after most of the question, the
        turn filed under it and the question never said in full):

        - the line said just before it, with no turn of theirs between, when that line asked for
          something ("... Summarize your design and its biggest risk in a minute, then it's
          your turn for questions.", then at once "One last scenario before your summary: ..."):
          they had started the summary they were asked for;
        - else the question before it, when their turn on it said nothing but an opener or a
          request for time ("Um, good question. Let me think about that for a moment.") and
          ended without them (the silence, the part's or round's time): they were still on it.
        None when neither: a turn over a question after its first words talks to that question."""
        said = [u for u in self.utterances if u is not cut]
        before = said[-1] if said and self.utterances and self.utterances[-1] is cut else None
        last = self.answers[-1] if self.answers else None
        if (before is not None and before.kind == UtteranceKind.PROMPT and not before.interrupted
                and before.started_at is not None and (last is None or last.started_at < before.started_at)
                and sets_a_task(before.text)):
            return _Owed(None, None, before.text)
        prev = self._previous_ask
        if prev is None or last is None or self._last_ask is None:
            return None
        records = [r for r in self.answers if (r.question_id, r.follow_up_id) == (prev.question_id, prev.follow_up_id)
                   and r.started_at >= prev.at and r.started_at <= self._last_ask.at]
        if not records or records[-1] is not last or last.ended_by not in (EndedBy.SILENCE, EndedBy.PHASE_END,
                                                                           EndedBy.TIME_UP):
            return None
        if any(r.transcript is None for r in records):
            return None
        text = join_words([w.text for r in records for w in _words_of(r.transcript.segments)])
        if text.strip() and (only_opens(text) or only_asks_for_time(text)):
            return prev
        return None

    def _opening_asked_unheard(self, speaking: Utterance, heard: int | None) -> bool:
        """`speaking` is the round's opening line, one that asks the candidate to talk ("Hi, thanks
        for coming. ... To start, tell me briefly about yourself."), cut before its asking sentence
        was played (`heard` characters, when the speaker tells). Trial 29: a hello over "Hi,
        thanks for coming." was taken for the introduction; the request was never said."""
        if (speaking.kind != UtteranceKind.PROMPT or self.answers or self._last_ask is not None
                or self._opening_cut is not None or not asks_to_talk(speaking.text)):
            return False
        phases = self.engine.script.phases
        if not phases or self.engine.current_phase is None or self.engine.current_phase.id != phases[0].id:
            return False
        return heard is None or heard < _last_sentence_start(speaking.text)

    def _say_opening_again(self) -> bool:
        """The candidate's turn over the opening line cut before it asked them to talk has
        ended. Unless it was the introduction itself (as many words as a real answer), it answers
        nothing: a hello gets one back, then "So, as I was saying:" and the line in full, less its
        own greeting, and what follows answers it. The engine never hears the turn before."""
        cut, self._opening_cut = self._opening_cut, None
        if self._words_said(self._unfinished) >= CUT_OFF_REASK_BELOW_WORDS:
            return False  # they introduced themselves: the turn answers the opening
        # Said over the greeting sentence, it was a hello whatever the words were heard as.
        greeted = self._opening_cut_in_greeting or self._said_hello(self._unfinished)
        said = " ".join(r.transcript.text for r in self._unfinished if r.transcript is not None)
        self._unfinished = []
        self._acknowledge_next = False
        if greeted:
            # The interviewer has not said nice to meet you yet: the candidate's "nice to meet
            # you" gets "Nice to meet you too." (trial 30 got "Great."); one that already said
            # "you too" or "likewise" gets the short "Great."
            if not returns_greeting(said):
                reply = self.settings.greeting_reply_text
            elif _RETURNED_TOO.search(said.lower()):
                reply = self.settings.greeted_back_reply_text
            else:
                reply = self.settings.greeting_returned_reply_text
            self._say(reply, UtteranceKind.ACKNOWLEDGEMENT)
        line = _without_greeting(cut.text)
        self._say(self.settings.reask_lead_in, UtteranceKind.ACKNOWLEDGEMENT)
        self._say(line, UtteranceKind.PROMPT)
        self._turn = _Turn(None, None, line, False)
        self._listen_pending = True
        self._pump()
        return True

    def _take_up_later(self, speaking: Utterance, cut: Utterance, now: float, heard: int | None = None) -> None:
        """The candidate talks over `cut` before it was out: their turn answers no question (it
        is headed by the line they talked over, marked cut off) and the question waits for its
        end. The line is kept as said, marked cut off (only its words played, `heard`
        characters, when the speaker could tell); a question still queued is not shown."""
        self._cut_off = (self._last_ask, cut.kind)
        # The question itself cut at once (not a prompt before it): a real answer over it can only
        # answer what was asked before it (_file_under_previous_question).
        # Or what they still owed an answer to, whenever they cut in (_owed_answer).
        owed, self._owed = self._owed, None
        self._answering_before = owed or (self._previous_ask if speaking is cut and not self._cut_late else None)
        # A question being said is on screen in full; one still queued behind a part's opening is
        # not, and the opening shows it only when it sets the task itself (trial 16: "Sketch the
        # main components end to end."; trial 26: over "Let's set the scene first, briefly." the
        # turn was filed under the question never said nor shown, and it was never asked).
        self._cut_on_screen = speaking is cut or sets_a_task(speaking.text)
        self._after_silent_yes = (speaking.text[len(SILENT_YES):].strip() or EXTRA_PROMPT
                                  if speaking is not cut and speaking.text.startswith(SILENT_YES) else None)
        self._unclear_words, self._finish_decided_at = 0, None
        self._to_say = deque(u for u in self._to_say if u is not cut)
        if self._resumable is not None and self._resumable.question is cut:
            self._resumable = None  # asked (emitted) when it is said again
        marked = cut_off_text(speaking.text, heard)
        self._cut_rest = unread_rest(speaking.text, heard) if speaking is cut else cut.text
        if self._cut_late and not self._cut_rest:
            # Cut on its last word: every word was heard (and it is on screen), nothing is left to
            # finish; the turn talks to it as to any question heard.
            self._cut_off = None
        if self._cut_late:
            # Cut after its first words: they talk to the question (a clarifying question about
            # it, an early start), so the turn stays under it, headed by its line marked cut off
            # (the review and exports show the question as said, not as asked in full).
            if self._turn is not None:
                self._turn = replace(self._turn, text=marked)
            # The round stores the turn under the question too (trial 21: filed under none, the
            # answer's talking points and depth never counted for its question).
            turn = self._turn
            self._emit(LineCutOff(speaking.kind, speaking.text, marked, now,
                                  turn.question_id if turn is not None else None,
                                  turn.follow_up_id if turn is not None else None))
            return
        self._turn = _Turn(None, None, marked, False, speaking.started_at)
        self._emit(LineCutOff(speaking.kind, speaking.text, marked, now))

    @staticmethod
    def _words_said(records: list[AnswerRecord]) -> int:
        """How many words (not counting hesitations) the candidate said in `records`."""
        words = [w.text.strip(",.;:!?…").lower() for r in records if r.transcript is not None
                 for w in _words_of(r.transcript.segments)]
        return sum(1 for w in words if w and not is_hesitation(w))

    def _file_under_cut_off_question(self) -> None:
        """The candidate's turn over a question cut off at once was a real answer (they read the
        line on screen): it answers that question, which is not asked again. The engine's
        question is still open, so it hears the turn as its answer."""
        ask, _kind = self._cut_off
        self._cut_off = None
        # The question itself cut: headed by its line as heard and when it was said, as after a
        # late cut and as the live transcript shows it: given the question's full text (and a new
        # time), the review showed the question twice, "Tell... [cut off]" and "Tell me about a
        # model..." (trial 43). Cut in a prompt before it, the question heads the turn.
        turn = self._turn
        as_heard = (turn is not None and turn.question_id is None and turn.text.endswith(CUT_OFF_MARK)
                    and ask.text.startswith(turn.text.removesuffix(CUT_OFF_MARK).removesuffix("...")))
        heard = turn.text if as_heard else ask.text
        for record in self._unfinished:
            record.question_id, record.follow_up_id = ask.question_id, ask.follow_up_id
            record.question_text = heard
            self._emit(AnswerFiled(record.index, ask.question_id, ask.follow_up_id, heard))
        self._turn = _Turn(ask.question_id, ask.follow_up_id, heard, False,
                           turn.asked_at if as_heard else None)

    def _adds_to_what_came_before(self) -> bool:
        """The candidate's turn over a line that asks, cut at any point, opens by adding to the
        answer they had given ("Sorry, and one more point, I would drop orders where ..."; trial
        32: said 1.6 s into the probe "Go deeper on the data: where..." after "That's it.", it was
        filed as the probe's answer, and the probe was never said in full). It answers what they
        were answering (set in `_answering_before`): what they still owed (_owed_answer), else
        the question asked before the line cut."""
        if not self._unfinished or self._answering_before is None and self._previous_ask is None:
            return False
        said = " ".join(r.transcript.text for r in self._unfinished if r.transcript is not None)
        if not adds_to_answer(said):
            return False
        self._answering_before = self._answering_before or self._previous_ask
        return True

    def _file_under_previous_question(self) -> None:
        """A real answer begun over the first words of a question cut off at once: the candidate
        could not have heard, nor read and thought through, that question; they were still on the
        one before (trial 25: the conflict follow-up's answer, said over "Tell...", was filed under
        the trust question, which was never said, and the engine went on to its follow-up). The
        turn is filed under that question; the engine, done with it, never hears the turn, and the
        question cut off is asked again in full (_ask_again)."""
        ask = self._answering_before
        self._answering_before = None
        for record in self._unfinished:
            record.question_id, record.follow_up_id = ask.question_id, ask.follow_up_id
            record.question_text = ask.text
            self._emit(AnswerFiled(record.index, ask.question_id, ask.follow_up_id, ask.text))

    def _finish_question(self) -> bool:
        """The candidate's turn over a question cut off after its first words has ended. Unless
        it held a real answer (enough words besides its clarifying questions), the question is said again in full ("Let me finish the
        question: ..."): trial 20, "How many model versions are there in total?" over the
        problem got its reply and the rest of the problem was never read. The turn stays filed
        under the question (its clarifying questions count); the engine never hears it."""
        # Their clarifying questions are not an answer: the words beyond them are (two asks,
        # replied to, then the design answer: it stands, as the whole-round test plays it).
        worked_on = (self._finish_decided_at is not None
                     and self._exchanges(self._unfinished) > self._finish_decided_at)
        texts = [r.transcript.text for r in self._unfinished if r.transcript is not None]
        asked = [c.question for r in self._unfinished for c in r.clarifications]
        if worked_on or _answer_words(texts, asked) - self._unclear_words >= CUT_OFF_REASK_BELOW_WORDS:
            # Answered, or the candidate went on asking about it after the reply that was to
            # finish it (the text is on screen): it stands, marked cut off, not read again.
            self._cut_off = None
            return False
        said = " ".join(r.transcript.text for r in self._unfinished if r.transcript is not None)
        if self._unfinished and self._in_clarify_part(self._unfinished[-1]) and (
                declines_to_ask(said) or wraps_up(said)):
            # "That's all my questions." (over the reply that was to finish the question, trial
            # 25): a person stops the reply, takes the candidate at their word and moves on;
            # reading the whole problem again ignored the hand-back. The turn goes to the engine,
            # where a hand-back ends the clarifying part; the line stands, marked cut off.
            self._cut_off = None
            return False
        self._ask_again(self.settings.finish_lead_in, goes_on=True, said=self._cut_rest)
        return True

    def _finish_cut_question_after_reply(self, record: AnswerRecord) -> None:
        """The candidate asked a clarifying question over the end of the question: the reply just
        queued goes on with the question in full ("... Let me finish the question: ..."), as a
        person would, before the candidate starts answering. Trial 21: cut at "and how did
        you...", the reply was said and the candidate answered on in the same turn, never hearing
        the rest (the check at the turn's end then saw a real answer and asked nothing). One line
        with the reply, so it is held or cut with it. Once said in full (_finished_cut_question),
        the turn's end asks nothing again and what follows answers the question; cut short, the
        turn's end finishes it as before."""
        if (self._cut_off is None or not record.clarifications or not self._to_say
                or self._to_say[-1].kind != UtteranceKind.CLARIFICATION
                or self._to_say[-1].text != record.clarifications[-1].reply  # "Sorry, I didn't catch that"
                or self._finish_decided_at is not None):  # only the first reply: later, they work with it
            return
        self._finish_decided_at = self._exchanges([*self._unfinished, record])
        if self._answering_cut_question(record):
            return  # they were answering it already: the turn's end decides (_finish_question)
        reply = self._to_say[-1]
        reply.text = f"{reply.text} {self._finishing_words()}"

    def _answering_cut_question(self, record: AnswerRecord, asking: str = "") -> bool:
        """The turn over the question cut off (`record` the recording going on; `asking`, a
        question being replied to now) already holds a real answer to it: enough words that do
        not ask (_answer_words)."""
        asked = [c.question for r in [*self._unfinished, record] for c in r.clarifications]
        texts = [r.transcript.text for r in self._unfinished if r.transcript is not None]
        texts.append(join_words([w.text for w in _words_of(self._heard)]))
        # Words asked to be said again were a question not made out, no answer (trial 24: two
        # misheard "Is the input list sorted?" counted as answering, the reply went unfinished).
        return _answer_words(texts, [*asked, asking]) - self._unclear_words >= CUT_OFF_REASK_BELOW_WORDS

    def _reply_finishes_cut_question(self, record: AnswerRecord, asking: str) -> bool:
        """The reply about to be given to `asking` will go on with the question cut off in full
        (_finish_cut_question_after_reply): the first reply in the turn, which does not answer it yet."""
        return (self._cut_off is not None and self._finish_decided_at is None and record is self._answer
                and not self._answering_cut_question(record, asking))

    @staticmethod
    def _exchanges(records: list[AnswerRecord]) -> int:
        return sum(len(r.clarifications) for r in records)

    def _finishing_cut_off(self, reply: Utterance) -> None:
        """`reply`, which went on with the question cut off ("... Let me finish the question:
        ..."), was talked over before its end: the question is still not heard in full, so the
        next reply in the turn goes on with it again, and the turn's end finishes it if none
        did (_finish_question). Trial 38: cut off twice, by a clarifying question and then by
        "Can I assume ...?", the design problem was never said in full."""
        if (self._cut_off is not None and reply.kind == UtteranceKind.CLARIFICATION
                and self._finish_decided_at is not None and reply.text.endswith(self._finishing_words())):
            self._finish_decided_at = None

    def _finishing_words(self) -> str:
        # A question never begun (still queued behind the lead-in they talked over) is not
        # "finished": it is said as after a cut at once.
        if self._cut_late:  # only what was not heard of it (unread_rest)
            return f"{self.settings.finish_lead_in} {self._cut_rest or self._cut_off[0].text}"
        return f"{self.settings.reask_lead_in} {self._cut_off[0].text}"

    def _finished_cut_question(self, utterance: Utterance) -> None:
        """`utterance`, said to its end, finished the question cut off (a reply that went on with
        it): it is not asked again, and what the candidate says next answers it. One never begun
        (the turn was over its lead-in, under no question) takes the turn over: what was said in
        it, the clarifying question and its reply, is filed under the question, as what follows."""
        if (self._cut_off is not None and utterance.kind == UtteranceKind.CLARIFICATION
                and not utterance.interrupted and utterance.text.endswith(self._finishing_words())):
            if not self._cut_late:
                self._file_turn_under_cut_off_question()
            self._cut_off, self._asked_again = None, True

    def _file_turn_under_cut_off_question(self) -> None:
        """The turn over a lead-in is the question's now (it was said in full within a reply):
        its recordings, the one going on too, are filed under it, and it is asked now."""
        ask, _kind = self._cut_off
        records = [*self._unfinished, *([self._answer] if self._answer is not None else [])]
        for record in records:
            record.question_id, record.follow_up_id = ask.question_id, ask.follow_up_id
            record.question_text = ask.text
            self._emit(AnswerFiled(record.index, ask.question_id, ask.follow_up_id, ask.text))
        self._turn = _Turn(ask.question_id, ask.follow_up_id, ask.text, False, self._now())
        self._answering_before = None
        ask = self._last_ask = replace(ask, at=self._now())
        self._emit(ask)  # asked now: the round stores what is recorded next under it too

    def _ask_after_answer_over_opening(self) -> None:
        """The candidate's real answer (CUT_OFF_REASK_BELOW_WORDS or more) over the part's opening
        has ended, its question still unsaid: it is acknowledged, and the question is said for what
        the answer left open (RoundEngine.said_before_its_question), as a person who heard it
        would; a question of another kind (a follow-up behind a lead-in) is said again in full."""
        ask, _kind = self._cut_off
        said = " ".join(r.transcript.text for r in self._unfinished
                        if r.transcript is not None and not r.asked_to_repeat)
        line = None
        if ask.follow_up_id is None:
            try:
                line = self.engine.said_before_its_question(ask.question_id, said)
            except Exception as exc:  # only a courtesy: the question is said in full instead
                self._emit(Problem(f"could not weigh the answer over the opening: {exc}", self._now()))
        if line is None:
            self._ask_again()
            return
        self._cut_off = (replace(ask, text=line), _kind)
        self._ask_again(self.settings.answered_over_lead_in)

    def _ask_again(self, lead_in: str | None = None, goes_on: bool = False, said: str = "") -> None:
        """The candidate's turn over a question cut off has ended: the interviewer asks it again
        in full, and what follows answers it. The engine never hears the turn before: its
        question is still open. `goes_on`: the turn before stays filed under the question (cut
        after its first words), so what follows is more of it, as after a repeat: with no words
        it adds nothing (AnswerRecord.adds_nothing) and is no "no speech" answer (trial 25: the
        app's own re-reading, then Space in silence, was scored "Check the microphone"). `said`:
        what is said of it, when not all of it (the rest of a question cut late, unread_rest)."""
        ask, kind = self._cut_off
        # A hello is greeted back only over the round's first line: later, "Yes, let's do it!"
        # (a way to say one is ready) over "I'll take that as a yes. ..." met "Nice to meet you."
        # seven minutes into the round (trial 43).
        at_opening = len(self.engine.timeline.asks) <= 1
        greeted = (at_opening and self._said_hello(self._unfinished)
                   and not self._returned_greeting(self._unfinished))
        self._cut_off = None
        self._finish_deadline = None
        self._unfinished = []
        self._acknowledge_next = False
        # Talked over "I'll take that as a yes. ...", the turn was the reply to the offer (the
        # extra question has begun): its question comes as a yes in time would bring it ("Here is
        # another one."); "So, as I was saying:" referred to nothing (trial 43).
        after_yes, self._after_silent_yes = self._after_silent_yes, None
        ask = replace(ask, at=self._now())
        self._last_ask, self._asked_again = ask, True  # cut off again, it is not asked a third time
        if greeted:  # a hello over the first line: greeted back, then that line in full
            self._say(self.settings.greeting_reply_text, UtteranceKind.ACKNOWLEDGEMENT)
        self._say(lead_in or after_yes or self.settings.reask_lead_in, UtteranceKind.ACKNOWLEDGEMENT)
        self._say(said or ask.text, kind, ask)
        self._turn = _Turn(ask.question_id, ask.follow_up_id, ask.text, goes_on)
        self._listen_pending = True
        self._emit(ask)
        self._pump()

    # ------------------------------------------------------------ engine events

    def _answer_text(self, record: AnswerRecord) -> str | None:
        """What `record` holds transcribed, else as heard live (the answer under way, or the last
        recording, whose words stay heard until the next one starts); None when neither is known."""
        if record.transcript is None:
            if record is self._answer or (self.answers and record is self.answers[-1]):
                return join_words([w.text for w in _words_of(self._heard)])
            return None
        return join_words([w.text for w in _words_of(record.transcript.segments)])

    def _introduced(self) -> bool:
        """The candidate just finished (key, silence) an introduction with words in it: the answer
        to the round's opening part, whose prompt asked them to talk, which has just ended."""
        phases = self.engine.timeline.phases
        return (self._acknowledge_next and len(phases) == 2 and self._turn is not None
                and self._turn.question_id is None and asks_to_talk(self._turn.text)
                and self._last_answer_had_words())

    def _handle(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, PhaseStarted):
                introduced = self._introduced()
                self._acknowledge_next = False  # the phase's prompt opens with its own words
                # The candidate said nothing in the last recording (N ends it first): praise ("That sounds
                # reasonable.") would be for nothing (trial 11, N pressed in silence).
                last = self._answer or (self.answers[-1] if self.answers else None)
                said_nothing = last is not None and not last.heard_speech
                # Only time asked for ("Let me think about that for a moment."), then the part's
                # time or N, or only "Hmm, good question.": "Good." would praise an answer never
                # given (trial 31: "Good. Let's go into the data...").
                if last is not None and not said_nothing:
                    said = (last.transcript.text if last.transcript is not None
                            else self._heard_text() if last is self._answer else "")
                    text = self._answer_text(last)
                    said_nothing = only_asks_for_time(said) or (text is not None and gives_no_answer(text))
                # N while a question or follow-up was still being said or awaited its recording
                # (trial 16: "Good." after skipping a follow-up): the last recording answered the
                # question before it, so nothing was said to what was asked last.
                asked = self._last_ask
                if (self._answer is None and asked is not None and last is not None
                        and last.started_at < asked.at):
                    said_nothing = True
                if self._answer is not None:
                    self._end_recording(EndedBy.PHASE_END)
                prompt = without_opening_praise(event.prompt) if said_nothing else event.prompt
                # Handed on as said: the round stores the answer under it, and the praise never
                # said showed in the review as a line of its own (trial18).
                event = replace(event, prompt=prompt)
                self._finish_deadline = None  # the new phase takes over from a finishing answer
                self._typed_in_phase = False
                self._unfinished = []
                self._cut_off = None  # a question cut off in the phase that ended is not asked
                self._opening_cut = None
                # Whatever was not said yet belongs to the phase that ended (after a stall, several
                # phases arrive at once); only the round warning still holds.
                self._to_say = deque(u for u in self._to_say if u.kind == UtteranceKind.ROUND_WARNING)
                if introduced and not said_nothing and not OPENING_PRAISE.match(prompt):
                    self._say(intro_thanks(self._answer_text(last) or ""), UtteranceKind.ACKNOWLEDGEMENT)
                # What it asked for first comes after the part's own asks (engine._defer_task):
                # said when they are answered (_hand_over_to_candidate).
                self._then_say = event.then
                if prompt:
                    self._say(prompt, UtteranceKind.PROMPT)
                # What follows the prompt answers the prompt ("Give me a one-minute summary..."),
                # unless the phase's first question follows it (it takes the turn over then).
                self._turn = _Turn(None, None, prompt, False)
                self._listen_pending = True
            elif isinstance(event, AskQuestion):
                self._unfinished = []
                if self._last_ask is not None and (self._last_ask.question_id, self._last_ask.follow_up_id) != (
                        event.question_id, event.follow_up_id):  # a repeat is the same question
                    self._previous_ask = self._last_ask
                self._last_ask, self._cut_off, self._asked_again = event, None, False
                # Not before asking for more: "Thank you. Could you tell me more?" thanks for too
                # little; nor before the push-back on a give-up ("Thanks. What would you check first?"),
                # nor before insisting on what was declined ("Okay, thanks. I'd still like...", trial 33).
                ack = None
                if (self._acknowledge_next and event.reason != "repeat"
                        and event.follow_up_id not in (ASK_FOR_MORE_ID, PUSH_BACK_ID, INSIST_ID)
                        and not is_pitfall_follow_up(event.follow_up_id)  # "Thank you. Are you sure?"
                        and self._last_answer_had_words()):
                    ack = self._say(ACKNOWLEDGEMENTS[self._acknowledged % len(ACKNOWLEDGEMENTS)],
                                    UtteranceKind.ACKNOWLEDGEMENT)
                    self._acknowledged += 1
                self._acknowledge_next = False
                question = self._say(event.text, UtteranceKind(event.reason), event)
                if event.then and not event.repeat:  # what the prompt said to do with the problem
                    self._say(event.then, UtteranceKind.PROMPT)
                if ack is not None and self._ending is not None:
                    # The candidate may go on over the acknowledgement: the question is asked
                    # (emitted) only once it is said or shown.
                    parts, turn = self._ending
                    if turn is not None:
                        self._resumable = _Resumable(event, ack, question, turn, parts)
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
            if not (self._resumable is not None and self._resumable.ask is event):
                self._emit(event)

    # ------------------------------------------------------------ speaking

    def _say(self, text: str, kind: UtteranceKind, ask: AskQuestion | None = None) -> Utterance:
        utterance = Utterance(text, kind, question_id=ask.question_id if ask else None,
                              follow_up_id=ask.follow_up_id if ask else None)
        if kind == UtteranceKind.CLARIFICATION and self._answer is not None:
            utterance.decided_at = self._now()  # it starts only if the candidate has not spoken since
            self._voices_at_reply[id(utterance)] = self._voices
        self._to_say.append(utterance)
        if self._answer is not None:
            self._answer.interjections.append(self._now())
        return utterance

    def _release_ask(self, utterance: Utterance) -> None:
        """`utterance` is the question held after an acknowledgement, now said or shown: it is
        asked, and the candidate can no longer go on with the answer before it."""
        res = self._resumable
        if res is not None and res.question is utterance:
            self._resumable = None
            self._emit(res.ask)

    def _waits_for_grace(self) -> bool:
        """The next utterance is the question after an acknowledgement, and the beat after it
        (ack_grace) is not over: the candidate may still go on with the answer."""
        res = self._resumable
        return (res is not None and self._to_say[0] is res.question and res.grace_until is not None
                and self._now() < res.grace_until)

    def _silence_speech(self) -> None:
        """Drop what was queued and stop what is being said (marked as interrupted): it reads the
        words heard, marked cut off, as a line talked over does (stopped_line_text)."""
        self._to_say.clear()
        speaking, self._speaking = self._speaking, None
        if speaking is not None:
            speaking.interrupted, speaking.ended_at = True, self._now()
            heard = self.speaker.stop() if self.speaker is not None else None
            marked = stopped_line_text(speaking.text, heard if isinstance(heard, int) else None)
            if marked == "":
                speaking.spoken = False
            self._emit(SpeechInterrupted(speaking.kind, speaking.text, speaking.ended_at, marked))

    def _mark_asked(self, utterance: Utterance, at: float) -> None:
        """The turn's question is asked when it is said; said again (a repeat), it was asked
        already: the answer after the repeat stays the answer to that ask."""
        if utterance.question_id is None or self._turn is None:
            return
        if utterance.kind != UtteranceKind.REPEAT or self._turn.asked_at is None:
            self._turn.asked_at = at

    def _pump(self) -> None:
        """Start the next utterance, or listening once everything queued has been said."""
        if self.paused:
            return
        if self._speaking is None and self._to_say and (self._reply_waits() or self._waits_for_grace()):
            return
        if self._speaking is None and self._to_say:
            utterance = self._speaking = self._to_say.popleft()
            self._release_ask(utterance)
            utterance.started_at = self._now()
            self.utterances.append(utterance)
            if self._answer is None:
                self._spoke_since_recording = True
            self._mark_asked(utterance, utterance.started_at)
            self._emit(Speaking(utterance.text, utterance.kind, utterance.started_at, utterance.question_id,
                                again=utterance.again, follow_up_id=utterance.follow_up_id))
            if self.speaker is not None and getattr(self.speaker, "available", True):
                done = partial(self._inbox.put, partial(self._speech_done, utterance))
                extra = {}
                if getattr(self.speaker, "reports_sound", False):
                    extra["on_sound"] = partial(self._inbox.put, partial(self._sounded, utterance))
                try:
                    self.speaker.say(utterance.text, on_done=done, **extra)
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
            if reply.again:  # its start was said and logged: it stays, as cut off
                self._mark_reply_cut_off(answer, reply.text, reply.heard_before, self._now())
            answer.clarifications = [c for c in answer.clarifications if c.reply != reply.text
                                     or c.asked_at != reply.decided_at]
            return
        reply.decided_at = self._now()
        self._voices_at_reply[id(reply)] = self._voices
        answer.awaiting_speech_after_reply = awaiting
        answer.interjections.append(reply.decided_at)
        self._to_say.appendleft(reply)

    def _settle_held_reply(self, record: AnswerRecord) -> None:
        """A reply held for the candidate's pause (_reply_waits) whose turn is over: a repeat, Next,
        the part's or the round's end, a pause, or the next recording. An interviewer whose answer
        the candidate moved on from lets it go: the new question or the repeat has the floor, and a
        stale fact said after it would only confuse (the candidate can ask again). So it is not
        said; its exchange stays, marked cut off as a talked-over reply is (ReplyCutOff), rather
        than read as answered in full (trial 24: it vanished from what was said yet its stored
        exchange read the whole reply). One said meanwhile (Space ended the answer: the reply to
        its last question comes once the transcript is in) is left alone."""
        held, self._held = self._held, None
        if held is None:
            return
        reply = held[0]
        if any(u.text == reply.text and u.started_at is not None and u.started_at >= reply.decided_at
               for u in self.utterances):
            return
        if reply.again:  # its start was said and logged, then talked over: that line is marked too
            self._mark_reply_cut_off(record, reply.text, reply.heard_before, self._now())
        else:  # never said: no line of it to mark (an earlier one alike must stay as it was)
            self._mark_reply_cut_off(record, reply.text, 0, self._now(), said=False)

    def _mark_reply_cut_off(self, record: AnswerRecord, text: str, heard: int | None, now: float,
                            said: bool = True) -> None:
        """The line logged as `text` (a reply, a hint, a nudge, a warning) was talked over in
        `record` with `heard` characters of it played: the line, and the exchange when it was a
        reply, read only the words heard, marked cut off (trial 22:
        "Labels come from chargebacks..." cut after its first word showed in full). A reply
        that went on with the question ("... Let me finish the question: ...") and was cut
        after the reply itself leaves the exchange's reply whole. Not `said` (held, then moved
        on from): only the exchange is marked; the update names no line (text "")."""
        marked = cut_off_text(text, heard)
        for i in range(len(record.clarifications) - 1, -1, -1):
            c = record.clarifications[i]
            if text == c.reply or text.startswith(c.reply + " "):
                out = heard is not None and heard >= len(c.reply.rstrip())
                c_marked = c.reply if out else cut_off_text(c.reply, heard)
                record.clarifications[i] = replace(c, reply=c_marked)
                self._emit(ReplyCutOff(record.index, text if said else "", marked if said else "",
                                       c.reply, c_marked, now))
                return
        if not said:
            return  # no exchange and no line: nothing to mark
        self._emit(ReplyCutOff(record.index, text, marked, "", "", now))  # a line with no exchange (a hint, a nudge)

    def _sounded(self, utterance: Utterance) -> None:
        if utterance.sounded_at is None and not utterance.interrupted:
            utterance.sounded_at = self._now()

    def _heard_for(self, utterance: Utterance, now: float) -> float:
        """How long `utterance` has been audible: from its first sound when the speaker reports
        it (0 when none came out yet), else from when it was handed to the speaker. Trial19: the
        candidate cut in 2.1 s after say() and before the question's first sound (its synthesis
        took that long); counted from say() it was "heard", never said again, shown as asked."""
        if getattr(self.speaker, "reports_sound", False):
            return 0.0 if utterance.sounded_at is None else now - utterance.sounded_at
        return now - (utterance.started_at if utterance.started_at is not None else now)

    def _speech_done(self, utterance: Utterance) -> None:
        if utterance is not self._speaking:
            return
        utterance.ended_at = self._now()
        self._speaking = None
        if self._resumable is not None and utterance is self._resumable.ack:
            self._resumable.grace_until = utterance.ended_at + self.settings.ack_grace
        if self._answer is not None:
            self._silence_offset = self._silence_seen  # the candidate's silence counts from now
        self._finished_cut_question(utterance)
        if utterance.kind == UtteranceKind.CLOSING:
            self._finish_round()
        elif self._reply_said_in_full(utterance):
            # A question said before this reply, its words transcribed while it was said ("...?
            # And how fast does the list need to load?"): answered now. Waiting for a new pause
            # left a gap that read "Listening", and the candidate talked over the second reply
            # (trial12).
            self._maybe_reply(self.settings.reply_after_silence)
        self._pump()

    def _reply_said_in_full(self, utterance: Utterance) -> bool:
        """A clarifying reply said to its end with no voice from the candidate since it began."""
        return (utterance.kind == UtteranceKind.CLARIFICATION and not utterance.interrupted
                and self._answer is not None and not self._to_say and utterance.started_at is not None
                and self._voice_at <= utterance.started_at)

    def _finish_round(self) -> None:
        self._file_held_transcript()  # none is left unfiled when the round ends
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
        talked_over_at, self._talked_over_at = self._talked_over_at, None
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
                # The interviewer's own voice heard through loudspeakers is no word of theirs:
                # it neither answers, asks (trial 44: "Shall I move on?" got "Sure, go ahead.")
                # nor shows (core/echo_filter).
                kept = segment_without_echo(segment, record.audio_starts_at(BARGE_IN_PREROLL_SECONDS),
                                            self._played_lines())
                if kept is None:
                    return
                segment = kept
                heard.append(segment)
                self._prepare_reply(record, heard)  # before the caller's thread can ask for it
                speech = getattr(transcriber, "live_speech", None)  # the regions so far, if measured
                self._inbox.put(partial(self._partial, index, segment, tuple(speech) if speech is not None else None))

            transcriber.on_segment = on_segment
        # recorder.start() runs before the record is appended: a recorder may count
        # `answers` to name the file (the GUI's store wrapper does).
        if self.recorder is not None:
            try:
                self.audio_dir.mkdir(parents=True, exist_ok=True)
                extra = {}
                if barged_in and getattr(self.recorder, "keeps_preroll", False):
                    extra["preroll_seconds"] = BARGE_IN_PREROLL_SECONDS  # the first words came before
                elif talked_over_at is not None and getattr(self.recorder, "keeps_preroll", False):
                    # Loudspeakers, and a voice over the line: what was said over it is kept.
                    extra["preroll_seconds"] = min(TALKED_OVER_PREROLL_MAX_S,
                                                   self._now() - talked_over_at + TALKED_OVER_MARGIN_S)
                elif self.settings.barge_in and getattr(self.recorder, "keeps_preroll", False):
                    # Speech under way as the line ends is kept from its onset (core/answer_start);
                    # not with loudspeakers: the sound before the start is the interviewer's voice.
                    extra["speech_lookback_seconds"] = SPEECH_LOOKBACK_S
                self.recorder.start(wav_path, on_audio=transcriber.feed if transcriber else None,
                                    on_level=self._set_level, **extra)
                if extra:
                    kept = getattr(self.recorder, "preroll_kept", None)
                    record.recorded_before = (float(kept) if isinstance(kept, (int, float))
                                              else extra.get("preroll_seconds", 0.0))
                self._not_recording = False
            except Exception as exc:  # no microphone: the round goes on, unrecorded
                record.wav_path = None
                self._not_recording = True
                self._emit(Problem(f"could not record: {exc}", self._now()))
        else:
            record.wav_path = None
        if barged_in:
            record.heard_speech = True
        record.resumed, self._resuming = self._resuming, False
        self._after_pause_record = record if self._answered_pause_pending else None
        self._answered_pause_pending = False
        if self.answers:
            self._settle_held_reply(self.answers[-1])  # held past an answer the candidate ended
        self.answers.append(record)
        self._answer = record
        self._heard, self._replied_words, self._heard_speech = [], 0, ()
        self._silence_seen, self._silence_offset, self._nudged_this_silence = 0.0, 0.0, False
        self._typed_offset, self._checked_in = 0.0, False
        self._emit(ListeningStarted(index, record.question_id, record.started_at))

    def _played_lines(self) -> list[PlayedLine]:
        """What the interviewer said aloud and when (from its first sound when the speaker
        reports it), for telling its echo from the candidate's words (core/echo_filter). Read
        on the transcript's thread too: a copy of the list, each line as it stands. None with
        barge-in on (headphones, or a setup not found to echo): there is no echo to take out,
        and a reply that reuses the line's words ("Anything you'd like to add?" - "No, nothing
        to add.") must not be taken for it."""
        if self.settings.barge_in:
            return []
        return [PlayedLine(u.text, u.sounded_at if u.sounded_at is not None else u.started_at, u.ended_at)
                for u in list(self.utterances) if u.spoken and u.started_at is not None]

    def _set_level(self, level: float) -> None:
        self.input_level = level

    def _end_recording(self, ended_by: EndedBy, finishes_answer: bool = False) -> None:
        record, self._answer = self._answer, None
        record.ended_at, record.ended_by = self._now(), ended_by
        if not finishes_answer:
            self._settle_held_reply(record)  # a repeat, Next, the part's or round's end, a pause
        if self.recorder is not None and record.wav_path is not None:
            try:
                record.wav_path = Path(self.recorder.stop())
            except Exception as exc:
                self._emit(Problem(f"the recording did not close cleanly: {exc}", self._now()))
        self._emit(AnswerEnded(record.index, ended_by, record.ended_at, record.asked_to_repeat,
                               not_counted=not record.counted))
        self._unfinished.append(record)
        transcriber = self._transcribers.pop(record.index, None)
        if transcriber is None or record.wav_path is None:
            self._transcript_ready(record, None, None)
        else:
            def finish() -> None:
                try:
                    result, error = transcriber.finish(), None
                    if result is not None:  # the interviewer's echo is no part of the answer
                        result = without_echo(result, record.audio_starts_at(BARGE_IN_PREROLL_SECONDS),
                                              self._played_lines())
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

    def _prepare_decision(self, record: AnswerRecord, transcript: Transcript) -> None:
        """On the transcript's thread: the matcher encodes what the follow-up decision will
        compare (the answer's text as _finish_answer joins it), so that the decision on the
        caller's thread does not (30-200 ms with the sentence-embedding model)."""
        try:
            earlier = [r.transcript.text for r in list(self._unfinished)
                       if r is not record and r.transcript is not None and not r.asked_to_repeat]
            self.engine.prepare_answer(" ".join([*earlier, transcript.text]))
        except Exception:  # only a head start: the decision encodes whatever is missing itself
            pass

    def _transcript_ready(self, record: AnswerRecord, transcript: Transcript | None, error: str | None) -> None:
        record.transcript, record.transcript_error, record.transcript_done = transcript, error, True
        if (self._opening_cut is not None and record in self._unfinished
                and self._words_said(self._unfinished) < CUT_OFF_REASK_BELOW_WORDS):
            # A short turn over the opening line, which is said again after it (_say_opening_again):
            # kept in the transcript, no part of the introduction's numbers (trial 30: the hello,
            # heard as "Um Nice to meet you.", counted 1 filler in the introduction).
            record.asked_to_repeat = True
        if (record.adds_nothing() and record is self._answer_paused_by_question
                and record.ended_by == EndedBy.PAUSED):
            # Ended by the pause of the End round (or Next) question: how it ended is the user's
            # answer to that question, and an empty stretch met with silence is kept if they end
            # the round (met_with_silence). Trial 40: the transcript came back while the question
            # was on screen, the stretch was dropped as "paused", and the question vanished.
            self._transcript_held = record
        else:
            self._file_transcript(record)
        self._finish_answer_if_ready()

    def _file_transcript(self, record: AnswerRecord) -> None:
        """The transcribed stretch is kept (TranscriptReady) or, adding nothing, dropped. The
        reply to the offer of another question is no answer: its words still go to the engine
        (yes or no), but it is neither kept, numbered nor scored (trial 37: "Slow start" and "No
        speech was heard... check the microphone" on it)."""
        counted = self._counted_transcript(record)
        if (record.transcript is not None and counted is not record.transcript and record.transcript.text.strip()
                and not counted.text.strip()):
            record.replies_to_control = True  # only a reply to a control question: no answer
        if record.adds_nothing() or record.replies_to_offer or record.replies_to_control:
            record.dropped = True
            self._emit(AnswerDropped(record.index))
        elif record.transcript is not None or record.transcript_error is not None:
            self._emit(TranscriptReady(record.index, counted, record.transcript_error))

    def _counted_transcript(self, record: AnswerRecord) -> Transcript | None:
        """`record`'s transcript as filed (stored, scored, counted): without the candidate's short
        replies to the control questions said during it or just before it ("Sure, go ahead." to
        "Shall I move on?"; core.control_questions). The record keeps them: they still say yes or
        no to the round."""
        if record.transcript is None:
            return None
        lines = [PlayedLine(u.text, u.sounded_at if u.sounded_at is not None else u.started_at, u.ended_at)
                 for u in list(self.utterances) if u.spoken and u.started_at is not None
                 and is_control_question(u.text, u.follow_up_id, self.settings)]
        start = record.audio_starts_at(BARGE_IN_PREROLL_SECONDS)
        lines = [line for line in lines if line.end is None or line.end + REPLY_WITHIN_S >= start]
        return without_control_replies(record.transcript, start, lines)

    def _file_held_transcript(self) -> None:
        """The transcript held while the question that paused its answer was open: filed now
        that the answer says how the stretch ended."""
        record, self._transcript_held = self._transcript_held, None
        if record is not None:
            self._file_transcript(record)

    def _finish_answer_if_ready(self) -> None:
        if self._finish_deadline is not None and all(r.transcript_done for r in self._unfinished):
            self._finish_answer()

    def _finish_answer(self) -> None:
        """Tell the engine the answer is over, with whatever was transcribed of it."""
        # Taken up now, once: poll() calls this while the deadline stands, so a failure below
        # left it standing and the same failure came back every poll (trial 25: an IndexError
        # ten times a second for 40 s, the round stuck in dead air until N).
        self._finish_deadline = None
        try:
            replied = self._reply_before_finishing()
        except Exception as exc:  # only a courtesy before finishing: the answer still ends
            self._emit(Problem(f"could not reply before finishing the answer: {exc}", self._now()))
            replied = False
        if replied:
            return
        if self._late_reply_to_offer():
            return
        if self._opening_cut is not None and self._say_opening_again():
            return
        if self._cut_off is not None and self._adds_to_what_came_before():
            # One rule for every line that asks (a question, a follow-up or probe, a changed
            # constraint or scenario, a part's question queued behind its prompt), however far
            # into it they cut in: the turn goes on with what they were answering, and the line
            # is said in full after it.
            self._cut_late = False
            self._file_under_previous_question()
            self._ask_again()
            return
        if self._cut_off is not None and self._cut_late:
            if self._finish_question():
                return
        elif self._cut_off is not None:
            if self._words_said(self._unfinished) < CUT_OFF_REASK_BELOW_WORDS:
                self._ask_again()
                return
            if self._answering_before is not None:
                self._file_under_previous_question()
                self._ask_again()
                return
            if not self._cut_on_screen:  # their turn could not answer a question they never saw
                self._ask_after_answer_over_opening()
                return
            self._file_under_cut_off_question()
        # A request to hear the question again is no part of what the candidate answered.
        parts = [r.transcript.text for r in self._unfinished if r.transcript is not None and not r.asked_to_repeat]
        last = self._unfinished[-1] if self._unfinished else None
        ended_at = last.ended_at if last is not None else None
        greeted = self._said_hello(self._unfinished) and self._answers_opening_words(last)
        greeted_back = greeted and self._returned_greeting(self._unfinished)
        self._finish_deadline = None
        self._ending, self._unfinished = (self._unfinished, self._turn), []
        # Moved on after the offer of help met silence: the next question, not a follow-up. Words
        # that only opened or asked for time ("Hmm, let me think.", trial 40) answered nothing.
        said = " ".join(p.strip() for p in parts).strip()
        unanswered = (last is not None and last.left_unanswered
                      and (last.declined_offer or not said or only_opens(said) or only_asks_for_time(said)))
        try:  # a question asked and gone on from without a pause: answered before moving on (trial 37)
            earlier = [] if self.engine.is_over else self._answer_earlier_questions(self._ending[0])
        except Exception as exc:  # only a courtesy before moving on: the answer still ends
            self._emit(Problem(f"could not answer an earlier question: {exc}", self._now()))
            earlier = []
        asked = any(r.clarifications for r in self._ending[0])  # a question of theirs was answered in the turn
        replied = [c.question for r in self._ending[0] for c in r.clarifications]
        events = self.engine.answer_finished(" ".join(parts) if parts else None, ended_at=ended_at,
                                             unanswered=unanswered,
                                             moved_on=last is not None and last.moved_on_after_check_in)
        try:
            self._handle(events)
        finally:
            self._ending = None
        for line in reversed(earlier):
            self._to_say.appendleft(line)  # before the acknowledgement and what comes next
        if greeted and self._to_say and self._speaking is None:
            # A hello to the opening words gets one back before the first question or prompt
            # (in place of "Okay, thanks.", which would thank for a hello).
            # A candidate who already said nice to meet you is not greeted again: a short
            # "Great." moves on (trial 23: "..., nice to meet you too. I'm ready." met
            # "Nice to meet you.").
            reply = self.settings.greeted_back_reply_text if greeted_back else self.settings.greeting_reply_text
            first = self._to_say[0]
            if first.kind == UtteranceKind.ACKNOWLEDGEMENT and first.text in ACKNOWLEDGEMENTS:
                first.text = reply
            else:
                self._to_say.appendleft(Utterance(reply, UtteranceKind.ACKNOWLEDGEMENT))
        if not any(isinstance(e, (AskQuestion, PhaseStarted)) for e in events):
            self._hand_over_to_candidate(last)
            self._close_when_nothing_left_to_ask(last, " ".join(parts), asked, replied)
            self._offer_to_add(last)
            self._ask_to_keep_working()
        if self.engine.is_over and not self._to_say and self._speaking is None:
            return
        self._pump()

    def _late_reply_to_offer(self) -> bool:
        """The turn just over replied to the offer of another question after silence took it:
        its first word came before "I'll take that as a yes." or right after it began
        (RoundEngine.late_reply_to_offer decides, on the reply's time and words). A no wraps up,
        a wait has the offer said again; the turn is a reply to the offer, no answer (dropped,
        counted nowhere, as a reply in time is). False: the turn goes on as before."""
        said = [r for r in self._unfinished if r.transcript is not None and r.transcript.text.strip()]
        if not said or self.engine.is_over:
            return False
        first = said[0]
        words = first.transcript.words
        said_at = first.audio_starts_at(BARGE_IN_PREROLL_SECONDS) + (words[0].start if words else 0.0)
        events = self.engine.late_reply_to_offer(" ".join(r.transcript.text for r in said), said_at)
        if events is None:
            return False
        for record in self._unfinished:
            record.follow_up_id = EXTRA_OFFER_ID  # a reply to the offer (AnswerRecord.replies_to_offer)
            if not record.dropped:
                record.dropped = True
                self._emit(AnswerDropped(record.index))
        self._cut_off, self._after_silent_yes, self._cut_late, self._answering_before = None, None, False, None
        self._finish_deadline = None
        # What was still to say of the extra question (queued behind the line) is not said.
        self._to_say = deque(u for u in self._to_say if u.kind not in QUESTION_KINDS)
        self._ending, self._unfinished = (self._unfinished, self._turn), []
        try:
            self._handle(events)
        finally:
            self._ending = None
        self._pump()
        return True

    def _hand_over_to_candidate(self, record: AnswerRecord | None = None) -> None:
        """The last question of a phase that takes the candidate's own questions is answered
        ("One last question from me, then it's your turn"), or what its prompt asked for first
        ("Summarize your design in a minute, and then I'll take your questions": the round sat
        silent after the summary): the interviewer hands the floor over, and what the candidate
        says next answers that, not the question."""
        phase = self.engine.current_phase
        if (phase is None or phase.id not in self._question_phases or self.engine.is_over
                or self._turn is None or not self.engine.phase_agenda_done):
            return
        if self._then_say:
            # The part's asks are answered: now what its prompt asked for first ("Summarize your
            # design ... in a minute, then it's your turn for questions."), answered like a prompt;
            # its answer then hands the floor over (below).
            text, self._then_say = self._then_say, ""
            self._say(text, UtteranceKind.PROMPT)
            self._turn = _Turn(None, None, text, False)
            self._listen_pending = True
            self._emit(CandidateTurn(text, self._now()))  # the round stores what follows under it
            return
        if self._turn.question_id is None and (not defers_questions(self._turn.text)
                                               or (record is not None and record.clarifications)):
            return  # the floor is theirs already, or they used it (asked, were answered)
        text = self.settings.your_turn_text
        self._say(text, UtteranceKind.PROMPT)
        self._turn = _Turn(None, None, text, False)
        self._listen_pending = True
        self._emit(CandidateTurn(text, self._now()))

    def _close_when_nothing_left_to_ask(self, record: AnswerRecord | None, said: str, asked: bool = False,
                                        replied: list[str] | None = None) -> None:
        """In the last part, the floor handed to the candidate's questions: "That's all from me,
        thank you." or "No more questions." closes the round, as an interviewer would; the round
        sat silent for the rest of the part, waiting for N (trial 11). `asked`: the turn asked
        something that was answered; then a bare "That's it." after it ends that question, not
        the round: the reply asked "Anything else you'd like to ask?", and the candidate answers
        that, or ends the round with N or End round as the banner offers (trial 32: "How does
        your team decide when a model is ready to ship? That's it." closed the round at once).
        `replied`: the questions of the turn the interviewer answered already."""
        offered = self._offered_after is not None and record is not None and record.index > self._offered_after
        if (record is None or self.engine.is_over or self.engine.has_next_phase or self._to_say
                or not (self.takes_candidate_questions(record) or offered) or not self.engine.phase_agenda_done
                or not (declines_to_ask(said) or wraps_up(said))):
            return
        if only_hands_back(said):
            question = None if asked else _question_before_hand_back(said)
            if asked or question is not None:
                # Said without a pause before "That's it.", the question had no reply live: it
                # comes now. Either way the floor stays theirs, listening, as the reply asked.
                if asked and self._last_reply_cut_off():
                    # ... but the reply was cut off before it asked: the interviewer asks now
                    # (trial 34: "That's it." cut the answer, then ~50 s of dead air until N).
                    self._hand_floor_back()
                elif asked or self._reply_to(record, question):
                    self._listen_pending = True
                return
        # "How does your team monitor models in production? That's all from me.": the question is
        # answered first, then the round closes (trial 43: only the closing was said). The answer
        # does not hand the floor back ("Anything else?"): they have just said they are done.
        question = _question_before_the_end(said)
        if question is not None and not _among(question, replied or []):
            self._reply_to(record, question, last=True)
        self.engine.stop(PhaseEnd.AGENDA)  # the conversation is over: not the candidate ending it early
        self._listen_pending = False
        self._say(self.settings.early_closing_text, UtteranceKind.CLOSING)

    def _close_when_the_floor_is_quiet(self) -> None:
        """Nothing is left but the candidate's questions (only_their_questions_left), their turn
        is over and nobody has spoken for FLOOR_QUIET_CLOSES_S: the interviewer closes the round
        as a person would, rather than wait for N (trial 48). The usual round end follows
        (saving). Their goodbye heard as such closed it already (_close_when_nothing_left_to_ask)."""
        if (self.status != ControllerStatus.WAITING or not self.engine.move_on_early
                or not self.only_their_questions_left or not self.answers):
            return  # (a round moved by time alone, move_on_early False, runs to its end)
        ended = self.answers[-1].ended_at
        if ended is None or self._now() - ended < FLOOR_QUIET_CLOSES_S:
            return
        self._close_on_the_floor()

    def _close_on_the_floor(self) -> None:
        self.engine.stop(PhaseEnd.AGENDA)  # the conversation is over: not the candidate ending it early
        self._listen_pending = False
        self._say(self.settings.floor_closing_text or self.settings.early_closing_text, UtteranceKind.CLOSING)
        self._pump()

    def _last_reply_cut_off(self) -> bool:
        """The interviewer's last reply to the candidate was talked over before its end: its
        closing "Anything else you'd like to ask?" (candidate_questions.FLOOR_BACK) was not heard."""
        last = next((u for u in reversed(self.utterances) if u.kind == UtteranceKind.CLARIFICATION), None)
        return last is not None and last.interrupted

    def _hand_floor_back(self) -> None:
        """The floor handed back in words, as the cut-off reply would have: "Anything else you'd
        like to ask?"; what follows answers it ("No, that's all." closes the round)."""
        text = FLOOR_BACK[0]
        self._say(text, UtteranceKind.PROMPT)
        self._turn = _Turn(None, None, text, False)
        self._listen_pending = True
        self._emit(CandidateTurn(text, self._now()))

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

    @staticmethod
    def _said_hello(records: list[AnswerRecord]) -> bool:
        """The candidate's words in `records` open with a hello or are a greeting ("Hi, thanks
        for having me. Happy to start!")."""
        said = " ".join(r.transcript.text for r in records if r.transcript is not None).strip()
        return bool(said) and (greets(said) or bool(_HELLO.match(said.lower())))

    @staticmethod
    def _returned_greeting(records: list[AnswerRecord]) -> bool:
        """The candidate's words in `records` already say nice to meet you ("..., you too")."""
        return returns_greeting(" ".join(r.transcript.text for r in records if r.transcript is not None))

    def _ask_to_keep_working(self) -> None:
        """The engine holds the coding part until the code is talked through (`holds_for_work`):
        the interviewer asks for that once and listens, instead of waiting in silence for a voice
        (trial15: "..., That's it." met 40 s of dead air, and the next words were filed as more of
        the same answer). What is said next answers this line; its end moves the part on."""
        if self._to_say or self._speaking is not None or self._answer is not None or not self.engine.holds_for_work:
            return
        self.engine.asked_to_keep_working()
        text = self.settings.walk_through_code_text if self._typed_in_phase else self.settings.keep_working_text
        self._say(text, UtteranceKind.PROMPT)
        self._turn = _Turn(None, None, text, False)
        self._listen_pending = True
        # The round stores the next recording under this line too (trial 26: stored under the
        # follow-up before it, the code talk-through joined that follow-up's row, 00:21 for a
        # 10 s answer).
        self._emit(CandidateTurn(text, self._now()))

    # ------------------------------------------------------------ helpers

    def _now(self) -> float:
        return self.engine.elapsed()

    def _emit(self, update: Update) -> None:
        if self._on_update is not None:
            self._on_update(update)


def _among(question: str, questions: list[str]) -> bool:
    """`question` is one of `questions`, as heard (words alike, one holding the other: a partial
    transcript may have cut or joined words differently)."""
    mine = " ".join(_plain_words(question))
    return any(mine and (mine in other or other in mine)
               for other in (" ".join(_plain_words(q)) for q in questions) if other)


def _plain_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", (text or "").lower())


def _question_before_the_end(said: str) -> str | None:
    """The question (or wish to know, "I'd love to hear about the team.") just before the words
    that end the candidate's questions ("How do you monitor models? That's all from me.", "...?
    No more questions, thanks."); None when the sentence before them asks nothing."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", said.strip()) if s.strip()]
    while len(sentences) > 1 and not sentences[-1].rstrip().endswith("?") and (
            declines_to_ask(sentences[-1]) or wraps_up(sentences[-1]) or only_hands_back(sentences[-1])
            or sentences[-1].lower().strip(" .!,") in ("thanks", "thank you", "okay", "ok")):
        sentences.pop()
    if len(sentences) == len([s for s in re.split(r"(?<=[.!?])\s+", said.strip()) if s.strip()]):
        return None  # nothing ended the questions: the whole turn is the closing words
    last = sentences[-1].strip()
    return last if last.endswith("?") or wants_to_know(last) else None


def _question_before_hand_back(said: str) -> str | None:
    """The question just before a closing bare "That's it." ("How do you ship? That's it."), a
    thanks after it aside; None when the sentence before it asks nothing."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", said.strip()) if s.strip()]
    while sentences and (only_hands_back(sentences[-1])
                         or sentences[-1].lower().strip(" .!,") in ("thanks", "thank you", "okay", "ok")):
        sentences.pop()
    return sentences[-1].strip() if sentences and sentences[-1].rstrip().endswith("?") else None
