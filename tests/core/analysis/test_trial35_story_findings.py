"""Trial 35 D8: in a behavioral round, "Um, I don't know. I can't think of one." got "STAR parts
not heard" and "No numbers in the result", while the customer story told after "Could you tell me
more?" got neither; the headline kept "1 question not answered (you said you didn't know)";
"Quantified results" was under Went well and in "Topic areas missed"; and a story told with "we"
only ("We talked about it. We fixed it. It went fine.") got no "I vs we" finding. The STAR parts
are judged once per question, over its story and the answers to its follow-ups, on the story."""
from __future__ import annotations

from types import SimpleNamespace

from interviewer.core.analysis.report import analyze_answer, answered_question_text, follows_story
from interviewer.core.analysis.summary import Part, question_findings, summarize
from interviewer.core.analysis.ten_seconds import not_known_asks, ten_seconds
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir
from tests.core.analysis.speech import spoken

SCRIPT = load_script(bundled_scripts_dir() / "behavioral_leadership_principles.toml", bundled=True)
CUSTOMER = next(q for q in SCRIPT.questions if q.id == "customer_change")
DISAGREEMENT = next(q for q in SCRIPT.questions if q.id == "disagreement")
MORE = "Could you tell me more? Pick one specific time: what happened, what you did, and how it turned out."
NO_EXAMPLE = "Um, I don't know. I can't think of one."
# The customer story as the live transcript wrote it in trial 35: no result, no number.
STORY = ("Actually, yes, I have one. We planned to rank search results like ridiculous purchase. I sat in on 10 "
         "support calls, and I learned that many users searched for the return policy and orders tags, not "
         "product. So I changed the design to detect both queries and show help links first. That's it.")
WE_ONLY = ("Sure. My tech lead wanted a deep model for ranking and I wanted to keep radiant boosted trees. "
           "We talked about it. We fixed it. It went fine. That's it.")


def _analysis(text: str, question, follow_up_id: str | None, recorded: str, question_findings: bool = False) -> dict:
    return analyze_answer(spoken(text), question_text=answered_question_text(question, follow_up_id, recorded),
                          round_kind="behavioral", question_findings=question_findings,
                          follows_story=follows_story(question, follow_up_id)).to_dict()


def _kinds(analysis: dict) -> list[str]:
    return [f["kind"] for f in analysis["findings"]]


def test_no_example_is_no_story_and_says_so():
    a = _analysis(NO_EXAMPLE, CUSTOMER, None, CUSTOMER.text, question_findings=True)
    assert not a["story"]
    assert "star_missing" not in _kinds(a) and "unquantified_result" not in _kinds(a)
    gave_up = [f for f in a["findings"] if f["kind"] == "gave_up"]
    assert gave_up and "no example" in gave_up[0]["message"]


def _customer_parts() -> list[Part]:
    return [Part(4, "customer_change", None, CUSTOMER.text, 156.5, 163.9, 186.9,
                 _analysis(NO_EXAMPLE, CUSTOMER, None, CUSTOMER.text)),
            Part(5, "customer_change", "ask-for-more", MORE, 187.4, 193.9, 273.9,
                 _analysis(STORY, CUSTOMER, "ask-for-more", MORE))]


def test_the_story_told_when_asked_again_gets_the_star_findings():
    parts = _customer_parts()
    assert not parts[0].analysis["story"] and parts[1].analysis["story"]
    found = [(part, f.kind) for part, f in question_findings(summarize(parts))]
    assert (5, "star_missing") in found and (5, "unquantified_result") in found
    assert not [kind for part, kind in found if part == 4 and kind in ("star_missing", "unquantified_result")]


def test_the_star_parts_are_judged_over_the_story_and_its_follow_ups():
    story = "Last year our deploys failed every week. My task was to fix that. I rewrote the rollback script."
    result = "As a result the failures dropped from eight a month to zero."
    parts = [Part(1, "disagreement", None, DISAGREEMENT.text, 0.0, 5.0, 30.0,
                  _analysis(story, DISAGREEMENT, None, DISAGREEMENT.text)),
             Part(2, "disagreement", "commit", "How did that go?", 31.0, 33.0, 40.0,
                  _analysis(result, DISAGREEMENT, "commit", "How did that go?"))]
    # Each answer alone lacks a part; the story with its follow-up has all four.
    assert "result" in parts[0].analysis["star"]["missing"]
    assert "star_missing" not in [f.kind for _, f in question_findings(summarize(parts))]
    alone = [f.message for _, f in question_findings(summarize(parts[:1])) if f.kind == "star_missing"]
    assert alone == ["STAR parts not heard: result."]


def test_a_story_told_with_we_only_gets_the_i_vs_we_finding():
    a = _analysis(WE_ONLY, DISAGREEMENT, None, DISAGREEMENT.text)
    assert "we_over_i" in _kinds(a)
    ownership = next(s for s in a["depth"]["signals"] if s["id"] == "i_over_we")
    assert not ownership["heard"]
    # The candidate's own actions, told with "I", are theirs however much "we" is said around them.
    mine = _analysis("Our team was stuck. We were behind. I wrote the proposal and I ran the pilot.", DISAGREEMENT,
                     None, DISAGREEMENT.text)
    assert "we_over_i" not in _kinds(mine)


def _stored(answers, findings):
    return SimpleNamespace(answers=answers, findings=findings, ended_early=True)


def _answer(answer_id, follow_up_id, words, start=0.0):
    transcript = SimpleNamespace(words=["w"] * words)
    return SimpleNamespace(id=answer_id, question_id="customer_change", follow_up_id=follow_up_id,
                           answer_start=start, transcript=transcript, analysis={})


def test_a_question_answered_when_asked_again_is_no_question_not_known():
    gave_up = SimpleNamespace(kind="gave_up", message="...", answer_id=4, start=0.1, end=2.0,
                              details={"severity": "problem"})
    told = _stored([_answer(4, None, 8), _answer(5, "ask-for-more", 60)], [gave_up])
    assert not_known_asks(told) == (0, 0)
    # Still nothing after asking again: not answered.
    still = SimpleNamespace(kind="gave_up", message="...", answer_id=5, start=0.1, end=2.0,
                            details={"severity": "problem"})
    assert not_known_asks(_stored([_answer(4, None, 8), _answer(5, "ask-for-more", 6)], [gave_up, still])) == (1, 1)


def test_an_area_the_round_missed_is_not_praised_in_went_well():
    heard = SimpleNamespace(kind="quantified_result", message='"failures dropped from eight a month to zero"',
                            answer_id=2, start=60.0, end=65.0, details={"severity": "good"})
    filler = SimpleNamespace(kind="fillers", message="1 filler word in this answer.", answer_id=2,
                             start=38.9, end=39.2, details={"severity": "good"})
    session = SimpleNamespace(answers=[SimpleNamespace(id=2, question_id="ownership", follow_up_id=None,
                                                       answer_start=50.0, transcript=None, analysis={})],
                              findings=[heard, filler])
    good, bad = ten_seconds(session, missed_areas=["quantified results"])
    assert [h.label for h in good.items] == ["Fillers"]
    assert "Quantified results" in bad.items[0].text
    # Not missed: praised.
    assert "Quantified results" in [h.label for h in ten_seconds(session)[0].items]
