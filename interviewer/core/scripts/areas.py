"""The shared vocabulary of topic areas that expected points belong to.

An area is what progress counts across rounds ("monitoring and rollback" covered in 2 of the
last 5 system design rounds), so the bundled scripts use only these names, and the same name
in every script that touches the area. User scripts may add their own areas; the loader warns
when one looks like a misspelling of a known area or of another area in the same script.
"""
from __future__ import annotations

import unicodedata

# Area name (lowercase, as written in scripts) -> what a point in it is about.
AREAS: dict[str, str] = {
    # Before solving
    "clarifying requirements": "pinning down scale, latency, constraints and goals before solving",
    "problem framing": "turning a product goal into an ML task: what is predicted, for whom, and why",
    # Designing and building ML systems
    "system architecture": "the components end to end and how a request flows through them",
    "data and labels": "what is logged, where labels come from, their delay, noise and sampling",
    "feature engineering": "the features, how they are computed, and training/serving consistency",
    "modeling choices": "which model, loss and baseline, and why that one",
    "training and validation": "splits, leakage, retraining cadence and how training is checked",
    "evaluation metrics": "offline and business metrics, and which one decides",
    "online experiments": "A/B tests, guardrail metrics, ramp-up and reading the result",
    "serving and latency": "inference path, latency budget, caching and fallbacks",
    "monitoring and rollback": "drift and health signals, alerts, canaries and rolling back",
    "cold start": "new users, new items or new markets with no history",
    "privacy and safety": "personal data, consent, fairness, abuse and harmful outputs",
    "scaling up": "more data or traffic than one machine: sharding, streaming, distribution",
    "tradeoffs": "naming what a choice costs and why it is still the right one",
    "failure analysis": "what went wrong, how it was found, debugged and fixed",
    # Coding
    "algorithm design": "the approach and the data structure that makes it work",
    "complexity analysis": "time and space cost, and where it comes from",
    "edge cases": "empty, single, duplicate, boundary and invalid inputs",
    "testing": "test cases that check something, and checking against a brute force",
    # ML fundamentals
    "generalization": "bias and variance, overfitting, regularization, cross-validation",
    "optimization": "gradient descent, learning rates, initialization and normalization",
    "probability and statistics": "distributions, estimates, significance and uncertainty",
    "model fundamentals": "how common models work inside and when each fits",
    "class imbalance": "rare positives: resampling, weighting, thresholds and fitting metrics",
    # Behavioral
    "story context": "the situation and the task, briefly, with what was at stake",
    "personal ownership": "what I did myself, the decisions I made and why",
    "quantified results": "the outcome in numbers, and how it was measured",
    "reflection and learning": "what I would do differently and what changed afterwards",
    "collaboration and influence": "disagreeing, persuading and earning trust without authority",
    "customer focus": "who the customer was and how their need drove the decision",
}


def normalize_area(name: str) -> str:
    """How an area is compared: lowercase, single spaces, accents stored one way (NFC: an editor
    may save 'é' as e plus a combining accent, and the area would count apart across rounds)."""
    return " ".join(unicodedata.normalize("NFC", name).split()).lower()


_UPPER = {"star": "STAR", "ml": "ML", "llm": "LLM", "llms": "LLMs", "a/b": "A/B"}


def area_name(area: str) -> str:
    """An area as every screen shows it: "evaluation metrics" -> "Evaluation metrics", "star
    structure" -> "STAR structure" (Home, Progress, the review and the exports all use this)."""
    words = [_UPPER.get(w.lower(), w) for w in area.strip().split(" ")]
    if words and words[0] and words[0] not in _UPPER.values():
        words[0] = words[0][0].upper() + words[0][1:]
    return " ".join(words)

