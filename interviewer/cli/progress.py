"""A progress line on stderr for long transcriptions (`transcribe`, `analyze` on audio).

Shown when stderr is a terminal (one line, rewritten in place) or when asked with --progress
(then one line per step, for logs and scripts). Nothing is printed otherwise, so piped
output stays clean.
"""
from __future__ import annotations

import sys
from typing import Callable, TextIO

from interviewer.core.clock import clock_text as _clock  # a point in the audio, as every clock shows it


def progress_line(label: str, done: float, total: float) -> str:
    share = 100.0 if total <= 0 else min(100.0, 100.0 * done / total)
    return f"{label}: {_clock(done)} of {_clock(total)} transcribed ({share:.0f}%)"


def progress_printer(label: str, asked: bool = False,
                     stream: TextIO | None = None) -> Callable[[float, float], None] | None:
    """A `progress(done_seconds, total_seconds)` callback, or None when nothing is to be shown."""
    out = stream if stream is not None else sys.stderr
    try:
        tty = out.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not (tty or asked):
        return None

    def show(done: float, total: float) -> None:
        line = progress_line(label, done, total)
        if tty:
            out.write("\r" + line + ("\n" if done >= total else ""))
        else:
            out.write(line + "\n")
        out.flush()

    return show
