"""benchmarks/models_bench.py: its word error rate and the side-by-side table it prints."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import models_bench as mb  # noqa: E402


def test_words_for_wer_leave_out_hesitations_noises_and_cutoff_marks():
    assert mb.words_for_wer("[laughter] Montreal- uh, um FORCED~ aligner? I hardly know 'er") == [
        "montreal", "forced", "aligner", "i", "hardly", "know"]


@pytest.mark.parametrize("ref, hyp, errors", [
    ("a b c", "a b c", 0), ("a b c", "a c", 1), ("a b c", "a x b c", 1), ("a b", "", 2), ("", "a", 1),
    ("montreal forced aligner", "montreal forced a liner", 2)])
def test_edit_distance_counts_word_errors(ref, hyp, errors):
    assert mb.edit_distance(ref.split(), hyp.split()) == errors


def _result(latency: float) -> dict:
    return {"human": {"wer": 0.4, "hes_p": 0.6, "hes_r": 0.8, "hes_f1": 0.69, "q_p": None, "q_r": 1.0},
            "espeak": {"fillers_f1": 1.0, "pauses_f1": 1.0, "questions_f1": 0.9}, "batch_rtf": 0.2,
            "live": {30.0: {"latencies": [latency] * 3, "median": latency, "live_rtf": 0.3, "batch_rtf": 0.2}},
            "memory_mb": 300.0, "load_s": 1.0, "size_mb": 78.0}


def test_the_table_puts_models_side_by_side_and_names_those_meeting_the_target(capsys):
    mb.print_table({"tiny.en": _result(0.8), "base": _result(1.6)}, [30.0])
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if "tiny.en" in line)
    assert header.index("tiny.en") < header.index("base")
    latency_row = next(line for line in out.splitlines() if line.startswith("latency after a 30 s"))
    assert "0.80 (0.80, 0.80, 0.80)" in latency_row and "1.60" in latency_row
    assert "question P/R" in out and "n/a/1.00" in out
    assert out.strip().endswith("at every length: tiny.en")
