"""`interviewer analyze FILE.json` with broken transcripts: one clear line naming the file and
the field, exit status 1, never a traceback. And nothing non-standard in what it prints."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.core.transcript import Segment, SpeechRegion, Transcript, TranscriptFormatError, Word


def segment(**changes) -> dict:
    base = {"text": "so um the cache", "start": 0.5, "end": 2.0,
            "words": [{"text": "so", "start": 0.5, "end": 0.8}, {"text": "um", "start": 0.9, "end": 1.2},
                      {"text": "the", "start": 1.3, "end": 1.5}, {"text": "cache", "start": 1.6, "end": 2.0}]}
    return base | changes


def words(*pairs) -> list[dict]:
    return [{"text": f"w{i}", "start": s, "end": e} for i, (s, e) in enumerate(pairs)]


def text_of(obj) -> bytes:
    return json.dumps(obj).encode()


# name -> (file bytes, the field the message names, a word of the reason)
BROKEN = {
    "segments_object": (text_of({"segments": {"a": 1}}), "segments", "array"),
    "segments_strings": (text_of({"segments": ["one", "two"]}), "segments[0]", "object"),
    "top_level_array": (text_of([1, 2]), "", "top level"),
    "word_not_object": (text_of({"segments": [segment(words=["so"])]}), "segments[0].words[0]", "object"),
    "missing_start": (text_of({"segments": [{"text": "a", "end": 1.0}]}), "segments[0].start", "missing"),
    "start_is_text": (text_of({"segments": [segment(start="0.5")]}), "segments[0].start", "number"),
    "start_is_bool": (text_of({"segments": [segment(start=True)]}), "segments[0].start", "number"),
    "text_is_number": (text_of({"segments": [segment(text=5)]}), "segments[0].text", "string"),
    "negative_start": (text_of({"segments": [segment(start=-1.0)]}), "segments[0].start", "less than 0"),
    "reversed_word": (text_of({"segments": [segment(), segment(start=2.5, end=4.0, words=words(
        (2.5, 2.8), (2.9, 3.1), (3.4, 3.2)))]}), "segments[1].words[2].end", "before it starts"),
    "reversed_segment": (text_of({"segments": [segment(start=3.0, end=2.0, words=[])]}), "segments[0].end",
                         "before it starts"),
    "reversed_speech": (text_of({"segments": [segment()], "speech": [{"start": 1.0, "end": 0.5}]}),
                        "speech[0].end", "before it starts"),
    "nan_duration": (b'{"duration": NaN, "segments": []}', "duration", "NaN"),
    "infinite_end": (b'{"segments": [{"text": "a", "start": 0, "end": Infinity}]}', "segments[0].end", "Infinity"),
    "nan_probability": (b'{"segments": [{"text": "a", "start": 0, "end": 1, "words": '
                        b'[{"text": "a", "start": 0, "end": 1, "probability": NaN}]}]}',
                        "segments[0].words[0].probability", "NaN"),
    "huge_integer": (b'{"segments": [{"text": "a", "start": 0, "end": 1' + b"0" * 400 + b"}]}",
                     "segments[0].end", "401-digit"),
    "float_overflow": (b'{"duration": 1e400, "segments": []}', "duration", "Infinity"),
    "absurd_time": (text_of({"segments": [segment(end=1e300)]}), "segments[0].end", "more than"),
    "integer_over_4300_digits": (b'{"duration": ' + b"9" * 5000 + b"}", "", "digits"),
    "deep_nesting": (b'{"segments": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "", "nested too deeply"),
    "not_utf8": (b'{"segments": [{"text": "caf\xe9", "start": 0, "end": 1}]}', "", "UTF-8"),
    "not_json": (b'{"segments": [', "", "not valid JSON"),
    # A new-user run: a round exported as JSON was analysed as an empty transcript ("0 words").
    "session_export": (text_of({"interviewer_export": 1, "session": {"id": 3, "answers": []}}), "",
                       "not a transcript: a round exported from the app"),
    "other_json_object": (text_of({"name": "notes", "items": [1, 2]}), "", 'not a transcript: a JSON object without "segments"'),
}


def analyze(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, INTERVIEWER_DATA_DIR=str(cwd / "data"))
    return subprocess.run([sys.executable, "-m", "interviewer", "analyze", *args],
                          capture_output=True, text=True, env=env, timeout=60, cwd=cwd)


def one_error_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.mark.parametrize("name", BROKEN)
def test_a_broken_transcript_gives_one_line_naming_file_and_field(tmp_path, name):
    content, field, reason = BROKEN[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(content)
    line = one_error_line(analyze(str(path), cwd=tmp_path))
    assert line.startswith(f"interviewer: {path}"), line
    if field:
        assert f": {field}: " in line, line
    assert reason in line, line
    assert len(line) < 300, line


@pytest.mark.parametrize("option", ["--long-pause", "--question-end"])
@pytest.mark.parametrize("value", ["nan", "inf"])
def test_nan_or_inf_seconds_on_the_command_line(tmp_path, option, value):
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"segments": [segment()]}))
    line = one_error_line(analyze(str(path), option, value, cwd=tmp_path))
    assert option in line and "nan or inf" in line


def test_a_folder_is_not_called_a_missing_audio_file(tmp_path):
    (tmp_path / "answer.wav").mkdir()
    line = one_error_line(analyze(str(tmp_path / "answer.wav"), cwd=tmp_path))
    assert "is a folder" in line and "no such" not in line


def test_no_words_print_n_a_and_json_output_is_standard(tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"segments": [], "duration": 0.0}))
    text = analyze(str(empty), cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert "None" not in text.stdout and "nan" not in text.stdout.lower()
    assert "n/a (no words)" in text.stdout
    # Empty lists say so, with no dangling colon ("Fillers: 0 (per 100 words: n/a, no words): ").
    lines = text.stdout.splitlines()
    assert "Fillers: 0 (per 100 words: n/a, no words)" in lines
    assert "Clarifying questions: none" in lines and "Findings: none" in lines

    done = analyze(str(empty), "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr

    def refuse(name):
        raise AssertionError(f"non-standard JSON constant {name} in the output")

    data = json.loads(done.stdout, parse_constant=refuse)
    assert data["filler_stats"]["per_100_words"] is None and data["pace_wpm"] is None


def test_the_json_output_never_holds_nan():
    from interviewer.cli.analyze_cmd import finite_only

    cleaned = finite_only({"a": math.nan, "b": [1.0, math.inf, {"c": -math.inf}], "d": "nan", "e": 2})
    assert cleaned == {"a": None, "b": [1.0, None, {"c": None}], "d": "nan", "e": 2}
    json.dumps(cleaned, allow_nan=False)


def test_whisper_timings_out_of_order_are_written_so_they_read_back():
    """Whisper sometimes stamps a word's end before its start (SYSTRAN/faster-whisper#294):
    what the app writes (transcribe --json, the database) must still pass the strict reader."""
    odd = Transcript([Segment("a b", 0.0, 1.0, (Word("a", 0.5, 0.4), Word("b", 0.6, 1.0)))], 1.0,
                     [SpeechRegion(0.2, 0.1)])
    back = Transcript.from_dict(json.loads(odd.to_json()))
    assert back.words[0].start == back.words[0].end == 0.5
    assert back.speech[0].start == back.speech[0].end == 0.2
    with pytest.raises(TranscriptFormatError, match=r"segments\[0\]\.words\[0\]\.end"):
        Transcript.from_dict({"segments": [{"text": "a", "start": 0, "end": 1,
                                            "words": [{"text": "a", "start": 0.5, "end": 0.4}]}]})
    # Rows stored before this: read with the end moved up to the start, not rejected.
    repaired = Transcript.from_dict({"segments": [{"text": "a", "start": 0, "end": 1, "words": [
        {"text": "a", "start": 0.5, "end": 0.4}]}]}, repair_order=True)
    assert repaired.words[0].end == 0.5


def test_a_good_transcript_still_reads_as_before(tmp_path):
    path = tmp_path / "good.json"
    path.write_text(json.dumps({"duration": 2.5, "model": "tiny.en", "segments": [segment()],
                                "speech": [{"start": 0.5, "end": 2.0, "final_rise": -1.5}]}))
    t = Transcript.load(path)
    assert [w.text for w in t.words] == ["so", "um", "the", "cache"]
    assert t.duration == 2.5 and t.speech[0].final_rise == -1.5 and t.model == "tiny.en"
    done = analyze(str(path), "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["filler_stats"]["count"] >= 1


def test_a_question_end_after_the_recording_is_refused(tmp_path):
    """`--question-end 99` on a 5 s answer printed "Response latency: 0.0 s" and every filler
    and question, as if the answer had started at 0."""
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"segments": [segment()], "duration": 5.0}))
    line = one_error_line(analyze(str(path), "--question-end", "99", cwd=tmp_path))
    assert line.startswith(f"interviewer: {path}: --question-end 99 s is after the end of the recording (5.0 s)"), line
    done = analyze(str(path), "--question-end", "0.4", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
