"""A float WAV holding NaN or infinite samples (a damaged file, or one written by a buggy tool):
the samples are read as silence. Before, numpy printed RuntimeWarnings with library paths in
the middle of `interviewer transcribe` (invalid value in rfft / matmul), the NaNs blanked the
Whisper features of the window around them, and an imported copy (copy_as_wav) got full-scale
clicks where they were."""
import warnings

import numpy as np
import soundfile as sf

from interviewer.adapters.audio_files import copy_as_wav
from interviewer.adapters.long_audio import open_audio
from interviewer.adapters.resample import to_mono
from interviewer.core.audio_format import SAMPLE_RATE


def _damaged(path, rate=SAMPLE_RATE, channels=1):
    t = np.arange(2 * rate) / rate
    tone = (0.25 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    tone[1000:1400] = np.nan
    tone[5000] = np.inf
    tone[7000] = -np.inf
    sf.write(path, np.tile(tone[:, None], (1, channels)), rate, subtype="FLOAT")
    return path


def test_to_mono_turns_nan_and_inf_into_silence():
    block = np.array([[0.1, np.nan], [np.inf, 0.2], [0.3, 0.3]], dtype=np.float32)
    assert to_mono(block).tolist() == [0.0, 0.0, np.float32(0.3)]
    assert to_mono(np.array([np.nan, 0.5, -np.inf], dtype=np.float32)).tolist() == [0.0, 0.5, 0.0]


def test_reading_a_damaged_float_wav_gives_finite_samples_without_warnings(tmp_path):
    for rate, channels in ((SAMPLE_RATE, 1), (48_000, 2)):
        path = _damaged(tmp_path / f"damaged-{rate}.wav", rate, channels)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            audio = np.concatenate(list(open_audio(path).blocks()))
        assert np.isfinite(audio).all()
        assert abs(audio.size / SAMPLE_RATE - 2.0) < 0.01
        assert np.abs(audio).max() < 0.3


def test_an_imported_copy_has_no_clicks_where_the_file_was_damaged(tmp_path):
    path = _damaged(tmp_path / "damaged.wav")
    seconds = copy_as_wav(path, tmp_path / "copy.wav")
    copy, _ = sf.read(tmp_path / "copy.wav", dtype="float32")
    assert abs(seconds - 2.0) < 0.01
    assert np.abs(copy).max() < 0.3  # was 1.0 (full scale) at the NaN samples


def test_transcribing_it_prints_no_warnings(tmp_path, whisper_model):
    from interviewer.adapters.transcription import transcribe

    path = _damaged(tmp_path / "damaged.wav")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        transcript = transcribe(path, whisper_model)
    assert transcript.duration == 2.0
