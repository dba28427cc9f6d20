"""The transcription adapter: offline model loading, VAD speech regions, hesitation recovery."""
from __future__ import annotations

import shutil
from pathlib import Path
import subprocess
from types import SimpleNamespace

import numpy as np
import pytest

from interviewer.adapters.hesitations import fix_hesitations, spectral_flux
from interviewer.adapters.transcription import (DECODE_OPTIONS, HESITATION_HINT, ModelNotFound, decode_options,
                                                load_model, transcribe)
from interviewer.core.analysis.fillers import is_hesitation
from interviewer.core.analysis.tokens import normalize
from interviewer.adapters.vad import speech_regions
from interviewer.core.audio_format import SAMPLE_RATE as RATE
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word
from interviewer.errors import UserError
from speech_oracle import MIN_RECALL, recall_of


@pytest.fixture(scope="session")
def tiny_model():
    return load_model()


def espeak(text: str, tmp_path) -> np.ndarray:
    from faster_whisper import decode_audio

    assert shutil.which("espeak-ng"), "espeak-ng is a system requirement (bootstrap.sh installs it)"
    wav = tmp_path / "s.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav), text], check=True)
    audio = decode_audio(str(wav), sampling_rate=RATE)
    loud = np.flatnonzero(np.abs(audio) > 0.01)
    return audio[loud[0]: loud[-1] + 1]


def test_model_folder_that_is_not_a_model(tmp_path):
    with pytest.raises(ModelNotFound, match="not a CTranslate2 Whisper model folder"):
        load_model(tmp_path)
    assert issubclass(ModelNotFound, UserError)


def test_model_name_not_on_disk_says_how_to_get_it(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))  # an empty cache
    with pytest.raises(ModelNotFound, match="not on this machine.*huggingface-cli download"):
        load_model("small.en")
    with pytest.raises(ModelNotFound, match="unknown speech model"):
        load_model("no-such-model")


def test_model_names_in_messages_are_the_ones_settings_offers(monkeypatch, tmp_path):
    """A new-user trial: `--model nosuch` listed faster-whisper's names, large-v3 among them, and
    `--model large-v3` then said "Download it in Settings", which does not offer it."""
    from interviewer.adapters import models

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    with pytest.raises(ModelNotFound) as unknown:
        load_model("no-such-model")
    assert "large-v3" not in str(unknown.value)
    assert all(m.name in str(unknown.value) for m in models.CATALOG)
    with pytest.raises(ModelNotFound) as elsewhere:
        load_model("large-v3")
    assert "Settings does not offer it" in str(elsewhere.value) and "in Settings (" not in str(elsewhere.value)
    with pytest.raises(ModelNotFound) as offered:
        load_model("small.en")
    assert "Download it in Settings" in str(offered.value)


def test_decode_variants():
    assert decode_options() == DECODE_OPTIONS and "hotwords" not in decode_options()
    assert decode_options("hotwords")["hotwords"] == HESITATION_HINT and "initial_prompt" not in decode_options("hotwords")
    # The hint holds hesitations only: lexical fillers in it get invented by the model.
    assert all(is_hesitation(normalize(w)) for w in HESITATION_HINT.split())
    assert "hotwords" not in decode_options("plain") and "initial_prompt" not in decode_options("plain")
    with pytest.raises(ValueError):
        decode_options("loud")


def test_vad_measures_an_exact_silence(tmp_path):
    hello, bye = espeak("Hello there, this is a test.", tmp_path), espeak("And this is the end.", tmp_path)
    gap = np.zeros(int(1.7 * RATE), np.float32)
    audio = np.concatenate([np.zeros(RATE // 2, np.float32), hello, gap, bye, np.zeros(RATE // 2, np.float32)])
    regions = speech_regions(audio, offset=100.0)
    silence_start = 100.0 + 0.5 + len(hello) / RATE
    gaps = [(a.end, b.start) for a, b in zip(regions, regions[1:]) if b.start - a.end > 1.0]
    [(start, end)] = gaps
    assert abs(start - silence_start) < 0.1 and abs(end - (silence_start + 1.7)) < 0.1
    assert regions[0].start == pytest.approx(100.5, abs=0.1)
    assert speech_regions(np.zeros(100, np.float32)) == []


def test_transcribe_gives_words_and_regions_with_offset(tiny_model, tmp_path):
    said = "Can I assume the input fits in memory?"
    audio = np.concatenate([np.zeros(RATE // 2, np.float32), espeak(said, tmp_path), np.zeros(RATE // 2, np.float32)])
    t = transcribe(audio, tiny_model, offset=30.0)
    assert recall_of(said, t.text) >= MIN_RECALL, t.text
    assert t.words and all(30.0 <= w.start <= w.end <= 30.0 + t.duration + 0.01 for w in t.words)
    assert t.speech and t.speech[0].start >= 30.4
    assert t.duration == pytest.approx(len(audio) / RATE, abs=0.001)


class FakeModel:
    """Answers every re-decode with the given text and records the clips it was given."""

    def __init__(self, text: str):
        self.text, self.clips = text, []

    def transcribe(self, clip, **options):
        self.clips.append((len(clip), options))
        return [SimpleNamespace(text=self.text)], None


def _hum_then_words():
    t = np.arange(int(0.3 * RATE)) / RATE
    hum = (0.3 * np.sin(2 * np.pi * 140 * t)).astype(np.float32)  # a held "mmm": steady spectrum
    audio = np.zeros(3 * RATE, np.float32)
    audio[int(0.5 * RATE): int(0.8 * RATE)] = hum
    words = (Word("so", 1.5, 1.8), Word("next.", 1.8, 2.3))
    transcript = Transcript([Segment("so next.", 1.5, 2.3, words)], 3.0,
                            [SpeechRegion(0.5, 0.8), SpeechRegion(1.5, 2.3)])
    return audio, transcript


def test_a_dropped_hesitation_is_recovered_from_its_region():
    audio, transcript = _hum_then_words()
    model = FakeModel(" Um...")
    assert fix_hesitations(transcript, audio, model, hint="Umm, uh") == 1
    assert [(w.text, w.start, w.end) for w in transcript.words][0] == ("Um", 0.5, 0.8)
    [(length, options)] = model.clips  # only the short steady region was decoded again
    assert length < RATE and options["hotwords"] == "Umm, uh"


def test_a_short_word_is_not_made_a_hesitation():
    audio, transcript = _hum_then_words()
    assert fix_hesitations(transcript, audio, FakeModel(" Okay."), hint="") == 0
    assert [w.text for w in transcript.words] == ["so", "next."]


def test_spectral_flux_tells_held_sounds_from_changing_ones():
    t = np.arange(int(0.3 * RATE)) / RATE
    steady = np.sin(2 * np.pi * 150 * t).astype(np.float32)
    rng = np.random.default_rng(1)
    choppy = np.concatenate([np.sin(2 * np.pi * f * t[:800]) if i % 2 else rng.normal(0, 1, 800)
                             for i, f in enumerate([300, 900, 2000, 500, 1200, 3000])]).astype(np.float32)
    assert spectral_flux(steady) < 0.3 < spectral_flux(choppy)


@pytest.mark.parametrize("voice", ["en-us", "en-gb-x-rp", "en-us+f3"])
def test_questions_end_with_a_pitch_rise_statements_do_not(voice, tmp_path):
    from faster_whisper import decode_audio

    from interviewer.adapters.prosody import final_rise

    assert shutil.which("espeak-ng"), "espeak-ng is a system requirement (bootstrap.sh installs it)"
    rises = {}
    for end in "?.":
        wav = tmp_path / "q.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(wav), "Do we have labels for the old data" + end],
                       check=True)
        rises[end] = final_rise(decode_audio(str(wav), sampling_rate=RATE)[-int(0.8 * RATE):])
    assert rises["?"] >= 2.0 > 1.0 >= rises["."], rises


def test_speech_regions_keep_their_rise_in_json():
    t = Transcript([], 2.0, [SpeechRegion(0.1, 1.0, 3.25), SpeechRegion(1.2, 1.5)])
    back = Transcript.from_dict(t.to_dict())
    assert back.speech == t.speech
    assert "final_rise" not in t.to_dict()["speech"][1]


def test_a_hesitation_written_again_inside_the_following_silence_is_dropped():
    # Whisper: "offline? Uh [3.4 s silence] Uh, I would": the second "Uh" has no sound under it.
    words = (Word("offline?", 7.4, 7.9), Word("Uh", 8.1, 8.35), Word("Uh,", 11.67, 11.67),
             Word("I", 11.87, 12.0), Word("would", 12.0, 12.2))
    regions = [SpeechRegion(7.0, 7.98), SpeechRegion(8.1, 8.35), SpeechRegion(11.81, 12.3)]
    transcript = Transcript([Segment("offline? Uh Uh, I would", 7.4, 12.2, words)], 13.0, regions)
    audio = np.zeros(13 * RATE, np.float32)  # silent: nothing is steady enough to re-decode
    fix_hesitations(transcript, audio, FakeModel(" Um."), hint="")
    assert [w.text for w in transcript.words] == ["offline?", "Uh", "I", "would"]
    assert transcript.segments[0].text == "offline? Uh I would"


def test_a_zero_length_word_claims_the_region_around_it():
    # "runs, um, and we": Whisper wrote "um," and stamped "and" at one instant at the end of
    # its region; the "um" goes to the lone region before, and "and"'s region is not an "um".
    audio, _ = _hum_then_words()
    words = (Word("runs,", 0.1, 0.45), Word("um,", 0.9, 0.95), Word("and", 1.2, 1.2),
             Word("we", 1.25, 1.5))
    regions = [SpeechRegion(0.1, 0.45), SpeechRegion(0.5, 0.8), SpeechRegion(0.9, 1.21),
               SpeechRegion(1.25, 1.5)]
    transcript = Transcript([Segment("runs, um, and we", 0.1, 1.5, words)], 3.0, regions)
    model = FakeModel(" Um.")
    assert fix_hesitations(transcript, audio, model, hint="") == 0
    assert [(w.text, w.start) for w in transcript.words] == [("runs,", 0.1), ("um,", 0.5), ("and", 1.2),
                                                               ("we", 1.25)]


# ------------------------------------------------------------------ reading audio files

def _tone(seconds: float, rate: int) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


@pytest.mark.parametrize("suffix,rate,channels", [(".wav", 16000, 1), (".flac", 44100, 2),
                                                  (".ogg", 48000, 1), (".mp3", 22050, 1)])
def test_audio_files_are_read_as_16khz_mono_without_pyav(monkeypatch, tmp_path, suffix, rate, channels):
    """The desktop bundle has no PyAV: WAV, FLAC, Ogg and MP3 come through libsndfile and soxr."""
    import sys
    import soundfile
    from interviewer.adapters.transcription import load_audio

    monkeypatch.setitem(sys.modules, "av", None)  # `import av` now raises ImportError
    monkeypatch.delitem(sys.modules, "faster_whisper.audio", raising=False)
    tone = _tone(1.5, rate)
    path = tmp_path / f"tone{suffix}"
    soundfile.write(path, np.stack([tone] * channels, axis=1) if channels > 1 else tone, rate)
    audio = load_audio(path)
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert len(audio) == pytest.approx(1.5 * RATE, abs=0.06 * RATE)  # MP3 adds encoder padding
    spectrum = np.abs(np.fft.rfft(audio))
    assert np.argmax(spectrum) * RATE / len(audio) == pytest.approx(440, abs=3)  # pitch kept


def test_an_unreadable_file_without_pyav_says_which_formats_work(monkeypatch, tmp_path):
    import sys
    from interviewer.adapters.transcription import load_audio

    monkeypatch.setitem(sys.modules, "av", None)
    monkeypatch.delitem(sys.modules, "faster_whisper.audio", raising=False)
    monkeypatch.delitem(sys.modules, "faster_whisper", raising=False)
    path = tmp_path / "answer.m4a"
    path.write_bytes(b"\0\0\0\x20ftypM4A not really audio")
    with pytest.raises(UserError, match=r"answer\.m4a: cannot read as audio.*WAV, FLAC, MP3 and Ogg"):
        load_audio(path)


def test_other_containers_fall_back_to_pyav(tmp_path):
    """With PyAV installed (pip installs), formats libsndfile lacks still load."""
    import av
    from interviewer.adapters.transcription import load_audio

    path = tmp_path / "tone.m4a"
    with av.open(str(path), "w") as container:
        stream = container.add_stream("aac", rate=RATE)
        tone = _tone(1.0, RATE)
        frame = av.AudioFrame.from_ndarray(tone.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = RATE
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    audio = load_audio(path)
    assert len(audio) == pytest.approx(RATE, abs=0.1 * RATE)


@pytest.mark.parametrize("reader", ["load_audio", "open_audio"])
def test_the_bundles_pyav_stand_in_gets_the_formats_message(monkeypatch, tmp_path, reader):
    """The desktop bundle's runtime hook puts a stand-in `av` module in place whose every use
    raises ImportError; both readers must still say which formats work."""
    import runpy
    import sys

    from interviewer.adapters import long_audio, transcription

    monkeypatch.setitem(sys.modules, "av", None)
    monkeypatch.delitem(sys.modules, "faster_whisper.audio", raising=False)
    monkeypatch.delitem(sys.modules, "faster_whisper", raising=False)
    runpy.run_path(str(Path(__file__).resolve().parent.parent / "packaging" / "rthook_no_av.py"))
    assert sys.modules["av"] is not None  # the stand-in is installed
    path = tmp_path / "answer.m4a"
    path.write_bytes(b"\0\0\0\x20ftypM4A not really audio")
    read = transcription.load_audio if reader == "load_audio" else long_audio.open_audio
    with pytest.raises(UserError, match=r"answer\.m4a: cannot read as audio.*WAV, FLAC, MP3 and Ogg"):
        read(path)


def test_two_hesitations_glued_into_one_region_are_both_found(tiny_model):
    # Real speech (tests/data/human/mfa_uhuh.flac, "montreal uh uh uh uh uh uh forced aligner"):
    # an "uh" and a held "uhhh" said with no silence between them make one VAD region
    # (4.35-5.31 s); only the voice's 15 dB drop between them tells them apart. The repair cuts
    # the region there and hears each part alone: two hesitations on it (none before).
    from interviewer.adapters.transcription import load_audio

    audio = load_audio(Path(__file__).parent / "data" / "human" / "mfa_uhuh.flac")
    transcript = transcribe(audio, tiny_model)
    region = next(r for r in transcript.speech if r.start < 4.6 < r.end)
    on_it = [w for w in transcript.words if is_hesitation(normalize(w.text))
             and w.start < region.end and w.end > region.start]
    # At least both: CPU kernels differ (GENERIC also writes a fragment "-uh" between them).
    assert len(on_it) >= 2, [(w.text, w.start, w.end) for w in transcript.words]


def test_a_model_folder_that_is_gone_is_named_as_gone(tmp_path):
    """A new user's trial: with the chosen model folder deleted, the app said it was 'not a
    CTranslate2 Whisper model folder' and how to convert one."""
    gone = tmp_path / "model-copy"
    with pytest.raises(ModelNotFound, match="this speech model folder does not exist") as raised:
        load_model(gone)
    assert str(gone) in str(raised.value) and "Settings" in str(raised.value)


def _held_um(tiny_model):
    """A real held "um" (tests/data/human/mfa_um.flac), cut out of its recording as the
    hesitation repair cuts a region: the sound, then half a second of silence."""
    from interviewer.adapters.transcription import load_audio

    audio = load_audio(Path(__file__).parent / "data" / "human" / "mfa_um.flac")
    regions = [r for r in speech_regions(audio) if 0.15 <= r.end - r.start <= 0.8]
    assert regions, "the recording has a short region"
    r = regions[0]
    clip = audio[max(0, int((r.start - 0.1) * RATE)):int(r.end * RATE)]
    return np.concatenate([clip, np.zeros(RATE // 2, np.float32)])


def test_the_short_window_decode_is_faster_whispers_own_at_thirty_seconds(tiny_model):
    # decode_short re-implements one window of faster-whisper's decode; given the full
    # 3000 frames it must return what transcribe() returns, to the last digit.
    from interviewer.adapters.hesitations import RECHECK_OPTIONS
    from interviewer.adapters.short_clip import decode_short

    clip = _held_um(tiny_model)
    for hint in (HESITATION_HINT, None):
        options = dict(RECHECK_OPTIONS, **({"hotwords": hint} if hint else {}))
        segments = list(tiny_model.transcribe(clip, **options)[0])
        text = " ".join(s.text for s in segments).strip()
        logprob = min((s.avg_logprob for s in segments), default=0.0)
        short_text, short_logprob = decode_short(tiny_model, clip, hotwords=hint, frames=3000,
                                                 max_new_tokens=RECHECK_OPTIONS["max_new_tokens"])
        assert short_text == text and short_logprob == pytest.approx(logprob, abs=1e-6)


@pytest.mark.parametrize("wrapped", [False, True], ids=["model", "live transcriber's wrapped model"])
def test_a_hesitation_redecode_encodes_the_clip_not_thirty_seconds(tiny_model, wrapped):
    # Each re-decode of the hesitation repair used to pad its sub-second clip to Whisper's 30 s
    # window (0.3-0.45 s of encoder on 2 cores, several of them after the answer ends); the
    # encoder now sees the clip's own frames, also through the wrapper the live transcriber
    # decodes its chunks with.
    from interviewer.adapters.decode_guards import stop_after_speech
    from interviewer.adapters.hesitations import _decode_alone

    clip = _held_um(tiny_model)
    shapes = []
    encode = tiny_model.encode

    def spy(features):
        shapes.append(features.shape)
        return encode(features)

    tiny_model.encode = spy
    try:
        r = SpeechRegion(0.1, clip.size / RATE - 0.5)
        model = stop_after_speech(tiny_model, r.end) if wrapped else tiny_model
        _decode_alone(model, clip, r, 0.0, HESITATION_HINT)
    finally:
        del tiny_model.encode
    assert len(shapes) == 1 and shapes[0][-1] <= 2 * clip.size / 160, shapes


def test_a_faster_whisper_without_the_internals_the_short_decode_uses_still_repairs(tiny_model, monkeypatch):
    # decode_short relies on faster-whisper internals; if an installed version lacks one, the
    # re-decode falls back to the padded transcribe() instead of failing the transcription.
    from interviewer.adapters import hesitations

    clip = _held_um(tiny_model)
    r = SpeechRegion(0.1, clip.size / RATE - 0.5)

    def missing(*args, **kwargs):
        raise AttributeError("'WhisperModel' object has no attribute 'get_prompt'")

    monkeypatch.setattr(hesitations, "decode_short", missing)
    sound, confidence = hesitations._decode_alone(tiny_model, clip, r, 0.0, HESITATION_HINT)
    assert isinstance(sound, str) and confidence <= 0.0


# A coverage-bench answer (benchmarks/coverage_data/heldout.toml, writer C's fraud_labels) as its
# voice says it: primed with the hesitation hint, tiny.en wrote its first 15 s as "Uh, hmm,
# hmm." (on the default and the generic kernels), and the re-decode without the hint was thrown
# away by the no-speech check (adapters/dropped_speech.py, LONG_RUN_S).
HINT_LOOP_ANSWER = ("Events: authorizations published to Kafka. Labels: chargebacks, customer reports, "
                    "analyst decisions, joined to the payment by id later. Delay: chargebacks take up to "
                    "sixty days. So training uses only payments older than sixty days, where labels have "
                    "matured. Features: recomputed from the raw immutable event log as of payment time, "
                    "to avoid leakage.")


def test_a_long_stretch_written_as_hesitations_only_gets_its_words(tiny_model, tmp_path):
    from faster_whisper import decode_audio

    assert shutil.which("espeak-ng"), "espeak-ng is a system requirement (bootstrap.sh installs it)"
    wav = tmp_path / "answer.wav"
    subprocess.run(["espeak-ng", "-v", "en-us+m3", "-s", "160", "-w", str(wav), HINT_LOOP_ANSWER], check=True)
    transcript = transcribe(decode_audio(str(wav), sampling_rate=RATE), tiny_model)
    assert recall_of(HINT_LOOP_ANSWER, transcript.text) >= MIN_RECALL, transcript.text  # 0.30 before
    words = [w for s in transcript.segments for w in s.words if not is_hesitation(normalize(w.text))]
    first_speech = transcript.speech[0].start
    assert words and words[0].start < first_speech + 5.0, transcript.text  # not 16 s in
