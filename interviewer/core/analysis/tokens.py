"""Words of a transcript as tokens with the punctuation Whisper put around them.

Context rules (is this "like" a filler? does this clause ask something?) need the bare
lowercase word plus whether a comma or a sentence end touches it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.core.transcript import Word, joins_previous

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


# Laughter as Whisper writes it ("Ha", "-ha.", "Haha"): a sound, not a word. ("he" is a word.)
_LAUGH = re.compile(r"^(?:ha+h?|heh|(?:ha){2,}h?|(?:he){2,}|ha(?:-ha)+)$")
_OPEN, _CLOSE = "([*", ")]*"
MAX_NOTE_WORDS = 4  # "(upbeat music)", "[BLANK_AUDIO]": a note is a few words at most


def spoken_word_indexes(words: list[Word]) -> list[int]:
    """Indexes of the words that were said: not punctuation alone, not laughter, and not a
    sound Whisper wrote as a note in brackets ("[laughter]", "(sighs)", "*breath*",
    "(upbeat music)", "[BLANK_AUDIO]"). Laughter and breaths are neither words nor fillers."""
    kept: list[int] = []
    i = 0
    while i < len(words):
        raw = words[i].text.strip()
        if raw and raw[0] in _OPEN:  # ('' is in every string: an empty word is no note)
            closer = _CLOSE[_OPEN.index(raw[0])]
            # The note closes on this word or within the next few; an unclosed "(" is text.
            end = next((j for j in range(i, min(i + MAX_NOTE_WORDS, len(words)))
                        if (j > i or len(raw) > 1) and words[j].text.strip().rstrip(".,?!;:…").endswith(closer)),
                       None)
            if end is not None:
                i = end + 1
                continue
        norm = normalize(raw)
        if norm and not _LAUGH.match(norm):
            kept.append(i)
        i += 1
    return kept


def tokenize(words: list[Word]) -> list[Token]:
    tokens: list[Token] = []
    said = set(spoken_word_indexes(words))
    for i in range(len(words)):
        w = words[i]
        raw = w.text.strip()
        if i not in said:
            # "1" "%": the sign is no word, but it is part of the one before it (quotes said "1 fraud")
            if tokens and i - 1 in said and joins_previous(raw) and not normalize(raw):
                last = tokens[-1]
                tokens[-1] = _token(last.index, last.text + raw, last.norm, last.start, last.end)
            continue
        tokens.append(_token(len(tokens), raw, normalize(raw), w.start, w.end))
    return tokens


def _token(index: int, raw: str, norm: str, start: float, end: float) -> Token:
    tail = raw[len(raw.rstrip(".,?!;:…-\"')")):]
    if not tail:
        return Token(index, raw, norm, start, end, False, False, False)
    marks = set(tail)
    trailing_off = tail.endswith("...") or "…" in marks  # "so..." pauses, it does not end
    question = "?" in marks
    ends = question or (bool(marks & _SENTENCE_END) and not trailing_off)
    comma = bool(marks & _CLAUSE_MARK) or trailing_off
    return Token(index, raw, norm, start, end, comma, ends, question)


def starts_sentence(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].ends_sentence


def starts_clause(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].ends_sentence or tokens[i - 1].comma_after
