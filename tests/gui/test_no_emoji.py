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


NOTO_EMOJI = Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")  # bootstrap.sh installs it


def _font_of(text: str, font) -> list[str]:
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [run.rawFont().familyName() for run in layout.glyphRuns()]


def test_emoji_in_a_users_script_are_drawn_with_an_emoji_font(qapp, monkeypatch):
    """A user's "🚀 Design a launch tracker" showed an empty box where no emoji font was installed:
    the source install gets one (bootstrap.sh), the bundle ships it, and the app adds the shipped
    one when the system has none."""
    from interviewer.gui import emoji_font

    assert "fonts-noto-color-emoji" in (GUI.parents[1] / "bootstrap.sh").read_text()
    assert str(NOTO_EMOJI) in (GUI.parents[1] / "packaging" / "interviewer.spec").read_text()
    assert any("Emoji" in family for family in _font_of("Go \U0001f680 now", qapp.font()))
    assert emoji_font.ensure_emoji_font(qapp) is None  # the system has one: nothing added
    monkeypatch.setattr(emoji_font, "has_emoji_font", lambda families: False)
    before = qapp.font()
    try:
        assert emoji_font.ensure_emoji_font(qapp, NOTO_EMOJI) == "Noto Color Emoji"
        assert qapp.font().families()[-1] == "Noto Color Emoji"
        assert qapp.font().families()[0] == before.family()  # the UI font stays first
    finally:
        qapp.setFont(before)
    assert emoji_font.ensure_emoji_font(qapp, NOTO_EMOJI.with_name("missing.ttf")) is None
