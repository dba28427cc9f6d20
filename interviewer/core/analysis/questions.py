"""Clarifying questions: which utterances ask something, and which expected topics they cover.

An utterance is a question by its wording as well as by a "?" (tiny Whisper models often
drop question marks): an inverted auxiliary at the start of a clause ("can I assume",
"is it", "do we"), a question word followed by a verb or a quantity ("how many", "what is"),
a sentence opening like a question that ends offering a choice ("is scoring batch or real time"),
an indirect question ("I'm wondering whether"), or a tag ("..., right?").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from interviewer.core.analysis.fillers import find_disfluencies, is_hesitation
from interviewer.core.analysis.utterances import SENTENCE_GAP_S, Utterance, silence_gaps
from interviewer.core.interview_requests import about_the_interview
from interviewer.core.conversation_cues import (
    asks_to_ask, asks_to_repeat, checks_in, makes_small_talk, talks_to_self, wraps_up,
)
from interviewer.core.matching import Matcher
from interviewer.core.scripts.model import ClarifyingTopic
from interviewer.core.scripts.topics import BUILTIN_TOPICS, builtin_keywords
from interviewer.core.transcript import SpeechRegion, join_words

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
# "I wonder if we even need it" is thinking aloud about one's own design; the polite form
# ("I'm wondering whether we...") and "I wonder what the budget is" ask. "I want to check" at
# the end of a sentence is a plan, "I want to check whether..." asks.
INDIRECT = re.compile(
    r"\b(i'?m wondering|i am wondering|i was wondering|wondering (whether|if|about|how|what)|"
    r"i wonder(?! (if|whether) (we|i)\b)|i'?d like to know|i would like to know|(can|could) you (tell|clarify|confirm|"
    r"explain|say)|want(ed)? to (check|confirm|clarify|ask)(?= \S)|just to (confirm|clarify|check)|"
    r"let me ask(?= \S+ \S)|my (first )?question is(?= \S)|(is|would) it (be )?(ok|okay|fair|safe) (if|to)|"
    r"i'?m curious|i was curious|curious (whether|if|about)|should i assume|am i right|"
    r"is that (right|correct|fair|true)|do you know (whether|if|how|what)|any (idea|sense) (of|how|what))\b")
# A question word straight before a subject starts an embedded clause ("what we need is",
# "how the data flows matters"): a question puts the auxiliary first ("what do we need").
EMBEDDED_SUBJECT = {"i", "we", "you", "they", "he", "she", "it", "the", "a", "an", "our", "my",
                    "your", "their", "this", "these", "those"}
OFFER_VERB = {"want", "wanna"}
OFFERED = {"me", "us", "a", "an", "the", "some", "more", "any", "another"}
TAG_END = {"right", "correct", "yes", "yeah", "no"}
# "..., right." asks even written with a period; "..., yeah." mostly closes a statement ("That's
# too big, yeah.", "Well, the thing is, yeah."): it asks only heard as asked, a "?" or a rise.
ASKING_TAG = {"right", "correct"}
TAG_PAIRS = {(aux, pronoun) for aux in ("isn't", "aren't", "wasn't", "weren't", "doesn't", "don't",
                                         "didn't", "won't", "wouldn't", "can't", "couldn't",
                                         "shouldn't", "haven't", "hasn't")
             for pronoun in ("it", "they", "we", "you", "he", "she", "i", "there", "that")}
PERSONAL = {"i", "we", "you", "they", "he", "she"}
HAVE = {"have", "has", "had"}
COPULA_AUX = {"is", "was", "are", "were", "will", "would", "should", "can", "could"}
MAX_TAG_GAP_S = 1.0
CONFIRMING_TAGS = {("i", "assume"), ("i", "presume")}
# Cues of a question that asks only if the speaker then waits (see _tag_runs_on).
WAITS_FOR_ANSWER = {"tag question", "confirmation"}
RHETORICAL_ANSWER = {"because", "well"}
# "Do you know what I did?", "Guess what we found?", "you know what I mean?": the listener
# cannot know the speaker's own story; the speaker tells it next.
STORY_QUESTION = re.compile(r"\b(do you know|you know|guess|can you guess) (what|how|why|who) "
                            r"((i|we) (did|mean|\w+ed|found|saw|made|built|got|took|chose|thought|learned|learnt)|happened)\b")
# "So what did I do?", "How did we fix it?": a question about the speaker's own past asks the
# listener nothing they could know; the speaker is telling the story (STAR answers). Not "What
# did we decide on the budget?", which checks what the interviewer said.
# So do the story's own turns: "What was the impact?", "And what happened next?", "How did it go?".
OWN_STORY_QUESTION = re.compile(r"^(?:(?:so|and|then|but|now|okay|well) )*(?:(?:what|how|why|where|when) did "
                                r"(?:i|we (?:do|try|fix|find|learn|change|build|ship|end up|handle|solve))\b"
                                r"|what was the (?:impact|result|outcome|lesson|takeaway|upshot|end result|effect|fix)$"
                                r"|what happened (?:next|then|after that|in the end)$"
                                r"|how did (?:it|that|things|all that) (?:go|turn out|end|end up|play out)$)")
# A clause that rises in pitch and runs straight on with one of these ("...visited once,
# so it's order n") rose for continuation, even where Whisper wrote a period.
CONTINUATION = {"so", "and", "but", "because", "cause", "which", "or", "since"}


@dataclass(frozen=True)
class AskedQuestion:
    text: str
    start: float
    end: float
    topics: tuple[str, ...] = ()
    cue: str = ""  # why it counts as a question, for the review

    def to_dict(self) -> dict:
        return {"text": self.text, "start": round(self.start, 3), "end": round(self.end, 3),
                "topics": list(self.topics), "cue": self.cue}


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
    return clauses


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


# "I wonder whether the team cares more about freshness", "I'm curious whether a key can be
# updated", "Let me ask about duplicates": said to oneself, or announcing a question. They ask
# the interviewer only when the speaker then waits for an answer (leaves_turn); said straight
# before a question they open it ("Let me ask one more thing. Should I return any order?").
SELF_TALK = re.compile(r"\b(wonder|wondering|curious|let me ask)\b")

# "I wonder whether we even need a review queue?": thinking aloud about one's own design (see
# INDIRECT), even where the voice rose and Whisper wrote "?".
MUSING = re.compile(r"\bi wonder (if|whether) (we|i)\b")


def frames_question(u: Utterance) -> bool:
    words = _strip_lead_in([t.norm for t in u.tokens if not is_hesitation(t.norm)])
    return bool(FRAMING.match(" ".join(words)) or MUSING.search(" ".join(words)))


ARTICLE_OR_POSSESSIVE = {"the", "a", "an", "my", "your", "our", "their", "its"}  # never end a clause


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
    for n, clause in enumerate(clauses):
        words = _strip_lead_in(clause)
        if len(words) < 2:
            continue
        if tuple(words[:3]) in CONFIRM_OPENER and not any(_strip_lead_in(c) for c in clauses[:n]):
            return "indirect question"
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
        if first in AUX and (second in SUBJECT or _plural_noun(second)) and not (
                first in HAVE and second in ("a", "an")):
            return "inverted auxiliary"
        # ", which is faster" is a relative clause; after a short opener ("Thanks, who...")
        # the same words ask something.
        relative = n > 0 and first in {"which", "who", "whom", "whose"} and not (
            clauses[n - 1][0] in LEAD_IN and len(clauses[n - 1]) <= 4) and not _inverted_early(words)
        if first in WH and not relative and not _pseudo_cleft(words):
            if second in AUX:
                return "question word"
            if second in HOW_WHAT_QUANTITY and first in QUANTITY_WH and not _subject_before_aux(words[2:]):
                return "question word"
            if second not in EMBEDDED_SUBJECT and not _pronoun_and_verb(second) and any(
                    a in AUX and b in SUBJECT for a, b in zip(words[2:], words[3:])):
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
    if _asks_to_complete(u, clauses):
        return "elliptical question"
    if alternative_question(clauses):
        return "alternative question"
    last = u.tokens[-1]
    # "..., right?" closes a clause (one may end in a preposition: "looking for, yeah?"); "That's the... Yeah." trails off and answers itself.
    before = u.tokens[-2] if len(u.tokens) > 2 else None
    if (last.norm in TAG_END and before is not None and before.comma_after
            and not before.text.endswith(("...", "…")) and before.norm not in ARTICLE_OR_POSSESSIVE):
        return "tag question"
    words = [w for w in u.norm_words if not is_hesitation(w)]
    # "Any of them is fine, I assume?": a clause handed over for confirmation, however Whisper
    # punctuated it (asked only if the speaker then waits: see _tag_runs_on).
    if (len(u.tokens) > 3 and tuple(words[-2:]) in CONFIRMING_TAGS and u.tokens[-3].comma_after):
        return "tag question"
    # "..., doesn't it", "..., aren't they", "..., don't you think": a negated auxiliary and a
    # pronoun close only a tag question, with or without the comma Whisper may drop.
    if len(words) > 3 and (tuple(words[-2:]) in TAG_PAIRS or words[-3:] == ["don't", "you", "think"]):
        return "tag question"
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
        last = _strip_lead_in(clauses[-1]) if len(clauses) > 1 else []
        opening = _strip_lead_in(clauses[0])
        return (bool(last) and "or" in last[1:] and not any(w in AUX or w in PERSONAL for w in last)
                and len(last) <= 2 * MAX_ALTERNATIVE_WORDS + 1 and len(opening) >= 2
                and opening[1] not in EMBEDDED_SUBJECT and not _pronoun_and_verb(opening[1])
                and not any(w in {"is", "was"} for w in opening[2:]))  # "what it does is ..." 
    return False


NOT_PLURAL = {"always", "sometimes", "perhaps", "thus", "besides", "unless", "us", "yes", "its",
              "this", "his", "hers", "ours", "theirs", "yours", "less", "across", "towards",
              "afterwards", "was", "is", "has", "does", "as", "plus", "various", "nevertheless"}


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


def _inverted_early(words: list[str]) -> bool:
    """An auxiliary then a pronoun right after the question word or its noun: "which one is
    it", "who do we report to". A relative clause never inverts (", which we trained")."""
    return any(a in AUX and b in PERSONAL | {"it", "there"} for a, b in zip(words[1:3], words[2:4]))


def _subject_before_aux(words: list[str]) -> bool:
    """"how much data we keep": the subject comes first, so it is a clause, not a question
    ("how much data do we keep")."""
    for w in words:
        if w in AUX:
            return False
        if w in PERSONAL or w in {"it", "there"}:
            return True
    return False


def topic_keywords(topics: list[tuple[str, tuple[str, ...]]] | None) -> dict[str, tuple[str, ...]]:
    """Topic name -> keywords; the built-in table when no topics are given."""
    if not topics:
        return {name: (name, *kws) for name, kws in BUILTIN_TOPICS.items()}
    out = {}
    for name, keywords in topics:
        out[name] = (name.lower(), *(keywords or builtin_keywords(name)))
    return out


@functools.lru_cache(maxsize=512)
def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(k.lower()) for k in sorted(keywords, key=len, reverse=True))
    return re.compile(r"(?<![\w'])(?:" + alternatives + r")(?![\w'])")


def topics_in(text: str, keywords: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    low = text.lower()
    return tuple(name for name, kws in keywords.items() if _keyword_pattern(kws).search(low))


RISE_SEMITONES = 2.0  # espeak-ng yes/no questions rise 1.5-5 st, statements under 0.7, commas 0-5
RISE_MATCH_S = 0.6    # how far a region's end may be from the last word's stamped end
MIN_RISING_WORDS = 3  # "Okay?" alone is a backchannel, not a clarifying question
FIRST_PERSON = {"i", "i'm", "i'd", "i'll", "i've", "me", "my"}
MAX_RISING_WORDS = 12
IMPERATIVE_OPENERS = {"let", "let's", "tell"}
FRAGMENT_RISE_SEMITONES = 3.0  # a verbless phrase (_elliptical_question)
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
    tokens = list(u.tokens) + (list(nxt.tokens) if nxt is not None else [])
    return any(d.start < u.end and d.end > u.start for d in find_disfluencies(tokens))


# A phrase that opens with one of these goes on from the sentence before it.
PREPOSITION = {"for", "with", "in", "on", "at", "from", "by", "of", "to", "into", "about", "after", "before",
               "during", "without", "through", "under", "over", "between", "like", "than"}
DETERMINER = {"the", "a", "an", "our", "my", "your", "their", "its", "this", "that", "these", "those", "some",
              "any", "all", "each", "every", "no", "two", "three", "many", "few", "more", "most", "other"}


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


# "If they | are a prefix sum...": an auxiliary straight after a pronoun is that clause's verb.
CLAUSE_SUBJECT = PERSONAL | {"it", "there", "that", "this", "these", "those", "which", "who"}


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


# "I wonder whether we need it? Probably not.": the speaker answers the question at once, so
# it was thinking aloud, not asked of the interviewer.
SELF_ANSWER = {"probably", "maybe", "perhaps", "presumably", "likely", "possibly"}
SELF_ANSWER_GAP_S = 1.0
# "Wait, did I handle an empty stream? Yes, the iterator stops.", "Does that make it useless?
# No. Just...": the speaker gives the answer straight away; a question put to the interviewer
# waits for theirs.
YES_NO = {"yes", "no", "nope", "yep"}
# "How do I deal with the apostrophes? I'll write a state machine.": a question about what the
# speaker will do or did is theirs to answer. Not "can/should/may I", which ask leave.
OWN_CHOICE_AUX = {"do", "did", "would", "will"}
# "Do we have click logs? And are they deduplicated?" asks on about the same thing: one
# question. "How many users are there? And what's the latency budget?" asks two.
BACK_REFERENCE = {"they", "them", "it", "that", "those", "these", "this", "so"}


def _answers_itself(u: Utterance, nxt: Utterance | None, gaps: list[tuple[float, float]] | None) -> bool:
    """"Why did they win? Mostly because...", "What's the cost? It's n log k.": a
    wh-question the speaker answers at once, with no silence for the interviewer to answer in
    (under TURN_GAP_S, the pause people leave for an answer: "So where does position bias come
    in? [0.9 s] It's in the clicks."), is rhetorical. Yes/no questions said straight before a
    statement ("Is the capacity ever zero? I'll treat zero as...") still ask: they state the
    assumption the candidate goes on with."""
    words = _strip_lead_in([WH_IS.get(w, w) for w in u.norm_words if not is_hesitation(w)])
    if not words or words[0] not in WH or nxt is None:
        return False
    turn_gaps = None if gaps is None else [(a, b) for a, b in gaps if b - a >= TURN_GAP_S]
    if (nxt.start - u.end >= TURN_GAP_S or (turn_gaps is not None and not _no_break(u, nxt, turn_gaps))
            or is_hesitation(nxt.tokens[0].norm)):
        return False
    # The answer is a clause: a phrase straight after ("What are we optimizing for? Time spent
    # or meaningful interactions.") lists the choices the question offers. A clause on the
    # speaker's own plan ("What is the latency target? I would start with a simple ranker")
    # goes on without the answer: the question was the interviewer's to answer.
    following = _strip_lead_in([w for w in nxt.norm_words if not is_hesitation(w)])
    if not following or following[0] in ("and", "or") or question_cue(nxt) or not _has_clause(following):
        return False
    own_choice = any(a in OWN_CHOICE_AUX and b == "i" for a, b in zip(words, words[1:]))
    return own_choice or following[0] not in FIRST_PERSON | {"let", "let's"}


def _answers_own_choice_inline(u: Utterance) -> bool:
    """"..., what kind of model will I use here, gradient-boosted trees on...": a question about
    what the speaker will or would do, answered after a comma in the same breath. One that
    offers a choice ("which one would I pick, the heap or the sorted list") still asks."""
    clauses = [_strip_lead_in(c) for c in _clauses(u)]
    for n, words in enumerate(clauses[:-1]):
        if (words and words[0] in WH and any(a in {"will", "would"} and b == "i" for a, b in zip(words, words[1:]))):
            rest = [w for c in clauses[n + 1:] for w in c]
            return bool(rest) and "or" not in rest and not u.tokens[-1].question_mark
    return False


def _tag_said_apart(u: Utterance, prev: Utterance | None, nxt: Utterance | None) -> bool:
    """"We'd also need a block list, so that nothing offensive shows up. | Right.": a lone
    "Right." or "Correct." straight after a statement, then the turn left to the interviewer,
    is that statement's tag, wherever Whisper put the period. Said on into more words it is
    the speaker agreeing with themself ("Right. So then...")."""
    words = [w for w in u.norm_words if not is_hesitation(w)]
    return (len(words) == 1 and words[0] in ASKING_TAG and prev is not None
            and u.start - prev.end < MAX_TAG_GAP_S and leaves_turn(u, nxt) and not question_cue(prev))


def _question_follows(u: Utterance, nxt: Utterance | None) -> bool:
    """A worded question follows `u` at once, perhaps after a filled pause ("Let me ask one thing
    about the role. Uh, is the first round a live coding round?"): `u` opens it."""
    return nxt is not None and nxt.start - u.end < TURN_GAP_S and bool(question_cue(nxt))


def _says_yes_or_no(nxt: Utterance | None, u: Utterance) -> bool:
    """The next utterance opens with the answer to `u`, straight after it, and goes on to explain
    it (see YES_NO). A bare "No." may be someone else's answer (a meeting: "...are we actually
    going to attempt that? | No. | I don't think so.", heldout6), and a "No?" asked back is none."""
    said = [w for w in (nxt.norm_words if nxt is not None else []) if not is_hesitation(w)]
    return (len(said) > 1 and said[0] in YES_NO and nxt.start - u.end < SELF_ANSWER_GAP_S
            and not nxt.tokens[-1].question_mark)


# "She asked me, can we ship it and fix it later?", "my manager was like, why is this late?":
# a question quoted in a story was asked of someone else, not of the interviewer.
REPORTED = re.compile(r"\b(asked|asks|said|says|wondered|wonders|goes|was like|were like|is like)"
                      r"(?: (?:me|us|him|her|them|myself|everyone|the team|the room))?$")


def _reported(u: Utterance) -> bool:
    """The question is quoted after a reporting verb that closes the clause before it."""
    clauses = _clauses(u)
    return any(REPORTED.search(" ".join(c)) for c in clauses[:-1] if c)


def _first_word(u: Utterance) -> str:
    return next((w for w in u.norm_words if not is_hesitation(w)), "")


def _content(u: Utterance) -> list[str]:
    return _strip_lead_in([w for w in u.norm_words if not is_hesitation(w)])


def _restarts(before: Utterance, u: Utterance) -> bool:
    """`u` says `before` again from its start and goes on: a question restarted ("What's the
    username? What's the username and password?", "is there much more in it than he d- is
    there much more in it than he said"), not a second question ("How many users? How many
    items?")."""
    said, again = _content(before), _content(u)
    if len(said) < 2 or len(again) < len(said):
        return False
    cut = before.tokens[-1].text.rstrip("?.,!").endswith("-")  # a word broken off
    head, last = said[:-1], said[-1]
    return again[:len(head)] == head and (again[len(head)] == last or (cut and again[len(head)].startswith(last)))


ECHO_FILLER = {"not", "really", "n't"}


def _echoes(u: Utterance) -> bool:
    """"Oh, is it?", "Do they?": an auxiliary and a pronoun alone react to what was just said
    (a meeting's "Okay, that's fine. | Is it?", heldout6); they ask nothing to clarify."""
    words = [w for w in _content(u) if w not in ECHO_FILLER]
    return len(words) == 2 and words[0] in AUX and words[1] in PERSONAL | {"it", "there", "that"}


NEGATION = {"not", "no", "never", "nothing", "nobody", "none"}


def _negated(u: Utterance) -> bool:
    """"Memory isn't a concern here. Is it?": after a negative statement the auxiliary and pronoun
    are its tag, asking for confirmation (an echo keeps the statement's polarity)."""
    return any(w in NEGATION or w.endswith("n't") for w in u.norm_words)


# A subordinate clause or phrase opening with these belongs to the question after it ("Before I
# start, how many...", "If it's batch, do we...").
SUBORDINATOR = {"if", "when", "whenever", "while", "since", "because", "although", "though", "unless",
                "until", "once", "as", "given", "assuming", "so", "that", "where", "whether"}
WORDED_CUES = {"inverted auxiliary", "question word", "indirect question", "elliptical question"}


def _from_asking_clause(u: Utterance) -> list:
    """The tokens of `u` from the clause that asks: statements Whisper ran into the question
    before it are left out ("That's what I thought as well, I mean, are we actually going to
    attempt that?" asks from "are"). A phrase or subordinate clause that frames the question
    ("For the feed, how many...", "Before I start, ...") stays with it."""
    tokens = list(u.tokens)
    start = 0
    for k, tok in enumerate(tokens[:-1]):
        if not tok.comma_after:
            continue
        head = [t.norm for t in tokens[start:k + 1] if not is_hesitation(t.norm)]
        words = _strip_lead_in(head)
        rest = Utterance(tuple(tokens[k + 1:]))
        if (len(words) < 2 or words[0] in WH | AUX | PREPOSITION | SUBORDINATOR or not _has_clause(words)
                or question_cue(Utterance(tuple(tokens[start:k + 1])), use_mark=False)
                or question_cue(rest, use_mark=False) not in WORDED_CUES):
            break
        start = k + 1
    return tokens[start:]


def _continues_question(u: Utterance) -> bool:
    """An alternative ("Or should I go on?") or an "and" question about what the one before
    asked ("And are they deduplicated?"), not a second question with a subject of its own."""
    words = [w for w in u.norm_words if not is_hesitation(w)]
    if not words or words[0] not in ("and", "or"):
        return False
    return words[0] == "or" or any(w in BACK_REFERENCE for w in words[1:4])


def find_questions(utterances: list[Utterance], keywords: dict[str, tuple[str, ...]],
                   regions: list[SpeechRegion] | None = None) -> list[AskedQuestion]:
    found = []
    asked_at = -1  # index of the utterance that gave found[-1]
    opener: tuple[int, Utterance] | None = None  # self-talk that opens the next question (SELF_TALK)
    gaps = silence_gaps(regions) if regions else None
    if regions:
        utterances = [part for u in utterances for part in split_at_rise_before_hesitation(u, regions)]
    for i, u in enumerate(utterances):
        nxt = utterances[i + 1] if i + 1 < len(utterances) else None
        cue = question_cue(u)
        # Two words with a "?" and no question word ("A liner?" for a word cut off and said
        # again): too short to ask by a rise (MIN_RISING_WORDS); one word is judged below.
        fragment = 2 <= len(u.tokens) < MIN_RISING_WORDS and u.norm_words[0] not in WH
        if cue == "question mark" and not question_cue(u, use_mark=False) and (
                not leaves_turn(u, nxt) or fragment):
            # A statement worded as one with a "?" (tiny.en writes it where the voice rises, also
            # on imperatives) asks only as a rise would (see below): if the speaker then waits.
            cue = ""
        final = u.tokens[-1]
        if (cue == "tag question" and final.norm in TAG_END - ASKING_TAG and not final.question_mark
                and not (regions and _rises_at_end(u, regions))):
            cue = ""
        if {cue, question_cue(u, use_mark=False)} & WAITS_FOR_ANSWER and _tag_runs_on(u, nxt, gaps):
            cue = ""
        if not cue and regions:
            # Not where Whisper ran the sentence on across a pause ("...is | going to be forced |
            # very bad aligner"): a rise before such a pause is a continuation rise.
            ended = u.tokens[-1].ends_sentence or u.tokens[-1].comma_after or i + 1 == len(utterances)
            # A comma end here only comes from the cut above (a hesitation follows it).
            ended = ended and (not u.tokens[-1].comma_after or (
                i + 1 < len(utterances) and is_hesitation(utterances[i + 1].tokens[0].norm)))
            tail = rising_aux_tail(u, regions)
            hes = after_hesitation(u)
            for clause in (u, tail, hes):
                # After a hesitation a wh-clause that rises asks ("..., um, who is allowed to
                # see which documents?"); falling it may be a relative clause going on.
                worded = (clause is hes and clause is not None and ended
                          and bool(question_cue(clause, use_mark=False)) and _rises_at_end(clause, regions))
                if (clause is not None and (worded or ends_rising(clause, regions, ended))
                        and not frames_question(clause) and not runs_on(clause, nxt, gaps)
                        and leaves_turn(clause, nxt) and _waits_after(clause, nxt, gaps)):
                    cue, u = "rising intonation", clause
                    break
        if not cue and _tag_said_apart(u, utterances[i - 1] if i else None, nxt):
            cue = "tag question"
        if not cue:
            continue
        said = " ".join(w for w in u.norm_words if not is_hesitation(w))
        if STORY_QUESTION.search(" ".join(u.norm_words)) or OWN_STORY_QUESTION.search(said) or stumbles(u, nxt):
            continue
        if asks_to_ask(u.text):  # "Can I ask a question?" is a request to ask, nothing asked yet
            continue
        if asks_to_repeat(u.text) or makes_small_talk(u.text):
            continue  # "Could you repeat that?", "How's it going?": nothing asked about the problem
        if checks_in(u.text) or talks_to_self(u.text) or wraps_up(u.text) or about_the_interview(u.text):
            continue  # "Does that make sense?", "What else?", "Any hints?": nothing about the problem
        if _reported(u) and question_cue(u, use_mark=False) != "confirmation":
            # ("When you say spikes, you mean..." quotes the interviewer to ask about it.)
            continue
        said = [t.norm for t in u.tokens if not is_hesitation(t.norm)]
        # ("Right" and "yes" open clauses too, so a lone one is not stripped as a lead-in.)
        content = said if len(said) == 1 and said[0] in TAG_END else _strip_lead_in(said)
        if len(content) <= 1 and (not content or content[0] not in WH):
            # "Correct?" right after a sentence is that sentence's tag: the two ask together.
            # Any other one-word "Products?" echoes an answer; it asks nothing to clarify.
            prev = utterances[i - 1] if i > 0 else None
            if (content and content[0] in TAG_END and prev is not None
                    and u.start - prev.end < MAX_TAG_GAP_S):
                if found and found[-1].start >= prev.start:
                    last = found.pop()
                    found.append(AskedQuestion(last.text + " " + u.text, last.start, u.end,
                                               last.topics, last.cue))
                else:
                    text = prev.text + " " + u.text
                    found.append(AskedQuestion(text, prev.start, u.end, topics_in(text, keywords),
                                               "tag question"))
                asked_at = i
            continue
        # "Why does that matter? Because..." answers itself: rhetorical, not clarifying.
        if (cue == "question mark" and nxt is not None and nxt.norm_words[0] in RHETORICAL_ANSWER
                and nxt.start - u.end < 1.0 and u.norm_words[0] in WH):
            continue
        if nxt is not None and _first_word(nxt) in SELF_ANSWER and nxt.start - u.end < SELF_ANSWER_GAP_S:
            continue
        if _answers_itself(u, nxt, gaps) or _says_yes_or_no(nxt, u) or _answers_own_choice_inline(u):
            continue
        if (cue == "indirect question" and SELF_TALK.search(" ".join(u.norm_words))
                and (not leaves_turn(u, nxt) or _question_follows(u, nxt))):
            opener = (i, u)  # it asks only if a question follows at once (see SELF_TALK)
            continue
        if cue == "indirect question" and SELF_TALK.search(" ".join(u.norm_words)) and any(
                c[:1] == ["but"] for c in _clauses(u)[1:]):
            # "I wonder whether rank 8 is enough, but it's where I'd start.": the speaker
            # settled it in the same breath.
            continue
        if _echoes(u) and not (i > 0 and u.start - utterances[i - 1].end < MAX_TAG_GAP_S
                               and _negated(utterances[i - 1])):
            continue
        spoken = _from_asking_clause(u)
        while len(spoken) > 1 and is_hesitation(spoken[0].norm):  # "Um, how many..." asks from "how"
            spoken.pop(0)
        if opener is not None and opener[0] == i - 1 and _no_break(opener[1], u, gaps):
            spoken = [t for t in opener[1].tokens if not is_hesitation(t.norm)] + spoken
        text = join_words([t.text for t in spoken])  # as transcribed: "one-hot", not "one -hot"
        # A topic named in an opener or in a statement run into the question counts too.
        topics = topics_in(f"{text} {u.text}", keywords)
        # "Do we have click logs? And are they deduplicated?" in one breath, or "Does that
        # answer it? Or should I go on?": one compound question, which Whisper split in two;
        # "What's the username? What's the username and password?": one question, restarted.
        if (found and asked_at == i - 1 and (_continues_question(u) or _restarts(utterances[i - 1], u))
                and _no_break(utterances[i - 1], u, gaps)):
            last = found.pop()
            text = last.text + " " + text
            found.append(AskedQuestion(text, last.start, u.end,
                                       tuple(dict.fromkeys(last.topics + topics)), last.cue))
        else:
            found.append(AskedQuestion(text, spoken[0].start, u.end, topics, cue))
        asked_at = i
    return found


SOLUTION = re.compile(
    r"\b(i would|i'?d|i will|i'?ll|i'?m going to|i am going to|we could|we can|we would|we'?ll|"
    r"let'?s|my approach|the approach|my solution|the solution|i'?d start|i would start|"
    r"i propose|i suggest)\b.*\b(use|start|build|train|go|pick|choose|apply|implement|model|"
    r"approach|solution|baseline|design|sort|store|compute|write|add|deploy|try)\b")


def proposes_solution(u: Utterance) -> bool:
    return bool(SOLUTION.search(" ".join(u.norm_words)))


@dataclass
class ClarifyingResult:
    questions: list[AskedQuestion]
    covered: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    solution_before_question: float | None = None  # time of the first solution proposed before any question


def analyze_clarifying(utterances: list[Utterance],
                       expected_topics: list[tuple[str, tuple[str, ...]]] | None = None,
                       regions: list[SpeechRegion] | None = None,
                       matcher: Matcher | None = None, stating_counts: bool = False) -> ClarifyingResult:
    """Clarifying questions found in the utterances and the expected topics they covered.
    Topics are credited by keywords; with a `matcher` that has a meaning model, also the topic
    each question is about, as the interviewer's answer picked it (core/matching.py). With
    `stating_counts`, a topic the candidate only states counts too (an ML depth round, where the candidate holds the facts)."""
    keywords = topic_keywords(expected_topics)
    questions = find_questions(utterances, keywords, regions)
    if matcher is not None and matcher.uses_meaning and expected_topics:
        topics = [ClarifyingTopic(name, kws) for name, kws in keywords.items()]
        questions = [replace(q, topics=tuple(dict.fromkeys(q.topics + tuple(matcher.topics_asked([q.text], topics)))))
                     for q in questions]
    first_q = questions[0].start if questions else float("inf")
    solution_at = next((u.start for u in utterances if u.start < first_q and proposes_solution(u)), None)
    result = ClarifyingResult(questions, solution_before_question=solution_at)
    if expected_topics:
        asked = {t for q in questions for t in q.topics}
        if stating_counts:  # the candidate holds the facts (their own project): saying them is enough
            asked |= {t for u in utterances for t in topics_in(u.text, keywords)}
        result.covered = [name for name, _ in expected_topics if name in asked]
        result.missed = [name for name, _ in expected_topics if name not in asked]
    return result
