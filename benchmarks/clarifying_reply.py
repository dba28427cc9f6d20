"""End of a clarifying question -> start of the interviewer's spoken answer, on the real pipeline.

Issue 12's target: median <= 1.5 s on 2 cores. The whole app path runs, as in a round: a
RoundSession with the real Microphone, the transcription child process (tiny.en live
transcriber), the sentence-embedding matcher, the silence tracker and the real Speaker
(pyttsx3/espeak-ng), polled every 100 ms as the round screen does. The candidate's questions
are espeak-ng recordings (several voices) played into a PulseAudio null sink the app records
from; the interviewer speaks into another null sink (headphones: no echo).

Both ends are timed the same way, from the sinks themselves: `parec` reads each sink's monitor
in 10 ms pieces, so the end of the question is the last loud sample the microphone got and the
start of the reply the first loud sample the app played (the PulseAudio latency of the two
readers is the same and cancels). Also printed, from the controller's updates: when the question's
text arrived from the live transcriber, when the reply was chosen, and when the Speaker started.

    python benchmarks/clarifying_reply.py [--questions 8]
"""
from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

SPK, MIC = "clarify_spk", "clarify_mic"
RATE = 16000
POLL_S = 0.1  # gui/round_screen.py POLL_MS
SCRIPT, QUESTION = "ml_system_design_feed_ranking", "design_feed"
# (espeak-ng voice, words per minute, question): written for this benchmark, several topics.
ASKS = [
    ("en-us", 165, "How many people use the app every day?"),
    ("en", 150, "What is the latency budget for the feed?"),
    ("en-us+f3", 175, "How do we measure success here?"),
    ("en+m3", 160, "How many videos are in the catalogue?"),
    ("en-us+m7", 150, "How fast should a new upload show up in the feed?"),
    ("en+f2", 170, "Do we have users in Europe?"),
    ("en-us", 185, "What about brand new users with no history?"),
    ("en+f4", 155, "Is there a moderation system already?"),
]
LOUD = 0.01  # amplitude: espeak-ng speech is far above, digital silence far below


@contextlib.contextmanager
def virtual_room():
    """Two null sinks: the app speaks into SPK and records MIC's monitor (headphones, no echo)."""
    modules = []
    saved = {k: os.environ.get(k) for k in ("PULSE_SINK", "PULSE_SOURCE")}
    try:
        for sink in (SPK, MIC):
            out = subprocess.run(["pactl", "load-module", "module-null-sink", f"sink_name={sink}"],
                                 capture_output=True, text=True, check=True, timeout=10)
            modules.append(out.stdout.strip())
        os.environ["PULSE_SINK"], os.environ["PULSE_SOURCE"] = SPK, f"{MIC}.monitor"
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        for module in reversed(modules):
            subprocess.run(["pactl", "unload-module", module], capture_output=True, timeout=10)


class SinkProbe:
    """Reads a sink's monitor with parec and keeps, per 10 ms piece, (arrival time, peak)."""

    PIECE = RATE // 100

    def __init__(self, sink: str) -> None:
        self.pieces: list[tuple[float, float]] = []
        self._process = subprocess.Popen(
            ["parec", f"--device={sink}.monitor", "--format=s16le", f"--rate={RATE}", "--channels=1",
             "--raw", "--latency-msec=10"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        size = self.PIECE * 2
        while True:
            data = self._process.stdout.read(size)
            if not data or len(data) < size:
                return
            now = time.monotonic()
            peak = float(np.max(np.abs(np.frombuffer(data, dtype="<i2")))) / 32768.0
            # The piece ends now: its start is 10 ms earlier.
            self.pieces.append((now - self.PIECE / RATE, peak))

    def last_loud_before(self, t: float, since: float) -> float | None:
        loud = [at + self.PIECE / RATE for at, peak in self.pieces if since <= at < t and peak > LOUD]
        return loud[-1] if loud else None

    def first_loud_after(self, t: float) -> float | None:
        return next((at for at, peak in self.pieces if at >= t and peak > LOUD), None)

    def close(self) -> None:
        self._process.terminate()
        self._process.wait(5)


def render_questions(folder: Path) -> list[tuple[str, Path]]:
    out = []
    for i, (voice, wpm, text) in enumerate(ASKS):
        path = folder / f"ask{i}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(path), text], check=True, timeout=30)
        out.append((text, path))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=len(ASKS), help=f"how many to ask (up to {len(ASKS)})")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="clarify-bench-") as folder:
        os.environ["INTERVIEWER_DATA_DIR"] = str(Path(folder) / "data")  # nothing in the user's data
        asks = render_questions(Path(folder))[:args.questions]
        with virtual_room():
            results = run_round(asks)
    print_results(results)
    return 0


def run_round(asks: list[tuple[str, Path]]) -> list[dict]:
    from interviewer.adapters.embeddings import load_text_encoder
    from interviewer.adapters.microphone import Microphone
    from interviewer.adapters.speaker import Speaker
    from interviewer.app.round_session import RoundSession
    from interviewer.app.transcription_process import TranscriptionClient
    from interviewer.core.clock import MonotonicClock
    from interviewer.core.round_records import UtteranceKind
    from interviewer.core.round_updates import ClarifyingAnswered, PartialTranscript, Speaking
    from interviewer.core.scripts.loader import discover_scripts

    print(f"CPU cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.2f} "
          "(other processes share the CPU; all times include their interference)")
    client = TranscriptionClient().start(None)
    encoder = load_text_encoder()
    speaker = Speaker()
    if not speaker.available:
        sys.exit(f"no speech engine: {speaker.unavailable_reason}")
    client.wait_ready()
    script = discover_scripts().by_id(SCRIPT)
    events: list[tuple[float, object]] = []

    def background(fn) -> None:
        threading.Thread(target=fn, daemon=True).start()

    mic_probe, spk_probe = SinkProbe(MIC), SinkProbe(SPK)
    session = RoundSession(script, MonotonicClock(), speaker=speaker, recorder=Microphone(),
                           transcriber_factory=client.live, text_encoder=encoder,
                           on_update=lambda u: events.append((time.monotonic(), u)),
                           run_in_background=background)
    controller = session.controller
    results = []

    def poll_until(condition, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            session.poll()
            if condition():
                return True
            time.sleep(POLL_S)
        return False

    def listening_to_question() -> bool:
        answer = controller._answer
        return (answer is not None and answer.question_id == QUESTION and controller._speaking is None
                and not controller._to_say)

    try:
        session.start()
        poll_until(lambda: controller._answer is not None, 60)
        controller.next_part()  # past the introduction: the requirements phase asks the question
        if not poll_until(listening_to_question, 120):
            sys.exit("the round never started listening to the design question")
        time.sleep(1.0)
        for text, wav in asks:
            asked = time.monotonic()
            seen = len(events)
            subprocess.run(["paplay", f"--device={MIC}", str(wav)], check=True, timeout=30)
            replied = poll_until(lambda: any(isinstance(u, ClarifyingAnswered) for _, u in events[seen:]), 15)
            # Let the reply play to its end, then a breath before the next question.
            poll_until(lambda: listening_to_question() and not speaker.speaking, 30)
            time.sleep(1.0)
            session.poll()
            results.append(measure(text, asked, replied, events[seen:], mic_probe, spk_probe,
                                   ClarifyingAnswered, PartialTranscript, Speaking, UtteranceKind))
    finally:
        session.stop()
        poll_until(lambda: controller.finished, 20)
        session.close()
        mic_probe.close()
        spk_probe.close()
        speaker.close()
        client.close()
    return results


def measure(text, asked, replied, events, mic_probe, spk_probe, ClarifyingAnswered, PartialTranscript,
            Speaking, UtteranceKind) -> dict:
    answered = next((t for t, u in events if isinstance(u, ClarifyingAnswered)), None)
    reply = next((u.clarification for t, u in events if isinstance(u, ClarifyingAnswered)), None)
    speaking = next((t for t, u in events if isinstance(u, Speaking) and u.kind == UtteranceKind.CLARIFICATION), None)
    heard = [(t, u.segment.text) for t, u in events if isinstance(u, PartialTranscript)]
    onset = spk_probe.first_loud_after(answered) if answered is not None else None
    question_end = mic_probe.last_loud_before(answered if answered is not None else time.monotonic(), asked)
    out = {"text": text, "replied": replied, "reply": reply, "heard": [h for _, h in heard]}
    if question_end is not None:
        out["text_in"] = heard[-1][0] - question_end if heard else None
        if answered is not None:
            out["chosen"] = answered - question_end
        if speaking is not None:
            out["say"] = speaking - question_end
        if onset is not None:
            out["latency"] = onset - question_end
    return out


def print_results(results: list[dict]) -> None:
    print("\nend of the question -> (text from the live transcriber, reply chosen, Speaker asked, "
          "reply audible)")
    for r in results:
        def fmt(key):
            value = r.get(key)
            return f"{value:5.2f}" if value is not None else "  -  "
        topic = r["reply"].topic if r["reply"] is not None else "(no reply)"
        print(f"  {fmt('text_in')} {fmt('chosen')} {fmt('say')} {fmt('latency')} s  {r['text']!r} -> {topic}; "
              f"heard {' | '.join(r['heard'])!r}")
    latencies = [r["latency"] for r in results if r.get("latency") is not None]
    answered = sum(1 for r in results if r["replied"])
    print(f"\nanswered {answered} of {len(results)} questions")
    if latencies:
        stages = {k: statistics.median(r[k] for r in results if r.get(k) is not None)
                  for k in ("text_in", "chosen", "say") if any(r.get(k) is not None for r in results)}
        print("median s after the end of the question: " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
        print(f"end of question -> start of the interviewer's answer: median {statistics.median(latencies):.2f} s, "
              f"max {max(latencies):.2f} s (target: median <= 1.5 s)")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    sys.exit(main())
