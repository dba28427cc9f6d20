"""Trial 43 defect 6, Home: "2 rounds completed (all short: not counted for the plan)" put
"completed" beside "not counted" for two rounds the interviewer closed, both too short for the
plan. Rounds none of which counted are "done", and the note says what they were too short for."""
from __future__ import annotations

from types import SimpleNamespace

from interviewer.core.practice_plan import practised_text


def _practised(total: int, early: int, short: int) -> SimpleNamespace:
    return SimpleNamespace(rounds=list(range(total)), ended_early=early, too_short=set(range(short)),
                           full_length=total - early)


def test_rounds_that_all_count_for_nothing_are_not_called_completed():
    text = practised_text(_practised(2, 0, 2))
    assert text == "2 rounds done, both too short to count for the plan"
    assert "completed" not in text and "not counted" not in text


def test_some_short_rounds_are_said_as_a_share_of_them():
    assert practised_text(_practised(5, 1, 2)) == ("5 rounds: 4 completed, 1 ended early; 2 of them too short "
                                                   "to count for the plan")
    assert practised_text(_practised(3, 0, 0)) == "3 rounds completed"
