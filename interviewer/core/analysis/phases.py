"""Round timing: time spent in each phase against the plan."""
from __future__ import annotations

from dataclasses import dataclass

OVER_RATIO = 1.25   # a phase 25% over plan (and at least a minute) is flagged
UNDER_RATIO = 0.5   # half the planned time or less is flagged


@dataclass(frozen=True)
class PhaseTiming:
    phase: str
    planned_s: float
    actual_s: float
    started_at: float = 0.0

    @property
    def difference_s(self) -> float:
        return self.actual_s - self.planned_s

    @property
    def verdict(self) -> str:
        if self.actual_s > self.planned_s * OVER_RATIO and self.difference_s >= 60:
            return "over"
        if self.planned_s > 0 and self.actual_s <= self.planned_s * UNDER_RATIO and -self.difference_s >= 60:
            return "under"
        return "on plan"

    def to_dict(self) -> dict:
        return {"phase": self.phase, "planned_s": round(self.planned_s, 1), "actual_s": round(self.actual_s, 1),
                "difference_s": round(self.difference_s, 1), "started_at": round(self.started_at, 3),
                "verdict": self.verdict}


def phase_timings(timeline: list[tuple[str, float, float]]) -> list[PhaseTiming]:
    """`timeline`: (phase id, planned minutes, actual seconds) in the order the phases ran."""
    out, t = [], 0.0
    for phase, planned_min, actual_s in timeline:
        out.append(PhaseTiming(phase, planned_min * 60.0, float(actual_s), t))
        t += float(actual_s)
    return out
