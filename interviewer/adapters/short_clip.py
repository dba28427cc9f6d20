"""Decode a clip of a second or so with Whisper's encoder run on the clip's length only.

faster-whisper pads every input to a 30 s window (3000 mel frames) before the encoder, so
decoding a 0.7 s sound costs as much as 30 s of speech: about 0.3-0.45 s on 2 cores with
tiny.en. The hesitation repair (adapters/hesitations.py) decodes many such sounds, several of
them after the answer has ended. CTranslate2's Whisper encoder accepts a shorter input: the
clip's own frames encode in a few milliseconds. The decode is otherwise faster-whisper's
own for one window with temperature 0 (`generate_with_fallback` with one temperature, then
the no-speech check of `generate_segments`): same prompt, suppressed tokens and scores; at
3000 frames it returns what `transcribe` returns (a test checks this).

What Whisper hears in the short window is not identical to the padded one (7 of 110 sounds
the repair decoded in human and espeak speech got the other decision), but the hesitation
scores measured end to end did not move (docs/analysis.md, "Short-window re-decodes").
"""
from __future__ import annotations

from typing import Any

import numpy as np

NO_SPEECH_THRESHOLD = 0.6  # faster-whisper's defaults for the no-speech skip
LOG_PROB_THRESHOLD = -1.0


def faster_whisper_model(model: Any) -> Any | None:
    """The faster-whisper model under `model` (which may wrap it, as decode_guards'
    StopAfterSpeech does), or None for anything else (a test's fake)."""
    from faster_whisper import WhisperModel

    while not isinstance(model, WhisperModel):
        model = getattr(model, "inner_model", None)
        if model is None:
            return None
    return model


def decode_short(model, clip: np.ndarray, *, hotwords: str | None = None, max_new_tokens: int = 6,
                 frames: int | None = None) -> tuple[str, float]:
    """(text, mean token log-probability) of `clip` decoded as one window of `frames` mel
    frames (default: the clip's own length, rounded up to an even count), English, greedy,
    without timestamps. Text skipped as no speech comes back as ("", 0.0), as a segment
    faster-whisper drops would."""
    from faster_whisper.tokenizer import Tokenizer
    from faster_whisper.transcribe import get_suppressed_tokens

    features = model.feature_extractor(clip)[:, :-1]  # faster-whisper leaves out the last frame
    n = features.shape[-1] if frames is None else frames
    n += n % 2  # the encoder's strided convolution halves the frames
    if features.shape[-1] < n:
        features = np.pad(features, ((0, 0), (0, n - features.shape[-1])))
    encoder_output = model.encode(features[:, :n])
    tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language="en")
    prompt = model.get_prompt(tokenizer, [], without_timestamps=True, hotwords=hotwords)
    result = model.model.generate(
        encoder_output, [prompt], beam_size=1, patience=1, length_penalty=1, repetition_penalty=1,
        no_repeat_ngram_size=0, max_length=len(prompt) + max_new_tokens, return_scores=True,
        return_no_speech_prob=True, suppress_blank=True, suppress_tokens=get_suppressed_tokens(tokenizer, [-1]),
        max_initial_timestamp_index=int(round(1.0 / model.time_precision)))[0]
    tokens = result.sequences_ids[0]
    avg_logprob = result.scores[0] * len(tokens) / (len(tokens) + 1)
    if result.no_speech_prob > NO_SPEECH_THRESHOLD and avg_logprob < LOG_PROB_THRESHOLD:
        return "", 0.0
    return tokenizer.decode([t for t in tokens if t < tokenizer.eot]).strip(), avg_logprob
