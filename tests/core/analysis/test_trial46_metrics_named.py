"""Trial 46 item 5: "Evaluation metrics 0/4" on an answer that named two metrics and a guardrail,
as the recogniser heard it: "I will run a me test on live traffic, with click from rate and revenue
as the main metrics, and latency as a guard rail, and check the result is statistically significant"
("click-through rate" misheard "click from rate"). A measure named as the metric or the guardrail
("revenue as the main metrics", "latency as a guard rail") is a metric, and so is "click ... rate"
with its middle word misheard (core/analysis/depth.py, METRICS)."""
from __future__ import annotations

import pytest

from interviewer.core.analysis import depth

HEARD = ("Um, I will run a me test on live traffic, with click from rate and revenue as the main metrics, and "
         "latency as a guard rail, and check the result is statistically significant before shipping.")


def test_the_answer_as_heard_names_a_metric():
    assert depth.heard_in_text(depth.METRICS, HEARD)


@pytest.mark.parametrize("text", [
    "The click from rate went up.",  # "click-through rate" as heard
    "Revenue as the main metrics.",
    "And latency as a guard rail.",
    "Refunds as our guardrail metric.",
])
def test_a_measure_named_as_the_metric_or_the_guardrail_counts(text):
    assert depth.heard_in_text(depth.METRICS, text), text


@pytest.mark.parametrize("text", [
    "The metric was good.",
    "I'd track how the model is doing.",
    "Then we'd pick a metric.",
])
def test_saying_there_is_a_metric_names_none(text):
    assert not depth.heard_in_text(depth.METRICS, text), text
