"""The microphone check says the level in words a non-engineer reads, the same in the first-run
guide and on the Check screen: a meter marked "too quiet / good / too loud", and a verdict with
the number only as a detail (new-user trial 7: a new user was told "-15 dBFS")."""
from __future__ import annotations

import pytest

from interviewer.app.mic_level import LOUD_DBFS, QUIET_DBFS, level_word, mic_test_verdict


@pytest.mark.parametrize("loudest,opening", [
    (-70.0, "Too quiet:"), (-45.0, "A bit quiet:"), (-25.0, "Good:"), (-15.0, "Good:"), (-3.0, "Too loud:")])
def test_the_verdict_opens_with_words_and_keeps_the_number_for_last(loudest, opening):
    verdict = mic_test_verdict(loudest)
    assert verdict.startswith(opening)
    words, detail = verdict.split("(Detail:")
    assert "dB" not in words and f"{loudest:.0f} dBFS" in detail


def test_the_bands_meet_where_the_meter_marks_them():
    assert [level_word(x) for x in (QUIET_DBFS - 0.1, QUIET_DBFS, LOUD_DBFS - 0.1, LOUD_DBFS)] == [
        "too quiet", "good", "good", "too loud"]


def test_the_check_meters_are_labelled_in_words(qtbot, isolated_dirs):
    from interviewer.gui.check_screen import CheckScreen
    from interviewer.gui.level_meter import BAR_HEIGHT, LOUD_START, QUIET_END, LevelMeter

    screen = CheckScreen()
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    meter = screen.meter
    assert meter.scale
    # The labels under the bar get their room in the layout.
    assert meter.height() >= BAR_HEIGHT + meter.fontMetrics().height()
    meter.set_level(-25.0)
    assert meter.accessibleDescription() == "good"
    meter.set_level(-55.0)
    assert meter.accessibleDescription() == "too quiet"
    meter.set_level(-2.0)
    assert meter.accessibleDescription() == "too loud"
    # The painted labels: dark text pixels under the bar at its left, middle and right.
    image = meter.grab().toImage()
    y_rows = range(BAR_HEIGHT + 2, meter.height())

    def inked(x0: int, x1: int) -> bool:
        bg = image.pixelColor(x0, meter.height() - 1)
        return any(image.pixelColor(x, y) != bg for x in range(x0, x1) for y in y_rows)

    w, good = meter.width(), int(meter.width() * (QUIET_END + LOUD_START) / 2)
    assert inked(0, 40) and inked(good - 15, good + 15) and inked(w - 40, w)
    # The round's small meter has no labels.
    assert not LevelMeter().scale
