"""Trial 35 D12: Home and Progress said "Next round, before week 1 (ML breadth, coding and
phone-screen rounds): ML depth, e.g. ...": the week named lists other kinds, so the line read as a
contradiction. The plan's one next step (practice_plan.next_step_text) names a kind outside the
current week only as such ("..., outside week 1 (...) because ..."), and one of the week's kinds
as "for week N"."""
from interviewer.core.practice_plan import Proposal, build_plan, next_step_text, track_plan

WEEK_1 = "week 1 (ML breadth, coding and phone-screen rounds)"


def test_a_kind_outside_the_week_is_not_listed_under_the_week():
    progress = track_plan(build_plan(8), [])
    proposal = Proposal("ml_depth", (), "outside week 1: your weakest area, Root cause, is practised in ML depth "
                        "rounds and was not covered in the last one")
    text = next_step_text(progress, proposal)
    assert f"{WEEK_1}: ML depth" not in text, text
    assert text == ("Next round: ML depth, outside " + WEEK_1 + " because your weakest area, Root cause, is practised "
                    "in ML depth rounds and was not covered in the last one."), text


def test_a_kind_of_the_week_is_for_the_week():
    progress = track_plan(build_plan(8), [])
    text = next_step_text(progress, Proposal("coding", (), "week 1: no round of this kind yet"))
    assert text == f"Next round, for {WEEK_1}: Coding (no round of this kind yet).", text
