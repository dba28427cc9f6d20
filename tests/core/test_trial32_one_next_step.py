"""Trial 32 (D9): Home and Progress read "Next: week 1, ML breadth, coding and phone-screen rounds.
Next round: ML system design, e.g. ..." : two "Next" statements that disagree. The practice plan
says its next step once (core next_step_text), naming the week the round serves or comes before;
Progress and Home show that one text."""
from interviewer.core.practice_plan import build_plan, next_step_text, propose_next_round, track_plan
from interviewer.core.weak_spots import AreaResult, RoundAreas


def _design_round_missing_metrics():
    return RoundAreas(1, "ml_system_design", 1796513735.5,
                      {"evaluation metrics": AreaResult("evaluation metrics", 2, 0.0, "points"),
                       "data and labels": AreaResult("data and labels", 2, 2.0, "points")}, "ml_system_design")


def test_a_round_outside_the_week_is_the_one_next_step_and_says_it_is_outside_the_week():
    progress = track_plan(build_plan(8), [(1, "ml_system_design")])
    proposal = propose_next_round(progress, [_design_round_missing_metrics()])
    text = next_step_text(progress, proposal)
    assert text.count("Next") == 1, text
    # Trial 35: "before week 1 (ML breadth, ...): ML system design" read as a kind of that week.
    assert text.startswith("Next round: ML system design, focus on Evaluation metrics, outside week 1 (ML breadth, "
                           "coding and phone-screen rounds) because your weakest area, "), text
    assert text.count("week 1") == 1, text  # said once
    assert text.endswith("was not covered in the last one."), text


def test_a_round_of_the_week_says_it_is_for_the_week_once():
    progress = track_plan(build_plan(8), [])
    proposal = propose_next_round(progress, [])
    text = next_step_text(progress, proposal)
    assert text.count("Next") == 1, text
    assert text.startswith("Next round, for week 1 (ML breadth, coding and phone-screen rounds): "), text
    assert "(no round of this kind yet)." in text and "week 1: " not in text, text


def test_a_complete_plan_says_so():
    progress = track_plan(build_plan(6), [])
    for week in progress:
        week.session_ids.extend(range(100, 100 + week.week.rounds_needed))
    assert next_step_text(progress, propose_next_round(progress, [])) == "The plan is complete."
