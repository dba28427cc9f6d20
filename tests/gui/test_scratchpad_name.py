"""The round's scratchpad is called "Scratchpad" by a screen reader, with how its keys work as its
description. Before (trial4, keyboard only at 1024x640), its spoken name was its whole 190-character
placeholder, read out every time Tab reached it."""
from interviewer.gui.accessibility import name_controls, spoken_name
from interviewer.gui.round_screen import RoundScreen


def test_the_scratchpad_has_a_short_name_and_its_keys_as_description(qtbot):
    screen = RoundScreen()
    qtbot.addWidget(screen)
    name_controls(screen)  # as the window names every screen
    assert spoken_name(screen.scratchpad) == "Scratchpad"
    assert "Esc leaves the scratchpad" in screen.scratchpad.accessibleDescription()
