"""Weak spots across rounds (core/weak_spots.py) and the plan built on them (core/practice_plan.py):
areas counted from the round summary, standings weakest first, checkpoints that tick from
measured rounds, and the next round proposed from the week's kinds and the weakest areas."""
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.practice_plan import CHECKPOINTS, build_plan, propose_next_round, readiness, track_plan
from interviewer.core.weak_spots import (
    CLARIFYING_AREA, AreaResult, Checkpoint, RoundAreas, checkpoint_status, merge, round_content, signal_area_results,
    standings, weakest_first,
)

from tests.core.analysis.speech import spoken

MONITORING = "monitoring and rollback"


def design_round(sid: int, covered: bool | None, tradeoffs: bool = True, kind: str = "ml_system_design") -> RoundAreas:
    """A measured round: monitoring covered / missed / not measured (None)."""
    areas = {"tradeoffs": AreaResult("tradeoffs", 4, 3 if tradeoffs else 1, "signal")}
    if covered is not None:
        areas[MONITORING] = AreaResult(MONITORING, 2, 2 if covered else 0.5)
    return RoundAreas(sid, kind, 1000.0 + sid, areas)


def test_an_area_is_covered_when_half_of_what_measured_it_was():
    assert AreaResult("x", 2, 1.0).is_covered and not AreaResult("x", 3, 1.0).is_covered
    assert not AreaResult("x", 0, 0).is_covered and AreaResult("x", 0, 0).share is None
    both = merge([AreaResult("tradeoffs", 2, 0.0), AreaResult("tradeoffs", 2, 2, "signal")])["tradeoffs"]
    assert (both.measured, both.covered, both.source) == (4, 2, "points+signal")
    # A new-user run: Progress said "quantified results" was covered (a talking point about the
    # result matched) where the review said "Quantified result 0/1" (no number was heard).
    assert not both.is_covered
    assert both.describe() == "2 of 2 questions that called for it, but talking points: 0 of 2 covered"
    agree = merge([AreaResult("q", 1, 1.0), AreaResult("q", 1, 1, "signal")])["q"]
    assert agree.is_covered
    assert merge([AreaResult("q", 1, 1.0), AreaResult("q", 0, 0, "signal")])["q"].is_covered  # not measured there


def test_signal_areas_come_from_the_round_summary():
    thin = ("I would build a model that looks at the payment and decides if it is fraud and then I would put it "
            "behind a service and call it from the payment flow and log everything for the next model to learn "
            "from later on when the analysts have reviewed the payments and the chargebacks have come in too.")
    deep = "Let's assume two thousand payments per second. The downside is that features are an hour stale."
    parts = []
    for pid, (qid, text, clarifying) in enumerate([("a", thin, True), ("b", deep, False)], start=1):
        analysis = analyze_answer(spoken(text), round_kind="ml_system_design", expects_clarifying=clarifying,
                                  question_findings=False).to_dict()
        parts.append(Part(pid, qid, None, qid, 10.0 * pid, 10.0 * pid, 10.0 * pid + 5, analysis))
    areas = {r.area: r for r in signal_area_results(summarize(parts))}
    assert (areas["tradeoffs"].measured, areas["tradeoffs"].covered) == (2, 1)
    assert (areas["stated assumptions"].measured, areas["stated assumptions"].covered) == (1, 0)
    assert (areas[CLARIFYING_AREA].measured, areas[CLARIFYING_AREA].covered) == (1, 0)  # asked nothing
    assert areas["tradeoffs"].is_covered and not areas["stated assumptions"].is_covered


def test_standings_put_the_weakest_area_first_per_kind():
    rounds = [design_round(1, False), design_round(2, True), design_round(3, False),
              design_round(4, None, tradeoffs=False, kind="ml_depth")]
    ranked = standings(rounds, "ml_system_design")
    assert [s.area for s in ranked] == [MONITORING, "tradeoffs"]
    assert ranked[0].history == ((1, False), (2, True), (3, False)) and ranked[0].covered_recently == 1
    assert [s.area for s in standings(rounds, "ml_depth")] == ["tradeoffs"]
    assert standings(rounds, "ml_depth")[0].rate == 0.0


def test_a_round_s_content_and_the_weakest_areas_across_kinds():
    """Home's numbers: the areas one round covered and missed, the weakest areas of every kind."""
    content = round_content(design_round(1, False))
    assert content.covered == ("tradeoffs",) and content.missed == (MONITORING,)
    assert (content.covered_count, content.measured) == (1, 2)
    assert round_content(design_round(2, None)).missed == ()  # monitoring not measured: neither
    rounds = [design_round(1, False), design_round(2, True), design_round(3, None, tradeoffs=False, kind="ml_depth")]
    ranked = weakest_first(rounds, ["ml_system_design", "ml_depth"])
    assert [(s.area, s.kind, s.recent_text) for s in ranked] == [
        ("tradeoffs", "ml_depth", "0 of 1"), (MONITORING, "ml_system_design", "1 of 2"),
        ("tradeoffs", "ml_system_design", "2 of 2")]


def test_checkpoint_ticks_after_three_measured_rounds_in_a_row():
    cp = Checkpoint("ml_system_design", (MONITORING,), 3, "three in a row")
    rounds = [design_round(1, True), design_round(2, False), design_round(3, True), design_round(4, True)]
    status = checkpoint_status(cp, rounds)
    assert (status.streak, status.best, status.ticked, status.session_ids) == (2, 2, False, (3, 4))
    # A round whose script never asked about monitoring neither counts nor breaks the run;
    # a round of another kind does not count.
    rounds += [design_round(5, None), design_round(6, True, kind="ml_depth")]
    assert checkpoint_status(cp, rounds).streak == 2
    rounds.append(design_round(7, True))
    done = checkpoint_status(cp, rounds)
    assert done.ticked and done.session_ids == (3, 4, 7)
    rounds.append(design_round(8, False))  # a later miss breaks the run; the checkpoint stays reached
    later = checkpoint_status(cp, rounds)
    assert later.streak == 0 and later.ticked


def test_every_checkpoint_is_on_the_last_week_of_its_stage():
    plan = build_plan(6)
    placed = [(w.stage, c) for w in plan for c in w.checkpoints]
    assert [c for _, c in placed] == [c for stage in CHECKPOINTS for c in CHECKPOINTS[stage]]
    for w in plan:
        if w.checkpoints:
            assert w is [x for x in plan if x.stage == w.stage][-1]
    assert len(readiness(plan, [])) == len(placed) and not any(s.ticked for s in readiness(plan, []))


def test_the_next_round_follows_the_week_and_the_weakest_area():
    plan = build_plan(8)
    # Weeks 1-2 (foundations) done: week 3 is system design, kinds ml_system_design and ml_depth.
    done = [(i, k) for i, k in enumerate(["coding", "ml_breadth", "phone_screen"] * 2, start=100)]
    progress = track_plan(plan, done)
    first = propose_next_round(progress, [])
    assert first.kind == "ml_system_design" and first.focus == () and "no round of this kind" in first.reason
    # Shown after "Next: week N, <focus>.": the reason does not repeat the focus in brackets.
    assert "(" not in first.reason and first.reason.startswith("week ")
    rounds = [design_round(1, False), design_round(2, False)]
    nxt = propose_next_round(track_plan(plan, done + [(1, "ml_system_design"), (2, "ml_system_design")]), rounds)
    # Design practised already, depth never; but monitoring was missed in both design rounds:
    # a weak spot decides over the week's kind never practised, and the reason names it (trial19).
    assert nxt.kind == "ml_system_design" and nxt.reason == (
        "weak spot: Monitoring and rollback not covered in the last 2 rounds of this kind")
    # With no weak spot the week decides: depth, never practised, first.
    covered = [design_round(1, True), design_round(2, True)]
    assert propose_next_round(track_plan(plan, done + [(1, "ml_system_design"), (2, "ml_system_design")]),
                              covered).kind == "ml_depth"
    rounds += [design_round(3, True, kind="ml_depth")]
    progress = track_plan(plan, done + [(1, "ml_system_design"), (2, "ml_system_design"), (3, "ml_depth")])
    again = propose_next_round(progress, rounds)
    assert again.kind == "ml_system_design" and again.focus[0] == MONITORING
    assert "Monitoring and rollback not covered in the last 2" in again.reason
    # After one such round (a new-user trial read "covered in 0 of the last 1 rounds"):
    one = propose_next_round(track_plan(plan, done + [(1, "ml_system_design"), (3, "ml_depth")]),
                             [design_round(1, False), design_round(3, True, kind="ml_depth")])
    assert one.kind == "ml_system_design"
    assert one.reason.endswith("Monitoring and rollback not covered in the last round of this kind")


def _script(sid: str, kind: str, areas: list[str]):
    from interviewer.core.scripts.model import ExpectedPoint, Phase, Question, RoundScript

    points = tuple(ExpectedPoint(f"point on {a}", area=a) for a in areas)
    return RoundScript(sid, f"Script {sid}", kind, 45, (Phase("main", "Main", 45, "Go."),),
                       (Question("q", "A question?", "main", expected_points=points),))


def test_the_proposal_names_the_script_that_asks_most_about_the_weakest_areas():
    from interviewer.core.practice_plan import suggest_script

    scripts = [_script("a", "ml_system_design", ["tradeoffs"]),
               _script("b", "ml_system_design", [MONITORING, "tradeoffs"]),
               _script("c", "ml_system_design", [MONITORING]),
               _script("d", "behavioral", [MONITORING])]
    rounds = [RoundAreas(1, "ml_system_design", 1.0, {}, "c")]
    # Both b and c ask about the weakest area and tradeoffs counts less; b asks about both.
    assert suggest_script("ml_system_design", (MONITORING, "tradeoffs"), scripts, rounds).id == "b"
    # Only the weakest area: b and c tie on it, and c was practised already.
    assert suggest_script("ml_system_design", (MONITORING,), scripts, rounds).id == "b"
    assert suggest_script("ml_system_design", (), scripts, rounds).id == "a"  # nothing to aim at: least played
    assert suggest_script("coding", (MONITORING,), scripts, rounds) is None
    plan = build_plan(8)
    done = [(i, k) for i, k in enumerate(["coding", "ml_breadth", "phone_screen"] * 2, start=100)]
    history = [design_round(1, False), design_round(2, False), design_round(3, True, kind="ml_depth")]
    progress = track_plan(plan, done + [(1, "ml_system_design"), (2, "ml_system_design"), (3, "ml_depth")])
    proposal = propose_next_round(progress, history, scripts=scripts)
    assert proposal.kind == "ml_system_design" and proposal.script.id in ("b", "c")
