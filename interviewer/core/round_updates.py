"""What the round controller tells the UI (`on_update`): one small record per thing that happened.
Apart from the controller so the screens and the session read them without it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from interviewer.core.engine import Event
from interviewer.core.round_records import Clarification, EndedBy, UtteranceKind
from interviewer.core.round_status import ControllerStatus
from interviewer.core.transcript import Segment, SpeechRegion, Transcript


@dataclass(frozen=True)
class Speaking:
    text: str
    kind: UtteranceKind
    at: float
    question_id: str | None = None  # the script question it asks or follows up (None: a prompt, a reply...)
    again: bool = False  # said again after a pause cut it off: already in the round's log
    follow_up_id: str | None = None  # the follow-up it asks (a probe's too: its label, ask_labels)


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
    # Its words only asked to hear the question again (AnswerRecord.asked_to_repeat): no part of
    # the answer's numbers, so the live counter leaves them out as the review does.
    asked_to_repeat: bool = False
    # Its words count in no measure (AnswerRecord.counted: a request to repeat, a reply to an
    # offer): the live counter leaves them out, as the review does.
    not_counted: bool = False


@dataclass(frozen=True)
class PartialTranscript:
    answer: int
    segment: Segment
    # The answer's speech regions so far, when the transcriber measured them: the live view marks
    # fillers with them as the review does ("like 1 to 3" = for example, trial 18).
    speech: tuple[SpeechRegion, ...] | None = None


@dataclass(frozen=True)
class TranscriptReady:
    answer: int
    transcript: Transcript | None
    error: str | None = None


@dataclass(frozen=True)
class AnswerDropped:
    """The stretch had no words and was no answer (AnswerRecord.adds_nothing): forget it."""
    answer: int


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


@dataclass(frozen=True)
class StatusChanged:
    status: ControllerStatus
    text: str  # what the status line says
    at: float


@dataclass(frozen=True)
class SpeechInterrupted:
    """The interviewer was stopped mid-line: the candidate talked over it (barge-in), pressed N,
    ended the round, or time ran out. `marked`: what the line reads now, when the stop changes
    it (core.round_records.stopped_line_text): the words heard marked cut off, or "" for a line
    of which nothing was heard (it was not said); None: as it was logged (a line talked over is
    marked by LineCutOff or ReplyCutOff instead)."""
    kind: UtteranceKind
    text: str
    at: float
    marked: str | None = None


@dataclass(frozen=True)
class LineCutOff:
    """The candidate talked over a question before it was out (round_settings.CUT_OFF_AT_ONCE_S):
    the line being said (`text`, logged when it began) is marked cut off (`marked`: the words
    played before the cut, when the speaker tells, core.round_records.cut_off_text); what the
    candidate says now answers no question (it is headed `marked`), and the question is asked
    again in full when they finish (an AskQuestion, then its Speaking). Cut after its first
    words, the turn stays under the question (`question_id`, `follow_up_id`: a clarifying
    question about it, or its answer); None: under no question (cut at once)."""
    kind: UtteranceKind
    text: str
    marked: str
    at: float
    question_id: str | None = None
    follow_up_id: str | None = None


@dataclass(frozen=True)
class ReplyCutOff:
    """The candidate talked over a reply in answer `answer` (an AnswerRecord.index) before it
    was out: the line logged as `text` reads `marked`, and the exchange whose reply was `reply`
    reads `marked_reply` (both core.round_records.cut_off_text: the words played, when the speaker
    tells). `marked_reply` is `reply` when the reply was out and only what went on after it (the
    question finished after a reply) was cut. `text` and `marked` are "" for a reply never said
    (held for the candidate's pause, then moved on from): only its exchange is marked."""
    answer: int
    text: str
    marked: str
    reply: str
    marked_reply: str
    at: float


@dataclass(frozen=True)
class AnswerFiled:
    """The recording `answer` (an AnswerRecord.index), begun over a question cut off at once and
    so filed under no question, was a real answer to it: it is filed under that question."""
    answer: int
    question_id: str | None
    follow_up_id: str | None
    question_text: str


@dataclass(frozen=True)
class CandidateTurn:
    """The interviewer handed the floor to the candidate with a line that asks no question of the
    script (`text`): their own questions, or the code asked for ("Go ahead and write it..."); what
    is recorded next answers it, not the last question."""
    text: str
    at: float


@dataclass(frozen=True)
class ClarifyingAnswered:
    answer: int  # AnswerRecord.index the question was asked in
    clarification: Clarification


Update = Union[Event, Speaking, ListeningStarted, AnswerEnded, PartialTranscript, TranscriptReady,
               AnswerDropped, MicPaused, MicResumed, Problem, RoundFinished, StatusChanged, SpeechInterrupted,
               ClarifyingAnswered, CandidateTurn, LineCutOff, ReplyCutOff, AnswerFiled]
