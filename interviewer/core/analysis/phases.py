"""Round timing: time spent in each phase against the plan."""
from __future__ import annotations

from dataclasses import dataclass

from interviewer.core.clock import clock_text, length_of_text, length_text

OVER_RATIO = 1.25   # a phase 25% over plan (and at least a minute) is flagged
UNDER_RATIO = 0.5   # half the planned time or less is flagged
# A round that ran this share of its planned minutes ran in full: a full mock round for the
# practice plan, and not "ended early" in the review, the exports or on Home.
FULL_LENGTH_SHARE = 0.8
# Ended this much or more before the planned end, the round is said to have ended early.
ENDED_EARLY_MIN_S = 60.0


def ended_early(ended_by_candidate: bool, ran_s: float, planned_s: float) -> bool:
    """The one rule for "ended early", which the review, the exports, Home and Progress all say:
    the candidate ended the round (End round, or Next in its last part) under FULL_LENGTH_SHARE of
    its plan on the round clock, and at least ENDED_EARLY_MIN_S before its planned end. A round
    that ran out of time or finished its script ended on its own: not early, however short (Home
    had called a round early by its clock alone where the review did not, trial 14). How a round
    ended is known only as it ends, so analyze_round stores the verdict as the round's
    "round_ended_early" finding, and every view reads that."""
    return ended_by_candidate and ran_short(ran_s, planned_s)


def ran_short(ran_s: float, planned_s: float) -> bool:
    """Under FULL_LENGTH_SHARE of its plan and at least ENDED_EARLY_MIN_S before its planned end,
    however it ended: ended early when the candidate ended it (ended_early), all questions done
    when the interviewer's script was ("round_questions_done", said in the review's summary)."""
    return planned_s - ran_s >= ENDED_EARLY_MIN_S and ran_s < FULL_LENGTH_SHARE * planned_s


def handed_on(ended_at: float | None, index: int, count: int) -> bool:
    """The stored part at `index` (of `count`, in the order they ran) ended and a later one
    started then: the round went on, and what the part did not use went to the later parts."""
    return ended_at is not None and index + 1 < count


# The phase table's words for a planned part the round never got to, and for the part it ended in
# before its planned time (trial 28: the table left the parts never reached out, and its last
# row read a bare "-08:43").
NOT_REACHED = "not reached"
ROUND_ENDED_HERE = "round ended here"


def phase_difference_text(planned_s: float, actual_s: float, passed_on: bool, ended_round: bool = False) -> str:
    """A part's time against its plan, as the review's phase table and the exports say it:
    "+1 min 20 s" over, "-40 s" under (core.clock.length_text). A part that ended before its plan while the round went on
    (`passed_on`: `handed_on`) gave the minutes it did not use to the later parts
    (engine._share_rest): that is said, not a bare "-2 min 42 s" that reads as a part cut short
    (trial 27: "3 min planned / 0.3 min" for an introduction that was simply done). The part
    the round ended in (`ended_round`: the last one it reached) says so when it was short."""
    diff = actual_s - planned_s
    text = ("+" if diff >= 0 else "-") + length_text(abs(diff))
    if diff <= -1.0 and passed_on:
        return f"{text}, passed on to later parts"
    if diff <= -1.0 and ended_round:
        return f"{text}, {ROUND_ENDED_HERE}"
    return text


def not_reached(planned: list[tuple[str, str, float]], reached: list[str]) -> list[tuple[str, str, float]]:
    """The script's parts ((id, name, planned seconds), in order) the round never started: the
    phase table lists every planned part, these with NOT_REACHED."""
    started = set(reached)
    return [part for part in planned if part[0] not in started]


def skipped_text(questions: int, follow_ups: int) -> str:
    """"1 follow-up", "2 questions and 1 follow-up": what Next left unasked, as the round's
    findings and its status ("completed, 1 follow-up skipped") say it; "" when nothing was."""
    parts = [f"{n} {word}{'' if n == 1 else 's'}" for n, word in ((questions, "question"), (follow_ups, "follow-up"))
             if n > 0]
    return " and ".join(parts)


def round_length_seconds(last_moment: float | None, started_at: float, ended_at: float | None,
                         paused_seconds: float = 0.0) -> float | None:
    """How long a round ran, the one length every view says and the practice plan judges: its
    last known moment on the round clock (export.report.last_moment, stored as the sessions'
    `round_seconds`) when there is one; else start to end on the wall clock less its pauses. The
    plan took the wall clock and said "6.2 of 45 min" beside the review's "6.1" (trial 17)."""
    if last_moment:
        return last_moment
    return None if ended_at is None else max(0.0, ended_at - started_at - paused_seconds)


def round_length_text(seconds: float, planned_minutes: float) -> str:
    """"6 min 6 s of 45 min": a round's length against its plan, as the review, the exports, Home
    and the practice plan all write it (core.clock.length_of_text)."""
    return length_of_text(seconds, planned_minutes)


@dataclass(frozen=True)
class PhaseTiming:
    phase: str
    planned_s: float
    actual_s: float
    started_at: float = 0.0
    # The time the round gave the phase when it started: its plan plus its share of the time
    # earlier phases saved by ending early (the round hands saved time on to later phases).
    allotted_s: float | None = None
    # Why it ended (core.engine.PhaseEnd's values): "agenda" when the interviewer moved on because
    # its planned questions were done, "next" when the candidate did (in the last part: ended the
    # round with N), "done" when the candidate ended the round once only their own questions were
    # left (complete, as "agenda"); None when not known.
    ended_by: str | None = None
    # The script's last part: the candidate ending the round there ("That's all from me", End
    # round in "Your questions") ends it by choice, not short.
    last_part: bool = False
    # What the candidate's Next left unasked in it (engine.PhaseSpan's counts).
    skipped_questions: int = 0
    skipped_follow_ups: int = 0

    @property
    def difference_s(self) -> float:
        return self.actual_s - self.planned_s

    @property
    def short(self) -> bool:
        """Half its planned time or less, and a minute or more under it, however it ended."""
        return self.planned_s > 0 and self.actual_s <= self.planned_s * UNDER_RATIO and -self.difference_s >= 60

    @property
    def moved_on_early(self) -> bool:
        """Short because the candidate ended it on purpose: Next, or End round in a part before
        the last. Said once for the round ("moved_on_early", or "round_ended_early"), not as a
        part that ran short."""
        return self.short and (self.ended_by == "next" or (self.ended_by == "stopped" and not self.last_part))

    @property
    def verdict(self) -> str:
        given = max(self.planned_s, self.allotted_s or 0.0)
        if self.actual_s > given * OVER_RATIO and self.actual_s - given >= 60:
            return "over"
        # Short without anybody choosing it: a phase the interviewer ended because its planned
        # questions were done (or whose time was up), or the candidate ended on purpose (Next,
        # End round), is no timing failure; the round says once what the candidate ended early.
        if self.short and self.ended_by not in ("agenda", "done", "time", "next", "stopped"):
            return "under"
        return "on plan"

    def to_dict(self) -> dict:
        return {"phase": self.phase, "planned_s": round(self.planned_s, 1), "actual_s": round(self.actual_s, 1),
                "difference_s": round(self.difference_s, 1), "started_at": round(self.started_at, 3),
                "verdict": self.verdict}


def phase_timings(timeline: list[tuple[str, float, float]],
                  plan: list[tuple[str, float]] | None = None,
                  allotted: dict[str, float] | None = None,
                  ended_by: dict[str, str] | None = None,
                  skipped: dict[str, tuple[int, int]] | None = None) -> list[PhaseTiming]:
    """`timeline`: (phase id, planned minutes, actual seconds) in the order the phases ran;
    `plan`: (phase id, minutes) of every phase of the script in order (default: the timeline's).
    A phase's allotted time is what the round engine gave it when it started (`allotted`, by
    phase id, from its timeline); where not given, the round's time left then split among it and
    the later phases in proportion to their planned minutes. `ended_by`: why each phase ended
    (PhaseTiming.ended_by). `skipped`: (questions, follow-ups) Next left unasked in each phase."""
    plan = plan or [(phase, minutes) for phase, minutes, _ in timeline]
    order = [phase for phase, _ in plan]
    minutes = [max(0.0, float(m)) * 60.0 for _, m in plan]
    total = sum(minutes)
    out, t = [], 0.0
    for phase, planned_min, actual_s in timeline:
        planned = max(0.0, float(planned_min)) * 60.0
        rest = sum(minutes[order.index(phase):]) if phase in order else 0.0
        given = (allotted or {}).get(phase)
        if given is None:
            given = max(0.0, total - t) * planned / rest if rest > 0 else planned
        out.append(PhaseTiming(phase, planned, float(actual_s), t, given, (ended_by or {}).get(phase),
                               last_part=bool(order) and phase == order[-1],
                               skipped_questions=(skipped or {}).get(phase, (0, 0))[0],
                               skipped_follow_ups=(skipped or {}).get(phase, (0, 0))[1]))
        t += float(actual_s)
    return out
