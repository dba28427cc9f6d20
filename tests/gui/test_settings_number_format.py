"""Settings' turn-taking numbers are written alike (new-user trial: "8.0 s", "12.0 s", "2.0 s"
and then "2.00 min")."""
from __future__ import annotations

from interviewer.app.settings import AppSettings
from interviewer.gui.settings_screen import SettingsScreen


def test_the_warning_time_has_one_decimal_like_the_silences(qtbot):
    screen = SettingsScreen(AppSettings(warning_minutes=2.0))
    qtbot.addWidget(screen)
    assert screen.warning_minutes.text() == "2.0 min"
    screen.warning_minutes.stepUp()
    assert screen.warning_minutes.text() == "2.5 min"
