"""Trial 37 (item 10): "Trees for tabular data, neural networks for images and text." (correct)
got "Hmm, are you sure? With a few thousand rows of tabular data, which would you expect to
win?" and a red "Check this" in the review: the sentence was read as one clause naming neural
networks and tabular data. Parallel "X for Y" pairs after a comma are one claim each
(core.pitfalls._clauses); a wrong pairing is still caught."""
from interviewer.core.pitfalls import pitfall_hits
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir


def _trees_vs_nets():
    script = load_script(bundled_scripts_dir() / "ml_breadth_applied.toml", bundled=True)
    return script.question("trees_vs_nets")


def test_correct_pairs_after_a_comma_make_no_claim():
    question = _trees_vs_nets()
    for said in ("XGBoost for a few thousand rows, neural networks for pixels.",
                 "Trees for tabular data, neural networks for images and text."):
        assert pitfall_hits(question.pitfalls, said) == [], said


def test_a_wrong_pairing_is_still_caught():
    question = _trees_vs_nets()
    hits = pitfall_hits(question.pitfalls, "Neural networks for small tabular data, trees for images.")
    assert hits, hits
    assert pitfall_hits(question.pitfalls, "On small tabular data, neural networks work best.")
