import numpy as np
import soundfile as sf

from interviewer.storage.wav_writer import CrashSafeWavWriter, repair_wav


def test_written_audio_reads_back(tmp_path):
    tone = np.sin(np.linspace(0, 2000, 16000 * 2)).astype(np.float32) * 0.5
    with CrashSafeWavWriter(tmp_path / "a.wav", fsync=False) as w:
        for chunk in np.array_split(tone, 7):
            w.write(chunk)
    data, rate = sf.read(tmp_path / "a.wav", dtype="float32")
    assert rate == 16000 and len(data) == len(tone)
    assert np.max(np.abs(data - tone)) < 1e-3


def test_unclosed_file_is_playable_up_to_last_flush(tmp_path):
    path = tmp_path / "b.wav"
    w = CrashSafeWavWriter(path, flush_seconds=0.0, fsync=False)
    w.write(np.full(16000, 0.25, dtype=np.float32))
    w._file.write(b"\x01")  # a torn half-sample, as a kill mid-write leaves
    w._file.flush()
    seconds = repair_wav(path)  # never closed: as after a SIGKILL
    assert seconds == 1.0
    data, _ = sf.read(path, dtype="float32")
    assert len(data) == 16000
