"""Keep Whisper from writing what was not said: text over non-speech and repetition loops.

Decoding is deterministic (temperature 0 only, see DECODE_OPTIONS in adapters/transcription.py),
so faster-whisper no longer re-samples a window whose text is too repetitive or too unlikely.
These general rules take over, using the voice-activity detector (Silero, adapters/vad.py) as
the judge of where someone spoke, never a list of phrases:

- a chunk with no speech region is not decoded at all (transcription.transcribe_window);
- decoding stops once the segments reach the end of the last speech (`StopAfterSpeech`), so the
  silence or noise after it is never decoded on its own ("Thank you for watching.");
- a segment with (almost) no speech under it is dropped (`drop_unvoiced_segments`);
- a segment that only continues speech earlier words already wrote, with too little of it left
  for its words (faster than MAX_SYLLABLES_PER_SECOND), is dropped too (`_tail_only`): after
  the last segment Whisper decodes the rest of the window, and the trailing sound of the last
  word ("thanks" fading out) became "Thank you very much." in a real monologue;
- a window whose text is too repetitive (gzip compression ratio above LOOP_COMPRESSION_RATIO,
  faster-whisper's own test that used to trigger sampling) is decoded once more, still
  deterministically, with a mild repetition penalty (LOOP_RETRY_OPTIONS), and that text is
  kept. On the human-speech tune split 3 of 32 clips trip it; in one, "Montreal forced, uh,
  um, um, uh, um, ..." looped to the end of the window (6 hesitations spoken, 30+ written)
  and comes back as "Montreal forced, uh... umm, er, um, for a stilliner." (docs/analysis.md,
  "Same recording, same result", has the measurements and the options tried);
- a phrase of LOOP_MIN_WORDS or more words written LOOP_MIN_REPEATS or more times in a row is
  written once (`collapse_loops`). People repeat single words and short pairs ("I I think",
  "the the", "word word word"), which are kept; a whole phrase three times in a row is Whisper
  stuck in a loop.
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from interviewer.core.transcript import Segment, SpeechRegion

LOOP_MIN_WORDS = 3
LOOP_MIN_REPEATS = 3
LOOP_COMPRESSION_RATIO = 2.4
# Tried on the looping clip (docs/analysis.md): a penalty of 1.05 still loops, 1.1 ends the
# loop, 1.3 runs hesitations together ("Uhm.."); no_repeat_ngram_size 4 or 6 also garbles the
# real "uh, uh, uh" runs of another clip.
LOOP_RETRY_OPTIONS = {"repetition_penalty": 1.1}
# Faster than people articulate: fast speech runs at 6-7 syllables a second, short phrases a
# little faster; real segments of the human-speech dev set measured 1.7-8.2 over the speech
# left to them, the invented "Thank you very much." 12.9 (docs/analysis.md, "Text over the
# end of the last word").
MAX_SYLLABLES_PER_SECOND = 10.0
# A VAD region that begins this little before earlier words end is still a new onset (word
# times are off by about this much).
ONSET_SLACK = 0.1

log = logging.getLogger(__name__)


def loops(segment: Any) -> bool:
    return (getattr(segment, "compression_ratio", 0.0) or 0.0) > LOOP_COMPRESSION_RATIO


def decode(model: Any, audio: Any, options: dict[str, Any]) -> list[Any]:
    """faster-whisper's segments for `audio`; where a segment's text is too repetitive, decoded
    again with LOOP_RETRY_OPTIONS (see the module docstring), and the retry's text taken for the
    time the looping segments covered only. The penalty also weighs on words said more than
    once in the rest of the window: in a 24 s monologue it dropped 7 s of speech and two
    hesitations the first decode had right ("...gonna cough here. Yeah, so that just happened.
    Uh, and uh, that should be good."), to be rid of a 0.6 s loop at the end."""
    segments = list(model.transcribe(audio, **options)[0])
    looping = [s for s in segments if loops(s)]
    if not looping:
        return segments
    retry = list(model.transcribe(audio, **{**options, **LOOP_RETRY_OPTIONS})[0])
    kept = [s for s in segments if not loops(s)]
    if not kept:
        return retry
    spans = [(s.start, s.end) for s in looping]

    def in_a_loop(s: Any) -> bool:
        middle = (s.start + s.end) / 2
        return any(a - ONSET_SLACK <= middle <= b + ONSET_SLACK for a, b in spans)

    def over_kept(s: Any) -> bool:
        return any(min(s.end, k.end) - max(s.start, k.start) > 0.5 * max(s.end - s.start, 1e-3) for k in kept)

    return sorted(kept + [s for s in retry if in_a_loop(s) and not over_kept(s)], key=lambda s: s.start)


class StopAfterSpeech:
    """A Whisper model whose `transcribe` stops once the segments reach the end of the speech.

    A chunk ends in a pause. After decoding a window, faster-whisper seeks to the last word's
    end and decodes what is left, here only that pause: a second encoder pass where, primed by
    the hesitation hint, Whisper invents text and then falls back through every temperature
    (measured: 1.3-20 s per 6 s chunk instead of 0.5-1.5 s). Its segment generator is lazy, so
    not consuming it past the last speech skips that work. Other attributes pass through.
    """

    def __init__(self, model: Any, speech_end: float, tolerance: float = 0.3) -> None:
        self._model = model
        self._speech_end = speech_end  # seconds into the audio given to transcribe()
        self._tolerance = tolerance

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    @property
    def inner_model(self) -> Any:
        """The model this one wraps (adapters/short_clip.py decodes with it directly)."""
        return self._model

    def transcribe(self, audio: Any, **options: Any) -> tuple[Any, Any]:
        segments, info = self._model.transcribe(audio, **options)
        return self._until_speech_end(segments), info

    def _until_speech_end(self, segments: Any) -> Any:
        for segment in segments:
            yield segment
            if segment.end >= self._speech_end - self._tolerance:
                return


def drop_unvoiced_segments(segments: list[Segment], regions: list[SpeechRegion],
                           min_voiced: float = 0.25) -> list[Segment]:
    """Drop segments with (almost) no VAD speech under them: Whisper's inventions in the
    silence at the end of a chunk ("I'll show you.", "Thank you."), and segments that only
    continue speech already written with too little of it for their words (`_tail_only`)."""
    kept: list[Segment] = []
    written_until: float | None = None  # the end of the words kept so far
    for index, segment in enumerate(segments):
        start = segment.words[0].start if segment.words else segment.start
        end = segment.words[-1].end if segment.words else segment.end
        span = max(end - start, 1e-3)
        if _voiced(start, end, regions) < min_voiced * span:
            continue
        later = next((s for s in segments[index + 1:] if s.words or s.text.strip()), None)
        next_start = _start_of(later) if later is not None else float("inf")
        if written_until is not None and _tail_only(segment, written_until, next_start, regions):
            continue
        kept.append(segment)
        written_until = _end_of(segment) if written_until is None else max(written_until, _end_of(segment))
    return kept


def _start_of(segment: Segment) -> float:
    return segment.words[0].start if segment.words else segment.start


def _end_of(segment: Segment) -> float:
    return max((w.end for w in segment.words), default=segment.end)


def _voiced(start: float, end: float, regions: list[SpeechRegion]) -> float:
    return sum(max(0.0, min(end, r.end) - max(start, r.start)) for r in regions)


def _syllables(text: str) -> int:
    """Vowel groups, at least one a word (an estimate: digits and acronyms count low)."""
    letters = re.sub(r"[^a-z]", "", text.lower())
    return max(1, len(re.findall(r"[aeiouy]+", letters)) - (letters.endswith("e") and len(letters) > 3))


def _tail_only(segment: Segment, written_until: float, next_start: float,
               regions: list[SpeechRegion]) -> bool:
    """True when the segment has no speech of its own: every VAD region it could stand on began
    under words written before it (no new onset), and the speech left after those words, up to
    the next segment, is too short for its syllables even at MAX_SYLLABLES_PER_SECOND. Whisper
    then wrote it over the fading end of a word it had already written. Word probabilities do
    not tell these apart (real segments of the dev set averaged 0.32-0.97, the invented one 0.59),
    the audio does."""
    if not segment.words:
        return False
    next_start = max(next_start, _end_of(segment))
    onset_after = written_until - ONSET_SLACK
    if any(onset_after <= r.start < next_start for r in regions if r.end > written_until):
        return False  # someone started speaking again after the words already written
    left = _voiced(written_until, next_start, regions)
    syllables = sum(_syllables(w.text) for w in segment.words)
    if syllables <= MAX_SYLLABLES_PER_SECOND * left:
        return False
    log.info("dropped %r at %.2f s: %d syllables on %.2f s of speech left after earlier words",
             segment.text, segment.start, syllables, left)
    return True



def stop_after_speech(model: Any, speech_end: float) -> "StopAfterSpeech":
    return StopAfterSpeech(model, speech_end)


def _key(text: str) -> str:
    return re.sub(r"[^\w']+", "", text.lower())


def collapse_loops(segments: list[Segment], min_words: int = LOOP_MIN_WORDS,
                   min_repeats: int = LOOP_MIN_REPEATS) -> list[Segment]:
    """Write a phrase of `min_words`+ words repeated `min_repeats`+ times in a row once: the
    first copy is kept (with its times), the copies after it are dropped, across segments.
    Only words are compared (transcribe always asks for word timings)."""
    items = [(i, j, _key(w.text)) for i, s in enumerate(segments) for j, w in enumerate(s.words)]
    drop: set[tuple[int, int]] = set()
    n_words = len(items)
    k = 0
    while k < n_words:
        best = None  # (phrase length, repeats)
        for size in range(min_words, (n_words - k) // min_repeats + 1):
            phrase = [t for _, _, t in items[k:k + size]]
            repeats = 1
            while [t for _, _, t in items[k + repeats * size:k + (repeats + 1) * size]] == phrase:
                repeats += 1
            if repeats >= min_repeats:
                best = (size, repeats)
                break
        if best is None:
            k += 1
            continue
        size, repeats = best
        drop.update((i, j) for i, j, _ in items[k + size:k + size * repeats])
        k += size * repeats
    kept: list[Segment] = []
    for i, s in enumerate(segments):
        if s.words and any((i, j) in drop for j in range(len(s.words))):
            words = tuple(w for j, w in enumerate(s.words) if (i, j) not in drop)
            if not words:
                continue
            s = replace(s, text=" ".join(w.text for w in words), start=min(s.start, words[0].start),
                        end=words[-1].end, words=words)
        kept.append(s)
    return kept
