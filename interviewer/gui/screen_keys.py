"""The round's and the review's keys, in one table each: the round screen binds its keys from
ROUND_KEYS and the F1 sheet lists both tables, so the sheet cannot name a key that does nothing
or leave one out (tests/gui/test_shortcuts_match_help.py presses every one)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut


@dataclass(frozen=True)
class ScreenKey:
    keys: str  # as the F1 sheet shows them
    what: str  # what it does, as the F1 sheet says it
    action: str = ""  # the round screen's method it calls
    # Plain keys (QKeySequence names): the round screen's own, so typing in the scratchpad types them.
    plain: tuple[str, ...] = ()
    # With Ctrl: anywhere in the window while the round shows, the scratchpad and the side bar included.
    ctrl: tuple[str, ...] = ()


ROUND_KEYS: tuple[ScreenKey, ...] = (
    ScreenKey("Space or Enter", "End your answer (while the interviewer waits: carry on answering)",
              "end_answer", plain=("Space", "Return", "Enter")),
    ScreenKey("Ctrl+Enter", "End your answer, also while typing in the scratchpad",
              "end_answer", ctrl=("Ctrl+Return", "Ctrl+Enter")),
    ScreenKey("Esc", "Leave the scratchpad, so Space ends answers again", "leave_scratchpad", plain=("Esc",)),
    ScreenKey("R or Ctrl+R", "Repeat the question", "repeat_question", plain=("R",), ctrl=("Ctrl+R",)),
    ScreenKey("N or Ctrl+N", "Next part of the round (in the last part: ends the round, after asking)",
              "next_part", plain=("N",), ctrl=("Ctrl+N",)),
    ScreenKey("P or Ctrl+P", "Pause or resume the round: clocks and recording", "toggle_pause",
              plain=("P",), ctrl=("Ctrl+P",)),
    ScreenKey("Ctrl+E", "End the round now (after asking); what was recorded is kept", "confirm_stop_round",
              ctrl=("Ctrl+E",)),
)

# The review's keys are its widgets' own (a table's and a list's Enter, the timeline's keys), and
# Export's (F1 named no key for it, trial 23).
REVIEW_KEYS: tuple[ScreenKey, ...] = (
    ScreenKey("Enter", "In the answers table or the findings: play the selected answer or finding"),
    ScreenKey("Left, Right", "On the timeline: go to the previous or next answer"),
    ScreenKey("Enter or Space", "On the timeline: play from there"),
    ScreenKey("Ctrl+Shift+E", "Export the round: opens the Export menu (report or audio)", "open_export_menu",
              ctrl=("Ctrl+Shift+E",)),
)

# The debrief's: Save was 12 Tabs from the first answer and Ctrl+S did nothing (trial 23).
DEBRIEF_KEYS: tuple[ScreenKey, ...] = (
    ScreenKey("Ctrl+S", "Save the debrief", "save", ctrl=("Ctrl+S",)),
)


def bind_screen_keys(screen, keys: tuple[ScreenKey, ...]) -> None:
    """Bind the Ctrl keys of `keys` to `screen`'s methods, anywhere in the window while the
    screen shows (a hidden screen's shortcuts do not fire)."""
    for binding in keys:
        for name in binding.ctrl:
            shortcut = QShortcut(QKeySequence(name), screen)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(getattr(screen, binding.action))
