"""An area with an accent is one area however each script's editor stored the accent.

Before: "modélisation" written with é as one character in one script and as e plus a combining
accent in another were two areas, counted apart across rounds (they look the same on screen)."""
import unicodedata

from interviewer.core.scripts.loader import parse_script

SCRIPT = """\
id = "{id}"
title = "Areas"
kind = "ml_breadth"
minutes = 45

[[phases]]
id = "main"
name = "Main"
minutes = 45
prompt = "Let's start."

[[questions]]
id = "q1"
text = "How would you model it?"
expected_points = [{{ text = "Names a baseline", keywords = ["baseline model"], area = "{area}" }}]
"""


def test_an_accented_area_is_the_same_area_in_every_script():
    areas = []
    for form in ("NFC", "NFD"):
        area = unicodedata.normalize(form, "Modélisation")
        script = parse_script(SCRIPT.format(id=f"areas-{form.lower()}", area=area), f"{form}.toml")
        areas.append(script.questions[0].expected_points[0].area)
    assert areas[0] == areas[1] == unicodedata.normalize("NFC", "modélisation")
