"""A practice plan for the weeks before the loop, ticked off by the rounds actually completed.

Four stages: foundations (breadth, coding, phone screens), system design (design and depth),
full mock rounds (every kind, at full length), refinement (behavioral and the weakest spots).
Completed rounds are counted in the order they happened: each fills the earliest week, not yet
done, whose kinds include it, so practice ahead of plan still counts and nothing counts twice.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.core.scripts.model import ROUND_KINDS

FOUNDATION_KINDS = ("ml_breadth", "coding", "phone_screen")
DESIGN_KINDS = ("ml_system_design", "ml_depth")
REFINEMENT_KINDS = ("behavioral", "ml_system_design", "coding", "ml_depth")


@dataclass(frozen=True)
class PlanWeek:
    number: int
    stage: str
    focus: str
    kinds: tuple[str, ...]
    rounds_needed: int


@dataclass
class WeekProgress:
    week: PlanWeek
    session_ids: list[int] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return len(self.session_ids) >= self.week.rounds_needed

    @property
    def count(self) -> int:
        return len(self.session_ids)


def build_plan(weeks: int = 8) -> list[PlanWeek]:
    """6 to 8 weeks: the stages share them, foundations and mocks getting the extra weeks."""
    if not 6 <= weeks <= 8:
        raise ValueError("the practice plan covers 6 to 8 weeks")
    stages = [
        ("Foundations", "ML breadth, coding and phone-screen rounds", FOUNDATION_KINDS, 3),
        ("System design", "ML system design and project deep dives", DESIGN_KINDS, 2),
        ("Full mock rounds", "Every round of the loop at full length", ROUND_KINDS, 3),
        ("Refinement", "Behavioral stories and your weakest rounds", REFINEMENT_KINDS, 2),
    ]
    lengths = {6: (2, 1, 2, 1), 7: (2, 2, 2, 1), 8: (2, 2, 2, 2)}[weeks]
    plan, number = [], 1
    for (stage, focus, kinds, rounds), length in zip(stages, lengths):
        for _ in range(length):
            plan.append(PlanWeek(number, stage, focus, tuple(kinds), rounds))
            number += 1
    return plan


def track_plan(plan: list[PlanWeek], completed: list[tuple[int, str]]) -> list[WeekProgress]:
    """`completed`: (session id, round kind) of completed rounds, oldest first."""
    progress = [WeekProgress(w) for w in plan]
    for session_id, kind in completed:
        for week in progress:
            if not week.done and kind in week.week.kinds:
                week.session_ids.append(session_id)
                break
    return progress


def current_week(progress: list[WeekProgress]) -> WeekProgress | None:
    return next((w for w in progress if not w.done), None)
