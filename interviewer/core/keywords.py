"""The words of what was said (`words`, `stem`, STOPWORDS) and whole-word keyword matching that
tolerates speech-recognition slips (`keyword_hits`): the word level under the meaning matcher,
used on its own across the core and the script checks.
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from typing import Sequence



_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Scripts are written in any language: letters beyond ASCII are words too, accents are folded
# ('naïve' meets the transcript's 'naive'), and Chinese and Japanese, written without spaces, are
# read one character at a time so that a keyword of two characters is found inside a sentence.
_NO_SPACES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ANY_WORD = re.compile(rf"[{_NO_SPACES}]|[^\W_{_NO_SPACES}]+(?:'[^\W_{_NO_SPACES}]+)?")
STOPWORDS = frozenset("""
a an the and or but if then so of to in on at by for with from into about as is are was were be been
being am do does did doing have has had having i me my we our us you your he she it its they them
their this that these those there here what which who whom whose when where why how can could would
should will shall may might must just also too very really quite some any all each every no not
only own same than such both few more most other again further once up down out off over under
let lets let's okay ok so um uh like well yeah yes right sure maybe kind sort thing things get got
going go want need know think mean say said tell me one""".split())


_DOLLARS = re.compile(r"\$\s?(\d[\d,.]*)")


def words(text: str) -> list[str]:
    """Lowercase words of a text (digits kept, apostrophes inside words kept, accents folded).
    Whisper writes amounts with symbols ("18%", "$40") where a script's keywords spell them
    ("percent", "dollars", or the symbol itself): the symbols are read as those words."""
    text = text.lower().replace("-", " ").replace("/", " ")
    if "%" in text or "$" in text:
        text = _DOLLARS.sub(r"\1 dollars", text).replace("%", " percent ")
    if text.isascii():
        return _WORD.findall(text)
    return _ANY_WORD.findall(_fold_accents(text))


@functools.lru_cache(maxsize=4096)
def _fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def stem(word: str) -> str:
    """A crude English stem, enough to make 'users', 'user' and 'using' meet half way."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + keep
    return word


def _padded(text: str) -> str:
    return " " + " ".join(words(text)) + " "


FUZZY_MIN_CHARS = 7  # shorter words are too easily confused with other words
FUZZY_RATIO = 0.86   # 'propensty' ~ 'propensity'; 'retrain' vs 'retain' (0.92) is why 7+ only


def keyword_hits(text: str, keywords: Sequence[str], fuzzy: bool = True) -> list[str]:
    """The keywords a text mentions: whole words or phrases, case and punctuation ignored.

    With `fuzzy`, a keyword of 7 or more letters also matches a near spelling of the same
    number of words ('late and see' is not caught, 'propensty' is), for speech recognition slips.
    """
    return list(_keyword_hits(text, tuple(keywords), fuzzy))


@functools.lru_cache(maxsize=4096)
def _keyword_hits(text: str, keywords: tuple[str, ...], fuzzy: bool) -> tuple[str, ...]:
    padded = _padded(text)
    hits = [k for k in keywords if _padded(k).strip() and _padded(k) in padded]
    if not fuzzy:
        return tuple(hits)
    tokens = padded.split()
    spelled = _spelled_out(tokens)
    hits += [k for k in keywords if k not in hits and " ".join(words(k)) in spelled]
    for keyword in keywords:
        if keyword in hits:
            continue
        target = " ".join(words(keyword))
        if len(target.replace(" ", "")) < FUZZY_MIN_CHARS:
            continue
        n = len(target.split())
        for i in range(len(tokens) - n + 1):
            candidate = " ".join(tokens[i:i + n])
            if abs(len(candidate) - len(target)) > 3:
                continue
            if _near_spelling(candidate, target):
                hits.append(keyword)
                break
    return tuple(hits)


def _near_spelling(a: str, b: str) -> float:
    """How alike two spellings are if they are near (FUZZY_RATIO or more, a speech recognition
    slip), else 0; difflib's cheap upper bounds are tried first."""
    similar = difflib.SequenceMatcher(None, a, b)
    if similar.real_quick_ratio() < FUZZY_RATIO or similar.quick_ratio() < FUZZY_RATIO:
        return 0.0
    ratio = similar.ratio()
    return ratio if ratio >= FUZZY_RATIO else 0.0


def _spelled_out(tokens: Sequence[str]) -> set[str]:
    """Runs of two or more single letters, joined: how speech recognition writes an acronym
    that was spelled out ("what's the d a u" -> "dau", "p i i" -> "pii")."""
    out: set[str] = set()
    run: list[str] = []
    for token in [*tokens, ""]:  # the empty token ends the last run
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if len(run) >= 2:
            out.add("".join(run))
        run = []
    return out


SPLIT_MIN_CHARS = 6  # a shorter word made of two is too often two words ("at all", "in to")
_LETTERS = re.compile(r"[A-Za-z]+")


def join_split_words(text: str, vocabulary: Sequence[str]) -> str:
    """Two words that speech recognition made of one ("should i put a number on the in pact",
    "re port", "engine ears", "replace meant"), written as the word of `vocabulary` (the
    script's words for what may be asked) that they spell together: exactly, or for a word of
    FUZZY_MIN_CHARS or more letters as near as a misheard keyword (FUZZY_RATIO, same first
    letter). Only words of SPLIT_MIN_CHARS letters or more, not stopwords; other text unchanged."""
    known = {w for text_ in vocabulary for w in words(text_)
             if len(w) >= SPLIT_MIN_CHARS and w.isalpha() and w not in STOPWORDS}
    if not known:
        return text
    found = list(_LETTERS.finditer(text))
    out, last, i = [], 0, 0
    while i < len(found) - 1:
        first, second = found[i], found[i + 1]
        word = None
        if text[first.end():second.start()] == " ":
            word = _spelled_word((first.group() + second.group()).lower(), known)
        if word is None or word in (first.group().lower(), second.group().lower()):
            i += 1
            continue
        out += [text[last:first.start()], word]
        last, i = second.end(), i + 2
    return "".join(out) + text[last:] if out else text


def _spelled_word(joined: str, known: set[str]) -> str | None:
    if joined in known:
        return joined
    if len(joined) < FUZZY_MIN_CHARS:
        return None
    best, best_ratio = None, FUZZY_RATIO
    for word in known:
        if word[0] != joined[0] or len(word) < FUZZY_MIN_CHARS or abs(len(word) - len(joined)) > 1:
            continue
        ratio = _near_spelling(joined, word)
        if ratio and ratio >= best_ratio:
            best, best_ratio = word, ratio
    return best



SOUND_MIN_KEY = 3    # a shorter sound key ("line" LN, "pair" PR) is shared by too many words
SOUND_MAX_SPAN = 3   # words of the ask read together as one word of the script ("cattle log")
_VOWELS = re.compile(r"[aeiou]+|y(?![aeiou])")


def sound_key(text: str) -> str:
    """The Metaphone key of a word or of words said together ("cattle log" -> "KTLK", as
    "catalog": a sound repeated where two words meet is said once)."""
    keys = [_metaphone(w) for w in _LETTERS.findall(text.lower())]
    if len(keys) == 1:
        return keys[0]
    key = _metaphone("".join(_LETTERS.findall(text.lower())))
    return "".join(c for i, c in enumerate(key) if i == 0 or c != key[i - 1])


@functools.lru_cache(maxsize=8192)
def _metaphone(letters: str) -> str:
    # Imported here: reading and validating scripts (`interviewer scripts validate`, the installed
    # wheel's light commands) needs no compiled dependency; only matching a question does.
    import jellyfish  # Metaphone keys (a small compiled extension, no I/O)

    return jellyfish.metaphone(letters) if letters else ""


def _syllables(text: str) -> int:
    return len(_VOWELS.findall(text.replace(" ", "")))


@functools.lru_cache(maxsize=256)
def _sound_vocabulary(vocabulary: tuple[str, ...]) -> tuple[frozenset[str], dict[str, str]]:
    """The stems of the content words of `vocabulary`, and the sound key of each content word and
    each two neighbouring content words ("dead line") mapped to those words (a key shared by two
    different words is dropped: it says neither)."""
    known: set[str] = set()
    keyed: dict[str, str | None] = {}
    for text in vocabulary:
        for piece in re.split(r"[,.;:!?()]+", text):
            content = [w if w.isalpha() and w not in STOPWORDS else None for w in words(piece)]
            known.update(stem(w) for w in content if w)
            terms = [w for w in content if w]
            terms += [f"{a} {b}" for a, b in zip(content, content[1:]) if a and b]
            for term in terms:
                key = sound_key(term)
                if len(key) >= SOUND_MIN_KEY:
                    keyed[key] = term if keyed.get(key, term) == term else None
    return frozenset(known), {k: v for k, v in keyed.items() if v}


def read_sound_alikes(text: str, vocabulary: Sequence[str]) -> str:
    """Words that speech recognition wrote as sound-alikes of a script word ("the whole city
    cattle log", "number of saloons"), written as that word: one word or up to SOUND_MAX_SPAN
    neighbouring words whose Metaphone key equals the key of a content word or two-word term of
    `vocabulary` (the script's words for what may be asked). Guards against false friends: keys
    of SOUND_MIN_KEY sounds or more, the same first letter and number of syllables, each word of
    a span adding a sound, no stopword at either end of it, and a word the vocabulary says (or
    another form of it) left as it is."""
    known, keyed = _sound_vocabulary(tuple(vocabulary))
    if not keyed:
        return text
    found = list(_LETTERS.finditer(text))
    out, last, i = [], 0, 0
    while i < len(found):
        term, n = _sound_alike(text, found, i, known, keyed)
        if term is None:
            i += 1
            continue
        out += [text[last:found[i].start()], term]
        last, i = found[i + n - 1].end(), i + n
    return "".join(out) + text[last:] if out else text


def _sound_alike(text: str, found: list, i: int, known: frozenset[str],
                 keyed: dict[str, str]) -> tuple[str | None, int]:
    """The vocabulary term that the words from found[i] sound like, longest span first, and how
    many words it took."""
    for n in range(min(SOUND_MAX_SPAN, len(found) - i), 0, -1):
        span = found[i:i + n]
        said = [m.group().lower() for m in span]
        if said[0] in STOPWORDS or said[-1] in STOPWORDS or any(stem(w) in known for w in said):
            continue
        if any(text[a.end():b.start()] != " " for a, b in zip(span, span[1:])):
            continue  # words said apart ("cattle, log") are not one word
        joined = " ".join(said)
        key = sound_key(joined)
        term = keyed.get(key)
        if term is None or term[0] != joined[0] or _syllables(term) != _syllables(joined):
            continue
        if n > 1 and any(len(sound_key(" ".join(part))) >= len(key) for part in (said[1:], said[:-1])):
            continue  # a word that adds no sound ("costumers see": "customers")
        return term, n
    return None, 0
