"""How a question sounds and where it ends: a rise at its end (`ends_rising`), the words after a
hesitation, a pause that leaves the turn to the interviewer, a sentence that runs on into the
next. Reads the speech regions' pitch and the words' times; the wording is question_wording.py's.
"""
from __future__ import annotations

from interviewer.core.analysis.fillers import find_disfluencies, is_hesitation
from interviewer.core.analysis.question_wording import (
    AUX, CLAUSE_SUBJECT, LEAD_IN, PREPOSITION, TAG_END, WH, _has_clause, _strip_lead_in, question_cue,
    tells_what_is_done,
)
from interviewer.core.analysis.utterances import SENTENCE_GAP_S, Utterance
from interviewer.core.transcript import SpeechRegion


# A clause that rises in pitch and runs straight on with one of these ("...visited once,
# so it's order n") rose for continuation, even where Whisper wrote a period.
CONTINUATION = {"so", "and", "but", "because", "cause", "which", "or", "since"}
RISE_SEMITONES = 2.0  # espeak-ng yes/no questions rise 1.5-5 st, statements under 0.7, commas 0-5
RISE_MATCH_S = 0.6    # how far a region's end may be from the last word's stamped end
MIN_RISING_WORDS = 3  # "Okay?" alone is a backchannel, not a clarifying question
FIRST_PERSON = {"i", "i'm", "i'd", "i'll", "i've", "me", "my"}
MAX_RISING_WORDS = 12
IMPERATIVE_OPENERS = {"let", "let's", "tell"}
FRAGMENT_RISE_SEMITONES = 3.0  # a verbless phrase (_elliptical_question)
OPENS_SUBORDINATE = {"if", "when", "whenever", "while", "since", "because", "although", "though", "unless",
                     "until", "whether"}
ENUMERATING = {"first", "secondly", "then", "next", "finally", "lastly", "also"}


def ends_rising(u: Utterance, regions: list[SpeechRegion], ended: bool) -> bool:
    """The pitch rises where the utterance ends, and it does end there (Whisper closed the
    sentence or a pause follows): a question by intonation. A comma's continuation rise
    sounds the same, so utterances Whisper left open do not count."""
    if not ended or len(u.tokens) < MIN_RISING_WORDS:
        return False
    if u.tokens[-1].text.rstrip().endswith("!"):
        # Whisper heard an exclamation ("This is all very high pitched!"): an emphatic or
        # excited tune rises too, and the recogniser, which hears the whole tune, said so.
        return False
    words = _strip_lead_in([t.norm for t in u.tokens if not is_hesitation(t.norm)])
    if len(words) > MAX_RISING_WORDS:
        # A long run of clauses that rises at the end is a list or a continuation Whisper
        # closed with a period; clarifying yes/no questions are short.
        return False
    if words and words[0] in WH:
        # Worded as a question it was caught by its words (question_cue); a wh-clause without
        # the inversion is a free relative or a cleft going on ("where it gets tricky is when
        # both heaps are empty"), whatever its tune.
        return False
    if not words or words[0] in FIRST_PERSON:
        # "I added drift monitoring..." rising into a comma Whisper wrote as a period is the
        # candidate telling, not asking; first-person questions are worded ("I'm wondering").
        return False
    if words[0] in OPENS_SUBORDINATE:
        # "If we call it over there.", "Because the labels lag.": a subordinate clause rising
        # into a pause is a sentence left open, not a question.
        return False
    if tells_what_is_done(words):
        # "We launched the week before a holiday sale," rising into a pause: a story going on.
        return False
    if words[0] in IMPERATIVE_OPENERS:
        # "Tell me if you want to hear about another one.", "Let me know if I should go deeper.":
        # an offer hands the turn back with a rise; it asks nothing about the problem.
        return False
    if not _has_clause(words) and not _elliptical_question(u, words, regions):
        # "for a brand new user,", "First, candidate generation with a small model,": a
        # phrase without a verb that rises is a list or a clause going on, not a question.
        return False
    if _phrases_after_lead_in(u) > 1:
        # "We're just, you know, there's some errors, but who cares.": several phrases in a
        # row are someone telling; a question asked by its tune alone is one short phrase.
        return False
    return _rises_at_end(u, regions)


def _elliptical_question(u: Utterance, words: list[str], regions: list[SpeechRegion]) -> bool:
    """"Integers only?", "One frame a minute each?": a verbless phrase asks when it closes a
    sentence (not a comma, not a phrase going on after a preposition) on a steep rise. With no
    verb to go by the rise must be steeper than a clause's: an affected reading of "Montreal or
    Stalina." rose 2.5-3 st (MFA's `mfa_affectation`, a development clip). After "First,",
    "Then," or "Next," the phrase is a step in a list ("First, candidate generation with a
    small model."), however it rises."""
    said = [t.norm for t in u.tokens if not is_hesitation(t.norm)]
    lead_in = said[:len(said) - len(words)]
    return (words[0] not in PREPOSITION and not ENUMERATING & set(lead_in) and u.tokens[-1].ends_sentence
            and _rises_at_end(u, regions, FRAGMENT_RISE_SEMITONES))


def _rises_at_end(u: Utterance, regions: list[SpeechRegion], semitones: float = RISE_SEMITONES) -> bool:
    last = u.tokens[-1]
    near = [r for r in regions if r.final_rise is not None and r.start < last.end
            and abs(r.end - last.end) <= RISE_MATCH_S]
    if not near:
        return False
    region = min(near, key=lambda r: abs(r.end - last.end))
    return region.final_rise >= semitones


def after_hesitation(u: Utterance) -> Utterance | None:
    """The words after the last hesitation inside the utterance ("Okay, ten thousand, um, and
    we need it before the payment is authorised?"): a filled pause is where the speaker plans
    what comes next, so what follows it is judged as a sentence of its own."""
    toks = u.tokens
    for j in range(len(toks) - 2, 0, -1):
        if is_hesitation(toks[j].norm) and not is_hesitation(toks[j - 1].norm):
            return Utterance(toks[j + 1:])
    return None


def _phrases_after_lead_in(u: Utterance) -> int:
    """Comma-separated phrases of the utterance, not counting a lead-in ("So, the data fits?")."""
    tokens = [t for t in u.tokens if not is_hesitation(t.norm)]
    while tokens and tokens[0].norm in LEAD_IN:
        tokens.pop(0)
    return 1 + sum(1 for t in tokens[:-1] if t.comma_after)


# A question asked by its tune alone leaves the turn to the interviewer: people pause this long
# for an answer, or stall on a hesitation ("...more costly here? Er, I mean, it depends").
# Statements that rise (uptalk, a list, a sentence going on) are followed sooner by more words
# ("...is also quite different. [0.9 s] And I'm saying...", a real speaker).
TURN_GAP_S = 1.0


def leaves_turn(u: Utterance, nxt: Utterance | None) -> bool:
    return nxt is None or nxt.start - u.end >= TURN_GAP_S or is_hesitation(nxt.tokens[0].norm)


def stumbles(u: Utterance, nxt: Utterance | None) -> bool:
    """A verbless fragment the speaker stumbles over: a word or the phrase said again, or a
    word broken off ("Montree, Montree all?", "A liner? A liner."). tiny.en writes a "?" on such
    pieces where the voice rises; they ask nothing."""
    words = _strip_lead_in([t.norm for t in u.tokens if not is_hesitation(t.norm)])
    if not words or words[0] in WH or _has_clause(words):
        return False
    # A word said again after the silence of a turn is the interviewer's answer said back
    # ("..., for user, or global, [2.2 s] global first, fine."), not a stumble.
    said_on = nxt is not None and nxt.start - u.end < TURN_GAP_S
    tokens = list(u.tokens) + (list(nxt.tokens) if said_on else [])
    return any(d.start < u.end and d.end > u.start for d in find_disfluencies(tokens))


def split_at_rise_before_hesitation(u: Utterance, regions: list[SpeechRegion]) -> list[Utterance]:
    """Cut after "..., here, er, I mean": a clause that ends in a clear pitch rise and is
    followed by a hesitation is a sentence of its own (Whisper often runs a question into
    what follows with commas)."""
    parts, start = [], 0
    tokens = u.tokens
    for i in range(len(tokens) - 1):
        if tokens[i].comma_after and is_hesitation(tokens[i + 1].norm) and not is_hesitation(tokens[i].norm):
            head = Utterance(tokens[start:i + 1])
            if ends_rising(head, regions, True) and not question_cue(head):
                parts.append(head)
                start = i + 1
    parts.append(Utterance(tokens[start:]))
    return parts


def _no_break(u: Utterance, nxt: Utterance, gaps: list[tuple[float, float]] | None) -> bool:
    """No silence of a sentence break lies between the two utterances (by the speech regions,
    or by the word times where there are none)."""
    if gaps is None:
        return nxt.start - u.end < SENTENCE_GAP_S
    here = (u.tokens[-1].start + u.tokens[-1].end) / 2
    there = (nxt.tokens[0].start + nxt.tokens[0].end) / 2
    return not any(here < (a + b) / 2 < there for a, b in gaps)


def runs_on(u: Utterance, nxt: Utterance | None, gaps: list[tuple[float, float]] | None) -> bool:
    """The speaker carries on without waiting for an answer: the next utterance follows with no
    silence of a sentence break, with a connective ("..., so it's order n", also after an
    "um") or with other words ("Floyd's two pointers. Literally no extra memory"). A question
    asked by intonation alone leaves the turn; a rise that runs on is a continuation rise
    (a list, a comma) Whisper closed with a period. A hesitation straight after the rise
    ("...here, er, I mean") or a tag ("Correct?") does not carry the clause on."""
    if nxt is None or not _no_break(u, nxt, gaps):
        return False
    words = [w for w in nxt.norm_words if not is_hesitation(w)]
    if not words or words[0] in TAG_END:
        return False
    return words[0] in CONTINUATION or not is_hesitation(nxt.tokens[0].norm)


def _waits_after(u: Utterance, nxt: Utterance | None, gaps: list[tuple[float, float]] | None) -> bool:
    """Asked by its tune alone, a question hands the turn over: the speaker stops (a silence of a
    sentence break, or the recording ends). A filled pause straight after a rise holds the floor
    ("...up for understanding, um... the intricacies": a person's continuation rise, heldout7)."""
    if nxt is None or not _no_break(u, nxt, gaps):
        return True
    said = [w for w in nxt.norm_words if not is_hesitation(w)]
    return len(said) == 1 and said[0] in TAG_END  # "... reviewers. Correct?": the tag asks with it


def _tag_runs_on(u: Utterance, nxt: Utterance | None, gaps: list[tuple[float, float]] | None) -> bool:
    """"...a data analyst, right? So I got used to...": a tag the speaker talks straight on
    from asks nothing; it is a filler. Asked, the speaker waits ("..., right? [1.1 s]").
    Whisper often stamps the tag at the far end of the pause that followed it, so the break is
    looked for from the word before the tag."""
    return runs_on(Utterance(u.tokens[:-1]) if len(u.tokens) > 1 else u, nxt, gaps)


def rising_aux_tail(u: Utterance, regions: list[SpeechRegion]) -> Utterance | None:
    """The last clause of `u` that starts with an auxiliary right after a break in the speech
    ("...which one I'd pick | is that the level of detail you want", "Before designing
    features | is there a limit..."): tiny.en often runs a yes/no question into the sentence
    before it, or garbles its subject, but the auxiliary after the break stays."""
    bounds = [(a.end + b.start) / 2 for a, b in zip(regions, regions[1:])]
    for j in range(len(u.tokens) - 1, 0, -1):
        tok, before = u.tokens[j], u.tokens[j - 1]
        if tok.norm not in AUX or is_hesitation(before.norm) or before.norm in CLAUSE_SUBJECT:
            continue
        here, there = (before.start + before.end) / 2, (tok.start + tok.end) / 2
        if any(here < b < there for b in bounds):
            return Utterance(u.tokens[j:])
    return None


def last_phrase(u: Utterance) -> Utterance | None:
    """The words after the last comma inside `u` ("Let me make sure I understand, so the input
    is sorted,"): tiny.en runs a question heard as a statement into the sentence before it."""
    toks = u.tokens
    for j in range(len(toks) - 2, 0, -1):
        if toks[j].comma_after:
            tail = Utterance(toks[j + 1:])
            # Too short to ask by its tune; a subordinate clause ("..., if you have two objects
            # and you say object.") is judged by ends_rising.
            return tail if len(tail.tokens) >= MIN_RISING_WORDS else None
    return None
