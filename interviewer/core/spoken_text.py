"""What the interviewer's voice should not read: emoji and other pictographic symbols, which a
speech engine reads by name ("...what did you do? Slightly smiling face.", trial 40). They stay
on screen; the voice gets the text with them blanked out, character for character, so that the
positions of the words it reports still point into the text shown. Also the time a text takes
to read aloud, for the script checker's warning about very long questions."""
from __future__ import annotations

import unicodedata

# Joiners and presentation selectors that build one emoji out of several code points.
_EMOJI_GLUE = {0x200D, 0xFE0E, 0xFE0F, 0x20E3}
# About the bundled voice's default pace (words per minute), for "about N s to read aloud".
SPOKEN_WPM = 160.0
# A question longer than this takes over ~45 s to read: worth a warning in the script checker.
LONG_SPOKEN_CHARS = 600


def read_by_name(ch: str) -> bool:
    """The voice would read this character by its name: an emoji, a pictograph, an arrow, a
    dingbat (a symbol, other, from the arrows block on), or the glue inside an emoji."""
    cp = ord(ch)
    if cp in _EMOJI_GLUE or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F:  # skin tones, tags
        return True
    return cp >= 0x2190 and unicodedata.category(ch) == "So"


def for_voice(text: str) -> str:
    """`text` with every character read_by_name turned into a space (the same length)."""
    return "".join(" " if read_by_name(ch) else ch for ch in text)


def symbols_read_by_name(text: str) -> list[str]:
    """The characters of `text` the voice would read by name, each once, in order."""
    seen: list[str] = []
    for ch in text:
        if read_by_name(ch) and ord(ch) not in _EMOJI_GLUE and ch not in seen:
            seen.append(ch)
    return seen


def symbol_name(ch: str) -> str:
    return unicodedata.name(ch, f"U+{ord(ch):04X}").lower()


def seconds_to_read(text: str) -> float:
    """About how long the voice takes to read `text`."""
    return len(text.split()) / SPOKEN_WPM * 60.0


def duration_words(seconds: float) -> str:
    """'about 40 s', 'about 3 minutes'."""
    if seconds < 90:
        return f"about {max(5, round(seconds / 5) * 5)} s"
    return f"about {round(seconds / 60)} minutes"
