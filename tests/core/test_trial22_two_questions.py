"""Trial 22 item 2: "How many transactions per second do we handle and what is the latency budget
for a decision? And how quickly do we get chargeback labels back?" got only the labels fact.
Whisper wrote "chargeback" as three word pieces ("charge", "-in", "-ac") that join into one
word: the run of questions stripped the last question by its joined words, two too few, and
never saw the question before it."""
from interviewer.core.trailing_questions import trailing_questions
from interviewer.core.transcript import Word

LATENCY = "How many transactions per second do we handle and what is the latency budget for a decision?"
LABELS = "And how quickly do we get charge-in-ac labels back?"


def _words(texts: list[str]) -> list[Word]:
    return [Word(t, 0.3 * i, 0.3 * i + 0.25) for i, t in enumerate(texts)]


def test_two_questions_in_one_breath_are_both_found_when_a_word_came_in_pieces():
    pieces = LATENCY.split() + ["And", "how", "quickly", "do", "we", "get", "charge", "-in", "-ac", "labels", "back?"]
    assert trailing_questions(_words(pieces)) == [LATENCY, LABELS]


def test_pieces_in_the_earlier_question_leave_the_last_one_whole():
    pieces = ["What", "is", "the", "charge", "-back", "rate?", "How", "fast", "must", "we", "decide?"]
    assert trailing_questions(_words(pieces)) == ["What is the charge-back rate?", "How fast must we decide?"]


# One turn, one reply (trial 21) only for sentences asking one thing: a separate question with no
# fact still gets its no-fact reply, after the facts.
LATENCY_FACT = "The card network gives us a hundred milliseconds at p99."
NO_FACT = "Good question. Make a reasonable assumption and state it."


class NearestAnswerer:
    """Latency has a fact; every sentence's closest topic is named by the words it says."""

    def reply(self, question):
        if "latency" in question.lower() or "how fast" in question.lower():
            return "latency", LATENCY_FACT
        return None, NO_FACT

    def nearest_topic(self, question):
        q = question.lower()
        return "latency" if ("latency" in q or "decision" in q or "fast" in q) else "payment types"


def _turn(tmp_path, said):
    from test_round_turns import ask, at_feed_question

    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=NearestAnswerer())
    before = len(speaker.said)
    ask(controller, recorder, said)
    for _ in range(6):
        speaker.stop()
        controller.poll()
    return speaker.said[before:], controller.current_answer


def test_a_separate_question_with_no_fact_gets_its_reply_after_the_fact(tmp_path):
    said, answer = _turn(tmp_path, "Is this for card payments only, or bank transfers too? "
                                   "And what is the latency budget?")
    assert said == [LATENCY_FACT, NO_FACT]
    assert [c.topic for c in answer.clarifications] == ["latency", None]


def test_a_sentence_asking_what_the_fact_answers_gets_nothing_more(tmp_path):
    said, _answer = _turn(tmp_path, "How quickly must we reach a decision? What is the latency budget?")
    assert said == [LATENCY_FACT]


def test_the_responder_names_the_closest_topic_even_below_the_threshold():
    from interviewer.core.candidate_questions import CandidateQuestionResponder, WrapUpReplier
    from interviewer.core.clarifying_responder import ClarifyingResponder
    from interviewer.core.scripts.model import ClarifyingTopic, Question

    latency = ClarifyingTopic("latency", ("latency", "milliseconds"), "A hundred milliseconds.")
    scale = ClarifyingTopic("scale", ("transactions per second", "traffic"), "Two thousand a second.")
    responder = ClarifyingResponder(Question("fraud", "Design a fraud scorer.", "req", (latency, scale)))
    assert responder.reply("How is the traffic spread over the day?").topic in (None, "scale")
    assert responder.nearest_topic("How is the traffic spread over the day?") == "scale"
    assert WrapUpReplier(responder, CandidateQuestionResponder.__new__(CandidateQuestionResponder)).nearest_topic(
        "What latency do we need?") == "latency"
