"""Trial 45 defect 3: the whole incident told to the context question; the incident part was
"Is there anything you'd add?" (the engine found the incident told), and the candidate had nothing
to add. The review then listed the incident's "Timeline: when it started, when it was noticed, by
whom" and "The root cause stated precisely" as missed ("Failure analysis 0 of 2"), and Home's weakest
areas repeated it; the silence became "No speech was heard in this answer (39.5 s). Check the
microphone, or think aloud."

Now a question said as told before counts the answers the engine read for it as its own
(coverage._told_before_answers), with their sentences as evidence, so the review, the exports, Home
and Progress (all from round_coverage) agree with what was said in the round; and silence after a
told-all line is no "No speech" finding. The answers as the trial's speech recognition wrote them;
the sentence-embedding model as the app runs."""
from __future__ import annotations

import pytest

from interviewer.core.analysis.coverage import COVERED, MISSED, coverage_by_area, round_coverage
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part
from interviewer.core.question_asks import TOLD_ALL_LINE, told_all_line
from interviewer.core.scripts.loader import load_script
from interviewer.core.transcript import Transcript
from interviewer.resources import bundled_scripts_dir

SCRIPT = load_script(bundled_scripts_dir() / "ml_depth_production_model.toml", bundled=True)
CONTEXT = [
    "The model is a gradient-boosted fraud class if I run out of course I'm out 2000 current transactions per "
    "second with a 50 millisecond latency budget and it is retrained every week.",
    "Last March, the fraud catch rate dropped, I 30%, and nobody noticed for nine days.",
    "We found out when the finance team reported a spike in charge in X.",
    "The root cause was a upstream team that changed the merchant category field, and we found it by comparing "
    "the feature distributions on the last godweek against the madweek.",
    "We fixed it by mapping the new cul-de-sac.",
    "Retraining and verifying the recall on a Macfield week.",
    "Afterwards, we added alerts on feature drift, and on the floor distribution.",
    "That's it.",
]
RETRAINING = ["Every week, and the on-call engineer approved the ship after an offline recall check.", "That's it."]


@pytest.fixture(scope="module")
def scorer():
    from interviewer.adapters import embeddings  # installed with the app: never a silent skip
    from interviewer.core.analysis.coverage import PointMatcher
    from interviewer.core.matching import Matcher
    return PointMatcher(Matcher(embeddings.OnnxTextEncoder()))


def _part(pid: int, question_id: str, follow_up_id, text: str, phase: str, *utterances: str) -> Part:
    said = [{"text": s, "start": 6.0 * n, "end": 6.0 * n + 5.5} for n, s in enumerate(utterances)]
    return Part(pid, question_id, follow_up_id, text, 10.0 * pid, 10.0 * pid, 10.0 * pid + 9.0,
                {"utterances": said} if said else {}, sum(len(s.split()) for s in utterances), phase)


def _parts(incident_line: str) -> list[Part]:
    context = SCRIPT.question("context")
    return [_part(9, "context", None, context.text, "context", *CONTEXT),
            _part(10, "context", "retraining", context.follow_ups[1].text, "context", *RETRAINING),
            _part(11, "incident", None, incident_line, "incident")]


@pytest.mark.parametrize("line", [told_all_line("The incident"), TOLD_ALL_LINE])
def test_the_incident_told_before_it_was_asked_is_covered_by_what_told_it(scorer, line):
    incident = next(q for q in round_coverage(_parts(line), SCRIPT, scorer) if q.question_id == "incident")
    points = {p.text: c for p, c in zip(SCRIPT.question("incident").expected_points, incident.points)}
    timeline = points["Timeline: when it started, when it was noticed, by whom"]
    root_cause = points["The root cause stated precisely"]
    assert timeline.status == COVERED and root_cause.status == COVERED, (timeline, root_cause)
    assert all(e.part_id == 9 for e in timeline.evidence + root_cause.evidence)
    assert any("root cause" in e.text for e in root_cause.evidence)
    assert incident.answered and incident.reached
    failure = next(g for g in coverage_by_area([incident]) if g.name.lower() == "failure analysis")
    assert failure.covered == failure.points == 2, failure


def test_the_incident_asked_as_written_still_misses_them(scorer):
    # Asked in full (not told before), an answer in an earlier part is no answer to it.
    incident = next(q for q in round_coverage(_parts(SCRIPT.question("incident").text), SCRIPT, scorer)
                    if q.question_id == "incident")
    assert all(c.status == MISSED or c.said_in for c in incident.points)


def test_silence_after_is_there_anything_youd_add_is_no_microphone_problem():
    silent = Transcript(segments=[], duration=39.5, speech=[])
    told_all = analyze_answer(silent, question_text=SCRIPT.question("incident").text, round_kind="ml_depth",
                              question_findings=False, nothing_left=True)
    assert not any(f.kind == "no_speech" or "microphone" in f.message for f in told_all.findings), told_all.findings
    asked = analyze_answer(silent, question_text=SCRIPT.question("incident").text, round_kind="ml_depth",
                           question_findings=False)
    assert any(f.kind == "no_speech" for f in asked.findings)
