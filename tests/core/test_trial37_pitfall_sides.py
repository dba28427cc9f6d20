"""Trial 37 item 10: "Trees for tabular data, neural networks for images and text." (a correct
answer, transcribed correctly) got "Hmm, are you sure? With a few thousand rows of tabular
data..." and a red "Check this": the pitfall "Neural networks work best on small tabular data
sets" heard both its keywords (networks, tabular) and read the sentence as the claim, though the
sentence puts tabular data on the trees' side of the comparison and the networks on the images'.

core.pitfalls now reads which side of a comparison each keyword is on: keywords said in different
parts of a list ("A for X, B for Y", "A for X and B for Y") where a part pairs one of them with
the other side (a word only the correction says: trees) make no claim. Correct and wrong versions
of several pitfalls of the bundled scripts, with the app's sentence-embedding model (which fired
on the trial 37 sentence) and with the bag-of-stems encoder (no model)."""
from __future__ import annotations

import pytest

from interviewer.core.matching import Matcher
from interviewer.core.pitfalls import pitfall_hits
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir


@pytest.fixture(scope="module", params=["model", "lexical"])
def matcher(request):
    if request.param == "lexical":
        return Matcher(None)
    from interviewer.adapters import embeddings  # installed with the app: never a silent skip
    return Matcher(embeddings.OnnxTextEncoder())


def _question(script_id: str, question_id: str):
    script = next(s for s in discover_scripts(bundled_scripts_dir()).scripts if s.id == script_id)
    return script.question(question_id)


def _claims(question, text: str, matcher) -> list[str]:
    return [h.pitfall.claim for h in pitfall_hits(question.pitfalls, text, matcher)]


def _find(script_id: str, claim_start: str):
    for s in discover_scripts(bundled_scripts_dir()).scripts:
        if s.id != script_id:
            continue
        for q in s.questions:
            if any(p.claim.startswith(claim_start) for p in q.pitfalls):
                return q
    raise LookupError(claim_start)


TREES = ("ml_breadth_applied", "trees_vs_nets")


@pytest.mark.parametrize("right", [
    "Trees for tabular data, neural networks for images and text.",            # trial 37, as heard
    "Trees for tabular data and neural networks for images and text.",
    "Neural networks for images and text, trees for tabular data.",
    "Boosted trees on small tabular data sets, neural networks on images and audio.",
])
def test_a_comparison_with_each_thing_on_its_right_side_makes_no_claim(right, matcher):
    assert _claims(_question(*TREES), right, matcher) == []


@pytest.mark.parametrize("wrong, claim", [
    ("Neural networks work best on small tabular data sets.", "Neural networks work best"),
    ("On small tabular data, neural networks work best.", "Neural networks work best"),
    ("Gradient boosted trees are the best choice for images and raw text.", "Gradient-boosted trees are the best"),
])
def test_the_wrong_versions_still_get_the_push_back(wrong, claim, matcher):
    assert any(c.startswith(claim) for c in _claims(_question(*TREES), wrong, matcher))


@pytest.mark.parametrize("script_id, claim, right, wrong", [
    ("ml_breadth_fundamentals", "Bias is the error",
     "Variance is the error of a too complex model, bias of a too simple one.",
     "Bias is the error from the model being too complex."),
    ("ml_breadth_fundamentals", "L1 regularization",
     "L1 drives small weights to exactly zero, L2 shrinks them but never to zero.",
     "L1 regularization makes the weights smaller but never exactly zero."),
    ("ml_breadth_deep_learning_and_llms", "Batch norm normalizes each example",
     "Layer norm normalizes each example across its own features, batch norm each feature over the batch.",
     "Batch norm normalizes each example across its own features."),
])
def test_other_pitfalls_right_and_wrong_side(script_id, claim, right, wrong, matcher):
    question = _find(script_id, claim)
    assert not any(c.startswith(claim) for c in _claims(question, right, matcher))
    assert any(c.startswith(claim) for c in _claims(question, wrong, matcher))
