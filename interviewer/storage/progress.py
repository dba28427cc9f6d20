"""Per-session numbers for the progress plots, taken from each answer's stored analysis.

The analysis JSON is the source of truth. Where an answer has no analysis yet (an interrupted
round), basic numbers are counted from its transcript so the session still shows up.
"""
from __future__ import annotations

from dataclasses import dataclass

from interviewer.core.analysis.summary import long_pause_count
from interviewer.core.transcript import Transcript

# Counted when an answer has a transcript but no analysis; also marked in exported reports.
FILLER_WORDS = frozenset({"um", "uh", "erm", "er", "ah", "hmm", "mm", "uhm", "umm"})
LONG_PAUSE_SECONDS = 2.0


@dataclass
class AnswerNumbers:
    words: int = 0
    speaking_seconds: float = 0.0
    fillers: int = 0
    long_pauses: int = 0
    clarifying_questions: int = 0


def _first(mapping: dict, *keys):
    for key in keys:
        if key in mapping and mapping[key] is not None:
            return mapping[key]
    return None


def _count(value) -> int:
    """A number, or a list of items (count them)."""
    if value is None:
        return 0
    if isinstance(value, (list, tuple)):
        return len(value)
    if isinstance(value, dict):
        return _count(_first(value, "count", "total"))
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def numbers_from_analysis(analysis: dict) -> AnswerNumbers:
    """Read the numbers an analysis stored. Understands `AnswerAnalysis.to_dict()` of
    interviewer.core.analysis (words and speaking time under "pace", lists of fillers, long pauses
    and clarifying questions) and flat counts (word_count, filler_count, ...)."""
    pace = analysis.get("pace") if isinstance(analysis.get("pace"), dict) else {}
    out = AnswerNumbers()
    # pace["words"] counts content words (hesitations excluded), as the analysis' own rates do.
    out.words = _count(_first(pace, "words") if "words" in pace else _first(analysis, "word_count", "words"))
    speaking = _first(pace, "speaking_seconds") if pace else None
    if speaking is None:
        speaking = _first(analysis, "speaking_seconds", "speech_seconds")
    try:
        out.speaking_seconds = float(speaking) if speaking is not None else 0.0
    except (TypeError, ValueError):
        out.speaking_seconds = 0.0
    out.fillers = _count(_first(analysis, "filler_stats", "filler_count", "fillers"))
    if isinstance(analysis.get("pauses"), list):
        # Counted as the round summary counts them (one rule: waits for the interviewer are none).
        out.long_pauses = long_pause_count(analysis)
    else:
        out.long_pauses = _count(_first(analysis, "long_pauses", "long_pause_count"))
    out.clarifying_questions = _count(_first(analysis, "clarifying_questions", "clarifying_question_count"))
    if not out.speaking_seconds and out.words:
        wpm = _first(analysis, "pace_wpm")
        if wpm:
            out.speaking_seconds = out.words / float(wpm) * 60.0
    return out


def numbers_from_transcript(transcript: Transcript) -> AnswerNumbers:
    words = [w.text.strip(" ,.?!;:").lower() for w in transcript.words]
    out = AnswerNumbers(words=len(words), fillers=sum(w in FILLER_WORDS for w in words))
    if transcript.speech:
        out.speaking_seconds = sum(r.end - r.start for r in transcript.speech)
        out.long_pauses = sum(
            1 for a, b in zip(transcript.speech, transcript.speech[1:]) if b.start - a.end >= LONG_PAUSE_SECONDS)
    else:
        out.speaking_seconds = transcript.duration
    return out


def answer_numbers(analysis: dict | None, transcript: Transcript | None) -> AnswerNumbers | None:
    if analysis:
        numbers = numbers_from_analysis(analysis)
        if transcript is not None and not numbers.words:
            numbers.words = numbers_from_transcript(transcript).words
        return numbers
    if transcript is not None:
        return numbers_from_transcript(transcript)
    return None


@dataclass
class RoundTotals(AnswerNumbers):
    """A round's numbers for Home and Progress, with its rates (unrounded but for the pace,
    which is the review's)."""

    filler_rate: float | None = None  # per 100 words
    pace_wpm: float | None = None  # with pauses


def round_totals(parts: list, counted: list[AnswerNumbers] = ()) -> RoundTotals:
    """The numbers of a round whose analysed answers are `parts` (core.analysis.summary.Part, in
    the order recorded) as the review and the exports show them (summary.summarize: a request to
    hear the question again is no part of them; Home and Progress counted its words, "2.4
    fillers/100 words · 124 wpm" beside the review's 2.5 and 123, trial 18), plus `counted`: the
    numbers of answers with no such analysis (answer_numbers: from a transcript not analysed
    yet, or an analysis of flat counts)."""
    from interviewer.core.analysis.fillers import filler_rate
    from interviewer.core.analysis.pace import measurable
    from interviewer.core.analysis.summary import summarize

    numbers = summarize(list(parts), question_phases=())
    out = RoundTotals(numbers.words, sum(a.speaking_seconds for a in numbers.answers), numbers.fillers,
                      numbers.long_pauses, numbers.clarifying_asked, numbers.filler_rate, numbers.pace_wpm)
    if counted:
        out.words += sum(n.words for n in counted)
        out.speaking_seconds += sum(n.speaking_seconds for n in counted)
        out.fillers += sum(n.fillers for n in counted)
        out.long_pauses += sum(n.long_pauses for n in counted)
        out.clarifying_questions += sum(n.clarifying_questions for n in counted)
        out.filler_rate = filler_rate(out.fillers, out.words)
        # Over the answers long enough to have a pace, as the review's (pace.measurable).
        # (An answer counted from flat numbers has no speech time apart: its speaking time stands in.)
        timed = [a for a in list(numbers.answers) + list(counted)
                 if measurable(a.words, getattr(a, "articulation_seconds", a.speaking_seconds))]
        seconds = sum(a.speaking_seconds for a in timed)
        out.pace_wpm = 60.0 * sum(a.words for a in timed) / seconds if seconds > 0 else None
    return out


def round_parts(session, script=None) -> list:
    """The answers of a stored session (storage.models.Session) as the parts that
    core.analysis.summary joins into answers and questions; with the round's script, an answer
    stored under no question that answered one is filed under it (summary.filed_under_questions)."""
    from interviewer.core.analysis.summary import Part, filed_under_questions

    return filed_under_questions([Part(a.id, a.question_id or "", a.follow_up_id, a.question_text, a.asked_at, a.answer_start,
                 a.answer_end, a.analysis if isinstance(a.analysis, dict) else {},
                 len(a.transcript.words) if a.transcript is not None else 0, getattr(a, "phase_id", None))
            for a in session.answers], script)


def round_summary(session, script=None, matcher=None):
    """The numbers every view shows for a stored round (core.analysis.summary.summarize); with
    the round's script, also the talking points each question covered (matched with `matcher`)."""
    from interviewer.core.analysis.summary import summarize

    return summarize(round_parts(session, script), [p.started_at for p in session.phases], script=script,
                     matcher=matcher)


def with_joined_findings(session) -> list:
    """The session's findings with one pace finding and one fillers finding per answer recorded
    in parts (it went on over "Okay, thanks.", or was paused), from the whole answer: each part
    was analysed alone, and its finding said 191 words a minute where the answer's row and the
    exports said 200 (trial13), 2.7 fillers per 100 words where they said 2.4 (trial 14). Rounds
    stored before this read the same way."""
    from interviewer.core.analysis.summary import joined_filler_findings, joined_pace_findings, summarize

    parts = round_parts(session)
    numbers = summarize(parts, question_phases=())
    paces = [(ids, ids[0], found) for ids, found in joined_pace_findings(numbers, parts)]
    joined = _joined(_joined(session.findings, paces, "pace"), joined_filler_findings(numbers, parts), "fillers")
    # One slow start per answer, the part's whose latency the answer's row shows (summary.answer_latency):
    # trial 31 listed "Took 10.5 s" and "Took 6.4 s" for one answer, its question said again after a resume.
    other_parts = {pid for a in numbers.answers if len(a.part_ids) > 1 for pid in a.part_ids if pid != a.latency_part_id}
    return [f for f in joined if not (f.kind == "response_latency" and f.answer_id in other_parts)]


def _joined(findings: list, joined: list, kind: str) -> list:
    """`findings` with those of `kind` of each answer in `joined` ((part ids, the part it goes
    with, the whole answer's finding or None)) replaced by the whole answer's, placed first among
    that part's findings."""
    if not joined:
        return findings
    on_of = {pid: on for ids, on, _ in joined for pid in ids}
    new = {on: found for _, on, found in joined}
    out, placed = [], set()
    for f in findings:
        on = on_of.get(f.answer_id)
        if on is not None and f.answer_id == on and on not in placed:
            placed.add(on)
            if new[on] is not None:
                out.append(_stored(new[on], on, f.id if f.kind == kind else 0))
        if not (on is not None and f.kind == kind):
            out.append(f)
    for on, found in new.items():  # a part with no finding of its own
        if on not in placed and found is not None:
            at = next((i for i, f in enumerate(out) if f.answer_id is not None and f.answer_id > on), len(out))
            out.insert(at, _stored(found, on, 0))
    return out


def _stored(found, answer_id: int, finding_id: int):
    from interviewer.storage.models import Finding

    return Finding(finding_id, answer_id, found.kind, found.start, found.end, found.message,
                   {"severity": found.severity})
