"""Hand-built transcripts for analysis tests: words with timings and VAD speech regions.

`spoken("So, um, how many users? [2.5] I would start simple.")` gives each word 0.3 s plus a
0.05 s gap; "[2.5]" is a silence of 2.5 s. Consecutive words form one speech region, which
ends `VAD_END_LAG_S` after the last word, as the real detector's do.
"""
from __future__ import annotations

from interviewer.core.analysis.pauses import VAD_END_LAG_S
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word

WORD_S = 0.3
GAP_S = 0.05


def spoken(script: str, start: float = 0.5, with_vad: bool = True) -> Transcript:
    words: list[Word] = []
    regions: list[SpeechRegion] = []
    t = start
    region_start = None
    for item in script.split():
        if item.startswith("[") and item.endswith("]"):
            if region_start is not None:
                regions.append(SpeechRegion(region_start, round(words[-1].end + VAD_END_LAG_S, 3)))
                region_start = None
            t += float(item[1:-1]) - GAP_S
            continue
        if region_start is None:
            region_start = t
        words.append(Word(item, round(t, 3), round(t + WORD_S, 3)))
        t += WORD_S + GAP_S
    if region_start is not None:
        regions.append(SpeechRegion(region_start, round(words[-1].end + VAD_END_LAG_S, 3)))
    segment = Segment(" ".join(w.text for w in words), words[0].start, words[-1].end, tuple(words))
    return Transcript([segment], round(t + 0.5, 3), regions if with_vad else None)


def filler_texts(analysis) -> list[str]:
    return [f.text for f in analysis.fillers]
