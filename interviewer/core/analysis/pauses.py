"""Silences measured from the voice-activity detector's speech regions.

Whisper's word timestamps drift around silences, so pause lengths come from the audio;
words only say where in the text a pause fell. Without speech regions (an old transcript)
the gaps between words are used instead, and the result says so.
"""
from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from interviewer.core.transcript import SpeechRegion, Word

# Clicks and breaths the detector calls speech but that hold no word: shorter than this they
# do not split a pause. (Not adapters/prosody.py's MIN_PITCH_REGION_S, which asks a different
# question: how long a stretch of speech must be to read its intonation.)
MIN_SPEECH_REGION_S = 0.1
# Silero marks speech as ended at the first 32 ms window scored quiet; its recurrent state
# keeps the score up for about one window after the sound stops (measured on 43 exact
# espeak-ng silences, 9 voices: region ends lag the true end by 38 ms median, 16-53 ms for
# most; starts lag 16 ms). A pause measured from the raw ends comes out ~20 ms short, so a
# 1.5 s silence read as 1.47 s. Pauses from the detector start one window earlier.
VAD_END_LAG_S = 0.032


@dataclass(frozen=True)
class PauseSettings:
    min_pause_s: float = 1.0      # every silence this long inside the answer is reported
    long_pause_s: float = 2.0     # "long pause" finding
    went_silent_s: float = 10.0   # "went silent" finding
    # A silence after a finished sentence is a long pause only from this long: a breath between
    # sentences (or between the parts of a story) is no problem a coach names. Trial 31 listed
    # two "Long pause: Paused 2.3 s after 'weeks.'" between STAR parts. Pauses inside answers:
    # median 1.2 s, 90th percentile 2.8 s (docs/analysis.md, answer pauses).
    sentence_break_s: float = 2.5


# A question met with this much silence, nothing said, was put to the candidate and left
# unanswered, not moved past unread (trial 27): kept by the round (round_records), counted as
# reached by the review (coverage.met_with_silence). The review's "went silent" length.
MET_WITH_SILENCE_S = PauseSettings().went_silent_s


@dataclass(frozen=True)
class Pause:
    start: float
    end: float
    before: str = ""   # the word spoken just before the pause
    after: str = ""    # the word spoken just after it
    # The silence followed the interviewer granting time to think ("Sure, take your time."): the
    # time asked for, though the request itself ("No, give me a second.") is no part of the words.
    asked: bool = False

    @property
    def length(self) -> float:
        return self.end - self.start

    def to_dict(self) -> dict:
        out = {"start": round(self.start, 3), "end": round(self.end, 3),
               "duration": round(self.length, 3), "before": self.before, "after": self.after}
        if self.asked:
            out[ASKED_KEY] = True
        return out


ASKED_KEY = "asked"  # a stored pause's Pause.asked
# The kinds of the interviewer's lines said to the candidate's silence (report.analyze_answer's
# `silence_lines`, core.round_records.silence_line_spans).
PROMPT_LINE = "prompt"  # said because the candidate went silent: a nudge, a check-in, an offer of help
GRANTED_LINE = "granted"  # "Sure, take your time.": time to think granted to the candidate's request


def stored_pause(p: dict, start: float, length: float) -> Pause:
    """A stored pause (Pause.to_dict) as a Pause; one stored without "before" (older analyses)
    is not known to follow the interviewer ("?")."""
    before = p.get("before")
    return Pause(start, start + length, str(before) if before is not None else "?", asked=p.get(ASKED_KEY) is True)


def regions_from_words(words: list[Word], join_gap_s: float = 0.25) -> list[SpeechRegion]:
    """Rough speech regions from word timings, for transcripts without VAD data."""
    regions: list[SpeechRegion] = []
    for w in words:
        if regions and w.start - regions[-1].end < join_gap_s:
            regions[-1] = SpeechRegion(regions[-1].start, max(regions[-1].end, w.end))
        else:
            regions.append(SpeechRegion(w.start, w.end))
    return regions


def effective_regions(regions: list[SpeechRegion], words: list[Word]) -> list[SpeechRegion]:
    """Drop tiny regions that hold no word (a click or a breath inside a pause)."""
    kept = []
    for r in sorted(regions, key=lambda r: r.start):
        if r.end - r.start < MIN_SPEECH_REGION_S and not any(w.start < r.end and w.end > r.start for w in words):
            continue
        kept.append(r)
    return kept


def _word_near(words: list[Word], starts: list[float], ends: list[float], t: float, before: bool) -> str:
    if before:
        i = bisect.bisect_right(starts, t) - 1
        return words[i].text if i >= 0 else ""
    i = bisect.bisect_left(ends, t)
    return words[i].text if i < len(words) else ""


def find_pauses(regions: list[SpeechRegion], words: list[Word],
                settings: PauseSettings = PauseSettings(), end_lag_s: float = 0.0) -> list[Pause]:
    """Every silence of at least `min_pause_s` between the first and last speech; a region
    ends `end_lag_s` before its stamp (the detector's lag, `VAD_END_LAG_S`)."""
    pauses = []
    starts = [w.start for w in words]
    ends = list(itertools.accumulate((w.end for w in words), max))  # sorted even if words overlap
    for a, b in zip(regions, regions[1:]):
        end = max(a.start, a.end - end_lag_s)
        if b.start - end >= settings.min_pause_s:
            pauses.append(Pause(end, b.start, _word_near(words, starts, ends, a.end, True),
                                _word_near(words, starts, ends, b.start, False)))
    return pauses


def response_latency(regions: list[SpeechRegion], words: list[Word],
                     question_end: float = 0.0) -> float | None:
    """Seconds from the end of the interviewer's speech (`question_end`) to the candidate's
    first word; None when no word was said (noise the detector heard is not an answer). The
    word's start is taken from the speech region it lies in where there is one: Whisper
    stamps the first word of a recording early or late, the detector does not."""
    if not words:
        return None
    first = words[0]
    start = first.start
    for r in regions:
        if r.start < first.end and r.end > first.start:
            start = r.start
            break
    return max(0.0, start - question_end)


SENTENCE_END = (".", "!", "?")


def long_pause_from(before: str, settings: PauseSettings = PauseSettings()) -> float:
    """How long a silence after the word `before` must be to be a long pause: `long_pause_s`
    inside a sentence, `sentence_break_s` (if longer) after one that ended ("weeks.")."""
    if before.rstrip("\"'\u201d\u2019)").endswith(SENTENCE_END):
        return max(settings.long_pause_s, settings.sentence_break_s)
    return settings.long_pause_s
