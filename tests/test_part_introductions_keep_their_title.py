"""Trial 33 suggestion 13: the breadth round's part "Training and models" was introduced as "Let's
begin with training models.", which says something else (how to train models). A bundled part's
introduction that names its topic with the title's own words ("Let's start with X", "Let's move
on to X") keeps a title of two topics two: "Conflict with a peer" may be introduced as
"conflict", but "Training and models" not as "training models" (one topic made of the two)."""
import re

from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

_INTRO = re.compile(r"\blet's (?:begin|start) with (?:the part on )?([^.:;,]+)|\blet's move on to ([^.:;,]+)", re.I)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def shortened_titles(scripts) -> list[str]:
    """"<script>: <title> -> <topic said>" for each part whose title joins two topics with "and"
    and whose introduction says words of both, only the title's, without the "and": the two
    topics run into one, the meaning changed."""
    out = []
    for script in scripts:
        for phase in script.phases:
            for m in _INTRO.finditer(phase.prompt or ""):
                said = _words(m.group(1) or m.group(2))
                title = _words(phase.name)
                if "and" not in title or "and" in said or not set(said) <= set(title):
                    continue
                left, right = title[:title.index("and")], title[title.index("and") + 1:]
                if set(said) & set(left) and set(said) & set(right):
                    out.append(f"{script.id}: {phase.name} -> {' '.join(said)}")
    return out


def test_no_bundled_part_is_introduced_by_a_cut_title():
    scripts = [load_script(p, bundled=True) for p in sorted(bundled_scripts_dir().glob("*.toml"))]
    assert scripts
    assert shortened_titles(scripts) == []


def test_the_check_finds_trial_33s_introduction():
    script = load_script(bundled_scripts_dir() / "ml_breadth_applied.toml", bundled=True)
    phase = next(p for p in script.phases if p.name == "Training and models")
    cut = type("S", (), {"id": "x", "phases": [type("P", (), {"name": phase.name,
                                                               "prompt": "Let's begin with training models."})]})
    assert shortened_titles([cut]) == ["x: Training and models -> training models"]
