"""What a candidate asks about the interview itself, not about the problem, and how an
interviewer answers it: time to think, how much time is left, a hint, permission to do
something ("Can I use Python?"). None of these is a clarifying question: matched against the
problem's topics, "Can I take a minute to think?" got "Make a reasonable assumption" and "How
much time do I have?" the fact about the time window (a trial, coding round).
"""
from __future__ import annotations

import re

from interviewer.core.analysis.fillers import is_hesitation
from interviewer.core.clock import shown_seconds
from interviewer.core.conversation_cues import asks_for_a_moment, says_done
from interviewer.core.keywords import STOPWORDS, words
from interviewer.core.phase_prompts import number_words

_LEAD_IN = re.compile(r"^(?:(?:so|okay|ok|and|um|uh|hmm|alright|right|well|sorry|actually|sure|yeah) )+")


def _said(text: str) -> str:
    """The words of `text`, lower case, without hesitations anywhere ("Let um me think for a
    moment.", as a trial's transcript had it) and without the lead-in ("Okay, so, ...")."""
    return _LEAD_IN.sub("", " ".join(w for w in words(text) if not is_hesitation(w)))


def _clauses(text: str) -> list[str]:
    """The clauses of `text`, and, around a clause that is only a hesitation ("How much, uh, time
    do I have?"), the clauses on both sides of it as one."""
    clauses = [c for c in re.split(r"[,;:.!?]+", text) if words(c)]
    joined = [f"{clauses[i - 1]} {clauses[i + 1]}" for i in range(1, len(clauses) - 1)
              if all(is_hesitation(w) for w in words(clauses[i]))]
    return clauses + joined


def _any_clause(pattern: re.Pattern, text: str) -> bool:
    """Some clause of `text` is all `pattern` ("Before I go on, how much time do I have?")."""
    return any(pattern.match(_said(clause)) for clause in _clauses(text))


_A_MOMENT = r"(?:a|one|a few|a couple of|another) (?:minute|minutes|moment|moments|second|seconds|sec|secs)(?: or two)?"
# "... to think about the data model?", and what speech recognition makes of "... to think about
# this" ("Can I take a moment to think and help me?", trial 12): asked for a moment to think, the
# rest does not change the request.
_TO_THINK = (r"(?: to (?:think(?: [\w ]{1,40})?|collect my thoughts|gather my thoughts|think (?:about|through) (?:it|this|that)"
             r"|think (?:it|this|that) (?:through|over)|figure (?:it|this|that) out"
             # "... to think of a good example?", "... to come up with one?", "... to pick a story?"
             r"|(?:think of|come up with|pick|choose|find) (?:a|an|one|the|my|which)\b[\w ]{0,30}))?")
_THINKING_TIME = re.compile(
    rf"^(?:(?:can|could|may) i (?:have|take|get|use)|(?:can|could) you give me|(?:do you )?mind if i take"
    rf"|is it (?:ok|okay|alright|all right|fine) if i take|let me (?:take|have)|give me|i need|i'll need|i just need"
    rf"|just) {_A_MOMENT}{_TO_THINK}$"
    rf"|^(?:(?:can|could|may) i|(?:do you )?mind if i|is it (?:ok|okay|alright|fine) if i|let me|i need to|i'd like to)"
    rf" (?:just )?think (?:about (?:it|this|that) |it through |this through )?(?:for )?{_A_MOMENT}$"
    # "One second, let me think.", "Hold on, let me think about it.", "Bear with me for a moment.":
    # a bare "Let me think." is how thinking aloud goes on, not a request.
    rf"|^(?:(?:just )?{_A_MOMENT}|hold on|hang on|bear with me) (?:let me (?:just )?think(?: about (?:it|this|that))?"
    rf"|i need to think(?: about (?:it|this|that))?)$"
    rf"|^bear with me (?:for )?{_A_MOMENT}$")
THINKING_TIME_REPLY = "Sure, take your time."


def asks_for_thinking_time(text: str) -> bool:
    """"Can I take a minute to think?", "Give me a second.", "Let me think for a moment.", or its
    last clause asks for a moment however the speech model misheard the words between
    (conversation_cues.asks_for_a_moment: "Let me come out now for a second."). One test for the
    reply and the rules that wait: the misheard request got the no-fact reply "Good question. Make
    a reasonable assumption..." where the same words heard right get "Sure, take your time."
    (trial 46)."""
    return (_any_clause(_THINKING_TIME, text) or bool(_THINKING_TIME.match(_said(text)))
            or asks_for_a_moment(text))


def ends_asking_for_thinking_time(text: str) -> bool:
    """The last sentence of `text`, or its last clause, asks for time to think ("Okay. Let me take
    a minute to think about this."), not a clause before what the candidate went on to say
    ("Give me a second, I think the sort is n log n.")."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if words(s)]
    if not sentences:
        return False
    clauses = [c for c in re.split(r"[,;:.!?]+", sentences[-1]) if words(c)]
    # or as the round hears it, mishearings included ("Let me think I'm out at for a moment.",
    # trial 32: the round waited, the review then said "Went silent for 21.4 s")
    return bool(_THINKING_TIME.match(_said(sentences[-1])) or _THINKING_TIME.match(_said(clauses[-1]))
                or asks_for_a_moment(sentences[-1]))


_HAVE = (r"(?:(?:do|would|will|did) (?:i|we) (?:still |actually )?(?:have|get)|(?:have|'ve) (?:i|we) (?:still )?got"
         r"|(?:is|are|'s) (?:there )?(?:still )?(?:left|remaining)|(?:is|are) we at|remains?|left|remaining)")
# What the time is asked for, after the question: "... for the coding part", "... in the
# interview", "... to finish this", "... overall". "to" only before a verb of getting the work
# done: "How long do we have to keep the data?" asks about the problem.
_SCOPE = (r"(?: (?P<scope>(?:for|in|per) [\w ]{1,50}?|on (?:this|the|that|it|each|every)\b[\w ]{0,40}?"
          r"|to (?:finish|answer|solve|code|do|complete|get through|work on|wrap up)\b[\w ]{0,40}?"
          r"|overall|in total|altogether|all together|total))?")
_TIME_LEFT = re.compile(
    rf"^(?:how (?:much (?:more )?time|much longer|long|many (?:more )?minutes) {_HAVE}"
    r"|how much time is there"
    r"|how are we (?:doing )?on time|(?:how much|what) time (?:do we have|do i have) left"
    r"|(?:am i|are we) (?:ok|okay|good|fine|doing ok|doing okay) (?:on|for) time)"
    # "... left for the coding part?", "... in the interview?", "... to finish this?", "... for each question?"
    rf"(?: (?:left|remaining))?{_SCOPE}(?: (?:left|remaining))?$"
    # "How long is the coding part?", "How long is this interview?" (not "How long is the window?")
    r"|^how long (?:is|will be) (?P<part>(?:the|this|that|each|every|my|your) [\w ]{0,40}"
    r"(?:part|section|phase|stage|portion|round|interview|question|problem))$")


def asks_time_left(text: str) -> bool:
    """"How much time do I have?", "How are we on time?\""""
    return _any_clause(_TIME_LEFT, text)


def time_scope(text: str) -> str | None:
    """What a question about the time asks it for, as said ("for the coding part", "in the
    interview", "overall"); None when it asks for no part in particular ("How much time do I
    have?")."""
    for clause in _clauses(text):
        match = _TIME_LEFT.match(_said(clause))
        if match:
            return match.group("scope") or match.group("part")
    return None


# Under this many minutes the interviewer says the half minute too ("about 8 and a half minutes").
HALF_MINUTES_UNDER = 10


def minutes(seconds: float) -> str:
    """A span of time as an interviewer reads it off the clock: "about twelve minutes". Rounded down
    from what the clock shows (clock.shown_seconds), to the half minute under HALF_MINUTES_UNDER,
    so it never says more than the clock: rounded to the nearest minute, a phase clock at 08:35
    was "about 9 minutes for this part" (trial 17)."""
    whole, rest = divmod(shown_seconds(seconds), 60)
    half = rest >= 30 and whole < HALF_MINUTES_UNDER
    if whole < 1:
        return "less than a minute"
    if whole == 1:
        return "about a minute and a half" if half else "about a minute"
    # In words, as the phase prompts say them: "about 5 and a half minutes" mixed a digit with
    # words in one spoken phrase (trial 21).
    amount = number_words(whole)
    return f"about {amount} and a half minutes" if half else f"about {amount} minutes"


def time_left_reply(in_part: float, in_round: float) -> str:
    """What the interviewer says to "How much time do I have?", `in_part` and `in_round` in s."""
    if in_round - in_part < 60:  # the last part: one number says it
        return f"You have {minutes(in_round)} left."
    return f"You have {minutes(in_part)} for this part, and {minutes(in_round)} in the round."


# "Can I get a hint?", "Any pointers?", "Could you give me a nudge?", "I'm stuck, any ideas?".
# Not "type hints", and not "a pointer to the head" (a coding word): "pointer" counts only as
# "any/some pointers".
_HINT = re.compile(
    r"\b(?:a|any|another|some|one more|a small|a little|a quick|small|little|other|more|further) (?:hint|hints|nudge|clue)\b"
    r"|\b(?:hint|nudge|clue)\b(?! (?:type|types))(?<!type hint)\W*$"
    r"|\b(?:any|some) pointers\b(?! to)"
    r"|^i'?m stuck\b|^i am stuck\b|\bwhere (?:should|do|would) i (?:even )?start\b"
    r"|^(?:can|could|would) you help me(?: out)?(?: a bit| a little)?$|\b(?:some|any|a little|a bit of) help\b"
    r"|\b(?:point|nudge|steer) me (?:in the right direction|somewhere)\b")
# The same said after other words: "Hmm, I'm not sure where to go from here, could you help me a
# bit?", "Okay, I'm a bit stuck."
_HINT_CLAUSE = re.compile(
    r"^(?:(?:can|could|would) you help me(?: out)?(?: a bit| a little| here)?(?: please)?"
    r"|i'?m (?:a bit |a little |kind of |sort of |pretty |really )?stuck(?: here)?)$")


def asks_for_hint(text: str) -> bool:
    said = _said(text)
    return (bool(_HINT.search(said)) or _any_clause(_HINT_CLAUSE, text)) and "type hint" not in said


# When a question has no hints of its own: a nudge that fits any question of the round's kind,
# the way an interviewer unsticks a candidate without giving the answer away.
GENERIC_HINTS: dict[str, tuple[str, ...]] = {
    "coding": ("Try a small example by hand first, and watch which step repeats work.",
               "Think about which data structure would make that repeated step cheap."),
    "ml_system_design": ("Start from the requirements we agreed on, and sketch the simplest version that works end to end.",
                         "Then pick its weakest part, the data, the model or the serving, and improve that."),
    "behavioral": ("Pick one specific time it happened. Tell me the situation in a sentence, then what you did.",
                   "Then tell me how it ended, with a number if you have one, and what you learned."),
}
_DEFAULT_HINTS = ("Start from the definition in a sentence, then give one concrete example.",
                  "Then say when you would use it, and what it costs you.")
# An ML depth question about the candidate's own work that tells no story ("Walk me through how
# you chose the loss"): a definition nudge (the default) reads as a breadth round's.
_DEPTH_HINTS = ("Anchor it in your own project: the data, the model, and the one choice you'd defend.",
                "Then say what you measured, and what you would try next.")
# A story question outside a behavioral round: about something that went wrong (trial15, an ML
# depth round: "Tell me about something that went wrong with this model after launch" got the
# definition nudge), or any other time it happened.
_INCIDENT_HINTS = ("Start with what you saw first, then what you checked and why.",
                   "Then tell me what you changed, how you knew it worked, and what you'd do differently.")
_STORY = re.compile(
    r"\b(?:tell me about|describe|walk me through|talk me through|give me an example of|share) "
    r"(?:a time|the time|a situation|an? (?:\w+ )?(?:incident|outage|failure|bug|mistake|problem|issue)|something|when)\b"
    r"|\b(?:a time (?:when|you)|have you ever|did you ever)\b")
_INCIDENT = re.compile(r"\b(?:went wrong|go wrong|goes wrong|broke|broken|failed|failure|incident|outage|bug|"
                       r"regress\w*|degrad\w*|drop(?:ped)?|mistake|debug\w*)\b")


def _generic_hints(kind: str, question: str) -> tuple[str, ...]:
    """The nudges for a question with no hints of its own: by its shape (a story, an incident)
    where that says more than the round's kind, else by the kind."""
    said = " ".join(words(question))
    if kind != "behavioral" and _STORY.search(said):
        return _INCIDENT_HINTS if _INCIDENT.search(said) else GENERIC_HINTS["behavioral"]
    if kind == "ml_depth":
        return _DEPTH_HINTS
    return GENERIC_HINTS.get(kind, _DEFAULT_HINTS)
NO_MORE_HINTS = "That's all the help I'll give on this one. Go with your best idea, and tell me your reasoning."


# Asked for a hint while answering a follow-up with no hints of its own: a nudge about the
# follow-up (it builds on what was said), not the main question's next hint.
GENERIC_FOLLOW_UP_HINTS: dict[str, tuple[str, ...]] = {
    "coding": ("Go back to the solution you have, and walk one small input through it with this question in mind.",
               "Then point at the one step this question is about, and say what it costs or what it breaks."),
    "ml_system_design": ("Start from the design you described: which part of it does this question touch?",
                         "Say what that part does today, then the simplest change that handles this."),
    "behavioral": ("Stay with the same story. Think back to that moment: what did you see, and what did you do?",
                   "Then tell me how it turned out, and what you would do the same way again."),
    # A trial: "batch norm or layer norm?" in an ML breadth round got "Start from what you just
    # said, and apply it to this question."
    "ml_breadth": ("Think about what each option assumes, about the data or the batch, and when that breaks.",
                   "Then take one concrete setting, say a small batch or a long sequence, and say which you'd pick."),
    "ml_depth": ("Go back to your own project: where in it would this question have shown up?",
                 "Say what you saw then, or would measure now, and what you would change first."),
    "phone_screen": ("Keep it short: the one idea this question is about, in a sentence.",
                     "Then one example from your own work that shows it."),
}
_DEFAULT_FOLLOW_UP_HINTS = ("Start from what you just said, and apply it to this question.",
                            "Take one concrete case and reason it through out loud.")


def hint(question_hints: tuple[str, ...], kind: str, given: int, *, follow_up: bool = False,
         question: str = "") -> str:
    """The hint to say when `given` hints were said for this question (or, with `follow_up`,
    for the follow-up being answered) already: its own first, else ones that fit the question
    (`question`, its text: a story, an incident) and the round's kind; then no more."""
    generic = (GENERIC_FOLLOW_UP_HINTS.get(kind, _DEFAULT_FOLLOW_UP_HINTS) if follow_up
               else _generic_hints(kind, question))
    hints = question_hints or generic
    return hints[given] if given < len(hints) else NO_MORE_HINTS


# "Can I use Python?", "Is it okay if I draw this in the scratchpad?", "Do you mind if I start
# with brute force?": the candidate asks leave to do something. When no fact answers it, an
# interviewer lets them; "make a reasonable assumption" answers nothing asked. Asking to ask and
# to assume have replies of their own (core.matching).
_PERMISSION = re.compile(
    r"^(?:(?:can|could|may|shall) i|is it (?:ok|okay|alright|all right|fine) (?:if i|to)|(?:do you )?mind if i"
    r"|would it be (?:ok|okay|alright|all right|fine) (?:if i|to)|am i allowed to) (?:just |also |first )?"
    r"(?!ask\b|assume\b|have a\b|take a\b|get a\b)\w+")
PERMISSION_REPLY = "Sure, go ahead."

# "Can I get up in?" (Whisper's "Can I get a hint?", trial 29) was granted "Sure, go ahead.": a short
# yes/no ask made only of small words, with nothing it points at ("that", "it"), asks nothing that can
# be understood; granting it grants something unasked. The interviewer asks to hear it again.
UNCLEAR_REPLY = "Sorry, I didn't catch that. Could you say it again?"
_YES_NO = re.compile(r"^(?:can|could|may|shall|should|is|are|am|do|does|did|will|would)\b")
_POINTS_AT = frozenset({"it", "that", "this", "these", "those", "so", "there"})
_UNCLEAR_ASK_MAX_WORDS = 6


def unclear_ask(text: str) -> bool:
    """A yes/no ask of at most a few words, none of them a content word or one pointing at
    something said: "Can I get up in?", "Could we go on in?". "Can I do that?" and "Can I use
    Python?" are understood."""
    said = words(text)
    return (0 < len(said) <= _UNCLEAR_ASK_MAX_WORDS and bool(_YES_NO.match(said[0]))
            and all(w in STOPWORDS and w not in _POINTS_AT for w in said))


# "Is Python okay?", "Would Java be fine?": the language named, the verb left out.
_LANGUAGE_OK = re.compile(
    r"^(?:is|would|will) (?:it (?:be )?(?:ok|okay|fine|alright|all right) (?:if i|to) (?:use|code|write)[\w ]* in "
    r"|using |coding in |writing it in )?"
    r"(?:python|java|javascript|typescript|go|golang|c|c sharp|kotlin|swift|scala|rust|ruby|pseudocode|pseudo code)"
    r"(?: be)? (?:ok|okay|fine|alright|all right|acceptable)(?: here| for this)?$")


def asks_permission(text: str) -> bool:
    """Some clause asks leave ("Sure, before I start, can I use Python for this?")."""
    return any(_PERMISSION.match(_said(clause)) or _LANGUAGE_OK.match(_said(clause)) for clause in _clauses(text))


def about_the_interview(text: str) -> bool:
    """True for a request about the interview itself (none is a clarifying question)."""
    return asks_for_thinking_time(text) or asks_time_left(text) or asks_for_hint(text)


# A sentence that says nothing of an answer: "Good question.", "Okay.", "Hmm, let me see.".
_NO_ANSWER_SENTENCE = re.compile(
    r"^(?:(?:so|well|okay|ok|oh|right|alright|yeah|yes)\s+)*(?:(?:that's\s+|that\s+is\s+)?(?:a\s+)?"
    r"(?:good|great|nice|interesting|fair|tough|hard)\s+(?:question|one)|okay|ok|right|alright|let\s+me\s+see"
    r"|let\s+me\s+think)?$")


def gives_no_answer(text: str) -> bool:
    """Nothing of an answer was said: every sentence of `text` is only hesitations, a "Good
    question.", a hand-back ("That's it.") or a request for time to think ("Let me think about
    that for a moment."). Praise or thanks for it would be for nothing (trial 31: "Good. Let's go
    into the data..." after "Hmm, good question. Let me think about that for a moment.")."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()]
    for sentence in sentences:
        kept = " ".join(w for w in words(sentence) if not is_hesitation(w))
        if not kept or _NO_ANSWER_SENTENCE.match(kept) or asks_for_thinking_time(sentence) or says_done(sentence):
            continue
        return False
    return True
