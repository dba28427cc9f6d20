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


def test_the_silence_settings_say_when_each_applies(qtbot):
    """New-user trial 13: "Nudge to think aloud after 12 s" beside "End answer after silence 8 s"
    read as a contradiction. The ending needs words first (silence before them is thinking time,
    silence_rules.py); the nudge is for silent thinking. The labels say so, and a note says
    silence before the first word never ends the answer."""
    from PySide6.QtWidgets import QFormLayout, QLabel

    screen = SettingsScreen(AppSettings())
    qtbot.addWidget(screen)

    def label_of(field):
        form = field.parentWidget().layout()
        assert isinstance(form, QFormLayout)
        return " ".join(form.labelForField(field).text().split())  # broken into lines when long

    assert label_of(screen.end_after_silence) == "End answer after you stop talking for"
    assert label_of(screen.nudge_after_silence) == "Nudge to think aloud after thinking silently for"
    notes = [w.text() for w in screen.findChildren(QLabel)]
    assert any("before your first word is thinking time" in t and "never ends the answer" in t for t in notes)
