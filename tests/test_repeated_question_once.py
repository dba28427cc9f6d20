"""Trial 3: "Sorry, could you repeat that?" - the question said again - and the review (and the
exports, which place the interviewer's lines alike) showed it twice: as the heading "Q:" of the
part recorded after it, and as an "Interviewer:" line under that heading."""
from types import SimpleNamespace

from interviewer.export.interviewer_lines import lines_to_show
from interviewer.storage.models import InterviewerLine

QUESTION = "Explain the bias-variance tradeoff."


def answer(id, asked_at, start, end):
    return SimpleNamespace(id=id, question_id="bias_variance", follow_up_id=None, asked_at=asked_at,
                           answer_start=start, answer_end=end, question_text=QUESTION, clarifications=[])


def test_a_repeated_question_heading_its_part_is_not_also_a_line():
    lines = [InterviewerLine(21.6, "question", QUESTION), InterviewerLine(40.1, "repeat", QUESTION),
             InterviewerLine(69.7, "acknowledgement", "Okay, thanks.")]
    # The part after the repeat is asked at the repeat: its heading shows the question again.
    session = SimpleNamespace(lines=lines, answers=[answer(1, 21.6, 35.9, 40.1), answer(2, 40.1, 40.1, 69.5)])
    assert [line.kind for line in lines_to_show(session)] == ["acknowledgement"]


def test_a_repeat_under_the_same_heading_stays_a_line():
    lines = [InterviewerLine(21.6, "question", QUESTION), InterviewerLine(40.1, "repeat", QUESTION)]
    session = SimpleNamespace(lines=lines, answers=[answer(1, 21.6, 35.9, 40.1), answer(2, 21.6, 40.1, 69.5)])
    assert [line.kind for line in lines_to_show(session)] == ["repeat"]
