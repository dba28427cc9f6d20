"""Trial 19 item 8: after an ML system design round that missed areas, and an ML breadth round
that covered its own, the practice plan said "Next round: Coding" from week 1's kinds and
nothing of what was missed. The areas are the trial's, as stored (round_areas)."""
import json

from interviewer.core.practice_plan import build_plan, propose_next_round, track_plan
from interviewer.core.weak_spots import AreaResult, RoundAreas

DESIGN = json.loads(
    '[{"area": "evaluation metrics", "measured": 2, "covered": 2.0, "source": "points"}, '
    '{"area": "clarifying requirements", "measured": 1, "covered": 1.0, "source": "points"}, '
    '{"area": "problem framing", "measured": 1, "covered": 0.0, "source": "points"}, '
    '{"area": "system architecture", "measured": 2, "covered": 2.0, "source": "points"}, '
    '{"area": "tradeoffs", "measured": 1, "covered": 0.0, "source": "points"}, '
    '{"area": "data and labels", "measured": 2, "covered": 2.0, "source": "points"}, '
    '{"area": "modeling choices", "measured": 1, "covered": 1.0, "source": "points"}, '
    '{"area": "feature engineering", "measured": 1, "covered": 1.0, "source": "points"}, '
    '{"area": "online experiments", "measured": 1, "covered": 1.0, "source": "points"}, '
    '{"area": "monitoring and rollback", "measured": 2, "covered": 2.0, "source": "points"}, '
    '{"area": "failure analysis", "measured": 1, "covered": 1.0, "source": "points"}]')
BREADTH = json.loads(
    '[{"area": "optimization", "measured": 1, "covered": 1.0, "source": "points"}, '
    '{"area": "failure analysis", "measured": 1, "covered": 1.0, "source": "points"}]')


def stored(sid, kind, started, rows):
    return RoundAreas(sid, kind, started, {r["area"]: AreaResult(r["area"], r["measured"], r["covered"], r["source"])
                                           for r in rows}, kind)


def test_the_next_round_is_the_weak_spots_and_says_so():
    rounds = [stored(1, "ml_system_design", 1796513735.5, DESIGN), stored(2, "ml_breadth", 1796514448.6, BREADTH)]
    progress = track_plan(build_plan(8), [(1, "ml_system_design"), (2, "ml_breadth")])
    proposal = propose_next_round(progress, rounds)
    assert proposal.kind == "ml_system_design", "not week 1's coding: the design round's misses decide"
    assert set(proposal.focus) == {"problem framing", "tradeoffs"}
    # Not of week 1's kinds: the reason says it departs from the week, and why (trial 22).
    assert proposal.reason.startswith("outside week 1: your weakest area, ")
    assert proposal.reason.endswith("is practised in ML system design rounds and was not covered in the last one")


def test_with_nothing_missed_the_week_decides():
    rounds = [stored(2, "ml_breadth", 1796514448.6, BREADTH)]
    progress = track_plan(build_plan(8), [(2, "ml_breadth")])
    proposal = propose_next_round(progress, rounds)
    assert proposal.kind == "coding" and proposal.reason == "week 1: no round of this kind yet"
