"""An audio file that cannot be read: one plain line naming the file, without the audio
libraries' error numbers ("[Errno 1094995529]", found by a new-user run importing a bad file),
class names or the path said twice. Real soundfile and PyAV."""
from __future__ import annotations

import re

import numpy as np
import pytest
import soundfile as sf

from interviewer.adapters.audio_files import copy_as_wav
from interviewer.adapters.long_audio import open_audio
from interviewer.errors import UserError

BAD = {
    "garbage.wav": b"RIFF\x00\x00\x00\x00WAVEjunk" * 20,   # a WAV header and nothing usable
    "text.mp3": b"this is a text file, not a recording\n" * 10,
}


def _plain(message: str, path) -> None:
    assert message.startswith(f"{path}: cannot read as audio ("), message
    assert "Errno" not in message and not re.search(r"\d{5,}", message), message
    assert not re.search(r"\b\w+Error\b", message), message  # no exception class names
    assert message.count(str(path)) == 1 and "\n" not in message, message


@pytest.mark.parametrize("name", BAD)
def test_an_unreadable_file_is_one_plain_line(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD[name])
    with pytest.raises(UserError) as failure:
        open_audio(path)
    _plain(str(failure.value), path)


@pytest.mark.parametrize("name", ["empty.wav", "empty.m4a"])
def test_an_empty_file_is_called_empty(tmp_path, name):
    """A new-user trial: a zero-byte WAV got "cannot read as audio (Invalid data found when
    processing input)"."""
    from interviewer.adapters.transcription import load_audio

    path = tmp_path / name
    path.write_bytes(b"")
    for read in (open_audio, load_audio):
        with pytest.raises(UserError) as failure:
            read(path)
        assert str(failure.value) == f"{path}: the file is empty (0 bytes): nothing was recorded in it"


def test_importing_a_file_cut_short_after_its_header_is_one_plain_line(tmp_path):
    good = tmp_path / "good.flac"
    sf.write(good, np.zeros(16000 * 3, dtype=np.float32), 16000)
    cut = tmp_path / "cut.flac"
    cut.write_bytes(good.read_bytes()[: 200])  # the header says 3 s; the audio is gone
    with pytest.raises(UserError) as failure:
        copy_as_wav(cut, tmp_path / "out.wav")
    _plain(str(failure.value), cut)
