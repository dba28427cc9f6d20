"""What a test may check in what a Whisper model heard, on any CPU.

CTranslate2 picks its int8 kernels by CPU (AVX-512, AVX2, AVX, generic), and tiny.en hears
synthetic speech a little differently with each: "a simple baseline model" came back as
"simply make sign model" on an AVX2 EPYC, and "start with the data" as "start with the
metadata" on the generic kernels. So no test asserts that one given word was heard. A test
checks instead that a known sentence is recognised as a whole, within a tolerance measured
across the kernels (`recall_of(expected, heard) >= MIN_RECALL`), and that the hesitations
were kept (`hesitations_of`), and tests whose behaviour depends on a word check the behaviour
against what the transcript actually says.

`benchmarks/kernel_spread.py` transcribes every phrase the tests speak under each kernel
(CT2_FORCE_CPU_ISA) and prints the recall per phrase; MIN_RECALL comes from its output.
This file is on sys.path for every test (it sits next to tests/conftest.py).
"""
from __future__ import annotations

import re
from collections import Counter

# Measured with benchmarks/kernel_spread.py on an AMD EPYC (AVX2, no AVX-512, so the AVX512
# kernels could not be forced) under CT2_FORCE_CPU_ISA = default, AVX2, AVX and GENERIC, over
# the 14 phrases the tests speak, transcribed as each test does (one pass or live):
#   lowest recall of any phrase under any kernel: 0.58 (7 of 12 words: "So, um, I would start
#   with the data. Uh, then a simple baseline model." heard as "...start with the later, uh,
#   then I'll simply make sign model." on AVX2; and "...precision and recall, because the
#   classes are rare." as "...precision and recoil, because the glass in my rear.");
#   most phrases 0.83-1.00;
#   highest recall of a phrase against the transcript of a different phrase: 0.40 (words
#   like "what", "is", "the" are shared).
# 0.5 sits between the two: one word of 12 below the worst measured, for the paths the
# measurement does not cover (the virtual microphone and speaker, chunk cuts that depend on
# machine speed, AVX-512 kernels), and above what another sentence scores. Through the real
# devices the tests passed under default, AVX2 and GENERIC kernels, except once: the spoken
# question recorded from the virtual speaker scored 0.46 ("How would they allow us to do
# that? Where do you have to deal with later leakage?") while other tests shared the machine
# and its PulseAudio; five reruns scored 0.69. (The old word list failed on that run too.)
MEASURED_MIN_RECALL = 0.58
MIN_RECALL = 0.5

_SSML = re.compile(r"<[^>]*>")


def words_of(text: str) -> list[str]:
    """Lower-case words, punctuation dropped (apostrophes kept)."""
    return re.findall(r"[a-z']+", text.lower())


def _hesitation(word: str) -> str | None:
    if re.fullmatch(r"u+h*m+|hm+|mm+|e+r*m+", word):
        return "um"
    if re.fullmatch(r"u+h+|e+r+|a+h+", word):
        return "uh"
    return None


def hesitations_of(text: str) -> set[str]:
    """Which hesitations were written, spelling variants folded: {"um", "uh"} at most."""
    return {h for h in map(_hesitation, words_of(text)) if h}


def _stem(word: str) -> str:
    # Singular and plural count alike ("test"/"tests"); short words ("is", "us") are left.
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def content_words(text: str) -> list[str]:
    """The words of `text` (SSML tags removed), hesitations left out, plurals folded."""
    return [_stem(w) for w in words_of(_SSML.sub(" ", text)) if not _hesitation(w)]


def recall_of(expected: str, heard: str) -> float:
    """Share of the words of `expected` (hesitations aside) found in `heard`, each word counted
    as often as it is expected: 1.0 when every word came through, 0.0 when none did."""
    want, got = Counter(content_words(expected)), Counter(content_words(heard))
    total = sum(want.values())
    if not total:
        raise ValueError(f"no words to recognise in {expected!r}")
    return sum(min(n, got[w]) for w, n in want.items()) / total


def heard_in(word: str, heard: str) -> bool:
    """Whether `word` (plural folded) is among the words of `heard`."""
    return _stem(word.lower()) in content_words(heard)
