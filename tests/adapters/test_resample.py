"""Resampling device audio to 16 kHz with soxr: no aliasing, speech band intact, streaming
equal to one pass, and little held back."""
from __future__ import annotations

import numpy as np
import pytest

from interviewer.adapters.resample import StreamResampler, resample
from interviewer.core.audio_format import SAMPLE_RATE


def tone(freq: float, rate: int, seconds: float = 2.0, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def in_blocks(resampler: StreamResampler, audio: np.ndarray, sizes) -> np.ndarray:
    out, i = [], 0
    for n in sizes:
        if i >= audio.size:
            break
        out.append(resampler.process(audio[i:i + n]))
        i += n
    assert i >= audio.size, "the block sizes do not cover the audio"
    return np.concatenate(out + [resampler.flush()])


def db(out: np.ndarray, reference: np.ndarray) -> float:
    """Level of `out` relative to `reference`, both RMS, in dB (-300 for digital silence)."""
    rms_out = np.sqrt(np.mean(np.square(out, dtype=np.float64)))
    rms_ref = np.sqrt(np.mean(np.square(reference, dtype=np.float64)))
    return 20 * np.log10(rms_out / rms_ref) if rms_out > 0 else -300.0


@pytest.mark.parametrize("source_rate", [48000, 44100])
@pytest.mark.parametrize("freq", [10000, 12000])
def test_tones_above_8khz_do_not_fold_back(source_rate, freq):
    # Measured with soxr "HQ" (0.1 s blocks, edges left out): 10 kHz -137 dB, 12 kHz -229 dB
    # from 48 kHz; -143 dB for both from 44.1 kHz. The linear interpolator soxr replaced let
    # them through at -6 dB and -9.5 dB (48 kHz), -9 dB and -14 dB (44.1 kHz).
    audio = tone(freq, source_rate)
    out = in_blocks(StreamResampler(source_rate, SAMPLE_RATE), audio, [source_rate // 10] * 30)
    steady = out[SAMPLE_RATE // 10: -SAMPLE_RATE // 10]
    assert db(steady, audio) < -100


@pytest.mark.parametrize("source_rate", [48000, 44100, 22050])
def test_a_1khz_tone_passes_at_its_amplitude_and_pitch(source_rate):
    audio = tone(1000, source_rate)
    out = in_blocks(StreamResampler(source_rate, SAMPLE_RATE), audio, [source_rate // 10] * 30)
    steady = out[SAMPLE_RATE // 10: SAMPLE_RATE // 10 + SAMPLE_RATE]  # 1 s: 1 Hz per FFT bin
    assert db(steady, audio) == pytest.approx(0.0, abs=0.05)
    assert np.argmax(np.abs(np.fft.rfft(steady))) == 1000
    # In time with the input: the output is the same tone from its first sample, not delayed.
    expected = tone(1000, SAMPLE_RATE)[SAMPLE_RATE // 10: SAMPLE_RATE // 10 + SAMPLE_RATE]
    np.testing.assert_allclose(steady, expected, atol=1e-3)


def test_speech_band_is_flat_up_to_7khz():
    for freq in (100, 300, 3000, 7000):
        audio = tone(freq, 48000)
        out = resample(audio, 48000, SAMPLE_RATE)[1600:-1600]
        assert db(out, audio) == pytest.approx(0.0, abs=0.2), freq


@pytest.mark.parametrize("source_rate", [48000, 44100, 22050, 8000])
def test_irregular_blocks_give_the_one_pass_result_and_the_right_length(source_rate):
    rng = np.random.default_rng(source_rate)
    audio = (0.3 * rng.standard_normal(2 * source_rate + 17)).astype(np.float32)
    sizes = rng.integers(1, 5000, size=audio.size).tolist()  # 1 to 4999 samples, mostly odd
    streamed = in_blocks(StreamResampler(source_rate, SAMPLE_RATE), audio, sizes)
    whole = resample(audio, source_rate, SAMPLE_RATE)
    assert abs(streamed.size - audio.size * SAMPLE_RATE / source_rate) <= 1
    assert streamed.size == whole.size
    np.testing.assert_allclose(streamed, whole, atol=1e-5)


def test_flush_ends_one_stream_and_the_next_starts_afresh():
    audio = tone(440, 48000, seconds=0.5)
    resampler = StreamResampler(48000, SAMPLE_RATE)
    first = np.concatenate([resampler.process(audio), resampler.flush()])
    second = np.concatenate([resampler.process(audio), resampler.flush()])
    np.testing.assert_array_equal(first, second)
    assert first.size == audio.size // 3
    assert resampler.flush().size == 0  # nothing held back after a flush


@pytest.mark.parametrize("source_rate", [48000, 44100])
def test_little_is_held_back_while_streaming(source_rate):
    # Measured with "HQ" over 10 s in 0.1 s blocks: at most 37 ms (48 kHz) and 40 ms
    # (44.1 kHz) held back, 21-23 ms on average. That much of an answer's end waits for the
    # next block or for flush() (Microphone.stop flushes). Live transcription and the level
    # meter lag the microphone by that much at most.
    resampler = StreamResampler(source_rate, SAMPLE_RATE)
    audio = tone(440, source_rate, seconds=5.0)
    block = source_rate // 10
    produced, held_ms = 0, []
    for i in range(0, audio.size, block):
        produced += resampler.process(audio[i:i + block]).size
        held = (i + block) * SAMPLE_RATE / source_rate - produced
        assert held == pytest.approx(resampler.delay, abs=1)
        held_ms.append(held / SAMPLE_RATE * 1000)
    assert 0 < max(held_ms) <= 50
    assert 10 <= np.mean(held_ms) <= 30


def test_same_rate_is_passed_through_and_bad_rates_refused():
    audio = tone(440, SAMPLE_RATE, seconds=0.1)
    resampler = StreamResampler(SAMPLE_RATE, SAMPLE_RATE)
    np.testing.assert_array_equal(resampler.process(audio), audio)
    assert resampler.flush().size == 0 and resampler.delay == 0
    np.testing.assert_array_equal(resample(audio, SAMPLE_RATE, SAMPLE_RATE), audio)
    with pytest.raises(ValueError, match="must be positive"):
        StreamResampler(0, SAMPLE_RATE)
    with pytest.raises(ValueError, match="must be positive"):
        resample(audio, 48000, -1)
