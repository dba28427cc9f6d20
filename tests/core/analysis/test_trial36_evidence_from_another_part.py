"""Trial 36 item 1 and trial 37 item 10: a talking point credited by what was said while another
part of the round was discussed. The
trials' stored rounds (tests/data/trial36, tests/data/trial37) are replayed as text through what the
review, the exports and the round summary show (summary.summarize with the script and the real
model). The rule (coverage._from_another_part): what was said in another question's part makes a
point at most partly covered, labelled with where it was said; the point's own answers are always
preferred; and a sentence said to another question counts only when it makes the point on its
meaning alone, not by a one-word keyword ("hash embedding" for "... learned embeddings")."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewer.core.analysis.coverage import (
    COVERED, MISSED, PARTLY, PointCoverage, PointMatcher)
from interviewer.core.analysis.summary import Part, summarize
from interviewer.core.matching import Matcher
from interviewer.core.scripts.loader import load_script

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def scorer():
    from interviewer.adapters import embeddings  # installed with the app: never a silent skip
    return PointMatcher(Matcher(embeddings.OnnxTextEncoder()))


def _replayed(name: str, scorer):
    stored = json.loads((ROOT / "tests" / "data" / name).read_text())
    script = load_script(ROOT / "question_scripts" / f"{stored['script']}.toml")
    parts = [Part(p["id"], p["question_id"], p["follow_up_id"], p["question_text"], p["asked_at"], p["start"],
                  p["end"], p["analysis"], p["transcript_words"], p["phase_id"]) for p in stored["parts"]]
    return script, parts, summarize(parts, stored["phase_starts"], script=script, matcher=scorer)


@pytest.fixture(scope="module")
def depth(scorer):
    return _replayed("trial36/depth_round_parts.json", scorer)


@pytest.fixture(scope="module")
def breadth(scorer):
    return _replayed("trial37/breadth_round_parts.json", scorer)


def _point(numbers, question_id: str, starts: str) -> PointCoverage:
    question = next(q for q in numbers.coverage if q.question_id == question_id)
    return next(p for p in question.points if p.text.startswith(starts))


def test_a_scenario_answer_said_in_another_part_makes_the_point_only_partly_and_says_where(depth):
    _, parts, numbers = depth
    # "... for the new country I will run the model in shadow mode for two weeks first." (the
    # Prevention part's new-country scenario, filed under the fix) was the fix's only evidence.
    verification = _point(numbers, "fix", "Verification offline on the bad period")
    assert verification.status == PARTLY, verification
    assert verification.status_text == "partly covered: said in another part (Prevention)"
    assert "shadow mode" in verification.evidence[0].text
    # The same answer still makes Prevention's own point, in Prevention: no label there.
    validation = _point(numbers, "prevention", "Data validation on inputs")
    assert validation.status == COVERED and validation.status_text == "covered", validation
    # "Health signals" of the model's context was made only by sentences of the incident and the fix.
    health = _point(numbers, "context", "Health signals")
    assert health.status == PARTLY and health.status_text.startswith("partly covered: said in another part ("), health
    context_parts = {p.id for p in parts if p.question_id == "context"}
    assert not any(e.part_id in context_parts for e in health.evidence)
    # Points made in their own answers are unchanged.
    assert _point(numbers, "incident", "The root cause stated precisely").status == COVERED
    assert _point(numbers, "context", "Purpose, traffic").status == COVERED


def test_every_view_counts_what_the_checklists_show(depth):
    # The per-phase line and the round's totals read the same statuses as the checklists.
    _, _, numbers = depth
    fix = next(g for g in numbers.phase_coverage if g.name == "The fix")
    assert (fix.covered, fix.partly, fix.missed) == (1, 1, 1)


def test_a_one_word_keyword_said_to_another_question_does_not_make_a_point(breadth):
    # Trial 37: "I used target and coding without a full means or a hash embedding." (the features
    # question) was quoted as "Neural networks: images, text, audio, ..., learned embeddings" of the
    # trees-or-networks question; it still makes its own question's encoding point.
    _, parts, numbers = breadth
    networks = _point(numbers, "trees_vs_nets", "Neural networks")
    assert not any("hash embedding" in e.text for e in networks.evidence), networks
    # Since the pitfall check reads which side of a comparison each thing is on (fixL32), the
    # candidate's own correct "neural networks for images and text" makes the point.
    assert networks.status == COVERED
    assert any("neural networks for images" in e.text.lower() for e in networks.evidence), networks
    own = {p.id for p in parts if p.question_id == "trees_vs_nets"}
    assert all(e.part_id in own for e in networks.evidence), networks
    assert _point(numbers, "high_cardinality", "One-hot is too wide").status == COVERED


def test_a_point_made_clearly_in_another_question_is_partly_covered_with_its_place(scorer):
    script = load_script(ROOT / "question_scripts" / "ml_breadth_applied.toml")

    def part(pid, qid, phase, *said):
        utterances = [{"text": s, "start": 4.0 * n, "end": 4.0 * n + 3.5} for n, s in enumerate(said)]
        return Part(pid, qid, None, "", 10.0 * pid, 10.0 * pid, 10.0 * pid + 9.0, {"utterances": utterances}, 10, phase)

    parts = [part(1, "trees_vs_nets", "training", "Gradient boosted trees win on a few thousand tabular rows."),
             part(2, "high_cardinality", "features", "I would hash the merchant id into a learned embedding.",
                  "By the way, neural networks are the right choice for images, text and audio.")]
    numbers = summarize(parts, [0.0, 5.0, 15.0], script=script, matcher=scorer)
    networks = _point(numbers, "trees_vs_nets", "Neural networks")
    assert networks.status == PARTLY, networks
    assert networks.status_text == "partly covered: said in another part (Features)"
    assert "neural networks are the right choice" in networks.evidence[0].text


def test_status_text_names_the_reason_and_the_place():
    def point(status, **kw):
        return PointCoverage(0, "p", None, status, 0.3, **kw)
    assert point(PARTLY, said_in=("Prevention",)).status_text == "partly covered: said in another part (Prevention)"
    assert point(PARTLY, hedge="I guess", said_in=("The fix",)).status_text == \
        "partly covered: said with a hedge ('I guess'); said in another part (The fix)"
    assert point(COVERED, said_in=("Data",)).status_text == "covered: said in another part (Data)"
    assert point(MISSED, said_in=("Data",)).status_text == "missed"


def test_a_system_design_point_made_in_another_step_stays_covered_and_names_the_step(scorer):
    # One design throughout: a point made while answering another step was made (trial 32), and
    # the checklist now says where.
    script = load_script(ROOT / "question_scripts" / "ml_system_design_eta_prediction.toml")

    def part(pid, qid, phase, *said):
        utterances = [{"text": s, "start": 4.0 * n, "end": 4.0 * n + 3.5} for n, s in enumerate(said)]
        return Part(pid, qid, None, "", 10.0 * pid, 10.0 * pid, 10.0 * pid + 9.0, {"utterances": utterances}, 10, phase)

    framing_q = script.question("framing")
    data_q = script.question("data_features")
    parts = [part(1, "framing", framing_q.phase, "I would predict the delivery time with a gradient boosted regression model."),
             part(2, "data_features", data_q.phase, "I will split the data by time and train on the past eight weeks.",
                  "Offline I would compare the model's error against the current heuristic that the app uses today.")]
    numbers = summarize(parts, [0.0, 5.0, 15.0], script=script, matcher=scorer)
    baseline = _point(numbers, "framing", "A baseline to beat")
    name = next(p.name for p in script.phases if p.id == data_q.phase)
    assert baseline.status == COVERED and baseline.status_text == f"covered: said in another part ({name})", baseline
