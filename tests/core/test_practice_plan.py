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


def test_a_round_ended_well_before_its_planned_length_is_no_full_mock_round():
    """A new-user run: a behavioral round ended after 4 of its 45 minutes ticked "Week 5: Full
    mock rounds (1/3)", a stage the plan describes as every round at full length."""
    from interviewer.core.practice_plan import ran_full_length

    start = 1_700_000_000.0
    assert not ran_full_length(45, start, start + 4 * 60)
    assert ran_full_length(45, start, start + 40 * 60)
    assert ran_full_length(None, start, None)  # an imported recording, a round without a plan
    # Paused 30 minutes of 44 (the round clock stood still): 14 minutes ran.
    assert not ran_full_length(45, start, start + 44 * 60, paused_seconds=30 * 60)
    plan = build_plan(6)
    foundations = [(1, "coding"), (2, "ml_breadth"), (3, "phone_screen"), (4, "coding"), (5, "ml_breadth"),
                   (6, "phone_screen")]
    progress = track_plan(plan, foundations + [(7, "behavioral"), (8, "ml_breadth")], cut_short={7, 8})
    assert [w.week.stage for w in progress if w.week.full_length] == ["Full mock rounds"] * 2
    assert all(w.session_ids == [] for w in progress if w.week.full_length)
    # Refinement takes behavioral rounds whatever their length; the mock weeks take the full ones.
    assert progress[-1].session_ids == [7]
    progress = track_plan(plan, foundations + [(7, "behavioral"), (8, "ml_breadth")], cut_short={8})
    assert progress[3].session_ids == [7]


def test_home_counts_the_rounds_the_plan_counts_and_says_which_ended_early():
    """A whole-round trial: after a 45-minute round ended with End round 6 minutes in, Home said
    "1 round completed." while the plan left it out of its full-length weeks."""
    from types import SimpleNamespace

    from interviewer.core.practice_plan import practised_rounds, practised_text

    def row(sid, minutes_run, kind="coding", status="completed", words=120):
        # Ended with End round: those under 80 % of the plan have the ended-early finding.
        return SimpleNamespace(session_id=sid, kind=kind, status=status, words=words, planned_minutes=45,
                               started_at=1000.0, ended_at=1000.0 + minutes_run * 60, paused_seconds=0.0,
                               ended_early=minutes_run < 36)

    early = row(1, 6)
    practised = practised_rounds([early])
    assert practised.cut_short == {1} and practised_text(practised) == "1 round, ended early, too short to count for the plan"
    full = [row(2, 44), row(3, 45)]
    assert practised_text(practised_rounds(full)) == "2 rounds completed"
    mixed = practised_rounds([early, *full, row(4, 3), row(5, 40, kind="imported"), row(6, 1, words=0),
                              row(7, 45, status="interrupted")])
    assert [r.session_id for r in mixed.rounds] == [1, 2, 3, 4]  # no import, nothing heard, interruption
    assert practised_text(mixed) == "4 rounds: 2 completed, 2 ended early; 2 of them too short to count for the plan"
    assert (practised_text(practised_rounds([early, row(4, 3)]))
            == "2 rounds, all ended early, both too short to count for the plan")
    assert practised_text(practised_rounds([])) == "No rounds completed"
    # The plan counts the same rounds: the early ones tick no full-length week.
    plan = build_plan(6)
    progress = track_plan(plan, [(r.session_id, r.kind) for r in mixed.rounds], mixed.cut_short)
    counted = [sid for w in progress for sid in w.session_ids]
    assert sorted(counted) == [1, 2, 3, 4]
    assert not any(sid in mixed.cut_short for w in progress if w.week.full_length for sid in w.session_ids)


def test_a_round_closed_minutes_in_ticks_no_week():
    """A new-user trial: rounds ended after 0.7, 4.6 and 8.3 of 45 minutes marked "Week 1 done"
    (foundations). A round counts for a week once it ran a third of its plan; Home still lists
    it as ended early."""
    from types import SimpleNamespace

    from interviewer.core.practice_plan import PRACTICE_SHARE, practised_rounds, practised_text

    def row(sid, minutes_run, kind):  # ended with End round (the ended-early finding)
        return SimpleNamespace(session_id=sid, kind=kind, status="completed", words=80, planned_minutes=45,
                               started_at=1000.0, ended_at=1000.0 + minutes_run * 60, paused_seconds=0.0,
                               ended_early=True)

    rows = [row(1, 8.3, "ml_breadth"), row(2, 4.6, "coding"), row(3, 0.7, "phone_screen")]
    practised = practised_rounds(rows)
    assert practised.too_short == {1, 2, 3}
    assert practised_text(practised) == "3 rounds, all ended early, all too short to count for the plan"
    plan = build_plan(8)
    progress = track_plan(plan, [(r.session_id, r.kind) for r in practised.rounds], practised.cut_short,
                          practised.too_short)
    assert not any(w.session_ids for w in progress)
    # A third of the plan or more: practice for the foundation weeks, not a full mock round.
    longer = practised_rounds([row(4, 45 * PRACTICE_SHARE + 0.5, "coding")])
    assert longer.too_short == set() and longer.cut_short == {4}
    progress = track_plan(plan, [(4, "coding")], longer.cut_short, longer.too_short)
    assert progress[0].session_ids == [4]
