"""Does the window stay responsive while long work runs with a progress bar? Prints, for each
kind of long work the review starts, how long it took, how many progress updates reached the
bar, and the longest stall of the Qt event loop meanwhile (a 5 ms QTimer measures the gaps
between its ticks; target < 50 ms), next to the same measure with nothing running (the
machine's own noise):

  - export to FLAC, WAV, PDF and HTML of a round with `--minutes` of recordings (noise, the
    slowest to encode), through ReviewController.export_session (worker thread, TaskProgress);
  - importing a recorded interview of about 75 s of espeak-ng speech with the real tiny.en in
    the transcription process (ReviewController.import_recording).

Usage: .venv/bin/python benchmarks/long_work_responsiveness.py [--minutes 120]
Runs offscreen; say the machine's load (uptime) next to the numbers.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPEECH = ("So the first thing I would do is ask about the scale of the system and the latency target. "
          "<break time='1200ms'/> Then I would build a simple baseline that ranks the posts by how recent "
          "they are. <break time='1200ms'/> After that I would add a model that predicts whether the user "
          "will click on a post. ") * 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=120, help="minutes of recordings in the exported round")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="interviewer-bench-"))
    os.environ["INTERVIEWER_DATA_DIR"] = str(tmp / "data")
    os.environ["INTERVIEWER_CONFIG_DIR"] = str(tmp / "config")
    os.environ.setdefault("INTERVIEWER_LOG_DIR", str(tmp / "logs"))

    import numpy as np
    import soundfile as sf
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from interviewer.app.real_adapters import transcribe_file
    from interviewer.app.services import AppServices
    from interviewer.app.transcription_process import TranscriptionClient
    from interviewer.gui.banner import Banner
    from interviewer.gui.debrief_screen import DebriefScreen
    from interviewer.gui.model_status import ModelStatus
    from interviewer.gui.review_controller import ReviewController
    from interviewer.gui.review_screen import ReviewScreen
    from interviewer.storage import SessionStatus, Store

    app = QApplication([])
    store = Store.open()
    sid = store.create_session("bench", "Benchmark round", "ml_system_design", args.minutes)
    noise = tmp / "noise.wav"
    rng = np.random.default_rng(1)
    sf.write(noise, (0.1 * rng.standard_normal(16000 * 600)).astype(np.float32), 16000, subtype="PCM_16")
    for n in range(max(1, args.minutes // 10)):
        aid = store.add_answer(sid, f"q{n}", f"Question {n}?", asked_at=600.0 * n, answer_start=600.0 * n)
        store.audio_path_for(sid, aid).parent.mkdir(parents=True, exist_ok=True)
        os.link(noise, store.audio_path_for(sid, aid))
        store.finish_answer(aid, answer_end=600.0 * n + 600)
    store.finish_session(sid, SessionStatus.COMPLETED)

    client = TranscriptionClient().start(None).wait_ready()
    status = ModelStatus(lambda: client)
    status.start()
    while not status.ready:
        app.processEvents()
        time.sleep(0.01)
    screen, debrief, banner = ReviewScreen(), DebriefScreen(), Banner()
    controller = ReviewController(AppServices(transcribe_file=transcribe_file), banner, status, screen, debrief,
                                  store=lambda: store, scripts=lambda: [], show=screen.show, recording=lambda: False)
    controller.open(sid)

    def measure(start, finished, bar) -> tuple[float, float, int]:
        clock, last, longest, updates = QElapsedTimer(), [0], [0], [0]
        bar.bar.valueChanged.connect(lambda _v: updates.__setitem__(0, updates[0] + 1))
        clock.start()

        def tick() -> None:
            now = clock.elapsed()
            longest[0] = max(longest[0], now - last[0])
            last[0] = now
        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(5)
        began = time.perf_counter()
        start()
        while not finished():
            app.processEvents()
            time.sleep(0.001)
        took = time.perf_counter() - began
        timer.stop()
        return took, float(longest[0]), updates[0]

    out = tmp / "exports"
    out.mkdir()
    print(f"uptime: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (1, 5 min load), {os.cpu_count()} CPUs")
    print(f"{'work':42s} {'seconds':>8s} {'updates':>8s} {'longest stall ms':>17s}")
    # The same 5 ms timer with nothing running: what the machine's load alone costs.
    idle_until = [0.0]
    took, stall, _ = measure(lambda: idle_until.__setitem__(0, time.monotonic() + 3.0),
                             lambda: time.monotonic() >= idle_until[0], screen.export_progress)
    print(f"{'nothing (3 s of an idle event loop)':42s} {took:8.2f} {0:8d} {stall:17.1f}")
    for fmt in ("flac", "wav", "pdf", "html"):
        controller.last_export = None
        took, stall, updates = measure(lambda fmt=fmt: controller.export_session(sid, fmt, out / f"round.{fmt}"),
                                       lambda: controller.export_job.finished and controller.last_export is not None,
                                       screen.export_progress)
        print(f"{f'export {args.minutes} min round as {fmt}':42s} {took:8.2f} {updates:8d} {stall:17.1f}")

    if shutil.which("espeak-ng"):
        wav = tmp / "interview.wav"
        subprocess.run(["espeak-ng", "-m", "-s", "140", "-w", str(wav), f"<speak>{SPEECH}</speak>"], check=True)
        seconds = sf.info(wav).duration
        took, stall, updates = measure(lambda: controller.import_recording(wav),
                                       lambda: controller.import_job.finished and not controller.import_progress.running,
                                       controller.import_progress)
        print(f"{f'import {seconds:.0f} s recording (tiny.en)':42s} {took:8.2f} {updates:8d} {stall:17.1f}")
    from interviewer.gui.workers import wait_for_background_work

    wait_for_background_work()
    client.close()  # ends the transcription process
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
