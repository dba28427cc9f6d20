"""The question scripts that ship with the app: all valid, every round kind covered with real content."""
import re
from collections import Counter
from pathlib import Path

import pytest

from interviewer.core.scripts.areas import AREAS
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


def test_at_least_four_scripts_per_round_kind(bundled):
    """Six to eight weeks of practice without meeting the same round every week (issue 13)."""
    assert len(BUNDLED_FILES) >= 24
    counts = Counter(s.kind for s in bundled)
    assert all(counts[kind] >= 4 for kind in ROUND_KINDS), counts
    assert all(s.bundled for s in bundled)


def test_bundled_scripts_have_no_warnings(bundled):
    """No clarifying topic without a fact, no question without points, no typo of an area."""
    assert [w for s in bundled for w in s.warnings] == []


def test_every_point_has_keywords_and_an_area_from_the_shared_vocabulary(bundled):
    for script in bundled:
        for question in script.questions:
            for point in question.expected_points:
                where = f"{script.id}/{question.id}: {point.text}"
                assert point.area in AREAS, where
                assert len(point.keywords) >= 2, where
                assert all(k == k.lower().strip() and k for k in point.keywords), where


def test_areas_recur_across_scripts_so_progress_can_count_them(bundled):
    """An area used by one script only could never show a trend across rounds of other scripts."""
    scripts_per_area = Counter(area for s in bundled
                               for area in {p.area for q in s.questions for p in q.expected_points})
    assert len(scripts_per_area) >= 20
    assert all(count >= 2 for count in scripts_per_area.values()), scripts_per_area
    assert set(scripts_per_area) == set(AREAS), "every area of the documented vocabulary is used"


def test_every_question_has_a_written_outline(bundled):
    for script in bundled:
        for question in script.questions:
            where = f"{script.id}/{question.id}"
            assert len(question.outline) >= 3, where
            assert question.outline_steps() == question.outline, where
            assert len(set(question.outline)) == len(question.outline), where
            assert all(8 <= len(step) <= 140 for step in question.outline), where


def test_every_question_has_spoken_hints_gentlest_first(bundled):
    """"Can I get a hint?" gets the question's own nudges (core/interview_requests.py): two or
    more, each a sentence or two read aloud, with nothing a voice would read as a symbol."""
    for script in bundled:
        for question in script.questions:
            where = f"{script.id}/{question.id}"
            assert len(question.hints) >= 2 and len(set(question.hints)) == len(question.hints), where
            for hint in question.hints:
                assert 20 <= len(hint) <= 260 and not re.search(r"[()\[\]{}<>=+*/\\|_#@$%^&~`]", hint), (where, hint)


def test_every_clarifying_topic_has_a_fact_and_clarifying_phases_have_topics(bundled):
    for script in bundled:
        for question in script.questions:
            for topic in question.clarifying_topics:
                assert topic.fact, f"{script.id}/{question.id}: {topic.name}"
        for phase in script.phases:
            if phase.expects_clarifying:
                asked = [q for q in script.questions_in(phase.id)]
                assert asked and all(q.clarifying_topics for q in asked), f"{script.id}/{phase.id}"


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
        if script.kind == "ml_depth":
            # The candidate's own project: its scale and setting are theirs to state, so no
            # phase reports "No clarifying questions" or "Did not ask about: which project"
            # (trial12); the facts still answer a question asked.
            assert not any(p.expects_clarifying for p in script.phases), script.id
        elif script.kind != "behavioral":
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
        later = {(q.id, f.id): f.changes_the_problem(script.kind) for q in script.questions for f in q.follow_ups
                 if f.at_phase}
        changed = {k for k, changes in later.items() if changes}
        assert {(e.question_id, e.follow_up_id) for e in asks if e.reason == "changed_constraint"} == changed
        # A behavioral round's later-phase follow-ups go back to a story: asked as follow-ups.
        assert {k for k in later if k not in changed} <= {(e.question_id, e.follow_up_id) for e in asks
                                                         if e.reason == "follow_up"}


def test_the_talking_points_example_in_the_format_reference_loads_without_warnings():
    import re

    from interviewer.core.scripts.loader import parse_script

    doc = (Path(__file__).resolve().parents[2] / "docs" / "question-scripts.md").read_text(encoding="utf-8")
    block = re.search(r"### Talking points and the outline\n.*?```toml\n(.*?)```", doc, re.S)[1]
    head = ('id = "doc"\ntitle = "Doc"\nkind = "ml_system_design"\nminutes = 45\n'
            '[[phases]]\nid = "monitoring"\nname = "Monitoring"\nminutes = 45\nprompt = "Go."\n')
    script = parse_script(head + block, "doc.toml")
    assert script.warnings == ()
    question = script.questions[0]
    assert [p.area for p in question.expected_points] == [
        None, "monitoring and rollback", "monitoring and rollback", "evaluation metrics"]
    assert len(question.outline) == 4
    assert all(p.area in AREAS for p in question.expected_points if p.area)


# Areas every round of a kind asks about, so progress can follow them from round to round
# whichever script of the kind the candidate practises.
CORE_AREAS = {
    "phone_screen": {"algorithm design", "complexity analysis", "edge cases", "generalization"},
    "coding": {"algorithm design", "complexity analysis", "edge cases", "testing"},
    "ml_breadth": {"model fundamentals", "modeling choices"},
    "ml_depth": {"failure analysis", "personal ownership", "quantified results"},
    "ml_system_design": {"clarifying requirements", "data and labels", "modeling choices",
                         "monitoring and rollback"},
    "behavioral": {"personal ownership", "quantified results", "reflection and learning"},
}


@pytest.mark.parametrize("kind", ROUND_KINDS)
def test_every_script_of_a_kind_covers_the_kinds_core_areas(bundled, kind):
    for script in (s for s in bundled if s.kind == kind):
        areas = {p.area for q in script.questions for p in q.expected_points}
        assert CORE_AREAS[kind] <= areas, f"{script.id}: missing {CORE_AREAS[kind] - areas}"
