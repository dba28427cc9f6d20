import pytest

from interviewer.core.practice_plan import build_plan, current_week, track_plan


@pytest.mark.parametrize("weeks", [6, 7, 8])
def test_plan_has_the_four_stages_in_order(weeks):
    plan = build_plan(weeks)
    assert len(plan) == weeks
    stages = list(dict.fromkeys(w.stage for w in plan))
    assert stages == ["Foundations", "System design", "Full mock rounds", "Refinement"]
    assert [w.number for w in plan] == list(range(1, weeks + 1))


def test_plan_length_is_checked():
    with pytest.raises(ValueError):
        build_plan(5)


def test_weeks_tick_off_as_rounds_of_the_right_kinds_complete():
    plan = build_plan(8)
    completed = [(1, "coding"), (2, "ml_breadth"), (3, "behavioral"), (4, "phone_screen"),
                 (5, "ml_system_design"), (6, "coding")]
    progress = track_plan(plan, completed)
    assert progress[0].done and progress[0].session_ids == [1, 2, 4]
    assert progress[1].session_ids == [6]  # second foundations week, not done yet
    # A behavioral round is not a foundations round: it waits for the mock-round weeks.
    assert 3 in progress[4].session_ids
    assert progress[2].session_ids == [5]  # design ahead of plan still counts
    assert current_week(progress) is progress[1]
    assert not any(w.done for w in progress[1:])
