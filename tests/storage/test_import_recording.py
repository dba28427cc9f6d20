"""Importing a recorded mock interview: transcribed by the real tiny.en in bounded steps with
progress, then stored as a round to review, play and export. A cancel or a failure leaves
nothing behind, and the original file is never changed."""
import shutil
import subprocess
import threading

import pytest
import soundfile as sf

from interviewer.app.import_recording import IMPORTED_KIND, import_recording
from interviewer.app.real_adapters import transcribe_file
from interviewer.errors import Cancelled, UserError
from interviewer.export import export_session
from speech_oracle import MIN_RECALL, recall_of

SENTENCES = ["Um, so the first thing I would do is ask about the scale of the system.",
             "Then I would build a simple baseline that ranks the posts by how recent they are.",
             "After that I would add a model that predicts whether the user will click on a post.",
             "Finally I would measure the watch time in an online test before a full launch."]
SPOKEN = " ".join(SENTENCES * 2)


@pytest.fixture(scope="module")
def model():
    from interviewer.adapters.transcription import load_model

    return load_model(None)


@pytest.fixture(scope="module")
def interview_flac(tmp_path_factory):
    """About 45 s of speech as 22.05 kHz FLAC (not the app's own format: it is converted)."""
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed (apt install espeak-ng)", pytrace=False)
    folder = tmp_path_factory.mktemp("import")
    wav = folder / "speech.wav"
    text = " <break time='1500ms'/> ".join(SENTENCES * 2)
    subprocess.run(["espeak-ng", "-m", "-s", "145", "-w", str(wav), f"<speak>{text}</speak>"], check=True, timeout=120)
    audio, rate = sf.read(wav, dtype="float32")
    flac = folder / "mock interview.flac"
    sf.write(flac, audio, rate, format="FLAC")
    assert sf.info(flac).duration > 30  # two chunks for the file transcriber
    return flac


def _steps(model):
    return lambda path, progress, cancel: transcribe_file(path, model, on_progress=progress, cancel=cancel)


def _nothing_stored(store):
    return store.list_sessions() == [] and not any(p.is_file() for p in store.data_dir.rglob("*.wav"))


def test_an_imported_recording_becomes_a_round_to_review(store, interview_flac, model, tmp_path):
    before = interview_flac.read_bytes()
    seen = []
    sid = import_recording(store, interview_flac, _steps(model), progress=lambda d, t: seen.append((d, t)))
    duration = sf.info(interview_flac).duration
    sizing = [d for d, t in seen if t > 0]
    assert len(sizing) >= 3 and sizing == sorted(sizing) and sizing[0] == 0 and sizing[-1] == pytest.approx(duration, abs=0.05)
    assert seen[-1] == (0, 0)  # saving: busy
    session = store.get_session(sid)
    assert session.kind == IMPORTED_KIND and session.status == "completed" and len(session.answers) == 1
    answer = session.answers[0]
    assert recall_of(SPOKEN, answer.transcript.text) >= MIN_RECALL, answer.transcript.text
    assert answer.analysis["pace"]["words"] > 50 and answer.analysis["response_latency"] is None
    copy = store.audio_file(answer.audio_path)
    info = sf.info(copy)
    assert info.samplerate == 16000 and info.channels == 1 and info.duration == pytest.approx(duration, abs=0.05)
    assert answer.answer_end == pytest.approx(duration, abs=0.05)
    assert interview_flac.read_bytes() == before  # only read
    md = export_session(store, sid, "md", tmp_path / "imported.md").path.read_text()
    assert "Imported recording: mock interview.flac" in md and recall_of(SPOKEN, md) >= MIN_RECALL


def test_a_cancelled_import_stops_transcribing_and_leaves_nothing(store, interview_flac, model):
    cancel, seen = threading.Event(), []

    def progress(done, total):
        seen.append(done)
        if done > 0:
            cancel.set()  # after the first chunk
    with pytest.raises(Cancelled):
        import_recording(store, interview_flac, _steps(model), progress=progress, cancel=cancel)
    assert len([d for d in seen if d > 0]) == 1  # the next chunk was not decoded
    assert _nothing_stored(store)


def test_a_failure_while_saving_removes_the_half_made_round(store, interview_flac, model, tmp_path):
    broken = tmp_path / "broken.flac"
    shutil.copy(interview_flac, broken)

    def transcribe_then_lose_the_file(path, progress, cancel):
        transcript = transcribe_file(path, model, on_progress=progress, cancel=cancel)
        broken.write_bytes(broken.read_bytes()[:2000])  # the drive went away mid-import
        return transcript
    with pytest.raises(UserError):
        import_recording(store, broken, transcribe_then_lose_the_file)
    assert _nothing_stored(store)


@pytest.mark.parametrize("name,content", [("missing.wav", None), ("notes.wav", b"not audio at all")])
def test_a_bad_file_is_a_clear_error(store, model, tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UserError, match=name):
        import_recording(store, path, _steps(model))
    assert _nothing_stored(store)


def test_an_empty_recording_is_refused_not_imported_as_an_empty_round(store, model, tmp_path):
    """A WAV with a header and no samples was imported ("Imported header.wav.") as a round
    with nothing in it."""
    empty = tmp_path / "header.wav"
    sf.write(empty, [], 16000, format="WAV", subtype="PCM_16")
    with pytest.raises(UserError, match=r"header\.wav: the recording is empty \(0\.0 s of audio\)"):
        import_recording(store, empty, _steps(model))
    assert _nothing_stored(store)
