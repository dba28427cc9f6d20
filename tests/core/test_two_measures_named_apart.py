"""Trial 17: "Topics missed: edge cases, output format, ..." (clarifying topics not asked about)
beside "Topic areas: 4 of 5 covered; missed Edge cases" (what the answers covered) read as one
measure twice. Each has one name now, said by the review, the exports and Home alike."""
from __future__ import annotations

from interviewer.core.analysis.summary import CLARIFYING_MISSED_HEADING, summarize
from interviewer.core.weak_spots import AREAS_HEADING, AREAS_MEANING, AreaResult, RoundContent, content_text, merge, round_content
from interviewer.export.report import round_facts


def test_topic_areas_say_they_are_about_the_answers():
    content = RoundContent(("algorithm design", "complexity analysis"), ("edge cases",))
    assert content_text(content) == "Topic areas covered: 2 of 3 areas. Missed: Edge cases"
    areas = merge([AreaResult("edge cases", 2, 0.5), AreaResult("edge cases", 2, 1, "signal")])
    assert content_text(round_content(areas), heading=False, why=areas) == (
        "0 of 1 area. Missed: Edge cases (1 of 2 questions that called for it, but talking points: 0.5 of 2 covered). " + AREAS_MEANING)


def test_clarifying_topics_are_named_as_not_asked_about():
    facts = round_facts(summarize([]))
    assert CLARIFYING_MISSED_HEADING == "Not asked about (clarifying)" and CLARIFYING_MISSED_HEADING in facts
    assert not any("Topics missed" in k or k == AREAS_HEADING for k in facts)
