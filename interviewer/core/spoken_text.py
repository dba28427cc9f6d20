"""What the interviewer's voice reads of a text shown on screen. Scripts are written as the
candidate reads them, numbers in digits ("errors at 1, 2, 3, 10 and 11, and W = 5", "learning
rate 3e-4, batch size 256", trial 39: the screen had read "one, two, three, ten and eleven"):
speech engines say digits and "=" well, and this module is the one place that turns what they
read wrongly into words for the voice: emoji and other pictographic symbols, read by name
("...what did you do? Slightly smiling face.", trial 40), are blanked out; a number in
scientific notation ("3e-4", said "three e four" without its minus) is said "3 e minus 4".
voice_text also maps each position of the voice's text back into the text shown, so that the
words the voice reports as heard still point into it. Also the time a text takes to read aloud,
for the script checker's warning about very long questions."""
from __future__ import annotations

import re
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


# 3e-4, 1.5E+6, 2e5: the mantissa, the exponent's sign and its digits.
_SCIENTIFIC = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)[eE]([-+\u2212]?)(\d+)(?![\w.])")


def _said_scientific(m: re.Match[str]) -> str:
    sign = {"-": " minus ", "\u2212": " minus ", "+": " plus "}.get(m.group(2), " ")
    return f"{m.group(1)} e{sign}{m.group(3)}"


def voice_text(text: str) -> tuple[str, list[int]]:
    """What the voice reads of `text` (every character read_by_name blanked, numbers in
    scientific notation in words), and for each position of it, 0 to its length, the position in
    `text` it stands for (a position inside a rewritten number stands for the number's end)."""
    blanked = "".join(" " if read_by_name(ch) else ch for ch in text)
    spoken: list[str] = []
    shown: list[int] = []
    at = 0
    for m in _SCIENTIFIC.finditer(blanked):
        spoken.append(blanked[at:m.start()])
        shown.extend(range(at, m.start()))
        said = _said_scientific(m)
        spoken.append(said)
        shown.extend([m.start()] + [m.end()] * (len(said) - 1))
        at = m.end()
    spoken.append(blanked[at:])
    shown.extend(range(at, len(text) + 1))
    return "".join(spoken), shown


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
