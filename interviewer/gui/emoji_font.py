"""Emoji in a user's script (a rocket before "Design a launch tracker") render as empty boxes where no
emoji font is installed. Installs from source get one from the system (bootstrap.sh installs
fonts-noto-color-emoji); the packaged app ships the same font (packaging/interviewer.spec puts it
in assets/fonts, 10.7 MB of a 410 MB bundle) and adds it to the application font's families
when the system has none, so Qt falls back to it for the characters the UI font lacks."""
from __future__ import annotations

from pathlib import Path

from interviewer.resources import assets_dir

BUNDLED_EMOJI_FONT = "fonts/NotoColorEmoji.ttf"  # under assets_dir() in the packaged app


def has_emoji_font(families: list[str]) -> bool:
    """Some installed family is an emoji font (Noto Color Emoji, Twemoji, JoyPixels, Symbola...)."""
    return any("emoji" in f.lower() or f.lower().startswith(("symbola", "joypixels")) for f in families)


def ensure_emoji_font(app, font_file: Path | None = None) -> str | None:
    """Add the shipped emoji font to `app`'s font families when no installed font draws emoji;
    returns the family added, else None (the system has one, or the font is not shipped)."""
    from PySide6.QtGui import QFontDatabase

    if has_emoji_font(QFontDatabase.families()):
        return None
    path = font_file or assets_dir() / BUNDLED_EMOJI_FONT
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = app.font()
    font.setFamilies([*font.families(), families[0]])  # the UI font first, emoji as the fallback
    app.setFont(font)
    return families[0]
