"""How responsive is the app? Prints:

1. launch -> window shown, and launch -> speech model ready, for `interviewer` started as a
   fresh process (median of --launches runs; targets: window <= 1.0 s on 2 cores, before the
   model is ready). --compare-with TREE launches another source tree of the app (a git worktree
   of an older commit) in turn with this one, so both are measured under the same load;
2. the longest stall of the Qt event loop during a live round with transcription running
   (target < 50 ms): a 5 ms QTimer measures the gaps between its ticks while the app runs a real
   round with the real engine, controller, store, analysis and tiny.en live transcription. The
   microphone is replaced by one that streams a spoken answer (espeak-ng, with hesitations) at
   real-time pace, so the run needs no sound card; the interviewer's voice is text-only. The
   sentence-embedding model decides follow-ups and answers clarifying questions, as in the app.

Usage: .venv/bin/python benchmarks/gui_responsiveness.py [--seconds 60] [--launches 3] [--compare-with TREE]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BASELINE_SECONDS = 10.0
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ANSWER_SSML = (
    "Um, so before I design anything, what is the latency target, and how many requests per second? "
    "<break time='1200ms'/> Okay. Uh, I would start with, like, a candidate generation stage, "
    "then a ranking model trained on click logs. <break time='800ms'/> Basically the features are "
    "user history, post age and author affinity. Hmm, for serving I would precompute embeddings, "
    "and, you know, cache the top results. <break time='2500ms'/> For monitoring I would track "
    "click-through rate and drift in the feature distributions, and roll back if it drops."
)


def launch_times(runs: int, trees: list[Path]) -> dict[Path, tuple[list[float], list[float]]]:
    """Per source tree, seconds from spawning the app (`interviewer`, i.e. interviewer.cli.main)
    to its window being shown and to its model ready; the trees take turns."""
    times: dict[Path, tuple[list[float], list[float]]] = {tree: ([], []) for tree in trees}
    for _ in range(runs):
        for tree in trees:
            shown, ready = times[tree]
            with tempfile.TemporaryDirectory() as tmp:
                env = dict(os.environ, INTERVIEWER_STARTUP_REPORT="1", QT_QPA_PLATFORM="offscreen",
                           INTERVIEWER_DATA_DIR=f"{tmp}/data", INTERVIEWER_CONFIG_DIR=f"{tmp}/config",
                           PYTHONPATH=str(tree))  # before the editable install's path
                start = time.time()
                out = subprocess.run([sys.executable, "-c", "import sys; from interviewer.cli import main; "
                                      "sys.exit(main())"], env=env, cwd=tmp, capture_output=True, text=True,
                                     timeout=120).stdout
            for line in out.splitlines():
                parts = line.split()
                if parts and parts[0] == "window_shown_at":
                    shown.append(float(parts[1]) - start)
                elif parts and parts[0].startswith("model_") and parts[0].endswith("_at"):
                    ready.append(float(parts[1]) - start)
    return times


class StreamingMicrophone:
    """A Recorder that 'hears' a WAV file looped at real-time pace, from its own thread."""

    def __init__(self, samples, block_seconds: float = 0.1) -> None:
        self.samples = samples
        self.block = int(16000 * block_seconds)
        self._stop = threading.Event()
        self._thread = None
        self._writer = None

    def start(self, wav_path, on_audio=None, on_level=None, on_error=None):
        import numpy as np

        from interviewer.storage.wav_writer import CrashSafeWavWriter

        self._writer = CrashSafeWavWriter(wav_path)
        self._stop.clear()

        def run():
            i, t0, n = 0, time.monotonic(), 0
            while not self._stop.is_set():
                chunk = self.samples[i:i + self.block]
                i = (i + self.block) % max(len(self.samples) - self.block, 1)
                self._writer.write(chunk)
                level = float(20 * np.log10(max(float(np.sqrt(np.mean(chunk ** 2))), 1e-5)))
                if on_level:
                    on_level(level)
                if on_audio:
                    on_audio(chunk)
                n += 1
                time.sleep(max(0.0, t0 + n * self.block / 16000 - time.monotonic()))

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()

    def stop(self):
        self._stop.set()
        self._thread.join()
        return self._writer.close()

    def close(self):
        pass  # no device to let go of


class TextOnlySpeaker:
    available = False

    def say(self, text, on_done=None):
        raise RuntimeError("text only")

    def stop(self):
        pass


def run_event_loop(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def measure_round(seconds: float, answer_seconds: float) -> dict:
    import numpy as np
    from PySide6.QtCore import QTimer

    from interviewer.app import real_adapters
    from interviewer.gui.app import create_application
    from interviewer.gui.main_window import MainWindow
    from interviewer.app.services import AppServices
    from interviewer.gui.workers import wait_for_background_work
    from interviewer.storage import Store

    tmp = Path(tempfile.mkdtemp(prefix="gui-bench-"))
    wav = tmp / "answer.wav"
    subprocess.run(["espeak-ng", "-m", "-s", "150", "-w", str(wav), f"<speak>{ANSWER_SSML}</speak>"],
                   check=True, timeout=60)
    from interviewer.adapters.transcription import load_audio

    samples = load_audio(wav).astype(np.float32)
    samples = np.concatenate([samples, np.zeros(16000, dtype=np.float32)])

    app = create_application()
    services = AppServices(
        make_speaker=lambda _s: TextOnlySpeaker(),
        make_recorder=lambda _s: StreamingMicrophone(samples),
        make_live_transcriber=real_adapters.make_live_transcriber,
        load_model=real_adapters.load_model,
        load_text_encoder=real_adapters.load_text_encoder,  # follow-ups and clarifying replies by meaning
        open_store=lambda: Store.open(tmp / "data"),
    )
    window = MainWindow(services)
    window.show()
    window.start_background_loading()
    deadline = time.monotonic() + 60
    while not window.model_status.ready and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if not window.model_status.ready:
        raise SystemExit(f"model did not load: {window.model_status.message}")
    while window.text_encoder is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    # Baseline: the same probe with the window idle, to tell machine load from our own stalls.
    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)
    # A local event loop, not app.exec()/quit(): in Qt 6 quit() closes the windows.
    last[0] = time.perf_counter()
    probe.start()
    run_event_loop(BASELINE_SECONDS)
    probe.stop()
    baseline = sorted(g * 1000 for g in gaps[1:])
    gaps.clear()

    script = next(s for s in window.scripts if s.kind == "ml_system_design")
    window.start_round(script)
    screen = window.round_screen
    # The round's own work on the GUI thread: wall and CPU time of each poll (everything the
    # controller does: turn-taking, follow-up decisions, clarifying replies, status). CPU time
    # is what the code costs; the wall time also holds waits for a CPU on a loaded machine.
    poll_times: list[tuple[float, float]] = []
    session_poll = screen.session.poll

    def timed_poll():
        wall, cpu = time.perf_counter(), time.thread_time()
        session_poll()
        poll_times.append((time.perf_counter() - wall, time.thread_time() - cpu))

    screen.session.poll = timed_poll
    answers_ended = [0]

    def maybe_end_answer():
        answer = screen.session.controller.current_answer
        if answer is not None and screen.session.engine.elapsed() - answer.started_at >= answer_seconds:
            screen.end_answer()
            answers_ended[0] += 1

    ender = QTimer()
    ender.setInterval(200)
    ender.timeout.connect(maybe_end_answer)
    last[0] = time.perf_counter()
    probe.start()
    ender.start()
    run_event_loop(seconds)
    probe.stop()
    ender.stop()
    transcribed = [a for a in screen.session.answers.values() if a.transcript is not None]
    problems = list(screen.session.problems) + [
        f"answer {r.index}: {r.transcript_error}" for r in screen.session.controller.answers if r.transcript_error]
    words = sum(len(a.transcript.words) for a in transcribed)
    window.shutdown()
    wait_for_background_work(10000)
    shutil.rmtree(tmp, ignore_errors=True)
    gaps_ms = sorted(g * 1000 for g in gaps[1:])
    return {
        "ticks": len(gaps_ms),
        "longest_gap_ms": gaps_ms[-1],
        "p99_gap_ms": gaps_ms[int(0.99 * (len(gaps_ms) - 1))],
        "median_gap_ms": statistics.median(gaps_ms),
        "gaps_over_50ms": sum(g > 50 for g in gaps_ms),
        "answers_ended": answers_ended[0],
        "answers_transcribed": len(transcribed),
        "words_transcribed": words,
        "problems": problems,
        "poll_longest_wall_ms": 1000 * max((w for w, _ in poll_times), default=0.0),
        "poll_longest_cpu_ms": 1000 * max((c for _, c in poll_times), default=0.0),
        "polls": len(poll_times),
        "baseline_longest_ms": baseline[-1],
        "baseline_over_50ms": sum(g > 50 for g in baseline),
        "baseline_ticks": len(baseline),
    }


def _commit_of(tree: Path) -> str:
    out = subprocess.run(["git", "-C", str(tree), "log", "-1", "--format=%h %s"], capture_output=True, text=True)
    return out.stdout.strip()[:60] or "not a git tree"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the live round measured")
    parser.add_argument("--answer-seconds", type=float, default=20.0, help="each answer lasts this long")
    parser.add_argument("--launches", type=int, default=3)
    parser.add_argument("--compare-with", type=Path, metavar="TREE",
                        help="another source tree of the app (e.g. `git worktree add /tmp/old COMMIT`), "
                             "launched in turn with this one")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("PYTHONDONTWRITEBYTECODE is set: modules with no up-to-date compiled copy are compiled "
              "from source at every launch (an installed app has them all compiled); unset it for that")
    trees = [ROOT] + ([args.compare_with.resolve()] if args.compare_with else [])
    for tree, (shown, ready) in launch_times(args.launches, trees).items():
        if len(trees) > 1:
            print(f"{tree} ({_commit_of(tree)}):")
        print(f"launch -> window shown:      median {statistics.median(shown):.2f} s "
              f"(runs: {', '.join(f'{s:.2f}' for s in shown)}; target <= 1.0 s)")
        print(f"launch -> speech model ready: median {statistics.median(ready):.2f} s "
              f"(runs: {', '.join(f'{s:.2f}' for s in ready)})")
    r = measure_round(args.seconds, args.answer_seconds)
    print(f"live round, {args.seconds:.0f} s with tiny.en transcribing: longest event-loop stall "
          f"{r['longest_gap_ms'] - 5:.1f} ms beyond the 5 ms tick (target < 50 ms); "
          f"p99 gap {r['p99_gap_ms']:.1f} ms, median {r['median_gap_ms']:.1f} ms, "
          f"{r['gaps_over_50ms']} gaps over 50 ms in {r['ticks']} ticks")
    print(f"  the round's own work per poll on the GUI thread ({r['polls']} polls): longest "
          f"{r['poll_longest_cpu_ms']:.1f} ms CPU, {r['poll_longest_wall_ms']:.1f} ms wall")
    print(f"  idle window for {BASELINE_SECONDS:.0f} s, same probe (machine noise): longest stall "
          f"{r['baseline_longest_ms'] - 5:.1f} ms, {r['baseline_over_50ms']} gaps over 50 ms in {r['baseline_ticks']} ticks")
    print(f"  answers ended {r['answers_ended']}, transcribed {r['answers_transcribed']}, "
          f"words {r['words_transcribed']}")
    for problem in r["problems"]:
        print(f"  problem: {problem}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
