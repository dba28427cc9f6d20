"""Repetition loops in a transcript: the same phrase written three or more times in a row.

Speech recognition stuck in a loop writes one phrase over and over ("I go into the model and I
go into the model and I go into the model."); the transcriber collapses exact loops
(adapters/decode_guards.collapse_loops), but one whose copies are joined by a word ("and") or
whose last copy is cut short gets through. Such a sentence is not what the candidate said: it is
never evidence that a talking point was covered (coverage.sentences_of_analysis) or of a
strength (depth.depth_signals) (trial 30: "Health signals" was covered by that loop).

A phrase is at least MIN_PHRASE_WORDS words (a joining word included): people repeat single
words and pairs ("no, no, no", "I I think"), never a whole phrase three times. Words are compared
as keywords.words reads them (lowercase, punctuation dropped), across sentence ends (the loop
may be written as three sentences). The third copy may stop up to CUT_SHORT_WORDS words early,
keeping at least MIN_PHRASE_WORDS - 1 words: a short phrase joined by a word ends without it
("the TPS and the TPS and the TPS agree", trial 32).

`looped` finds the sentences mostly inside a loop; `with_loop` those with a loop anywhere in them
(what talking-point evidence leaves out: the rest of such a sentence is as unreliable).
"""
from __future__ import annotations

from typing import Sequence

from interviewer.core.keywords import words as words_of

MIN_PHRASE_WORDS = 3
MAX_PHRASE_WORDS = 20
MIN_COPIES = 3
CUT_SHORT_WORDS = 2


def loop_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """(first, end) word indexes of every run of MIN_COPIES or more copies of one phrase."""
    spans: list[tuple[int, int]] = []
    n = len(words)
    k = 0
    while k < n:
        found = None
        for size in range(MIN_PHRASE_WORDS, min(MAX_PHRASE_WORDS, n // 2) + 1):
            phrase = list(words[k:k + size])
            copies = 1
            while list(words[k + copies * size:k + (copies + 1) * size]) == phrase:
                copies += 1
            end = k + copies * size
            if copies == MIN_COPIES - 1:
                # the last copy cut short: "... and I go into the model."
                tail = list(words[end:end + size])
                need = max(MIN_PHRASE_WORDS - 1, size - CUT_SHORT_WORDS)
                same = next((i for i, (a, b) in enumerate(zip(tail, phrase)) if a != b), len(tail))
                if same >= need:
                    copies, end = MIN_COPIES, end + same
            if copies >= MIN_COPIES:
                found = end
                break
        if found is None:
            k += 1
        else:
            spans.append((k, found))
            k = found
    return spans


def looped(texts: Sequence[str], anywhere: bool = False) -> set[int]:
    """The indexes of `texts` (the sentences of one answer, in order) that are mostly (over half
    of their words) inside a repetition loop; with `anywhere`, those with any word in one."""
    per_text = [words_of(t) for t in texts]
    flat = [w for ws in per_text for w in ws]
    spans = loop_spans(flat)
    if not spans:
        return set()
    inside = [any(a <= i < b for a, b in spans) for i in range(len(flat))]
    out, at = set(), 0
    for n, ws in enumerate(per_text):
        share = sum(inside[at:at + len(ws)])
        if ws and (share > 0 if anywhere else share * 2 > len(ws)):
            out.add(n)
        at += len(ws)
    return out


def with_loop(texts: Sequence[str]) -> set[int]:
    """The indexes of `texts` that have a repetition loop anywhere in them."""
    return looped(texts, anywhere=True)

