"""Split a transcript's words into utterances: sentences, also cut at clear pauses.

Whisper's punctuation marks most sentence ends; a silence the voice-activity detector saw
between two words is a second clue (tiny models often run sentences together).
"""
from __future__ import annotations

from dataclasses import dataclass

from interviewer.core.analysis.tokens import Token
from interviewer.core.transcript import SpeechRegion

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
        return " ".join(t.text for t in self.tokens)

    @property
    def norm_words(self) -> list[str]:
        return [t.norm for t in self.tokens]


def silence_gaps(regions: list[SpeechRegion], min_gap_s: float = SENTENCE_GAP_S) -> list[tuple[float, float]]:
    return [(a.end, b.start) for a, b in zip(regions, regions[1:]) if b.start - a.end >= min_gap_s]


def split_utterances(tokens: list[Token], regions: list[SpeechRegion] | None = None) -> list[Utterance]:
    gaps = silence_gaps(regions or [])
    gap_mids = [(s + e) / 2 for s, e in gaps]
    out: list[Utterance] = []
    current: list[Token] = []
    g = 0
    for i, tok in enumerate(tokens):
        current.append(tok)
        if i + 1 == len(tokens):
            break
        nxt = tokens[i + 1]
        here, there = (tok.start + tok.end) / 2, (nxt.start + nxt.end) / 2
        while g < len(gap_mids) and gap_mids[g] < here:
            g += 1
        pause_between = g < len(gap_mids) and gap_mids[g] < there
        if tok.ends_sentence or pause_between:
            out.append(Utterance(tuple(current)))
            current = []
    if current:
        out.append(Utterance(tuple(current)))
    return out
