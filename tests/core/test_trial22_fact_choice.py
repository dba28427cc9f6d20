"""Trial 22 item 1: "Sorry, quick question. Is this for card payments only, or bank transfers
too?" got "About one payment in a thousand is fraud.": the fraud script has no fact on payment
types, and the question was loosely close to both the class balance and the accuracy target
(0.389 each, a hair above the threshold, no keyword of either). Two topics tied with no keyword
naming the first: the question is clearly about neither, so the no-fact reply is said."""
from test_bundled_fact_choice import _script, matcher  # noqa: F401  (the module's model fixture)

from interviewer.core.clarifying_responder import ClarifyingResponder


def test_a_question_about_no_topic_of_the_script_gets_the_no_fact_reply(matcher):  # noqa: F811
    script = _script("ml_system_design_fraud_detection")
    question = script.questions[0]
    responder = ClarifyingResponder(question, matcher, script)
    asked = "Is this for card payment only, or bank transfers to...?"  # as Whisper heard it
    assert responder.reply(asked) == (None, question.no_fact_reply)
    # Questions about the topics still get their facts.
    assert responder.reply("How many payments are fraud?").topic == "class balance"
    assert responder.reply("What precision and recall do we need?").topic == "accuracy target"
