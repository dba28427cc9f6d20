"""Trial 34 D8, with the trial's own transcript: "Asked 5 clarifying questions" for three (q1, q2
and q1 again), and "success metric" under "Did not ask about". The question count is the answer's
analysis after the interviewer's answered exchanges are credited to it (app.live_clarifications),
which the review, Progress and every export read. The middle question was misheard without a "?"
("And the arriving late works for the business and arriving early.") and answered with the
cost-of-errors fact: it counts as a question and its topic as asked; the success-metric fact was
never given, so that topic stays not asked."""
from types import SimpleNamespace

from interviewer.app.live_clarifications import credit_clarifications
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

from .speech import spoken

HEARD = ("Um, before I start, what is the expected scale? How many orders per second? [11.0] "
         "And the arriving late works for the business and arriving early. [12.0] "
         "Sorry, what was the expected scale again? How many orders per second? [6.0] "
         "Okay. That's all my questions.")
ANSWER_START = 41.0  # round seconds


def _question():
    script = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)
    return next(q for q in script.questions if q.id == "design_eta")


def test_three_questions_answered_by_the_interviewer_count_three_with_their_topics():
    question = _question()
    facts = {t.name: t.fact for t in question.clarifying_topics}
    topics = [(t.name, t.keywords) for t in question.clarifying_topics]
    analysis = analyze_answer(spoken(HEARD), expected_topics=topics, expects_clarifying=True).to_dict()
    ends = {}
    for u in analysis["utterances"]:
        for key in ("orders per second", "arriving early", "scale again"):
            if key in u["text"].lower():
                ends.setdefault(key, []).append(u["end"])
    asked = [("How many orders per second?", "scale", ends["orders per second"][0]),
             ("And the arriving late works for the business and arriving early.", "cost of errors",
              ends["arriving early"][0]),
             ("Sorry, what was the expected scale again? How many orders per second?", "scale",
              ends["orders per second"][-1])]
    exchanges = [SimpleNamespace(question=q, topic=t, reply=facts[t], asked_at=ANSWER_START + end + 1.0)
                 for q, t, end in asked]
    credit_clarifications(analysis, exchanges, ANSWER_START)
    assert len(analysis["clarifying_questions"]) == 3, [q["text"] for q in analysis["clarifying_questions"]]
    assert "Asked 3 clarifying questions." in [f["message"] for f in analysis["findings"]]
    assert {"scale", "cost of errors"} <= set(analysis["topics_covered"])
    assert "cost of errors" not in analysis["topics_missed"] and "success metric" in analysis["topics_missed"]
