"""Split a transcript's words into utterances: sentences, also cut at clear pauses.

Whisper's punctuation marks most sentence ends; a silence the voice-activity detector saw
between two words is a second clue (tiny models often run sentences together).
"""
from __future__ import annotations

from dataclasses import dataclass

from interviewer.core.analysis.tokens import Token
from interviewer.core.transcript import SpeechRegion, join_words

SENTENCE_GAP_S = 0.6


@dataclass(frozen=True)
class Utterance:
    tokens: tuple[Token, ...]

    @property
    def start(self) -> float:
        return self.tokens[0].start

    @property
    def end(self) -> float:
        return self.tokens[-1].end

    @property
    def text(self) -> str:
        return join_words([t.text for t in self.tokens])

    @property
    def norm_words(self) -> list[str]:
        return [t.norm for t in self.tokens]


def silence_gaps(regions: list[SpeechRegion], min_gap_s: float = SENTENCE_GAP_S) -> list[tuple[float, float]]:
    return [(a.end, b.start) for a, b in zip(regions, regions[1:]) if b.start - a.end >= min_gap_s]


def _positions(tokens: list[Token], gaps: list[tuple[float, float]]) -> list[float]:
    """Where each word was said, for cutting at pauses: its middle, except for a word that closes
    a sentence but was stamped inside a silence the voice detector heard ("...production
    doesn't | it?", "an external client, | right?"). Whisper stretches or moves a sentence's
    last word into the pause after it; that word was said before the pause."""
    import bisect

    starts = [s for s, _ in gaps]
    out = []
    for i, tok in enumerate(tokens):
        mid = (tok.start + tok.end) / 2
        g = bisect.bisect_right(starts, mid) - 1
        if (g >= 0 and mid < gaps[g][1] and tok.ends_sentence and i > 0
                and not tokens[i - 1].ends_sentence and tokens[i - 1].end <= gaps[g][0] + 0.05):
            mid = gaps[g][0]
        out.append(mid)
    return out


def split_utterances(tokens: list[Token], regions: list[SpeechRegion] | None = None) -> list[Utterance]:
    gaps = silence_gaps(regions or [])
    gap_mids = [(s + e) / 2 for s, e in gaps]
    positions = _positions(tokens, gaps)
    out: list[Utterance] = []
    current: list[Token] = []
    g = 0
    for i, tok in enumerate(tokens):
        current.append(tok)
        if i + 1 == len(tokens):
            break
        here, there = positions[i], positions[i + 1]
        while g < len(gap_mids) and gap_mids[g] < here:
            g += 1
        pause_between = g < len(gap_mids) and gap_mids[g] < there
        if tok.ends_sentence or pause_between:
            out.append(Utterance(tuple(current)))
            current = []
    if current:
        out.append(Utterance(tuple(current)))
    return out
