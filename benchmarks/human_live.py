"""Turn-taking levels on real human recordings: does silence end the answer, and does the room
count as a voice? In-process, no devices, no Whisper: each recording goes through the app's own
SilenceTracker (app/silence_tracker.py) and VoiceDetector (adapters/voice.py, headphones, nothing
played: a plain level detector) in the microphone's 0.1 s blocks, on a simulated clock.

Each recording is followed by 10 s of its own room: its quietest tenth of 0.1 s blocks, in
order, repeated. Recordings that are speech from end to end have no room to take (their
quietest blocks are above -50 dBFS and vary by more than 6 dB: words): left out of the counts. Printed per recording,
then counted:

- ended early: the silence tracker reached DEFAULT_SILENCE_ENDS_ANSWER (8 s) before the
  recording's last speech (a thinking pause ended the answer);
- endless: it never did, not even 10 s into the room after the last word;
- no speech: no block counted as speech (the answer could not end on silence either);
- barge-in: the same recording after 2 s of its room, as if the candidate started talking
  over the interviewer (headphones): whether the voice detector reported the start, and how
  long after the first speech the Silero VAD finds (a detector still "on" from the room
  reports no new start, and the interviewer would talk on);
- room voices: onsets the voice detector reported in the 10 s of room (with the interviewer
  talking, each one would have stopped it: a false barge-in), and the share of the room's
  20 ms frames it took for a voice (a voice that never ends is reported once, but any reply
  the interviewer starts then is interrupted as soon as the detector is rearmed).

    python benchmarks/human_live.py [DATA_DIR]   (default benchmarks/human_speech, built with
                                                  benchmarks/human_speech_build.py)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import soundfile

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BLOCK = 1600  # 0.1 s at 16 kHz, the microphone's block
TAIL_S = 10.0


def room_tone(audio: np.ndarray, seconds: float = TAIL_S) -> np.ndarray:
    from interviewer.adapters.resample import rms_dbfs

    blocks = [audio[b:b + BLOCK] for b in range(0, audio.size - BLOCK + 1, BLOCK)]
    levels = np.array([rms_dbfs(b) for b in blocks])
    quiet = [b for b, level in zip(blocks, levels) if level <= np.percentile(levels, 10)]
    tone = np.concatenate(quiet)
    return np.resize(tone, int(seconds * 16000)).astype(np.float32)


def run(audio: np.ndarray) -> dict:
    """Feed `audio` + its room tone through the silence tracker and the voice detector."""
    from interviewer.adapters.resample import rms_dbfs
    from interviewer.adapters.voice import VoiceDetector
    from interviewer.app.silence_tracker import SilenceTracker
    from interviewer.core.round_settings import DEFAULT_SILENCE_ENDS_ANSWER

    clock = [0.0]
    reports: list[float] = []
    tracker = SilenceTracker(reports.append, now=lambda: clock[0])
    onsets: list[float] = []
    detector = VoiceDetector(lambda: onsets.append(clock[0]), None, headphones=True, now=lambda: clock[0])
    speech_end = audio.size / 16000
    full = np.concatenate([audio, room_tone(audio)])
    heard, ended_at, room_frames = False, None, [0, 0]
    for begin in range(0, full.size - BLOCK + 1, BLOCK):
        clock[0] += BLOCK / 16000
        block = full[begin:begin + BLOCK]
        tracker.level(rms_dbfs(block))
        if hasattr(tracker, "sound"):  # the voicing check, where the app has one
            tracker.sound(block)
        before = detector.voiced_frames
        detector.process(block)
        if clock[0] > speech_end + 1.0:  # the room, after the last word's release
            room_frames[0] += detector.voiced_frames - before
            room_frames[1] += block.size // 320
        if reports and reports[-1] <= 0:
            heard = True
        if heard and ended_at is None and reports and reports[-1] >= DEFAULT_SILENCE_ENDS_ANSWER:
            ended_at = clock[0]
    last_speech = max((i for i, r in enumerate(reports) if r <= 0), default=None)
    return {"heard": heard, "ended_at": ended_at, "speech_end": speech_end,
            "early": ended_at is not None and ended_at < speech_end - 0.5,
            "room_voices": sum(1 for t in onsets if t > speech_end + 1.0),
            "speech_voices": sum(1 for t in onsets if t <= speech_end),
            "room_voiced": room_frames[0] / max(1, room_frames[1]),
            "last_speech_block": last_speech}


def onset_after_room(audio: np.ndarray) -> float | None:
    """Seconds from the first VAD speech to the voice detector's first onset after 2 s of the
    recording's room; None if it reported none (or there is no speech)."""
    from interviewer.adapters.vad import speech_regions
    from interviewer.adapters.voice import VoiceDetector

    regions = speech_regions(audio)
    if not regions:
        return None
    lead = 2.0
    full = np.concatenate([room_tone(audio, lead), audio])
    clock, onsets = [0.0], []
    detector = VoiceDetector(lambda: onsets.append(clock[0]), None, headphones=True, now=lambda: clock[0])
    for begin in range(0, full.size - BLOCK + 1, BLOCK):
        clock[0] += BLOCK / 16000
        detector.process(full[begin:begin + BLOCK])
    after = [t for t in onsets if t >= lead]
    return after[0] - (lead + regions[0].start) if after else None


def main(data: Path) -> None:
    from interviewer.adapters.resample import rms_dbfs

    clips = json.loads((data / "truth.json").read_text())["clips"]
    totals = {"early": 0, "endless": 0, "no speech": 0, "room voices": 0, "clips with room voices": 0,
              "clips with room taken for a voice (over 5% of its frames)": 0,
              "speech throughout (left out)": 0}
    latencies, missed = [], []
    for clip in clips:
        audio, rate = soundfile.read(str(data / clip["file"]), dtype="float32")
        assert rate == 16000
        latency = onset_after_room(audio)
        (missed.append(Path(clip["file"]).stem) if latency is None else latencies.append(latency))
        result = run(audio)
        tone = room_tone(audio)
        floor = rms_dbfs(tone)
        room = [rms_dbfs(tone[b:b + BLOCK]) for b in range(0, tone.size - BLOCK + 1, BLOCK)]
        spread = np.percentile(room, 90) - np.percentile(room, 10)
        if spread > 6.0 and np.median(room) > -50.0:  # speech throughout: its quietest blocks are words
            totals["speech throughout (left out)"] += 1
            print(f"{Path(clip['file']).stem:32s} room {floor:6.1f} dBFS  no steady room ({spread:.0f} dB spread)")
            continue
        endless = result["heard"] and result["ended_at"] is None
        totals["early"] += result["early"]
        totals["endless"] += endless
        totals["no speech"] += not result["heard"]
        totals["room voices"] += result["room_voices"]
        totals["clips with room voices"] += result["room_voices"] > 0
        totals["clips with room taken for a voice (over 5% of its frames)"] += result["room_voiced"] > 0.05
        verdict = ("EARLY" if result["early"] else "endless" if endless else "no speech" if not result["heard"]
                   else f"ends {result['ended_at'] - result['speech_end']:.1f} s after")
        print(f"{Path(clip['file']).stem:32s} room {floor:6.1f} dBFS  {verdict:22s} "
              f"voice onsets in speech {result['speech_voices']:2d}, in the room {result['room_voices']:2d}, "
              f"room frames voiced {result['room_voiced']:4.0%}")
    print(f"\n{len(clips)} recordings: " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    print(f"barge-in after 2 s of the room: start heard in {len(latencies)} of {len(latencies) + len(missed)}, "
          f"{np.median(latencies):.2f} s after the first speech (median), 90th percentile "
          f"{np.percentile(latencies, 90):.2f} s; not heard: {', '.join(missed)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "benchmarks" / "human_speech")
