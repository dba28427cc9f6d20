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

from interviewer.core.probes import PROBE_ID

FOLLOW_UP_LABEL = "Follow-up:"
# A line the interviewer adds on its own to dig into a talking point or ask for a tradeoff
# (core.probes), not a follow-up of the script: trial 38's two probes read "Follow-up:" as if the
# script asked them. The README calls them probes too.
PROBE_LABEL = "Probe:"

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


def is_probe(follow_up_id: str | None) -> bool:
    """The follow-up id is one of the interviewer's own probes (core.probes), not the script's."""
    return (follow_up_id or "").startswith(PROBE_ID + "-")


def is_own_ask(follow_up_id: str | None = None, text: str = "") -> bool:
    """A follow-up the interviewer adds on its own, not the script's: a probe (core.probes), a
    request for more ("Could you say a bit more? Walk me through your thinking."), a push-back,
    an insistence or a request to trace an example (core.engine). Known by its follow-up id where
    there is one (the answers, the live round), else by its words (the stored lines keep no id)."""
    # Imported here: the engine imports modules that import this one.
    from interviewer.core.engine import OWN_ASK_IDS, is_own_ask_text
    from interviewer.core.probes import is_probe_text

    if follow_up_id:
        return is_probe(follow_up_id) or follow_up_id in OWN_ASK_IDS
    return is_probe_text(text) or is_own_ask_text(text)


# An interviewer line's label by its kind (core.round_records.UtteranceKind values, as the lines
# are stored): a line of another kind (a prompt, a nudge, a warning) is the default's.
KIND_LABELS = {"question": "Q:", "follow_up": FOLLOW_UP_LABEL, "changed_constraint": "New constraint:",
               "repeat": "Again:"}


def line_label(kind: str, follow_up_id: str | None = None, text: str = "", default: str = "Interviewer:") -> str:
    """The label of a line the interviewer says, from its kind, the one rule for the round screen,
    its live transcript, the review and the exports: a follow-up the interviewer adds on its own
    (is_own_ask: a probe, "Could you say a bit more?") is PROBE_LABEL, a follow-up of the script
    FOLLOW_UP_LABEL (trial 46: "Follow-up: Could you say a bit more? Walk me through your
    thinking." live, while the README keeps "Follow-up:" for the script's)."""
    if kind == "follow_up" and is_own_ask(follow_up_id, text):
        return PROBE_LABEL
    return KIND_LABELS.get(kind, default)


# Rounds whose problem is answered in code: a change of that problem builds on the code written.
CODE_ROUND_KINDS = frozenset({"coding", "phone_screen"})


def from_earlier_part(part_name: str, change: bool, one_problem: bool, kind: str = "") -> str:
    """What the round's header adds after the part running when the line asked belongs to an
    earlier part (`part_name`, RoundScript.part_of): "a follow-up from the “Code” part"; for a
    change of the problem, a follow-on to what the candidate built for it, worded from the
    script's round `kind`: "a follow-on to the code you just wrote" in a round answered in code,
    "a follow-on to your answer in the “Approach” part" elsewhere (trial 42: "Scale it up · a new
    constraint on the “Code” part" read as if the constraint were about the code, while it
    changes the problem); "" for a change in a one-problem round (a design), which changes the
    design as it stands, not an earlier part (trial 32: "Serving and monitoring · a new
    constraint on the “Requirements” part" over "Before serving, a new constraint: next month we
    launch in five new cities...")."""
    if change and one_problem:
        return ""
    if change:
        if kind in CODE_ROUND_KINDS:
            return "a follow-on to the code you just wrote"
        return f"a follow-on to your answer in {the_part(part_name)}"
    return f"a follow-up from {the_part(part_name)}"


_ARTICLE = re.compile(r"^(?:the|a|an)\s", re.IGNORECASE)


def the_part(part_name: str) -> str:
    """A part named in a sentence: "the “Approach” part"; a name that has its own article
    stands alone, "“The fix”" (trial 43: "a follow-on to your answer in the “The fix” part")."""
    if _ARTICLE.match(part_name.strip()):
        return f"\u201c{part_name}\u201d"
    return f"the \u201c{part_name}\u201d part"
