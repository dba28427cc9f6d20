"""Trial 23 item 8: a coding round listed "Clarifying requirements 0 of 1" (its talking point's
area) and "Clarifying questions 1 of 1" (questions asked) as two areas, counted "6 of 7" beside
"Talking points: 3 of 5" with no word on what the areas were; a behavioral round ended after 3.1
of 45 minutes read "5 of 5", as full marks."""
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.scripts.areas import AREAS
from interviewer.core.weak_spots import (AREAS_HEADING, CLARIFYING_AREA, AreaResult, RoundContent, areas_line,
                                         content_text, round_area_results)
from tests.core.analysis.speech import spoken

ASKS = "Should uppercase and lowercase versions of the same query be counted together? And how big is the log?"


def test_asking_clarifying_questions_counts_under_the_scripts_clarifying_area():
    assert CLARIFYING_AREA in AREAS  # the vocabulary's own name, not a second one for the same
    analysis = analyze_answer(spoken(ASKS), round_kind="coding", expects_clarifying=True,
                              question_findings=False).to_dict()
    numbers = summarize([Part(1, "q", None, "q", 10.0, 11.0, 20.0, analysis)])
    points = [AreaResult("clarifying requirements", 1, 0.0), AreaResult("algorithm design", 1, 1.0)]
    areas = round_area_results(points, numbers, {"clarifying requirements", "algorithm design"})
    assert "clarifying questions" not in areas
    clarifying = areas["clarifying requirements"]
    assert [p.source for p in clarifying.parts] == ["points", "signal"]  # both measures, one area
    assert not clarifying.is_covered  # the talking point was missed, though questions were asked


def test_the_count_says_what_it_counts_and_that_the_round_ended_early():
    # Named before its count, as the talking points' is (trial 33 #16): "Topic areas covered: 5 of 5 areas"
    # beside "Talking points covered: 4 of 4 points"; what measured a missed area is said after it.
    assert AREAS_HEADING == "Topic areas covered"
    five = tuple(f"area {i}" for i in range(5))
    text = content_text(RoundContent(five, (), unanswered=2, ended_early=True))
    assert text == (f"{AREAS_HEADING}: 5 of 5 areas, in a round ended early; 2 questions were not reached "
                    "and are not counted"), text
    assert content_text(RoundContent(five, ())) == f"{AREAS_HEADING}: 5 of 5 areas"  # a full round: the count alone
    line = areas_line({"testing": AreaResult("testing", 1, 1.0)}, ended_early=True)
    assert line.startswith(f"{AREAS_HEADING}: 1 of 1 area, in a round ended early"), line
