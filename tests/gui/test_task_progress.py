"""Progress you can see (issue 14 item 4): long work shows a bar that advances, a busy
indicator until its size is known, and Cancel really stops the work and cleans up: exports
(real files, real encoders) and catching up transcripts (real tiny.en in the transcription
process)."""
from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time

import numpy as np
import pytest
import soundfile as sf

from interviewer.app.services import AppServices
from interviewer.errors import Cancelled
from interviewer.export import partial_name
from interviewer.gui.banner import Banner
from interviewer.gui.debrief_screen import DebriefScreen
from interviewer.gui.model_status import ModelStatus
from interviewer.gui.review_controller import ReviewController
from interviewer.gui.review_screen import ReviewScreen
from interviewer.gui.task_progress import SHOW_AFTER_MS, TaskProgress
from interviewer.gui.workers import run_job, wait_for_background_work
from interviewer.storage import SessionStatus, Store
from speech_oracle import MIN_RECALL, recall_of


# ---------------------------------------------------------------- the bar and the job


def _gated_work(steps: int, gate: threading.Event, stopped: list):
    """Work in `steps` steps; each waits for the test to open `gate`, reports progress and
    checks cancel, as the exports and transcriptions do between blocks."""
    def work(progress, cancel):
        progress(0, 0)  # size not known yet
        for i in range(steps):
            gate.wait(10)
            gate.clear()
            if cancel.is_set():
                stopped.append(i)
                raise Cancelled()
            progress(i + 1, steps)
        return "finished"
    return work


def test_the_bar_waits_half_a_second_is_busy_until_sized_then_advances(qtbot):
    bar = TaskProgress()
    qtbot.addWidget(bar)
    gate, stopped, results = threading.Event(), [], []
    job = run_job(_gated_work(4, gate, stopped), on_progress=bar.report, on_done=results.append)
    started = time.monotonic()
    bar.start(job, "Working...")
    qtbot.wait(SHOW_AFTER_MS // 3)
    assert not bar.isVisible()  # a short wait shows nothing
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    assert time.monotonic() - started >= SHOW_AFTER_MS / 1000 - 0.02
    assert bar.bar.maximum() == 0  # busy: no total yet
    shown = []
    for step in range(1, 5):
        gate.set()
        qtbot.waitUntil(lambda: bar.bar.maximum() > 0 and bar.bar.value() >= step * 250, timeout=3000)
        shown.append(bar.bar.text())
    assert shown == ["25% (1 of 4)", "50% (2 of 4)", "75% (3 of 4)", "100% (4 of 4)"]
    qtbot.waitUntil(lambda: results == ["finished"], timeout=3000)
    bar.finish()
    assert not bar.isVisible()


def test_cancel_stops_the_work_at_its_next_step(qtbot):
    bar = TaskProgress()
    qtbot.addWidget(bar)
    gate, stopped, outcome = threading.Event(), [], []
    job = run_job(_gated_work(100, gate, stopped), on_progress=bar.report, on_done=outcome.append,
                  on_cancelled=lambda: outcome.append("cancelled"))
    bar.start(job, "Working...")
    gate.set()
    qtbot.waitUntil(lambda: bar.isVisible() and bar.bar.value() > 0, timeout=3000)
    bar.cancel_button.click()
    assert job.cancelled and not bar.cancel_button.isEnabled() and bar.cancel_button.text() == "Cancelling..."
    gate.set()
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=3000)
    assert stopped == [1] and job.finished  # the step after the click did not run on


# ---------------------------------------------------------------- exports from the review


def _controller(qtbot, store, services=None, model_status=None):
    screen, debrief = ReviewScreen(), DebriefScreen()
    banner = Banner()
    for w in (screen, debrief, banner):
        qtbot.addWidget(w)
    controller = ReviewController(services or AppServices(), banner, model_status or ModelStatus(None), screen, debrief,
                                  store=lambda: store, scripts=lambda: [], show=screen.show,
                                  recording=lambda: False)
    return controller


@pytest.fixture
def two_hour_round(tmp_path, isolated_dirs):
    """A round with twelve 10-minute recordings (noise: slow to encode as FLAC). The same file
    is linked twelve times, so the test writes 19 MB, not 230."""
    store = Store.open()
    sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 120)
    noise = tmp_path / "noise.wav"
    rng = np.random.default_rng(7)
    sf.write(noise, (0.1 * rng.standard_normal(16000 * 600)).astype(np.float32), 16000, subtype="PCM_16")
    for n in range(12):
        aid = store.add_answer(sid, f"q{n}", f"Question {n}?", asked_at=600.0 * n, answer_start=600.0 * n + 1)
        target = store.audio_path_for(sid, aid)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(noise, target)
        store.finish_answer(aid, answer_end=600.0 * n + 600)
    store.finish_session(sid, SessionStatus.COMPLETED)
    yield store, sid
    store.close()


class _AtOnce:
    """A poster that runs what is posted at once, on the worker's thread: the tightest timing a
    GUI thread could give the end handler."""

    def post(self, fn) -> None:
        fn()


@pytest.mark.parametrize("fails", [False, True])
def test_a_job_is_finished_by_the_time_its_end_handler_runs(qtbot, fails):
    """The worker marked its task finished after posting the end handler, so an export started
    right after the last one reported was refused as still being written (the review's export
    test failed about one run in two)."""
    from interviewer.gui.workers import _Task

    def work():
        if fails:
            raise OSError("disk went away")
        return "done"

    seen = []
    task = _Task(work, lambda _result: seen.append(task.finished.is_set()),
                 lambda _error: seen.append(task.finished.is_set()))
    task._poster = _AtOnce()
    task.run()
    assert seen == [True]


def test_an_export_shows_progress_and_writes_the_file(qtbot, two_hour_round, tmp_path):
    store, sid = two_hour_round
    controller = _controller(qtbot, store)
    controller.open(sid)
    bar = controller.screen.export_progress
    out = tmp_path / "exports" / "round.flac"
    out.parent.mkdir()
    controller.export_session(sid, "flac", out)
    qtbot.waitUntil(lambda: bar.isVisible() and bar.bar.value() > 0, timeout=10000)
    first = bar.bar.value()
    assert "of 2:00:00" in bar.bar.text()  # audio seconds: "mm:ss of 2:00:00" (core clock_text)
    qtbot.waitUntil(lambda: controller.last_export is not None, timeout=60000)
    assert not bar.isVisible() and first < 1000
    assert sf.info(out).duration == pytest.approx(12 * 600 + 11 * 0.5, abs=0.1)
    assert sorted(p.name for p in out.parent.iterdir()) == ["round.flac"]
    assert controller.screen.export_note.note().startswith("Exported to")


def test_a_cancelled_export_leaves_no_file(qtbot, two_hour_round, tmp_path):
    store, sid = two_hour_round
    controller = _controller(qtbot, store)
    controller.open(sid)
    bar = controller.screen.export_progress
    out = tmp_path / "exports" / "round.flac"
    out.parent.mkdir()
    controller.export_session(sid, "flac", out)
    qtbot.waitUntil(lambda: bar.bar.value() > 0, timeout=10000)
    assert partial_name(out).exists()  # being written under its temporary name
    bar.cancel_button.click()
    qtbot.waitUntil(lambda: controller.export_job.finished, timeout=10000)
    wait_for_background_work()
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=3000)
    assert list(out.parent.iterdir()) == []  # neither the file nor its temporary
    assert controller.last_export is None
    # The worker marks itself finished before its handler reaches the GUI thread (a queued
    # call): wait for the review's export line to say so.
    qtbot.waitUntil(lambda: controller.screen.export_note.note().startswith("Export cancelled"), timeout=5000)


# ---------------------------------------------------------------- catching up transcripts


SENTENCES = ["So the first thing I would do is ask about the scale of the system and the latency target.",
             "Then I would build a simple baseline that ranks the posts by how recent they are.",
             "After that I would add a model that predicts whether the user will click on a post.",
             "Finally I would measure the watch time and the number of sessions in an online test."]


@pytest.fixture(scope="module")
def long_answer_wav(tmp_path_factory):
    """About 75 seconds of speech (three chunks for the file transcriber)."""
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed (apt install espeak-ng)", pytrace=False)
    text = " <break time='1200ms'/> ".join(SENTENCES * 3)
    path = tmp_path_factory.mktemp("speech") / "answer.wav"
    subprocess.run(["espeak-ng", "-m", "-s", "140", "-w", str(path), f"<speak>{text}</speak>"],
                   check=True, timeout=120)
    assert sf.info(path).duration > 56
    return path


@pytest.fixture(scope="module")
def real_model():
    from interviewer.app.transcription_process import TranscriptionClient

    client = TranscriptionClient().start(None)
    try:
        yield client.wait_ready()
    finally:
        client.close()


def _transcription_log() -> str:
    from interviewer.paths import log_dir

    path = log_dir() / "transcription.log"
    return path.read_text(errors="replace") if path.exists() else ""


def test_catching_up_shows_progress_within_a_recording_and_cancel_stops_the_model(
        qtbot, isolated_dirs, long_answer_wav, real_model):
    from interviewer.app.real_adapters import transcribe_file

    store = Store.open()
    sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
    aid = store.add_answer(sid, "feed", "Design a feed.", asked_at=0.0, answer_start=1.0)
    store.audio_path_for(sid, aid).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(long_answer_wav, store.audio_path_for(sid, aid))
    store.finish_answer(aid, answer_end=80.0)
    model_status = ModelStatus(lambda: real_model)
    model_status.start()
    qtbot.waitUntil(lambda: model_status.ready, timeout=10000)
    controller = _controller(qtbot, store, AppServices(transcribe_file=transcribe_file), model_status)
    bar = controller.screen.transcribe_progress
    cancels_logged = _transcription_log().count("transcribing a file was cancelled")

    controller.open(sid)
    assert controller.transcribing
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    # Progress moves inside the one recording (after its first chunk), not only at its end.
    qtbot.waitUntil(lambda: 0 < bar.bar.value() < 1000, timeout=120000)
    bar.cancel_button.click()
    clicked = time.monotonic()
    qtbot.waitUntil(lambda: not controller.transcribing, timeout=5000)
    assert time.monotonic() - clicked < 5.0  # the review does not wait for the rest of the file (~10 s)
    assert not bar.isVisible() and "Stopped: 1 recording still has no transcript" in controller.banner.history[-1][1]
    assert store.get_session(sid).answers[0].transcript is None  # nothing half-done was stored
    # The transcription process stopped decoding this file at its next chunk.
    qtbot.waitUntil(lambda: _transcription_log().count("transcribing a file was cancelled") > cancels_logged,
                    timeout=60000)

    # Opening the review again catches up the whole recording, the bar running to the end.
    seen = []
    bar.bar.valueChanged.connect(seen.append)
    controller.open(sid)
    qtbot.waitUntil(lambda: not controller.transcribing, timeout=180000)
    answer = store.get_session(sid).answers[0]
    assert answer.transcript is not None and answer.analysis
    assert recall_of(" ".join(SENTENCES * 3), answer.transcript.text) >= MIN_RECALL, answer.transcript.text
    assert any(0 < v < 1000 for v in seen) and seen == sorted(seen)
    assert "Transcribed 1 answer from its recording." in controller.banner.history[-1][1]
    store.close()


def test_importing_a_recording_shows_progress_and_cancel_keeps_nothing(qtbot, isolated_dirs, long_answer_wav,
                                                                      real_model):
    from interviewer.app.real_adapters import transcribe_file

    store = Store.open()
    model_status = ModelStatus(lambda: real_model)
    model_status.start()
    qtbot.waitUntil(lambda: model_status.ready, timeout=10000)
    controller = _controller(qtbot, store, AppServices(transcribe_file=transcribe_file), model_status)
    bar = controller.import_progress
    qtbot.addWidget(bar)

    controller.import_recording(long_answer_wav)
    qtbot.waitUntil(lambda: bar.isVisible() and 0 < bar.bar.value() < 1000, timeout=120000)
    assert " of 01:" in bar.bar.text()  # m:ss of the recording's length
    bar.cancel_button.click()
    clicked = time.monotonic()
    qtbot.waitUntil(lambda: controller.import_job.finished, timeout=5000)
    assert time.monotonic() - clicked < 5.0  # not after the rest of the file
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=3000)
    assert store.list_sessions() == [] and "nothing was saved" in controller.banner.history[-1][1]

    seen = []
    bar.bar.valueChanged.connect(seen.append)
    controller.import_recording(long_answer_wav)
    qtbot.waitUntil(lambda: controller.import_job.finished and not bar.isVisible(), timeout=180000)
    assert any(0 < v < 1000 for v in seen)
    [row] = store.list_sessions()
    shown = controller.screen.session  # the review opened on it
    assert shown is not None and shown.id == row.id and shown.kind == "imported"
    assert recall_of(" ".join(SENTENCES * 3), shown.answers[0].transcript.text) >= MIN_RECALL
    assert any(text.startswith(f"Imported {long_answer_wav.name}.") for _, text in controller.banner.history)
    store.close()


def test_the_window_shows_a_busy_bar_while_the_model_loads_and_offers_import(qtbot, isolated_dirs, script_dirs,
                                                                              tmp_path):
    from gui_fakes import FakeRecorder, FakeSpeaker

    from interviewer.app.services import ScriptList
    from interviewer.core.clock import FakeClock
    from interviewer.core.scripts.loader import discover_scripts
    from interviewer.gui.main_window import MainWindow

    gate = threading.Event()

    def load_model(_settings):
        gate.wait(30)  # a model that takes as long as the test wants
        return "fake-model"

    services = AppServices(
        load_scripts=lambda: ScriptList(discover_scripts(*script_dirs).scripts), clock=FakeClock(),
        make_speaker=lambda _s: FakeSpeaker(), make_recorder=lambda _s: FakeRecorder(), load_model=load_model,
        open_store=lambda: Store.open(tmp_path / "data"))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.start_background_loading()
    bar = window.model_loading
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    assert bar.bar.maximum() == 0 and bar.cancel_button.isVisible()  # busy: no size to show
    assert "Loading the speech model" in bar.title.text()
    gate.set()
    qtbot.waitUntil(lambda: window.model_status.ready and not bar.isVisible(), timeout=5000)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.import_action in file_menu.actions() and window.import_action.shortcut().toString() == "Ctrl+I"
    assert not window.review.import_progress.isVisible()
    gate.set()


def test_cancel_while_the_real_model_loads_ends_the_transcription_process(qtbot, isolated_dirs, script_dirs,
                                                                          tmp_path, monkeypatch):
    import multiprocessing

    from interviewer.app.transcription_process import TranscriptionClient

    from gui_fakes import FakeRecorder, FakeSpeaker

    from interviewer.app.real_adapters import load_model
    from interviewer.app.services import ScriptList
    from interviewer.core.clock import FakeClock
    from interviewer.core.scripts.loader import discover_scripts
    from interviewer.gui.main_window import MainWindow
    from interviewer.gui.model_status import ModelState

    def transcription_processes():
        return [p for p in multiprocessing.active_children() if p.name == "interviewer-transcription"]

    # A fast machine loads tiny.en before the bar's 0.5 s delay is over: the wait for the real
    # child is held until Cancel is clicked, so the click always lands while loading.
    clicked = threading.Event()
    real_wait_ready = TranscriptionClient.wait_ready

    def wait_ready_after_the_click(self, *args, **kwargs):
        clicked.wait(30)
        return real_wait_ready(self, *args, **kwargs)

    monkeypatch.setattr(TranscriptionClient, "wait_ready", wait_ready_after_the_click)
    before = len(transcription_processes())
    services = AppServices(
        load_scripts=lambda: ScriptList(discover_scripts(*script_dirs).scripts), clock=FakeClock(),
        make_speaker=lambda _s: FakeSpeaker(), make_recorder=lambda _s: FakeRecorder(), load_model=load_model,
        open_store=lambda: Store.open(tmp_path / "data"))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.model_status.start()
    bar = window.model_loading
    qtbot.waitUntil(bar.isVisible, timeout=10000)  # shown after 0.5 s; longer on a busy machine
    assert window.model_status.state == ModelState.LOADING and len(transcription_processes()) == before + 1
    bar.cancel_button.click()
    clicked.set()
    assert window.model_status.state == ModelState.IDLE and "cancelled" in window.model_status.message
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=3000)
    # The loader noticed within 0.1 s and ended the child process, model half loaded or not.
    qtbot.waitUntil(lambda: len(transcription_processes()) == before, timeout=10000)
    wait_for_background_work()
    assert window.model_status.state == ModelState.IDLE and window.model_status.model is None
    # Loading again (as saving Settings does) works.
    monkeypatch.setattr(TranscriptionClient, "wait_ready", real_wait_ready)
    window.model_status.start()
    qtbot.waitUntil(lambda: window.model_status.ready, timeout=60000)
    window.model_status.close_model()


def test_closing_the_app_cancels_an_export_and_waits_for_its_cleanup(qtbot, two_hour_round, tmp_path):
    store, sid = two_hour_round
    controller = _controller(qtbot, store)
    controller.open(sid)
    out = tmp_path / "exports" / "round.flac"
    out.parent.mkdir()
    controller.export_session(sid, "flac", out)
    qtbot.waitUntil(lambda: controller.screen.export_progress.bar.value() > 0, timeout=10000)
    assert controller.cancel_work(timeout=10) and controller.export_job.finished
    assert list(out.parent.iterdir()) == []  # cleaned up before the store would close
    assert controller.cancel_work() is True  # nothing left to stop


# ---------------------------------------------------------------- a spoken debrief answer


class _CopyingRecorder:
    """A debrief 'microphone' whose take is the long recording (copied in when it stops)."""

    def __init__(self, source):
        self.source, self.path = source, None

    def start(self, path, on_audio=None, on_level=None, on_error=None):
        self.path = path

    def stop(self):
        shutil.copy(self.source, self.path)
        return self.path

    def close(self):
        pass


def test_a_spoken_debrief_answer_is_transcribed_with_progress_and_cancel(qtbot, isolated_dirs, long_answer_wav,
                                                                         real_model):
    """It was transcribed with no progress shown (a minute of speech: ~10 s of nothing) and no
    way to stop it. Real tiny.en in the transcription process."""
    from interviewer.app.real_adapters import transcribe_file
    from interviewer.gui.debrief_controller import DebriefController

    store = Store.open()
    sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
    store.finish_session(sid, SessionStatus.COMPLETED)
    model_status = ModelStatus(lambda: real_model)
    model_status.start()
    qtbot.waitUntil(lambda: model_status.ready, timeout=10000)
    services = AppServices(transcribe_file=transcribe_file, make_recorder=lambda _s: _CopyingRecorder(long_answer_wav))
    review = _controller(qtbot, store, services, model_status)
    screen = review.debrief_screen
    debrief = DebriefController(services, review.banner, model_status, screen, review, store=lambda: store,
                                show=screen.show)
    debrief.open(sid)
    bar = screen.transcribe_progress
    first = screen.items[0]

    first.record_button.click()
    first.record_button.click()  # stop: transcription starts, off the GUI thread
    stopped = time.monotonic()
    assert debrief.transcribe_job is not None and not bar.isVisible()
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    assert time.monotonic() - stopped >= SHOW_AFTER_MS / 1000 - 0.02
    qtbot.waitUntil(lambda: 0 < bar.bar.value() < 1000, timeout=120000)  # moves within the recording
    assert " of 01:" in bar.bar.text()
    bar.cancel_button.click()
    clicked = time.monotonic()
    qtbot.waitUntil(lambda: debrief.transcribe_job is None, timeout=5000)
    assert time.monotonic() - clicked < 5.0
    assert not bar.isVisible() and first.text.toPlainText() == ""
    assert "cancelled" in screen.status.text() and "kept" in screen.status.text()
    entry = store.get_session(sid).debrief[0]
    assert store.audio_file(entry.audio_path).exists()  # the recording is kept

    second = screen.items[1]
    seen = []
    bar.bar.valueChanged.connect(seen.append)
    second.record_button.click()
    second.record_button.click()
    qtbot.waitUntil(lambda: second.text.toPlainText() != "", timeout=180000)
    assert recall_of(" ".join(SENTENCES * 3), second.text.toPlainText()) >= MIN_RECALL
    assert not bar.isVisible() and any(0 < v < 1000 for v in seen)
    assert screen.status.text() == "Transcribed. Press Save debrief (Ctrl+S) to keep it."  # the button's own words (a trial)
    store.close()


def test_an_imported_recording_says_every_voice_in_it_is_reviewed_as_the_candidate(qtbot, tmp_path, isolated_dirs):
    """A trial imported a 2-minute mock interview with two voices: the review credited the
    interviewer's 'Assume 50 milliseconds...' as the candidate's numbers, counted its questions
    as 8 clarifying questions and the gaps between speakers as long pauses, and nothing said
    that the whole file is one answer."""
    from gui_fakes import transcript_of

    wav = tmp_path / "mock.wav"
    sf.write(wav, np.zeros(16000 * 3, dtype=np.float32), 16000)
    store = Store.open()
    model_status = ModelStatus(lambda: "fake-model")
    model_status.start()
    qtbot.waitUntil(lambda: model_status.ready, timeout=10000)
    services = AppServices(transcribe_file=lambda path, model: transcript_of("how big is the data I would use a tree"))
    controller = _controller(qtbot, store, services, model_status)
    qtbot.addWidget(controller.import_progress)
    controller.import_recording(wav)
    qtbot.waitUntil(lambda: controller.import_job.finished, timeout=10000)
    wait_for_background_work()

    def said() -> list[str]:
        return [text for _, text in controller.banner.history if text.startswith("Imported mock.wav.")]
    # The banner is posted to the GUI thread when the import is done: wait for it (a loaded run
    # looked before the event loop had shown it).
    qtbot.waitUntil(lambda: bool(said()), timeout=10000)
    assert "every voice" in said()[-1] and "interviewer" in said()[-1], controller.banner.history
    store.close()


def test_a_deleted_answer_recording_is_named_with_where_it_was(qtbot, tmp_path, isolated_dirs):
    """A trial deleted one answer's WAV file: playing it said only 'The recording of this
    answer is missing' and the review 'Missing recordings: 1', naming neither file nor folder."""
    store = Store.open()
    sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
    aid = store.add_answer(sid, "q0", "Question?", asked_at=1.0, answer_start=2.0)
    path = store.audio_path_for(sid, aid)
    sf.write(path, np.zeros(16000, dtype=np.float32), 16000)
    store.finish_answer(aid, 3.0)
    store.finish_session(sid, SessionStatus.COMPLETED)
    path.unlink()
    controller = _controller(qtbot, store, AppServices(play_audio=lambda *a, **k: None))
    controller.open(sid)
    wait_for_background_work()
    summary = controller.screen.summary.text()
    assert "Missing recordings: 1" in summary and path.name in summary
    controller.play_answer(aid, 0.0)
    said = controller.banner.history[-1][1]
    assert str(path) in said and "transcript" in said, said
    store.close()


def test_playing_a_finding_says_where_on_the_round_clock(qtbot, tmp_path, isolated_dirs):
    """A trial clicked "[00:37] Long pause: Paused 3.3 s." and the review said "Playing from 9.2 s"
    (the time into that answer's recording), where every other time is on the round clock."""
    store = Store.open()
    sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
    aid = store.add_answer(sid, "q0", "Question?", asked_at=25.0, answer_start=27.8)
    sf.write(store.audio_path_for(sid, aid), np.zeros(16000 * 12, dtype=np.float32), 16000)
    store.finish_answer(aid, 40.0)
    store.finish_session(sid, SessionStatus.COMPLETED)
    controller = _controller(qtbot, store, AppServices(play_audio=lambda *a, **k: None))
    controller.open(sid)
    wait_for_background_work()
    controller.play_answer(aid, 9.2)
    assert controller.screen.playing.text() == "Playing from 00:37"
    store.close()
