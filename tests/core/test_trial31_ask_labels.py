"""Trial 31 defect 11: the banner and live transcript read "New constraint: Before serving, a new
constraint: next month ..." and the rain scenario ("One last scenario before your summary: ...")
was labelled "New constraint:". A line whose text names what it is gets no second label; its
lead-in is its label (core/ask_labels.py, read by the round screen and the review)."""
from __future__ import annotations

from interviewer.core.ask_labels import label_for, own_label
from interviewer.core.scripts.loader import discover_scripts

NEW_CITY = ("Before serving, a new constraint: next month we launch in five new cities with no delivery "
            "history at all. How does your system give estimates there on day one?")
RAIN = ("One last scenario before your summary: on a rainy Friday, forty percent of orders arrived more "
        "than fifteen minutes late, against the usual five. What happened, and what would you change?")


def test_a_line_that_names_itself_gets_no_second_label():
    assert label_for("New constraint: ", NEW_CITY) == ""
    assert own_label(NEW_CITY) == "Before serving, a new constraint:"
    assert label_for("New constraint: ", RAIN) == ""
    assert own_label(RAIN) == "One last scenario before your summary:"


def test_other_lines_keep_their_label():
    assert label_for("New constraint: ", "Imagine the model must serve a new country.") == "New constraint: "
    assert label_for("Follow-up: ", "Before the next topic: looking back at that decision, what would "
                                    "you have needed?") == "Follow-up: "
    assert own_label("Suppose the budget is cut by ten. Twist: what now?") == ""


def test_no_bundled_line_is_shown_with_its_change_named_twice():
    for script in discover_scripts().scripts:
        for q in script.questions:
            for f in q.follow_ups:
                if not f.changes_the_problem(script.kind):
                    continue
                shown = (label_for("New constraint: ", f.text) + f.text).lower()
                assert shown.count("new constraint") <= 1 and "constraint: " + "one last" not in shown, shown
                if "scenario" in shown.split(":", 1)[0]:
                    assert not shown.startswith("new constraint"), shown
