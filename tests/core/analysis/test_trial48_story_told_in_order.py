"""Trial 48 problem 5: a conflict story told strictly as situation, task ("My task was to make sure
we launched safely"), actions ("I set up a meeting, showed her the data, and proposed a two-week
test ... I also offered to build the dashboard"), then result ("The test showed a 2.3% increase in
conversion ...") was reviewed as:
- "STAR parts out of order: you told situation, task, result, action": the task's goal ("we
  launched") was heard as the result;
- "Quantified results" quoting the proposed test ("on 10% of traffic"), not the result;
- its own part ("I" over "we") not heard: the list of actions counted as one, "offered" as none;
- "Long situation: Spent 20 s on the situation" beside the situation's talking point "missed".
The stories here are written for these tests, in the same order."""
from __future__ import annotations

from interviewer.core.analysis import behavioral, depth
from interviewer.core.analysis.coverage import MISSED, PARTLY, PointMatcher
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

from .speech import spoken

ROUTER = ("Two years ago the support team and my data team argued about how to route tickets. The support lead "
          "wanted every ticket read by a person first, because the old classifier had buried urgent ones. "
          "Customers were waiting about a day longer on every misrouted ticket. My job was to make sure we "
          "shipped the new router without losing the support team's trust. I met the support lead, walked her "
          "through the errors, and suggested a pilot on 5% of tickets for three weeks. I also offered to check "
          "the misrouted tickets myself every morning. The pilot showed a 40% drop in first response time, and "
          "we fixed the two categories it got wrong. After that we rolled it out to every queue.")
PRICING = ("Last spring a fellow engineer and I disagreed about retraining the pricing model every night. He "
           "wanted nightly runs because the data drifted, and I was worried about the cost. Our cloud bill had "
           "already doubled that quarter. The goal was to keep prices fresh without blowing the budget. I pulled "
           "the drift numbers for six months, showed him that weekly runs lost almost nothing, and proposed a "
           "weekly run with a drift alarm. As a result our training bill fell by 60%, and we have not missed a "
           "drift since.")


def _said(text: str):
    t = spoken(text)
    return split_utterances(tokenize(t.words), t.speech)


def _unpunctuated(text: str) -> str:
    return "".join(c for c in text if c not in ".,").lower()


def _signals(text: str) -> depth.DepthResult:
    return depth.depth_signals(_said(text), "behavioral", story=True)


def test_the_goal_of_the_task_is_no_result():
    task = behavioral.cue_matches("my task was to make sure we launched safely without slowing the team down")
    assert list(task) == ["task"]
    assert list(behavioral.cue_matches("the goal was to make sure we shipped it before the sale")) == ["task"]
    # a clause that goes on may still tell the result
    told = behavioral.cue_matches("my task was to fix the build and in the end we cut its time by half")
    assert "result" in told and told["result"].group(0).startswith("in the end")


def test_a_story_told_in_order_is_heard_in_order():
    for text in (ROUTER, _unpunctuated(ROUTER), PRICING, _unpunctuated(PRICING)):
        order = _signals(text).get("star_order")
        assert order.heard, (text[:40], order.details)
        assert order.details["parts"] == ["situation", "task", "action", "result"]


def test_the_quantified_result_quotes_the_result_not_the_proposed_test():
    for text, number in ((ROUTER, "40%"), (PRICING, "60%")):
        result = _signals(text).get("quantified_result")
        assert result.heard
        assert number in result.evidence[0].text, result.evidence
        assert not any("5%" in e.text or "six months" in e.text for e in result.evidence), result.evidence


def test_each_action_of_a_list_is_told_by_its_subject():
    assert behavioral.action_subjects(_said(
        "I set up a meeting, showed her the numbers, and proposed a two week test.")) == (3, 0)
    assert behavioral.action_subjects(_said("I fixed the parser and she tested it the next day.")) == (1, 0)
    assert behavioral.action_subjects(_said("I offered to take the first week of calls myself.")) == (1, 0)
    # the actions of the story outnumber the "we" of its result
    for text in (ROUTER, PRICING):
        ownership = _signals(text).get("i_over_we")
        assert ownership.heard, ownership.details
        assert ownership.details["i_acted"] > ownership.details["we_acted"]


def test_a_long_situation_is_not_also_missed():
    script = load_script(bundled_scripts_dir() / "behavioral_conflict_and_trust.toml", bundled=True)
    question = script.question("peer_conflict")
    analysis = analyze_answer(spoken(ROUTER), question_text=question.text, round_kind="behavioral").to_dict()
    assert "long_situation" in [f["kind"] for f in analysis["findings"]]
    assert "star_order" not in [f["kind"] for f in analysis["findings"]]
    parts = [Part(1, "peer_conflict", None, question.text, 0.0, 2.0, 60.0, analysis)]
    numbers = summarize(parts, script=script, matcher=PointMatcher(Matcher()))
    context = next(p for q in numbers.coverage for p in q.points if p.text.startswith("The situation and what was at"))
    assert context.status != MISSED, context
    if context.status == PARTLY:  # quoted with the situation, said before the task
        assert context.evidence[0].start < analysis["star"]["first_at"]["task"], context.evidence


def test_numbers_in_a_sentence_of_actions_are_no_result():
    # "impact" in the scene is a result word; the actions told after it, with their numbers, are not
    # the result
    story = ("Our checkout redesign had a bad impact on repeat orders. My task was to find out why. I called "
             "twelve customers and I rebuilt the three screens they struggled with. Repeat orders went up by 20% "
             "the next month.")
    result = _signals(story).get("quantified_result")
    assert result.heard
    assert [e.match for e in result.evidence] == ["20%"], result.evidence
