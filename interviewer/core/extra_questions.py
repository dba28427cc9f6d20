"""Extra questions: a round whose script ran out of content early offers another question
(trials 32-35: rounds of brief answers ended at a fifth of their plan, "7.1 of 45 min").

A real interviewer with half an hour left says "We have some time left; shall we do another one?"
and asks a further question of the same kind. Here, once the script's last question part is done
and only the wrap-up (the candidate's own questions) is left, the engine (core.engine) offers one
while the round has EXTRA_MIN_LEFT_S and EXTRA_MIN_SHARE of its length left beyond the wrap-up's
planned minutes. A yes (or silence, or Next) adds an extra part taken from ANOTHER script of the
same round kind (`pick_extra`): the first part of it that asks questions, with all their fields
(clarifying facts, follow-ups, expected points, outline, pitfalls), under ids of its own
("extra1-<question id>") and named "Extra question: <its part name>". The merged script
(`with_extra_part`) is the round's script from then on, so the review, exports, summary and
progress treat the part like any other. At most EXTRA_MAX extras a round.

Qt-free and pure: the engine decides when, this module what.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Callable, Iterable, Sequence

from interviewer.core.candidate_questions import question_phases
from interviewer.core.phase_prompts import _amount_left, number_words
from interviewer.core.scripts.model import Phase, Question, RoundScript

EXTRA_MIN_LEFT_S = 600.0  # ten minutes beyond the wrap-up part
EXTRA_MIN_SHARE = 0.25  # and a quarter of the round
EXTRA_MAX = 3
EXTRA_OFFER_ID = "extra-offer"
EXTRA_NAME = "Extra question: "
EXTRA_PROMPT = "Here is another one."
# Silence on the offer: after this many quiet seconds the interviewer says what it does
# (SILENT_YES) and asks the extra question. No "think out loud", no hint offer, no "no speech
# was heard": the offer is no question to answer (trial 37: 40 s, a nudge and a hint offer).
EXTRA_OFFER_SILENCE_S = 8.0
SILENT_YES = "I'll take that as a yes."
# The offer's label on the round screen and in its live transcript: no "Follow-up:", and nothing
# of the question before under it (it is no part of that question; trial 37).
OFFER_LABEL = "Offer:"
# The kind the offer is kept under with the round's interviewer lines (not "follow_up"): the
# review and exports show it as a line of its own labelled OFFER_LABEL, heading no answer.
OFFER_LINE_KIND = "offer"
# Kinds whose question parts each ask a whole question on their own (a story, a breadth or depth
# topic): one part of another script is a whole extra question. A coding problem or a design
# runs through several parts (clarify, approach, code, test): its first part alone asked about
# code never written (trial 37), so those rounds offer none.
EXTRA_KINDS = frozenset({"behavioral", "ml_breadth", "ml_depth"})

_WRAP_UP = re.compile(
    r"^\W*(?:no\b|nope\b|nah\b|not really\b|i'?m (?:good|fine|done)\b|i think i'?m (?:good|done)\b"
    r"|let'?s (?:wrap|stop|end|finish)|(?:we can |i'?d (?:rather|like to) )?(?:wrap(?:ping)? (?:it )?up|stop|end)\b"
    r"|that'?s (?:enough|fine|all)\b|i'?d rather (?:not|wrap|stop|end))"
    r"|\b(?:wrap (?:it )?up|rather not|no more questions|no thanks|no thank you)\b",
    re.IGNORECASE)

_TAKES_IT = re.compile(r"\b(?:yes|yeah|yep|sure|ok(?:ay)?|another|one more|go ahead|let'?s do|happy to|why not)\b",
                       re.IGNORECASE)


def extra_part_id(n: int, phase_id: str) -> str:
    return f"extra{n}-{phase_id}"


def is_extra_part(phase_id: str | None) -> bool:
    return bool(phase_id) and bool(re.match(r"^extra\d+-", phase_id))


def source_part(script: RoundScript) -> Phase | None:
    """The part of `script` an extra question is taken from: its first part that asks questions
    (not its introduction, not the candidate's own questions)."""
    asks_own = question_phases(script)
    return next((p for p in script.phases if p.id not in asks_own and p.id != script.introduction_phase()
                 and script.questions_in(p.id)), None)


def repeated_questions(script: RoundScript, repeats: Callable[[Question], bool] | None) -> tuple[str, ...]:
    """The ids of the questions of `script`'s source part that `repeats` says were asked in the
    round already (in other words): left out of its extra part (`with_extra_part`)."""
    part = source_part(script)
    if part is None or repeats is None:
        return ()
    return tuple(q.id for q in script.questions_in(part.id) if repeats(q))


def pick_extra(script: RoundScript, others: Iterable[RoundScript], used: Iterable[str] = (),
               recent: Sequence[str] = (), max_seconds: float = float("inf"),
               repeats: Callable[[Question], bool] | None = None) -> RoundScript | None:
    """Another script of the same kind with a part of questions planned for at most
    `max_seconds` (the time left for it), not `script` nor one `used` in this round; one not in
    `recent` (script ids of recent rounds, newest first) first, else the one asked longest ago.
    None for a kind outside EXTRA_KINDS (a problem of several parts). `repeats`: whether a
    question says again something asked in the round already; a script whose part asks only such
    questions is passed over, and one that asks none of them comes before one that asks some
    (trial 41: "Compare batch normalization and layer normalization..." as an extra, six
    minutes after the follow-up "When would you use batch normalization rather than layer
    normalization?")."""
    taken = {script.id, *used}
    if script.kind not in EXTRA_KINDS:
        return None
    fits = [o for o in others if o.kind == script.kind and o.id not in taken and source_part(o) is not None
            and source_part(o).minutes * 60.0 <= max_seconds]
    repeated = {o.id: len(repeated_questions(o, repeats)) for o in fits}
    fits = [o for o in fits if repeated[o.id] < len(o.questions_in(source_part(o).id))]
    if not fits:
        return None
    order = {sid: i for i, sid in enumerate(recent)}
    fresh = [o for o in fits if o.id not in order]
    if fresh:
        return min(fresh, key=lambda o: repeated[o.id] > 0)  # the first of those with nothing repeated
    return max(fits, key=lambda o: (repeated[o.id] == 0, order[o.id]))


def with_extra_part(script: RoundScript, other: RoundScript, n: int, minutes: float, before: str,
                    leave_out: Iterable[str] = ()) -> RoundScript:
    """`script` with an extra part (number `n`, `minutes` planned) made of `other`'s source part,
    inserted before the part `before` (the wrap-up). Its questions keep every field; their ids
    and the follow-ups' parts are made the extra part's, and changed constraints become follow-ups
    asked after the answer (the parts they were for are not in this round). `leave_out`: ids (in
    `other`) of its questions left out, asked in the round already (`repeated_questions`)."""
    left_out = set(leave_out)
    source = source_part(other)
    assert source is not None
    pid = extra_part_id(n, source.id)
    phase = Phase(pid, EXTRA_NAME + source.name, float(minutes), EXTRA_PROMPT)
    questions = tuple(
        replace(q, id=extra_part_id(n, q.id), phase=pid,
                follow_ups=tuple(replace(f, at_phase=None, phase=None, after_questions=False) for f in q.follow_ups))
        for q in other.questions_in(source.id) if q.id not in left_out)
    index = [p.id for p in script.phases].index(before)
    phases = (*script.phases[:index], phase, *script.phases[index:])
    return replace(script, phases=phases, questions=(*script.questions, *questions))


def extra_minutes(source_minutes: float, seconds_left: float) -> float:
    """The minutes an extra part is planned for: its source part's, or the time left for it,
    whichever is less. The one number the offer says and the round's plan (Time per part) shows."""
    return min(float(source_minutes), max(0.0, seconds_left) / 60.0)


def offer_text(seconds_left: float, minutes: float, n: int = 1) -> str:
    """What the interviewer says to offer an extra question: the time left said as it is, and
    how long the question takes (`minutes`: `extra_minutes`, what the plan gives the part), in
    whole minutes as the plan shows them (trial 43: "about ten minutes" said for parts planned
    at 12 and 13 minutes, as the time-left wording rounds past ten to fives); a second or third
    offer worded as one that follows (trial 37: the same sentence twice in a round)."""
    amount, unit = _amount_left(seconds_left)
    whole = max(1, int(minutes + 0.5))
    length = "a minute" if whole == 1 else f"{number_words(whole)} minutes"
    if n <= 1:
        return (f"We have {amount} {unit} left, time for one more question of about {length}. "
                "Shall we do it, or would you rather wrap up?")
    return (f"Still {amount} {unit} to go. Another one of about {length}, or shall we stop there?")


def offer_status(seconds: float | None = EXTRA_OFFER_SILENCE_S) -> str:
    """The status line while the offer waits for its answer: what is expected, the keys, and
    what silence does: `seconds` of it (EXTRA_OFFER_SILENCE_S, the one number the silence rule,
    this line and the README use) take the offer. The rule's length, not a count of what is
    left: the count read "silence in 7 s" a second in, where the README says 8 s (trial 41)."""
    after = f" in {max(1, math.ceil(seconds))} s" if seconds is not None else ""
    return (f"Say yes for another question or no to wrap up. N (or silence{after}) starts the question; "
            "Space ends your reply.")


# A reply that holds the offer off ("Wait.", "Not yet.", "Give me a second."): no yes, and no no.
_HOLDS_OFF = re.compile(
    r"^\W*(?:(?:um|uh|oh|er|hmm|well|okay|ok|sorry)\W+)*(?:wait|hold on|hang on|not yet|one (?:sec|second|moment)"
    r"|just a (?:sec|second|moment|minute)|give me (?:a|one) (?:sec|second|moment|minute)"
    r"|let me think)\b",
    re.IGNORECASE)
# A reply heard this soon after the interviewer began "I'll take that as a yes." (or before it)
# answers the offer: the line and the start of the extra question it leads into (trial talk-over
# replies began 1-4 s into it). The reply's first word decides, not the line's end.
SILENT_YES_REPLY_S = 6.0


def holds_off(answer: str | None) -> bool:
    """The reply to the offer asks the interviewer to wait ("Wait, give me a second.", "Not yet."):
    the offer is no more taken than declined."""
    return bool(answer) and bool(_HOLDS_OFF.search(answer.strip())) and not _TAKES_IT.search(answer)


def declines_silent_yes(answer: str | None) -> bool:
    """A reply heard over (or right after, SILENT_YES_REPLY_S) "I'll take that as a yes." that says
    it was no yes: a no (`wants_wrap_up`) or a wait (`holds_off`)."""
    return wants_wrap_up(answer) or holds_off(answer)


def wants_wrap_up(answer: str | None) -> bool:
    """The reply to the offer declines it ("No, let's wrap up", "I'm good"). Silence, "yes",
    "sure" and anything else take the extra question."""
    if not answer or _TAKES_IT.search(answer):
        return False
    return bool(_WRAP_UP.search(answer.strip()))


# ---------------------------------------------------------------- kept with the round

# The session-level finding that keeps which extra parts a round had (storage keeps the script's
# id only): its details' "extras" rebuild the round's script for the review, exports and progress.
EXTRAS_KIND = "round_extra_questions"


def extras_details(script: RoundScript, extras_from: Sequence[str],
                   left_out: "dict[str, Sequence[str]] | None" = None,
                   texts: "dict[str, str] | None" = None) -> list[dict]:
    """What `script_with_extras` needs to make the round's script again from its own: per extra
    part (in order), its id, the script it came from, its planned minutes, the part after it, the
    ids of the questions left out of it (`left_out`: part id -> ids; asked in the round already)
    and the exact text of that script (`texts`: id -> RoundScript.text), so the review does not
    change when that file is edited or deleted later (core.stored_script)."""
    ids = [p.id for p in script.phases]
    parts = [p for p in script.phases if is_extra_part(p.id)]
    texts = texts or {}
    return [{"part": p.id, "script": source, "minutes": p.minutes, "before": ids[ids.index(p.id) + 1],
             **({"left_out": list(left_out[p.id])} if left_out and left_out.get(p.id) else {}),
             **({"text": texts[source]} if texts.get(source) else {})}
            for p, source in zip(parts, extras_from)]


def extras_message(script: RoundScript) -> str:
    names = [p.name.removeprefix(EXTRA_NAME) for p in script.phases if is_extra_part(p.id)]
    count = "One extra question was" if len(names) == 1 else f"{number_words(len(names)).capitalize()} extra questions were"
    return f"{count} asked after the script's own, as time was left: {', '.join(names)}."


def _extra_source(d: dict, lookup: "Callable[[str], RoundScript | None]") -> RoundScript | None:
    """The script an extra part came from: the copy of its text the round kept, else by its id."""
    text = d.get("text")
    if isinstance(text, str) and text:
        from interviewer.core.stored_script import stored_script  # it imports this module

        return stored_script(str(d.get("script")), text, lookup)
    return lookup(str(d.get("script")))


def script_with_extras(script: RoundScript | None, extras: Sequence[dict],
                       scripts: "Iterable[RoundScript] | Callable[[str], RoundScript | None]") -> RoundScript | None:
    """The round's script as it ran: `script` with the extra parts `extras` (extras_details)
    taken from `scripts` (or a lookup by id) again. An extra whose script is gone is left out (its answers keep
    their question texts). Each extra's "before" is the extra after it, not added yet when it is
    read: it goes before the first part after it that is there (trial 41: a round with three
    extras got only its last one back, and the review's counts and plan row left out the others)."""
    if script is None or not extras:
        return script
    lookup = scripts if callable(scripts) else {s.id: s for s in scripts}.get
    after = {str(d.get("part", "")): d.get("before") for d in extras}
    for d in extras:
        other, part = _extra_source(d, lookup), str(d.get("part", ""))
        match = re.match(r"^extra(\d+)-", part)
        ids = {p.id for p in script.phases}
        before, seen = d.get("before"), set()
        while before not in ids and before in after and before not in seen:
            seen.add(before)
            before = after[before]
        if other is None or match is None or source_part(other) is None or before not in ids:
            continue
        script = with_extra_part(script, other, int(match.group(1)), float(d.get("minutes", 0.0)), before,
                                 [str(i) for i in d.get("left_out") or ()])
    return script


def round_script(script: RoundScript | None, findings: Iterable,
                 scripts: "Iterable[RoundScript] | Callable[[str], RoundScript | None]") -> RoundScript | None:
    """The round's script from its stored findings (storage.models.Finding: kind, details)."""
    for f in findings:
        if f.kind == EXTRAS_KIND and isinstance(getattr(f, "details", None), dict):
            return script_with_extras(script, f.details.get("extras") or [], scripts)
    return script
