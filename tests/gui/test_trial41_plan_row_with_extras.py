"""Trial 41: the review's "Round and timeline" tab drew the plan row of a 45-minute round with
extra questions to 55 min (the parts laid end to end at their planned minutes, the extras' added
to the script's 45), and showed only the last extra (fixed in 589eff2b). The plan row now has
every part, extras included, in order, within the round's length: the parts share it as the
interviewer shares the time left when a part ends early (core.round_plan, the engine's own
rule), the candidate's questions keeping their minutes."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from test_extra_questions import story_round  # noqa: E402
from test_trial41_three_extras_made_again import _three_extras  # noqa: E402

from interviewer.gui.review_screen import ReviewScreen  # noqa: E402


def _plan_row(qtbot, script, minutes: float):
    screen = ReviewScreen()
    qtbot.addWidget(screen)
    screen.session = SimpleNamespace(phases=[], answers=[], findings=[], planned_minutes=minutes, skipped=())
    try:
        return screen._timeline_data(script)
    finally:
        # The closed screen lives on, connected to the theme: a later test's theme switch would
        # draw this stand-in round's header (it has no start time) and fail there.
        screen.session = None


def test_the_plan_row_of_a_round_with_three_extras_stays_within_its_length(qtbot):
    engine, _ = _three_extras()
    script = engine.script  # 3 + 80 + three extras of 12 + 5 minutes, in a 90-minute round
    length = engine.round_seconds
    assert sum(p.minutes for p in script.phases) * 60 > length
    data = _plan_row(qtbot, script, length / 60)
    assert [p.id for p in data.planned] == [p.id for p in script.phases]  # every part, extras included, in order
    assert len([p for p in data.planned if p.id.startswith("extra")]) == 3
    assert data.total == length and data.planned[-1].end == length
    assert all(p.start < p.end <= length for p in data.planned)
    assert all(a.end == b.start for a, b in zip(data.planned, data.planned[1:]))  # one after the other
    wrap = data.planned[-1]
    assert wrap.id == "wrap" and abs(wrap.end - wrap.start - 5 * 60) < 1e-6  # the candidate's questions keep theirs


def test_a_round_without_extras_keeps_its_plan(qtbot):
    script = story_round()  # 3 + 30 + 5 minutes of a 45-minute round
    data = _plan_row(qtbot, script, 45)
    assert [(p.id, p.start, p.end) for p in data.planned] == [("intro", 0, 180), ("story", 180, 1980),
                                                                ("wrap", 1980, 2280)]
    assert data.total == 45 * 60
