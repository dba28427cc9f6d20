"""Filler words: hesitations (um, uh, hmm...) and lexical fillers (like, you know, I mean...).

Lexical fillers are only counted where the context shows they carry no meaning, so that
"I like gradient boosting", "it looks like", "do you know the traffic" and "what I mean by
recall" are not counted. Whisper's punctuation is the main clue: a filler is usually set off
by commas ("I was, like, the only one").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from interviewer.core.analysis.tokens import Token, starts_clause, starts_sentence
from interviewer.core.keywords import STOPWORDS

# Filled pauses. Not "oh"/"ooh": an interjection ("Oh, I see"), and what tiny.en writes for a
# cut-off word ("align- align-" heard as "Oh, ooh"); a coach does not count either as an "um".
# Not "mhm" (mm-hmm): a listener's "yes", which Whisper writes with the "h" that a hum ("mm",
# "hmm") does not have. Not "am", the verb ("ahm", "amm" are hesitations).
HESITATION = re.compile(r"^(u+h*m+|u+h+|e+r+m*|e+h+|a+h+|a+h+m+|a+m{2,}|a{2,}m+|h+m+|m{2,}|h+u+h+)$")

# Words after which "like" is a verb or a preposition, not a filler.
_LIKE_NOT_AFTER = {
    "i", "you", "we", "they", "he", "she", "would", "'d", "i'd", "we'd", "you'd", "they'd",
    "look", "looks", "looked", "looking", "sound", "sounds", "sounded", "seem", "seems",
    "feel", "feels", "felt", "something", "anything", "nothing", "more", "less", "much",
    "just", "exactly", "not", "don't", "doesn't", "didn't", "do", "does", "did", "really",
    "things", "stuff", "would've", "is", "was", "be", "it's", "that's", "what's", "also", "to",
}
# After a copula, "like" with a comma right after it has no complement: "it has to be
# like, really cheap", "it's like, huge" are fillers.
_COPULA = {"is", "was", "be", "it's", "that's", "what's", "were", "are", "been", "being"}
_KNOW_NOT_AFTER = {
    "do", "does", "did", "don't", "doesn't", "didn't", "if", "whether", "would", "could",
    "will", "can", "should", "might", "to", "as", "what", "that", "where", "how", "when", "why",
    "who", "whatever", "may", "let", "you'd", "you'll", "not", "i", "we", "they",
    "so",  # "just so you know", "so you know what to expect": so that you know
}
# What opens the object of the verb "know": "you know the rest", "you know what I mean".
_KNOW_OBJECT = {"the", "a", "an", "that", "this", "these", "those", "what", "how", "why", "where",
                "when", "who", "which", "whether", "him", "her", "them", "me", "us", "my", "your",
                "our", "their", "his"}
_KNOW_HOW_WELL = {"already", "exactly", "perfectly", "better", "best", "firsthand"}
_MEAN_NOT_AFTER = {"what", "that", "which", "do", "did", "don't", "didn't", "if", "whether", "i'd"}
_MEAN_NOT_BEFORE = {"by", "to", "that", "it", "this", "the", "something", "anything"}
_KIND_NOT_AFTER = {
    "what", "which", "this", "that", "these", "those", "the", "a", "an", "any", "some", "every",
    "each", "one", "same", "different", "other", "another", "no", "right", "new", "all",
    "whatever", "particular", "certain", "my", "your", "our", "their", "its",
}
_ALWAYS = {"basically", "literally"}
# "Too literally", "took it literally": the adverb says how words are read, it does not fill.
_DEGREE = {"too", "so", "very", "quite", "more", "less", "as", "how", "fairly", "pretty", "overly"}
_TAKE_AS_SAID = {"take", "takes", "took", "taken", "taking", "read", "reads", "interpret", "interpreted",
                 "meant", "translate", "translated"}
# "like" straight after one of these cannot be a verb or "such as": "points at like the list
# nodes", "in like two days". ("Of like" is left out: "kind of like a cache" compares.)
_PREPOSITION_BEFORE_LIKE = {"at", "in", "on", "for", "from", "with", "into", "about", "over", "under",
                            "after", "before", "by", "around", "than", "within", "through"}


# "I'd like, wait, wait, weight late errors more": the verb "like" after its subject takes an
# object or "to"; cut off by a comma from what follows, it was the filler. Not "if you like,"
# (= if you want) and not before a hesitation ("I like, um, gradient boosting": the object comes).
_LIKE_SUBJECT = {"i", "we", "you", "they", "i'd", "we'd", "you'd", "they'd", "would"}
_LIKE_AS_YOU_WANT = {"if", "as", "whatever", "what", "anything", "whenever", "wherever", "however"}


def _verb_left_without_object(tokens: list[Token], i: int) -> bool:
    t, prev = tokens[i], tokens[i - 1]
    if prev.norm not in _LIKE_SUBJECT or t.ends_sentence or i + 1 >= len(tokens):
        return False
    before = tokens[i - 2].norm if i >= 2 else ""
    return before not in _LIKE_AS_YOU_WANT and not is_hesitation(tokens[i + 1].norm)


# "so like the thing is", "and like we had no labels": straight after a connective that opens
# a clause, "like" is no verb (the clause has no subject yet) and no "such as" (nothing to
# give an example of).
_CONNECTIVE_BEFORE_LIKE = {"so", "and", "but", "because", "cause", "cuz", "then"}  # not "or": "or like X" offers an example
# "we had like no labels", "it took like two days": "like" before an amount after a verb is
# the hedge "about". Verbs of comparison take "like" as a preposition ("seemed like two").
_AMOUNT_AFTER_LIKE = {"no", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                      "ten", "twenty", "thirty", "forty", "fifty", "hundred", "a", "half", "maybe"}
_VERB_BEFORE_AMOUNT = {"had", "has", "have", "took", "take", "takes", "got", "get", "gets", "spent", "spend",
                       "saw", "see", "lost", "cut", "need", "needs", "needed", "ran", "waited", "added"}


def _bare_like_filler(prev: str, nxt: str) -> bool:
    """A "like" Whisper wrote without commas that still cannot be a verb or "such as": after
    a preposition or a connective, between a copula and a participle or adverb ("has to be
    like explained", "it's like really slow"), or between a verb and an amount."""
    if prev in _PREPOSITION_BEFORE_LIKE:
        return bool(nxt)
    if prev in _CONNECTIVE_BEFORE_LIKE:
        # Not before a subject: "so like I said" is "as I said".
        return bool(nxt) and nxt not in _LIKE_SUBJECT | {"he", "she", "it", "they", "you"}
    if prev in _VERB_BEFORE_AMOUNT and (nxt in _AMOUNT_AFTER_LIKE or nxt[:1].isdigit()):
        return True
    if prev in _COPULA and (nxt[:1].isdigit() or nxt in (_AMOUNT_AFTER_LIKE - {"a", "maybe", "no"}) | _TIME_UNITS):
        return True  # "it's like 99 percent", "which are like weeks late": an amount hedged
    return prev in _COPULA and len(nxt) > 4 and nxt.endswith(("ed", "ly"))


_TIME_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years"}

# "And she was like, why now?", "I'm like, wait, ...": "be like" after a person quotes what
# they said or thought (the quotative); it is no filler. "It was like, two days" (no person)
# and "I was like, super nervous" (no quote opens after it) keep the filler.
_QUOTING_BE = {"was", "were", "is", "am", "are", "i'm", "he's", "she's", "they're", "we're", "you're"}
_BARE_BE = {"was", "were", "is", "am", "are"}
_PERSONS = {"i", "he", "she", "they", "we", "you"}
_NOT_A_PERSON = {"it", "that", "this", "there", "which", "what", "everything", "nothing", "something"}
# What follows "I was like," when it describes a state rather than opening a quote: a degree word
# ("super nervous", "really tired", "kind of lost"). Anything else opens the quote, an open class
# ("why now?", "whoa, okay", "just use a stack", "give me three days": blind28, blind33, blind45).
_DESCRIBES_A_STATE = {
    "super", "really", "very", "totally", "pretty", "quite", "kind", "sort", "kinda", "sorta",
    "extremely", "completely", "fairly", "somewhat", "slightly", "a", "an", "not", "too",
    "absolutely", "incredibly", "utterly", "entirely", "almost", "basically", "literally",
}


def _quotative_like(tokens: list[Token], i: int) -> bool:
    # trailing off ("I was like... not comfortable") is the filler with its comma lost
    if i < 1 or not tokens[i].comma_after or i + 1 >= len(tokens) or tokens[i].text.rstrip().endswith(("...", "…")):
        return False
    be = tokens[i - 1]
    if be.norm not in _QUOTING_BE or be.comma_after:
        return False
    if be.norm in {"was", "were", "is", "am", "are"}:  # the person is the word before ("she's" holds it)
        subject = tokens[i - 2] if i >= 2 else None
        if subject is None or subject.comma_after or subject.ends_sentence or subject.norm in _NOT_A_PERSON:
            return False
    nxt = tokens[i + 1].norm
    return nxt not in _DESCRIBES_A_STATE and not nxt[:1].isdigit()
MIN_HESITATION_GAP_S = 0.12


class FillerKind(StrEnum):
    HESITATION = "hesitation"  # um, uh, hmm...
    LEXICAL = "lexical"  # like, you know, I mean... used as fillers
    # Disfluencies that are not filler words (find_disfluencies): reported beside the fillers,
    # never counted as them.
    REPETITION = "repetition"  # a word or phrase said again at once: "I I think", "the the"
    CUT_OFF = "cut_off"  # a word broken off and said whole: "w- we", "Force? Forced?"
    RESTART = "restart"  # a phrase broken off and begun again: "we should- we could"



@dataclass(frozen=True)
class Filler:
    text: str      # canonical form: "um", "like", "you know", ...
    start: float
    end: float
    kind: FillerKind
    recovered: bool = False  # found in the audio, not in Whisper's words
    # Index of its first token (find_fillers): Whisper can stamp a filler on the same instant as
    # the word beside it ("Then, uh," both at 16.096 s, trial 23), so its start time alone does
    # not say which word it is.
    token: int | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        d = {"text": self.text, "start": round(self.start, 3), "end": round(self.end, 3),
             "kind": self.kind}
        if self.recovered:
            d["recovered"] = True
        return d


@functools.lru_cache(maxsize=4096)
def is_hesitation(norm: str) -> bool:
    return bool(HESITATION.match(norm))


def counted_words(tokens: "list[Token]") -> int:
    """An answer's word count, as every view shows it (pace, filler rate): hesitations ("um",
    "uh") are sounds, not words. The live counter counted them too: "Words: 187" beside the
    review's 178 (trial 22)."""
    return sum(not is_hesitation(t.norm) for t in tokens)


def canonical_hesitation(norm: str) -> str:
    if norm.startswith("h"):
        return "hmm"
    if norm.startswith("e"):
        return "er" if "m" not in norm else "erm"
    if norm.startswith("a"):
        return "ah"
    if norm.startswith("m"):
        return "mm"
    return "um" if "m" in norm else "uh"


def _prev(tokens: list[Token], i: int) -> str:
    return tokens[i - 1].norm if i > 0 else ""


# Interjections a speaker may put before a sentence-opening "so" ("Okay, so, um...").
_OPENERS = {"okay", "ok", "alright", "right", "well", "yeah", "sure", "great", "cool"}


def _opens_sentence(tokens: list[Token], i: int) -> bool:
    """Token i starts a sentence, counting hesitations and comma-marked interjections before
    it as part of the start ("Um, so, um", "Alright, so, um", "All right. um, So, Um")."""
    j = i - 1
    while j >= 0 and (is_hesitation(tokens[j].norm) or (
            tokens[j].comma_after and tokens[j].norm in _OPENERS)):
        if tokens[j].norm == "right" and j > 0 and tokens[j - 1].norm == "all":
            j -= 1
        j -= 1
    return starts_sentence(tokens, j + 1)


# "When I say production, I mean ...", "By latency, I mean ...": the sentence names a word and
# "I mean" says what it stands for; it is the verb of the definition, not a filler.
_NAMES_A_WORD = re.compile(r"^(?:\w+ )*?(?:when|if) (?:i|we|you) (?:say|said)\b|^by \w+$")


def _names_a_word_before(tokens: list[Token], i: int) -> bool:
    j = i
    while j > 0 and not tokens[j - 1].ends_sentence:
        j -= 1
    before = " ".join(t.norm for t in tokens[j:i] if not is_hesitation(t.norm))
    if not before and j > 0:
        # "By calibrated. I mean the predicted probability matches ...": tiny.en put a period
        # where the speaker paused after the word being defined (blind31).
        k = j - 1
        while k > 0 and not tokens[k - 1].ends_sentence:
            k -= 1
        before = " ".join(t.norm for t in tokens[k:j] if not is_hesitation(t.norm))
        return before.startswith("by ") and bool(_NAMES_A_WORD.search(before))
    # "... with large batches, by large, I mean thousands": the clause just before names the word.
    k = i - 1  # the clause's first token: after the last comma before it, in this sentence
    while k > j and not tokens[k - 1].comma_after:
        k -= 1
    clause = " ".join(t.norm for t in tokens[k:i] if not is_hesitation(t.norm))
    return bool(_NAMES_A_WORD.search(before) or (k > j and _NAMES_A_WORD.search(clause)))


def _says_how_meant(tokens: list[Token], i: int) -> bool:
    """"I mean that literally", "she said it literally": the adverb after a verb of saying and its
    object tells how the words are meant (a filler "literally" comes before what it stresses)."""
    return (i >= 2 and tokens[i - 1].norm in {"that", "it", "this", "them"} and not tokens[i - 2].comma_after
            and tokens[i - 2].norm in {"mean", "means", "meant", "say", "says", "said"})


# "As you see, ...", "if you see, ...", "what you see, ...": the verb with its clause.
_SEE_NOT_AFTER = {"as", "if", "do", "did", "does", "can", "could", "what", "when", "where", "once",
                  "until", "unless", "whatever", "whenever", "before", "after", "because"}


def _you_see_fills(tokens: list[Token], i: int) -> bool:
    """"And, you see, the work is mostly tuning", "A straight line, you see, misses the curve":
    "you see" fills only set off on both sides, the comma after it said; "you see the curve",
    "you see around 0.8" and "as you see, ..." are the verb."""
    if i + 1 >= len(tokens) or not tokens[i + 1].comma_after:
        return False
    if _prev(tokens, i) in _SEE_NOT_AFTER:
        return False
    return _set_off_before(tokens, i)


def _kind_after_determiner(tokens: list[Token], i: int) -> bool:
    """"a specific kind of model", "the exact sort of bug": a determiner and one describing word
    before it, and words after "of", make "kind of" the noun it is. The describing word is known
    by its form ("specific", "usual", "typical", "similar"), so "the load sort of." and "the two
    kind of, ..." still fill."""
    if i < 2 or tokens[i - 2].norm not in _DETERMINERS or tokens[i - 2].comma_after:
        return False
    word = tokens[i - 1]
    if word.comma_after or word.ends_sentence:
        return False
    if not (word.norm in _DESCRIBING or word.norm.endswith(_DESCRIBING_ENDINGS)):
        return False
    of = tokens[i + 1] if i + 1 < len(tokens) else None
    return of is not None and not (of.comma_after or of.ends_sentence) and i + 2 < len(tokens)


_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "what", "which", "some", "any",
                "every", "each", "another", "no", "my", "your", "our", "their", "its", "his", "her"}
_DESCRIBING = {"same", "exact", "new", "old", "whole", "odd", "rare", "main", "usual", "weird",
               "strange", "good", "bad", "wrong", "only", "first", "last", "next", "other"}
_DESCRIBING_ENDINGS = ("ic", "al", "ive", "ous", "ful", "able", "ible", "ent", "ant", "ar", "ary")


def _set_off_before(tokens: list[Token], i: int) -> bool:
    return starts_clause(tokens, i) or is_hesitation(_prev(tokens, i))


def _set_off_after(tokens: list[Token], j: int) -> bool:
    """Token j ends the phrase: comma/sentence end after it, or the answer ends, or a filler follows."""
    if j == len(tokens) - 1 or tokens[j].comma_after or tokens[j].ends_sentence:
        return True
    return is_hesitation(tokens[j + 1].norm)


def _lexical_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """The lexical filler starting at token i as (text, last token index), or None."""
    t = tokens[i]
    nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    prev = _prev(tokens, i)
    if t.norm == "actually":
        # Set off ("I would, actually, look", "..., actually.", "Actually, ...") it fills; bare
        # inside a clause it says something ("engagement actually dropped": contrary to what
        # was expected).
        if _set_off_before(tokens, i) or _set_off_after(tokens, i) or (i > 0 and tokens[i - 1].comma_after):
            return "actually", i
        return None
    if t.norm == "literally" and (prev in _DEGREE or _TAKE_AS_SAID & {x.norm for x in tokens[max(0, i - 4):i]}
                                  or _says_how_meant(tokens, i)):
        return None  # "read the values too literally", "took it literally", "I mean that literally": word for word
    if t.norm in _ALWAYS:
        return t.norm, i
    if t.norm == "like":
        if _quotative_like(tokens, i):
            return None
        if i > 0 and not tokens[i - 1].comma_after and _bare_like_filler(prev, nxt):
            return "like", i
        # The verb takes an object; "we like, shipped those four" with a participle after the
        # comma is the filler with its first comma lost.
        if prev in _LIKE_NOT_AFTER and not tokens[i - 1].comma_after and not (
                t.comma_after and (prev in _COPULA or (len(nxt) > 4 and nxt.endswith("ed"))
                                   or _verb_left_without_object(tokens, i))):
            return None
        if _set_off_before(tokens, i) or (t.comma_after and i > 0):
            return "like", i
        return None
    if t.norm == "you" and nxt == "know":
        if prev in _KNOW_NOT_AFTER and not tokens[i - 1].comma_after:
            return None
        after = tokens[i + 2].norm if i + 2 < len(tokens) else ""
        if after in _KNOW_HOW_WELL and not tokens[i + 1].comma_after:
            return None  # "you know already the F1 score", "you know exactly what I mean": the verb
        know = tokens[i + 1]
        if (after in _KNOW_OBJECT and not (know.comma_after or know.ends_sentence)
                and (_opens_sentence(tokens, i) or starts_clause(tokens, i))):
            # "You know the market here better than I do", "You know what I'm going to say",
            # "..., you know the feeling when the loss jumps": opening a sentence or a clause with
            # its object straight after, it is the verb (mid-clause, "they needed you know a
            # range", it fills with its commas lost).
            return None
        # After a copula ("that is you know a standard trick") "you know" cannot be a
        # subject and verb: Whisper just left out the commas.
        if _set_off_after(tokens, i + 1) or _set_off_before(tokens, i) or prev in _COPULA:
            return "you know", i + 1
        return None
    if t.norm == "you" and nxt == "see" and _you_see_fills(tokens, i):
        return "you see", i + 1
    if t.norm == "i" and nxt == "mean":
        if prev in _MEAN_NOT_AFTER and not tokens[i - 1].comma_after:
            return None
        after = tokens[i + 2].norm if i + 2 < len(tokens) else ""
        if after in _MEAN_NOT_BEFORE and not tokens[i + 1].comma_after:
            return None
        if _names_a_word_before(tokens, i):
            return None
        if _set_off_after(tokens, i + 1) or _set_off_before(tokens, i):
            return "I mean", i + 1
        return None
    # Whisper writes a quick "kind of" as "kind on", never English otherwise ("sort on" is).
    if (t.norm in ("sort", "kind") and nxt == "of") or (t.norm == "kind" and nxt == "on"):
        if prev in _KIND_NOT_AFTER or _kind_after_determiner(tokens, i):
            return None
        if t.norm == "sort" and _sort_is_the_verb(tokens, i, prev):
            return None
        return f"{t.norm} of", i + 1
    # "sort on" is English ("sort on the key"), but not set off by commas on both sides: "a
    # small image model on, sort on, quality signals" is "sort of" as tiny.en writes it.
    if t.norm == "sort" and nxt == "on" and i > 0 and tokens[i - 1].comma_after and tokens[i + 1].comma_after:
        return "sort of", i + 1
    if t.norm in ("kinda", "sorta"):
        return ("kind of" if t.norm == "kinda" else "sort of"), i
    if t.norm == "so" and _opens_sentence(tokens, i):
        # Sentence-initial "so" that links a clause ("So I would start with...") is a normal
        # connective, and Whisper adds the comma in "So, ..." at random. Only a "So..." left
        # hanging stalls for time. Before a hesitation or another filler ("So, um, I paired
        # with her", "So, basically, ...") the other word is the filler: 15 of 16 writers of the
        # speech sets labelled only it (0 of 15 such "so"s found were labelled).
        trailing = t.text.endswith("...") or t.text.endswith("…")
        if trailing or i == len(tokens) - 1 or tokens[i].ends_sentence:
            return "so", i
        return None
    return None


_NP_OPENER = {"a", "an", "the", "this", "these", "those", "some", "our", "their", "your", "my", "its", "his", "her"}
_NOT_A_LIST_HEAD = _LIKE_NOT_AFTER | _OPENERS | {"so", "and", "but", "or", "then", "because", "it"}


def _introduces_example(tokens: list[Token], i: int, regions) -> bool:
    """"the main signal, like the number of purchases": "like" after a comma that closes a
    noun phrase, with no comma of its own, means "such as". The filler ("would be, like, a
    model") is set off on both sides, and the voice breaks after it; here the speech runs
    straight on from "like" into its noun (one speech region holds both), or a list of short
    items follows. Without speech regions (typed text) the written commas decide."""
    # A hesitation between the noun phrase and "like" is looked past: "some layers are
    # sensitive, um, like the first convolution" still gives an example.
    j = i - 1
    while j >= 0 and is_hesitation(tokens[j].norm):
        j -= 1
    if j < 0 or i + 1 >= len(tokens):
        return False
    t, prev, nxt = tokens[i], tokens[j], tokens[i + 1]
    if (not prev.comma_after or prev.ends_sentence or t.comma_after or t.ends_sentence
            or prev.norm in _NOT_A_LIST_HEAD or is_hesitation(nxt.norm)):
        return False
    if _lists_after(tokens, i):
        return True
    if not regions:
        # Only the written commas tell: one before "like" and none after, then a noun phrase
        # after a noun, is how an example is written ("traffic has peaks, like the billing run").
        return nxt.norm in _NP_OPENER and not _verb_or_function_word(tokens, j)
    here, there = (t.start + t.end) / 2, (nxt.start + nxt.end) / 2
    return any(r.start <= here and there <= r.end for r in regions)


def _lists_after(tokens: list[Token], i: int) -> bool:
    """"tagged by type, like room, pool, lobby": a list of short items after "like" is the
    examples it introduces, whatever the voice did."""
    items, words = 0, 0
    for t in tokens[i + 1:i + 7]:
        if is_hesitation(t.norm) or t.ends_sentence:
            break
        words += 1
        if t.comma_after:
            if words > 2:
                break
            items, words = items + 1, 0
    return items >= 2


# A wh-word opens a clause that can stand as a noun phrase ("what they did", "which topics may follow").
_OPENS_WH_CLAUSE = {"what", "which", "how", "when", "where", "who", "whom", "whose", "whatever", "whichever"}
# Before one of these a word is a verb, not a noun: "we'd try, like, what they did", "to use, like, ...".
_BEFORE_A_VERB = _LIKE_SUBJECT | {"he", "she", "it", "to", "can", "could", "will", "should", "might", "must",
                                  "may", "'ll", "i'll", "we'll", "you'll", "they'll", "don't", "didn't"}
# Words that link or comment on a clause, never a noun a "like" could give an example of.
_NOT_A_NOUN = _CONNECTIVE_BEFORE_LIKE | _OPENERS | {
    "since", "although", "though", "while", "unless", "until", "whereas", "nor", "yet", "plus", "even",
    "still", "anyway", "actually", "basically", "literally", "honestly", "sorry", "please", "because"}


def _such_as_clause(tokens: list[Token], i: int) -> bool:
    """"rely on first-party signals like what they did", "questions, like which topics they
    follow": "like" between a noun and a wh-clause is the preposition "such as" (or the verb:
    "users like what they see"), whatever pauses or commas surround it. Without it the clause
    cannot hang on the noun ("signals what they did"); a filler can always be left out ("it's,
    like, what we did", "because, like, how would we know")."""
    if i + 1 >= len(tokens) or tokens[i].ends_sentence or tokens[i + 1].norm not in _OPENS_WH_CLAUSE:
        return False
    return _noun_before(tokens, i)


def _verb_or_function_word(tokens: list[Token], j: int) -> bool:
    """Token j is a function word, a contraction, or a verb after its subject or modal ("we'd
    try", "to use"): no noun phrase a "like" could give an example of ends there."""
    word = tokens[j].norm
    if word in STOPWORDS or word in _NOT_A_NOUN or word in _COPULA or "'" in word:
        return True
    return j > 0 and not tokens[j - 1].comma_after and tokens[j - 1].norm in _BEFORE_A_VERB


def _noun_before(tokens: list[Token], i: int) -> bool:
    """The word before token i (hesitations looked past) ends a noun phrase in the same sentence.
    The noun is known by what it is not: no function word, no verb form ("-ed", a base form or
    "-ing" after a subject, modal or "be"), no contraction, no adverb."""
    j = i - 1
    while j >= 0 and is_hesitation(tokens[j].norm) and not tokens[j].ends_sentence:
        j -= 1
    if j < 1 or tokens[j].ends_sentence or tokens[j - 1].ends_sentence:
        return False  # "... the data, eh? Like, where does it come from?": a new sentence opens
    noun = tokens[j].norm
    if (noun in STOPWORDS or noun in _NOT_A_NOUN or noun in _COPULA or "'" in noun or not noun.isalpha()
            or len(noun) < 3 or noun.endswith(("ed", "ly"))):
        return False
    before = tokens[j - 1]
    return before.comma_after or before.norm not in _BEFORE_A_VERB | _QUOTING_BE


# Words that fill when set off from the sentence around them, as spans of their tokens' norms.
_SET_OFF_FILLERS = (("like",), ("actually",), ("you", "know"), ("i", "mean"))
MAX_SET_OFF_REGION_S = 1.2  # a region longer than this holds more than the filler


def _alone_in_region(tokens: list[Token], first: int, last: int, regions) -> bool:
    """Tokens first..last were said as a speech region of their own: the voice stopped before
    and after them. Whisper's timestamps drift by a word's part, so a neighbour counts as
    outside the region when its middle is."""
    a, b = tokens[first].start, tokens[last].end
    best, best_overlap = None, 0.0
    for r in regions:
        overlap = min(r.end, b) - max(r.start, a)
        if overlap > best_overlap:
            best, best_overlap = r, overlap
    if best is None or best.end - best.start > MAX_SET_OFF_REGION_S or best_overlap < 0.5 * (b - a):
        return False
    before = first == 0 or (tokens[first - 1].start + tokens[first - 1].end) / 2 <= best.start
    after = last + 1 >= len(tokens) or (tokens[last + 1].start + tokens[last + 1].end) / 2 >= best.end
    return before and after


def _commas_from_silences(tokens: list[Token], regions) -> list[Token]:
    """"They needed you know a range", "the fix was actually pretty boring": Whisper often
    leaves out the commas around a filler that the voice put there, pausing before and after
    it. A filler word said alone between two silences gets those commas back."""
    marked = list(tokens)
    for i in range(len(tokens)):
        for span in _SET_OFF_FILLERS:
            last = i + len(span) - 1
            if last >= len(tokens) or tuple(t.norm for t in tokens[i:last + 1]) != span:
                continue
            if not _alone_in_region(tokens, i, last, regions):
                continue
            # "And I'm | like, | okay, but...": a quote set off by the voice is still a quote
            # (blind37) when a person says it ("dropout is | like, | ..." trails off: blind10)
            if span == ("like",) and _quotative_like(tokens, i) and (
                    tokens[i - 1].norm not in _BARE_BE or (i >= 2 and tokens[i - 2].norm in _PERSONS)):
                continue
            if i > 0 and not marked[i - 1].ends_sentence:
                marked[i - 1] = replace(marked[i - 1], comma_after=True)
            if not marked[last].ends_sentence:
                marked[last] = replace(marked[last], comma_after=True)
    return marked


def split_backchannels(tokens: list[Token]) -> set[int]:
    """Indexes of the hesitation-like tokens that are halves of a listener's "mm-hmm" or
    "uh-huh": Whisper writes it as two words, the second led by the hyphen ("Mm -hmm.
    -hmm."). Like "mhm", that is a "yes", not a filled pause. The second half starts with its
    "h" ("-hmm", "-huh"): a "-uh" is Whisper's way of writing one more "uh" of a run ("uh, -uh.
    uh" for "uh uh uh"), or a hesitation run on from a word ("Montreal, -uh.")."""
    halves: set[int] = set()
    for i in range(1, len(tokens)):
        if (tokens[i].text.startswith("-") and tokens[i].norm.startswith("h") and is_hesitation(tokens[i].norm)
                and is_hesitation(tokens[i - 1].norm)
                and (i - 1 in halves or not tokens[i - 1].text.startswith("-"))):
            halves.update((i - 1, i))
    return halves


# Whisper also loops over real words: "Dropout randomly zeroes a fraction" heard as "Ah, hmm, hmm,
# hmm, hmm, hmm, hmm." (six in 1.3 s, blind37). People do not say the same hesitation three times
# and more that fast: over the 37 cached speech parts every such run (3-6 long, 0.11-0.47 s from one
# start to the next) was a loop with at most one hesitation said there; the one real run, a
# speaker's scripted "uh uh uh uh uh uh" (human set), is 0.65 s a step.
LOOP_RUN = 3
LOOP_STEP_S = 0.5


def _looped_hesitations(tokens: list[Token]) -> set[int]:
    """The tokens after the first of a run of LOOP_RUN or more of the same hesitation, one
    straight after the other, less than LOOP_STEP_S apart on average: one hesitation, looped."""
    looped: set[int] = set()
    i = 0
    while i < len(tokens):
        if not is_hesitation(tokens[i].norm):
            i += 1
            continue
        here, j = canonical_hesitation(tokens[i].norm), i
        while (j + 1 < len(tokens) and is_hesitation(tokens[j + 1].norm)
               and canonical_hesitation(tokens[j + 1].norm) == here):
            j += 1
        if j - i + 1 >= LOOP_RUN and (tokens[j].start - tokens[i].start) / (j - i) < LOOP_STEP_S:
            looped.update(range(i + 1, j + 1))
        i = j + 1
    return looped


def find_fillers(tokens: list[Token], regions=None) -> list[Filler]:
    """Fillers in the tokens; `regions` (speech regions, when the audio was analysed) settle
    a "like" the words leave open, and set off a filler the voice set off."""
    if regions:
        tokens = _commas_from_silences(tokens, regions)
    found: list[Filler] = []
    backchannels = split_backchannels(tokens) | _looped_hesitations(tokens)
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if i in backchannels:
            i += 1
            continue
        if is_hesitation(t.norm):
            last = found[-1] if found else None
            # Whisper sometimes loops ("uh, uh, uh" stacked on one instant); a real "uh"
            # lasts longer than this, so the same hesitation starting this close is one. Two
            # different ones ("um, uh" stamped on one instant) are a run Whisper could not align,
            # unless the second starts a loop of its own ("um, hmm, hmm, hmm").
            here = canonical_hesitation(t.norm)
            loops = any(0 <= k < len(tokens) and is_hesitation(tokens[k].norm)
                        and canonical_hesitation(tokens[k].norm) == here for k in (i - 1, i + 1))
            if not (last and last.kind == FillerKind.HESITATION and t.start - last.start < MIN_HESITATION_GAP_S
                    and (here == last.text or loops)):
                found.append(Filler(canonical_hesitation(t.norm), t.start, t.end, FillerKind.HESITATION, token=i))
            i += 1
            continue
        hit = _lexical_at(tokens, i)
        if hit and hit[0] == "like" and (_introduces_example(tokens, i, regions) or _such_as_clause(tokens, i)):
            hit = None
        if hit:
            text, last = hit
            found.append(Filler(text, t.start, tokens[last].end, FillerKind.LEXICAL, token=i))
            i = last + 1
            continue
        i += 1
    return found


# Shorter than any filled pause (the repair's shortest candidate, adapters/hesitations.py).
MIN_HESITATION_SOUND_S = 0.15
DOUBLED_WITHIN_S = 1.5   # how far apart two hesitations with nothing between may be one


def _holding_region(f: Filler, regions):
    return next((r for r in regions if r.start - 0.02 <= f.start and f.end <= r.end + 0.02), None)


def drop_hesitations_on_blips(fillers: list[Filler], tokens: list[Token], regions) -> list[Filler]:
    """"Um Um, it trains more": of two hesitations with no word between them, one stamped on a
    speech blip too short for any "um" (under MIN_HESITATION_SOUND_S) is the other one written
    twice, or the onset of the next word heard as one, when the other has a sound of its own."""
    import bisect

    word_starts = sorted(t.start for t in tokens if not is_hesitation(t.norm))
    hes = sorted((f for f in fillers if f.kind == FillerKind.HESITATION), key=lambda f: f.start)

    def blip(f: Filler) -> bool:
        r = _holding_region(f, regions)
        return r is not None and r.end - r.start < MIN_HESITATION_SOUND_S

    def sound(f: Filler) -> bool:
        r = _holding_region(f, regions)
        return r is not None and r.end - r.start >= MIN_HESITATION_SOUND_S

    dropped: set[int] = set()
    for a, b in zip(hes, hes[1:]):
        k = bisect.bisect_right(word_starts, a.start)
        if b.start - a.end > DOUBLED_WITHIN_S or (k < len(word_starts) and word_starts[k] < b.start):
            continue
        if blip(b) and sound(a):
            dropped.add(id(b))
        elif blip(a) and sound(b):
            dropped.add(id(a))
    return [f for f in fillers if id(f) not in dropped]


ZERO_LENGTH_S = 0.02     # a word stamped shorter than this was not aligned
MAX_HESITATION_S = 0.9   # a region longer than this is not a lone "um"
RETIME_LOOKBACK_S = 3.0  # how far before its stamp a hesitation may really have been


def retime_hesitations(fillers: list[Filler], tokens: list[Token], regions) -> list[Filler]:
    """Move hesitation fillers onto the short speech region they were really spoken in.

    Whisper tends to stamp an "um" that comes just before a pause at the far side of the
    pause. The voice-activity detector has the true place: a short region that no other
    word starts in, with no word starting between it and where Whisper put the "um".
    """
    import bisect

    spoken = sorted((t.start, t.end) for t in tokens if not is_hesitation(t.norm))
    word_starts = [s for s, _ in spoken]

    def words_between(a: float, b: float) -> bool:
        i = bisect.bisect_left(word_starts, a)
        return i < len(word_starts) and word_starts[i] < b

    def claimed(r) -> bool:
        """A word starts in the region, covers a good part of it, or is a zero-length stamp
        inside it (Whisper collapses a word it cannot align onto one instant)."""
        if words_between(r.start - 0.05, r.end - 0.05):
            return True
        lo = bisect.bisect_left(word_starts, r.start - 0.05)
        hi = bisect.bisect_right(word_starts, r.end + 0.05)
        if any(e - s < ZERO_LENGTH_S for s, e in spoken[lo:hi]):
            return True
        i = bisect.bisect_left(word_starts, r.start - 5.0)
        for s, e in spoken[i:]:
            if s >= r.end:
                break
            if min(e, r.end) - max(s, r.start) > 0.4 * (r.end - r.start):
                return True
        return False

    free = sorted((r for r in regions if r.end - r.start <= MAX_HESITATION_S and not claimed(r)),
                  key=lambda r: r.start)
    free_starts = [r.start for r in free]
    used: set[int] = set()
    out = []
    for f in fillers:
        if f.kind != FillerKind.HESITATION:
            out.append(f)
            continue
        best, best_distance = None, None
        first = bisect.bisect_left(free_starts, f.start - RETIME_LOOKBACK_S - MAX_HESITATION_S)
        for k in range(first, len(free)):
            r = free[k]
            if r.start > f.end + 0.5:
                break
            if k in used or r.end < f.start - RETIME_LOOKBACK_S:
                continue
            distance = max(0.0, r.start - f.end, f.start - r.end)
            if r.end <= f.start and words_between(r.end, f.start - 0.01):
                continue
            if best_distance is None or distance < best_distance:
                best, best_distance = k, distance
        if best is None:
            out.append(f)
        else:
            used.add(best)
            out.append(replace(f, start=free[best].start, end=free[best].end))
    return sorted(out, key=lambda f: f.start)


# ----------------------------------------------------------------------------- disfluencies

# Words that are doubled in fluent speech: "I know that that works", "had had", "very very
# good", "no no", "bye bye". Their repetition is not counted.
_DOUBLES_OK = {"that", "had", "very", "really", "no", "yeah", "yes", "bye", "ha", "hey", "ok", "okay"}
_CUT_MARKS = ("-", "—", "–")
MAX_PHRASE_REPEAT = 3  # longest phrase (in words) checked for an immediate repetition
RESTART_LOOKBACK = 3   # a restart begins again with one of this many words before the cut


# "first sort the sessions" heard as "first sort of sessions" (trial 24): after a word that puts a
# verb next and before a plural noun or a determiner, "sort of" is the verb "sort" misheard.
_VERB_SLOT = {"first", "then", "we", "i", "to", "you", "they", "let's", "lets", "can", "will", "would", "should"}
# (Not "all", "both", "each": a hedge goes before them too, "we sort of all agreed".)
_NOUN_DETERMINERS = {"the", "these", "those", "them"}
_S_NOT_PLURAL = {"is", "was", "has", "does", "this", "its", "it's", "yes", "us", "as", "always", "perhaps",
                 "thus", "plus", "less", "unless", "across", "focus", "process", "access", "success"}


def _sort_is_the_verb(tokens: list[Token], i: int, prev: str) -> bool:
    """"sort of" at tokens[i] is the verb "sort" with its object misheard: a verb slot before, no
    comma around, and a plural noun or a determiner after."""
    if prev not in _VERB_SLOT or i + 2 >= len(tokens) or tokens[i].comma_after or tokens[i + 1].comma_after:
        return False
    after = tokens[i + 2].norm
    return after in _NOUN_DETERMINERS or (len(after) > 3 and after.endswith("s") and not after.endswith("ss")
                                          and after not in _S_NOT_PLURAL)


def _cut_marked(tokens: list[Token], k: int) -> bool:
    """Whisper marked the token as broken off: "w-", "should—", or the next token is written
    "-I" after "I" (its way of writing "I- I")."""
    return tokens[k].text.rstrip(".,?!;:…\"')").endswith(_CUT_MARKS)


def _bare(t: Token) -> str:
    """The word as Whisper wrote it, without punctuation or cut marks: "I", "Forced"."""
    return t.text.strip(".,?!;:…\"'()" + "".join(_CUT_MARKS)) or t.norm


def _whole_sentence(tokens: list[Token], first: int, last: int) -> bool:
    return starts_sentence(tokens, first) and tokens[last].ends_sentence


_NUMBER_WORDS = {"zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                 "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                 "hundred", "thousand"}


def _repeats(tokens: list[Token], i: int, n: int) -> bool:
    """tokens[i:i+n] is said again as tokens[i+n:i+2n]. A sentence end between the two counts
    only when each copy is a whole sentence ("Montreal? Montreal?"): "cache it. It is" is two
    sentences, not a repetition."""
    if i + 2 * n > len(tokens):
        return False
    first, second = tokens[i:i + n], tokens[i + n:i + 2 * n]
    if any(a.norm != b.norm for a, b in zip(first, second)):
        return False
    if n == 1 and first[0].norm in _DOUBLES_OK:
        return False
    if any(t.norm[:1].isdigit() for t in first):
        return False  # "1 1", "2020 2020": numbers, read out
    after = tokens[i + 2 * n].norm if i + 2 * n < len(tokens) else ""
    if n == 1 and first[0].norm in _NUMBER_WORDS and (after in _NUMBER_WORDS or after[:1].isdigit()):
        return False  # "twenty twenty two", "two two one": a year or a number read out
    if any(t.ends_sentence for t in first) and not (
            _whole_sentence(tokens, i, i + n - 1) and _whole_sentence(tokens, i + n, i + 2 * n - 1)):
        return False
    return True


_WHOLE_SHORT_WORDS = {"a", "i", "no", "so", "we", "in", "on", "to", "it", "is", "at", "an", "as", "be", "he", "me",
                      "my", "do", "go", "or", "if", "of", "up", "us", "and", "the", "not", "but", "for", "you"}


def _whole_word(norm: str) -> bool:
    """`norm` is a word of its own, not the start of one broken off: a short word of
    _WHOLE_SHORT_WORDS or any of the core's function and discourse words (keywords.STOPWORDS:
    "yes", "well", "some", "there", ...). Trial 36's "No, not really" was fixed for "no" alone;
    "Yes, yesterday we shipped" still read "Yes- yesterday", a cut-off word."""
    from interviewer.core.keywords import STOPWORDS

    return norm in _WHOLE_SHORT_WORDS or norm in STOPWORDS


def find_disfluencies(tokens: list[Token]) -> list[Filler]:
    """Repetitions, cut-off words and restarts in the words (hesitations in between are
    skipped: "the, uh, the" is a repetition; the "uh" stays a filler of its own).

    - repetition: a word or a phrase of up to three words said again straight away ("I I
      think", "the the", "we we we", "in the in the"); fluent doubles ("that that", "very
      very") are not counted.
    - cut_off: a word broken off and then said whole: Whisper writes it with a dash ("w- we")
      or as the start of the next word set off by punctuation ("Force? Forced?").
    - restart: a phrase broken off (Whisper's dash) and begun again from one of the words
      before the break ("we should- we could").
    """
    words = [t for t in tokens if not is_hesitation(t.norm)]
    found: list[Filler] = []
    i = 0
    while i < len(words):
        t = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        # Repetition of a word or a short phrase, as many times as it comes.
        hit = False
        for n in range(1, MAX_PHRASE_REPEAT + 1):
            if _repeats(words, i, n):
                end = i + n  # the last copy starts here
                while _repeats(words, end, n):
                    end += n
                last = end + n - 1
                text = " ".join(_bare(w) for w in words[i:last + 1])
                found.append(Filler(text, t.start, words[last].end, FillerKind.REPETITION))
                i = last + 1
                hit = True
                break
        if hit:
            continue
        if nxt is not None and nxt.norm != t.norm:
            marked = _cut_marked(words, i) or nxt.text.startswith(_CUT_MARKS)
            prefix = nxt.norm.startswith(t.norm) and len(nxt.norm) > len(t.norm)
            broke = marked or t.comma_after or t.ends_sentence
            # "No, not really", "So, sorry", "I, it's": a short whole word before a longer one that
            # starts like it is two words (trial 36 counted "No- not" as a cut-off); a real cut-off of
            # such a word is one Whisper marks ("w- we").
            # "that, that's" is the word said again (contracted), not two words.
            whole = _whole_word(t.norm) and not marked and not nxt.norm.startswith(t.norm + "'")
            if prefix and broke and not whole and not nxt.text.startswith(_CUT_MARKS):
                found.append(Filler(f"{_bare(t)}- {_bare(nxt)}", t.start, nxt.end, FillerKind.CUT_OFF))
                i += 1
                continue
            if _cut_marked(words, i):
                before = {w.norm for w in words[max(0, i - RESTART_LOOKBACK):i]}
                if nxt.norm in before:
                    k = max(j for j in range(max(0, i - RESTART_LOOKBACK), i) if words[j].norm == nxt.norm)
                    text = " ".join(_bare(w) for w in words[k:i + 1]) + "- " + _bare(nxt)
                    found.append(Filler(text, words[k].start, nxt.end, FillerKind.RESTART))
                else:
                    found.append(Filler(f"{_bare(t)}-", t.start, t.end, FillerKind.CUT_OFF))
        i += 1
    return _with_said_restarts(words, found)


# A restart said in words rather than cut off: "How many, no wait, let me start over. How many
# sessions..." showed 0 restarts (trial 24). "let me start" alone begins an answer ("let me start
# with the brute force"), so only phrases that take back what was just said count.
_SAID_RESTARTS = (("let", "me", "start", "over"), ("let", "me", "start", "again"), ("let", "me", "rephrase"),
                  ("let", "me", "try", "again"), ("let", "me", "try", "that", "again"), ("scratch", "that"),
                  ("no", "wait"))


def _said_restart_at(words: list[Token], i: int) -> int:
    """Length of the restart phrase starting at words[i] (0: none). It must start a clause; "no
    wait" must end one too ("there's no wait time" is not a restart)."""
    if not starts_clause(words, i):
        return 0
    for phrase in _SAID_RESTARTS:
        n = len(phrase)
        if tuple(w.norm for w in words[i:i + n]) != phrase:
            continue
        if phrase == ("no", "wait") and not (words[i + 1].comma_after or words[i + 1].ends_sentence
                                              or i + 2 == len(words)):
            continue
        return n
    return 0


def _with_said_restarts(words: list[Token], found: list[Filler]) -> list[Filler]:
    """`found` plus the restarts said in words; phrases said one after the other ("no wait, let
    me start over") are one restart."""
    taken = [(f.start, f.end) for f in found]
    said: list[Filler] = []
    i = 0
    while i < len(words):
        n = _said_restart_at(words, i)
        if not n:
            i += 1
            continue
        end = i + n
        while (more := _said_restart_at(words, end)):
            end += more
        start_s, end_s = words[i].start, words[end - 1].end
        if not any(s < end_s and start_s < e for s, e in taken):
            said.append(Filler(" ".join(_bare(w) for w in words[i:end]), start_s, end_s, FillerKind.RESTART))
        i = end
    return sorted(found + said, key=lambda f: f.start) if said else found


# A round's rates are headlined (Home's cards and recent sessions) only from this many words:
# "Last: 25.0 fillers/100 words" came from the 4 words "Hmm. Give me a moment." (trial 46), where
# one filler more or less moves the rate by 25. From 50 words one filler moves it by 2 at most.
MIN_RATE_WORDS = 50
TOO_SHORT_TO_MEASURE = "too short to measure"


def rates_measurable(words: int) -> bool:
    """Whether a round of `words` words has rates worth headlining (MIN_RATE_WORDS)."""
    return words >= MIN_RATE_WORDS


def measured_rate(rate: float | None, words: int) -> float | None:
    """A round's rate (fillers per 100 words, words per minute) as every chart and headline shows
    it: None from fewer than MIN_RATE_WORDS words, the one rule Home's "too short to measure"
    follows. Progress plotted a 6-word round at 33.3 fillers per 100 words beside Home's "too
    short to measure (6 words)" (trial 47)."""
    return rate if rate is not None and rates_measurable(words) else None


def filler_rate(fillers: int, words: int) -> float | None:
    """Fillers per 100 words, unrounded (each view rounds once): the one rate an answer's row, its
    finding and the round's numbers show; None without words."""
    return 100.0 * fillers / words if words else None
