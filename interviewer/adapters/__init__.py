"""Adapters: the libraries the app reaches the machine through (speech, audio, transcription)."""
from interviewer.startup import disable_telemetry

# faster-whisper's VAD loads onnxruntime, whose telemetry must be off before it loads. Every
# entry point does this already (interviewer.startup.prepare_process); this covers any other
# program that uses the adapters (scripts, benchmarks, tests). It only sets an environment variable.
disable_telemetry()
