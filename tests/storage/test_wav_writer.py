import pytest
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


@pytest.mark.parametrize("kept", [0, 4, 20, 43])
def test_repair_of_a_header_cut_short_by_a_kill_gives_an_empty_playable_wav(tmp_path, kept):
    # A SIGKILL between creating the file and finishing its header leaves a prefix of the header.
    path = tmp_path / "a.wav"
    writer = CrashSafeWavWriter(path)
    writer.close()
    path.write_bytes(path.read_bytes()[:kept])
    assert repair_wav(path) == 0.0
    assert sf.info(path).frames == 0


def test_repair_refuses_a_short_file_that_is_not_our_header(tmp_path):
    path = tmp_path / "a.wav"
    path.write_bytes(b"ID3\x03")
    with pytest.raises(ValueError, match="not a WAV file"):
        repair_wav(path)
    assert path.read_bytes() == b"ID3\x03"  # kept as it is for the user to look at
