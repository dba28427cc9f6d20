"""Trial 44 defect D4: story results with numbers not heard as numbers.

- Story 1 ended "... the new format rolled out a month later with zero broken jobs" and story 2 "After
  two months we cut their model the training time from six hours to 40 minutes"; both got "No numbers
  in the result" and the export "Quantified results 0/2". "Zero" of something was no number, and
  "cut <five words> from six hours to 40 minutes" was no result cue (a change's cue allowed three
  words before "from"), so story 2's result never started.
- Story 2 also got "STAR parts not heard: situation, task, result": its scene "When we join(ed) the
  payment team" was no situation cue and, heard in the present, not told in the past either.

The answers are replayed from their stored transcripts (tests/data/trial44)."""
from __future__ import annotations

import json
from pathlib import Path

from interviewer.core.analysis import depth
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.transcript import Transcript

from .test_depth import asr_style, heard

ROOT = Path(__file__).resolve().parents[3]
STORED = json.loads((ROOT / "tests" / "data" / "trial44" / "answers.json").read_text())


def _analysed(round_key: str, answer_id: int, round_kind: str) -> dict:
    answer = next(a for a in STORED[round_key]["answers"] if a["id"] == answer_id)
    return analyze_answer(Transcript.from_dict(answer["transcript"]), question_text=answer["question_text"],
                          round_kind=round_kind).to_dict()


def _signal(analysis: dict, signal_id: str) -> dict:
    return next(s for s in analysis["depth"]["signals"] if s["id"] == signal_id)


def test_both_stories_results_are_heard_in_numbers():
    first = _analysed("behavioral", 10, "behavioral")
    result = _signal(first, "quantified_result")
    assert result["heard"], result
    assert any("zero broken jobs" in e["text"] for e in result["evidence"]), result["evidence"]
    assert "unquantified_result" not in [f["kind"] for f in first["findings"]]

    second = _analysed("behavioral", 12, "behavioral")
    result = _signal(second, "quantified_result")
    assert result["heard"], result
    assert any("from six hours to 40 minutes" in e["text"] for e in result["evidence"]), result["evidence"]
    assert "unquantified_result" not in [f["kind"] for f in second["findings"]]


def test_the_second_storys_scene_and_result_are_heard():
    second = _analysed("behavioral", 12, "behavioral")
    assert second["star"]["missing"] == ["task"], second["star"]
    star = next(f for f in second["findings"] if f["kind"] == "star_missing")
    assert "situation" not in star["message"] and "result" not in star["message"], star["message"]


def test_a_result_in_any_common_spoken_form_counts_and_a_plan_does_not():
    story = "Last year our nightly training job kept failing. [0.8] I rewrote the data loader and added retries. [0.8] "
    counts = ("We reduced the nightly job from 6 hours to 40 minutes.",
              "After a month the job took from six hours down to forty minutes.",
              "In the end we cut review time by half.",
              "The new loader made the nightly job twice as fast.",
              "Since then we have had zero failed runs.")
    meant = ("We wanted to cut the nightly job from six hours to one hour.",
             "The plan was to go from two servers to ten next quarter.")
    for ending, expected in [(c, True) for c in counts] + [(m, False) for m in meant]:
        for text in (story + ending, " [0.8] ".join(asr_style(s) for s in (story + ending).split(" [0.8] "))):
            assert heard(depth.QUANTIFIED_RESULT, text).heard is expected, text
    # "zero" is a number only in a result: a design's counter starting at zero is no size
    assert not heard(depth.NUMBERS, "We start the counter at zero and we zero in on the slow jobs.").heard

