"""Words of a transcript as tokens with the punctuation Whisper put around them.

Context rules (is this "like" a filler? does this clause ask something?) need the bare
lowercase word plus whether a comma or a sentence end touches it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.core.transcript import Word

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class Token:
    index: int
    text: str          # as transcribed, e.g. "Umm," or "know?"
    norm: str          # lowercase, no punctuation at the edges, e.g. "umm" or "know"
    start: float
    end: float
    comma_after: bool  # "like," or "so..." (a pause mark)
    ends_sentence: bool  # ends with . ? or !
    question_mark: bool


def normalize(text: str) -> str:
    text = text.lower().replace("’", "'")
    return _EDGE.sub("", text)


_SENTENCE_END = frozenset(".?!…")
_CLAUSE_MARK = frozenset(",;:")


def tokenize(words: list[Word]) -> list[Token]:
    tokens: list[Token] = []
    for w in words:
        raw = w.text.strip()
        norm = normalize(raw)
        if not norm:
            continue
        tail = raw[len(raw.rstrip(".,?!;:…-\"')")):]
        if not tail:
            tokens.append(Token(len(tokens), raw, norm, w.start, w.end, False, False, False))
            continue
        marks = set(tail)
        trailing_off = tail.endswith("...") or "…" in marks  # "so..." pauses, it does not end
        question = "?" in marks
        ends = question or (bool(marks & _SENTENCE_END) and not trailing_off)
        comma = bool(marks & _CLAUSE_MARK) or trailing_off
        tokens.append(Token(len(tokens), raw, norm, w.start, w.end, comma, ends, question))
    return tokens


def starts_sentence(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].ends_sentence


def starts_clause(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].ends_sentence or tokens[i - 1].comma_after
