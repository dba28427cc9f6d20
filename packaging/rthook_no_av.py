# PyInstaller runtime hook: the bundle leaves out PyAV (FFmpeg, 78 MB). faster-whisper imports
# it at import time but only uses it to decode files, which the app does with libsndfile
# (adapters/transcription.load_audio). A stand-in module lets the import succeed and turns
# any use into an ImportError that load_audio reports as "this build reads WAV, FLAC, ...".
import sys
import types

try:
    import av  # noqa: F401 - a build that does carry PyAV keeps it
except ImportError:
    stand_in = types.ModuleType("av")

    def __getattr__(name):
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError("PyAV is not part of this build")

    stand_in.__getattr__ = __getattr__
    sys.modules["av"] = stand_in
