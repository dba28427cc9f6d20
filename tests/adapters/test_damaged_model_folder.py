"""A speech model folder that has a model.bin but cannot be loaded (damaged, cut short, from
another CTranslate2 version, or without its vocabulary): one line naming the folder and what
CTranslate2 said. Before, `interviewer transcribe AUDIO --model FOLDER` (and the app's model
chosen in Settings) stopped with CTranslate2's RuntimeError and a traceback."""
import shutil

import numpy as np
import pytest
import soundfile as sf

from interviewer.adapters.models import ModelNotFound
from interviewer.adapters.transcription import default_model_path, load_model


def _folder(tmp_path, how):
    folder = tmp_path / how
    folder.mkdir()
    bundled = default_model_path()
    if how == "garbage":
        (folder / "model.bin").write_bytes(b"not a model " * 100)
        (folder / "config.json").write_text("{}")
    elif how == "cut_short":
        for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
            if (bundled / name).exists():
                shutil.copy(bundled / name, folder / name)
        with open(bundled / "model.bin", "rb") as src:
            (folder / "model.bin").write_bytes(src.read(1_000_000))
    else:  # the weights alone, no vocabulary
        shutil.copy(bundled / "model.bin", folder / "model.bin")
    return folder


@pytest.mark.parametrize("how", ["garbage", "cut_short", "no_vocabulary"])
def test_loading_names_the_folder(tmp_path, how):
    folder = _folder(tmp_path, how)
    with pytest.raises(ModelNotFound) as caught:
        load_model(folder)
    message = str(caught.value)
    assert message.startswith(f"{folder}: cannot load this speech model (") and "\n" not in message


def test_the_command_says_it_in_one_line(tmp_path, capsys):
    from interviewer.cli import main

    audio = tmp_path / "a.wav"
    sf.write(audio, np.zeros(1600, dtype=np.float32), 16000)
    folder = _folder(tmp_path, "garbage")
    assert main(["transcribe", str(audio), "--model", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith(f"interviewer: {folder}: cannot load this speech model (")
