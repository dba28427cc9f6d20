"""Trial 20 item 3: a behavioral trust answer ("within two months they asked me to lead the
retraining project") got "To work on: No numbers in the result; quantify the impact." while Depth
said "Quantified results 2/2": its talking point "The evidence that trust grew, in concrete terms"
(area quantified results) was covered, and a covered point counted for its area's signal. A
quantified result is a number said in the result (the STAR check's and the signal's one rule): a
point matched by meaning does not stand for it, so the count agrees with the finding."""
from interviewer.core.analysis.coverage import COVERED, PointCoverage, QuestionCoverage
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import QuestionNumbers, _depth_counts
from tests.core.analysis.speech import spoken

TRUST = ("So when I joined the new team, nobody knew me, so I started by fixing their flaky training pipeline "
         "first, and within two months, they asked me to lead the retraining project. That's it.")
CONFLICT = ("My task was to decide whether to launch. I proposed a test on 5% of traffic. The result was that "
            "the model lost 2% on click through rate, so we did not ship it.")


def _question(qid: str, text: str) -> tuple[QuestionNumbers, list[str]]:
    analysis = analyze_answer(spoken(text), question_text="Tell me about a time you earned their trust.",
                              round_kind="behavioral").to_dict()
    heard = {s["id"]: s["heard"] for s in analysis["depth"]["signals"]}
    kinds = [f["kind"] for f in analysis["findings"]]
    return QuestionNumbers(qid, 1, False, [], [], [], 0, depth=heard, words=len(text.split())), kinds


def test_a_covered_concrete_terms_point_is_no_quantified_result():
    trust, trust_findings = _question("trust", TRUST)
    conflict, conflict_findings = _question("conflict", CONFLICT)
    assert "unquantified_result" in trust_findings and "unquantified_result" not in conflict_findings
    point = PointCoverage(0, "The evidence that trust grew, in concrete terms", "quantified results", COVERED, 0.8)
    coverage = [QuestionCoverage("trust", "trust", "trust", (point,), ())]
    counts = _depth_counts([conflict, trust], coverage)
    # One verdict: the trust answer is "to work on" for numbers, so the round heard them in 1 of 2.
    assert (counts["quantified_result"].heard, counts["quantified_result"].questions) == (1, 2)
