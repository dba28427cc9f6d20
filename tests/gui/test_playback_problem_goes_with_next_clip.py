"""Trial 29 item 8: "The speaker stopped responding, so playback was stopped." stayed in the
banner above the page after the next clip played, through the debrief, until dismissed, and it
pushed every control down ~40 px (a click then landed on empty space). It is said where
"Playing from ..." stands (nothing moves) and goes when the next clip starts; on the debrief,
in the banner, which the next clip clears too."""
from __future__ import annotations

from PySide6.QtCore import QPoint

from test_round import play_to_review

STALLED = "The speaker stopped responding, so playback was stopped."


class _Handle:
    def stop(self):
        pass


def _player(outcomes):
    """Each clip ends with the next outcome (an error text, or None: it played through)."""

    def play(path, start, on_done=None):
        error = outcomes.pop(0)
        if on_done is not None and error is not None:
            on_done(error)
        return _Handle()

    return play


def test_a_playback_problem_moves_nothing_and_goes_when_the_next_clip_plays(qtbot, isolated_dirs, script_dirs,
                                                                           tmp_path):
    window = play_to_review(qtbot, script_dirs, tmp_path)
    review = window.review_screen
    answer = next(a for a in review.session.answers if a.audio_path)
    outcomes = [STALLED, None, STALLED, None]
    window.services.play_audio = _player(outcomes)
    qtbot.wait(50)
    where = review.debrief_button.mapTo(window, QPoint(0, 0))

    window.review.play_answer(answer.id, 0.0)
    qtbot.waitUntil(lambda: review.playing.text() == STALLED, timeout=5000)
    qtbot.wait(50)
    assert STALLED not in window.banner.text
    assert review.debrief_button.mapTo(window, QPoint(0, 0)) == where, "the controls moved"
    assert not review.stop_button.isEnabled()

    window.review.play_answer(answer.id, 1.0)  # plays through: the problem is gone
    qtbot.waitUntil(lambda: review.playing.text().startswith("Playing from"), timeout=5000)
    assert STALLED not in review.playing.text() and STALLED not in window.banner.text
    # "Playing from" is said before the clip starts on a background thread: the next click must
    # not race it for the next outcome (a loaded machine ran the two clips' starts the other way).
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=5000)

    # On the debrief (its flagged moments play too): the banner, until the next clip.
    window.show_screen("debrief")
    window.review.play_answer(answer.id, 0.0)
    qtbot.waitUntil(lambda: window.banner.text == STALLED, timeout=5000)
    window.review.play_answer(answer.id, 1.0)
    assert window.banner.text != STALLED
