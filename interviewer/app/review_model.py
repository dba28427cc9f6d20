"""What the review and debrief screens show, computed from a stored session. Qt-free.

Answer times in the analysis are seconds into that answer's audio; `answer_start` (round
seconds) places them on the round's timeline.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from interviewer.core.analysis import summary
from interviewer.core.analysis.report import DID_NOT_KNOW_KIND, GAVE_UP_KIND, NO_SPEECH_KIND
from interviewer.core.analysis.phases import NOT_REACHED, handed_on, not_reached, phase_difference_text
from interviewer.core.candidate_questions import question_phases
from interviewer.core.scripts.model import RoundScript
from interviewer.core.clock import length_text
from interviewer.export.report import last_moment
from interviewer.storage.progress import round_parts

LONG_PAUSE_S = 2.0
FILLER_CLUSTER_WINDOW_S = 10.0
FILLER_CLUSTER_MIN = 3
# An answer shorter than this is not recalled as "one of your longest" (a new-user run's debrief
# offered a 6-second greeting as one: "One of your longest answers (0.1 min)").
LONG_ANSWER_MIN_S = 30.0


@dataclass
class PhaseNumbers:
    phase_id: str
    name: str
    planned_s: float
    actual_s: float
    # It ended and a later part started then (phases.handed_on): its unused time went on.
    passed_on: bool = False
    reached: bool = True  # False: a planned part the round never got to (its actual_s is 0)
    ended_round: bool = False  # the last part reached: the round ended in it

    @property
    def difference_text(self) -> str:
        if not self.reached:
            return NOT_REACHED
        return phase_difference_text(self.planned_s, self.actual_s, self.passed_on, self.ended_round)


@dataclass
class RoundNumbers(summary.RoundNumbers):
    """The round's numbers (core.analysis.summary, the same everywhere) and its phases."""

    phases: list[PhaseNumbers] = field(default_factory=list)


@dataclass(frozen=True)
class FlaggedMoment:
    """Something the debrief shows to jog memory; plays `answer_id` from `start`."""

    kind: str  # filler_cluster, long_silence, long_answer, did_not_know, unanswered
    answer_id: int
    start: float  # seconds into the answer's audio
    message: str


def _analysis(answer: Any) -> dict:
    return answer.analysis if isinstance(answer.analysis, dict) else {}


def round_numbers(session: Any, script: RoundScript | None = None, long_pause_s: float = LONG_PAUSE_S) -> RoundNumbers:
    numbers = summary.summarize(round_parts(session, script), [p.started_at for p in session.phases], long_pause_s,
                                question_phases=question_phases(script))
    phases = []
    end_of_round = last_moment(session)
    count = len(session.phases)
    for i, p in enumerate(session.phases):
        ended = p.ended_at if p.ended_at is not None else end_of_round
        phases.append(PhaseNumbers(p.phase_id, p.name, p.planned_minutes * 60.0, max(0.0, ended - p.started_at),
                                   handed_on(p.ended_at, i, count), ended_round=i + 1 == count))
    if script is not None:
        planned = [(p.id, p.name, p.minutes * 60.0) for p in script.phases]
        for phase_id, name, planned_s in not_reached(planned, [p.phase_id for p in session.phases]):
            phases.append(PhaseNumbers(phase_id, name, planned_s, 0.0, reached=False))
    return RoundNumbers(**vars(numbers), phases=phases)


def flagged_moments(session: Any, long_pause_s: float = LONG_PAUSE_S, longest: int = 2,
                    script: RoundScript | None = None) -> list[FlaggedMoment]:
    """Filler clusters, long silences and the longest answers, in the order they happened. The
    longest by the Length the review shows (core.analysis.summary: speaking time, not the
    recording's silence after it); the floor handed to the candidate's own questions is no
    answer to praise or blame for its length (with `script`, which says which parts that is)."""
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
                # The window, as the review's finding for the same burst says it: "4 fillers within
                # 8 s" here beside "4 fillers within 10 s" there read as two numbers (trial10).
                moments.append(FlaggedMoment("filler_cluster", answer.id, starts[i],
                                             f"{j - i + 1} fillers within {FILLER_CLUSTER_WINDOW_S:g} s "
                                             f"while answering \"{_short(answer.question_text)}\""))
                i = j + 1
            else:
                i += 1
        before = summary.pause_before(a)
        if before >= long_pause_s:  # the answer went on after it (over "Okay, thanks.")
            moments.append(FlaggedMoment("long_silence", answer.id, 0.0,
                                         f"{before:.1f} s of silence, then more of \"{_short(answer.question_text)}\""))
        for p in summary.candidate_long_pauses(a, long_pause_s):  # not the waits for the interviewer
            length = float(p.get("duration", p["end"] - p["start"]))
            if length >= long_pause_s:
                moments.append(FlaggedMoment("long_silence", answer.id, float(p["start"]),
                                             f"{length:.1f} s of silence in \"{_short(answer.question_text)}\""))
        # A question the candidate said they could not answer: one to look up afterwards (trial
        # 33: "I don't know" to a follow-up was in no moment and no finding).
        for f in (session.findings_for(answer.id) if hasattr(session, "findings_for") else ()):
            if f.kind in (DID_NOT_KNOW_KIND, GAVE_UP_KIND) and f.start is not None:
                moments.append(FlaggedMoment("did_not_know", answer.id, float(f.start),
                                             f"Said you didn't know: \"{_short(answer.question_text)}\""))
            elif f.kind == NO_SPEECH_KIND and f.start is not None:
                # A question left with nothing said (the interviewer offered a hint, then moved
                # on): one to look up too. Trial 47: two such follow-ups, and the debrief said
                # there were no questions you didn't know to recall.
                silent = length_text(float(f.end) - float(f.start)) if f.end is not None else ""
                moments.append(FlaggedMoment("unanswered", answer.id, float(f.start),
                                             f"Not answered: \"{_short(answer.question_text)}\""
                                             + (f" ({silent} with nothing said)" if silent else "")))
    parts = round_parts(session)
    asking = {p.id for p in parts if p.for_interviewer(question_phases(script))}
    # A question met with silence (the core's met_with_silence) is no long answer:
    # its length is the wait, not speech (trial 28: "One of your longest answers (41 s)").
    answers = [a for a in summary.summarize(parts, long_pause_s=long_pause_s).answers
               if not asking.intersection(a.part_ids) and not a.met_with_silence]
    for answer in sorted(answers, key=lambda x: -x.duration)[:longest]:
        duration = answer.duration
        if duration >= LONG_ANSWER_MIN_S:
            length = length_text(duration)
            moments.append(FlaggedMoment("long_answer", answer.part_ids[0], 0.0,
                                         f"One of your longest answers ({length}), to "
                                         f"\"{_short(answer.heading)}\""))
    order = {a.id: i for i, a in enumerate(session.answers)}
    moments.sort(key=lambda m: (order.get(m.answer_id, 0), m.start))
    return _told_apart(session, moments)


def _told_apart(session: Any, moments: list[FlaggedMoment]) -> list[FlaggedMoment]:
    """Moments that would read the same (two bursts of 3 fillers in one answer) say when, in the
    review's round clock: the debrief listed "3 fillers within 10 s while answering ..." twice,
    read as one moment shown twice (trial 19)."""
    from collections import Counter
    from dataclasses import replace

    from interviewer.app.labels import clock_text

    starts = {a.id: a.answer_start or 0.0 for a in session.answers}
    same = Counter(m.message for m in moments)
    return [replace(m, message=f"{m.message} at {clock_text(starts.get(m.answer_id, 0.0) + m.start)}")
            if same[m.message] > 1 else m for m in moments]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fmt_seconds(value: float | None, unit: str = " s") -> str:
    return "–" if value is None else f"{value:.1f}{unit}"


def fmt_wpm(value: float | None, unit: str = "") -> str:
    """Words per minute as every view and export shows them: whole words (the exports and the
    findings said 202 where the review said 201.7)."""
    return "–" if value is None else f"{value:.0f}{unit}"
