"""Trial 40 item 10: the round ended (Ctrl+E) while the coding question was being read; the live
transcript showed the question, then "Interviewer: (not asked: the round was ended)" under it,
and the question box said it was ended "before this question was asked". The round screen now
says the round was ended while the question was being read (core.round_records.ended_on_question);
a question of which nothing was heard (its line goes) is still "not asked"."""
from __future__ import annotations

from types import SimpleNamespace

from interviewer.core.round_records import UtteranceKind, cut_off_text
from interviewer.core.round_updates import Speaking, SpeechInterrupted
from interviewer.gui.round_screen import RoundScreen

QUESTION = "Given a list of intervals, merge the overlapping ones and return the result sorted by start."


def _ended_while_reading(qtbot, marked):
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking(QUESTION, UtteranceKind.QUESTION, 1.0))
    screen.session = SimpleNamespace(engine=SimpleNamespace(is_over=True))
    screen.on_update(SpeechInterrupted(UtteranceKind.QUESTION, QUESTION, 4.0, marked=marked))
    return screen, [line for line in screen.transcript.plain_text().splitlines() if line.strip()]


def test_a_question_partly_read_says_the_round_was_ended_while_it_was_read(qtbot):
    screen, lines = _ended_while_reading(qtbot, cut_off_text(QUESTION, 30))
    assert lines[0].startswith("Q: ")
    assert lines[-1] == "Interviewer: (the round was ended while the question was being read)"
    assert not any("not asked" in line for line in lines)
    assert screen.question.text() == "The round was ended while this question was being read."


def test_a_question_of_which_nothing_was_heard_is_not_asked(qtbot):
    screen, lines = _ended_while_reading(qtbot, "")
    assert lines == ["Interviewer: (not asked: the round was ended before the question was read)"]
    assert screen.question.text() == "The round was ended before this question was asked."
