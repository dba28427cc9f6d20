"""Trial 22 item 9(a): an ML breadth answer set two named options against each other ("trees
train fast and need little tuning ... neural networks for images, text, huge data") and was told
"Not heard: a tradeoff" (Depth: Tradeoffs 0/3). Two options with contrasting conditions or
strengths now count as a tradeoff, in general forms ("X for A, Y for B", "where Y wins", "unlike
X, Y ...", "X when ..., otherwise Y", "the X needs less ..., the Y is simpler")."""
from interviewer.core.analysis import depth
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances

from .speech import spoken

# Answer 3 of the trial's breadth round, as the speech model wrote it (breadth.md).
HEARD = ("For tabular data with a few hundred features I would start with gradient-boosted trees. A train fast "
         "and need little tuning. We had a neural network proposal last year, and my lead was like, right out. "
         "And I said, because we finally have images and text and lots of data where neural networks win... So "
         "trees for tabular neural networks for unstructured data for huge data sets. That's it.")


def _heard(text):
    t = spoken(text)
    return bool(depth.find(depth.TRADEOFFS.pattern, split_utterances(tokenize(t.words), t.speech),
                           depth.TRADEOFFS.not_after))


def test_the_trials_answer_names_a_tradeoff():
    analysis = analyze_answer(spoken(HEARD), round_kind="ml_breadth").to_dict()
    assert depth.heard_in([analysis])["tradeoffs"]
    missing = " ".join(f["message"] for f in analysis["findings"] if f["kind"] == "depth_missing")
    assert "a tradeoff" not in missing


def test_two_options_set_against_each_other_are_a_tradeoff():
    for text in ("So trees for tabular, neural networks for images.",
                 "So for a feature pipeline it's PCA, for looking at the data t-SNE.",
                 "With very little data naive Bayes beats logistic regression.",
                 "Unlike a random forest, boosting fits the residuals one tree at a time.",
                 "Use a heap when k is small, otherwise I'd just sort the whole list.",
                 "The cache is much faster and the database is more reliable."):
        assert _heard(text), text


def test_a_result_a_plain_plan_or_code_is_not():
    for text in ("With the new features the model beats the baseline by two points.",
                 "So we wait for labels for two weeks.",
                 "So I'd use a queue for the events for each user.",
                 "If the stack is empty return none, otherwise we pop.",
                 "When we shipped it, the new model won."):
        assert not _heard(text), text
