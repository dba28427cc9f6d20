"""Speech pipeline benchmark: speed, latency after the answer ends, and memory.

    .venv/bin/python benchmarks/speech_pipeline.py [--runs 3] [--speed 3] [--lengths 30,120,300]
        [--ends key,silence] [--key-gap 0.3] [--process] [--ab]

Prints
  (a) the real-time factor of the default pipeline (tiny.en, decode options that keep "um"
      and "uh", word timestamps, VAD), batch and live;
  (b) for answers of 30 s, 2 min and 5 min, the time from the end of the answer to the
      complete transcript with live transcription (median of --runs), beside transcribing the
      same answer in one batch after it ends, and where that time went: the stages that ran
      after the end (VAD, decoding and within it the encoder and word alignment, pitch,
      hesitation repair), how much speech was still being transcribed, and how many
      hesitation re-decodes were done ahead while the transcriber waited for audio.
      An answer ends the two ways the round ends one (core/round_controller.py): the key,
      pressed --key-gap s after the last word, or the silence detector, after its default
      DEFAULT_SILENCE_ENDS_ANSWER s of silence. The time is counted from that end. With
      --process the same runs go through the app's transcription process
      (app/transcription_process.py: pipe, child process) as in a round; with --ab, runs
      without the re-decodes done ahead are interleaved with runs with them;
  (c) peak memory (RSS) of a process that loads the default model and transcribes the 5 min
      answer, live (as the app does) and, in another process, batch (as the CLI does).

Answers are espeak-ng speech (interview-style sentences with hesitations) joined by pauses of
0.3-2.5 s. They are fed in 0.1 s blocks, as the microphone delivers them, at --speed times
real time. The default is real time (about 25 minutes for 3 runs of 30 s, 2 min and 5 min):
faster feeding keeps the transcriber busy all the time, which it never is in use, and
then it cannot use the pauses to get ahead. Targets: RTF <= 0.25, memory < 600 MB, and
(issue 11) latency after the answer <= 1.0 s median at every length on an idle 2-core machine.
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
    """Sentences in random order joined by random pauses, ending with the last word of the
    sentence that reaches `seconds` (live_run adds the silence before the answer is ended)."""
    rng = np.random.default_rng(seed)
    parts, total = [np.zeros(int(0.3 * RATE), np.float32)], 0.3
    while total < seconds:
        sentence = sentences[rng.integers(len(sentences))]
        pause = np.zeros(int(rng.uniform(0.3, 2.5) * RATE), np.float32)
        parts += [sentence, pause]
        total += (sentence.size + pause.size) / RATE
    parts.pop()
    return np.concatenate(parts)


class StageTimer:
    """Times the stages of transcription, by wrapping them where transcribe() looks them up:
    the Silero VAD, Whisper decoding (and within it the encoder passes and word alignment),
    the pitch of region ends, and hesitation repair. Each call is kept as (stage, enclosing
    top-level stage, start, end), so the work done after the answer ended can be split up."""

    TOP = {"vad": ("interviewer.adapters.vad", "speech_regions"),
           "decode": ("interviewer.adapters.decode_guards", "decode"),
           "pitch": ("interviewer.adapters.prosody", "with_final_rise"),
           "hesitation repair": ("interviewer.adapters.hesitations", "fix_hesitations"),
           "re-decodes done ahead": ("interviewer.adapters.hesitations", "check_ahead")}

    def __init__(self, model) -> None:
        import importlib
        import threading

        self.calls: list[tuple[str, str, float, float]] = []
        self._stack = threading.local()
        self._undo = []
        for stage, (module_name, name) in self.TOP.items():
            module = importlib.import_module(module_name)
            self._undo.append((module, name, getattr(module, name)))
            setattr(module, name, self._wrap(stage, getattr(module, name)))
        for stage, name in (("encoder", "encode"), ("word alignment", "find_alignment")):
            if hasattr(model, name):
                self._undo.append((model, name, None))
                setattr(model, name, self._wrap(stage, getattr(model, name)))

    def _wrap(self, stage: str, function):
        def timed(*args, **kwargs):
            stack = self._stack.__dict__.setdefault("names", [])
            top = stack[0] if stack else stage
            stack.append(stage)
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                stack.pop()
                self.calls.append((stage, top, start, time.perf_counter()))
        return timed

    def close(self) -> None:
        for owner, name, original in reversed(self._undo):
            if original is None:
                delattr(owner, name)  # the model's own method shows through again
            else:
                setattr(owner, name, original)

    def after(self, since: float, until: float) -> dict[str, float]:
        """Seconds each stage ran between `since` and `until` ("encoder in decode", ...)."""
        out: dict[str, float] = {}
        for stage, top, start, end in self.calls:
            overlap = min(end, until) - max(start, since)
            if overlap > 0:
                key = stage if stage == top else f"{stage} in {top}"
                out[key] = out.get(key, 0.0) + overlap
        return out


def live_run(model, audio: np.ndarray, speed: float, end_gap: float = 0.3, timer: StageTimer | None = None,
             client=None, check_ahead: bool = True) -> dict:
    """Feed `audio` (speech that ends with its last word) in 0.1 s blocks at `speed` x real time,
    then `end_gap` s of silence (the candidate stops talking, then the answer is ended: a key
    press, or the silence detector); time from that end to the complete transcript, and what
    the transcriber was doing in that time. With `client` (app/transcription_process.py), the
    transcriber runs in the app's transcription process and only the latency is known."""
    from interviewer.adapters import transcription
    from interviewer.adapters.live_transcriber import LiveTranscriber

    busy = [0.0]

    def timed_transcribe(*args, **kwargs):
        start = time.perf_counter()
        try:
            return transcription.transcribe(*args, **kwargs)
        finally:
            busy[0] += time.perf_counter() - start

    live = client.live() if client is not None else LiveTranscriber(model, transcribe_chunk=timed_transcribe,
                                                                     check_ahead=check_ahead)
    audio = np.concatenate([audio, np.zeros(int(end_gap * RATE), np.float32)])
    block = RATE // 10
    started = time.perf_counter()
    for n, i in enumerate(range(0, audio.size, block)):
        live.feed(audio[i:i + block])
        delay = started + (n + 1) * 0.1 / speed - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
    ended = time.perf_counter()
    transcript = live.finish()
    done = time.perf_counter()
    work = getattr(live, "work_log", [])
    # Speech whose chunk was still waiting or being transcribed when the answer ended.
    pending = [w for w in work if w.ended > ended and w.decoded]
    stages = timer.after(ended, done) if timer is not None else {}
    busy[0] += getattr(live, "check_ahead_seconds", 0.0)
    return {"latency": done - ended, "chunks": getattr(live, "chunks_transcribed", 0), "busy": busy[0],
            "words": len(transcript.words), "text": transcript.text, "stages": stages, "transcript": transcript,
            "pending_audio": sum(w.seconds for w in pending),
            "ahead": getattr(live, "checked_ahead", 0)}


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


def analyze_live(path: str, args: argparse.Namespace) -> None:
    """The live path's accuracy: the app analyses the live transcript of each answer."""
    from interviewer.adapters.transcription import load_audio, load_model
    from interviewer.core.analysis.report import analyze_answer

    from interviewer.cli.analyze_cmd import finite_only

    model = load_model()
    run = live_run(model, load_audio(path), args.speed, args.key_gap, check_ahead=not args.no_check_ahead)
    print(json.dumps(finite_only(analyze_answer(run["transcript"]).to_dict()), allow_nan=False))


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


def answer_ends(args: argparse.Namespace) -> dict[str, float]:
    """How the app ends an answer, as seconds of silence after the last word: the key
    (--key-gap after the last word) and, unless turned off, the silence detector
    (core/round_settings.py DEFAULT_SILENCE_ENDS_ANSWER, the default setting)."""
    from interviewer.core.round_settings import DEFAULT_SILENCE_ENDS_ANSWER

    ends = {"key": args.key_gap, "silence": DEFAULT_SILENCE_ENDS_ANSWER}
    return {name: ends[name] for name in args.ends.split(",")}


def print_breakdown(runs: list[dict]) -> None:
    """Median over runs of where the time after the end of the answer went."""
    stages = sorted({k for r in runs for k in r["stages"]}, key=lambda k: (" in " in k, k))
    parts = []
    for stage in stages:
        parts.append(f"{stage} {statistics.median(r['stages'].get(stage, 0.0) for r in runs):.2f}")
    top = [k for k in stages if " in " not in k]
    other = statistics.median(r["latency"] - sum(r["stages"].get(k, 0.0) for k in top) for r in runs)
    parts.append(f"other (queue, cutting, joining) {other:.2f}")
    pending = statistics.median(r["pending_audio"] for r in runs)
    ahead = statistics.median(r["ahead"] for r in runs)
    print(f"{'':>11} after the end (median s): " + ", ".join(parts))
    print(f"{'':>11} speech still being transcribed at the end: {pending:.1f} s; hesitation "
          f"re-decodes done ahead while waiting for audio: {ahead:.0f} (medians)")


def speed_and_latency(model, answers: dict[float, np.ndarray], args: argparse.Namespace) -> None:
    print("\n(b) end of answer -> complete transcript (the answer ends: "
          + ", ".join(f"{name} {gap:g} s after the last word" for name, gap in answer_ends(args).items()) + ")")
    print(f"{'answer':>8} {'end':>8} {'live latency median (runs)':>34} {'chunks':>7} "
          f"{'live RTF':>9} {'batch after end':>16} {'batch RTF':>10}")
    rtfs = {}
    timer = StageTimer(model)
    client = None
    if args.process:
        from interviewer.app.transcription_process import TranscriptionClient

        client = TranscriptionClient().start(None).wait_ready()
    try:
        for length, audio in answers.items():
            duration = audio.size / RATE
            batch = batch_run(model, audio)
            batch_rtf = batch["seconds"] / duration
            for end, gap in answer_ends(args).items():
                runs = [live_run(model, audio, args.speed, gap, timer) for _ in range(args.runs)]
                latencies = [r["latency"] for r in runs]
                live_rtf = statistics.median(r["busy"] for r in runs) / duration
                rtfs[length] = (batch_rtf, live_rtf)
                shown = ", ".join(f"{x:.2f}" for x in latencies)
                print(f"{length:>7.0f}s {end:>8} {statistics.median(latencies):>9.2f} s ({shown}) "
                      f"{runs[0]['chunks']:>7} {live_rtf:>9.3f} {batch['seconds']:>14.2f} s {batch_rtf:>10.3f}")
                print_breakdown(runs)
                print(f"{'':>11} live : {runs[0]['text'][:110]}...")
                if args.ab:
                    pairs = [(live_run(model, audio, args.speed, gap, check_ahead=False)["latency"],
                              live_run(model, audio, args.speed, gap)["latency"]) for _ in range(args.runs)]
                    print(f"{'':>11} A/B, runs interleaved: without re-decodes ahead median "
                          f"{statistics.median(a for a, _ in pairs):.2f} s ({', '.join(f'{a:.2f}' for a, _ in pairs)}), "
                          f"with {statistics.median(b for _, b in pairs):.2f} s ({', '.join(f'{b:.2f}' for _, b in pairs)})")
                if args.ab_window:
                    from interviewer.adapters import hesitations
                    pairs = []
                    for _ in range(args.runs):
                        hesitations.SHORT_WINDOW = False
                        padded = live_run(model, audio, args.speed, gap)
                        hesitations.SHORT_WINDOW = True
                        pairs.append((padded, live_run(model, audio, args.speed, gap)))
                    for label, pick in (("30 s window", 0), ("clip's own length", 1)):
                        latencies = [p[pick]["latency"] for p in pairs]
                        shown = ", ".join(f"{x:.2f}" for x in latencies)
                        print(f"{'':>11} A/B, runs interleaved: re-decodes encoding the {label}: median "
                              f"{statistics.median(latencies):.2f} s ({shown})")
                if client is not None:
                    remote = [live_run(None, audio, args.speed, gap, client=client)["latency"]
                              for _ in range(args.runs)]
                    shown = ", ".join(f"{x:.2f}" for x in remote)
                    print(f"{'':>11} in the app's transcription process (as in a round): median "
                          f"{statistics.median(remote):.2f} s ({shown})")
            print(f"{'':>11} batch: {batch['text'][:110]}...")
    finally:
        timer.close()
        if client is not None:
            client.close()

    print("\n(a) real-time factor of the default pipeline (fillers kept; processing s / audio s)")
    for length, (batch_rtf, live_rtf) in rtfs.items():
        print(f"  {length:>5.0f} s answer: batch {batch_rtf:.3f}, live (sum of chunk work) {live_rtf:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="live runs per answer length (median)")
    parser.add_argument("--speed", type=float, default=1.0,
                        help="feed speed, x real time (1 = as the microphone delivers it)")
    parser.add_argument("--lengths", default="30,120,300", help="answer lengths in seconds")
    parser.add_argument("--ends", default="key,silence",
                        help="how answers end: key (--key-gap s after the last word), silence (the "
                             "default silence detector), or both")
    parser.add_argument("--key-gap", type=float, default=0.3,
                        help="seconds from the last word to the key press")
    parser.add_argument("--ab", action="store_true",
                        help="also compare, in interleaved runs, the live transcriber without the hesitation "
                             "re-decodes done ahead (LiveTranscriber check_ahead=False)")
    parser.add_argument("--ab-window", action="store_true",
                        help="also compare, in interleaved runs, hesitation re-decodes that pad each clip to "
                             "Whisper's 30 s window (as before) with ones that encode the clip's length")
    parser.add_argument("--process", action="store_true",
                        help="also time the live transcriber in the app's transcription process")
    parser.add_argument("--memory-only", action="store_true", help="only measure (c)")
    parser.add_argument("--memory-probe", nargs=2, metavar=("WAV", "MODE"), help=argparse.SUPPRESS)
    parser.add_argument("--analyze-live", metavar="WAV",
                        help="print the analysis JSON (as `interviewer analyze --json`) of WAV's live "
                             "transcript, fed in real time and ended by key --key-gap s after it, e.g. as "
                             "the command of ../shared/speechbench/speechbench.py score")
    parser.add_argument("--no-check-ahead", action="store_true",
                        help="with --analyze-live: without the hesitation re-decodes done ahead")
    args = parser.parse_args()
    if args.memory_probe:
        memory_probe(args.memory_probe[0], args.memory_probe[1], args.speed)
        return 0
    if args.analyze_live:
        analyze_live(args.analyze_live, args)
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
