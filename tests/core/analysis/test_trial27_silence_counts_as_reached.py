"""Trial 27: the second question, met with ~70 s of silence and then End round, was "not
reached": "1 question reached" though 2 were asked. A question put to the candidate and met with
silence is reached, its talking points missed; one the round ended on as it was asked is not
(trial 22). One rule in the core, read by the review, the exports, the CLI and Progress."""
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part, answered_question_ids, summarize
from interviewer.core.scripts.model import ExpectedPoint, Phase, Question, RoundScript
from interviewer.core.transcript import Segment, Transcript, Word


def _script() -> RoundScript:
    phases = (Phase("training", "Training deep networks", 12, "Let's start with training deep networks."),)
    questions = (
        Question("grads", "Why do early layers barely learn?", "training",
                 expected_points=(ExpectedPoint("Gradients vanish through many layers"),)),
        Question("norms", "Compare batch normalization and layer normalization.", "training",
                 expected_points=(ExpectedPoint("Batch norm normalizes over the batch"),
                                  ExpectedPoint("Layer norm normalizes over features"))),
        Question("attn", "What does attention compute?", "training"),
    )
    return RoundScript("breadth-test", "Breadth", "ml_breadth", 30, phases, questions)


def _spoken(text: str) -> dict:
    words = [Word(w, 1.0 + i * 0.3, 1.25 + i * 0.3) for i, w in enumerate(text.split())]
    return analyze_answer(Transcript([Segment(text, 1.0, words[-1].end, words)], words[-1].end + 1.0)).to_dict()


def _parts(silent_seconds: float) -> list[Part]:
    return [Part(1, "grads", None, "Why do early layers barely learn?", 20.0, 28.0, 48.0,
                 _spoken("Vanishing gradients through many layers, fixed with residual connections."),
                 phase_id="training"),
            Part(2, "norms", None, "Compare batch normalization and layer normalization.", 75.0, 80.0,
                 80.0 + silent_seconds, analyze_answer(Transcript([], silent_seconds, [])).to_dict(),
                 phase_id="training")]


def test_a_question_met_with_silence_is_reached_and_its_points_missed():
    numbers = summarize(_parts(66.0), script=_script())
    assert answered_question_ids(numbers) == {"grads", "norms"}
    norms = next(c for c in numbers.coverage if c.question_id == "norms")
    assert norms.answered and norms.reached and norms.count("covered") == 0


def test_a_question_the_round_ended_on_as_it_was_asked_is_not_reached():
    numbers = summarize(_parts(3.0), script=_script())
    assert answered_question_ids(numbers) == {"grads"}
    assert not any(c.reached for c in numbers.coverage if c.question_id == "norms")
