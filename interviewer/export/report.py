"""What every export shows, computed once from a stored session; the writers only format it."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from interviewer.core.transcript import Transcript
from interviewer.storage.models import Answer, Finding, Session
from interviewer.storage.progress import FILLER_WORDS, answer_numbers

INLINE_PAUSE_SECONDS = 1.0  # silences at least this long are shown inside the transcript


@dataclass(frozen=True)
class Token:
    """A piece of an answer's transcript: a word (maybe a filler) or a pause between words."""

    text: str
    start: float
    kind: str = "word"  # word | filler | pause


@dataclass
class AnswerReport:
    number: int
    answer: Answer
    tokens: list[Token]
    numbers: dict[str, str]
    findings: list[Finding]
    audio_missing: bool


@dataclass
class SessionReport:
    session: Session
    heading: str
    facts: dict[str, str]
    phases: list[dict[str, str]]
    answers: list[AnswerReport] = field(default_factory=list)
    round_findings: list[Finding] = field(default_factory=list)
    missing_audio: list[str] = field(default_factory=list)


def fmt_clock(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    seconds = max(0.0, seconds)
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


def fmt_time(unix: float | None) -> str:
    return "-" if unix is None else time.strftime("%Y-%m-%d %H:%M", time.localtime(unix))


def _is_filler(word: str, start: float, filler_times: list[tuple[float, float]]) -> bool:
    if word.strip(" ,.?!;:-").lower() in FILLER_WORDS:
        return True
    return any(a - 0.05 <= start <= b + 0.05 for a, b in filler_times)


def tokens_of(transcript: Transcript | None, findings: list[Finding]) -> list[Token]:
    """Words with fillers marked and pauses (measured on the audio) placed between them."""
    if transcript is None:
        return []
    filler_times = [(f.start, f.end if f.end is not None else f.start)
                    for f in findings if "filler" in f.kind and f.start is not None]
    gaps = []
    regions = transcript.speech or []
    for a, b in zip(regions, regions[1:]):
        if b.start - a.end >= INLINE_PAUSE_SECONDS:
            gaps.append((a.end, b.start))
    out: list[Token] = []
    for word in transcript.words:
        while gaps and word.start >= gaps[0][0]:
            start, end = gaps.pop(0)
            out.append(Token(f"{end - start:.1f} s", start, "pause"))
        out.append(Token(word.text, word.start, "filler" if _is_filler(word.text, word.start, filler_times) else "word"))
    out.extend(Token(f"{end - start:.1f} s", start, "pause") for start, end in gaps)
    return out


def _numbers(answer: Answer) -> dict[str, str]:
    out: dict[str, str] = {}
    if answer.answer_start is not None and answer.answer_end is not None:
        out["Length"] = fmt_clock(answer.answer_end - answer.answer_start)
    if answer.asked_at is not None and answer.answer_start is not None:
        out["Response latency"] = f"{answer.answer_start - answer.asked_at:.1f} s"
    n = answer_numbers(answer.analysis, answer.transcript)
    if n is not None:
        out["Words"] = str(n.words)
        out["Fillers"] = f"{n.fillers}" + (f" ({100.0 * n.fillers / n.words:.1f} per 100 words)" if n.words else "")
        if n.words and n.speaking_seconds > 0:
            out["Pace"] = f"{n.words / (n.speaking_seconds / 60):.0f} words/min"
        out["Long pauses"] = str(n.long_pauses)
        out["Clarifying questions"] = str(n.clarifying_questions)
    return out


def build_report(session: Session, missing_audio: list[str] | None = None) -> SessionReport:
    missing = list(missing_audio or [])
    facts = {
        "Round": f"{session.title} ({session.kind.replace('_', ' ')})",
        "Script": session.script_id,
        "Started": fmt_time(session.started_at),
        "Ended": fmt_time(session.ended_at),
        "Planned": f"{session.planned_minutes:g} min",
        "Status": session.status.replace("_", " "),
    }
    if session.ended_at is not None:
        facts["Took"] = f"{(session.ended_at - session.started_at) / 60:.1f} min"
    phases = []
    for p in session.phases:
        actual = None if p.ended_at is None else (p.ended_at - p.started_at) / 60
        phases.append({"Phase": p.name, "Planned": f"{p.planned_minutes:g} min",
                       "Actual": "-" if actual is None else f"{actual:.1f} min",
                       "Started at": fmt_clock(p.started_at)})
    report = SessionReport(session, f"{session.title} - {fmt_time(session.started_at)}", facts, phases,
                           missing_audio=missing)
    for n, answer in enumerate(session.answers, start=1):
        findings = session.findings_for(answer.id)
        report.answers.append(AnswerReport(n, answer, tokens_of(answer.transcript, findings), _numbers(answer),
                                           findings, answer.audio_path in missing))
    report.round_findings = [f for f in session.findings if f.answer_id is None]
    return report
