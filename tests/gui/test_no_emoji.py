"""Issue 14: no emoji glyphs in the GUI. They render as empty boxes on machines without an emoji
font (a speech bubble in the nudge banner, the pause markers); the GUI draws SVG icons from
assets/icons instead (gui/theme.py)."""
from __future__ import annotations

import re
from pathlib import Path

from interviewer.gui import theme

GUI = Path(__file__).resolve().parents[2] / "interviewer" / "gui"
# Emoji and the symbol blocks whose characters have emoji presentation in common fonts:
# misc technical media keys (⏰ ⏸), geometric play arrows (▶), misc symbols and dingbats (☐ ✔ ✗),
# arrows/stars of U+2B00, and the emoji planes.
EMOJI = re.compile("[\u231a\u231b\u23e9-\u23fa\u25b6\u25c0\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]")


def test_no_emoji_glyphs_in_the_gui_sources():
    found = [f"{path.name}:{n}: {line.strip()}" for path in sorted(GUI.glob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if EMOJI.search(line)]
    assert not found, "\n".join(found)


def test_every_icon_is_shipped_and_loads(qapp):
    shipped = {p.stem for p in (theme.icon_path("home").parent).glob("*.svg")}
    used = set()
    for path in GUI.glob("*.py"):
        used |= set(re.findall(r'"([a-z-]+)"', path.read_text(encoding="utf-8"))) & shipped
    # the side bar, the plan's weeks, the round's warnings, the coverage checklist
    assert {"home", "check", "progress", "settings", "done", "todo", "clock", "play", "fix"} <= used
    for name in shipped:
        assert not theme.icon(name).isNull() and not theme.pixmap(name).toImage().isNull(), name
