"""Trial 20 item 11: "Next we'll switch to machine learning fundamentals... First, one last twist
on the coding question." while the bar already read ML fundamentals during the twist. The twist
belongs to the coding part: RoundScript.part_of names it for the line being asked."""
from __future__ import annotations

from pathlib import Path

from interviewer.core.scripts.loader import load_script

ROOT = Path(__file__).resolve().parents[2] / "question_scripts"
PHONE = load_script(ROOT / "phone_screen_first_bad_version_and_ranking.toml")


def test_the_coding_twist_at_the_start_of_ml_fundamentals_is_the_coding_part():
    # The problem was asked in "clarify"; "coding" (no questions of its own) went on with it.
    assert PHONE.part_of("first_bad_version", "ml_fundamentals") == "coding"
    # The part's own questions are its own; so is anything in a part with no questions of its own.
    assert PHONE.part_of("ranking_metrics", "ml_fundamentals") == "ml_fundamentals"
    assert PHONE.part_of("first_bad_version", "coding") == "coding"
    assert PHONE.part_of(None, "ml_fundamentals") == "ml_fundamentals"
    assert PHONE.part_of("no_such_question", "ml_fundamentals") == "ml_fundamentals"


def test_every_bundled_twist_names_a_part_at_or_before_its_own():
    for path in sorted(ROOT.glob("*.toml")):
        script = load_script(path)
        ids = [p.id for p in script.phases]
        for q in script.questions:
            for f in q.follow_ups:
                if f.at_phase:
                    part = script.part_of(q.id, f.at_phase)
                    assert ids.index(q.phase) <= ids.index(part) <= ids.index(f.at_phase), (path.name, f.id)
