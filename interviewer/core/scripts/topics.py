"""Built-in keywords for common clarifying topics, so a script can just say "latency".

A topic's keywords are the words and phrases that show a candidate's question touched it.
Scripts may give their own keywords; then those are used instead of the table below.
"""
from __future__ import annotations

import re
import unicodedata

# Canonical topic name -> keywords (lowercase words or phrases).
BUILTIN_TOPICS: dict[str, tuple[str, ...]] = {
    "latency": ("latency", "milliseconds", "ms", "response time", "how fast", "real time",
                "real-time", "p99", "p95", "slow", "deadline", "online or offline", "batch or online"),
    "data size": ("data size", "how much data", "how many rows", "rows", "records", "examples",
                  "terabytes", "gigabytes", "tb", "gb", "volume", "dataset size", "how big"),
    "scale": ("scale", "traffic", "qps", "requests per second", "queries per second", "users",
              "daily active", "dau", "throughput", "load", "peak", "how many requests"),
    "accuracy target": ("accuracy", "target", "precision", "recall", "metric", "success metric",
                        "how good", "baseline", "error rate", "auc", "f1", "quality bar"),
    "failure tolerance": ("failure", "fails", "down", "outage", "fallback", "availability",
                          "uptime", "sla", "false positive", "false negative", "cost of a mistake",
                          "wrong prediction", "degrade"),
    "privacy": ("privacy", "personal data", "pii", "gdpr", "consent", "sensitive", "anonymize",
                "retention", "compliance", "encrypt"),
    "labels": ("labels", "labeled", "labelled", "ground truth", "annotation", "annotators",
               "supervision", "feedback signal", "how do we know", "clicks"),
    "budget": ("budget", "cost", "cheap", "expensive", "gpu", "hardware", "compute", "money",
               "resources"),
    "input size": ("input size", "how large", "how big", "how long", "length", "size of the input", "n is",
                   "how many elements", "up to", "maximum", "bounds", "range"),
    "constraints": ("constraint", "constraints", "limit", "assume", "assumption", "allowed",
                    "memory", "in place", "sorted", "duplicates", "negative"),
    "edge cases": ("edge case", "edge cases", "empty", "null", "none", "zero", "negative",
                   "duplicates", "overflow", "single element", "invalid input", "corner case"),
    "freshness": ("fresh", "freshness", "stale", "how often", "update", "retrain", "real time",
                  "daily", "hourly", "streaming", "batch"),
    "users": ("users", "who uses", "customer", "customers", "audience", "who is", "persona",
              "use case", "stakeholder"),
    "success metric": ("metric", "success", "kpi", "measure", "business goal", "objective",
                       "engagement", "revenue", "conversion", "click-through", "ctr"),
    "class balance": ("imbalance", "imbalanced", "balanced", "rare", "positive rate",
                      "base rate", "skewed", "minority class", "how many positives",
                      # "What fraction of payments are fraudulent?", "How common is fraud?" (trial 12)
                      "fraction of", "percentage of", "proportion of", "share of", "how common", "fraud rate"),
    "interpretability": ("interpretable", "interpretability", "explain", "explainability",
                         "why the model", "regulator", "transparent", "auditable"),
    "output format": ("output", "return", "format", "what should it return", "return type",
                      "print", "order"),
    "time frame": ("when", "how long ago", "timeline", "deadline", "how long did", "duration",
                   # how old a story may be (behavioral rounds): "How far back can I go?", "Does it
                   # need to be recent?", "is one from six years ago too old?" (matcher blind15-19)
                   "recent", "how recent", "how far back", "years ago", "years back", "too old",
                   "how old", "a while ago", "a while back", "long ago"),
    "role": ("your role", "what did you do", "team size", "who else", "my part", "responsible"),
    "impact": ("impact", "result", "outcome", "measured", "improved", "saved", "numbers"),
}

# Other names people use for the same topic.
ALIASES: dict[str, str] = {
    "traffic": "scale", "qps": "scale", "throughput": "scale", "load": "scale",
    "data volume": "data size", "dataset size": "data size", "data": "data size",
    "accuracy": "accuracy target", "metric": "success metric", "metrics": "success metric",
    "quality": "accuracy target", "target metric": "accuracy target",
    "failure": "failure tolerance", "failures": "failure tolerance",
    "availability": "failure tolerance", "reliability": "failure tolerance",
    "pii": "privacy", "compliance": "privacy",
    "label": "labels", "ground truth": "labels", "labelling": "labels", "labeling": "labels",
    "cost": "budget", "compute": "budget", "hardware": "budget",
    "input": "input size", "n": "input size",
    "constraint": "constraints", "assumptions": "constraints",
    "edge case": "edge cases", "corner cases": "edge cases",
    "staleness": "freshness", "update frequency": "freshness",
    "user": "users", "customers": "users", "customer": "users",
    "imbalance": "class balance", "class imbalance": "class balance",
    "explainability": "interpretability",
    "output": "output format", "return value": "output format",
}


def normalize_topic_name(name: str) -> str:
    # casefold, not lower: a fact keyed "GRÖSSE" belongs to the topic "Größe" ("case does not matter");
    # NFKC: "café" typed with an accent key and "café" saved by an editor as e + a combining accent
    # are the same name
    return re.sub(r"[\s_\-]+", " ", unicodedata.normalize("NFKC", name).strip().casefold())


def builtin_keywords(name: str) -> tuple[str, ...]:
    """Keywords for a topic name from the built-in table; empty if the topic is not known."""
    key = normalize_topic_name(name)
    key = ALIASES.get(key, key)
    return BUILTIN_TOPICS.get(key, ())
