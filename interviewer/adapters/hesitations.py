"""Find the hesitations Whisper dropped or misplaced, from the audio.

Whisper was trained on transcripts without "um" and "uh": even with a disfluent hint it
drops some of them, and it stamps an "um" spoken just before a pause at the far side of the
pause. The voice-activity detector, run with a very short minimum silence, gives every lone
"um" a speech region of its own. So:

1. hesitation words Whisper did write are moved onto the short region they belong to;
2. each remaining short region that is spectrally steady (one held vowel or nasal, unlike a
   word) and holds no word is decoded again on its own with a hesitation hint; Whisper
   transcribes a lone "um" faithfully when nothing else is around it. If it comes back as
   a hesitation, the word is added to the transcript;
3. before 2, a region that holds a hesitation Whisper wrote (or lies next to one, with no
   word in it) is cut at the deep dips of its loudness: hesitations said in a row with no
   silence between them ("uh um uh") share one region, and Whisper writes fewer of them than
   were said. Each part is then treated as a region of its own.

Each re-decode costs a whole Whisper window (about 0.2 s on 2 cores). The live transcriber
does them ahead (`check_ahead`), while it waits for audio, on the short sounds of the audio
not transcribed yet; `known_rechecks` then lets the repair of that chunk take the results
instead of decoding again, so little is left to do when the answer ends. A result is keyed by
the exact samples decoded, so it is the one the repair would have got.
"""
from __future__ import annotations

import bisect
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import numpy as np

from interviewer.adapters.short_clip import decode_short, faster_whisper_model
from interviewer.core.analysis.fillers import (
    MAX_HESITATION_S, ZERO_LENGTH_S, FillerKind, find_fillers, is_hesitation, retime_hesitations,
    split_backchannels,
)
from interviewer.core.analysis.tokens import normalize, tokenize
from interviewer.core.audio_format import SAMPLE_RATE
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word

log = logging.getLogger(__name__)

MIN_CANDIDATE_S = 0.15
MAX_CANDIDATE_S = 0.6
# Mean frame-to-frame change of the log band spectrum. Lone hesitations measured 0.2-1.0 on
# the bench, words 0.4-2.4; the re-decode decides the overlap, this only saves decodes.
MAX_SPECTRAL_FLUX = 1.1
CONTEXT_S = 0.1  # audio kept before the region when decoding it alone
# The re-decode must be sure of itself: mean token log-probability of what it heard. With the
# hint, a held "um"/"uh" decodes at -0.47 to -0.90 (espeak bench, 3 December: 6 of the 7 lone
# "uh" left unwritten on blind1-5 decoded at -0.85 to -0.90); laughter (-1.07) and the tail of a
# word after a register shift (-0.93) also come back as "Uh"/"Hm", less sure. -0.92 sits in
# that thin gap: espeak blind1-6 +6 hesitations, 0 false; the 72 human clips unchanged.
MIN_RECHECK_LOGPROB = -0.92
# A part of a cut region (see VALLEY_DB) already sits in a run that holds a hesitation, and a
# held "uhhh" there decodes in pieces ("Uh, er,") at about -0.87: a little less sureness is
# asked of it, still more than laughter gets.
MIN_SPLIT_RECHECK_LOGPROB = -1.0
# Re-decodes encode the clip's own length, not Whisper's 30 s window (adapters/short_clip.py):
# 0.06 s instead of about 0.45 s each. benchmarks/speech_pipeline.py --ab-window compares.
SHORT_WINDOW = True
RECHECK_OPTIONS: dict[str, Any] = {
    "language": "en", "beam_size": 1, "temperature": 0.0, "condition_on_previous_text": False,
    "without_timestamps": True, "max_new_tokens": 6,
}
# Hesitations said in a row with no silence between them ("uh um uh") stay in one VAD region,
# and Whisper writes fewer of them; but the voice drops between two of them. A region that
# may hold such a run (`_cut_hesitation_runs`) is cut where its loudness falls VALLEY_DB below
# the loudest point within VALLEY_REACH_S on each side, and each part is heard like a region
# of its own (decoded alone, so a part counts only if Whisper hears a hesitation in it). Human-speech dev clips:
# the drops between hesitations said in a row measured 22-29 dB, those between the syllables
# of a word 12-20 dB; hesitation F1 is the same for any threshold from 9 to 20 dB. Re-decodes
# on the 44 clips: 22 before, 32 with the cut.
VALLEY_DB = 15.0
VALLEY_REACH_S = 0.3
MIN_VALLEY_GAP_S = 0.08  # two valleys closer than this are one (the deeper is kept)


def spectral_flux(clip: np.ndarray) -> float:
    """How fast the spectrum changes: low for a held "uhhh", high for consonant-vowel words."""
    n, hop = 400, 160
    if clip.size < n + 2 * hop:
        return float("inf")
    frames = np.lib.stride_tricks.sliding_window_view(clip, n)[::hop] * np.hanning(n)
    spectrum = np.abs(np.fft.rfft(frames, 512))[:, :200] + 1e-6
    bands = np.log(np.add.reduceat(spectrum, np.linspace(0, 200, 21).astype(int)[:-1], axis=1))
    return float(np.mean(np.sqrt(np.mean(np.diff(bands, axis=0) ** 2, axis=1))))


def loudness_db(clip: np.ndarray) -> np.ndarray:
    """Loudness in dB of 25 ms frames every 10 ms, smoothed over 30 ms."""
    n, hop = 400, 160
    if clip.size < n:
        return np.zeros(0)
    frames = np.lib.stride_tricks.sliding_window_view(clip, n)[::hop]
    db = 10 * np.log10(np.mean(frames.astype(np.float64) ** 2, axis=1) + 1e-10)
    return np.convolve(np.pad(db, 1, mode="edge"), np.ones(3) / 3, mode="valid")


def split_at_valleys(audio: np.ndarray, r: SpeechRegion, offset: float) -> list[SpeechRegion]:
    """The region cut at the deep dips of its loudness (see VALLEY_DB); [r] if it has none."""
    a = max(0, int((r.start - offset) * SAMPLE_RATE))
    db = loudness_db(audio[a:int((r.end - offset) * SAMPLE_RATE)])
    reach = int(VALLEY_REACH_S * 100)
    cuts: list[int] = []
    for i in range(1, db.size - 1):
        if not (db[i] <= db[i - 1] and db[i] <= db[i + 1]):
            continue
        if min(db[max(0, i - reach):i].max(), db[i + 1:i + 1 + reach].max()) - db[i] < VALLEY_DB:
            continue
        if cuts and i - cuts[-1] < MIN_VALLEY_GAP_S * 100:
            if db[i] < db[cuts[-1]]:
                cuts[-1] = i
            continue
        cuts.append(i)
    # The fade within 50 ms of either end of the region is no valley.
    edge = int(0.05 * 100)
    cuts = [i for i in cuts if edge <= i <= db.size - 1 - edge]
    if not cuts:
        return [r]
    edges = [r.start, *(round(r.start + (i * 160 + 200) / SAMPLE_RATE, 3) for i in cuts), r.end]
    return [SpeechRegion(x, y) for x, y in zip(edges, edges[1:]) if y > x]


def _cut_hesitation_runs(audio: np.ndarray, regions: list[SpeechRegion], hesitations: list, words: list[Word],
                         offset: float) -> list[SpeechRegion]:
    """The regions, each one that may hold a run of hesitations glued together cut at its
    loudness valleys: one that holds a hesitation Whisper wrote (or its zero-length stamp), or
    one no word starts in with a hesitation stamped within STRAY_DISTANCE_S and no word
    starting between (too long for one hesitation, so it was not re-timed onto it). Other
    regions are left whole: cutting them would only decode the syllables of words."""
    starts = sorted(w.start for w in words if not is_hesitation(normalize(w.text)))

    def word_starts_in(a: float, b: float) -> bool:
        i = bisect.bisect_left(starts, a)
        return i < len(starts) and starts[i] < b

    spans = [(w.start, w.end) for w in words if not is_hesitation(normalize(w.text))]

    def unworded(r: SpeechRegion) -> bool:
        """Sound Whisper wrote nothing at all on (no word on it): cutting it decodes no word's
        syllables. A run of hesitations after another one is often left out whole (`mfa_uhuh`
        with other CPU kernels: "uh... [0.8 s] uh-uhhh" with nothing written on the second)."""
        return not any(s < r.end and e > r.start for s, e in spans)

    out = []
    for r in regions:
        holds = any(r.start <= h.start < r.end or (h.start < r.end and h.end > r.start) for h in hesitations)
        stray = not word_starts_in(r.start - 0.05, r.end) and any(
            max(0.0, h.start - r.end, r.start - h.end) < STRAY_DISTANCE_S
            and not word_starts_in(min(r.end, h.start), max(r.start, h.end)) for h in hesitations)
        cut = holds or stray or (r.end - r.start > MAX_CANDIDATE_S and unworded(r))
        out.extend(split_at_valleys(audio, r, offset) if cut else [r])
    return out


def _span(x) -> tuple[float, float]:
    return x.start, x.end


def _most_overlapped(x, parts: list[SpeechRegion]) -> SpeechRegion | None:
    """The part `x` (a word or filler) overlaps most, if any."""
    best, best_overlap = None, 0.0
    for r in parts:
        overlap = min(r.end, x.end) - max(r.start, x.start)
        if overlap > best_overlap:
            best, best_overlap = r, overlap
    return best


def _home_of(word: Word, spans: set[tuple[float, float]], split: list[SpeechRegion]) -> SpeechRegion | None:
    """The sound a hesitation Whisper wrote is on: the region it was re-timed onto, or the part
    of a cut region it overlaps most; None when it is on neither (a stray stamp)."""
    if (word.start, word.end) in spans:
        return SpeechRegion(word.start, word.end)
    return _most_overlapped(word, split)


def _claimed_regions(regions: list[SpeechRegion], words: list[Word],
                     openers: frozenset[tuple[float, float]] = frozenset()) -> set[tuple[float, float]]:
    """Regions that hold a real word: the region a non-hesitation word overlaps most, if the
    word starts in it.

    `openers` are the spans of words that open a segment. Whisper pulls such a word's start
    back to the segment's start, across an "Um," it left out ("I" stamped 0.0-0.68 s over an
    "um" at 0.0-0.38 s and a pause): one that runs on over a silence into a later region was
    said there, and does not claim the region it was pulled into."""
    ordered = sorted(regions, key=lambda r: r.start)
    starts = [r.start for r in ordered]
    claimed = set()
    for w in words:
        if is_hesitation(normalize(w.text)):
            continue
        i = max(0, bisect.bisect_right(starts, w.start) - 1)
        if ((w.start, w.end) in openers and i + 1 < len(ordered)
                and ordered[i].start - 0.05 <= w.start < ordered[i].end < ordered[i + 1].start < w.end):
            i += 1  # judged from the region it runs into (below), as if it started there
            w = replace(w, start=ordered[i].start)
        if w.end - w.start < ZERO_LENGTH_S:
            # Whisper collapsed a word it could not align onto one instant: it was spoken in
            # the region around that instant.
            holder = next((r for r in ordered[max(0, i - 1):i + 2]
                           if r.start - 0.05 <= w.start <= r.end + 0.05), None)
            if holder is not None:
                claimed.add((holder.start, holder.end))
            continue
        best, best_overlap = None, 0.0
        for r in ordered[i:]:
            if r.start >= w.end:
                break
            overlap = min(r.end, w.end) - max(r.start, w.start)
            if overlap > best_overlap:
                best, best_overlap = r, overlap
        # It must also start there: a word stamped early into a lone "um" ("The" after a
        # pause) or late across it ("and" stretched over "uh") does not claim it.
        if best is not None and best.start - 0.05 <= w.start < best.end:
            claimed.add((best.start, best.end))
        # A word that ends inside a region and covers most of it was heard there: its tail
        # ("know her." running into the last region). A word stretched right across a region
        # is not (see above).
        for r in ordered[max(0, i - 1):i + 3]:
            if r.start < w.end < r.end and min(r.end, w.end) - max(r.start, w.start) >= 0.5 * (r.end - r.start):
                claimed.add((r.start, r.end))
    return claimed


def _move_words(transcript: Transcript, moves: dict[tuple[float, float], tuple[float, float]]) -> None:
    segments = []
    for s in transcript.segments:
        words = tuple(replace(w, start=moves[(w.start, w.end)][0], end=moves[(w.start, w.end)][1])
                      if (w.start, w.end) in moves and is_hesitation(normalize(w.text)) else w
                      for w in s.words)
        if words != s.words:  # keep the words in time order (two moved hesitations may cross)
            words = tuple(sorted(words, key=lambda w: w.start))
            segments.append(replace(s, words=words, text=" ".join(w.text for w in words)))
            continue
        segments.append(replace(s, words=words))
    transcript.segments = segments


def _start_words_after(transcript: Transcript, r: SpeechRegion, parts: list[SpeechRegion]) -> None:
    """A word stamped from inside `r` across the silence after it (an opener Whisper pulled
    back over the hesitation now found in `r`) starts where the next sound starts."""
    later = [p.start for p in parts if p.start >= r.end]
    if not later:
        return
    to = min(later)
    segments = []
    for seg in transcript.segments:
        words = tuple(replace(w, start=to) if (r.start - 0.05 <= w.start < r.end and w.end > to
                                               and not is_hesitation(normalize(w.text))) else w
                      for w in seg.words)
        segments.append(replace(seg, words=words, start=min(w.start for w in words)) if words != seg.words else seg)
    transcript.segments = segments


def _insert_word(transcript: Transcript, word: Word) -> None:
    segments = transcript.segments
    if not segments:
        transcript.segments = [Segment(word.text, word.start, word.end, (word,))]
        return
    # The segment that contains the time, else the nearest one.
    k = min(range(len(segments)), key=lambda i: max(0.0, segments[i].start - word.start, word.start - segments[i].end))
    s = segments[k]
    words = tuple(sorted((*s.words, word), key=lambda w: w.start))
    segments[k] = Segment(" ".join(w.text for w in words), min(s.start, word.start), max(s.end, word.end), words)


def fix_hesitations(transcript: Transcript, audio: np.ndarray, model, offset: float = 0.0,
                    hint: str | None = None) -> int:
    """Re-time and recover hesitations in place; returns how many were recovered."""
    regions = transcript.speech or []
    words = transcript.words
    tokens = tokenize(words)
    whisper_fillers = [f for f in find_fillers(tokens) if f.kind == FillerKind.HESITATION]
    retimed = retime_hesitations(whisper_fillers, tokens, regions)
    moves = {(a.start, a.end): (b.start, b.end) for a, b in zip(whisper_fillers, retimed)
             if (a.start, a.end) != (b.start, b.end)}
    if moves:
        _move_words(transcript, moves)
        words = transcript.words
    # A region cut into parts (a run of hesitations glued together) is heard part by part; a
    # hesitation Whisper wrote there holds only the part it overlaps most.
    spans = {(r.start, r.end) for r in regions}
    parts = _cut_hesitation_runs(audio, regions, retimed, words, offset)
    split = [r for r in parts if (r.start, r.end) not in spans]
    taken = [(f.start, f.end) if not split else _span(_most_overlapped(f, parts) or f) for f in retimed]
    # A listener's "Mm -hmm" holds its sound: nothing to recover there.
    taken += [(tokens[i].start, tokens[i].end) for i in split_backchannels(tokens)]

    recovered = 0
    openers = frozenset((seg.words[0].start, seg.words[0].end) for seg in transcript.segments if seg.words)
    claimed = _claimed_regions(parts, words, openers)
    for r in parts:
        if any(s < r.end and e > r.start for s, e in taken) or (r.start, r.end) in claimed:
            continue
        # A part of a run may be one long held "uhhh" (0.8 s in `mfa_uhuh`): as long as a
        # hesitation the analysis re-times (MAX_HESITATION_S).
        if not is_candidate(audio, r, offset, MAX_HESITATION_S if r in split else MAX_CANDIDATE_S):
            continue
        sound = _heard_alone(model, audio, r, offset, hint,
                             min_logprob=MIN_SPLIT_RECHECK_LOGPROB if r in split else MIN_RECHECK_LOGPROB)
        if not sound:
            continue
        stray = _hesitation_near(r, transcript.words)
        # Whisper wrote this "um" but a little off: on no region, or on a neighbouring region
        # (or part of a cut region) that, heard alone, is not a hesitation. Move it here
        # instead of adding another. Heard alone as a hesitation at all, however unsure, the
        # home agrees with what Whisper wrote there in context: two hesitations, not one moved.
        home = _home_of(stray, spans, split) if stray is not None else None
        if stray is not None and (home is None or not _heard_alone(model, audio, home, offset, hint,
                                                                   min_logprob=float("-inf"))):
            _move_words(transcript, {(stray.start, stray.end): (r.start, r.end)})
        else:
            _start_words_after(transcript, r, parts)
            _insert_word(transcript, Word(sound, r.start, r.end, 0.5))
            recovered += 1
        taken.append((r.start, r.end))
    _drop_echoes(transcript, regions)
    return recovered


def _drop_echoes(transcript: Transcript, regions: list[SpeechRegion]) -> None:
    """Drop a hesitation Whisper wrote twice: once on its sound, once again after the pause
    that follows it, either inside the silence ("Uh [3 s] Uh, I would") or as an unaligned
    (zero-length) word at the start of the next word's speech ("um, [1.7 s] um, a liner").
    The echo has no sound of its own: nothing was said in the silence, and the next word's
    speech is that word. One hesitation is never split across a pause."""
    ordered = sorted(regions, key=lambda r: r.start)
    starts = [r.start for r in ordered]

    def in_silence(w: Word) -> bool:
        i = bisect.bisect_right(starts, w.end + 0.05)
        return i == 0 or ordered[i - 1].end + 0.05 < w.start

    def region_of(t: float) -> int | None:
        i = bisect.bisect_right(starts, t + 0.05) - 1
        return i if i >= 0 and t <= ordered[i].end + 0.05 else None

    words = transcript.words

    def on_next_words_speech(k: int) -> bool:
        """Word k is unaligned, in another region than the hesitation before it, and the next
        real word starts in that same region."""
        w, prev = words[k], words[k - 1]
        here = region_of(w.start)
        there = bisect.bisect_right(starts, (prev.start + prev.end) / 2) - 1  # prev's region or the one before
        if w.end - w.start >= ZERO_LENGTH_S or here is None or here <= there:
            return False
        # Speech between the two that no word was written for may be this hesitation's own.
        if any(not any(r.start - 0.05 <= x.start < r.end for x in words) for r in ordered[there + 1:here]):
            return False
        nxt = next((x for x in words[k + 1:] if not is_hesitation(normalize(x.text))), None)
        return nxt is not None and region_of(nxt.start) == here

    echoes = {(words[k].start, words[k].end, words[k].text) for k in range(1, len(words))
              if is_hesitation(normalize(words[k].text)) and is_hesitation(normalize(words[k - 1].text))
              and ordered and ((in_silence(words[k]) and not in_silence(words[k - 1]))
                               or on_next_words_speech(k))}
    if echoes:
        segments = []
        for s in transcript.segments:
            kept = tuple(w for w in s.words if (w.start, w.end, w.text) not in echoes)
            segments.append(s if len(kept) == len(s.words) else
                            replace(s, words=kept, text=" ".join(w.text for w in kept)))
        transcript.segments = [s for s in segments if s.words or not s.text]


_known = threading.local()


@contextmanager
def known_rechecks(results: dict) -> Iterator[None]:
    """Within the block (on this thread), re-decodes take their result from `results` when it
    has one for the same samples (see `check_ahead`), and add the ones they make."""
    before = getattr(_known, "results", None)
    _known.results = results
    try:
        yield
    finally:
        _known.results = before


def is_candidate(audio: np.ndarray, r: SpeechRegion, offset: float, longest: float = MAX_CANDIDATE_S) -> bool:
    """A region the repair may decode alone: hesitation-long and spectrally steady."""
    if not MIN_CANDIDATE_S <= r.end - r.start <= longest:
        return False
    a = int((r.start - offset) * SAMPLE_RATE)
    b = int((r.end - offset) * SAMPLE_RATE)
    return spectral_flux(audio[a:b]) <= MAX_SPECTRAL_FLUX


def check_ahead(model, audio: np.ndarray, offset: float, regions: list[SpeechRegion], hint: str | None,
                results: dict, keep_going: Callable[[], bool] = lambda: True) -> int:
    """Decode alone, ahead of time, the candidate regions of `audio` (which starts `offset` s
    into the answer) that `results` has no result for, while `keep_going()`; returns how many
    were decoded. Whether the repair needs them is only known once the chunk is decoded (a
    word may claim the region): a few are decoded for nothing, in time that was idle."""
    done = 0
    for r in regions:
        if not keep_going():
            break
        if _clip_key(r, offset, hint) in results or not is_candidate(audio, r, offset):
            continue
        with known_rechecks(results):
            _heard_alone(model, audio, r, offset, hint)
        done += 1
    return done


def _clip_bounds(r: SpeechRegion, offset: float) -> tuple[int, int]:
    """Samples of the audio (which starts at `offset`) decoded for region `r`."""
    a = int((r.start - offset) * SAMPLE_RATE)
    b = int((r.end - offset) * SAMPLE_RATE)
    return max(0, a - int(CONTEXT_S * SAMPLE_RATE)), b


def _clip_key(r: SpeechRegion, offset: float, hint: str | None) -> tuple[int, int, str | None]:
    """The decoded samples' place in the answer: the same key means the same clip."""
    begin, end = _clip_bounds(r, offset)
    start = round(offset * SAMPLE_RATE)
    return start + begin, start + end, hint


def _heard_alone(model, audio: np.ndarray, r: SpeechRegion, offset: float, hint: str | None,
                 min_logprob: float = MIN_RECHECK_LOGPROB) -> str:
    """The hesitation Whisper hears in the region decoded on its own, at least this sure, or ""."""
    results = getattr(_known, "results", None)
    key = _clip_key(r, offset, hint)
    if results is not None and key in results:
        sound, confidence = results[key]
    else:
        sound, confidence = _decode_alone(model, audio, r, offset, hint)
        if results is not None:
            results[key] = sound, confidence
    return sound if sound and confidence >= min_logprob else ""


def _decode_alone(model, audio: np.ndarray, r: SpeechRegion, offset: float, hint: str | None) -> tuple[str, float]:
    """The hesitation heard in the region alone ("" if it is not one) and how sure the decode
    was (mean token log-probability)."""
    begin, end = _clip_bounds(r, offset)
    clip = np.concatenate([audio[begin:end], np.zeros(SAMPLE_RATE // 2, np.float32)])
    whisper = faster_whisper_model(model) if SHORT_WINDOW else None
    decoded = None
    if whisper is not None:
        try:
            decoded = decode_short(whisper, clip, hotwords=hint or None,
                                   max_new_tokens=RECHECK_OPTIONS["max_new_tokens"])
        except (AttributeError, ImportError, TypeError):
            # decode_short uses faster-whisper internals; another version may lack one. The
            # padded decode below gives the same kind of answer, only slower.
            log.warning("short-window re-decode unavailable; padding to 30 s", exc_info=True)
    if decoded is not None:
        text, confidence = decoded
    else:
        options = dict(RECHECK_OPTIONS)
        if hint:
            options["hotwords"] = hint
        segments = list(model.transcribe(clip, **options)[0])
        text = " ".join(s.text for s in segments).strip()
        confidence = min((getattr(s, "avg_logprob", 0.0) for s in segments), default=0.0)
    first = text.split()[0] if text else ""
    # "Uh, er, ah." is one held hesitation that the decoder wrote in pieces: nothing but
    # hesitations, however many; otherwise at most one word may follow the first ("Uh, so").
    heard = text.split()
    if first and is_hesitation(normalize(first)) and (
            len(heard) <= 2 or all(is_hesitation(normalize(w)) for w in heard)):
        return first.rstrip(".,!?…"), confidence
    return "", confidence


STRAY_DISTANCE_S = 0.8


def _hesitation_near(region: SpeechRegion, words: list[Word]) -> Word | None:
    """The closest hesitation word Whisper wrote near the region, with no other word
    starting between the two."""
    best = None
    for w in words:
        if not is_hesitation(normalize(w.text)) or (w.start < region.end and w.end > region.start):
            continue
        distance = max(0.0, w.start - region.end, region.start - w.end)
        if distance >= STRAY_DISTANCE_S:
            continue
        lo, hi = min(region.end, w.start), max(region.start, w.end)
        if any(lo < x.start < hi for x in words if not is_hesitation(normalize(x.text))):
            continue
        if best is None or distance < best[0]:
            best = (distance, w)
    return None if best is None else best[1]
