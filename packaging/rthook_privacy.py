# PyInstaller runtime hook: ONNX Runtime's telemetry off before any code of the bundle runs,
# including a multiprocessing child (the transcription process) that freeze_support() takes
# over before main() is reached. The entry points call the same function again
# (interviewer.startup); this hook makes the bundle safe even if one is missed.
from interviewer.startup import disable_telemetry

disable_telemetry()
