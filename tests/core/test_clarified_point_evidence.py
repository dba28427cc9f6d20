"""A talking point about settling a requirement ("Decide whether touching sessions merge, and
say so") is made by the clarifying question that asked it, and that question is its evidence
(trial 18: it was credited to "sort the session by start time ... merge any session that starts
before the current one ends" while the Clarify question "Do sessions that just touch count as
overlapping?" counted for nothing). A clarifying question on another subject does not make it."""
from interviewer.core.analysis.coverage import COVERED, round_coverage, settled_by_asking
from interviewer.core.analysis.summary import Part
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir

SCRIPT = {s.id: s for s in discover_scripts(bundled_scripts_dir(),
                                            user_dir=bundled_scripts_dir() / "no-such-folder").scripts}[
    "coding_intervals"]
QUESTION = SCRIPT.questions[0]
POINT = next(i for i, p in enumerate(QUESTION.expected_points) if p.text.startswith("Decide whether touching"))


def _clarify_part(question: str) -> Part:
    end = 0.4 * len(question.split())
    analysis = {"utterances": [{"text": question, "start": 0.3, "end": end}],
                "clarifying_questions": [{"text": question, "start": 0.3, "end": end}]}
    return Part(6, QUESTION.id, None, QUESTION.text, 28.6, 46.3, 110.0, analysis, phase_id="clarify")


CODE = Part(9, QUESTION.id, "complexity", "What's the time complexity of that?", 150.0, 160.0, 172.0,
            {"utterances": [{"text": "So my approach is to sort the sessions by start time, and walk through them, "
                                     "and merge any session that starts before the current one ends.",
                             "start": 0.5, "end": 9.0}]}, phase_id="code")


def _point(clarifying_question: str):
    [coverage] = round_coverage([_clarify_part(clarifying_question), CODE], SCRIPT, Matcher())
    return coverage.points[POINT]


def test_the_point_is_one_settled_by_asking():
    assert settled_by_asking(QUESTION.expected_points[POINT])
    assert not any(settled_by_asking(p) for p in QUESTION.expected_points if p.area != "clarifying requirements")


def test_the_clarifying_question_on_touching_sessions_makes_the_point_and_is_its_evidence():
    point = _point("Do sessions that just touch, like 1 to 3 and 3 to 5, count as overlapping?")
    assert point.status == COVERED
    assert "touch" in point.evidence[0].text and point.evidence[0].part_id == 6


def test_a_clarifying_question_on_another_subject_does_not():
    point = _point("Is the input already sorted by start time?")
    assert not any(e.part_id == 6 for e in point.evidence)
