"""What the interviewer says when a phase starts, kept true to the clock.

Scripts write their phase prompts for the planned schedule ("We're about ten minutes in; let's
move to the design"). When the candidate moves on early, a phase starts before its planned time
and that sentence would be false. Then every clause that states the round's time (minutes in,
minutes left or to go, half way, almost at time) is dropped and one true statement of the
elapsed time is said first; the rest of the prompt is kept as written.
"""
from __future__ import annotations

import re

from interviewer.core.conversation_cues import sets_a_task

# How far from its planned start a phase may begin before the script's time wording is wrong.
OFF_PLAN_SECONDS = 60.0

# Clauses that state where the round stands in time. Plans ("a few minutes on production",
# "a 45-minute round") are not statements of the clock and are kept.
TIME_STATEMENT = re.compile(
    r"\bminutes?\s+(?:in|left|to\s+go|remaining)\b"
    r"|\bhalf\s*-?\s*way\b|\bof\s+the\s+way\b"
    r"|\b(?:nearly|almost|close\s+to|near)\s+(?:at\s+|out\s+of\s+)?(?:time|done)\b"
    r"|\bwe\s+have\s+(?:only\s+|about\s+|just\s+)?(?:a\s+few|\w+)\s+minutes\b",
    re.IGNORECASE,
)

# A clause ends at . ; ! ? (kept with the clause).
_CLAUSE = re.compile(r"[^.;!?]+[.;!?]*\s*")

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(n: int) -> str:
    """0-999 in words (a speech engine reads 'twelve' more naturally than '12' in a sentence)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + ("-" + _ONES[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    return _ONES[hundreds] + " hundred" + (" and " + number_words(rest) if rest else "")


def elapsed_statement(at_seconds: float) -> str:
    minutes = max(0, round(at_seconds / 60.0))
    if minutes < 1:
        return "We've only just started."
    if minutes == 1:
        return "We're about a minute in."
    return f"We're about {number_words(minutes)} minutes in."


def states_time(text: str) -> bool:
    return TIME_STATEMENT.search(text) is not None


# "We have a few minutes left for your questions", "ten minutes to go": the time left, said with
# its purpose. Its amount is made true rather than the clause dropped (the invitation would go).
TIME_LEFT = re.compile(
    r"\b(?P<amount>(?:only\s+|about\s+|just\s+)?(?:a\s+few|a\s+couple\s+of|[\w-]+))\s+"
    r"(?P<unit>minutes?)\s+(?:left|to\s+go|remaining)\b"
    r"|\bwe\s+have\s+(?P<amount2>(?:only\s+|about\s+|just\s+)?(?:a\s+few|a\s+couple\s+of|[\w-]+))\s+"
    r"(?P<unit2>minutes?)\b",
    re.IGNORECASE,
)


def _amount_left(seconds: float) -> tuple[str, str]:
    """The time left as an interviewer says it, never more than there is: whole minutes up to
    ten ("about four minutes" with 4:50 left), then fives ("about twenty-five minutes"), and
    "over half an hour" past that (not "about thirty-nine minutes" after early parts ended early)."""
    minutes = int(max(0.0, seconds) // 60)
    if minutes < 1:
        return "less than a", "minute"
    if minutes == 1:
        return "about a", "minute"
    if minutes >= 30:
        return "over half an", "hour"
    if minutes > 10:
        minutes -= minutes % 5
    return f"about {number_words(minutes)}", "minutes"


def _with_true_time_left(clause: str, remaining: float | None, purpose: str | None = None) -> str | None:
    """The clause with its time-left amount made true, or None if it states the clock otherwise
    (minutes in, half way, almost at time) or the time left is not known. With a `purpose` ("for
    this part"), the time is said as the time for it, not as "left": in a round that ends
    early "We're about nine minutes in. We have about four minutes left." read as a contradiction
    of its 45 planned minutes (trial 36)."""
    if remaining is None:
        return None
    match = TIME_LEFT.search(clause)
    if match is None:
        return None
    amount, unit = _amount_left(remaining)
    name = "amount" if match.group("amount") else "amount2"
    start, end = match.start(name), match.end("unit" if name == "amount" else "unit2")
    said, after = f"{amount} {unit}", clause[end:]
    if purpose:
        after = _LEFT_WORD.sub("", after, count=1)
        if not re.match(r"\s*for\b", after, re.IGNORECASE):
            said += f" {purpose}"
    fixed = clause[:start] + said + after
    return None if states_time(TIME_LEFT.sub("", fixed)) else fixed


_LEFT_WORD = re.compile(r"^\s+(?:left|to\s+go|remaining)\b", re.IGNORECASE)
# What the time said is for, instead of "left", when the round ends early (its last part starts).
PART_PURPOSE = "for this part"


def spoken_phase_prompt(prompt: str, planned_at: float, started_at: float,
                        remaining: float | None = None, purpose: str | None = None) -> str:
    """The prompt to say for a phase that starts at `started_at` round seconds but was planned
    for `planned_at`: as written when on plan, else with the true elapsed time first, the time
    left made true where a clause says it (`remaining`: seconds left in the round; said as the
    time `purpose` when given, e.g. PART_PURPOSE when the round ends early) and any other
    clause that states the round's time dropped. With a `purpose` the elapsed time is not said:
    only the part's own time is."""
    if abs(started_at - planned_at) < OFF_PLAN_SECONDS or not states_time(prompt):
        return prompt
    kept: list[str] = []
    dropped_before = True  # the elapsed statement stands first, so the next clause opens a sentence
    for clause in (c.strip() for c in _CLAUSE.findall(prompt)):
        if not clause:
            continue
        fixed = _with_true_time_left(clause, remaining, purpose) if states_time(clause) else None
        if fixed is not None:
            clause = fixed
        elif states_time(clause):
            if kept and kept[-1].endswith(";"):
                kept[-1] = kept[-1][:-1] + "."
            dropped_before = True
            continue
        kept.append(clause[0].upper() + clause[1:] if dropped_before else clause)
        dropped_before = False
    if purpose:
        # The round ends early: the part's own time is what counts, and the round's elapsed
        # minutes opening it read as a beginning ("We're about two minutes in. That's all from
        # me." opened the candidate's questions of a 45-minute round, trial 38).
        return " ".join(kept)
    return " ".join([elapsed_statement(started_at), *kept])


# A part's prompt that opens by praising or thanking for what came before ("That sounds
# reasonable. Go ahead and code it up", "Nice. Let's change the problem"): said after a part in
# which the candidate said nothing, the praise is for nothing.
OPENING_PRAISE = re.compile(
    r"^\s*(?:(?:that\s+)?sounds\s+(?:good|great|reasonable|fine)|that's\s+(?:good|great|fine|helpful)"
    r"|(?:very\s+)?(?:good|nice|great)|thanks|thank\s+you|perfect|excellent|okay|alright|all\s+right)"
    r"\s*[.!]\s+(?=\S)",
    re.IGNORECASE,
)


def without_opening_praise(prompt: str) -> str:
    """`prompt` without an opening sentence of praise or thanks; the rest as written."""
    rest = OPENING_PRAISE.sub("", prompt, count=1)
    return rest[0].upper() + rest[1:] if rest != prompt else prompt


# A sentence that leads into the ask without asking anything: a short acknowledgement ("That
# sounds reasonable.", "Good.") or a move between parts ("Let's move from clarifying to your
# approach.", "Good, let's move on to the second problem.").
_LEAD_IN = re.compile(r"^(?:(?:good|great|okay|ok|right|alright|thanks|thank you)\b[,.]?\s*)?"
                      r"let'?s\s+(?:move|switch|change|go|turn)\b", re.IGNORECASE)
_ACK_MAX_WORDS = 3


def asked_part(text: str) -> str:
    """What a spoken line asks, without the sentences that lead into it: the time ("We're about
    two minutes in."), an acknowledgement ("That sounds reasonable.") or a move between parts.
    The review labelled answers "We're ...", "That ..." by the line's first words (trial 17);
    the last sentence is always kept."""
    sentences = [s.strip() for s in re.findall(r"[^.!?]+[.!?]*\s*", text) if s.strip()]
    while len(sentences) > 1:
        first = sentences[0]
        words = first.rstrip(".!").split()
        if first.endswith("?") or not (TIME_STATEMENT.search(first) or _LEAD_IN.match(first)
                                       or len(words) <= _ACK_MAX_WORDS):
            break
        sentences.pop(0)
    return " ".join(sentences) or text.strip()


def split_task(prompt: str) -> tuple[str, str]:
    """`prompt` as what it says before its first sentence that sets a task and that sentence on
    ("About five minutes left.", "Summarize your design ... then it's your turn for
    questions."); ("prompt", "") when no sentence of it sets one."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", prompt.strip()) if s]
    for i, sentence in enumerate(sentences):
        if sets_a_task(sentence):
            return " ".join(sentences[:i]), " ".join(sentences[i:])
    return prompt, ""


# "Here's the problem." in a part's prompt announces the question said after the prompt.
_ANNOUNCES_PROBLEM = re.compile(r"\bhere(?:'s|\u2019s| is) the problem\s*[.;:,!]?\s*", re.IGNORECASE)


def problem_first(prompt: str) -> tuple[str, str]:
    """`prompt` as what it says up to "Here's the problem." and what it says after it ("Take a few
    minutes on requirements first: ask me about ..."), said after the problem it announces, when
    the part's question follows the prompt at once; (prompt, "") when it announces no problem or
    says nothing after it. Trial 44: "Here's the problem. Take a few minutes on requirements
    first: ask me ..." was said before the problem was stated."""
    match = _ANNOUNCES_PROBLEM.search(prompt)
    if match is None or not prompt[match.end():].strip():
        return prompt, ""
    before = prompt[:match.end()].rstrip().rstrip(".;:,!") + "."
    after = prompt[match.end():].strip()
    return before, after[0].upper() + after[1:]
