"""What the review and debrief screens show, computed from a stored session. Qt-free.

Answer times in the analysis are seconds into that answer's audio; `answer_start` (round
seconds) places them on the round's timeline.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from interviewer.core.scripts.model import RoundScript

LONG_PAUSE_S = 2.0
FILLER_CLUSTER_WINDOW_S = 10.0
FILLER_CLUSTER_MIN = 3


@dataclass
class AnswerNumbers:
    answer_id: int
    question: str
    duration: float
    words: int
    fillers: int
    filler_rate: float | None  # per 100 words
    pace_wpm: float | None
    long_pauses: int
    response_latency: float | None
    clarifying_asked: int
    topics_missed: list[str] = field(default_factory=list)


@dataclass
class PhaseNumbers:
    phase_id: str
    name: str
    planned_s: float
    actual_s: float


@dataclass
class RoundNumbers:
    answers: list[AnswerNumbers]
    phases: list[PhaseNumbers]
    words: int
    fillers: int
    filler_rate: float | None
    pace_wpm: float | None
    long_pauses: int
    mean_latency: float | None
    clarifying_asked: int
    topics_missed: list[str]


@dataclass(frozen=True)
class FlaggedMoment:
    """Something the debrief shows to jog memory; plays `answer_id` from `start`."""

    kind: str  # filler_cluster, long_silence, long_answer
    answer_id: int
    start: float  # seconds into the answer's audio
    message: str


def _analysis(answer: Any) -> dict:
    return answer.analysis if isinstance(answer.analysis, dict) else {}


def answer_numbers(answer: Any, long_pause_s: float = LONG_PAUSE_S) -> AnswerNumbers:
    a = _analysis(answer)
    words = int((a.get("pace") or {}).get("words") or len(a.get("words") or []))
    if not a and answer.transcript is not None:
        words = len(answer.transcript.words)
    fillers = len(a.get("fillers") or [])
    duration = float(a.get("duration") or 0.0)
    if not duration and answer.answer_start is not None and answer.answer_end is not None:
        duration = max(0.0, answer.answer_end - answer.answer_start)
    pauses = a.get("pauses") or []
    return AnswerNumbers(
        answer_id=answer.id,
        question=answer.question_text,
        duration=duration,
        words=words,
        fillers=fillers,
        filler_rate=round(100.0 * fillers / words, 2) if words else None,
        pace_wpm=a.get("pace_wpm"),
        long_pauses=sum(1 for p in pauses if float(p.get("duration", p["end"] - p["start"])) >= long_pause_s),
        response_latency=a.get("response_latency"),
        clarifying_asked=len(a.get("clarifying_questions") or []),
        topics_missed=list(a.get("topics_missed") or []),
    )


def round_numbers(session: Any, script: RoundScript | None = None, long_pause_s: float = LONG_PAUSE_S) -> RoundNumbers:
    answers = [answer_numbers(a, long_pause_s) for a in session.answers]
    words = sum(a.words for a in answers)
    fillers = sum(a.fillers for a in answers)
    speaking = 0.0
    for a in session.answers:
        pace = _analysis(a).get("pace") or {}
        speaking += float(pace.get("speaking_seconds") or 0.0)
    latencies = [a.response_latency for a in answers if a.response_latency is not None]
    phases = []
    end_of_round = max([p.ended_at or p.started_at for p in session.phases] or [0.0])
    for p in session.phases:
        ended = p.ended_at if p.ended_at is not None else end_of_round
        phases.append(PhaseNumbers(p.phase_id, p.name, p.planned_minutes * 60.0, max(0.0, ended - p.started_at)))
    missed: list[str] = []
    for a in answers:
        for topic in a.topics_missed:
            if topic not in missed:
                missed.append(topic)
    return RoundNumbers(
        answers=answers, phases=phases, words=words, fillers=fillers,
        filler_rate=round(100.0 * fillers / words, 2) if words else None,
        pace_wpm=round(words / (speaking / 60.0), 1) if words and speaking > 0 else None,
        long_pauses=sum(a.long_pauses for a in answers),
        mean_latency=round(sum(latencies) / len(latencies), 2) if latencies else None,
        clarifying_asked=sum(a.clarifying_asked for a in answers),
        topics_missed=missed,
    )


def flagged_moments(session: Any, long_pause_s: float = LONG_PAUSE_S, longest: int = 2) -> list[FlaggedMoment]:
    """Filler clusters, long silences and the longest answers, in the order they happened."""
    moments: list[FlaggedMoment] = []
    for answer in session.answers:
        a = _analysis(answer)
        starts = sorted(float(f["start"]) for f in a.get("fillers") or [])
        i = 0
        while i < len(starts):
            j = i
            while j + 1 < len(starts) and starts[j + 1] - starts[i] <= FILLER_CLUSTER_WINDOW_S:
                j += 1
            if j - i + 1 >= FILLER_CLUSTER_MIN:
                moments.append(FlaggedMoment("filler_cluster", answer.id, starts[i],
                                             f"{j - i + 1} fillers within {starts[j] - starts[i]:.0f} s "
                                             f"while answering \"{_short(answer.question_text)}\""))
                i = j + 1
            else:
                i += 1
        for p in a.get("pauses") or []:
            length = float(p.get("duration", p["end"] - p["start"]))
            if length >= long_pause_s:
                moments.append(FlaggedMoment("long_silence", answer.id, float(p["start"]),
                                             f"{length:.1f} s of silence in \"{_short(answer.question_text)}\""))
    by_length = sorted(session.answers, key=lambda x: -answer_numbers(x).duration)
    for answer in by_length[:longest]:
        duration = answer_numbers(answer).duration
        if duration > 0:
            moments.append(FlaggedMoment("long_answer", answer.id, 0.0,
                                         f"One of your longest answers ({duration / 60:.1f} min): "
                                         f"\"{_short(answer.question_text)}\""))
    order = {a.id: i for i, a in enumerate(session.answers)}
    moments.sort(key=lambda m: (order.get(m.answer_id, 0), m.start))
    return moments


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fmt_seconds(value: float | None, unit: str = " s") -> str:
    return "–" if value is None else f"{value:.1f}{unit}"
