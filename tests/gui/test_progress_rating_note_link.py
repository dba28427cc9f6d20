"""Progress says which round to listen back to ('You rated yourself 4.0/5 on 16 Nov ... listen back
to that round'), and now opens its review from there (trial6: after six weeks of rounds nothing led
from the note to that round; Home listed only the eight newest)."""
from __future__ import annotations

import re

from interviewer.gui.progress_screen import ProgressScreen
from interviewer.storage.models import SessionProgress


def _row(session_id: int, rating: int, fillers: float) -> SessionProgress:
    return SessionProgress(session_id, "ml_system_design", "ML system design: fraud <detection>", 1_700_000_000
                           + session_id * 86400, "completed", 200, 90.0, int(fillers * 2), fillers, 140.0, 0, 2,
                           (rating,), 45.0, 1_700_000_000 + session_id * 86400 + 2700)


def test_the_rating_note_opens_the_round_to_listen_back_to(qtbot):
    screen = ProgressScreen()
    qtbot.addWidget(screen)
    opened = []
    screen.session_requested.connect(opened.append)
    screen.set_progress([_row(3, 2, 12.0), _row(7, 4, 8.0)])
    note = screen.rating_note.text()
    assert "listen back to that round" in note and "fraud &lt;detection&gt;" in note
    links = re.findall(r"href='([^']+)'", note)
    assert len(links) == 1
    screen.rating_note.linkActivated.emit(links[0])
    assert opened == [7]
