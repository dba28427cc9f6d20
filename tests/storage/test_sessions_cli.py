import json
import os
import subprocess
import sys
from pathlib import Path

import soundfile as sf

from interviewer.cli import main
from interviewer.storage import Store
from speech_oracle import MIN_RECALL, recall_of
from storage_helpers import full_round, record_tone


def test_list_show_export_delete(data_dir, tmp_path, capsys):
    with Store.open() as store:
        sid = full_round(store, marker="ZEBRA")
    assert main(["sessions", "list"]) == 0
    out = capsys.readouterr().out
    assert "Feed ranking design" in out and "completed" in out and "ML system design" in out

    assert main(["sessions", "list", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["id"] == sid and row["answer_count"] == 2

    assert main(["sessions", "show", str(sid)]) == 0
    assert "### 1. Question 0?" in capsys.readouterr().out

    for fmt in ("md", "html", "json", "flac"):
        target = tmp_path / f"round.{fmt}"
        assert main(["sessions", "export", str(sid), "--format", fmt, "-o", str(target)]) == 0
        assert capsys.readouterr().out.strip() == str(target)
        assert target.stat().st_size > 100
    assert sf.info(tmp_path / "round.flac").duration > 2.9

    assert main(["sessions", "delete", str(sid)]) == 1  # no terminal, no --yes: refuses
    assert "add --yes" in capsys.readouterr().err
    assert main(["sessions", "delete", str(sid), "--yes"]) == 0
    assert main(["sessions", "list"]) == 0
    assert "No rounds recorded yet" in capsys.readouterr().out
    assert list((data_dir / "recordings").iterdir()) == []


def test_errors_are_one_line_without_traceback(data_dir, capsys):
    assert main(["sessions", "show", "99"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("interviewer: no session with id 99") and "Traceback" not in err
    with Store.open() as store:
        sid = full_round(store)
    assert main(["sessions", "export", str(sid), "-f", "md", "-o", "/nonexistent/dir/x.md"]) == 1
    assert "no such folder" in capsys.readouterr().err


def test_an_interrupted_round_is_reported_and_can_be_discarded(data_dir, capsys):
    store = Store.open()
    sid = store.create_session("s", "Crashed round", "coding", 45)
    aid = store.add_answer(sid, "q", "Q?")
    record_tone(store.audio_path_for(sid, aid))
    store._locks.pop(sid).release()  # the recording process died
    assert main(["sessions", "list"]) == 0
    captured = capsys.readouterr()
    assert "was interrupted by a crash" in captured.err and "interrupted" in captured.out
    assert main(["sessions", "discard", str(sid)]) == 0
    assert "discarded" in capsys.readouterr().out
    assert Store.open().get_session(sid).status == "discarded"


def test_the_installed_command_works(data_dir, tmp_path):
    with Store.open() as store:
        sid = full_round(store)
    exe = Path(sys.executable).with_name("interviewer")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "interviewer"]
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["INTERVIEWER_DATA_DIR"] = str(data_dir)  # and no display: the PDF is made offscreen
    out = subprocess.run(cmd + ["sessions", "export", str(sid), "-f", "pdf", "-o", str(tmp_path / "r.pdf")],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")


def test_a_crashed_rounds_answer_is_transcribed_from_the_command_line(data_dir, tmp_path, capsys):
    """The app died mid-answer: the recording survives without a transcript; `sessions
    transcribe` transcribes it with the real model, and a second run has nothing to do."""
    from interviewer.adapters.transcription import load_audio

    store = Store.open()
    sid = store.create_session("nope", "Crashed round", "ml_system_design", 45)
    aid = store.add_answer(sid, "q", "Design a feed ranker.", asked_at=1.0, answer_start=2.0)
    spoken = tmp_path / "spoken.wav"
    said = "Um, what is the latency target?"
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(spoken), said], check=True, timeout=60)
    sf.write(store.audio_path_for(sid, aid), load_audio(spoken), 16000)
    store._locks.pop(sid).release()  # the recording process died
    store.close()

    assert main(["sessions", "transcribe", str(sid)]) == 0
    captured = capsys.readouterr()
    assert "Transcribed 1 answer from its recording." in captured.out
    assert "transcribing 1 of 1" in captured.err
    answer = Store.open().get_session(sid).answers[0]
    assert recall_of(said, answer.transcript.text) >= MIN_RECALL, answer.transcript.text
    assert answer.analysis["clarifying_questions"], answer.transcript.text
    assert main(["sessions", "transcribe", str(sid)]) == 0
    assert "already has a transcript" in capsys.readouterr().out


def test_export_takes_the_format_from_the_file_name(data_dir, tmp_path, capsys):
    """`sessions export ID -o round.html` wrote Markdown into round.html (the format defaulted to
    md whatever the name said); a name that contradicts --format is refused."""
    with Store.open() as store:
        sid = full_round(store)
    assert main(["sessions", "export", str(sid), "-o", str(tmp_path / "round.html")]) == 0
    assert (tmp_path / "round.html").read_text().lstrip().lower().startswith("<!doctype html")
    assert main(["sessions", "export", str(sid), "-o", str(tmp_path / "round.json")]) == 0
    json.loads((tmp_path / "round.json").read_text())
    assert main(["sessions", "export", str(sid), "-o", str(tmp_path / "round")]) == 0  # no suffix: md
    assert (tmp_path / "round").read_text().startswith("# ")
    capsys.readouterr()
    assert main(["sessions", "export", str(sid), "-f", "md", "-o", str(tmp_path / "other.pdf")]) == 1
    err = capsys.readouterr().err
    assert "other.pdf" in err and "--format md" in err and "Traceback" not in err
    assert not (tmp_path / "other.pdf").exists()


def test_the_help_says_what_the_id_is(capsys):
    """`sessions show -h` listed a bare 'id' with no word on where it comes from."""
    import pytest

    for action in ("show", "export", "transcribe", "discard", "delete"):
        with pytest.raises(SystemExit):
            main(["sessions", action, "-h"])
        out = capsys.readouterr().out
        assert "ID" in out and "interviewer sessions list" in out, (action, out)
