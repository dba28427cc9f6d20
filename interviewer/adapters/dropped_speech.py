"""Decode again the speech Whisper skipped, so no stretch of the candidate's voice is left without words.

Primed with the hesitation hint (DECODE_OPTIONS' initial prompt), Whisper now and then skips a
whole stretch of clear speech, most often at the start of a window: it writes one "Um," and
jumps 15 s ahead to the next sentence (speech bench blind7, a Welsh-accented espeak voice; 7 of
175 espeak answers lost 1-17 s this way, at the start in 5). The answer then lacks its words
and questions, and the hesitation repair reads the unworded speech as held "um"s.

The voice-activity detector says where someone spoke. A run of speech regions in a row that
hold (almost) no words but hesitations, and last long enough to be words, is decoded again on
its own, without the hint, and the words Whisper hears there are put in. What comes back must
be sure of itself (mean token log-probability, the no-speech probability), so laughter or a
cough that the VAD took for speech stays without words; a long run (LONG_RUN_S) heard again as
words at a speaking rate is not held to the no-speech check, which once threw away 15 s of words. A run can also look unworded because
Whisper stamped its words late, across the pause after them ("right?" stamped on the "Okay"
said after the pause): a word heard again that Whisper wrote shortly after is not put in twice.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

import numpy as np

from interviewer.core.analysis.fillers import is_hesitation
from interviewer.core.analysis.tokens import normalize
from interviewer.core.audio_format import SAMPLE_RATE
from interviewer.core.transcript import Segment, SpeechRegion, Word

log = logging.getLogger(__name__)

MIN_DROPPED_S = 0.8     # speech in a run of unworded regions; a held "uhhh" is shorter
MAX_WORDED_SHARE = 0.2  # a region whose words cover less than this share of it is unworded
PAD_S = 0.2             # audio kept on each side of the run when it is decoded again
EDGE_S = 0.05           # a word heard in the padding before the run is the end of the word before it
LATE_STAMP_S = (0.5, 2.0)  # how much earlier / later Whisper may have stamped a word it did write
EDGE_LATE_S = 0.5       # ... landing inside the run or this close after its end
# Whisper's own thresholds for "this was not speech" (faster-whisper's defaults for the
# fallback it no longer runs here): text below this log-probability with this no-speech
# probability, or far below it, is not trusted.
MIN_AVG_LOGPROB = -1.0
MAX_NO_SPEECH_PROB = 0.6
# The no-speech check is for a cough or a laugh the VAD took for speech. Over a long run it
# throws away real words: tiny.en's no-speech probability is one number for the whole clip and
# sat at 0.62 over 15 s of clear espeak speech (coverage heldout 019a066d: "Uh, hmm, hmm." for
# 0-15.7 s, re-decoded as 40 words at log-probability -0.53 and then rejected). A run with at
# least LONG_RUN_S of speech, re-decoded into words at a speaking rate (MIN_WORDS_PER_S over
# its speech; people say 2-3 words a second, a laugh written as "Thank you." over 5 s is 0.4),
# is words, and only the log-probability check applies to it.
LONG_RUN_S = 3.0
MIN_WORDS_PER_S = 1.0


def _worded(r: SpeechRegion, words: list[Word]) -> bool:
    """Whisper wrote a word in the region: one stamped in it, or covering a share of it. A
    region with a few words in it was heard, if badly; decoding it again would not be a repair
    (a child's "come on, give me a kiss" came back as made-up questions around the "a kiss?")."""
    if any(r.start <= (w.start + w.end) / 2 <= r.end for w in words):
        return True
    length = max(r.end - r.start, 1e-3)
    covered = sum(max(0.0, min(w.end, r.end) - max(w.start, r.start)) for w in words)
    return covered >= MAX_WORDED_SHARE * length


def dropped_runs(segments: list[Segment], regions: list[SpeechRegion]) -> list[tuple[float, float]]:
    """(start, end) of each run of consecutive speech regions that hold no words other than
    hesitations, with at least MIN_DROPPED_S of speech in it."""
    words = [w for s in segments for w in s.words if not is_hesitation(normalize(w.text))]
    runs: list[list[SpeechRegion]] = [[]]
    for r in regions:
        if _worded(r, words):
            runs.append([])
        else:
            runs[-1].append(r)
    return [(run[0].start, run[-1].end) for run in runs
            if run and sum(r.end - r.start for r in run) >= MIN_DROPPED_S]


def _speech_in(start: float, end: float, regions: list[SpeechRegion]) -> float:
    return sum(max(0.0, min(end, r.end) - max(start, r.start)) for r in regions)


def _written_already(heard: Word, written: list[Word], run_end: float) -> bool:
    """Whisper did write this word, stamped late: across the pause after it, inside the run or
    at its end (a question's "right?" stamped on the "Okay" said after the pause), so the
    word's own region looked unworded."""
    text = normalize(heard.text)
    return any(normalize(w.text) == text and w.start <= run_end + EDGE_LATE_S
               and -LATE_STAMP_S[0] <= w.start - heard.start <= LATE_STAMP_S[1] for w in written)


def _trusted(segment: Any, speech_like: bool = False) -> bool:
    """Whisper is sure of the segment; `speech_like`: the no-speech check is waived (see LONG_RUN_S)."""
    logprob = getattr(segment, "avg_logprob", 0.0) or 0.0
    no_speech = getattr(segment, "no_speech_prob", 0.0) or 0.0
    if logprob < MIN_AVG_LOGPROB:
        return False
    return speech_like or not (no_speech > MAX_NO_SPEECH_PROB and logprob < -0.5)


def _words_at_speaking_rate(segments: list[Any], speech_s: float) -> bool:
    """A long run re-decoded into enough words (hesitations aside) for its speech: see LONG_RUN_S."""
    if speech_s < LONG_RUN_S:
        return False
    words = [w for s in segments if (getattr(s, "avg_logprob", 0.0) or 0.0) >= MIN_AVG_LOGPROB
             for w in (s.words or []) if w.word.strip() and not is_hesitation(normalize(w.word))]
    return len(words) >= MIN_WORDS_PER_S * speech_s


def fill_dropped_speech(segments: list[Segment], regions: list[SpeechRegion], audio: np.ndarray,
                        model: Any, offset: float, options: dict[str, Any]) -> list[Segment]:
    """`segments` with the words of every dropped run (`dropped_runs`) decoded again without
    the hint; a hesitation Whisper had written over words heard now gives way to them."""
    from interviewer.adapters import decode_guards

    runs = dropped_runs(segments, regions)
    if not runs:
        return segments
    plain = {k: v for k, v in options.items() if k not in ("initial_prompt", "hotwords")}
    plain["word_timestamps"] = True
    written = [w for s in segments for w in s.words]
    added: list[Segment] = []
    for start, end in runs:
        first = max(0, int((start - PAD_S - offset) * SAMPLE_RATE))
        last = min(audio.size, int((end + PAD_S - offset) * SAMPLE_RATE))
        clip_offset = offset + first / SAMPLE_RATE
        heard = []
        decoded = decode_guards.decode(model, audio[first:last], plain)
        speech_like = _words_at_speaking_rate(decoded, _speech_in(start, end, regions))
        if speech_like and not all(_trusted(s) for s in decoded):
            log.info("%.1f-%.1f s: words at a speaking rate over a long run, no-speech check waived", start, end)
        for s in decoded:
            if not _trusted(s, speech_like):
                continue
            words = tuple(Word(w.word.strip(), round(clip_offset + w.start, 3), round(clip_offset + w.end, 3),
                               round(float(w.probability), 4))
                          for w in (s.words or []) if w.word.strip())
            words = tuple(w for w in words if start - EDGE_S <= (w.start + w.end) / 2 <= end + PAD_S
                          and not _written_already(w, written, end))
            if words:
                heard.append(Segment(" ".join(w.text for w in words), words[0].start, words[-1].end, words))
        if not any(not is_hesitation(normalize(w.text)) for s in heard for w in s.words):
            continue
        log.info("decoded %.1f-%.1f s again: Whisper had skipped it (%d words)", start, end,
                 sum(len(s.words) for s in heard))
        added.extend(heard)
    if not added:
        return segments
    heard_words = [w for s in added for w in s.words]

    def replaced(w: Word) -> bool:  # a hint-made "Um," stamped over the words heard now
        return is_hesitation(normalize(w.text)) and any(
            min(w.end, h.end) - max(w.start, h.start) > -0.05 for h in heard_words)

    kept = []
    for s in segments:
        words = tuple(w for w in s.words if not replaced(w))
        if words == s.words:
            kept.append(s)
        elif words:
            kept.append(Segment(" ".join(w.text for w in words), words[0].start, words[-1].end, words))
    return _in_time_order(kept + added)


# A segment whose words are far too few for the speech under it: Whisper wrote something else
# over clear speech, or skipped most of it. On the speech bench blind15 (a Scottish espeak voice)
# the hinted decode wrote "So, I'm going to go ahead and see you guys in the next video." over
# the first 16 s of an answer, 14 words over 12.1 s of speech, one of them stamped over 4 s,
# where the rest of the answer ran at 3.3-4.1 words a second; the question it held was lost.
# People say 2-3 words a second of speech (pauses are not speech); a held "uhhh" is a hesitation
# and not counted. Such a segment is decoded again without the hint, and the new words are
# taken only if Whisper is sure of them and they are many more (SPARSE_GAIN) at a speaking rate.
SPARSE_WORDS_PER_S = 1.5
SPARSE_GAIN = 2.0
# ...and no more than people can say: a slow, affected "Montreal... forced... aligner" (human
# speech tune, mfa_long) came back as "M -A -T -R -O -F -O -F ..." a hundred times.
MAX_WORDS_PER_S = 5.0


# The hint written over the first words of speech: "Uh, hmm, hmm, hmm." stamped over 1.1 s of
# "Attention lets each token..." (blind22 b22_21, a Scottish voice; blind9 b9_04 the same with
# five), the speech going on into the next segment. Hesitations said one after another take
# longer: each one and the break after it (the human clips' stacked "uh, um, uh" and blind12's
# six "hmm"s over 5 s with silence between). A segment of HINT_RUN or more hesitations only,
# faster than HINT_RUN_MAX_S each, over speech, is decoded again like a sparse one.
HINT_RUN = 3
HINT_RUN_MAX_S = 0.45


def _hint_written_over_speech(s: Segment, speech: float) -> bool:
    if len(s.words) < HINT_RUN or not all(is_hesitation(normalize(w.text)) for w in s.words):
        return False
    span = s.words[-1].end - s.words[0].start
    # No speech under the run is nothing written over speech ("hmm, hmm, hmm." all stamped at
    # one instant where the detector heard none, blind42: it was re-decoded into no words).
    return speech > 0 and span < HINT_RUN_MAX_S * len(s.words) and speech >= 0.8 * span


def sparse_segments(segments: list[Segment], regions: list[SpeechRegion]) -> list[int]:
    """Indices of the segments with at least LONG_RUN_S of speech under them and fewer than
    SPARSE_WORDS_PER_S words (hesitations aside) per second of it, or a run of hesitations
    written over speech faster than anyone says them (_hint_written_over_speech)."""
    out = []
    for i, s in enumerate(segments):
        speech = _speech_in(s.start, s.end, regions)
        words = [w for w in s.words if not is_hesitation(normalize(w.text))]
        if ((speech >= LONG_RUN_S and len(words) < SPARSE_WORDS_PER_S * speech)
                or _hint_written_over_speech(s, speech)):
            out.append(i)
    return out


def redecode_sparse_segments(segments: list[Segment], regions: list[SpeechRegion], audio: np.ndarray,
                             model: Any, offset: float, options: dict[str, Any]) -> list[Segment]:
    """`segments` with each sparse one (`sparse_segments`) replaced by what Whisper hears there
    without the hint, when that is trusted and holds SPARSE_GAIN times the words, at a speaking
    rate; otherwise left as it was."""
    from interviewer.adapters import decode_guards

    sparse = sparse_segments(segments, regions)
    if not sparse:
        return segments
    plain = {k: v for k, v in options.items() if k not in ("initial_prompt", "hotwords")}
    plain["word_timestamps"] = True
    out = list(segments)
    for i in sparse:
        s = segments[i]
        first = max(0, int((s.start - PAD_S - offset) * SAMPLE_RATE))
        last = min(audio.size, int((s.end + PAD_S - offset) * SAMPLE_RATE))
        clip_offset = offset + first / SAMPLE_RATE
        speech = _speech_in(s.start, s.end, regions)
        decoded = decode_guards.decode(model, audio[first:last], plain)
        if any(decode_guards.loops(d) or not _trusted(d, speech_like=True) for d in decoded):
            continue  # a loop or a guess is no better than what was there
        words = tuple(
            Word(w.word.strip(), round(clip_offset + w.start, 3), round(clip_offset + w.end, 3), round(float(w.probability), 4))
            for d in decoded for w in (d.words or []) if w.word.strip())
        words = tuple(w for w in words if s.start - EDGE_S <= (w.start + w.end) / 2 <= s.end + PAD_S)
        new = [w for w in words if not is_hesitation(normalize(w.text))]
        old = [w for w in s.words if not is_hesitation(normalize(w.text))]
        if new and max(SPARSE_GAIN * len(old), MIN_WORDS_PER_S * speech) <= len(new) <= MAX_WORDS_PER_S * speech:
            log.info("%.1f-%.1f s decoded again: %d words over %.1f s of speech, now %d", s.start, s.end,
                     len(old), speech, len(new))
            out[i] = Segment(" ".join(w.text for w in words), words[0].start, words[-1].end, words)
    return _in_time_order(out) if out != segments else segments


def _in_time_order(segments: list[Segment]) -> list[Segment]:
    """The segments' words in order of time, each segment cut where another's words fall
    inside it (Whisper may stamp a skipped run's neighbour word at its far side)."""
    tagged = sorted(((w, k) for k, s in enumerate(segments) for w in s.words), key=lambda x: x[0].start)
    out: list[Segment] = []
    run: list[Word] = []
    for i, (word, k) in enumerate(tagged):
        run.append(word)
        if i + 1 == len(tagged) or tagged[i + 1][1] != k:
            whole = segments[k].words == tuple(run)
            out.append(segments[k] if whole else Segment(" ".join(w.text for w in run), run[0].start, run[-1].end, tuple(run)))
            run = []
    return out + [s for s in segments if not s.words]


# The last word of a window, said just before the speech ends, is lost when faster-whisper's VAD
# filter clips the audio SPEECH_PAD (its speech_pad_ms, 200 ms) after the speech: Whisper drops a
# word that runs up to the very end of what it is given. Trial19: an answer ended on silence read
# "...human relevance judgments for" where the recording, and the same words in a longer window,
# have "...for evaluation." (the last 0.66 s of speech without words). Speech running on
# TAIL_UNWORDED_S past the last word written is decoded again with more audio after it
# (TAIL_PAD_MS), and the words heard after the last one written are put in. Shorter unworded
# tails are a word's fading end (word times are off by ~0.1 s).
TAIL_UNWORDED_S = 0.3
TAIL_PAD_MS = 400


def fill_unworded_tail(segments: list[Segment], regions: list[SpeechRegion], audio: np.ndarray,
                       model: Any, offset: float, options: dict[str, Any]) -> list[Segment]:
    """`segments` with the words of the window's last speech that no word covers (see
    TAIL_UNWORDED_S), from a decode of the same audio whose VAD filter keeps more after it."""
    from interviewer.adapters import decode_guards

    written = [w for s in segments for w in s.words]
    if not regions or not written or not options.get("vad_filter"):
        return segments
    last_end, speech_end = written[-1].end, regions[-1].end
    if speech_end - last_end < TAIL_UNWORDED_S or _speech_in(last_end, speech_end, regions) < TAIL_UNWORDED_S:
        return segments
    vad = dict(options.get("vad_parameters") or {})
    if vad.get("speech_pad_ms", 400) >= TAIL_PAD_MS:
        return segments
    wider = {**options, "word_timestamps": True, "vad_parameters": {**vad, "speech_pad_ms": TAIL_PAD_MS}}
    heard: list[Word] = []
    for s in decode_guards.decode(model, audio, wider):
        if not _trusted(s):
            continue
        for w in s.words or []:
            word = Word(w.word.strip(), round(offset + w.start, 3), round(offset + w.end, 3),
                        round(float(w.probability), 4))
            # After the last word written (its middle, as stamps shift) and within the speech.
            if word.text and last_end < (word.start + word.end) / 2 <= speech_end + PAD_S:
                heard.append(word)
    # The last word written, stamped later this time, is not a new word.
    if heard and normalize(heard[0].text) == normalize(written[-1].text):
        heard = heard[1:]
    if not any(not is_hesitation(normalize(w.text)) for w in heard):
        return segments
    log.info("decoded the last %.2f s of speech again: its words were missing (%d words)",
             speech_end - last_end, len(heard))
    heard = [replace(w, start=max(w.start, last_end)) for w in heard]
    tail = tuple(heard)
    return segments + [Segment(" ".join(w.text for w in tail), tail[0].start, tail[-1].end, tail)]
