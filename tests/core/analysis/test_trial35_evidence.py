"""Trial 35 D1 (trial 34 D1 before it): talking points credited with a sentence said to another
question, points plainly made missed, and per-phase lines that disagreed with the questions' own
checklists. The trial's two stored rounds (tests/data/trial35) are replayed as text through what the
review and the exports show (summary.summarize with the script and the real model):
- a behavioral round's questions are different stories: no point of one is made by another's
  sentence ("failures dropped from eight a month to zero ..." of the ownership story covered the
  customer question's result; the customer story's support calls covered the disagreement's "What
  was learned about the other side's view");
- in an ML depth round a point covered in its own answers is quoted from them, and a point of a
  question is not covered by a sentence said before it was asked that only shares a keyword ("...
  40% of traffic", said about the incident, made neither "Purpose, traffic, ..." nor the fix's
  "What the incident cost users or revenue, in numbers");
- the answer to a changed constraint asked as Prevention began (filed under the fix) counts for
  Prevention: "null rate alert ..., schema contract test" makes "Data validation on inputs";
- "I found out ... I traced it ..." tells the candidate's own part in the first person;
  "I traced it to an upstream schema change, where a field was renamed" states the root cause;
- each phase's line counts its questions' points as their checklists do."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewer.core.analysis.coverage import COVERED, MISSED, PointMatcher, acts_in_first_person
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "trial35"


@pytest.fixture(scope="module")
def scorer():
    from interviewer.adapters import embeddings  # installed with the app: never a silent skip
    return PointMatcher(Matcher(embeddings.OnnxTextEncoder()))


def _replayed(name: str, scorer):
    stored = json.loads((DATA / name).read_text())
    script = load_script(ROOT / "question_scripts" / f"{stored['script']}.toml")
    parts = [Part(p["id"], p["question_id"], p["follow_up_id"], p["question_text"], p["asked_at"], p["start"],
                  p["end"], p["analysis"], p["transcript_words"], p["phase_id"]) for p in stored["parts"]]
    return script, parts, summarize(parts, stored["phase_starts"], script=script, matcher=scorer)


@pytest.fixture(scope="module")
def behavioral(scorer):
    return _replayed("behavioral_round_parts.json", scorer)


@pytest.fixture(scope="module")
def depth(scorer):
    return _replayed("depth_round_parts.json", scorer)


def _point(numbers, question_id: str, starts: str):
    question = next(q for q in numbers.coverage if q.question_id == question_id)
    return next(p for p in question.points if p.text.startswith(starts))


def _parts_of(parts, question_id: str) -> set[int]:
    return {p.id for p in parts if p.question_id == question_id}


def test_a_behavioral_point_is_never_made_by_another_story(behavioral):
    _, parts, numbers = behavioral
    for q in numbers.coverage:
        own = _parts_of(parts, q.question_id)
        for p in q.points:
            assert all(e.part_id in own for e in p.evidence), (q.question_id, p.text, p.evidence)
    assert _point(numbers, "customer_change", "What you changed, what it cost").status != COVERED
    assert _point(numbers, "disagreement", "What was learned about the other side").status != COVERED
    # the points the stories did make stay made
    assert _point(numbers, "ownership", "The result with a number").status == COVERED
    assert _point(numbers, "customer_change", "How you learned what customers needed").status == COVERED


def test_a_depth_point_made_in_its_own_answers_is_quoted_from_them(depth):
    _, parts, numbers = depth
    purpose = _point(numbers, "context", "Purpose, traffic")
    assert purpose.status == COVERED
    assert purpose.evidence and all(e.part_id in _parts_of(parts, "context") for e in purpose.evidence), purpose
    assert "served behind" in purpose.evidence[0].text
    cost = _point(numbers, "fix", "What the incident cost users or revenue")
    assert cost.status != COVERED and not any("40%" in e.text for e in cost.evidence), cost


def test_the_answer_to_a_changed_constraint_counts_for_the_phase_it_was_asked_in(depth):
    _, _, numbers = depth
    validation = _point(numbers, "prevention", "Data validation on inputs")
    assert validation.status == COVERED
    assert any("schema contract" in e.text for e in validation.evidence), validation


def test_points_plainly_made_are_covered(depth):
    _, _, numbers = depth
    own_part = _point(numbers, "context", "Your own part in building and running it")
    assert own_part.status == COVERED and own_part.evidence[0].text.startswith("I "), own_part
    root = _point(numbers, "incident", "The root cause stated precisely")
    assert root.status == COVERED and any("schema change" in e.text for e in root.evidence), root


@pytest.mark.parametrize("name", ["behavioral_round_parts.json", "depth_round_parts.json"])
def test_each_phase_line_counts_its_questions_checklists(scorer, name, behavioral, depth):
    script, _, numbers = behavioral if name.startswith("behavioral") else depth
    names = {p.id: p.name for p in script.phases}
    by_phase: dict[str, list] = {}
    for q in numbers.coverage:
        by_phase.setdefault(names[q.phase], []).extend(q.points)
    lines = {g.name: (g.points, g.covered, g.missed) for g in numbers.phase_coverage}
    assert lines == {name: (len(points), sum(p.status == COVERED for p in points), sum(p.status == MISSED for p in points))
                     for name, points in by_phase.items()}


@pytest.mark.parametrize("text, acts", [
    ("I found out from the finance report, not from an alert.", True),
    ("So I traced it to an upstream schema change.", True),
    ("Every month I think.", False),
    ("My manager decided.", False),
    ("I would add a null rate alert.", False),
    ("I assume the training data fits in memory.", False),
    ("I and the team looked at it, and we fixed it.", False),
])
def test_acting_in_the_first_person(text, acts):
    assert acts_in_first_person(text) is acts
