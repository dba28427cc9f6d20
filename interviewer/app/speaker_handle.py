"""The app's one speaker, started in the background so nothing waits for the speech engine.

The real Speaker's `available` blocks until its worker process is ready; the round controller
reads `available` on the GUI thread, so it gets this handle instead, which answers at once:
False until the engine has been found ready (questions are then shown as text only).
"""
from __future__ import annotations

import threading
from typing import Any, Callable


class SpeakerHandle:
    def __init__(self, make: Callable[[], Any]) -> None:
        self._make = make
        self._speaker: Any = None
        self._ready = threading.Event()
        self.available = False
        self.problem: str | None = None

    def prepare(self) -> None:
        """Create the speaker and wait for its engine. Blocking: call it off the GUI thread."""
        try:
            speaker = self._make()
            ok = bool(getattr(speaker, "available", True))
            if not ok:
                self.problem = getattr(speaker, "unavailable_reason", None) or "No speech engine."
            self._speaker = speaker
            self.available = ok
        except Exception as exc:  # the speech engine could not be started at all
            self.problem = f"No speech output ({exc}); questions are shown as text."
            self.available = False
        finally:
            self._ready.set()

    def wait_ready(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout)

    @property
    def speaker(self) -> Any:
        return self._speaker

    def say(self, text: str, on_done: Callable[[], None] | None = None,
            on_sound: Callable[[], None] | None = None) -> None:
        if not self.available:
            raise RuntimeError("no speech engine")
        if on_sound is None:
            self._speaker.say(text, on_done=on_done)
        else:
            self._speaker.say(text, on_done=on_done, on_sound=on_sound)

    @property
    def reports_sound(self) -> bool:
        """The speaker tells when a line's first sound goes out (see core.ports.Speaker)."""
        return bool(self.available and getattr(self._speaker, "reports_sound", False))

    def stop(self) -> int | None:
        """Stops the line; how much of it was played, if the speaker tells (core.ports.Speaker)."""
        return self._speaker.stop() if self._speaker is not None else None

    @property
    def playing_out(self) -> bool:
        """The current line is all with the sound device (see Speaker.playing_out)."""
        return bool(self.available and getattr(self._speaker, "playing_out", False))

    def list_voices(self) -> list:
        return list(self._speaker.list_voices()) if self.available else []

    def configure(self, voice: str | None, rate: int | None) -> None:
        """Apply voice and rate from the settings; unknown voices are reported, not fatal."""
        if not self.available:
            return
        if rate:
            self._speaker.set_rate(int(rate))
        self._speaker.set_voice(voice)

    def close(self) -> None:
        if self._speaker is not None and hasattr(self._speaker, "close"):
            self._speaker.close()
