"""A depth signal and a topic area have one name on every screen, from the core: the review said
"Metrics named 0/2" and "Numbers with units", Home and Progress "evaluation metrics" and
"numbers and units" for the same thing."""
from pathlib import Path

from interviewer.core.analysis import depth
from interviewer.core.analysis.report import finding_label
from interviewer.core.scripts.areas import area_name


def test_a_signal_is_named_as_its_area_everywhere():
    for s in depth.SIGNALS:
        assert s.label == area_name(s.area) == finding_label(s.id), s.id
    assert [area_name(a) for a in ("evaluation metrics", "star structure", "online experiments")] == [
        "Evaluation metrics", "STAR structure", "Online experiments"]


def test_home_progress_and_the_practice_plan_show_areas_by_that_name():
    root = Path(__file__).resolve().parents[2] / "interviewer"
    for path in ("gui/home_screen.py", "gui/progress_screen.py", "core/practice_plan.py"):
        source = (root / path).read_text()
        assert "area_name(" in source, path
    doc = (root.parent / "docs" / "analysis.md").read_text()
    for s in depth.SIGNALS:
        assert f"- **{s.label}** (`{s.id}`" in doc, s.id
