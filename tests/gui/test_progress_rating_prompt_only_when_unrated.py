"""Trial 29 item 11: Progress's footer "Rate yourself in the debrief after each round..." still
showed after the user rated the round there was. It asks only while a round has no rating."""
from __future__ import annotations

from interviewer.gui.progress_screen import ProgressScreen
from interviewer.storage.models import SessionProgress


def _row(session_id: int, ratings: tuple) -> SessionProgress:
    return SessionProgress(session_id, "ml_system_design", "ML system design: fraud detection", 1_700_000_000
                           + session_id * 86400, "completed", 200, 90.0, 6, 3.0, 140.0, 0, 2,
                           ratings, 45.0, 1_700_000_000 + session_id * 86400 + 2700)


def test_the_rating_prompt_goes_once_every_round_is_rated(qtbot):
    screen = ProgressScreen()
    qtbot.addWidget(screen)
    screen.set_progress([_row(1, ())])
    assert "Rate yourself" in screen.rating_note.text()
    screen.set_progress([_row(1, (4,))])
    assert "Rate yourself" not in screen.rating_note.text()
    screen.set_progress([_row(1, (4,)), _row(2, ())])  # a new round, not rated yet
    assert "Rate yourself" in screen.rating_note.text()
