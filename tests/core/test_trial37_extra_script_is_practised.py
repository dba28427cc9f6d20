"""Trial 37 item 6: after a coding round whose extra question was the first problem of "Coding:
pipeline task order and a feature cache", Home's next step proposed that very script as never
practised. A script an extra question came from counts as practised (RoundAreas.extra_scripts,
core.practice_plan.suggest_script)."""
from interviewer.core.practice_plan import suggest_script
from interviewer.core.scripts.model import Phase, Question, RoundScript
from interviewer.core.weak_spots import RoundAreas


def _script(sid: str) -> RoundScript:
    return RoundScript(sid, f"Round {sid}", "ml_breadth", 45, (Phase("p", "Part", 10, "Go."),),
                       (Question(f"{sid}-q", "Why?", "p"),))


def test_a_script_asked_as_an_extra_is_not_proposed_as_never_practised():
    own, used_as_extra, fresh = _script("own"), _script("extra"), _script("fresh")
    rounds = [RoundAreas(1, "ml_breadth", 0.0, script_id="own", extra_scripts=("extra",))]
    assert suggest_script("ml_breadth", (), [own, used_as_extra, fresh], rounds).id == "fresh"
