"""The question scripts that ship with the app: all valid, every round kind covered with real content."""
from collections import Counter
from pathlib import Path

import pytest

from interviewer.core.scripts.loader import discover_scripts, validate_file
from interviewer.core.scripts.model import MAX_ROUND_MINUTES, MIN_ROUND_MINUTES, ROUND_KINDS
from interviewer.resources import bundled_scripts_dir

BUNDLED_FILES = sorted(bundled_scripts_dir().glob("*.toml"))


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    catalog = discover_scripts(bundled_scripts_dir(), tmp_path_factory.mktemp("no-user-scripts"))
    assert catalog.problems == []
    return catalog.scripts


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda p: p.name)
def test_bundled_script_validates(path):
    assert validate_file(path) == []


def test_at_least_two_scripts_per_round_kind(bundled):
    assert len(BUNDLED_FILES) >= 12
    counts = Counter(s.kind for s in bundled)
    assert all(counts[kind] >= 2 for kind in ROUND_KINDS), counts
    assert all(s.bundled for s in bundled)


def test_file_names_match_script_ids(bundled):
    assert sorted(f"{s.id}.toml" for s in bundled) == [p.name for p in BUNDLED_FILES]


def test_each_script_has_real_content(bundled):
    for script in bundled:
        assert MIN_ROUND_MINUTES <= script.minutes <= MAX_ROUND_MINUTES
        assert sum(p.minutes for p in script.phases) == script.minutes
        assert len(script.phases) >= 4, script.id
        assert len(script.questions) >= 3, script.id
        assert script.description, script.id
        follow_ups = [f for q in script.questions for f in q.follow_ups]
        assert any(f.if_missing for f in follow_ups), f"{script.id}: no conditional follow-up"
        assert any(f.at_phase for f in follow_ups), f"{script.id}: no phase-boundary follow-up"
        for question in script.questions:
            assert question.clarifying_topics, f"{script.id}/{question.id}: no clarifying topics"
            assert question.follow_ups, f"{script.id}/{question.id}: no follow-ups"
            assert question.expected_points, f"{script.id}/{question.id}: no expected points"
        if script.kind != "behavioral":
            assert any(p.expects_clarifying for p in script.phases), script.id


def _words_of(bundled, kind):
    parts = []
    for s in bundled:
        if s.kind != kind:
            continue
        parts += [s.title, s.description] + [p.name for p in s.phases]
        for q in s.questions:
            parts += [q.text, *(p.text for p in q.expected_points)] + [f.text for f in q.follow_ups]
    return " ".join(parts).lower()


@pytest.mark.parametrize("kind, subjects", [
    ("ml_breadth", ["bias", "variance", "regularization", "metric", "calibrat", "leakage", "model"]),
    ("ml_system_design", ["ingestion", "features", "training", "serv", "monitor", "drift", "roll back", "privacy"]),
    ("behavioral", ["ownership", "customer", "star"]),
    ("ml_depth", ["project", "deep dive"]),
    ("coding", ["clarify", "approach", "code", "test", "complexity"]),
    ("phone_screen", ["coding", "ml fundamentals", "precision"]),
])
def test_round_kinds_cover_their_subjects(bundled, kind, subjects):
    text = _words_of(bundled, kind)
    assert [s for s in subjects if s not in text] == []


def test_readme_points_to_the_format_reference():
    readme = (bundled_scripts_dir() / "README.md").read_text(encoding="utf-8")
    assert "docs/question-scripts.md" in readme


def test_the_example_in_the_format_reference_is_valid(tmp_path):
    from interviewer.core.scripts.loader import load_script

    doc = Path(__file__).resolve().parents[2] / "docs" / "question-scripts.md"
    example = doc.read_text(encoding="utf-8").split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.toml"
    path.write_text(example, encoding="utf-8")
    script = load_script(path)
    assert script.kind == "coding" and len(script.phases) == 5
    assert any(f.at_phase for q in script.questions for f in q.follow_ups)


def test_every_bundled_question_is_reached_in_a_simulated_round(bundled):
    """With 90-second answers, the round engine gets to every question and changed constraint."""
    from interviewer.core.clock import FakeClock
    from interviewer.core.engine import AskQuestion, RoundEngine

    for script in bundled:
        clock = FakeClock()
        engine = RoundEngine(script, clock)
        events = engine.start()
        while not engine.is_over:
            clock.advance(90)
            events += engine.poll()
            if not engine.is_over:
                events += engine.answer_finished("I would start with a simple baseline.")
        asks = [e for e in events if isinstance(e, AskQuestion)]
        assert {e.question_id for e in asks if e.follow_up_id is None} == {q.id for q in script.questions}
        changed = {(q.id, f.id) for q in script.questions for f in q.follow_ups if f.at_phase}
        assert {(e.question_id, e.follow_up_id) for e in asks if e.reason == "changed_constraint"} == changed
