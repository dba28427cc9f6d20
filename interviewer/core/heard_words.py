"""The words of a live answer as the transcriber's segments give them, and its last sentence."""
from __future__ import annotations

import re

from interviewer.core.transcript import Segment, Word, join_words


def last_sentence(words: list[Word]) -> str:
    """The last sentence of `words` ("Okay. Let me take a minute." -> "Let me take a minute.")."""
    sentences = re.split(r"(?<=[.!?])\s+", join_words([w.text for w in words]).strip())
    return sentences[-1] if sentences else ""


def words_of(segments: list[Segment]) -> list[Word]:
    """The timed words of `segments`; a transcriber without word times gets its segment's words
    spread evenly over the segment."""
    words: list[Word] = []
    for seg in segments:
        if seg.words:
            words.extend(seg.words)
        else:
            parts = seg.text.split()
            step = (seg.end - seg.start) / max(1, len(parts))
            words.extend(Word(w, seg.start + k * step, seg.start + (k + 1) * step) for k, w in enumerate(parts))
    return words
