"""Speech pipeline benchmark: speed, latency after the answer ends, and memory.

    .venv/bin/python benchmarks/speech_pipeline.py [--runs 3] [--speed 3] [--lengths 30,120,300]

Prints
  (a) the real-time factor of the default pipeline (tiny.en, decode options that keep "um"
      and "uh", word timestamps, VAD), batch and live;
  (b) for answers of 30 s, 2 min and 5 min, the time from the end of the answer to the
      complete transcript with live transcription (median of --runs), beside transcribing the
      same answer in one batch after it ends;
  (c) peak memory (RSS) of a process that loads the default model and transcribes the 5 min
      answer, live (as the app does) and, in another process, batch (as the CLI does).

Answers are espeak-ng speech (interview-style sentences with hesitations) joined by pauses of
0.3-2.5 s. They are fed in 0.1 s blocks, as the microphone delivers them, at --speed times
real time. The default is real time (about 25 minutes for 3 runs of 30 s, 2 min and 5 min):
faster feeding keeps the transcriber busy all the time, which it never is in use, and
then it cannot use the pauses to get ahead. Targets (issue 3): RTF <= 0.25, latency <= 1.5 s median, memory < 600 MB.
Other processes sharing the CPU inflate every time; the load average is printed.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

RATE = 16000
SENTENCES = [
    "So, um, the first thing I would ask about is the size of the data.",
    "Uh, how many users do we have, and what is the latency budget for a prediction?",
    "Then I would start with a simple baseline, like logistic regression, to get a reference point.",
    "After that we can look at, um, gradient boosted trees and compare them on a held out set.",
    "For the features, uh, I would use the user's recent history and some item statistics.",
    "We need to be careful about leakage, so the split should be by time, not at random.",
    "Um, for serving, I would precompute embeddings and keep the online model small.",
    "Finally we need monitoring for drift, and a plan to roll back the model if accuracy drops.",
    "I think the main trade-off here is, uh, between freshness and cost.",
    "If the traffic doubles, we can shard the feature store and add a cache in front of it.",
    "In my last project, um, I owned the ranking model end to end, from data to deployment.",
    "The hardest part was convincing the team to, uh, invest in better offline evaluation.",
]


def espeak_sentences(folder: Path) -> list[np.ndarray]:
    from interviewer.adapters.transcription import load_audio

    out = []
    for i, text in enumerate(SENTENCES):
        path = folder / f"s{i}.wav"
        subprocess.run(["espeak-ng", "-s", "155", "-w", str(path), text], check=True)
        audio = load_audio(path)
        voiced = np.flatnonzero(np.abs(audio) > 0.01)  # trim espeak's own leading/trailing silence
        out.append(audio[voiced[0]:voiced[-1] + 1])
    return out


def build_answer(sentences: list[np.ndarray], seconds: float, seed: int) -> np.ndarray:
    """Sentences in random order joined by random pauses, cut at a sentence end near `seconds`."""
    rng = np.random.default_rng(seed)
    parts, total = [np.zeros(int(0.3 * RATE), np.float32)], 0.3
    while total < seconds:
        sentence = sentences[rng.integers(len(sentences))]
        pause = np.zeros(int(rng.uniform(0.3, 2.5) * RATE), np.float32)
        parts += [sentence, pause]
        total += (sentence.size + pause.size) / RATE
    parts[-1] = np.zeros(int(0.3 * RATE), np.float32)  # the candidate stops; a short silence
    return np.concatenate(parts)


def live_run(model, audio: np.ndarray, speed: float) -> dict:
    """Feed `audio` in 0.1 s blocks at `speed` x real time; time from the last block to the
    complete transcript."""
    from interviewer.adapters import transcription
    from interviewer.adapters.live_transcriber import LiveTranscriber

    busy = [0.0]

    def timed_transcribe(*args, **kwargs):
        start = time.perf_counter()
        try:
            return transcription.transcribe(*args, **kwargs)
        finally:
            busy[0] += time.perf_counter() - start

    live = LiveTranscriber(model, transcribe_chunk=timed_transcribe)
    block = RATE // 10
    started = time.perf_counter()
    for n, i in enumerate(range(0, audio.size, block)):
        live.feed(audio[i:i + block])
        delay = started + (n + 1) * 0.1 / speed - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
    ended = time.perf_counter()
    transcript = live.finish()
    latency = time.perf_counter() - ended
    return {"latency": latency, "chunks": live.chunks_transcribed, "busy": busy[0],
            "words": len(transcript.words), "text": transcript.text}


def batch_run(model, audio: np.ndarray) -> dict:
    from interviewer.adapters.transcription import transcribe

    start = time.perf_counter()
    transcript = transcribe(audio, model)
    return {"seconds": time.perf_counter() - start, "words": len(transcript.words), "text": transcript.text}


def memory_probe(audio_path: str, mode: str, speed: float) -> None:
    """Child process: load the default model, transcribe live or batch, print peak RSS. Batch
    reads the file as the CLI does (in chunks, never all of it); live is fed from memory."""
    from interviewer.adapters.transcription import load_audio, load_model, transcribe

    model = load_model()
    if mode == "batch":
        transcribe(audio_path, model)
    else:
        live_run(model, load_audio(audio_path), speed)
    print(json.dumps({"peak_mb": peak_rss_kb() / 1024}))


def peak_rss_kb() -> float:
    """This process's own peak resident memory. On Linux from VmHWM: ru_maxrss carries over
    the parent's RSS at fork across exec, so a probe started by a parent that has grown (after
    20 minutes of part (b)) would report the parent's size instead of its own."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def speed_and_latency(model, answers: dict[float, np.ndarray], args: argparse.Namespace) -> None:
    print("\n(b) end of answer -> complete transcript")
    print(f"{'answer':>8} {'audio s':>8} {'live latency median (runs)':>34} {'chunks':>7} "
          f"{'live RTF':>9} {'batch after end':>16} {'batch RTF':>10}")
    rtfs = {}
    for length, audio in answers.items():
        duration = audio.size / RATE
        runs = [live_run(model, audio, args.speed) for _ in range(args.runs)]
        batch = batch_run(model, audio)
        latencies = [r["latency"] for r in runs]
        live_rtf = statistics.median(r["busy"] for r in runs) / duration
        batch_rtf = batch["seconds"] / duration
        rtfs[length] = (batch_rtf, live_rtf)
        shown = ", ".join(f"{x:.2f}" for x in latencies)
        print(f"{length:>7.0f}s {duration:>8.1f} {statistics.median(latencies):>9.2f} s ({shown}) "
              f"{runs[0]['chunks']:>7} {live_rtf:>9.3f} {batch['seconds']:>14.2f} s {batch_rtf:>10.3f}")
        print(f"{'':>9} live : {runs[0]['text'][:110]}...")
        print(f"{'':>9} batch: {batch['text'][:110]}...")

    print("\n(a) real-time factor of the default pipeline (fillers kept; processing s / audio s)")
    for length, (batch_rtf, live_rtf) in rtfs.items():
        print(f"  {length:>5.0f} s answer: batch {batch_rtf:.3f}, live (sum of chunk work) {live_rtf:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="live runs per answer length (median)")
    parser.add_argument("--speed", type=float, default=1.0,
                        help="feed speed, x real time (1 = as the microphone delivers it)")
    parser.add_argument("--lengths", default="30,120,300", help="answer lengths in seconds")
    parser.add_argument("--memory-only", action="store_true", help="only measure (c)")
    parser.add_argument("--memory-probe", nargs=2, metavar=("WAV", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_probe:
        memory_probe(args.memory_probe[0], args.memory_probe[1], args.speed)
        return 0

    from interviewer.adapters.transcription import DECODE_OPTIONS, load_model
    import soundfile

    print(f"CPU cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.2f} "
          "(other processes share the CPU; all times include their interference)")
    print(f"decode options: { {k: v for k, v in DECODE_OPTIONS.items()} }")
    lengths = [float(x) for x in args.lengths.split(",")]
    with tempfile.TemporaryDirectory(prefix="speech-bench-") as folder:
        sentences = espeak_sentences(Path(folder))
        t = time.perf_counter()
        model = load_model()
        print(f"model load: {time.perf_counter() - t:.2f} s")
        answers = {length: build_answer(sentences, length, seed=int(length)) for length in lengths}
        batch_run(model, answers[lengths[0]][: 5 * RATE])  # warm-up

        if not args.memory_only:
            speed_and_latency(model, answers, args)

        longest = max(lengths)
        wav = Path(folder) / "longest.wav"
        soundfile.write(wav, answers[longest], RATE)
        print(f"\n(c) peak memory (RSS) of a process that loads the default model and transcribes "
              f"the {longest:.0f} s answer:")
        # Memory does not depend on the feed speed: feed fast to save time.
        for mode in ("live", "batch"):
            probe = subprocess.run([sys.executable, __file__, "--memory-probe", str(wav), mode,
                                    "--speed", "4"], capture_output=True, text=True, check=True)
            peak = json.loads(probe.stdout.strip().splitlines()[-1])["peak_mb"]
            print(f"  {mode:>5}: {peak:.0f} MB")
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
