"""Trial 36 item 9: the candidate talked over "Did you end up committing..." ("Sorry, let me add
something..."), and the interviewer said it again after "So, as I was saying:". The review and
the Markdown labelled the cut line "Follow-up (skipped with Next): Did... [cut off]" though no key
was pressed: it is labelled by what happened, "Follow-up (cut off, said again):"."""
from __future__ import annotations

from types import SimpleNamespace as NS

from interviewer.core.round_records import CUT_OFF_MARK
from interviewer.export.interviewer_lines import label_of, lines_to_show

FOLLOW_UP = "Did you end up committing to a decision you disagreed with? How did that go?"
EVIDENCE = "What evidence did you bring to the discussion?"


def _answer(i, follow_up_id, text, asked_at, start):
    return NS(id=i, question_id="disagreement", follow_up_id=follow_up_id, asked_at=asked_at,
              question_text=text, answer_start=start, answer_end=start + 8, clarifications=[])


def _session(said_again: bool):
    lines = [NS(said_at=391.0, kind="follow_up", text=EVIDENCE),
             NS(said_at=415.0, kind="follow_up", text="Did..." + CUT_OFF_MARK),
             NS(said_at=432.0, kind="reask", text="So, as I was saying:")]
    answers = [_answer(12, "evidence", EVIDENCE, 391.0, 394.0), _answer(13, "evidence", EVIDENCE, 416.0, 416.0)]
    if said_again:
        lines.append(NS(said_at=434.0, kind="follow_up", text=FOLLOW_UP))
        answers.append(_answer(14, "commit", FOLLOW_UP, 434.0, 438.0))
    lines.append(NS(said_at=460.0, kind="question", text="Tell me about a time you had to deliver under a deadline."))
    answers.append(NS(id=15, question_id="deadline", follow_up_id=None, asked_at=460.0,
                      question_text="Tell me about a time you had to deliver under a deadline.", answer_start=465.0,
                      answer_end=480.0, clarifications=[]))
    return NS(lines=lines, answers=answers)


def _label_of_cut_line(session) -> str:
    cut = next(line for line in lines_to_show(session) if line.text.endswith(CUT_OFF_MARK))
    return label_of(cut)


def test_a_talked_over_follow_up_said_again_is_no_skip_with_next():
    assert _label_of_cut_line(_session(said_again=True)) == "Follow-up (cut off, said again):"


def test_a_cut_follow_up_never_said_again_is_still_a_skip():
    assert _label_of_cut_line(_session(said_again=False)) == "Follow-up (skipped with Next):"
