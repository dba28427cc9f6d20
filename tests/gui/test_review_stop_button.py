"""Trial 16: the review's "Stop playback" looked enabled while nothing played. It was disabled,
but drawn in the muted text colour (4.5:1, as dark as a label): it is disabled unless an answer
plays, and a disabled button's text is clearly fainter than an enabled one's, in both themes."""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from interviewer.gui import theme

from test_round import play_to_review


def _darkest_text(button, background: QColor) -> float:
    """How far the button's most contrasting pixel (its text) is from its background, 0-1."""
    image = button.grab().toImage()
    far = 0.0
    for y in range(4, image.height() - 4):
        for x in range(6, image.width() - 6):
            c = image.pixelColor(x, y)
            far = max(far, abs(c.lightnessF() - background.lightnessF()))
    return far


def test_stop_playback_is_disabled_and_looks_it_unless_playing(qtbot, isolated_dirs, script_dirs, tmp_path):
    window = play_to_review(qtbot, script_dirs, tmp_path)
    review = window.review_screen
    stop, export = review.stop_button, review.debrief_button
    assert not stop.isEnabled()
    review.set_playing("Playing from 00:12")
    assert stop.isEnabled()
    review.set_playing("")
    assert not stop.isEnabled()
    for name in ("light", "dark"):
        window.set_theme(name)
        QApplication.processEvents()
        background = theme.current().color("window")
        enabled, disabled = _darkest_text(export, background), _darkest_text(stop, background)
        # Muted text was 0.75 as far from the page as the enabled text: it read as enabled.
        assert disabled < 0.6 * enabled, (name, disabled, enabled)
