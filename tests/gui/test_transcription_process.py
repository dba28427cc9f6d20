"""Transcription in the child process: real tiny.en, live (fed in blocks) and from a file."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time

import pytest

from interviewer.errors import UserError
from interviewer.app.transcription_process import TranscriptionClient
from speech_oracle import MIN_RECALL, recall_of

SPEECH = "Um, so what is the latency target? <break time='900ms'/> Uh, I would start with a simple baseline model."


@pytest.fixture(scope="module")
def client():
    c = TranscriptionClient().start(None)
    try:
        yield c.wait_ready()
    finally:
        c.close()


@pytest.fixture(scope="module")
def speech_wav(tmp_path_factory):
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed (apt install espeak-ng)", pytrace=False)
    path = tmp_path_factory.mktemp("speech") / "answer.wav"
    subprocess.run(["espeak-ng", "-m", "-s", "150", "-w", str(path), f"<speak>{SPEECH}</speak>"],
                   check=True, timeout=60)
    return path


def test_live_transcription_in_the_child_process(client, speech_wav):
    from interviewer.adapters.transcription import load_audio

    audio = load_audio(speech_wav)
    live = client.live()
    segments = []
    live.on_segment = segments.append
    for i in range(0, len(audio), 1600):  # 100 ms blocks, as the microphone delivers them
        live.feed(audio[i:i + 1600])
    transcript = live.finish()
    assert recall_of(SPEECH, transcript.text) >= MIN_RECALL, transcript.text
    # The second sentence, after the 900 ms pause, came through too. (No word is asserted:
    # tiny.en's int8 kernels differ by CPU, and CI once heard "baseline model" as "full may
    # sign module"; tests/speech_oracle.py.)
    assert len(transcript.speech) >= 2, transcript.speech  # the pause split the speech
    first_sentence_end = transcript.speech[0].end
    assert len([w for w in transcript.words if w.start >= first_sentence_end]) >= 4, transcript.words
    assert transcript.words and transcript.speech, "word timings and VAD regions come back"
    assert segments, "segments were reported while transcribing"
    # The main thread stays free while the child works: a feed never blocks for long.
    live2 = client.live()
    start = time.perf_counter()
    for i in range(0, len(audio), 1600):
        live2.feed(audio[i:i + 1600])
    assert time.perf_counter() - start < 0.5
    live2.cancel()


def test_file_transcription_and_concurrent_requests(client, speech_wav):
    results = []
    threads = [threading.Thread(target=lambda: results.append(client.transcribe_file(speech_wav)))
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(results) == 2 and all(recall_of(SPEECH, r.text) >= MIN_RECALL for r in results), results


def test_file_transcription_reports_progress_and_times_out_only_on_a_stall(client, speech_wav, tmp_path):
    import numpy as np
    import soundfile as sf

    from interviewer.adapters.transcription import load_audio

    # 45 s: the answer, 8 s of near silence, the answer again, and so on (two chunks at least).
    answer = load_audio(speech_wav)
    gap = (np.random.default_rng(1).standard_normal(8 * 16000) * 3e-4).astype(np.float32)
    audio = np.concatenate([answer, gap] * int(np.ceil(45 * 16000 / (answer.size + gap.size))))[: 45 * 16000]
    wav = tmp_path / "imported.wav"
    sf.write(str(wav), audio, 16000, subtype="PCM_16")
    calls = []
    transcript = client.transcribe_file(wav, on_progress=lambda d, t: calls.append((d, t)))
    assert calls[0][0] == 0.0 and calls[-1][0] == pytest.approx(45.0, abs=0.01), calls
    assert len(calls) >= 3 and all(t == pytest.approx(45.0, abs=0.01) for _, t in calls), calls
    assert recall_of(SPEECH, transcript.text) >= MIN_RECALL, transcript.text


def test_a_cancelled_file_transcription_returns_at_once_and_the_child_stops_at_its_next_chunk(
        client, speech_wav, tmp_path):
    import numpy as np
    import soundfile as sf

    from interviewer.adapters.transcription import load_audio
    from interviewer.errors import Cancelled

    answer = load_audio(speech_wav)
    audio = np.concatenate([answer, np.zeros(16000 * 4, dtype=np.float32)] * 12)  # well over three chunks
    wav = tmp_path / "long.wav"
    sf.write(str(wav), audio, 16000, subtype="PCM_16")
    from interviewer.paths import log_dir

    def cancels_logged():
        path = log_dir() / "transcription.log"
        return path.read_text(errors="replace").count("transcribing a file was cancelled") if path.exists() else 0

    logged = cancels_logged()
    cancel, calls = threading.Event(), []

    def progress(done, total):
        calls.append(done)
        if done > 0:
            cancel.set()  # after the first chunk
    started = time.monotonic()
    with pytest.raises(Cancelled):
        client.transcribe_file(wav, on_progress=progress, cancel=cancel)
    assert time.monotonic() - started < 60
    assert len([d for d in calls if d > 0]) == 1, calls
    # The child stopped decoding that file at its next chunk (it says so in its log).
    deadline = time.monotonic() + 60
    while cancels_logged() == logged and time.monotonic() < deadline:
        time.sleep(0.1)
    assert cancels_logged() == logged + 1
    # The same child goes on serving: it stopped the cancelled file, it did not die.
    assert recall_of(SPEECH, client.transcribe_file(speech_wav).text) >= MIN_RECALL
    assert client.restarts == 0


def test_a_file_transcription_times_out_only_when_progress_stops():
    from interviewer.app.transcription_process import _Pending, _wait

    pending = _Pending()

    def child_working():  # progress every 0.2 s for 2.5 s, then the transcript
        for _ in range(12):
            time.sleep(0.2)
            pending.last_heard = time.monotonic()
        pending.result = {"segments": [], "duration": 1.0}
        pending.event.set()

    threading.Thread(target=child_working, daemon=True).start()
    assert _wait(pending, 1.0, "transcribing a.wav", stall=True).duration == 1.0  # took 2.5 s > 1 s
    stalled = _Pending()
    start = time.monotonic()
    with pytest.raises(TimeoutError, match="no progress for 1 s"):
        _wait(stalled, 1.0, "transcribing b.wav", stall=True)
    assert time.monotonic() - start < 3


def test_a_missing_model_is_a_plain_message():
    c = TranscriptionClient().start("/no/such/model-folder")
    try:
        with pytest.raises(UserError, match="model"):
            c.wait_ready(60)
    finally:
        c.close()


def _kill_children(c: TranscriptionClient, count: int) -> threading.Thread:
    """SIGKILL the client's first `count` children as soon as each starts (before its model loads)."""
    def run() -> None:
        killed = []
        deadline = time.monotonic() + 60
        while len(killed) < count and time.monotonic() < deadline:
            child = c._child
            if child is not None and child not in killed:
                os.kill(child.process.pid, signal.SIGKILL)
                killed.append(child)
            time.sleep(0.005)

    killer = threading.Thread(target=run, daemon=True)
    killer.start()
    return killer


def test_a_child_that_dies_before_its_model_loads_is_started_once_more(caplog):
    """Trial25: the first start said "ended before the model loaded" (no reason anywhere) and a
    restart of the app worked: the client starts the child once more by itself, and logs why."""
    c = TranscriptionClient().start(None)
    first = c._child
    try:
        _kill_children(c, 1).join(10)
        with caplog.at_level("INFO", logger="interviewer.app.transcription_process"):
            c.wait_ready(120)
        assert c._child is not first and c.label
        assert any("ended before its model loaded: killed by SIGKILL" in r.getMessage() for r in caplog.records)
    finally:
        c.close()


def test_a_child_that_dies_before_loading_twice_says_why_and_is_not_a_missing_model():
    from interviewer.app.transcription_process import EndedBeforeLoad

    c = TranscriptionClient().start(None)
    try:
        killer = _kill_children(c, 2)
        with pytest.raises(EndedBeforeLoad, match=r"ended before the model loaded \(killed by SIGKILL\)"):
            c.wait_ready(120)
        killer.join(10)
    finally:
        c.close()


# ---------------------------------------------------------------- the child dying mid-round


def _kill(c: TranscriptionClient) -> None:
    """SIGKILL the current child (as the OOM killer would) and wait until the client saw it go."""
    child = c._child
    os.kill(c._process.pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while child.ended is None:
        assert time.monotonic() < deadline, "the client did not notice the child's death"
        time.sleep(0.01)


def test_a_killed_child_fails_the_answer_in_flight_and_the_next_answer_gets_a_new_one(speech_wav):
    from interviewer.adapters.transcription import load_audio

    audio = load_audio(speech_wav)
    c = TranscriptionClient().start(None).wait_ready()
    try:
        # The answer in flight: the child is frozen so that its finish() is surely still
        # pending when the child is killed.
        in_flight = c.live()
        in_flight.feed(audio[:16000])
        old_pid = c._process.pid
        os.kill(old_pid, signal.SIGSTOP)
        outcome = []
        waiter = threading.Thread(target=lambda: outcome.append(_outcome(in_flight.finish)))
        waiter.start()
        time.sleep(0.2)
        assert waiter.is_alive(), "finish() waits for the frozen child"
        killed_at = time.perf_counter()
        _kill(c)
        waiter.join(5)
        assert not waiter.is_alive(), "finish() hung after the child died"
        assert isinstance(outcome[0], UserError), outcome
        assert "transcription process stopped" in str(outcome[0]) and "SIGKILL" in str(outcome[0])
        in_flight.feed(audio[:1600])  # the microphone may still deliver a block: ignored

        # The next answer starts a new child; feeding never waits for its model to load.
        live = c.live()
        assert c._process.pid != old_pid and c.restarts == 1
        start = time.perf_counter()
        for i in range(0, len(audio), 1600):
            live.feed(audio[i:i + 1600])
        assert time.perf_counter() - start < 0.5
        text = live.finish(timeout=60).text
        print(f"kill -> next answer's transcript: {time.perf_counter() - killed_at:.2f} s")
        assert recall_of(SPEECH, text) >= MIN_RECALL, text
    finally:
        c.close()


def test_restarts_are_limited_then_requests_say_transcription_stopped(speech_wav):
    c = TranscriptionClient(max_restarts=2).start(None)  # no need to wait for the models to load
    try:
        _kill(c)
        c.live()  # restart 1
        _kill(c)
        # A file request restarts it too; one in flight when the child dies fails plainly.
        outcome = []
        waiter = threading.Thread(target=lambda: outcome.append(_outcome(lambda: c.transcribe_file(speech_wav))))
        waiter.start()  # restart 2
        deadline = time.monotonic() + 10
        while c.restarts < 2:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        _kill(c)
        waiter.join(5)
        assert isinstance(outcome[0], UserError) and "stopped" in str(outcome[0]), outcome
        for request in (c.live, lambda: c.transcribe_file(speech_wav)):
            with pytest.raises(UserError, match="transcription stopped.*3 times.*SIGKILL.*answers are still recorded"):
                request()
        assert c.restarts == 2
    finally:
        c.close()


def _outcome(fn):
    try:
        return fn()
    except Exception as exc:
        return exc


def test_a_hung_child_does_not_pile_up_audio_in_memory(monkeypatch, speech_wav):
    """A child that stops reading (hung, not dead): the audio queued for it stops at the cap,
    feeding stays instant, finish() says so at once, and the hung child is replaced."""
    from interviewer.adapters.transcription import load_audio
    from interviewer.app import transcription_process

    monkeypatch.setattr(transcription_process, "MAX_QUEUED_MESSAGES", 50)
    audio = load_audio(speech_wav)
    c = TranscriptionClient().start(None).wait_ready()
    try:
        live = c.live()
        os.kill(c._process.pid, signal.SIGSTOP)
        # Fill the pipe and then the queue: 10x the cap in 0.1 s blocks.
        block = audio[:1600]
        start = time.perf_counter()
        for _ in range(600):
            live.feed(block)
        assert time.perf_counter() - start < 2.0, "feeding must never wait for the child"
        hung = c._child
        assert hung.outbox.qsize() <= 51, hung.outbox.qsize()
        with pytest.raises(UserError, match="stopped taking audio.*recording is kept"):
            live.finish(timeout=5)
        deadline = time.monotonic() + 10
        while hung.ended is None and time.monotonic() < deadline:  # the reader notices the exit
            time.sleep(0.01)
        assert "SIGKILL" in hung.exit_reason, hung.exit_reason  # killed at the cap, not left hanging
        # The next answer gets a new child and a transcript.
        fresh = c.live()
        assert c._child is not hung and c.restarts == 1
        # Back to the real cap: 50 blocks fed in one burst while the new model loads would reach it.
        monkeypatch.setattr(transcription_process, "MAX_QUEUED_MESSAGES", 3000)
        for i in range(0, len(audio), 1600):
            fresh.feed(audio[i:i + 1600])
        text = fresh.finish(timeout=60).text
        assert recall_of(SPEECH, text) >= MIN_RECALL, text
    finally:
        c.close()


def test_a_file_waits_between_chunks_while_a_round_holds_the_child(client, speech_wav, tmp_path):
    """trial6: an import running during a round shared the child's cores with the round's live
    answers (each answer's final transcript came 2.35 s after its end instead of 0.37 s, median of
    four human clips). While held, a file goes no further than its next chunk; released, it ends."""
    import numpy as np
    import soundfile as sf

    from interviewer.adapters.transcription import load_audio

    answer = load_audio(speech_wav)
    audio = np.concatenate([answer, np.zeros(16000 * 4, dtype=np.float32)] * 8)  # two chunks at least
    wav = tmp_path / "held.wav"
    sf.write(str(wav), audio, 16000, subtype="PCM_16")
    calls, result = [], {}
    client.hold_files(True)
    worker = threading.Thread(target=lambda: result.setdefault("t", client.transcribe_file(
        wav, on_progress=lambda d, t: calls.append(d))), daemon=True)
    try:
        worker.start()
        time.sleep(6.0)  # unheld, a file of this length is done in a few seconds
        assert "t" not in result and all(d == 0.0 for d in calls), calls  # waiting before its first chunk
        live = client.live()  # a round's answer meanwhile is served
        live.feed(answer)
        assert recall_of(SPEECH, live.finish().text) >= MIN_RECALL
    finally:
        client.hold_files(False)
    worker.join(60)
    assert "t" in result and recall_of(SPEECH, result["t"].text) >= MIN_RECALL
    assert calls[-1] == pytest.approx(audio.size / 16000, abs=0.01)
