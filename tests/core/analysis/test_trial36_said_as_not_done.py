"""Trial 36 item 1 (behavioral): "Ah, obviously, I didn't measure it. The support team added felt
matter." was quoted as making "What you changed, what it cost, and the measured effect on
customers" (covered). The `denies_doing` rule read every sentence of the quoted piece, and the
second one (about the support team) denies nothing, so the point stayed covered. A piece now denies
when a sentence of it says the speaker did not do it and every sentence in which "I"/"we" speak
denies; the point is partly covered and says why: "said as not done ('I didn't')"."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewer.core.analysis.coverage import COVERED, PARTLY, PointCoverage, PointMatcher, denies_doing, sentences_of_text
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def scorer():
    from interviewer.adapters import embeddings  # installed with the app: never a silent skip
    return PointMatcher(Matcher(embeddings.OnnxTextEncoder()))


def _replayed(name: str, scorer):
    stored = json.loads((ROOT / "tests" / "data" / name).read_text())
    script = load_script(ROOT / "question_scripts" / f"{stored['script']}.toml")
    parts = [Part(p["id"], p["question_id"], p["follow_up_id"], p["question_text"], p["asked_at"], p["start"],
                  p["end"], p["analysis"], p["transcript_words"], p["phase_id"]) for p in stored["parts"]]
    return script, parts, summarize(parts, stored["phase_starts"], script=script, matcher=scorer)


def _point(numbers, question_id: str, starts: str) -> PointCoverage:
    question = next(q for q in numbers.coverage if q.question_id == question_id)
    return next(p for p in question.points if p.text.startswith(starts))


CUSTOMER = load_script(ROOT / "question_scripts" / "behavioral_leadership_principles.toml").question("customer_change")
MEASURED = next(i for i, p in enumerate(CUSTOMER.expected_points) if "measured effect" in p.text)


@pytest.mark.parametrize("said", [
    "Ah, obviously, I didn't measure it. The support team added felt matter.",  # trial 36, as heard
    "Honestly, I didn't measure it. The support team liked it.",
    "Honestly, we never checked the numbers.",
    "No idea what the impact was.",
    "I didn't measure the effect on customers.",
])
def test_a_measured_effect_said_as_not_measured_is_not_covered(scorer, said):
    result = scorer.score_points(CUSTOMER.expected_points, sentences_of_text(said), CUSTOMER.text)[MEASURED]
    assert result.status != COVERED, result


def test_the_trial_round_says_why_the_measured_effect_is_only_partly_covered(scorer):
    _, _, numbers = _replayed("trial36/behavioral_round_parts.json", scorer)
    measured = _point(numbers, "customer_change", "What you changed, what it cost, and the measured effect")
    assert measured.status == PARTLY and measured.status_text == "partly covered: said as not done ('I didn't')"


def test_a_measured_effect_said_is_still_covered(scorer):
    said = "We moved the return policy to the top of the page, and support tickets about returns dropped by 30 percent."
    result = scorer.score_points(CUSTOMER.expected_points, sentences_of_text(said), CUSTOMER.text)[MEASURED]
    assert result.status == COVERED, result


def test_a_denial_beside_a_sentence_about_someone_else_is_still_a_denial():
    assert denies_doing("Ah, obviously, I didn't measure it. The support team added felt matter.")
    assert not denies_doing("I didn't measure it. I asked the support team, and tickets dropped by 30 percent.")
    assert not denies_doing("The support team liked it.")
    assert PointCoverage(0, "p", None, PARTLY, 0.3, denial="I didn't").status_text == \
        "partly covered: said as not done ('I didn't')"
