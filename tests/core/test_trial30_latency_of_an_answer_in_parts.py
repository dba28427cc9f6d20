"""Trial 30: a hello said over the opening line ("Hi, nice to meet you.") is one part of the
introduction's answer, the rest follows the line said again. The per-answer table showed the
hello's "Latency 0.0 s" beside the finding "Slow start: Took 6.9 s to start answering" of the
part after the line: an answer's latency counts from the last time its question was said."""
from interviewer.core.analysis.summary import Part, summarize


def _part(pid: int, start: float, latency: float, text: str) -> Part:
    words = [{"text": w, "start": latency + 0.3 * i, "end": latency + 0.3 * i + 0.25} for i, w in enumerate(text.split())]
    return Part(pid, "intro", None, "To start, tell me briefly about yourself.", 3.0, start, start + 10.0,
                {"response_latency": latency, "words": words, "fillers": [], "pauses": []})


def test_the_answer_takes_the_latency_after_the_question_was_said_again():
    hello = _part(1, 4.0, 0.0, "Hi nice to meet you")
    intro = _part(2, 20.0, 6.9, "I am a machine learning engineer working on ranking")
    numbers = summarize([hello, intro])
    (answer,) = numbers.answers
    assert answer.response_latency == 6.9


def test_an_answer_in_one_part_keeps_its_latency():
    numbers = summarize([_part(1, 4.0, 2.5, "I work on search ranking")])
    assert numbers.answers[0].response_latency == 2.5
