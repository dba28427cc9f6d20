import faulthandler
import os
import shutil
import sys
import tempfile
import time

import pytest

# Qt tests run without a display unless a test asks for the X server bootstrap.sh provides.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Processes the tests start (the CLI, transcription and speech children) log here, not into the
# user's log folder (interviewer.paths.log_dir).
# A run that passes removes the folder it made; a failing one keeps it to read.
_OWN_LOG_DIR = None
if "INTERVIEWER_LOG_DIR" not in os.environ:
    _OWN_LOG_DIR = tempfile.mkdtemp(prefix="interviewer-test-logs-")
    os.environ["INTERVIEWER_LOG_DIR"] = _OWN_LOG_DIR

# A test run must end once its tests have: a hang at exit (a stuck audio stream or child
# process) would otherwise hold CI until its own time limit, with nothing to show why.
EXIT_GRACE_SECONDS = 120


def pytest_sessionfinish(session, exitstatus):
    if _OWN_LOG_DIR is not None and exitstatus == 0:
        shutil.rmtree(_OWN_LOG_DIR, ignore_errors=True)


def pytest_unconfigure(config):
    microphone = sys.modules.get("interviewer.adapters.microphone")
    if microphone is not None:
        microphone.close_all_microphones()
    # If the process is still alive after the grace period, print every thread's stack and exit 1.
    faulthandler.dump_traceback_later(EXIT_GRACE_SECONDS, exit=True)


@pytest.fixture(autouse=True)
def _no_microphone_left_open():
    """A test that opens a Microphone closes it: its PulseAudio source watch
    ("microphone-source-watch") otherwise goes on calling pactl during later tests (it made one
    flaky). Fails the test that left it open, and closes it so later tests are not affected."""
    microphone = sys.modules.get("interviewer.adapters.microphone")
    before = {id(m) for m in microphone._open_microphones} if microphone is not None else set()
    yield
    microphone = sys.modules.get("interviewer.adapters.microphone")
    if microphone is None:
        return

    def left_open():
        return [m for m in list(microphone._open_microphones) if id(m) not in before and m._watch_stop is not None]
    left = left_open()
    # A round finishing in the background closes its recorder; a loaded machine takes its time.
    deadline = time.monotonic() + 10.0
    while left and time.monotonic() < deadline:
        time.sleep(0.05)
        left = left_open()
    for m in left:
        m.close()
    if left:
        pytest.fail(f"{len(left)} Microphone(s) left open with a running source watch: close them in the test",
                    pytrace=False)
