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
