"""Whether the words of an utterance ask something (`question_cue`: an inverted auxiliary, a
question word and a verb, an offered choice, an indirect question, a tag) or break off before
the question is finished (`unfinished`), and the word lists they read. Words only: pitch and
pauses are question_prosody.py's.
"""
from __future__ import annotations

import re

from interviewer.core.analysis.fillers import is_hesitation
from interviewer.core.analysis.utterances import Utterance


AUX = {
    "is", "are", "was", "were", "am", "do", "does", "did", "can", "could", "should", "would",
    "will", "shall", "may", "might", "must", "have", "has", "had", "isn't", "aren't", "wasn't",
    "don't", "doesn't", "didn't", "can't", "couldn't", "shouldn't", "wouldn't", "won't", "haven't",
    "hasn't",
}
SUBJECT = {
    "i", "you", "we", "they", "it", "he", "she", "there", "this", "that", "these", "those", "the",
    "a", "an", "our", "my", "your", "their", "its", "all", "any", "some", "each", "every",
    "anyone", "someone", "users", "data", "latency", "people",
    # a number or quantifier opens a noun phrase like a determiner: "do two equal values count"
    "one", "two", "three", "four", "five", "ten", "both", "either", "neither", "most", "many",
    "several", "few",
}
WH = {"what", "which", "who", "whom", "whose", "when", "where", "why", "how"}
HOW_WHAT_QUANTITY = {
    "many", "much", "often", "long", "big", "large", "fast", "soon", "far", "frequently", "old",
    "accurate", "quickly", "important", "strict", "critical", "kind", "sort", "type", "level",
    "size", "scale", "volume", "exactly",
}
# Only these take a quantity or kind straight after them ("how many", "what kind"); "when
# many features each carry a little signal" is a subordinate clause.
QUANTITY_WH = {"how", "what", "which"}
# Words a candidate puts before the real start of a clause.
LEAD_IN = {"and", "so", "but", "okay", "ok", "also", "then", "or", "well", "right", "now",
           "first", "just", "alright", "sure", "great", "actually", "oh", "roughly",
           "approximately", "basically", "sorry", "secondly", "finally", "lastly", "next",
           "quickly", "thanks", "cool", "yeah", "yes"}
# "I wonder if we even need it", "I wonder whether a lower temperature would help", "I wonder
# how many people realize..." think aloud (the writers of the speech sets label them so: 10 of
# 13 such sentences found were not questions); the polite form ("I'm wondering whether we...",
# "I was wondering when..."), "I wonder what the budget is" and a choice offered ("I wonder
# whether the team cares more about freshness or engagement") ask. "I want to check" at
# the end of a sentence is a plan, "I want to check whether..." asks; so is "the first thing I
# want to check is the learning rate" (what is checked named after "is": trial13 had it answered).
# "I'd like to / I want to check, confirm, clarify" asks only where what follows is what the
# listener is to answer: an embedded question ("whether", "if", a question word), a "that"
# clause, "with you", "something", "a few things"; "confirm" and "clarify" also take a noun
# phrase ("confirm the latency budget") or a clause ("confirm we have labels"). A statement of
# intent asks nothing: "I would like to check twice." (trial 38, "I would run each check
# twice." misheard), "I want to check the logs first", "I'd like to clarify it again".
_ASKED_OBJECT = (r"(?:whether|if|what|what's|how|which|who|where|when|why|that(?= \S)(?! (?:later|first|again|too|out)\b)|with you|something|"
                 r"one thing|(?:a|one|two|three) (?:few |couple of |more )?(?:things?|questions?|points?|details?)|"
                 r"a (?:few|couple)|some (?:things|details|points)|my understanding|my assumptions?)\b")
_ASKED_NOUN_OR_CLAUSE = (r"(?:the|a|an|our|your|some|one|two|three|we|you|they|there|it's|its|"
                         r"latency|scale|requirements?|constraints?|budget|input|output)\b")
# "The thing I want to clarify is whether we have labels": what is asked, named after "is".
_INDIRECT_ASK = (rf"(?:check(?! out\b) {_ASKED_OBJECT}|(?:confirm|clarify) (?:{_ASKED_OBJECT}|{_ASKED_NOUN_OR_CLAUSE})"
                 rf"|(?:check(?! out\b)|confirm|clarify) (?:is|was) (?=(?:whether|if|what|how|which|who|where|when|why)\b)"
                 rf"|ask(?= \S))")
INDIRECT = re.compile(
    r"\b(i'?m (also |just |really )?wondering|i am (also |just )?wondering|i was (also |just )?wondering|"
    r"wondering (whether|if|about|how|what)|"
    r"i wonder what|i wonder (whether|if|how|when|where|which|who) (?=.* or \w)|i('?d| would) (also |really )?(like|love) to (know|understand (what|how|whether|if|why|which|who|where|when))|i('?d| would) (also |just )?like to " rf"{_INDIRECT_ASK}|" r"(can|could) you (tell|clarify|confirm|"
    r"explain|say)|" rf"want(ed)? to {_INDIRECT_ASK}(?! (is|are|was|were) (?!(whether|if|what|how|which|who|where|when|why)\b))|" r"just to (confirm|clarify|check(?! out\b))|"
    r"let me ask(?= \S+ \S)(?!.*\b(later|afterwards|at the end|in a (bit|minute|moment|second))\b)|my (first )?question is(?= \S)|(is|would) it (be )?(ok|okay|fair|safe) (if|to)|"
    r"i'?m curious|i was curious|curious (whether|if|about)|should i assume|am i right|"
    r"is that (right|correct|fair|true)|do you know (whether|if|how|what)|any (idea|sense) (of|how|what))\b")
# A question word straight before a subject starts an embedded clause ("what we need is",
# "how the data flows matters"): a question puts the auxiliary first ("what do we need").
EMBEDDED_SUBJECT = {"i", "we", "you", "they", "he", "she", "it", "the", "a", "an", "our", "my",
                    "your", "their", "this", "these", "those"}
OFFER_VERB = {"want", "wanna"}
OFFERED = {"me", "us", "a", "an", "the", "some", "more", "any", "another"}
TAG_END = {"right", "correct", "yes", "yeah", "no"}
TAG_PAIRS = {(aux, pronoun) for aux in ("isn't", "aren't", "wasn't", "weren't", "doesn't", "don't",
                                         "didn't", "won't", "wouldn't", "can't", "couldn't",
                                         "shouldn't", "haven't", "hasn't")
             for pronoun in ("it", "they", "we", "you", "he", "she", "i", "there", "that")}
PERSONAL = {"i", "we", "you", "they", "he", "she"}
SINGULAR_SUBJECT = {"it", "he", "she", "this", "that"}  # "does it", never "do it", asks
HAVE = {"have", "has", "had"}
COPULA_AUX = {"is", "was", "are", "were", "will", "would", "should", "can", "could"}
# Spoken questions open with "may" or "might" only before a person ("May I assume...", "Might we
# ..."); before a noun phrase it is a wish or a misheard word (trial 19: "May the freshest and
# all rates in the feature pipeline, ..." for "Data freshness and null rates ...").
WISH_MODAL = {"may", "might"}
MAX_TAG_GAP_S = 1.0
CONFIRMING_TAGS = {("i", "assume"), ("i", "presume"), ("i", "guess")}
# A tag confirms a statement; before it these words state nothing to confirm ("Oh yeah, I guess.",
# "Yeah, it's exactly, yeah.": a listener agreeing, heldout9 of the human-speech set).
AGREEMENT = {"oh", "yeah", "yes", "yep", "yup", "okay", "ok", "right", "sure", "exactly", "true", "correct",
             "definitely", "absolutely", "totally", "indeed", "mm", "mhm", "well", "so", "no", "nope",
             "it's", "that's", "it", "that", "is", "was", "i", "agree"}


def _only_agrees(words: list[str]) -> bool:
    return all(w in AGREEMENT for w in words)
RHETORICAL_ANSWER = {"because", "well"}
WH_IS = {"what's": "what", "how's": "how", "who's": "who", "where's": "where", "when's": "when",
         "why's": "why"}


def _clauses(u: Utterance) -> list[list[str]]:
    clauses, cur = [], []
    for t in u.tokens:
        if is_hesitation(t.norm):
            continue
        if t.norm in WH_IS:  # "what's the budget" asks like "what is the budget"
            cur.extend((WH_IS[t.norm], "is"))
        else:
            cur.append(t.norm)
        if t.comma_after:
            clauses.append(cur)
            cur = []
    if cur:
        clauses.append(cur)
    return _join_around_asides(clauses)


# Said between commas inside a clause ("..., which, I mean, is the main guard", "the question,
# you know, is whether"), these leave the clause whole: what follows goes on from the one or two
# words before. After a clause of its own ("That's what I thought, I mean, are we...") a new
# clause starts.
ASIDES = {("i", "mean"), ("you", "know"), ("i", "think"), ("i", "guess"), ("like",), ("basically",)}


def _join_around_asides(clauses: list[list[str]]) -> list[list[str]]:
    joined: list[list[str]] = []
    k = 0
    while k < len(clauses):
        if (joined and k + 1 < len(clauses) and tuple(clauses[k]) in ASIDES
                and len(_strip_lead_in(joined[-1])) <= 2 and tuple(joined[-1]) not in ASIDES):
            joined[-1] = joined[-1] + clauses[k + 1]
            k += 2
            continue
        joined.append(clauses[k])
        k += 1
    return joined


LINKING = {"is", "are", "was", "were"}


def _asks_to_complete(u: Utterance, clauses: list[list[str]]) -> bool:
    """"And your role is?", "The latency budget is?": a subject and its linking verb, asked, hand
    the rest of the sentence to the listener (a meeting, heldout7). Said without the "?" it
    trails off; "That's how it is?" ends a clause of its own (a wh-word before it)."""
    words = [w for c in clauses[-1:] for w in _strip_lead_in(c)]
    return (u.tokens[-1].question_mark and len(words) >= 2 and words[-1] in LINKING
            and not any(w in WH for w in words) and words[-2] not in PERSONAL | {"it", "there", "that", "this"})


def _strip_lead_in(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) and words[i] in LEAD_IN:
        i += 1
    return words[i:]


# "The question is how to keep features consistent", "the hard part is whether it fits":
# a statement that names an open question. Whisper often writes "?" after it.
# "The question I have is whether..." asks: the noun phrase holds no speaker.
FRAMING = re.compile(r"^(the|a) ((?!(i|we|you|i'd|i'm|i've)\b)\w+ ){1,3}(is|was) "
                     r"(how|what|whether|which|where|when|why|who|if) "
                     r"(to|i|we|you|they|it|the|a|an|our|this|these|those)\b")
# "Just to make sure I understand, the ranking runs on device": an opener that asks for
# confirmation, like "just to confirm" (only where the sentence opens: "..., just to make sure
# the model stays fresh" is a purpose).
CONFIRM_OPENER = (("to", "make", "sure"), ("to", "double", "check"))
# "So to be clear, you're asking about a time I said no?", "to be clear, the input fits in
# memory": a restatement handed over for a yes or no (asked if the speaker then waits:
# questions._tag_runs_on). Not the speaker clarifying their own plan ("To be clear, I'd still
# log everything"): a first-person clause after it states.
CLEAR_OPENER = ("to", "be", "clear")
# "Let me make sure I got it. A user can make at most a hundred calls a minute.", "So if I
# understand it, I return the index": the restatement after such an opener is handed over for a
# yes or no, whether Whisper ran the two together or not (questions.find_questions); asked only
# if the speaker then waits, like every confirmation.
CHECK_OPENER = re.compile(
    r"^(?:(?:let me|i want to|i'd like to|i just want to|just want to|just to) (?:just )?)?"
    r"(?:make sure|check|double check|confirm) (?:that )?i (?:got|get|have|understand|understood|follow|heard)"
    r"(?: (?:it|this|that|you|the (?:problem|question|task|setup)))?(?: right| correctly)?$"
    r"|^if i (?:understand|understood|got|get)(?: (?:it|this|that|you|the (?:problem|question|task)))?"
    r"(?: right| correctly)?$")


def checks_understanding(words: list[str]) -> bool:
    """`words` (a clause or sentence, lead-ins included) only open a restatement to be checked."""
    return bool(CHECK_OPENER.match(" ".join(_strip_lead_in(words))))


MOVES_ON = {"then", "and", "so", "next", "i'd", "i'll", "let's", "we'd", "we'll", "after"}
FIRST_PERSON = {"i", "i'd", "i'm", "i'll", "i've", "my", "me", "we'd", "we'll", "we're", "let's", "let"}
# "I wonder whether we even need a review queue?": thinking aloud about one's own design (see
# INDIRECT), even where the voice rose and Whisper wrote "?".
MUSING = re.compile(r"\bi wonder (if|whether) (we|i)\b")


def frames_question(u: Utterance) -> bool:
    words = _strip_lead_in([t.norm for t in u.tokens if not is_hesitation(t.norm)])
    return bool(FRAMING.match(" ".join(words)) or MUSING.search(" ".join(words)))


ARTICLE_OR_POSSESSIVE = {"the", "a", "an", "my", "your", "our", "their", "its"}  # never end a clause

# "If there's no such character, I return what?", "and the deadline is when?": a statement whose
# question word stands where the answer goes (an echo question). Not "that's what", "I know
# what", "no matter what", "or what", "so what".
WH_IN_PLACE = {"what", "when", "where", "which", "who"}
NOT_BEFORE_WH_IN_PLACE = {"that's", "thats", "that", "this", "know", "knows", "knew", "guess", "matter", "or",
                          "so", "exactly", "just", "see", "mean", "is", "and", "like", "for", "about", "of",
                          "wonder", "sure", "idea", "somewhat", "remember", "forgot", "decide", "tell", "ask"}


# "Human reviewers, we are having how many?", "and prices change how often": the same with an
# amount. Not where the amount is a verb's object clause ("it depends on how many", "this
# decides how much", "figure out how long").
HOW_AMOUNT = {"many", "much", "long", "often", "far", "big", "large"}
NOT_BEFORE_HOW_AMOUNT = NOT_BEFORE_WH_IN_PLACE - {"is"} | {
    "on", "in", "at", "by", "to", "from", "with", "out", "depends", "depending", "matters", "regardless",
    "decide", "decides", "determines", "controls", "affects", "limits", "sets", "changes", "shows", "tells",
    "measure", "measures", "count", "counts", "estimate", "estimates", "check", "checks", "see", "care",
    "me", "you", "us", "them", "him", "her", "asked", "asks", "wondering", "sure", "unclear", "clear"}


def _wh_in_place(clauses: list[list[str]]) -> bool:
    if not clauses:
        return False
    words = _strip_lead_in(clauses[-1])
    if (len(words) >= 4 and words[-2] == "how" and words[-1] in HOW_AMOUNT
            and words[-3] not in NOT_BEFORE_HOW_AMOUNT and not any(w in WH for w in words[:-2])
            # "that is how long" names an amount; "the budget for this is how much" asks it
            and not (words[-3] == "is" and words[-4] in {"that", "this", "which"}
                     and (len(words) == 4 or words[-5] not in PREPOSITION))):
        return True
    return (len(words) >= 3 and words[-1] in WH_IN_PLACE and words[-2] not in NOT_BEFORE_WH_IN_PLACE
            and not any(w in WH for w in words[:-1]))  # "diarization means who spoke when"


def _asks_which_one(words: list[str], last: bool) -> bool:
    """"..., in case of a tie, which word is coming first.": "which" with a noun of its own and
    then a verb ends the sentence asking; a relative "which" is followed by its verb or its
    subject (", which is faster", ", which we cache", ", which then gets cached")."""
    if len(words) >= 6 and words[2] == "of" and words[3] in DETERMINER | {"them", "these", "those"}:
        # "which half of that story is more useful to you", "which part of the answer matters"
        k = next((j for j in range(4, min(len(words), 7)) if words[j] in AUX), None)
        if k is None:
            return False
        words = words[:2] + words[k:]
    if (last and len(words) >= 3 and words[0] == "which" and words[1] in ("one", "ones")
            and words[2] not in AUX and words[2].endswith("s") and not words[2].endswith("ss")
            and len(words) <= 5 and not any(w in AUX or w.endswith("s") for w in words[3:])):
        # "..., which one comes first": "which one" asks, its verb straight after and the clause
        # ending there ("which one matters depends on the product" is the subject of a statement)
        return True
    return (last and len(words) >= 4 and words[0] == "which" and words[2] in AUX
            and not any(w in AUX for w in words[3:])  # "which threshold is right isn't a question"
            and (words[1] in ("one", "ones") or words[1] not in AUX | SUBJECT | PERSONAL | DETERMINER | HEDGE | LEAD_IN)
            and not words[1].endswith("ly") and words[1] not in {"then", "also", "still", "only", "often"})


# "So I added, how do you say, the reason codes": a speaker looking for a word asks no one; the
# sentence goes on after it (blind30, blind17: second-language speakers).
WORD_SEARCH = {tuple(p.split()) for p in (
    "how do you say", "how do you say it", "how do you call it", "how do you call this", "how do you call them",
    "what do you call it", "what do you call this", "what do you call them", "how to say", "how to say it",
    "how do i say", "how do i say it", "how can i say", "how can i say it", "how should i say", "how should i say it",
    "how would you say", "how would i say", "how do i put it", "how can i put it", "how should i put it",
    "how shall i put it", "what is the word", "what is it called", "what was the word", "what is the term")}


# "I will use ...", "I'd add ...", "we'll try ...", "I'm going to ...": what the speaker will do
# (not "I'd assume ...", "we'd need ...": a requirement checked).
_OWN_PLAN = re.compile(r"^(?:(?:so|and|then|okay|ok|well|yeah|first|maybe|probably) )*(?:i|we) "
                       r"(?:will|would|am going to|are going to|am gonna|are gonna) "
                       r"(?!assume|say|guess|need|have|want|like|expect)\w+")
_CONTRACTED = {"i'll": "i will", "i'd": "i would", "we'll": "we will", "we'd": "we would",
               "i'm": "i am", "we're": "we are"}


def _own_plan(words: list[str]) -> bool:
    """The clause `words` (normalised) opens with what the speaker will do."""
    said = [_CONTRACTED.get(w, w) for w in words if not is_hesitation(w)]
    return bool(_OWN_PLAN.match(" ".join(said)))


# "Chargebacks are the labels, or not?", "The order matters or not?": a statement closed with
# "or not" / "or no" asks yes or no (eight writers of the speech sets, none otherwise); asked only
# if the speaker then waits (questions.WAITS_FOR_ANSWER). Not an embedded one ("I don't know if
# it matters or not", "whether or not we retrain").
OR_NOT_END = (("or", "not"), ("or", "no"))
NOT_BEFORE_OR_NOT = {"whether", "if", "know", "sure", "wonder", "decide", "decides", "matter", "care", "check",
                     "see", "tell", "ask", "asked", "unclear", "clear", "depends"}


def _or_not_scope(clauses: list[list[str]]) -> list[str]:
    """The clause that a closing "or not" / "or no" asks about: the words before it in its own
    clause, or the clause before when Whisper set it off with a comma ("..., duplicate values
    allowed, or not"). A clause before that one is no part of it: "Check if a tree is a valid
    search tree, duplicates allowed, or not" restates the task, then asks (blind49); "I don't know
    if it matters or not" and "I don't know if it's sorted, or not" embed the choice."""
    said = [[w for w in c if not is_hesitation(w)] for c in clauses]
    said = [c for c in said if c]
    if not said:
        return []
    last = said[-1][:-2]
    if _strip_lead_in(last) or len(said) == 1:
        return last
    return said[-2] + last


INVITES_CORRECTION = re.compile(r"\b(unless you (tell me|say|think) otherwise|correct me if i'?m wrong|"
                                r"stop me if (that's|this is|i'm) (wrong|not right)|"
                                r"tell me if (that's|this is) (wrong|not right|not the case))$")
# "Quick question: do online and offline features ...?", "One thing: how fresh ...?": a marker
# that the clause after it asks, however its opening was heard.
QUESTION_MARKER = {("quick", "question"), ("a", "quick", "question"), ("one", "question"), ("one", "thing"),
                   ("another", "question"), ("last", "question"), ("one", "more", "question")}


def question_cue(u: Utterance, use_mark: bool = True) -> str:
    """Why the utterance is a question ("" if it is not one); with `use_mark` False, by its
    words alone."""
    if frames_question(u):
        return ""
    if use_mark and u.tokens[-1].question_mark:
        return "question mark"
    text = " ".join(u.norm_words)
    if INDIRECT.search(text):
        return "indirect question"
    clauses = _clauses(u)
    said = [w for c in clauses for w in c]
    if (len(said) >= 4 and tuple(said[-2:]) in OR_NOT_END and said[-3] != "yes"  # "forcing a yes or no"
            and not any(w in NOT_BEFORE_OR_NOT or w in SUBORDINATOR for w in _or_not_scope(clauses))):
        return "or-not question"  # not "precision at k when it's just relevant or not"
    if _asked_in_statement_order(u, clauses):
        return "wh-question in statement order"
    if _elliptical_any_or_about(clauses):
        return "elliptical phrase"
    for n, clause in enumerate(clauses):
        words = _strip_lead_in(clause)
        if len(words) < 2 or (tuple(words) in WORD_SEARCH and n < len(clauses) - 1):
            continue
        if (n > 0 and tuple(_strip_lead_in(clauses[n - 1])) in QUESTION_MARKER and len(words) >= 3
                and (words[0] in AUX or words[0] in WH)):
            return "question word"  # "Quick question: do online and offline features ..."
        if tuple(words[:3]) in CONFIRM_OPENER and not any(_strip_lead_in(c) for c in clauses[:n]):
            return "indirect question"
        if (checks_understanding(clause) and not any(_strip_lead_in(c) for c in clauses[:n])
                and sum(len(c) for c in clauses[n + 1:]) >= 3
                and not any(c[:1] and c[0] in MOVES_ON for c in clauses[n + 2:])):
            return "confirmation"  # not "..., so the input is sorted, then I'd start": the plan
        if tuple(words[:3]) == CLEAR_OPENER and not any(_strip_lead_in(c) for c in clauses[:n]):
            rest = words[3:] or next((c for c in clauses[n + 1:] if c), [])
            if len(rest) >= 2 and rest[0] not in FIRST_PERSON:
                return "confirmation"
            continue
        first, second = words[0], words[1]
        if first in OFFER_VERB and second in OFFERED:
            # "Want the math, or just the intuition?", "want an example with numbers": "do you"
            # dropped, as people do when offering; "want to make sure..." drops an "I".
            return "elliptical question"
        if (first, second) == ("you", "mean") and len(words) > 2:
            # "When you say spikes, you mean it recovers on its own?": what the interviewer
            # meant is not the candidate's to state; asked if the speaker waits (_tag_runs_on).
            return "confirmation"
        # "have an idea", "have a look": the verb "have" and its object, not an inversion.
        # "do it", "have that ready": a question would agree with the singular ("does it").
        if first in AUX and (second in SUBJECT or _plural_noun(second)) and not (
                first in HAVE and second in ("a", "an")) and not (
                first in {"do", "have"} and second in SINGULAR_SUBJECT) and not (
                first in WISH_MODAL and second not in PERSONAL | {"there"}) and not (
                first == "do" and _singular_object(words[1:])):
            return "inverted auxiliary"
        # "Does capitalization matter", "did accuracy drop": "does"/"did" opening a clause is
        # inverted before any noun (its other use, emphasis, follows a subject: "it does matter").
        # Its verb follows the noun ("so does dust behind a tractor" compares; "doesn't matter
        # much" leaves its subject out, so the negative forms are left to the subject list).
        if (first in DOES_DID and len(words) >= 3 and second not in NOT_A_SUBJECT_AFTER_DOES
                and second not in AUX and not second.endswith("ly")
                and words[2] not in NOT_A_SUBJECT_AFTER_DOES | DETERMINER | AUX | PLACE_WORDS):
            return "inverted auxiliary"
        # "do touching intervals count", "are new users scored": a modifier, then the plural subject
        if (first in AUX and first not in HAVE and len(words) >= 3 and _plural_noun(words[2])
                and (second in SUBJECT_MODIFIER or (len(second) > 5 and second.endswith("ing")))):
            return "inverted auxiliary"
        # ", which is faster" is a relative clause; after a short opener ("Thanks, who...")
        # the same words ask something.
        relative = n > 0 and first in {"which", "who", "whom", "whose"} and not all(
            c and c[0] in LEAD_IN and len(c) <= 4 for c in clauses[:n]) and not _inverted_early(words)
        which_one = _asks_which_one(words, last=n == len(clauses) - 1)
        if which_one and not _pseudo_cleft(words):
            return "question word"
        if first in WH and not relative and not _pseudo_cleft(words):
            if second in AUX:
                return "question word"
            embedded = second in HOW_WHAT_QUANTITY and first in QUANTITY_WH and _subject_before_aux(words[2:])
            if second in HOW_WHAT_QUANTITY and first in QUANTITY_WH and not embedded:
                return "question word"
            if (first, second) == ("how", "long") and len(words) > 3 and words[2] in {"until", "till", "before"}:
                return "question word"  # "how long until we know", "how long before a label arrives"
            # A one-letter name is a subject too: "..., where l is the maximum token length"
            # defines a variable (trial 26's approach counted as a clarifying question).
            # An inversion later on asks ("what kind of model is the team using"); a subject
            # straight after the question word ("what we need is the index", "what that means
            # is ...") or its quantity ("how many users we have is the unknown") makes the wh-
            # clause the sentence's subject, and its singular copula the main verb.
            if second not in EMBEDDED_SUBJECT | {"that"} and not _names_a_variable(second) and not _pronoun_and_verb(second) and any(
                    a in AUX and b in SUBJECT and not (embedded and a in {"is", "was"})
                    for a, b in zip(words[2:], words[3:])):
                return "question word"
        # "...my first model people depended on how much detail do you want": a question
        # Whisper ran on from the sentence before keeps its inversion, which an embedded
        # clause never has ("I know how much detail you want"); not after a copula ("the
        # question is how do we scale", which names a question).
        for j in range(1, len(words) - 2):
            if words[j] in WH and words[j - 1] not in {"is", "was"} and _inverted_after_wh(words[j:]):
                return "question word"
        # "Is it a tumbling window, or do you need sliding ones": an alternative question
        # Whisper wrote without punctuation shows in the inversion after "or".
        for a, b, c in zip(words, words[1:], words[2:]):
            if a == "or" and b in AUX and (c in PERSONAL or (c == "it" and b in COPULA_AUX)):
                return "inverted auxiliary"
    if _wh_in_place(clauses):
        return "question word"
    if _asks_to_complete(u, clauses):
        return "elliptical question"
    if alternative_question(clauses):
        return "alternative question"
    if _or_not(u):
        return "alternative question"
    last = u.tokens[-1]
    # "..., right?" closes a clause (one may end in a preposition: "looking for, yeah?"); "That's the... Yeah." trails off and answers itself.
    before = u.tokens[-2] if len(u.tokens) > 2 else None
    words = [w for w in u.norm_words if not is_hesitation(w)]
    if (last.norm in TAG_END and before is not None and before.comma_after
            and not before.text.endswith(("...", "…")) and before.norm not in ARTICLE_OR_POSSESSIVE
            and not _only_agrees(words[:-1])):
        return "tag question"
    # "Any of them is fine, I assume?": a clause handed over for confirmation, however Whisper
    # punctuated it (asked only if the speaker then waits: see _tag_runs_on).
    # Not right after the candidate's own plan ("I will use class weights, I guess.", trial 25):
    # a hedge on what they will do asks the interviewer nothing they could confirm. Nor a phrase
    # without a clause ("Well, some money, I guess.", trial 36): a hedged answer, not a claim put up
    # for confirmation.
    if (len(u.tokens) > 3 and tuple(words[-2:]) in CONFIRMING_TAGS and u.tokens[-3].comma_after
            and not (len(clauses) > 1 and _own_plan(clauses[-2])) and not _only_agrees(words[:-2])
            and _has_clause(_strip_lead_in(words[:-2]))):
        return "tag question"
    # "..., doesn't it", "..., aren't they", "..., don't you think": a negated auxiliary and a
    # pronoun close only a tag question, with or without the comma Whisper may drop.
    if len(words) > 3 and (tuple(words[-2:]) in TAG_PAIRS or words[-3:] == ["don't", "you", "think"]):
        return "tag question"
    # "I'll assume the capacity is at least one, unless you tell me otherwise.", "..., correct me
    # if I'm wrong": an assumption handed over to be corrected (blind38); asked only if the speaker
    # then waits for the correction (see _tag_runs_on).
    if len(words) > 5 and INVITES_CORRECTION.search(" ".join(words)):
        return "confirmation"
    return ""


# A finished question does not end on these: the sentence was cut off (by the end of the
# recording) or trailed away ("how would you handle the", "can I just", "should we maybe").
HANGING_END = ARTICLE_OR_POSSESSIVE | {"and", "or", "but", "because", "if", "whether", "than", "just", "maybe",
                                      "perhaps", "actually", "basically"}
MODAL = {"can", "could", "may", "might", "should", "shall", "will", "would", "must"}
HEDGE = {"just", "maybe", "perhaps", "also", "actually", "really", "quickly", "possibly", "briefly"}
# "Do you want me to", "are we going to": a "to" after these waits for its verb.
TO_WAITS_AFTER = {"me", "us", "you", "him", "her", "them", "want", "like", "need", "have", "going", "able",
                  "trying", "supposed", "allowed"}


def unfinished(u: Utterance) -> bool:
    """A question-shaped utterance that was never finished, so nothing to answer: it trails away
    ("May I add..."), was cut off by the end of the recording ("How would you handle the"), or is
    a modal and its subject with at most a verb or a hedge after them ("may I add", "can I just",
    "should we maybe", "could you"). One that ends in a question mark was finished."""
    last = u.tokens[-1]
    if last.question_mark:
        return False
    if last.text.rstrip().endswith(("...", "…", "-")):
        return True
    tokens = [t for t in u.tokens if not is_hesitation(t.norm)]
    if not tokens:
        return False
    words = [t.norm for t in tokens]
    if words[-1] in HANGING_END or (len(words) > 1 and words[-1] == "to" and words[-2] in TO_WAITS_AFTER):
        return True
    # "Is it okay if I", "what should we": a subject with nothing after it ("..., can I" is a tag).
    if (len(words) > 1 and words[-1] in PERSONAL and words[-2] in AUX | {"if", "whether"}
            and not tokens[-2].comma_after and not (len(tokens) > 2 and tokens[-3].comma_after)):
        return True
    clauses = _clauses(u)
    clause = _strip_lead_in(clauses[-1]) if clauses else []
    if len(clause) >= 2 and clause[0] in MODAL and clause[1] in SUBJECT:
        return len([w for w in clause[2:] if w not in HEDGE]) <= 1
    return False


# A verb or an adverb straight after a sentence-initial auxiliary: the subject was dropped
# ("Could be batch or streaming.", "Was always batch or streaming."), a statement.
DROPPED_SUBJECT_NEXT = {
    "be", "have", "been", "use", "go", "do", "need", "get", "make", "work", "run", "say", "take", "want", "try",
    "pick", "start", "depend", "depends", "vary", "help", "matter", "see", "not", "just", "also", "probably",
    "definitely", "likely", "either", "both", "really", "perhaps", "always", "usually", "often", "mostly",
    "basically", "actually", "still", "never"}
MAX_ALTERNATIVE_WORDS = 4  # "or real time", "or in near real time": the choice offered, not a clause


def _ends_in_alternative(words: list[str], first_at: int) -> bool:
    """`words` end in "X or Y": an "or" after word `first_at` with a short choice after it
    ("...batch or real time"), or a question going on after it ("... or does it need to be")."""
    k = max((i for i, w in enumerate(words) if w == "or"), default=-1)
    if k <= first_at:
        return False
    tail = words[k + 1:]
    return 1 <= len(tail) <= MAX_ALTERNATIVE_WORDS or (len(tail) > 1 and tail[0] in AUX)


def alternative_question(clauses: list[list[str]]) -> bool:
    """"Is scoring batch or real time.", "Does inference run online or offline.", "What matters
    more, latency or cost.": a sentence that opens like a question and ends offering a choice asks
    for one, whatever its second word (a noun the SUBJECT list lacks) and however Whisper
    punctuated it. Statements are not made questions: an opening that is no inversion ("It is
    batch or real time, depending on..."), a modal with its subject dropped ("Could be batch or
    streaming."), a wh-clause with its own subject or a pseudo-cleft ("What I'd do is batch or
    streaming.", "What matters is...")."""
    words = _strip_lead_in([w for c in clauses for w in c])
    if len(words) < 4:
        return False
    first, second = words[0], words[1]
    if first in AUX:
        if second in DROPPED_SUBJECT_NEXT or second in RHETORICAL_ANSWER or (first in ("do", "don't") and second not in SUBJECT):
            return False  # a dropped subject or an imperative ("Do batch or real time, whichever...")
        return _ends_in_alternative(words, 1)
    if first in WH and first not in ("when", "where", "why"):
        # The choice is a clause of its own after the question: "What matters more, latency or cost."
        # A lead-in said as a phrase of its own ("Sorry, who sets the threshold here, the risk
        # team or us.") opens the question; the wh-clause after it is the opening.
        spoken = [c for c in clauses if _strip_lead_in(c)]
        last = _strip_lead_in(spoken[-1]) if len(spoken) > 1 else []
        opening = _strip_lead_in(spoken[0]) if spoken else []
        return (bool(last) and "or" in last[1:] and not any(w in AUX or w in PERSONAL for w in last)
                and len(last) <= 2 * MAX_ALTERNATIVE_WORDS + 1 and len(opening) >= 2
                and opening[1] not in EMBEDDED_SUBJECT and not _pronoun_and_verb(opening[1])
                and not any(w in {"is", "was"} for w in opening[2:]))  # "what it does is ..." 
    return False


# "The words are case sensitive or not?": a statement closed by "or not" asks which; not one
# that names a choice someone makes ("whether or not", "it doesn't matter if it's sorted or not").
OR_NOT_EMBEDS = {"whether", "if", "matter", "matters", "care", "know", "sure", "decide", "check", "see", "tell",
                 "say", "says", "ask", "asks", "label", "labels", "flag", "flags", "predict", "predicts", "classify"}
SUBJECT_MODIFIER = {"new", "old", "existing", "duplicate", "negative", "empty", "missing", "late", "repeated",
                    "deleted", "returning", "unlabelled", "unlabeled"}


def _or_not(u: Utterance) -> bool:
    words = [w for w in u.norm_words if not is_hesitation(w)]
    return len(words) >= 4 and words[-2:] == ["or", "not"] and not OR_NOT_EMBEDS & set(words)


# "How much we have for one keystroke.": a second-language speaker asks in statement order,
# without the inversion ("how much do we have"). The same words are the subject of a sentence
# when a main verb follows them ("How much we keep depends on the budget.", "How many users we
# have is the unknown."), an exclamative when they close on a copula or a past verb ("How big we
# are.", "How much we learned."), a heading a sentence goes on from ("How much time we lose each
# week, kind of a cost calculation."). So: a quantity question word opening the sentence's last
# clause (a verbless topic may come before: "And the latency, how much ..."), a pronoun subject
# straight after the quantity, its present verb, and no finite verb or question word after it;
# asked only if the speaker then waits (questions.WAITS_FOR_ANSWER), as a statement is not.
STATEMENT_ORDER_SUBJECT = {"i", "we", "you", "they"}
STATEMENT_ORDER_QUANTITY = {"many", "much", "often", "long", "far", "fast", "soon", "frequently"}


def _asked_in_statement_order(u: Utterance, clauses: list[list[str]]) -> bool:
    if u.tokens[-1].comma_after:
        return False  # a sentence that goes on, or a heading
    said = [_strip_lead_in([w for w in c if not is_hesitation(w)]) for c in clauses]
    said = [c for c in said if c]
    if not said or any(_has_clause(c) for c in said[:-1]):
        return False
    words = said[-1]
    if len(words) < 4 or words[0] not in QUANTITY_WH or words[1] not in STATEMENT_ORDER_QUANTITY:
        return False
    k = next((j for j in range(2, min(len(words), 7)) if words[j] in PERSONAL or words[j] in AUX or words[j] in WH), None)
    if k is None or words[k] not in STATEMENT_ORDER_SUBJECT or words[k - 1] in PREPOSITION - {"into"}:
        return False  # "how many of them do we", "how much for you"
    if any(w in AUX or (j > 2 and w.endswith("s") and not w.endswith("ss")) for j, w in enumerate(words[2:k], start=2)):
        return False  # "how many users does", "how much data needs": not a subject first
    rest = words[k + 1:]
    v = 0
    while v < len(rest) and rest[v] in MODAL:
        v += 1  # the clause's own modal: "how far I should go"
    if (v >= len(rest) or (rest[v] in AUX and rest[v] not in {"have", "do"}) or rest[v].endswith("ed")
            or rest[v] in PREPOSITION):
        return False  # "how big we are", "how much we learned", "how much we did"
    after = rest[v + 1:]
    return not any(w in AUX or w in WH or w in PERSONAL or _pronoun_and_verb(w)
                   or (w.endswith("s") and not w.endswith(("ss", "'s", "us")) and prev not in DETERMINER | PREPOSITION)
                   for prev, w in zip(rest[v:], after))


# "Any particular failure you want?", "Any limit on read latency?", "What about alert fatigue?":
# a noun phrase after "any", "what about" or "how about", said as a sentence, asks ("is there
# any ...", "what do we do about ..."). A statement gives "any" phrase a verb of its own ("Any
# model works.", "Any failure you pick, I can talk about.") or goes on with a clause; "how about
# we start with ..." proposes. The phrase has three or more words ("any order." said back is the
# interviewer's answer echoed) and, after "any", either a relative clause with a pronoun subject
# ("... you want", "... I should know about") or a preposition and its object; asked only if the
# speaker then waits.
NOT_ANY_PHRASE = {"time", "way", "case", "more", "longer", "further", "of", "other", "one", "how"}


def _elliptical_any_or_about(clauses: list[list[str]]) -> bool:
    said = [_strip_lead_in([w for w in c if not is_hesitation(w)]) for c in clauses]
    said = [c for c in said if c]
    if not said or any(_has_clause(c) for c in said[1:]):
        return False
    words = said[0]
    if words[:2] in (["what", "about"], ["how", "about"]):
        rest = words[2:]
        return (bool(rest) and rest not in (["it"], ["that"], ["this"], ["you"], ["them"])
                and not any(w in AUX or w in PERSONAL or w in WH or _pronoun_and_verb(w) for w in rest))
    if len(words) < 3 or words[0] != "any" or words[1] in NOT_ANY_PHRASE:
        return False
    k = next((j for j, w in enumerate(words) if w in PERSONAL or w in PREPOSITION or w in AUX or w in WH
              or _pronoun_and_verb(w)), None)
    if k is None or k < 2 or words[k] in AUX or words[k] in WH:
        return False  # "any model works", "any of them", "any model is fine"
    if any(w.endswith("s") and not w.endswith(("ss", "'s", "us")) for w in words[2:k]):
        return False  # "any model works on this": a verb before the preposition
    rest = words[k + 1:]
    if words[k] in PREPOSITION:
        return bool(rest) and not any(w in AUX or w in PERSONAL or w in WH or _pronoun_and_verb(w) for w in rest)
    contracted = _pronoun_and_verb(words[k])  # "any area you'd like me to cover"
    if (words[k].partition("'")[0] if contracted else words[k]) not in STATEMENT_ORDER_SUBJECT or not rest:
        return False
    if contracted:
        return not any(w in AUX or w in PERSONAL or w in WH for w in rest[1:])
    v = 0
    while v < len(rest) and rest[v] in AUX:
        v += 1  # "any area you'd like", "any constraints I should know about"
    return v < len(rest) and not any(w in AUX or w in PERSONAL or w in WH for w in rest[v + 1:])


NOT_PLURAL = {"always", "sometimes", "perhaps", "thus", "besides", "unless", "us", "yes", "its",
              "this", "his", "hers", "ours", "theirs", "yours", "less", "across", "towards",
              "afterwards", "was", "is", "has", "does", "as", "plus", "various", "nevertheless"}


# "Do the labels arrive late?" asks; "do the split by time", "do a quick check first", "do the same
# for the test set" (or "tune" heard as "do", trial 40) tell: "do" agrees with a plural subject, so
# a noun phrase after it with no plural noun and no "and" before a preposition or the clause's end
# is its object, not its subject.
DO_SINGULAR = {"a", "an", "each", "every", "one", "this", "that"}
DO_PHRASE_END = {"for", "with", "in", "on", "at", "from", "by", "of", "to", "into", "about",
                                     "after", "before", "during", "without", "through", "under", "over",
                                     "between", "like", "than", "first", "again", "now", "then", "here"}


def _singular_object(phrase: list[str]) -> bool:
    """Whether `phrase` (what follows a clause-initial "do") is a singular noun phrase: the
    object of an imperative "do", not the subject of a question."""
    if not phrase or phrase[0] in DO_SINGULAR:
        return bool(phrase)
    if phrase[0] not in {"the", "my", "our", "your", "their", "its"}:
        return False
    for word in phrase[1:5]:
        if word == "and" or _plural_noun(word) or (len(word) == 3 and word.endswith("s")) or word in {"people", "data"}:
            return False
        if word in DO_PHRASE_END:
            return True
    return len(phrase) <= 5


def _plural_noun(word: str) -> bool:
    """"are duplicates allowed", "can events arrive": a plural noun after a clause-initial
    auxiliary is its subject, whatever the noun."""
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "ous", "'s"))
            and word not in NOT_PLURAL and word not in AUX)


def _pseudo_cleft(words: list[str]) -> bool:
    """"What matters is latency", "what worked was caching", "what is important is cost": a
    "what" clause with its own verb, then the copula, states something."""
    if words[0] != "what" or len(words) < 4:
        return False
    if words[2] in {"is", "was"} and words[1] not in AUX and words[1].endswith(("s", "ed")):
        return True
    # "What made it hard was...", "what pulled me in was...": a "what" clause with its own verb
    # and object, then the copula with no subject of its own ("what made you think it was
    # broken" asks: "it was").
    if words[1] not in AUX and words[1] not in SUBJECT and words[1] not in HOW_WHAT_QUANTITY:
        for prev, w in zip(words[2:6], words[3:7]):
            if w in {"is", "was"} and prev not in SUBJECT and prev not in CLAUSE_SUBJECT:
                return True
    # "What would change my mind is images", "what will matter is the cost": a modal and its
    # verb with no subject between them, then the copula outside any subordinate clause ("what
    # would happen if the data is late" asks).
    if words[1] in MODAL and words[2] not in SUBJECT | PERSONAL:
        for k, (prev, w) in enumerate(zip(words[2:8], words[3:9]), start=3):
            if w in {"is", "was"}:
                return (prev not in SUBJECT and prev not in CLAUSE_SUBJECT
                        and not any(x in SUBORDINATOR for x in words[2:k]))
    return (words[1] in {"is", "was"} and words[2] not in SUBJECT
            and any(w in {"is", "was"} for w in words[3:5]))


# A noun phrase can be the subject after a do-auxiliary or modal ("how many users does the feed
# have"); after a copula it may be a free relative ("what is the fastest"), so only pronouns count.
NOUN_SUBJECT = {"the", "a", "an", "our", "my", "your", "their", "this", "these", "those", "it", "there"}
COPULA = {"is", "are", "was", "were", "am", "isn't", "aren't", "wasn't"}
MAX_QUANTITY_NOUN_WORDS = 3  # "how many daily active users"


def _inverted_after_wh(words: list[str]) -> bool:
    """`words` open with a question word, then (after at most a quantity and its noun phrase:
    "how much detail", "how many daily active users") an auxiliary and its subject: "how much
    detail do you want", "how many daily active users does the feed have". An embedded clause
    puts the subject first ("how many users the feed has")."""
    start = 1
    if len(words) > 2 and words[0] in QUANTITY_WH and words[1] in HOW_WHAT_QUANTITY:
        start = 2
        while (start < len(words) and start - 2 < MAX_QUANTITY_NOUN_WORDS and words[start] not in AUX
               and words[start] not in PERSONAL and words[start] not in WH):
            start += 1  # the noun phrase
    if len(words) <= start + 1 or words[start] not in AUX:
        return False
    subject = words[start + 1]
    return subject in PERSONAL or subject == "there" or (words[start] not in COPULA and subject in NOUN_SUBJECT)


KIND_OF = {"kind", "kinds", "sort", "sorts", "type", "types"}


def _inverted_early(words: list[str]) -> bool:
    """An auxiliary then a pronoun right after the question word or its noun: "which one is
    it", "who do we report to". A relative clause never inverts (", which we trained").
    "Which kind of model would you like...": the noun after "kind of" is the question word's
    noun too (trial 29: "Before I start, which kind of model would you..." was no question)."""
    if len(words) > 3 and words[1] in KIND_OF and words[2] == "of":
        words = words[:1] + words[3:]
    return any(a in AUX and b in PERSONAL | {"it", "there"} for a, b in zip(words[1:3], words[2:4]))


def _subject_before_aux(words: list[str]) -> bool:
    """"how much data we keep": the subject comes first, so it is a clause, not a question
    ("how much data do we keep")."""
    for k, w in enumerate(words):
        if w in AUX:
            return False
        if w in PERSONAL or w in {"it", "there"}:
            return True
        # "how long a restaurant needs", "how quickly the form was filled in": a noun phrase
        # of its own (not the object of a preposition: "how many of the users") is the subject.
        if w in EMBEDDED_SUBJECT and (k == 0 or words[k - 1] not in PREPOSITION):
            return True
        if w == "that" and _that_is_subject(words, k):
            return True
    return False


# A clause that is the subject of a sentence takes a singular verb ("how many users we have is
# unclear"): a plural one after "<noun> that <verb>" agrees with the noun, and "that" opened a
# relative clause on it ("how many users that signed up are still active").
PLURAL_VERB = {"are", "were", "aren't", "weren't", "do", "don't", "have", "haven't"}


def _that_is_subject(words: list[str], k: int) -> bool:
    """"how much that hurts", "how fast that runs": "that" straight after the question word's
    quantity is the embedded clause's subject (a question inverts: "how much does that hurt").
    After the quantity's noun ("how much data that needs is open") it is the subject too, unless
    a subject of its own follows ("how many documents that we're..." is a relative clause), it
    is a preposition's object ("how many of that"), or a plural verb after shows the noun heads
    the sentence."""
    if k == 0:
        return True
    after = words[k + 1] if k + 1 < len(words) else ""
    return (words[k - 1] not in PREPOSITION and after not in SUBJECT | PERSONAL and not _pronoun_and_verb(after)
            and not any(w in PLURAL_VERB for w in words[k + 2:]))


# A phrase that opens with one of these goes on from the sentence before it.
PREPOSITION = {"for", "with", "in", "on", "at", "from", "by", "of", "to", "into", "about", "after", "before",
               "during", "without", "through", "under", "over", "between", "like", "than"}
DETERMINER = {"the", "a", "an", "our", "my", "your", "their", "its", "this", "that", "these", "those", "some",
              "any", "all", "each", "every", "no", "two", "three", "many", "few", "more", "most", "other"}


def _names_a_variable(word: str) -> bool:
    """"n", "k", "l": a one-letter name the candidate gives a quantity (not the article "a")."""
    return len(word) == 1 and word.isalpha() and word != "a"


def _pronoun_and_verb(word: str) -> bool:
    """"you're", "it's", "we'll", "they'd": a subject and its verb in one word."""
    base, _, verb = word.partition("'")
    return verb in ("re", "s", "m", "ve", "ll", "d") and base in CLAUSE_SUBJECT | {"here", "what", "how", "who"}


def _has_clause(words: list[str]) -> bool:
    """A clause of its own, not a phrase: it does not open with a preposition and holds a
    verb or a subject (an auxiliary, a pronoun, a question word, a past form or a negation)."""
    if not words or words[0] in PREPOSITION:
        return False
    if any(w in AUX or w in CLAUSE_SUBJECT or w in WH or w.endswith(("ed", "n't")) or _pronoun_and_verb(w)
           for w in words):
        return True
    # "the data fits in memory": a present-tense verb after its subject, with more after it
    # (a plural noun ends the phrase or follows a determiner: "with a two-hour model").
    return any(w.endswith("s") and not w.endswith(("ss", "'s", "us")) and prev not in DETERMINER | PREPOSITION
               for prev, w in zip(words, words[1:-1]))


# "If they | are a prefix sum...": an auxiliary straight after a pronoun is that clause's verb.
CLAUSE_SUBJECT = PERSONAL | {"it", "there", "that", "this", "these", "those", "which", "who"}
# A subordinate clause or phrase opening with these belongs to the question after it ("Before I
# start, how many...", "If it's batch, do we...").
SUBORDINATOR = {"if", "when", "whenever", "while", "since", "because", "although", "though", "unless",
                "until", "once", "as", "given", "assuming", "so", "that", "where", "whether"}


# "We" then a verb that does something ("we sort them", "we log impressions") tells what the
# candidate does; a question heard as a statement says what is or is needed ("we have", "we're",
# "we only care"), and "do we merge..." is a question whose first word was heard. Not "I": a
# candidate restates the task with it ("..., and I report the median after each one?") and
# Whisper turns "Should I start..." into "So I start...".
_DOERS = {"we"}
_NOT_DOING = {
    "am", "are", "was", "were", "be", "have", "has", "had", "need", "needs", "needed", "can", "could",
    "should", "must", "may", "might", "will", "would", "shall", "do", "does", "did", "don't", "didn't",
    "dont", "can't", "cannot", "won't", "wouldn't", "shouldn't", "care", "want", "wanted", "expect",
    "know", "mean", "guess", "think", "suppose", "assume", "believe", "understand", "see", "get", "got",
    "like", "hope", "wonder", "wondered", "just", "only", "also", "really", "still", "probably",
    "already", "then", "too", "both", "all",
}
_ASKING = {"do", "does", "did", "can", "could", "should", "would", "will", "shall", "must", "may", "might",
           "are", "were", "am", "have", "had", "need", "if", "how", "what", "which", "where", "when", "why",
           "who", "whether"}
# A pronoun then a verb in the past ("it scored", "they labelled") tells what happened.
_TELLERS = {"i", "we", "it", "they", "he", "she"}


def tells_what_is_done(said: list[str]) -> bool:
    """True when the sentence `said` (its normalised words) tells what the candidate does or did
    ("Okay, so we sort them by start time.", "So it scored every payment in real time."), as an
    answer does, rather than saying what the problem is (a clarifying question heard as a
    statement: "So we have labels.", "Input sorted.")."""
    words = [w.strip(",.;:!?") for w in said]
    for i, (word, verb) in enumerate(zip(words, words[1:])):
        asked = i > 0 and words[i - 1] in _ASKING  # "do we merge...", "if we sort..."
        if word in _DOERS and not asked and verb not in _NOT_DOING and verb.isalpha():
            return True
        if word in _TELLERS and not asked and len(verb) > 4 and verb.endswith("ed") and verb not in _NOT_DOING:
            return True
    return False


def acknowledges(u: Utterance) -> bool:
    """"Longest substring without repeating characters, okay?", "Either, okay.": the candidate says
    back what they heard, a phrase with no verb, and acknowledges it; tiny.en writes the "okay"
    with a "?" where the voice rose."""
    said = [t.norm for t in u.tokens if not is_hesitation(t.norm)]
    if len(said) < 2 or said[-1] not in ("okay", "ok", "alright") or not u.tokens[-2].comma_after:
        return False
    return not _has_clause(_strip_lead_in(said[:-1]))


DOES_DID = {"does", "did"}
NOT_A_SUBJECT_AFTER_DOES = PREPOSITION | {"not", "so", "too", "well", "also", "just", "still", "even", "really",
                                          "very", "more", "less", "exactly", "what", "whatever", "like", "nothing",
                                          "everything", "something", "anything", "that's", "and", "or", "but"}
PLACE_WORDS = {"behind", "near", "across", "around", "inside", "outside", "within", "along", "beside", "above",
               "below", "here", "there", "too", "now", "again"}
