"""Small interfaces between the core and the heavy adapters (speech, microphone, transcription).

The round controller and the GUI talk to these; tests pass fakes, the app passes the adapters in
interviewer.adapters. Callbacks may arrive on any thread; the Qt layer re-posts them to the GUI.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Protocol

from interviewer.core.transcript import Transcript


class Speaker(Protocol):
    available: bool  # False when no speech engine is installed: show text instead

    def say(self, text: str, on_done: Callable[[], None] | None = None) -> None:
        """Start speaking and return at once; on_done fires when speech finished or was stopped."""

    def stop(self) -> int | None:
        """Stop mid-sentence. Optionally returns how many characters of the line being said had
        been played (at a word's end, a word counting once its start played); None when it
        cannot tell (the line is then marked cut off whole)."""

    # Optional: `reports_sound = True`: say() then also takes `on_sound: Callable[[], None]`,
    # called (any thread) when the utterance's first audio is handed to the sound device.
    # Optional: a property `playing_out: bool`, True once all of the current utterance has been
    # handed to the sound device (it ends within the output latency): pause() then counts it as
    # said instead of saying it again after resume.


class Recorder(Protocol):
    def start(self, wav_path: Path, on_audio: Callable[["object"], None] | None = None,
              on_level: Callable[[float], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None) -> None:
        """Record 16 kHz mono to wav_path (streamed to disk); on_audio gets float32 chunks,
        on_level the input level in dBFS, on_error a failure of the device mid-recording (what
        was recorded stays in the file). Callbacks may arrive on the recorder's thread.

        A recorder with `keeps_preroll = True` also takes `preroll_seconds`: the recording then
        begins with that much of the audio heard just before start() (the first words of a
        candidate who talked over the interviewer), and `speech_lookback_seconds`: it then begins
        at the onset of speech already under way at the start, looked for that far back
        (core/answer_start.py); its `preroll_kept` says how many seconds it began with."""

    def stop(self) -> Path:
        """Stop and close the file; returns its path."""

    def close(self) -> None:
        """Let go of the device (after a round); a later start() opens it again."""


class LiveTranscriber(Protocol):
    def feed(self, samples: "object") -> None:
        """Queue 16 kHz mono float32 samples; transcription proceeds in the background."""

    def finish(self) -> Transcript:
        """Wait for the rest of the audio to be transcribed and return the full transcript."""

    # Optional: an attribute `on_segment: Callable[[Segment], None] | None`. When present, the round
    # controller sets it to receive each segment as soon as it is transcribed (any thread).
    # Optional: an attribute `live_speech: list[SpeechRegion] | None`, the speech regions measured
    # so far, set before `on_segment` is called (the live view marks fillers with them).


class ClarifyingAnswerer(Protocol):
    """Answers the candidate's clarifying questions about one script question, as the
    interviewer would, from the facts the script holds back until asked."""

    def reply(self, question_text: str) -> tuple[str | None, str] | None:
        """(topic the question is about, or None; what the interviewer says), or None when the
        text is not a question to answer."""

    # Optional: `prepare(question_text) -> None`. When present, the round controller calls it on
    # the transcript's thread with the question the candidate's words end in, before `reply` is
    # asked for on the caller's thread with the same text (so that reply can be a look-up).
    # Optional: `follow_up_hint(follow_up_id) -> (None, text)`. When present, a hint asked for
    # while the candidate answers that follow-up comes from it, not from `reply` (which hints
    # about the main question).
