"""Trial 43 (defect 6): the Talking points tab said "3 questions were skipped with Next and are not
counted", then listed as missed "Probability and statistics (talking points: 0 of 3 covered ...)"
from an extra question met with 11 s of silence and left with N, and "Evaluation metrics (...; 0 of
7 questions that called for it)", the 7 counting that question too. Two rules were in conflict: a
question met with silence counted as reached (trial 27), a question skipped with Next did not.

One rule now: a question left with Next having said nothing is skipped, not counted (no talking
points missed, no depth signal expected, counted with the questions skipped with Next); a question
met with silence that the round moved past without Next (or ended on) still counts (trial 27)."""
from __future__ import annotations

from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part, answered_question_ids, summarize
from interviewer.core.round_records import AnswerRecord, EndedBy
from interviewer.core.scripts.model import ExpectedPoint, Phase, Question, RoundScript
from interviewer.core.transcript import Segment, Transcript, Word
from interviewer.core.weak_spots import (areas_line, point_area_results, round_area_results, round_content,
                                         script_point_areas, unanswered_questions)


def _script() -> RoundScript:
    phases = (Phase("training", "Training", 12, "Let's start with training."),
              Phase("statistics", "Extra question: Statistics", 13, "Here is another one."))
    questions = (
        Question("grads", "Why do early layers barely learn, and what does it cost to fix?", "training",
                 expected_points=(ExpectedPoint("Gradients vanish through many layers", area="optimization"),)),
        Question("interval", "Your accuracy on five hundred examples is 86 percent. How sure are you?", "statistics",
                 expected_points=(ExpectedPoint("Binomial standard error, about 1.5 points", area="probability and statistics"),
                                  ExpectedPoint("Bootstrap the test set", area="probability and statistics"))),
    )
    return RoundScript("breadth-test", "Breadth", "ml_breadth", 30, phases, questions)


def _spoken(text: str) -> dict:
    words = [Word(w, 1.0 + i * 0.3, 1.25 + i * 0.3) for i, w in enumerate(text.split())]
    return analyze_answer(Transcript([Segment(text, 1.0, words[-1].end, words)], words[-1].end + 1.0),
                          round_kind="ml_breadth").to_dict()


def _parts(left_with_n: bool) -> list[Part]:
    silence = analyze_answer(Transcript([], 11.2, []), round_kind="ml_breadth", skipped_with_next=left_with_n).to_dict()
    return [Part(1, "grads", None, "Why do early layers barely learn, and what does it cost to fix?", 20.0, 28.0, 48.0,
                 _spoken("Vanishing gradients through many layers, so I would add residual connections."),
                 phase_id="training"),
            Part(2, "interval", None, "Your accuracy on five hundred examples is 86 percent. How sure are you?",
                 490.0, 500.5, 511.7, silence, phase_id="statistics")]


def _tab(numbers, script) -> tuple[str, object]:
    areas = round_area_results(point_area_results(numbers, script), numbers, script_point_areas(script))
    unanswered = unanswered_questions(script, answered_question_ids(numbers))
    return areas_line(areas, unanswered, False, True), round_content(areas, unanswered, False, True)


def test_a_question_left_with_next_in_silence_is_skipped_not_missed():
    script = _script()
    numbers = summarize(_parts(left_with_n=True), script=script)
    assert answered_question_ids(numbers) == {"grads"}
    assert not any(c.reached for c in numbers.coverage if c.question_id == "interval")
    # The depth counts only the question answered ("0 of 2 questions that called for it" before).
    assert {c.questions for c in numbers.depth.values()} == {1}
    line, content = _tab(numbers, script)
    assert "1 question was skipped with Next and is not counted" in line, line
    assert "Probability and statistics" not in line and "probability and statistics" not in content.missed, line


def test_a_question_met_with_silence_without_next_still_counts():
    """Trial 27's rule stands where no Next was pressed: the round moved on (or ended) on it."""
    script = _script()
    numbers = summarize(_parts(left_with_n=False), script=script)
    assert answered_question_ids(numbers) == {"grads", "interval"}
    assert {c.questions for c in numbers.depth.values()} == {2}
    _, content = _tab(numbers, script)
    assert "probability and statistics" in content.missed


def test_a_main_question_left_with_next_is_marked_as_a_skip():
    """The live round marks a script question's recording ended by Next (not only a follow-up's),
    so its analysis says "Skipped with Next", not "No speech was heard ... Check the microphone"."""
    from interviewer.core.round_records import left_with_next

    def record(ended_by: EndedBy) -> AnswerRecord:
        return AnswerRecord(3, "interval", None, "How sure are you?", "statistics", 490.0, 500.5, None,
                            ended_at=511.7, ended_by=ended_by)

    assert left_with_next(record(EndedBy.NEXT))
    assert not left_with_next(record(EndedBy.TIME_UP)) and not left_with_next(record(EndedBy.STOPPED))
    analysis = analyze_answer(Transcript([], 11.2, []), skipped_with_next=left_with_next(record(EndedBy.NEXT))).to_dict()
    assert [f["kind"] for f in analysis["findings"]] == ["skipped_with_next"]


def test_the_round_counts_a_question_left_with_next_in_silence_as_skipped():
    """The engine keeps the question itself Next left open (not only a follow-up or probe), so the
    round's "N questions skipped" counts it as the Talking points tab does."""
    from interviewer.core.clock import FakeClock
    from interviewer.core.engine import PhaseEnd, RoundEngine
    from interviewer.core.round_records import left_open_unanswered
    from tests.core.test_next_skips_said_in_findings_and_status import SCRIPT

    clock = FakeClock(1000.0)
    engine = RoundEngine(SCRIPT, clock)
    engine.start()
    clock.advance(14.0)
    engine.answer_finished("Thanks for having me, I'm ready to start.")
    asked = engine.timeline.asks[-1]
    assert asked.follow_up_id is None
    clock.advance(11.0)
    engine.next_phase()  # the question met with 11 s of silence, then N
    part = engine.timeline.phases[1]
    assert part.ended_by == PhaseEnd.NEXT
    assert part.left_open == (asked.question_id, None)
    silent = AnswerRecord(2, asked.question_id, None, "", part.phase, 0.0, 0.0, None, ended_at=11.0, ended_by=EndedBy.NEXT)
    assert left_open_unanswered(part.left_open, [silent]) == 1
