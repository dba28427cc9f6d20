"""The label shown before a line the interviewer asks ("Follow-up:", "New constraint:"), or none
where the script's text already says what the line is. Qt-free: the round screen's banner, its
live transcript and the review read it here.

Scripts introduce a line that changes the problem in their own words, as a label ("Twist: ...",
"New requirement: ...") or as a lead-in ("Before serving, a new constraint: ...", "One last
scenario before your summary: ..."). Either is the line's label: a second one in front read
"New constraint: Before serving, a new constraint: ..." (trial 31), and the rain scenario was
called a "New constraint:" it is not. The lead-in is shown as the label (the live transcript sets
it in bold), so the line still reads labelled beside labelled ones (trial 16)."""
from __future__ import annotations

import re

# How scripts name a line that changes the problem, or a scenario put to the candidate.
CHANGE_OPENERS = ("new constraint", "twist", "change of requirements", "change of plan", "new requirement",
                  "new situation", "different setting", "scenario", "hypothetical")
LEAD_IN_MAX_WORDS = 14  # "Back to adapting models for a moment, with a new constraint:" is 11


def own_label(text: str) -> str:
    """The script's own label or lead-in the line opens with, with its colon ("Twist:", "Before
    serving, a new constraint:"), or "" when it has none: the words before the first colon, in
    the first sentence, short, and naming a change or a scenario."""
    head, colon, _ = text.strip().partition(":")
    if not colon or re.search(r"[.?!]", head) or len(head.split()) > LEAD_IN_MAX_WORDS:
        return ""
    lowered = head.strip().lower()
    return head + colon if any(re.search(rf"\b{o}\b", lowered) for o in CHANGE_OPENERS) else ""


def label_for(label: str, text: str) -> str:
    """`label` ("New constraint:", "Follow-up:") to put before `text`, or "" when the text already
    opens with it or, for a changed constraint, names itself (own_label)."""
    word = label.strip().rstrip(":").strip().lower()
    opening = text.strip().lower()
    if word and opening.startswith(word):
        return ""
    if word == "new constraint" and own_label(text):
        return ""
    return label


def from_earlier_part(part_name: str, change: bool, one_problem: bool) -> str:
    """What the round's header adds after the part running when the line asked belongs to an
    earlier part (`part_name`, RoundScript.part_of): "a follow-up from the “Code” part", "a new
    constraint on the “Code” part" for a change; "" for a change in a one-problem round (a
    design), which changes the design as it stands, not an earlier part (trial 32: "Serving and
    monitoring · a new constraint on the “Requirements” part" over "Before serving, a new
    constraint: next month we launch in five new cities...")."""
    if change and one_problem:
        return ""
    what = "a new constraint on" if change else "a follow-up from"
    return f"{what} the \u201c{part_name}\u201d part"
