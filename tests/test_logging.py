"""Logging and crash reports (interviewer.startup): each run in a fresh process with its own log
folder, as the app's processes set themselves up."""
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SPOKEN = "Um, I would first ask about the latency budget. Uh, then I would alert on drift."


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("INTERVIEWER_", "ORT_"))}  # ORT_: this process may have turned it off
    env.update({"HOME": str(tmp_path / "home"), "XDG_STATE_HOME": str(tmp_path / "home" / "state"),
                "INTERVIEWER_DATA_DIR": str(tmp_path / "data"),
                "INTERVIEWER_CONFIG_DIR": str(tmp_path / "config"),
                "INTERVIEWER_LOG_DIR": str(tmp_path / "logs")})
    env.update(extra)
    return env


def run(args: list[str], tmp_path: Path, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=timeout,
                          cwd=tmp_path, env=environment(tmp_path, **env))


def run_code(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    return run(["-c", textwrap.dedent(code)], tmp_path)


def test_version_shows_the_log_folder_and_creates_nothing(tmp_path):
    done = run(["-m", "interviewer", "--version"], tmp_path)
    assert done.returncode == 0, done.stderr
    from interviewer import __version__

    assert done.stdout.splitlines() == [f"interviewer {__version__}", f"log folder: {tmp_path / 'logs'}"]
    assert not (tmp_path / "logs").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG state folder is Linux's")
def test_without_the_override_the_log_folder_is_the_users_state_folder(tmp_path):
    env = {key: value for key, value in environment(tmp_path).items() if key != "INTERVIEWER_LOG_DIR"}
    done = subprocess.run([sys.executable, "-m", "interviewer", "--version"], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    assert f"log folder: {tmp_path / 'home' / 'state' / 'interviewer' / 'log'}" in done.stdout


def test_a_cli_command_logs_its_start_and_command_to_the_log_folder(tmp_path):
    done = run(["-m", "interviewer", "scripts", "list"], tmp_path)
    assert done.returncode == 0, done.stderr
    log = (tmp_path / "logs" / "interviewer.log").read_text()
    assert re.search(r"INFO .* interviewer \S+ app process started \(pid \d+", log), log
    assert "command: scripts" in log
    assert (tmp_path / "logs" / "crash-app.log").is_file()  # faulthandler's file is open


def test_a_user_error_is_logged_as_one_event_and_the_user_still_sees_one_line(tmp_path):
    done = run(["-m", "interviewer", "transcribe", str(tmp_path / "missing.wav")], tmp_path)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "missing.wav" in done.stderr
    log = (tmp_path / "logs" / "interviewer.log").read_text()
    assert "stopped with a user error" in log and "missing.wav" in log


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is needed to make a spoken answer")
def test_a_transcription_is_logged_without_its_text(tmp_path):
    wav = tmp_path / "answer.wav"
    subprocess.run(["espeak-ng", "-s", "160", "-w", str(wav), SPOKEN], check=True)
    done = run(["-m", "interviewer", "transcribe", "--json", str(wav)], tmp_path)
    assert done.returncode == 0, done.stderr
    heard = json.loads(done.stdout)["text"]
    log = (tmp_path / "logs" / "interviewer.log").read_text()
    assert "command: transcribe" in log
    assert "faster_whisper" in log  # the libraries' events are logged too
    # none of the longer words that were said and heard is in the log
    said = {w.strip(".,").lower() for w in SPOKEN.split() if len(w.strip(".,")) >= 5}
    leaked = [w for w in said if w in heard.lower() and w in log.lower()]
    assert heard.strip() and leaked == [], leaked


def test_an_uncaught_exception_in_a_thread_lands_in_the_log(tmp_path):
    done = run_code("""
        import threading
        from interviewer.startup import prepare_process
        prepare_process("app")
        def work():
            raise ValueError("the worker broke")
        thread = threading.Thread(target=work, name="worker-7")
        thread.start()
        thread.join()
        print("MAIN GOES ON")
    """, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "MAIN GOES ON" in done.stdout
    log = (tmp_path / "logs" / "interviewer.log").read_text()
    assert "ERROR" in log and "uncaught exception in thread worker-7: ValueError: the worker broke" in log
    assert re.search(r'File "<string>", line \d+, in work\nValueError: the worker broke', log)  # traceback
    assert done.stderr.count("Traceback") == 1  # Python's own report, not doubled by the log


def test_an_uncaught_exception_in_the_main_thread_lands_in_the_log(tmp_path):
    done = run_code("""
        from interviewer.startup import prepare_process
        prepare_process("app")
        raise KeyError("no such thing")
    """, tmp_path)
    assert done.returncode == 1
    log = (tmp_path / "logs" / "interviewer.log").read_text()
    assert "uncaught exception: KeyError: 'no such thing'" in log
    assert done.stderr.count("Traceback") == 1


def test_a_native_crash_writes_the_stacks_to_the_crash_file(tmp_path):
    done = run_code("""
        import faulthandler
        from interviewer.startup import prepare_process
        prepare_process("transcription")
        def deep_in_native_code():
            faulthandler._sigsegv()
        deep_in_native_code()
    """, tmp_path)
    assert done.returncode != 0
    crash = (tmp_path / "logs" / "crash-transcription.log").read_text()
    assert "Segmentation fault" in crash and "deep_in_native_code" in crash
    assert (tmp_path / "logs" / "transcription.log").is_file()  # each process kind has its own log


def test_an_unwritable_log_folder_does_not_stop_the_program(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    done = run(["-m", "interviewer", "scripts", "list"], tmp_path, INTERVIEWER_LOG_DIR=str(blocker / "logs"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    assert "cannot write the log file" in done.stderr


def test_every_process_turns_the_telemetry_off_and_children_inherit_it(tmp_path):
    done = run_code("""
        import os, subprocess, sys
        from interviewer.startup import prepare_process
        assert "ORT_DISABLE_TELEMETRY" not in os.environ
        prepare_process("speech")
        print(os.environ["ORT_DISABLE_TELEMETRY"])
        print(subprocess.run([sys.executable, "-c", "import os; print(os.environ['ORT_DISABLE_TELEMETRY'])"],
                             capture_output=True, text=True).stdout.strip())
    """, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "1"]
    assert (tmp_path / "logs" / "speech.log").is_file()
