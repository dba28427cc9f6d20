"""Privacy against native code: the real programs, run under `strace -f`, open no inet socket and
leave no telemetry files (test_privacy.py covers Python's socket module with an audit hook).

onnxruntime (loaded by faster-whisper for its Silero VAD) ships Microsoft's 1DS telemetry: on
start-up it writes ~/.cache/Microsoft/DeveloperTools/.onnxruntime/{deviceid,onnxruntime.db} and
about 9 s later resolves mobile.events.data.microsoft.com from a native thread, which no Python
audit hook sees. interviewer.startup turns it off; these tests fail on any inet socket and on
any file under a Microsoft folder.
"""
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from storage_helpers import spoken_answer

SPOKEN = "Um, I would first ask about the latency budget. Uh, then I would alert on drift."


# Sockets that cannot leave the machine: AF_UNIX (PulseAudio, D-Bus) and AF_NETLINK (glibc asks
# the local kernel about network interfaces through it; it has no address outside the machine).
LOCAL_SOCKET_FAMILIES = {"AF_UNIX", "AF_LOCAL", "AF_NETLINK"}
SOCKET_CALL = re.compile(r"\bsocket\((AF_\w+)")
INET_ADDRESS = re.compile(r"sa_family=AF_INET6?\b")


def strace_usable() -> str | None:
    """None if `strace -f` can trace here, else why not."""
    if shutil.which("strace") is None:
        return "strace is not installed"
    probe = subprocess.run(["strace", "-f", "-o", "/dev/null", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"ptrace is not permitted here: {probe.stderr.strip()[:200]}"
    return None


needs_strace = pytest.mark.skipif(strace_usable() is not None, reason=str(strace_usable()))


def clean_environment(tmp_path: Path) -> dict[str, str]:
    """A fresh HOME and cache folder, and nothing inherited. Inheriting would hide a regression:
    onnxruntime stays quiet by itself when it sees a CI's variables (GITHUB_ACTIONS, GITLAB_CI,
    TF_BUILD, JENKINS_URL, TRAVIS, CIRCLECI: strings of libonnxruntime), and a developer's shell
    may have ORT_DISABLE_TELEMETRY set."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"),
            "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
            "INTERVIEWER_DATA_DIR": str(tmp_path / "data"),
            "INTERVIEWER_CONFIG_DIR": str(tmp_path / "config"),
            "INTERVIEWER_LOG_DIR": str(tmp_path / "logs")}


def network_use(strace_log: Path) -> list[str]:
    """Lines of an `strace -f -e trace=network` log that could reach another machine."""
    found = []
    for line in strace_log.read_text(errors="replace").splitlines():
        family = SOCKET_CALL.search(line)
        if (family and family.group(1) not in LOCAL_SOCKET_FAMILIES) or INET_ADDRESS.search(line):
            found.append(line.strip())
    return found


def telemetry_files(env: dict[str, str]) -> list[str]:
    """Anything ONNX Runtime's telemetry (or any other Microsoft tool) left in HOME or the cache."""
    found: list[str] = []
    for folder in {Path(env["HOME"]), Path(env["XDG_CACHE_HOME"])}:
        found += [str(p) for p in folder.rglob("*") if "Microsoft" in p.parts or p.name == "deviceid"]
    return sorted(set(found))


def run_traced(command: list[str], tmp_path: Path, env: dict[str, str], timeout: float = 300
               ) -> tuple[subprocess.CompletedProcess, list[str]]:
    log = tmp_path / "strace.log"
    done = subprocess.run(["strace", "-f", "-e", "trace=network", "-o", str(log)] + command,
                          capture_output=True, text=True, env=env, timeout=timeout, cwd=tmp_path)
    return done, network_use(log)


@needs_strace
def test_the_strace_check_sees_native_network_use(tmp_path):
    """The check itself: an inet socket, a DNS lookup and a connect from any process are caught."""
    env = clean_environment(tmp_path)
    code = ("import socket\n"
            "try:\n    socket.getaddrinfo('example.invalid', 443)\nexcept OSError:\n    pass\n"
            "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
            "s.connect(('127.0.0.1', 9))\n")
    done, found = run_traced([sys.executable, "-c", code], tmp_path, env)
    assert done.returncode == 0, done.stderr
    assert any("socket(AF_INET" in line for line in found), found
    assert any("connect(" in line and "AF_INET" in line for line in found), found
    # and a local socket alone is allowed
    done, found = run_traced([sys.executable, "-c", "import socket; socket.socket(socket.AF_UNIX)"],
                             tmp_path, env)
    assert done.returncode == 0 and found == [], found


@needs_strace
@pytest.mark.parametrize("command", [["transcribe", "--json"], ["analyze", "--json"]])
def test_cli_transcription_and_analysis_use_no_network_and_leave_no_telemetry(tmp_path, command):
    audio = spoken_answer(tmp_path, SPOKEN)
    if audio is None:
        pytest.skip("espeak-ng is needed to make a spoken answer")
    env = clean_environment(tmp_path)
    done, found = run_traced([sys.executable, "-m", "interviewer", *command, str(audio)], tmp_path, env)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result  # the command really transcribed (and analysed) the answer
    assert found == [], f"network use by `interviewer {command[0]}`: {found[:10]}"
    assert telemetry_files(env) == []
    # the run did log (to the folder the test chose, nowhere else)
    assert (tmp_path / "logs" / "interviewer.log").is_file()


@needs_strace
def test_the_transcription_process_stays_off_the_network_past_the_telemetry_upload(tmp_path):
    """The window transcribes in a child process (app/transcription_process.py), which must turn
    the telemetry off itself: the parent here does not. ONNX Runtime uploads about 9 s after it
    starts, so the child is kept 15 s past its first transcription, as in a real round."""
    audio = spoken_answer(tmp_path, SPOKEN)
    if audio is None:
        pytest.skip("espeak-ng is needed to make a spoken answer")
    env = clean_environment(tmp_path)
    code = textwrap.dedent(f"""
        import os, sys, time
        from interviewer.app.transcription_process import TranscriptionClient
        assert "interviewer.adapters" not in sys.modules and "ORT_DISABLE_TELEMETRY" not in os.environ
        if __name__ == "__main__":
            client = TranscriptionClient().start()
            client.wait_ready()
            transcript = client.transcribe_file({str(audio)!r})
            assert transcript.segments, "nothing transcribed"
            time.sleep(15)
            client.close()
            print("TRANSCRIBED", len(transcript.segments))
    """)
    script = tmp_path / "drive_child.py"
    script.write_text(code)
    done, found = run_traced([sys.executable, str(script)], tmp_path, env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "TRANSCRIBED" in done.stdout
    assert found == [], f"network use by the transcription process: {found[:10]}"
    assert telemetry_files(env) == []
    assert "speech model loaded" in (tmp_path / "logs" / "transcription.log").read_text()
