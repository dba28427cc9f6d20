"""Keep libasound's own error lines off the terminal.

ALSA prints "ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM cards.pcm.rear" and the
like to stderr whenever PortAudio opens a PCM the system's configuration describes badly (a card
that is not there, a microphone the sound server no longer has). A user who started the app from
a terminal took them for the app's errors (trial 14). sounddevice hides them only while it
initializes PortAudio; a stream opened later printed them. What failed still reaches the user:
PortAudio returns the error, sounddevice raises it, and the app reports it in its own words.

A no-op handler is set through snd_lib_error_set_handler (what PyAudio and sounddevice users do
with ctypes), only when libasound loads; without it (not Linux, no ALSA) nothing changes. JACK
needs nothing here: PortAudio connects with JackNoStartServer and sets its own error function."""
from __future__ import annotations

import ctypes
import ctypes.util
import threading

# void handler(const char *file, int line, const char *function, int err, const char *fmt, ...):
# the variadic rest is ignored, which the C calling convention allows.
_HANDLER_TYPE = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int,
                                 ctypes.c_char_p)
_lock = threading.Lock()
_handler = None  # set once; libasound keeps calling it for the life of the process


def _ignore(_file, _line, _function, _err, _fmt) -> None:
    pass


def quiet_alsa() -> bool:
    """Set the no-op handler once per process; True when it is set, False without libasound."""
    global _handler
    with _lock:
        if _handler is not None:
            return True
        name = ctypes.util.find_library("asound") or "libasound.so.2"
        try:
            library = ctypes.CDLL(name)
            set_handler = library.snd_lib_error_set_handler
        except (OSError, AttributeError):  # no ALSA here: its messages cannot happen either
            return False
        set_handler.argtypes = [_HANDLER_TYPE]
        set_handler.restype = ctypes.c_int
        handler = _HANDLER_TYPE(_ignore)
        if set_handler(handler) != 0:
            return False
        # Never freed, even at interpreter shutdown: libasound may still report an error while
        # PortAudio terminates, and a freed callback would crash the process.
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(handler))
        _handler = handler
        return True
