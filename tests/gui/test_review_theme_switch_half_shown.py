"""The final run of session 33 caught "AttributeError: 'ReviewScreen' object has no attribute
'_missing_audio'" from a theme switch: a review screen kept a session whose showing had failed
part way (its numbers raised), so the fields set after it were never set. A failed show now
leaves the screen as it was, and a theme switch then draws nothing amiss."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from interviewer.gui import review_screen as review_module, theme
from interviewer.gui.review_screen import ReviewScreen


def test_a_show_that_fails_leaves_no_half_shown_round_behind(qtbot, monkeypatch):
    screen = ReviewScreen()
    qtbot.addWidget(screen)

    def fails(_session, _script):
        raise ValueError("numbers of a broken round")

    monkeypatch.setattr(review_module, "round_numbers", fails)
    with pytest.raises(ValueError):
        screen.show_session(SimpleNamespace(id=7, started_at=0.0))
    assert screen.session is None
    with qtbot.captureExceptions() as raised:
        theme.notifier().changed.emit(theme.current())
    assert raised == []
