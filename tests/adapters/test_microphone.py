"""Microphone recorder against a fake sounddevice that fails on purpose (no audio hardware)."""
from __future__ import annotations

import threading
import time

import numpy as np
import pytest
import soundfile

from interviewer.adapters.devices import input_devices, resolve_input_device, AudioDeviceError
from interviewer.adapters.microphone import Microphone, MicrophoneError
from interviewer.storage.wav_writer import repair_wav

from .fake_sounddevice import DEVICE_UNAVAILABLE, FakeSoundDevice, PortAudioError, device


def tone(seconds: float, rate: int = 16000, freq: float = 440.0, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def wait_until(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_records_16k_mono_with_levels_and_audio_callback(tmp_path):
    fake = FakeSoundDevice(audio=tone(2.0), audio_rate=16000, speed=20)
    mic = Microphone(sounddevice_module=fake)
    chunks, levels = [], []
    mic.start(tmp_path / "a.wav", on_audio=chunks.append, on_level=levels.append)
    assert wait_until(lambda: sum(c.size for c in chunks) >= 40000)  # the tone, then silence
    path = mic.stop()
    mic.close()  # releases the stream and ends its source watch
    audio, rate = soundfile.read(path, dtype="float32")
    assert rate == 16000 and audio.ndim == 1
    assert audio.size == sum(c.size for c in chunks) >= 32000
    np.testing.assert_allclose(audio[:32000], tone(2.0), atol=2e-4)
    assert fake.open_attempts == [(16000, 1)]
    assert max(levels) == pytest.approx(-9.03, abs=0.2)  # RMS of a 0.5 sine in dBFS
    assert min(levels) == -100.0  # the silence after the tone


def test_no_input_device_at_all(tmp_path):
    fake = FakeSoundDevice(devices=[device("HDMI output", inputs=0, outputs=2)], default=(-1, 0))
    with pytest.raises(MicrophoneError, match="No microphone was found"):
        Microphone(sounddevice_module=fake).start(tmp_path / "a.wav")
    assert not (tmp_path / "a.wav").exists()
    fake = FakeSoundDevice(devices=[], default=(-1, -1))
    with pytest.raises(MicrophoneError, match="No microphone was found"):
        Microphone(sounddevice_module=fake).start(tmp_path / "a.wav")


def test_unknown_or_ambiguous_device_names_the_choices(tmp_path):
    fake = FakeSoundDevice(devices=[device("USB Mic A"), device("USB Mic B"), device("Speakers", 0, 2)])
    with pytest.raises(MicrophoneError, match=r"no microphone is called 'Headset'; microphones: 0: USB Mic A; 1: USB Mic B"):
        Microphone("Headset", sounddevice_module=fake).start(tmp_path / "a.wav")
    with pytest.raises(MicrophoneError, match="there is no microphone number 2"):
        Microphone(2, sounddevice_module=fake).start(tmp_path / "a.wav")
    with pytest.raises(AudioDeviceError, match="matches several microphones"):
        resolve_input_device("usb mic", fake)
    assert resolve_input_device("mic b", fake).index == 1
    assert [d.name for d in input_devices(fake)] == ["USB Mic A", "USB Mic B"]


def test_no_default_input_uses_first_microphone(tmp_path):
    fake = FakeSoundDevice(devices=[device("Speakers", 0, 2), device("Webcam mic")], default=(-1, 0))
    assert resolve_input_device(None, fake).name == "Webcam mic"


def test_device_refusing_16k_is_opened_at_its_own_rate_and_resampled(tmp_path):
    # A 48 kHz-only microphone hears a 440 Hz tone; the file must still be 16 kHz with that tone.
    fake = FakeSoundDevice(devices=[device("Pro interface", rate=48000)], audio=tone(1.5),
                           refuse_rates={16000}, speed=20)
    mic = Microphone(sounddevice_module=fake)
    mic.start(tmp_path / "a.wav")
    assert wait_until(lambda: mic.seconds_recorded >= 1.5)
    path = mic.stop()
    mic.close()
    assert fake.open_attempts == [(16000, 1), (48000, 1)]
    assert mic.device_rate == 48000
    audio, rate = soundfile.read(path, dtype="float32")
    assert rate == 16000
    spectrum = np.abs(np.fft.rfft(audio[:16000]))
    assert np.argmax(spectrum) == pytest.approx(440, abs=2)  # 1 Hz per bin for 16000 samples
    assert np.sqrt(np.mean(audio[1000:15000] ** 2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.05)


def test_a_48k_microphone_keeps_sounds_above_8khz_out_of_the_recording(tmp_path):
    # A 12 kHz whistle, then a 1 kHz tone, in a room heard at 48 kHz. Resampled to 16 kHz the
    # whistle would fold back to 4 kHz (at -9.5 dB with the old linear interpolation).
    room = np.concatenate([tone(1.0, 48000, freq=12000), tone(1.0, 48000, freq=1000)])
    fake = FakeSoundDevice(devices=[device("Pro interface", rate=48000)], audio=room, audio_rate=48000,
                           refuse_rates={16000}, speed=20)
    mic = Microphone(sounddevice_module=fake)
    mic.start(tmp_path / "a.wav")
    assert wait_until(lambda: mic.seconds_recorded >= 2.2)
    audio, rate = soundfile.read(mic.stop(), dtype="float32")
    mic.close()
    whistle, beep = audio[1600:14400], audio[17600:30400]  # edges left out
    rms = lambda x: np.sqrt(np.mean(np.square(x, dtype=np.float64)))  # noqa: E731
    assert 20 * np.log10(rms(whistle) / (0.5 / np.sqrt(2)) + 1e-30) < -60  # measured: below -100 dB
    assert rms(beep) == pytest.approx(0.5 / np.sqrt(2), rel=0.01)


def test_stop_writes_what_the_resampler_still_holds(tmp_path):
    # soxr holds back 20-40 ms while streaming; stop() flushes it into the take, so a
    # 48 kHz take is exactly a third of what the device delivered.
    fake = FakeSoundDevice(devices=[device("Pro interface", rate=48000)], audio=tone(3.0, 48000),
                           audio_rate=48000, refuse_rates={16000}, speed=20)
    mic = Microphone(sounddevice_module=fake)
    chunks = []
    mic.start(tmp_path / "a.wav", on_audio=chunks.append)
    assert wait_until(lambda: mic.seconds_recorded >= 1.0)
    fake.hold.set()  # the device goes quiet: nothing more arrives
    time.sleep(0.3)
    delivered = fake.streams[-1].frames_delivered
    audio, _ = soundfile.read(mic.stop(), dtype="float32")
    mic.close()
    assert abs(audio.size - delivered / 3) <= 1
    assert sum(c.size for c in chunks) == audio.size  # the live transcriber got the tail too
    # The flushed end is the tone (its last few samples taper: the filter sees the stream end).
    np.testing.assert_allclose(audio[-800:-50], tone(3.0)[audio.size - 800:audio.size - 50], atol=1e-3)


def test_stereo_only_device_is_mixed_down(tmp_path):
    fake = FakeSoundDevice(audio=tone(1.0), accepted_channels={2}, speed=20)
    mic = Microphone(sounddevice_module=fake)
    mic.start(tmp_path / "a.wav")
    assert wait_until(lambda: mic.seconds_recorded >= 1.0)
    audio, _ = soundfile.read(mic.stop(), dtype="float32")
    mic.close()
    assert fake.open_attempts == [(16000, 1), (16000, 2)]
    np.testing.assert_allclose(audio[:16000], tone(1.0), atol=2e-4)


def test_device_accepting_no_rate_gives_a_clear_error(tmp_path):
    fake = FakeSoundDevice(devices=[device("Odd device", rate=44100)], refuse_rates={16000, 44100})
    with pytest.raises(MicrophoneError, match=r"accepts neither 16000 Hz nor its own default rate \(44100 Hz\)"):
        Microphone(sounddevice_module=fake).start(tmp_path / "a.wav")


def test_busy_device(tmp_path):
    busy = PortAudioError("Error opening InputStream: Device unavailable [PaErrorCode -9985]", DEVICE_UNAVAILABLE)
    fake = FakeSoundDevice(open_error=busy)
    with pytest.raises(MicrophoneError, match="is busy or unavailable: another program may be using it"):
        Microphone(sounddevice_module=fake).start(tmp_path / "a.wav")
    fake = FakeSoundDevice(start_error=busy)
    with pytest.raises(MicrophoneError, match="busy or unavailable"):
        Microphone(sounddevice_module=fake).start(tmp_path / "b.wav")


def test_a_host_error_is_told_in_plain_words(tmp_path):
    """Trial 36: no sound server gave "Unanticipated host error [PaErrorCode -9999]: '' [<host API
    not found> error 0]" in the round's banner; the user gets plain words, the log the details."""
    host = PortAudioError("Error opening InputStream: Unanticipated host error [PaErrorCode -9999]: "
                          "'' [<host API not found> error 0]", -9999)
    with pytest.raises(MicrophoneError) as caught:
        Microphone(sounddevice_module=FakeSoundDevice(open_error=host)).start(tmp_path / "a.wav")
    assert "PaErrorCode" not in str(caught.value) and "host API" not in str(caught.value)
    assert "the sound system did not answer" in str(caught.value)


@pytest.mark.parametrize("failure", ["finished", "stall"])
def test_stream_error_mid_answer_keeps_the_recording(tmp_path, failure):
    fake = FakeSoundDevice(audio=tone(5.0), fail_after_seconds=2.0, failure=failure, speed=10)
    errors = []
    got_error = threading.Event()
    mic = Microphone(sounddevice_module=fake, stall_seconds=0.5)
    mic.start(tmp_path / "answer.wav", on_error=lambda e: (errors.append(e), got_error.set()))
    assert got_error.wait(10), "the failure was never reported"
    assert isinstance(errors[0], MicrophoneError)
    message = str(errors[0])
    assert "was it unplugged?" in message and "2.0 s recorded so far are saved in" in message
    assert mic.error is errors[0]
    path = mic.stop()  # still fine after the error
    audio, rate = soundfile.read(path, dtype="float32")  # playable
    assert rate == 16000 and audio.size == 32000
    np.testing.assert_allclose(audio, tone(2.0), atol=2e-4)


def test_file_on_disk_is_playable_while_recording(tmp_path):
    """What a crash would leave behind: the header is rewritten at each one-second flush."""
    fake = FakeSoundDevice(audio=tone(10.0), speed=4)
    mic = Microphone(sounddevice_module=fake, flush_seconds=0.25)
    path = tmp_path / "live.wav"
    mic.start(path)
    try:
        assert wait_until(lambda: mic.seconds_recorded >= 2.0)
        time.sleep(0.4)
        copy = tmp_path / "copy.wav"
        copy.write_bytes(path.read_bytes())  # as left on disk by a killed process
        info = soundfile.info(copy)
        assert info.samplerate == 16000 and info.duration >= 1.5
        assert repair_wav(copy) >= info.duration
    finally:
        mic.stop()
        mic.close()


def test_blocks_dropped_by_a_busy_computer_are_logged_at_stop(tmp_path, caplog):
    fake = FakeSoundDevice(audio=tone(20.0), speed=10)
    mic = Microphone(sounddevice_module=fake)
    mic.start(tmp_path / "a.wav")
    block = np.zeros((1600, 1), dtype=np.float32)
    for _ in range(3):  # PortAudio flags an input overflow on the block it delivers next
        mic._callback(block, 1600, None, "input overflow")
    with caplog.at_level("WARNING", logger="interviewer.adapters.microphone"):
        mic.stop()
        mic.start(tmp_path / "b.wav")
        mic.stop()  # a take without overflows says nothing
    assert [r.getMessage() for r in caplog.records] == [
        "3 block(s) of audio were dropped during this recording (the computer was too busy)"]
    mic.close()


def test_stream_stays_open_between_answers(tmp_path):
    """Opening a stream takes up to 2 s with PulseAudio, and speech in that time is lost."""
    fake = FakeSoundDevice(audio=tone(30.0), speed=10)
    mic = Microphone(sounddevice_module=fake)
    mic.start(tmp_path / "1.wav")
    assert wait_until(lambda: mic.seconds_recorded >= 1.0)
    first = mic.stop()
    time.sleep(0.2)  # ~2 s of audio between the answers: not kept anywhere
    mic.start(tmp_path / "2.wav")
    assert wait_until(lambda: mic.seconds_recorded >= 1.0)
    second = mic.stop()
    assert len(fake.streams) == 1 and fake.streams[0].active  # opened once, still running
    a, _ = soundfile.read(first, dtype="float32")
    b, _ = soundfile.read(second, dtype="float32")
    assert a.size >= 16000 and b.size >= 16000
    mic.close()
    assert fake.streams[0].closed
    mic.start(tmp_path / "3.wav")  # opens again after close()
    assert len(fake.streams) == 2
    mic.stop()
    mic.close()


def test_after_a_failure_the_next_answer_reopens_the_device(tmp_path):
    fake = FakeSoundDevice(audio=tone(5.0), fail_after_seconds=1.0, speed=10)
    failed = threading.Event()
    mic = Microphone(sounddevice_module=fake)
    mic.start(tmp_path / "1.wav", on_error=lambda e: failed.set())
    assert failed.wait(10)
    mic.stop()
    fake.fail_after_seconds = None  # plugged back in
    mic.start(tmp_path / "2.wav")
    assert mic.error is None and len(fake.streams) == 2
    assert wait_until(lambda: mic.seconds_recorded >= 1.0)
    mic.stop()
    mic.close()


def test_keep_open_false_releases_the_device_at_stop(tmp_path):
    fake = FakeSoundDevice(audio=tone(3.0), speed=10)
    mic = Microphone(sounddevice_module=fake, keep_open=False)
    mic.start(tmp_path / "1.wav")
    mic.stop()
    assert fake.streams[0].closed


def test_the_round_recording_starts_without_waiting_for_audio_and_an_answer_still_waits(tmp_path):
    """Trial10: Start round froze the window for 1.0-2.2 s: the round recording's open waited on
    the GUI thread for PulseAudio's first block. The interviewer speaks first, so only an answer
    needs the audio flowing (its first words were lost before 0c3bffe), and it waits once."""
    fake = FakeSoundDevice(audio=tone(2.0), speed=20)
    fake.hold.set()  # the device delivers nothing yet
    mic = Microphone(sounddevice_module=fake)
    started = time.monotonic()
    mic.start_round(tmp_path / "round.wav")
    assert time.monotonic() - started < 0.3
    threading.Timer(0.5, fake.hold.clear).start()
    started = time.monotonic()
    mic.start(tmp_path / "a.wav")
    assert time.monotonic() - started >= 0.4  # returned once audio flowed
    mic.stop()
    started = time.monotonic()
    mic.start(tmp_path / "b.wav")  # audio flows: no wait
    assert time.monotonic() - started < 0.3
    mic.stop()
    mic.stop_round()
    mic.close()
