"""Trial 44 D2, the review: "Sorry, going back to my first question... How do you measure when the
arrival estimate was good? It's veganly, it's worse than veganly." (its second half, "Is being
late worse than being early?", misheard), then 29.5 s of waiting for a reply that never came: the
question detector took the misheard half for the candidate answering their own question
(rhetorical), so the review said "Did not ask about: "latency", "success metric", ...".

A question followed only by a short sentence that asks nothing else and then a wait of at least
the one the live round answers after (trailing_questions.question_before_tail,
TRAILED_QUESTION_WAIT_S) was put to the interviewer, answered or not: it counts, with its topic.
A wh-question answered straight on with a sentence the speaker then goes on from stays rhetorical."""
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.matching import topics_to_ask
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

from .speech import spoken

# The trial's answer to the requirements question as heard, its silences as the review measured
# them (the interviewer's voice that leaked into the microphone left out).
HEARD = ("Um, okay. So before I start, I'd like to understand the product a bit better. [3.5] Uh, well, that's "
         "a good estimate for you. Is it more important that the estimate in accurate on average or that we rarely "
         "promise a time and then arrive late? And how many orders per day are we talking about? [10.9] Is it only "
         "for mass trunks? [4.5] Sorry, going back to my first question... How do you measure when the arrival "
         "estimate was good? It's veganly, it's worse than veganly. [29.5] Okay. That's all my questions.")


def _analysis(said: str):
    script = load_script(bundled_scripts_dir() / "ml_system_design_eta_prediction.toml", bundled=True)
    question = next(q for q in script.questions if q.id == "design_eta")
    return analyze_answer(spoken(said), question_text=question.text, expects_clarifying=True,
                          expected_topics=[(t.name, t.keywords) for t in topics_to_ask(question)],
                          round_kind=script.kind)


def test_a_question_asked_again_and_left_unanswered_counts_with_its_topic():
    clarifying = _analysis(HEARD).clarifying
    asked = [q.text for q in clarifying.questions]
    assert any(q.endswith("How do you measure when the arrival estimate was good?") for q in asked), asked
    assert "success metric" in clarifying.covered
    assert "success metric" not in clarifying.missed


def test_a_wh_question_answered_straight_on_stays_rhetorical():
    said = ("How do we measure it? It's the share of late orders. [1.0] So I would track that every day. "
            "[6.0] That's it.")
    assert not [q.text for q in _analysis(said).clarifying.questions if "measure" in q.text]
