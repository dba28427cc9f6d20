"""The interviewer's own voice in the candidate's transcript: with loudspeakers the microphone
hears what the interviewer says, and the transcriber writes it down as the candidate's words
(trial 44: "I'm out two million orders a day, speaking at three hundred..." under the reply
"About two million orders a day, peaking at three hundred...", "Take your time. Shall I move
on?" taken for the candidate's question and answered "Sure, go ahead.").

The round knows what it said and when (`PlayedLine`). A transcribed word is the interviewer's
echo when it was heard while a line was sounding, or just after it (`ECHO_DELAY_S`: the room,
the output buffer, the transcriber's timing), and it belongs to a stretch of words matching
that line's words in order (`echo_flags`). Matching tolerates the transcriber's errors: a word
close in spelling ("speaking" for "peaking") matches, and a few unmatched words between or
next to matched stretches ("I'm out" for "About") go with them when the line has words there too.
Words that match nothing the interviewer was saying are the candidate's, however they overlap
its voice (a real barge-in): nothing the candidate says is lost.

Echo words are left out of the transcript (`without_echo`, `segment_without_echo`): never part
of an answer, a reply, a finding or a count. One decision, used where live and finished
transcripts are made (core.round_controller). Pure Python, no audio.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Sequence

from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word, join_words

# Seconds after a line's last sound in which its echo may still be transcribed: the room's delay
# and ring, the half-second output buffer, and word times the transcriber places late.
ECHO_DELAY_S = 2.0
# Seconds before a line's first sound a word may be placed (the transcriber's early times).
ECHO_LEAD_S = 0.5
# A stretch of words matching the line in order counts from this many words; a line (or a
# heard stretch) shorter than that counts when matched whole ("Got it.", "Okay, thanks.").
MIN_MATCHED_WORDS = 3
# Unmatched words between or beside matched stretches that still go with them (ASR errors).
MAX_GAP_WORDS = 3
_SIMILAR = 0.8  # spelling similarity at which two words (4+ letters) are taken for one

_TOKEN = re.compile(r"[a-z0-9']+")
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d{3}\b)")

# Number words as the voice says them, and the digits the transcriber writes for them
# (trial 45: "About fifty million new posts a day, roughly twenty percent with images" came back
# "are made roughly 20%", "about twenty million, plus user reports" as "20 million plus human").
_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


@dataclass(frozen=True)
class PlayedLine:
    """A line the interviewer said: its text and when it sounded (round seconds); `end` None
    while it is still being said."""

    text: str
    start: float
    end: float | None


# The audio setup a round ran with, as stored with it (storage: sessions.audio_setup): with
# headphones (barge-in on) the microphone does not hear the interviewer, so there is no echo to
# take out, and a reply reusing its words ("Anything you'd like to add?" - "No, nothing to add.")
# must not be taken for it. None: not known (a round stored before the setup was kept).
HEADPHONES = "headphones"
LOUDSPEAKERS = "loudspeakers"


def audio_setup(barge_in: bool) -> str:
    """The setup a round runs with: barge-in on is headphones (or a setup not found to echo),
    off is loudspeakers (core.round_settings.ControllerSettings.barge_in)."""
    return HEADPHONES if barge_in else LOUDSPEAKERS


def may_echo(setup: str | None) -> bool:
    """Whether the round's transcripts may hold the interviewer's echo: with loudspeakers, and
    for a round whose setup is not known (their live transcripts were filtered then too)."""
    return setup != HEADPHONES


def lines_said(lines: Sequence[tuple[float, str]], words_per_minute: float) -> list[PlayedLine]:
    """Stored lines (when each began, its text) as played lines, each as long as its words take
    at `words_per_minute`: their ends were not kept (an answer transcribed after the round)."""
    return [PlayedLine(text, at, at + len(text.split()) * 60.0 / words_per_minute) for at, text in lines]


def _units(text: str) -> list[str]:
    """A transcribed word's or a line's text as comparable tokens: lower case, "%" said as
    "percent", "2,000" as "2000", "twenty-five" as two words."""
    text = _DIGIT_COMMA.sub("", text.lower().replace("\u2019", "'").replace("%", " percent "))
    return _TOKEN.findall(text.replace("-", " "))


def _number_runs(units: list[tuple[str, int]]) -> list[tuple[str, list[int]]]:
    """`units` (token, the word it came from) with each run of a number's words or digits as one
    token, its value ("fifty million" and "50 million" both "50000000"), and the words it took."""
    out: list[tuple[str, list[int]]] = []
    total = current = 0
    last = ""  # the kind of the run's last token: "tens", "small", "digits", "scale", "hundred"
    taken: list[int] = []

    def close() -> None:
        nonlocal total, current, last, taken
        if taken:
            out.append((str(total + current), taken))
        total = current = 0
        last, taken = "", []

    for token, word in units:
        if token in _SMALL or token in _TENS or token.isdigit():
            kind = "tens" if token in _TENS else "small" if token in _SMALL else "digits"
            value = _TENS.get(token, _SMALL.get(token, int(token) if token.isdigit() else 0))
            # "twenty five" is one number; "20 10" or "five six" are two.
            if (last in ("small", "digits") or (last == "tens" and not (kind == "small" and value < 10))
                    or (last == "scale" and kind == "digits")):
                close()
            current += value
            last = kind
        elif token == "hundred" and last in ("small", "tens", "digits"):
            current *= 100
            last = "hundred"
        elif token in _SCALES and last in ("small", "tens", "digits", "hundred"):
            total += current * _SCALES[token]
            current = 0
            last = "scale"
        else:
            close()
            out.append((token, [word]))
            continue
        if word not in taken:
            taken.append(word)
    close()
    return out


def _comparable(texts: Sequence[str]) -> list[tuple[str, list[int]]]:
    """The tokens of `texts` (words), each with the indexes of the words it came from."""
    return _number_runs([(u, i) for i, text in enumerate(texts) for u in _units(text)])


def _tokens(text: str) -> list[str]:
    return [t for t, _ in _comparable(text.split())]


def _canonical(token: str, line: list[str]) -> str:
    """`token` as the line's word it was probably heard for, else itself."""
    if token in line or len(token) < 4:
        return token
    best, score = token, _SIMILAR
    for word in line:
        if len(word) >= 4:
            ratio = SequenceMatcher(None, token, word, autojunk=False).ratio()
            if ratio >= score:
                best, score = word, ratio
    return best


def _matches(heard: list[str], line: list[str]) -> list[bool]:
    """Which of `heard` (tokens, in order) are the line's words said back."""
    flags = [False] * len(heard)
    if not heard or not line:
        return flags
    mapped = [_canonical(t, line) for t in heard]
    blocks = [b for b in SequenceMatcher(None, mapped, line, autojunk=False).get_matching_blocks() if b.size]
    short = min(len(line), len(heard))

    def weight(b) -> int:  # a number matched is as telling as two words ("20 million plus")
        return sum(2 if t.isdigit() else 1 for t in mapped[b.a:b.a + b.size])

    kept = [b for b in blocks if weight(b) >= min(MIN_MATCHED_WORDS, short) and b.size >= min(2, len(line))]
    # Stretches shorter than that count when, with a misheard word or two between them, they
    # make one ("Could you tell it again?" for "Could you say it again?", trial 45): two words
    # or more each, or one long word ("Where will you start?" for "Where would you start?").
    chain: list = []
    for b in [b for b in blocks if b.size >= 2 or len(mapped[b.a]) >= 4] + [None]:
        if b is not None and (not chain or (0 <= b.b - (chain[-1].b + chain[-1].size) <= MAX_GAP_WORDS
                                            and 0 <= b.a - (chain[-1].a + chain[-1].size) <= MAX_GAP_WORDS)):
            chain.append(b)
            continue
        if (len(chain) > 1 and sum(weight(c) for c in chain) >= MIN_MATCHED_WORDS
                and max(c.size for c in chain) >= 2):
            kept += [c for c in chain if c not in kept]
        chain = [b] if b is not None else []
    kept.sort(key=lambda b: b.a)
    if not kept:
        return flags
    for b in kept:
        for k in range(b.a, b.a + b.size):
            flags[k] = True
    # ASR errors: words between two matched stretches, where the line has words too.
    for left, right in zip(kept, kept[1:]):
        gap_heard = right.a - (left.a + left.size)
        gap_line = right.b - (left.b + left.size)
        if 0 < gap_heard <= min(MAX_GAP_WORDS, gap_line + 2) and gap_line >= 0:
            for k in range(left.a + left.size, right.a):
                flags[k] = True
    # ... and just before the first or after the last, where the line has unmatched words too.
    first, last = kept[0], kept[-1]
    before = min(first.a, MAX_GAP_WORDS)
    if first.b > 0 and before <= first.b + 1:
        for k in range(first.a - before, first.a):
            flags[k] = True
    after_line = len(line) - (last.b + last.size)
    after = min(len(heard) - (last.a + last.size), MAX_GAP_WORDS)
    if after_line > 0 and after <= after_line + 1:
        for k in range(last.a + last.size, last.a + last.size + after):
            flags[k] = True
    return flags


def echo_flags(words: Sequence[Word], offset: float, lines: Sequence[PlayedLine],
               delay: float = ECHO_DELAY_S) -> list[bool]:
    """For each of `words` (times in seconds from `offset`, the round second its audio starts
    at): True when it is the interviewer's echo (see the module's docstring)."""
    flags = [False] * len(words)
    for line in lines:
        line_tokens = _tokens(line.text)
        if not line_tokens:
            continue
        end = float("inf") if line.end is None else line.end + delay
        inside = [i for i, w in enumerate(words)
                  if line.start - ECHO_LEAD_S <= offset + w.start and offset + w.start <= end]
        if not inside:
            continue
        # The words in the window as tokens ("50 million" one, "20%" two; a word without
        # letters is none), each flagging the words it came from.
        heard = _comparable([words[i].text for i in inside])
        for (_, taken), echo in zip(heard, _matches([t for t, _ in heard], line_tokens)):
            if echo:
                for k in taken:
                    flags[inside[k]] = True
    return flags


def _rebuilt(segment: Segment, flags: Sequence[bool]) -> Segment | None:
    kept = tuple(w for w, echo in zip(segment.words, flags) if not echo)
    if len(kept) == len(segment.words):
        return segment
    if not kept:
        return None
    return Segment(join_words([w.text.strip() for w in kept]), kept[0].start, kept[-1].end, kept)


def segment_without_echo(segment: Segment, offset: float, lines: Sequence[PlayedLine]) -> Segment | None:
    """`segment` (a live one) without the interviewer's echo; None when nothing else was in it.
    A segment without word times is kept as it is (nothing to place in time)."""
    if not segment.words or not lines:
        return segment
    return _rebuilt(segment, echo_flags(segment.words, offset, lines))


def without_echo(transcript: Transcript, offset: float, lines: Sequence[PlayedLine]) -> Transcript:
    """`transcript` without the interviewer's echo: its words, its segments left empty, and the
    speech regions that held only echo (the pauses and the start of the answer are the
    candidate's)."""
    if not lines:
        return transcript
    return without_flagged(transcript, echo_flags(transcript.words, offset, lines))


def without_flagged(transcript: Transcript, flags: Sequence[bool]) -> Transcript:
    """`transcript` without the words `flags` marks: its segments left empty go, and so do the
    speech regions that held only such words (core.control_questions leaves replies out so too)."""
    words = transcript.words
    if not any(flags):
        return transcript
    segments: list[Segment] = []
    at = 0
    for seg in transcript.segments:
        rebuilt = _rebuilt(seg, flags[at:at + len(seg.words)]) if seg.words else seg
        at += len(seg.words)
        if rebuilt is not None:
            segments.append(rebuilt)
    dropped = [w for w, echo in zip(words, flags) if echo]
    kept_words = [w for w, echo in zip(words, flags) if not echo]
    speech = transcript.speech
    if speech is not None:
        speech = [r for r in speech if not _only_echo(r, dropped, kept_words)]
    return replace(transcript, segments=segments, speech=speech)


def _only_echo(region: SpeechRegion, dropped: list[Word], kept: list[Word]) -> bool:
    def within(w: Word) -> bool:
        return region.start <= (w.start + w.end) / 2 <= region.end

    return any(within(w) for w in dropped) and not any(within(w) for w in kept)
