"""Trial 25 item 4: "Um, I will use class weights, I guess." (then a wait) was taken for a
clarifying question, so the sentence was the interviewer's exchange and not the answer: the talking
point "Resampling or class weights", whose own words it says, was missed. A plan said with a hedge
is an answer. "I will ..., I guess" commits: "I guess" beside "I will" is thinking aloud (session 35,
coverage.says_unsure), so the point is covered."""
from __future__ import annotations

import json

from interviewer.cli import main
from interviewer.core.transcript import Segment, Transcript, Word

SCRIPT = '''
id = "my_breadth"
title = "My ML breadth"
kind = "ml_breadth"
minutes = 45

[[phases]]
id = "questions"
name = "Questions"
minutes = 45
expects_clarifying = true
prompt = "Let's start with the questions."

[[questions]]
id = "imbalance"
phase = "questions"
text = "You're building a fraud classifier where one percent of transactions are fraud. How do you handle the imbalance?"
clarifying_topics = ["class balance", "success metric"]
expected_points = [
    { text = "Resampling or class weights", keywords = ["oversampling", "undersampling", "class weights", "smote"], area = "class imbalance" },
    { text = "Tune the decision threshold", keywords = ["threshold"], area = "class imbalance" },
]

[questions.facts]
"class balance" = "One percent positive, about ten thousand frauds a month."
"success metric" = "Catch fraud while keeping false alarms under one in a thousand."
'''


def test_a_hedged_plan_is_an_answer_for_the_talking_points(tmp_path, capsys, monkeypatch):
    from interviewer.cli import analyze_cmd
    from interviewer.core.matching import LexicalEncoder, Matcher

    monkeypatch.setattr(analyze_cmd, "_matcher", lambda: Matcher(LexicalEncoder()))  # the same everywhere
    words, t = [], 0.5
    for w in "Um, I will use class weights, I guess.".split():
        words.append(Word(" " + w, t, t + 0.3))
        t += 0.35
    path = tmp_path / "answer.json"
    path.write_text(Transcript([Segment("Um, I will use class weights, I guess.", words[0].start, words[-1].end,
                                        tuple(words))], duration=t + 4.0, model="test").to_json())
    script = tmp_path / "round.toml"
    script.write_text(SCRIPT)
    assert main(["analyze", str(path), "--script", str(script), "--question", "imbalance", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    points = {p["text"]: p["status"] for p in out["talking_points"]}
    assert points["Resampling or class weights"] == "covered"  # "I will ..., I guess": committed
    assert points["Tune the decision threshold"] == "missed"
