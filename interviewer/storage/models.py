"""What the store hands out: plain dataclasses, safe to pass to the GUI, export and analysis."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from interviewer.core.transcript import Transcript


class SessionStatus(StrEnum):
    """A round's status, stored as this text (the schema checks it is one of these)."""
    IN_PROGRESS = "in_progress"  # being recorded (or the app stopped during it)
    COMPLETED = "completed"
    INTERRUPTED = "interrupted"  # found in progress with no live recorder; its audio kept
    DISCARDED = "discarded"  # kept, but left out of the list and of progress


ENDED_EARLY_KIND = "round_ended_early"  # the finding analyze_round stores for a round the candidate ended short
# The finding of a round whose script ran out; its details' "skipped" says what Next left unasked.
QUESTIONS_DONE_KIND = "round_questions_done"


ENDED_EARLY_STATUS = "ended_early"  # the JSON outputs' "status" of such a round (never stored)


def exported_status(status: str, ended_early: bool) -> str:
    """A round's "status" in the JSON export and `sessions list --json`: the stored one, except
    ENDED_EARLY_STATUS for a round ended early. "completed" beside "ended_early": true and
    "status_text": "ended early" read as a contradiction (trial 19)."""
    return ENDED_EARLY_STATUS if status == SessionStatus.COMPLETED and ended_early else str(status)


def status_text(status: str, ended_early: bool, skipped: str | None = None) -> str:
    """A round's status as every view says it: "ended early" for a completed round the candidate
    ended well before its plan (it has the ENDED_EARLY_KIND finding), else its stored status.
    `sessions list` said "completed" where `sessions show`, the exports and the app said
    "ended early" (trial13). `skipped`: what Next left unasked in a round that then ran out of
    questions ("completed, 1 follow-up skipped": a bare "completed" read as all asked, trial 25)."""
    text = exported_status(status, ended_early).replace("_", " ")
    return f"{text}, {skipped} skipped" if skipped and status == SessionStatus.COMPLETED and not ended_early else text


@dataclass(frozen=True)
class SessionSummary:
    id: int
    script_id: str
    title: str
    kind: str
    planned_minutes: float
    started_at: float  # UNIX time
    ended_at: float | None
    status: str
    answer_count: int = 0
    paused_seconds: float = 0.0  # the round was paused this long (its clock stood still)
    ended_early: bool = False  # it has the ENDED_EARLY_KIND finding
    # Its last known moment on the round clock (a phase's end, a question asked, an answer's end:
    # export.report.last_moment), the length the review and exports give; None when none is stored.
    round_seconds: float | None = None
    skipped: str | None = None  # its QUESTIONS_DONE_KIND finding's "skipped" (status_text)
    # The exact text of its question script when it started (None: stored before it was kept).
    script_text: str | None = field(default=None, repr=False)
    # The version of the analysis its findings and numbers come from (core.analysis.version; 0: not known).
    analysis_version: int = 0

    @property
    def status_text(self) -> str:
        return status_text(self.status, self.ended_early, self.skipped)


@dataclass
class Answer:
    id: int
    session_id: int
    question_id: str
    follow_up_id: str | None
    question_text: str
    asked_at: float | None  # seconds since the round started
    answer_start: float | None
    answer_end: float | None
    audio_path: str | None  # relative to the data folder; see Store.audio_file
    transcript: Transcript | None = None
    analysis: dict | None = None
    # Why the stored transcript could not be read (then `transcript` is None); shown to the user.
    transcript_error: str | None = None
    # The clarifying questions the interviewer answered during this answer, in order.
    clarifications: list["Clarification"] = field(default_factory=list)
    phase_id: str | None = None  # the phase it was recorded in (None: not known)


@dataclass(frozen=True)
class Clarification:
    """The candidate asked, the interviewer answered (issue 12)."""
    asked_at: float  # round seconds: the interviewer began to answer (the question had just ended)
    question: str  # as transcribed live
    topic: str | None  # the clarifying topic answered (it counts as asked); None: no fact fit
    reply: str


@dataclass(frozen=True)
class InterviewerLine:
    """Something the interviewer said: a prompt, a question, a warning, a nudge, a reply..."""
    said_at: float  # round seconds: when it began to be said
    kind: str  # core.round_records.UtteranceKind
    text: str


@dataclass(frozen=True)
class PhaseRecord:
    id: int
    phase_id: str
    name: str
    planned_minutes: float
    started_at: float  # seconds since the round started
    ended_at: float | None


@dataclass(frozen=True)
class Pause:
    at: float  # round seconds when the round was paused
    seconds: float  # how long it stayed paused
    why: str = ""  # core.engine.PauseSpan.why: "" the candidate paused it (P), or the End question stood open


@dataclass(frozen=True)
class DebriefEntry:
    id: int
    prompt: str
    text: str
    audio_path: str | None
    self_rating: int | None
    created_at: float


@dataclass(frozen=True)
class Finding:
    id: int
    answer_id: int | None
    kind: str
    start: float | None  # seconds into the answer's audio
    end: float | None
    message: str
    details: dict | None = None


@dataclass
class Session:
    id: int
    folder: str
    script_id: str
    title: str
    kind: str
    planned_minutes: float
    started_at: float
    ended_at: float | None
    status: str
    scratchpad: str = ""
    answers: list[Answer] = field(default_factory=list)
    phases: list[PhaseRecord] = field(default_factory=list)
    debrief: list[DebriefEntry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # Everything the interviewer said, in order (empty for rounds stored before it was kept).
    lines: list[InterviewerLine] = field(default_factory=list)
    # When the round was paused (the P key) and for how long, in order.
    pauses: list[Pause] = field(default_factory=list)
    # The exact text of its question script when it started (core.stored_script finds the round's
    # script with it); None for a round stored before it was kept, or one without a script.
    script_text: str | None = field(default=None, repr=False)
    # The version of the analysis its findings and numbers come from (core.analysis.version; 0: not known).
    analysis_version: int = 0
    # The audio setup it ran with (core.echo_filter.HEADPHONES or LOUDSPEAKERS; None: not known).
    audio_setup: str | None = None

    def findings_for(self, answer_id: int) -> list[Finding]:
        return [f for f in self.findings if f.answer_id == answer_id]

    @property
    def ended_early(self) -> bool:
        """A completed round the candidate ended well before its plan (SessionSummary.ended_early)."""
        return self.status == SessionStatus.COMPLETED and any(f.kind == ENDED_EARLY_KIND for f in self.findings)

    @property
    def skipped(self) -> str | None:
        """What Next left unasked, as its QUESTIONS_DONE_KIND finding stored it (SessionSummary.skipped)."""
        return next((str(f.details["skipped"]) for f in self.findings if f.kind == QUESTIONS_DONE_KIND
                     and f.answer_id is None and isinstance(f.details, dict) and f.details.get("skipped")), None)

    @property
    def status_text(self) -> str:
        return status_text(self.status, self.ended_early, self.skipped)


@dataclass(frozen=True)
class RecoveredSession:
    """A round left in_progress by a process that died; now marked interrupted."""

    id: int
    title: str
    started_at: float
    audio_seconds: dict[str, float]  # relative audio path -> playable seconds after repair
    missing_audio: tuple[str, ...] = ()
    unrepairable_audio: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionProgress:
    """Per-session numbers for the progress plots. None where nothing was measured."""

    session_id: int
    kind: str
    title: str
    started_at: float
    status: str
    words: int
    speaking_seconds: float
    filler_count: int
    filler_rate: float | None  # fillers per 100 words
    pace_wpm: float | None
    long_pauses: int
    clarifying_questions: int
    self_ratings: tuple[int, ...] = ()
    planned_minutes: float | None = None
    ended_at: float | None = None
    paused_seconds: float = 0.0
    ended_early: bool = False  # it has the ENDED_EARLY_KIND finding (core.analysis.phases.ended_early)
    # Its last known moment on the round clock, as SessionSummary.round_seconds: the length the
    # practice plan judges and says (core.analysis.phases.round_length_seconds).
    round_seconds: float | None = None
    script_id: str = ""  # the script it was a round of (Home's cards follow it, not the title)
    # Its QUESTIONS_DONE_KIND finding says the interviewer closed it with every planned question
    # asked (Finding.finished): it counts for the practice plan whatever its length.
    finished: bool = False
    # The version of the analysis its numbers come from (core.analysis.version; 0: not known).
    analysis_version: int = 0

    @property
    def mean_self_rating(self) -> float | None:
        return sum(self.self_ratings) / len(self.self_ratings) if self.self_ratings else None


