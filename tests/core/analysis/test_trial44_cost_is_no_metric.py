"""Trial 44 defect D3: "Went well: Evaluation metrics" quoted "Gradient boosted trees cost me some
accuracy on the sequence on career events compared with a neural network, ...": a sentence about
what the model choice costs, naming no metric to track. "cost us some accuracy" was already no
metric (depth.METRICS not_after); "cost me" was. A metric actually named still counts.

The answer is replayed from its stored transcript (tests/data/trial44)."""
from __future__ import annotations

import json
from pathlib import Path

from interviewer.core.analysis import depth
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.transcript import Transcript

ROOT = Path(__file__).resolve().parents[3]
STORED = json.loads((ROOT / "tests" / "data" / "trial44" / "answers.json").read_text())


def test_what_a_model_choice_costs_is_no_evaluation_metric():
    answer = next(a for a in STORED["design"]["answers"] if a["id"] == 6)
    analysis = analyze_answer(Transcript.from_dict(answer["transcript"]), question_text=answer["question_text"],
                              round_kind="ml_system_design").to_dict()
    metrics = next(s for s in analysis["depth"]["signals"] if s["id"] == "metrics")
    assert not metrics["heard"], metrics["evidence"]
    assert not depth.heard_in_text(depth.METRICS, "It costs them a bit of recall, but it is cheap to serve.")


def test_a_metric_named_still_counts_beside_what_the_choice_costs():
    said = "Trees cost me some accuracy, so I'd track the precision at the review threshold."
    assert depth.heard_in_text(depth.METRICS, said)
    assert depth.heard_in_text(depth.METRICS, "Offline I'd measure accuracy on the last two weeks.")
