"""The interviewer's voice that could not be played is told once, not only logged: with no
output device (headphones unplugged, no sound server) every question failed in the log
('speaking failed: Error querying device -1') while the round went on in silence, its status
saying 'The interviewer is speaking' (trial8)."""
from __future__ import annotations

from typing import Any, Callable

PLAYBACK_FAILED = ("The interviewer's voice could not be played ({error}): the questions are shown as text. "
                   "Check the speakers or headphones, and the speaker chosen in Settings.")


class ReportsPlaybackFailure:
    """`speaker` (the app's SpeakerHandle or a Speaker), which calls `report(message)` the first
    time an utterance ends with the speaker's `last_error` set. Everything else is the speaker's."""

    def __init__(self, speaker: Any, report: Callable[[str], None]) -> None:
        self._inner = speaker
        self._report = report
        self._reported = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def say(self, text: str, on_done: Callable[[], None] | None = None,
            on_sound: Callable[[], None] | None = None) -> None:
        def done() -> None:  # on the speaker's thread
            error = getattr(getattr(self._inner, "speaker", self._inner), "last_error", None)
            if error and not self._reported:
                self._reported = True
                self._report(PLAYBACK_FAILED.format(error=error))
            if on_done is not None:
                on_done()

        if on_sound is None:
            self._inner.say(text, on_done=done)
        else:
            self._inner.say(text, on_done=done, on_sound=on_sound)
