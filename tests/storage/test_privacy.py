"""Privacy: a whole headless round (storage, real transcription, analysis, export) opens no network
connection, proved with an audit hook on the socket module in a fresh process."""
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from storage_helpers import spoken_answer

from speech_oracle import MIN_RECALL, recall_of

HELPER = Path(__file__).with_name("headless_round.py")
SPOKEN = ("Um, I would first ask about the latency budget. Uh, then I would compare the "
          "feature distributions every week and alert on drift.")

# Installed before anything else is imported. Records (and blocks) every network use; local
# AF_UNIX sockets (e.g. PulseAudio) are allowed.
AUDIT_PRELUDE = textwrap.dedent("""
    import atexit, json, os, socket, sys
    _attempts = []
    _report = os.environ["NETWORK_REPORT"]
    _NAME_LOOKUPS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                     "socket.gethostbyaddr", "socket.getnameinfo"}

    def _hook(event, args):
        if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
            sock = args[0]
            if getattr(sock, "family", None) == getattr(socket, "AF_UNIX", None):
                return
            _attempts.append([event, repr(args[1:])[:200]])
            raise PermissionError("network use blocked by the privacy test: " + event)
        if event in _NAME_LOOKUPS:
            _attempts.append([event, repr(args)[:200]])
            raise PermissionError("network use blocked by the privacy test: " + event)

    def _save():
        with open(_report, "w") as f:
            json.dump(_attempts, f)

    atexit.register(_save)
    sys.addaudithook(_hook)
""")


def run_audited(code: str, tmp_path: Path, timeout: float = 300) -> tuple[subprocess.CompletedProcess, list]:
    report = tmp_path / "network.json"
    env = {"NETWORK_REPORT": str(report), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", AUDIT_PRELUDE + code], capture_output=True, text=True,
                          env=env, timeout=timeout, cwd=tmp_path)
    attempts = json.loads(report.read_text()) if report.exists() else None
    return done, attempts




def test_the_audit_hook_catches_network_use(tmp_path):
    code = textwrap.dedent("""
        import socket
        for attempt in (lambda: socket.getaddrinfo("example.com", 443),
                        lambda: socket.socket().connect(("127.0.0.1", 9))):
            try:
                attempt()
            except OSError:
                pass
    """)
    done, attempts = run_audited(code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert [a[0] for a in attempts] == ["socket.getaddrinfo", "socket.connect"]


def test_a_full_round_opens_no_network_connection(tmp_path):
    args = [str(tmp_path / "data"), "--finish", "--speed", "0", "--real-transcription",
            "--export", str(tmp_path / "export")]
    audio = spoken_answer(tmp_path, SPOKEN)
    if audio is not None:
        args += ["--audio", str(audio)]
    code = textwrap.dedent(f"""
        import runpy
        sys.argv = [{str(HELPER)!r}] + {args!r}
        try:
            runpy.run_path({str(HELPER)!r}, run_name="__main__")
        except SystemExit as exit:
            if exit.code:
                raise
        from interviewer.export import export_session
        from interviewer.gui.pdf import render_pdf
        from interviewer.storage import Store
        with Store.open({str(tmp_path / 'data')!r}) as store:
            export_session(store, 1, "pdf", __import__("pathlib").Path({str(tmp_path / 'export' / 'round.pdf')!r}), render_pdf=render_pdf)
    """)
    done, attempts = run_audited(code, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "DONE 1" in done.stdout
    assert attempts == [], f"network use during a round: {attempts}"
    # The round really ran: transcribed speech, analysis, every export written.
    exported = {p.name for p in (tmp_path / "export").iterdir()}
    assert exported == {"round.md", "round.html", "round.json", "round.flac", "round.pdf"}
    data = json.loads((tmp_path / "export" / "round.json").read_text())["session"]
    assert all(a["analysis"] and a["transcript"]["model"] for a in data["answers"])
    if audio is not None:
        text = data["answers"][0]["transcript"]["text"]
        assert recall_of(SPOKEN, text) >= MIN_RECALL, text
    # Recordings stayed in the data folder.
    assert sorted(p.suffix for p in (tmp_path / "data" / "recordings").rglob("*.wav")) == [".wav", ".wav"]
    assert not list(tmp_path.glob("*.wav"))[1:]  # only the test's own input file out here


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace not installed (the audit-hook test still runs)")
def test_no_connect_syscall_even_from_native_code(tmp_path):
    """The audit hook sees Python's socket module only; strace sees native libraries too."""
    log = tmp_path / "strace.log"
    probe = subprocess.run(["strace", "-o", "/dev/null", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("ptrace not permitted here")
    done = subprocess.run(
        ["strace", "-f", "-e", "trace=connect,sendto", "-o", str(log), sys.executable, str(HELPER),
         str(tmp_path / "data"), "--finish", "--speed", "0", "--real-transcription"],
        capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in log.read_text().splitlines() if "connect(" in line or "sendto(" in line]
    network = [line for line in lines if "AF_INET" in line or "AF_INET6" in line]
    assert network == [], network
