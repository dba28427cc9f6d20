"""Clarifying questions: which utterances ask something, and which expected topics they cover.

An utterance is a question by its wording as well as by a "?" (tiny Whisper models often
drop question marks): an inverted auxiliary at the start of a clause ("can I assume",
"is it", "do we"), a question word followed by a verb or a quantity ("how many", "what is"),
a sentence opening like a question that ends offering a choice ("is scoring batch or real time"),
an indirect question ("I'm wondering whether"), or a tag ("..., right?").

The wording of a question is question_wording.py's, how it sounds (a rise, a pause, a run-on)
question_prosody.py's; here, which utterances of an answer are questions to the interviewer
(`find_questions`) and the topics they cover (`analyze_clarifying`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from interviewer.core.analysis.fillers import is_hesitation
from interviewer.core.keywords import STOPWORDS, stem
from interviewer.core.analysis.question_prosody import (
    FIRST_PERSON, MIN_RISING_WORDS, TURN_GAP_S, _no_break, _rises_at_end, _tag_runs_on, _waits_after,
    after_hesitation, ends_rising, last_phrase, leaves_turn, rising_aux_tail, runs_on, split_at_rise_before_hesitation,
    stumbles,
)
from interviewer.core.analysis.question_wording import (
    AUX, MAX_TAG_GAP_S, OR_NOT_END, PERSONAL, PREPOSITION, RHETORICAL_ANSWER, SUBJECT, SUBORDINATOR, TAG_END, TAG_PAIRS, WH,
    WH_IS, _clauses,
    _has_clause, _strip_lead_in, acknowledges, checks_understanding, frames_question, question_cue,
)
from interviewer.core.analysis.utterances import Utterance, silence_gaps
from interviewer.core.interview_requests import about_the_interview
from interviewer.core.conversation_cues import (
    asks_to_ask, asks_to_repeat, checks_in, makes_small_talk, talks_to_self, wraps_up,
)
from interviewer.core.clarifying_responder import about_validity, asks_if_possible
from interviewer.core.matching import Matcher
from interviewer.core.scripts.model import ClarifyingTopic
from interviewer.core.scripts.topics import BUILTIN_TOPICS, builtin_keywords
from interviewer.core.transcript import SpeechRegion, join_words

# "..., right." asks even written with a period; "..., yeah." mostly closes a statement ("That's
# too big, yeah.", "Well, the thing is, yeah."): it asks only heard as asked, a "?" or a rise.
# "..., yes." closes a check in second-language English ("The array is sorted, yes?", five
# writers of the speech sets, tiny.en writing a period): it asks, when the speaker then waits.
ASKING_TAG = {"right", "correct", "yes"}
# "..., no?" closes a check in Indian, Spanish- and Slavic-influenced English; tiny.en often
# writes it apart ("...from the restaurant side. | No."). Said apart and then waited on, it asks
# (see _tag_said_apart); "no" is not an ASKING_TAG elsewhere: in a sentence it is mostly a reply.
# A lone "Yes." said last, after the speaker's own statement, affirms it ("It's obvious. Yes.",
# a meeting, heldout8); said apart it asks heard as asked (a "?") or where the speaker waits and
# then goes on ("... the same word. Yes. [2.0] Good, I lower everything first.").
TAG_SAID_APART = ASKING_TAG - {"yes"} | {"no"}
# Cues of a question that asks only if the speaker then waits (see _tag_runs_on).
WAITS_FOR_ANSWER = {"tag question", "confirmation", "or-not question"}
# Worded as a statement would be ("How much we have for one keystroke.", "Any particular failure
# you want."): asked only if the speaker then stops for a turn's silence; a filled pause after it
# holds the floor, a sentence straight after goes on (blind15's "How much we could trust the model
# without a human looking. Um, I'd route anything below ..." retells a question).
STATEMENT_FORM = {"wh-question in statement order", "elliptical phrase"}
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


# "I wonder whether the team cares more about freshness", "I'm curious whether a key can be
# updated", "Let me ask about duplicates": said to oneself, or announcing a question. They ask
# the interviewer only when the speaker then waits for an answer (leaves_turn); said straight
# before a question they open it ("Let me ask one more thing. Should I return any order?").
SELF_TALK = re.compile(r"\b(wonder|wondering|curious|let me ask)\b")


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


# "I wonder whether we need it? Probably not.": the speaker answers the question at once, so
# it was thinking aloud, not asked of the interviewer.
SELF_ANSWER = {"probably", "maybe", "perhaps", "presumably", "likely", "possibly"}
SELF_ANSWER_GAP_S = 1.0
# "Wait, did I handle an empty stream? Yes, the iterator stops.", "Does that make it useless?
# No. Just...": the speaker gives the answer straight away; a question put to the interviewer
# waits for theirs.
YES_NO = {"yes", "no", "nope", "yep"}
# Answers that open like a "yes" or "no" ("Can I skip the sort? Not really, not without...",
# "Do we block at upload or review later? Both, I think, ..."), said straight after the question.
ANSWER_OPENERS = (("not", "really"), ("not", "quite"), ("not", "necessarily"), ("not", "always"),
                  ("not", "exactly"), ("of", "course"), ("both",), ("neither",), ("definitely",),
                  ("absolutely",))
# "How do I deal with the apostrophes? I'll write a state machine.": a question about what the
# speaker will do or did is theirs to answer. Not "can/should/may I", which ask leave.
OWN_CHOICE_AUX = {"do", "did", "would", "will"}
# "Do we have click logs? And are they deduplicated?" asks on about the same thing: one
# question. "How many users are there? And what's the latency budget?" asks two.
BACK_REFERENCE = {"they", "them", "it", "that", "those", "these", "this", "so"}


ACKNOWLEDGING = {"okay", "ok", "alright", "right", "great", "perfect", "cool", "fine", "good", "got", "makes", "sure",
                 "thanks", "thank", "understood"}


REPLY_GAP_S = 1.5  # the least silence in which an interviewer answers a question


def _reply_said_back(u: Utterance, nxt: Utterance | None) -> bool:
    """"I don't know the peak keystroke rate we'd have to serve. [2.2 s] Fifty thousand a second at
    peak, okay.": a sentence the speaker stops after, then says back a reply on its subject as a
    phrase with "okay": the sentence asked, however it was worded (or misheard)."""
    if nxt is None or nxt.start - u.end < REPLY_GAP_S or not acknowledges(nxt):
        return False
    asked = {stem(w) for w in u.norm_words if w not in STOPWORDS and not is_hesitation(w)}
    heard = {stem(w) for w in nxt.norm_words[:-1] if w not in STOPWORDS and not is_hesitation(w)}
    return bool(asked & heard)


def _answers_itself(u: Utterance, nxt: Utterance | None, gaps: list[tuple[float, float]] | None,
                    after: Utterance | None = None) -> bool:
    """"Why did they win? Mostly because...", "What's the cost? It's n log k.": a
    wh-question the speaker answers at once, with no silence for the interviewer to answer in
    (under TURN_GAP_S, the pause people leave for an answer: "So where does position bias come
    in? [0.9 s] It's in the clicks."), is rhetorical. Yes/no questions said straight before a
    statement ("Is the capacity ever zero? I'll treat zero as...") still ask: they state the
    assumption the candidate goes on with."""
    words = _strip_lead_in([WH_IS.get(w, w) for w in u.norm_words if not is_hesitation(w)])
    if words and words[0] not in WH and (u.tokens[-1].question_mark or u.tokens[-1].ends_sentence):
        # "For each number, binary search the first tail ..., why does replacing work?": the
        # question Whisper ran on from the sentence before it
        last = _strip_lead_in([WH_IS.get(w, w) for w in _clauses(u)[-1]])
        words = last if last and last[0] in WH else words
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
    said = [w for w in nxt.norm_words if not is_hesitation(w)]
    # "What's the capacity range? And also, should a get refresh ...": "also" adds another ask
    # (however misheard), not the answer (blind32; the lead-in strip above hides it). A bare
    # "and" may go on with the answer ("What did save us? ... And we always kept ...").
    if (not following or said[0] in ("or", "also", "plus") or said[:2] == ["and", "also"]
            or question_cue(nxt)):
        return False
    if (following[-1] in {"okay", "ok", "alright", "thanks"} or said[0] in ACKNOWLEDGING
            or "got it" in " ".join(following)):
        return False  # "Twenty-two teams, okay.", "Okay, memory matters.": the interviewer's reply, taken
    if not _has_clause(following):
        # A phrase straight after answers it ("What kind of trees? Usually shallow ones.") if the
        # speaker goes straight on. Not the choices the question offers ("What are we optimizing
        # for? Time spent or meaningful interactions."), a phrase left for the interviewer to
        # confirm ("What should an empty string return? True. [1.4 s]"), or one the speaker then
        # acknowledges ("Hundreds of millions. Okay.": the interviewer's reply said back).
        said_next = [w for w in after.norm_words if not is_hesitation(w)] if after is not None else []
        # ("What would you like me to cover? Detection only. Or also what we do after?": the
        # choices the question offers, the last one opened with "or".)
        goes_on = (after is not None and not leaves_turn(nxt, after) and bool(said_next)
                   and said_next[0] not in ACKNOWLEDGING | {"or"} and not question_cue(after)
                   and (turn_gaps is None or _no_break(nxt, after, turn_gaps)))
        return (goes_on and "or" not in following and following[0] not in ACKNOWLEDGING
                and following[0] not in PREPOSITION | SUBORDINATOR | FIRST_PERSON | {"let", "let's", "lets"}
                and nxt.tokens[-1].ends_sentence and not nxt.tokens[-1].comma_after)
    if following[0] == "because" or _admits_not_knowing(following) or _assumes(following):
        return True
    own_choice = any(a in OWN_CHOICE_AUX and b == "i" for a, b in zip(words, words[1:]))
    return own_choice or following[0] not in FIRST_PERSON | {"let", "let's"}


# "What is the right threshold? I cannot say now, it depends on...": the speaker, going straight
# on, says they can't answer it yet: wondering aloud, not asking (one put to the interviewer
# waits for the answer).
NOT_KNOWING = re.compile(r"^(honestly |well |so )?(i (don't|do not|dont|can't|cannot|can not) (know|say|tell)"
                         r"|i'm not (sure|certain)|i am not (sure|certain)|(i have )?no idea|hard to say)\b")


# "How much traffic? Let's say a few million uploads a day.": the speaker supplies the answer
# as an assumption instead of waiting for the interviewer's (not "assuming ..." after the
# question, which is its condition: "What's the budget, assuming mobile clients?").
ASSUMING = re.compile(r"^(?:let's|lets|let us) (?:say|assume)\b|^i(?:'ll| will|'d| would|'m| am) assum")


def _assumes(words: list[str]) -> bool:
    return bool(ASSUMING.search(" ".join(words)))


def _assumes_answer_inline(u: Utterance) -> bool:
    """"How much traffic, let's say a few million uploads a day.": Whisper ran the question and
    the assumption that answers it into one sentence."""
    clauses = _clauses(u)
    for k in range(1, len(clauses)):
        asked = _strip_lead_in([WH_IS.get(w, w) for w in clauses[k - 1] if not is_hesitation(w)])
        said = _strip_lead_in([w for w in clauses[k] if not is_hesitation(w)])
        if asked and (asked[0] in WH or asked[0] in AUX) and _assumes(said):
            return True
    return False


# "Can a list be empty? I'll assume yes.": the speaker supplies a yes or no in place of the
# interviewer's answer, so what they said just before was a yes/no question, however tiny.en
# heard it ("Can list the empty."), asked without waiting (a rapid-fire asker, blind50).
ASSUMED_YES_NO = re.compile(r"^(?:i'll|i will|i'd|i would|let me|let's|lets) (?:assume|say) (?:yes|no|not|so)\b")


def _yes_no_answer_assumed(u: Utterance, nxt: Utterance | None) -> Utterance | None:
    """The sentence (or the clause before a comma) that an assumed yes or no follows: said in the
    next sentence, or after a comma in the same one. None if there is none."""
    def assumed(tokens) -> bool:
        said = _strip_lead_in([t.norm for t in tokens if not is_hesitation(t.norm)])
        return bool(ASSUMED_YES_NO.search(" ".join(said)))

    def asks(tokens) -> Utterance | None:
        words = _strip_lead_in([t.norm for t in tokens if not is_hesitation(t.norm)])
        return Utterance(tuple(tokens)) if len(words) >= MIN_RISING_WORDS and words[0] not in FIRST_PERSON else None

    if nxt is not None and assumed(nxt.tokens):
        return asks(u.tokens)
    start = 0
    for k, tok in enumerate(u.tokens[:-1]):
        if tok.comma_after:
            if assumed(u.tokens[k + 1:]):
                return asks(u.tokens[start:k + 1])
            start = k + 1
    return None


def _admits_not_knowing(words: list[str]) -> bool:
    return bool(NOT_KNOWING.match(" ".join(words)))


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


def _tag_said_apart(u: Utterance, prev: Utterance | None, nxt: Utterance | None,
                    gaps: list[tuple[float, float]] | None = None) -> bool:
    """"We'd also need a block list, so that nothing offensive shows up. | Right.": a lone
    "Right." or "Correct." straight after a statement, then the turn left to the interviewer,
    is that statement's tag, wherever Whisper put the period. Said on into more words it is
    the speaker agreeing with themself ("Right. So then..."); so is one talked on from through
    a filled pause with no silence before it ("..., first I count them with a hash map. Right.
    Um, now I keep a heap": a habit, blind50), where a tag asked waits for the answer."""
    words = [w for w in u.norm_words if not is_hesitation(w)]
    tag = ((len(words) == 1 and (words[0] in TAG_SAID_APART or (words[0] == "yes" and (u.tokens[-1].question_mark or nxt is not None))))
           or tuple(words) in OR_NOT_END)  # "... here. | Or no."
    holds_floor = (nxt is not None and is_hesitation(nxt.tokens[0].norm) and nxt.start - u.end < TURN_GAP_S
                   and _no_break(u, nxt, gaps))
    return (tag and prev is not None and u.start - prev.end < MAX_TAG_GAP_S and leaves_turn(u, nxt)
            and not holds_floor and not question_cue(prev))


def _tag_pair_said_apart(u: Utterance, prev: Utterance | None, nxt: Utterance | None) -> bool:
    """"We can use the listing text from day one. | Can't we?": a negated tag Whisper wrote as a
    sentence of its own (blind40), straight after a statement, then the turn left to the
    interviewer: it asks of that statement. Talked on from ("Isn't it? It gives...") it asks nothing."""
    words = tuple(w for w in u.norm_words if not is_hesitation(w))
    return (words in TAG_PAIRS and prev is not None and u.start - prev.end < MAX_TAG_GAP_S
            and leaves_turn(u, nxt) and not question_cue(prev))


def _question_follows(u: Utterance, nxt: Utterance | None) -> bool:
    """A worded question follows `u` at once, perhaps after a filled pause ("Let me ask one thing
    about the role. Uh, is the first round a live coding round?"): `u` opens it."""
    return nxt is not None and nxt.start - u.end < TURN_GAP_S and bool(question_cue(nxt))


def _says_yes_or_no(nxt: Utterance | None, u: Utterance) -> bool:
    """The next utterance opens with the answer to `u`, straight after it, and goes on to explain
    it (see YES_NO). A bare "No." may be someone else's answer (a meeting: "...are we actually
    going to attempt that? | No. | I don't think so.", heldout6), and a "No?" asked back is none."""
    said = [w for w in (nxt.norm_words if nxt is not None else []) if not is_hesitation(w)]
    if not said or nxt.start - u.end >= SELF_ANSWER_GAP_S or nxt.tokens[-1].question_mark:
        return False
    opener = next((o for o in ANSWER_OPENERS if tuple(said[:len(o)]) == o), None)
    return ((len(said) > 1 and said[0] in YES_NO) or (opener is not None and len(said) > len(opener))
            or _says_yes_or_no_inside(nxt))


# "Does that tower go stale once real clicks arrive? It does, so I'd blend...": a short answer
# (a pronoun and the question's own auxiliary) said straight after a yes/no question is the
# speaker answering it; put to the interviewer, the question waits for theirs.
AUX_FAMILIES = (
    {"do", "does", "did", "don't", "doesn't", "didn't"},
    {"is", "are", "was", "were", "am", "isn't", "aren't", "wasn't", "weren't"},
    {"can", "could", "can't", "couldn't"}, {"will", "would", "won't", "wouldn't"},
    {"should", "shouldn't"}, {"have", "has", "had", "haven't", "hasn't"}, {"must"}, {"may", "might"},
)
SHORT_ANSWER_SUBJECT = {"it", "they", "we", "i", "you", "that", "there", "this", "he", "she"}


def _gives_short_answer(nxt: Utterance | None, u: Utterance) -> bool:
    asked = _strip_lead_in([w for w in u.norm_words if not is_hesitation(w)])
    said = [t for t in (nxt.tokens if nxt is not None else ()) if not is_hesitation(t.norm)]
    if (not asked or len(said) < 2 or nxt.start - u.end >= SELF_ANSWER_GAP_S or nxt.tokens[-1].question_mark
            or said[0].norm not in SHORT_ANSWER_SUBJECT):
        return False
    family = next((f for f in AUX_FAMILIES if asked[0] in f), None)
    answer = said[2] if len(said) > 2 and said[2].norm == "not" else said[1]
    # the short answer is set off: its own sentence, or a comma after it ("It does, so...")
    return family is not None and said[1].norm in family and (
        len(said) == 2 or answer.comma_after or answer.ends_sentence)


def _picks_own_alternative(nxt: Utterance | None, u: Utterance) -> bool:
    """"Is the softmax over rows or columns? | Rows, one row per query.": the speaker names one
    of the question's own alternatives straight after it, set off and gone on from, so they
    answered it. The interviewer's answer said back is taken ("Rows, okay."); one left to
    confirm ("Rows?") or after a silence is the interviewer's to give."""
    if nxt is None or nxt.start - u.end >= SELF_ANSWER_GAP_S or nxt.tokens[-1].question_mark:
        return False
    options = _alternatives(u.norm_words)
    said = [t for t in nxt.tokens if not is_hesitation(t.norm)]
    if len(said) < 3 or said[0].norm in STOPWORDS or stem(said[0].norm) not in options:
        return False
    # the option set off as a phrase of its own (a word or two) and then gone on from
    set_off = next((k for k, t in enumerate(said[:3]) if t.comma_after or t.ends_sentence), None)
    rest = [t.norm for t in said[1:]]
    return (set_off is not None and set_off < len(said) - 1 and not acknowledges(nxt)
            and not any(w in ACKNOWLEDGING for w in rest))


RELATIVE_WH = {"which", "where", "when"}  # "..., which is why": a clause going on


def _alternatives(words: list[str]) -> set[str]:
    """The content words next to each "or": "by clicks or by watch time" offers clicks, watch."""
    asked = [w for w in words if w == "or" or (not is_hesitation(w) and w not in STOPWORDS)]
    return {stem(w) for k, w in enumerate(asked) if w != "or"
            and "or" in (asked[k - 1] if k else None, asked[k + 1] if k + 1 < len(asked) else None)}


def _picks_own_alternative_inline(u: Utterance) -> bool:
    """"Is it a look-up problem or a join problem, a join problem, since each row...", "Is that
    more like columns or rows, rows for layer norm, which is why...": the question and the
    speaker's own pick of one of its alternatives, run into one sentence by Whisper: answered,
    as when said apart (_picks_own_alternative). Not when the sentence still ends asking
    ("..., rows would be cheaper?")."""
    if u.tokens[-1].question_mark:
        return False
    toks = [t for t in u.tokens if not is_hesitation(t.norm)]
    start = 0
    for end, token in enumerate(toks):
        if not token.comma_after:
            continue
        words = _strip_lead_in([t.norm for t in toks[start:end + 1]])
        start = end + 1
        if not words or (words[0] not in AUX and words[0] not in WH) or "or" not in words[1:-1]:
            continue
        rest = toks[end + 1:]
        lead = next((k for k, t in enumerate(rest[:3]) if t.norm not in STOPWORDS), None)
        if lead is None or stem(rest[lead].norm) not in _alternatives(words):
            return False
        # the pick set off as a phrase of its own and gone on from
        set_off = next((k for k, t in enumerate(rest[:5]) if t.comma_after or t.ends_sentence), None)
        if set_off is None or set_off == len(rest) - 1:
            return False
        # ..., and another question after it ("..., the most recent, and is capacity ever zero");
        # not a relative clause going on ("..., which is why batch size doesn't matter")
        later = [_strip_lead_in(c) for c in _clauses(Utterance(tuple(rest[set_off + 1:])))]
        return not any(c and (c[0] in AUX
                              or (c[0] in WH and c[0] not in RELATIVE_WH)) for c in later)
    return False


def _says_yes_or_no_inside(nxt: Utterance) -> bool:
    """"Is that too much memory? | For a year of logs per user, no, it's tiny.", "Could I do it
    without the markers? | Only if I also stored the in-order, so no.": a "yes" or "no" set off
    as a clause of its own, later in the reply, answers the question too."""
    toks = nxt.tokens
    return any(t.norm in YES_NO and k > 0 and (toks[k - 1].comma_after or toks[k - 1].norm == "so")
               and (t.comma_after or t.ends_sentence or k == len(toks) - 1)
               for k, t in enumerate(toks))


def _answers_yes_no_inline(u: Utterance) -> bool:
    """"Is that fast enough, for normal word lengths, yes.": a yes/no question the speaker answers
    in the same sentence (Whisper ran the two together) asks nothing of the interviewer. Not a
    statement with a tag ("There are three kinds, round, square and curly, yes?"), nor a choice
    ("..., yes or no")."""
    if u.tokens[-1].question_mark:
        return False
    start = 0
    for end, token in enumerate(u.tokens):
        if not token.comma_after:
            continue
        clause = _strip_lead_in([t.norm for t in u.tokens[start:end + 1] if not is_hesitation(t.norm)])
        if len(clause) >= 2 and clause[0] in AUX and clause[1] in SUBJECT:
            return _says_yes_or_no_inside(Utterance(u.tokens[end + 1:]))
        start = end + 1
    return False


# "She asked me, can we ship it and fix it later?", "my manager was like, why is this late?":
# a question quoted in a story was asked of someone else, not of the interviewer.
REPORTED = re.compile(r"\b(asked|asks|said|says|wondered|wonders|goes|was like|were like|is like|"
                      r"kept thinking|was thinking|were thinking|thought|"
                      # a story told in the present: "so I go to the director and I say, where does
                      # this number come from?", "and I'm like, can we delay?" (blind32)
                      r"i say|we say|i'm like|i am like|we're like|they're like)"
                      # the person named: "So I said to my lead, can we ship without the index?",
                      # "I asked our PM, could we slip a week?" (blind36)
                      r"(?: (?:to )?(?:me|us|him|her|them|myself|everyone|the team|the room|"
                      r"(?:my|our|his|her|their) \w+))?$")


# "A sales director once asked me why does your model miss half the fraud?", "he kept asking me
# how do I know...": Whisper wrote no comma after the reporting verb. Someone's question retold
# (blind19, blind22; over the 23 cached parts every "asked (me) why/if/..." is retold).
REPORTED_INLINE = re.compile(r"\b(asked|asks|kept asking|was asking|were asking)"
                             r"(?: (?:me|us|him|her|them|myself|everyone|the team|the room))?"
                             r" (?:why|what|how|whether|if|when|where|who|which|do|does|did|is|are|can|could|"
                             r"should|would|will)\b")


def _reported(u: Utterance) -> bool:
    """The question is quoted after a reporting verb that closes the clause before it, or that
    is straight before the question's first word (REPORTED_INLINE)."""
    clauses = _clauses(u)
    if any(REPORTED.search(" ".join(c)) for c in clauses[:-1] if c):
        return True
    inline = REPORTED_INLINE.search(" ".join(u.norm_words))
    if inline is None:
        return False
    # "You asked how I'd handle imbalance, isn't the positive rate one percent here?": the
    # interviewer's question restated, then the candidate's own, inverted in a clause of its own
    # (blind30). Someone else's question retold ("she asked how long, could we...") stays retold.
    for k, clause in enumerate(clauses):
        if REPORTED_INLINE.search(" ".join(clause)):
            you_asked = " ".join(_strip_lead_in(clause)).startswith(("you asked", "you were asking", "you asks"))
            return not (you_asked and any(_opens_inverted(c) for c in clauses[k + 1:]))
    return True


def _quoted_after_sentence(prev: Utterance, u: Utterance) -> bool:
    """"They wanted it in one sprint, my manager said. | Can we ship it Friday?": the reporting
    clause closes the sentence before (Whisper put the period after "said"), and the question
    follows at once: the words quoted, asked of someone else. Not the interviewer's words said
    back ("As you said. Is the list sorted?"): the question after them is the candidate's."""
    if prev.tokens[-1].question_mark or u.start - prev.end >= TURN_GAP_S:
        return False
    clauses = _clauses(prev)
    last = _strip_lead_in(clauses[-1]) if clauses else []
    return bool(last) and "you" not in last and bool(REPORTED.search(" ".join(last)))


# "you", "we": a sentence about the listener or the two together is put to them ("and you're
# asking about forecasting", "we need the decision before the payment is authorized").
ADDRESSEE = {"you", "your", "you're", "you'd", "you'll", "we", "we're", "we'd", "we'll", "us", "our"}


def _rise_may_ask(clause: Utterance, prev: Utterance | None, nxt: Utterance | None) -> bool:
    """A sentence that asks by its rise alone: one worded somewhat like a question (see
    _leans_to_asking), one after which the speaker takes up a reply (_takes_up_reply), or one the
    answer ends on, handing the turn over. People raise their voice at the end of statements too
    (uptalk, a continuation, a sentence read in pieces): "very bad aligner.", "it's great joy."
    rose 3.9 and 6.0 st in the human clips, and what followed took up no answer. Over 14 espeak
    parts (458 questions), 38 of the 73 rises this was asked of had no such wording: 30 were
    taken up after, 7 ended the answer, 1 neither (a statement)."""
    return nxt is None or _leans_to_asking(clause, prev) or _takes_up_reply(clause, nxt)


def _leans_to_asking(clause: Utterance, prev: Utterance | None) -> bool:
    """An auxiliary or question word first (tiny.en garbles the rest), an "or" offering a
    choice, the listener addressed, a "So ..." checking what was said, or any question wording."""
    words = [w for w in clause.norm_words if not is_hesitation(w)]
    content = _strip_lead_in(words)
    opens_asking = bool(content) and (content[0] in WH or (content[0] in AUX and not _verb_of_phrase_before(clause, prev)))
    return (opens_asking or "or" in words or bool(ADDRESSEE & set(words)) or words[:1] == ["so"]
            or (words[:1] == ["and"] and _took_up_a_reply(prev)) or bool(question_cue(clause, use_mark=False)))


# The last words of a reply taken up ("Not sorted, okay.", "Got it."): said before "And ...", the
# next question in a series of clarifying questions ("Not sorted, okay. | And a user can have
# several events on the same day?").
REPLY_TAKEN = {"okay", "ok", "alright", "fine", "great", "perfect", "cool", "thanks", "got"}


def _took_up_a_reply(u: Utterance | None) -> bool:
    said = [w for w in (u.norm_words if u is not None else []) if not is_hesitation(w)]
    return bool(said) and (said[-1] in REPLY_TAKEN or said[-2:] == ["got", "it"])


def _verb_of_phrase_before(clause: Utterance, prev: Utterance | None) -> bool:
    """"This one, Montreal, | is going to be forced,": an auxiliary in lower case straight after a
    phrase with no verb left open on a comma is that phrase's verb, said after a pause."""
    if prev is None or not prev.tokens[-1].comma_after or not clause.tokens[0].text[:1].islower():
        return False
    before = _clauses(prev)
    return bool(before) and not _has_clause(_strip_lead_in(before[-1]))


def _takes_up_reply(clause: Utterance, nxt: Utterance) -> bool:
    """The next sentence opens by taking up an answer, in its first few words: an acknowledgement
    ("Okay.", "Nor diagonals, okay"), a yes or no, an assumption in its place, or a word of the
    sentence said back ("Fixed, okay.", "Uh, so, like, fails, ...")."""
    opening = [w for w in nxt.norm_words if not is_hesitation(w)][:4]
    asked = {stem(w) for w in clause.norm_words if w not in STOPWORDS and not is_hesitation(w)}
    return (bool(ACKNOWLEDGING & set(opening)) or (bool(opening) and opening[0] in YES_NO)
            or any(w.startswith("assum") for w in opening)
            or bool(asked & {stem(w) for w in opening if w not in STOPWORDS}))


def _verb_after_a_period(u: Utterance, prev: Utterance | None) -> bool:
    """"Okay, the A.U.C. | is the probability that ...": Whisper capitalises the sentences it
    starts, so an auxiliary in lower case after a period goes on with the sentence before (the
    period closed an abbreviation); it is that subject's verb, not an inversion (blind30). Spoken only:
    people type in lower case."""
    first = u.tokens[0]
    return (prev is not None and first.norm in AUX and first.text[:1].islower()
            and prev.tokens[-1].ends_sentence and not prev.tokens[-1].question_mark)


def _opens_inverted(clause: list[str]) -> bool:
    words = _strip_lead_in(clause)
    return len(words) >= 3 and words[0] in AUX and words[1] in SUBJECT


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


def _start_said_again(u: Utterance, nxt: Utterance | None) -> bool:
    """"L1 pushes weights to zero, L2 shrinks them, do you? | Do you care more about ...?": the
    last clause of `u`, a question's first words broken off after a sentence ("Do you," then a
    pause), is said again to open the next sentence: the question is that one (a self-repair;
    Whisper ran the broken-off start onto the sentence before and wrote its rise as "?"). Not a
    tag after a negative clause ("It doesn't fit, does it? Does it need to?")."""
    clauses = _clauses(u)
    if nxt is None or len(clauses) < 2:
        return False
    start = _strip_lead_in([w for w in clauses[-1] if not is_hesitation(w)])
    again = _content(nxt)
    return (1 <= len(start) <= 3 and start[0] in AUX and len(again) > len(start) + 1
            and again[:len(start)] == start
            and not any(w in NEGATION or w.endswith("n't") for c in clauses[:-1] for w in c))


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


def _asked(question: Utterance) -> list[str]:
    """The words of the clause that asks in `question`, lead-ins stripped: a framing clause said
    before it ("Before I start, which kind of model ...") is not the question's wording."""
    asked = _strip_lead_in([WH_IS.get(t.norm, t.norm) for t in _from_asking_clause(question)
                            if not is_hesitation(t.norm)])
    if asked and asked[0] not in WH:  # a framing clause _from_asking_clause keeps with it
        last = _strip_lead_in(_clauses(question)[-1])
        asked = last if last and last[0] in WH else asked
    return asked


def _offers_an_answer(question: Utterance, u: Utterance) -> bool:
    """"What should I return if there's no answer? An empty string?": a phrase with no verb asked
    straight after a wh-question offers an answer to it; the two are one question. So does the
    choice it offers ("Before I start: which model would you like to hear about? A ranking model
    or a fraud model?": trial 29 counted two questions)."""
    asked = _asked(question)
    said = _strip_lead_in([w for w in u.norm_words if not is_hesitation(w)])
    return bool(asked) and asked[0] in WH and bool(said) and not _has_clause(said)


# "What is the prediction target? Is it the time from checkout to the door?": a yes/no question
# that puts a candidate answer to the wh-question just asked (its subject "it", "that", then a
# noun phrase) restates it more precisely; a person counts one question (trial 27). "How" and
# "why" ask for no thing to name; "What is the input? Is it sorted?" asks a property: two.
NAMING_WH = {"what", "which", "who", "where", "when"}
REFERS_BACK = {"it", "that", "this", "they", "those"}
NAMES_A_THING = {"the", "a", "an", "just", "only", "one", "some", "all", "each", "every"}


def _narrows(question: Utterance, u: Utterance) -> bool:
    """`u` offers an answer to the wh-question `question` ("Is it the time from ...?", "Do you
    mean the whole trip?"): the same question, narrowed, not a second one."""
    asked = _asked(question)
    said = _content(u)
    if not asked or asked[0] not in NAMING_WH or len(said) < 3:
        return False
    if said[:3] == ["do", "you", "mean"] or said[:2] == ["you", "mean"]:
        return True
    return said[0] in AUX and said[1] in REFERS_BACK and (said[2] in NAMES_A_THING or said[2].isdigit())


# "What is the expected scale? How many orders per second?", in one breath: the second puts a
# number on the size the first asked about, one question said more precisely. Counted apart, it
# and its repeat made "Asked 5 clarifying questions" of three (trial 34 D8). Not "Are we
# optimizing for precision? And how many posts are there?" nor "How many users are there? How
# many items are there?": the first asks no size in general.
SIZE_WORDS = {"scale", "size", "volume", "traffic", "load", "throughput", "qps", "big", "large"}
HOW_MUCH = (("how", "many"), ("how", "much"), ("how", "big"), ("how", "large"))


def _puts_a_number_on(question: Utterance, u: Utterance) -> bool:
    """`u` ("How many orders per second?") asks for the number of the size `question` asked about
    ("What is the expected scale?"): the same question, narrowed, not a second one."""
    said = _content(u)
    if said[:1] == ["and"]:
        said = said[1:]
    asked = _asked(question)
    return (tuple(said[:2]) in HOW_MUCH and tuple(asked[:2]) not in HOW_MUCH
            and any(w in SIZE_WORDS for w in asked))


# "Sorry, what do you mean by that? Are you asking about a specific kind of model?": the second
# sentence offers what the first asks the meaning of; "What's the budget? I mean, per request?"
# says the first again more precisely. One question in two sentences, which trial 33 counted as
# two ("Asked 2 clarifying questions"). Not "What do you mean by latency? And how many users?".
ASKS_MEANING = (("what", "do", "you", "mean"), ("what", "does", "that", "mean"), ("what", "does", "it", "mean"),
                ("what", "did", "you", "mean"), ("what", "is", "meant"), ("what", "are", "you", "asking"))
OFFERS_MEANING = (("are", "you", "asking"), ("are", "you", "talking"), ("do", "you", "mean"), ("did", "you", "mean"),
                  ("you", "mean"), ("is", "that", "about"), ("is", "it", "about"), ("are", "we", "talking"))


def _says_what_it_meant(question: Utterance, u: Utterance) -> bool:
    """`u` offers the meaning `question` asked for ("Are you asking about ...?" after "What do
    you mean by that?"), or opens with "I mean" to say `question` more precisely."""
    words = [w for w in u.norm_words if not is_hesitation(w)]
    while words and words[0] in ("so", "like", "or"):
        words = words[1:]
    if words[:2] == ["i", "mean"] and len(words) > 2:
        return True
    asked = [w for w in question.norm_words if not is_hesitation(w)]
    asks_meaning = any(tuple(asked[k:k + len(p)]) == p for p in ASKS_MEANING for k in range(len(asked)))
    return asks_meaning and any(tuple(words[:len(p)]) == p for p in OFFERS_MEANING)


# "Per user, or per API key," [silence]: a choice put to the interviewer falls on its last
# alternative, so no rise finds it, and tiny.en, hearing the sentence left open, ends it with a
# comma. Said last before the speaker stops and waits, the choice asks (over the 22 espeak parts,
# such utterances not found otherwise were 32 questions and 6 statements, 4 of them trailing off
# on "or..."; none in the human clips). Not a vague tail ("or something,") nor a long one.
VAGUE_ALTERNATIVE = {"something", "so", "whatever", "anything", "else", "other", "not", "two", "three"}
MAX_ALTERNATIVE_WORDS = 6


def _offers_a_choice_and_waits(u: Utterance, nxt: Utterance | None,
                               gaps: list[tuple[float, float]] | None) -> bool:
    toks = [t for t in u.tokens if not is_hesitation(t.norm)]
    if len(toks) < 3 or toks[-1].text.rstrip().endswith("!"):
        return False
    words = [t.norm for t in toks]
    ors = [k for k, w in enumerate(words) if w == "or" and k > 0]
    if not ors:
        return False
    if toks[-1].ends_sentence:
        # Closed with a period, the choice asks only when "or" opens its own phrase ("..., or
        # only the brackets.") and that is no list's last item ("more data, a simpler model,
        # regularization, or early stopping."): tiny.en drops the auxiliary of a choice it hears
        # falling ("you need the substring itself, or only its length."); over 25 espeak parts,
        # 10 such utterances no other cue found were questions, 3 not.
        # A word or two before it is no choice put to anyone ("Montreal, or Stalina.", a name
        # read in an affected voice).
        # Said last, as the answer ends, it is the closing statement ("I'd serve a cached feed,
        # or a popular one."; 14 of 3,781 typed answers end so): it asks only with more said after.
        if (nxt is None or not toks[ors[-1] - 1].comma_after or ors[-1] < MIN_CHOICE_WORDS
                or _list_before(toks, ors[-1])):
            return False
    elif not toks[-1].comma_after:
        return False
    alternative = words[ors[-1] + 1:]
    if not alternative or len(alternative) > MAX_ALTERNATIVE_WORDS or alternative[-1] in VAGUE_ALTERNATIVE:
        return False
    stops = nxt is None or (nxt.start - u.end >= TURN_GAP_S and not is_hesitation(nxt.tokens[0].norm))
    return stops and _waits_after(u, nxt, gaps)


def _list_before(toks: list, k: int) -> bool:
    """The two phrases before toks[k] (an "or") are short items of a list ("a simpler model,
    regularization, or ...")."""
    bounds = [j for j in range(k) if toks[j].comma_after or toks[j].ends_sentence]
    if len(bounds) < 2:
        return False
    items = [bounds[-1] - bounds[-2], bounds[-2] - (bounds[-3] if len(bounds) > 2 else -1)]
    return all(n <= MAX_LIST_ITEM_WORDS for n in items) and not toks[bounds[-2]].ends_sentence


MAX_LIST_ITEM_WORDS = 3
MIN_CHOICE_WORDS = 3  # words before the "or" of a choice closed with a period


def _narration_runs_on(u: Utterance, nxt: Utterance | None, gaps: list[tuple[float, float]] | None,
                       regions: list[SpeechRegion]) -> bool:
    """"I write the function, too, can I take in text and ...? I compute max...": an inverted
    clause run into the speaker's own narration, with no rise and no wait after it, is a
    misheard statement (tiny.en turned "tokenize takes in text" into "can I take in text?" in
    trial 26's code walk-through); asked, the speaker would stop or the voice would rise."""
    clauses = [c for c in _clauses(u) if c]
    # A short check of what was just said ("I'll assume keys are hashable, is that fine? ...
    # cool.") asks, even said on at once; the misheard statement has words of its own.
    return (len(clauses) > 1 and clauses[0][0] in FIRST_PERSON and len(_strip_lead_in(clauses[-1])) >= 5
            and question_cue(u, use_mark=False) == "inverted auxiliary"
            and runs_on(u, nxt, gaps) and not _rises_at_end(u, regions))


def _waits_after_tail(u: Utterance, nxt: Utterance | None, after: Utterance | None) -> bool:
    """The question `u` is followed by a short sentence `nxt` that asks nothing else and is no
    answer, plan or hand-back (trailing_questions.question_before_tail, the live round's rule),
    then a wait of at least TRAILED_QUESTION_WAIT_S before `after`: the question was put to the
    interviewer, however the sentence after it was heard. Trial 44: "... How do you measure when
    the arrival estimate was good? It's veganly, it's worse than veganly." (for "Is being late
    worse than being early?"), then 29.5 s of waiting, was taken as answered by the speaker."""
    from interviewer.core.trailing_questions import TRAILED_QUESTION_WAIT_S, question_before_tail
    from interviewer.core.transcript import Word

    if nxt is None or after is None or after.start - nxt.end < TRAILED_QUESTION_WAIT_S:
        return False
    return question_before_tail([Word(t.text, t.start, t.end) for t in (*u.tokens, *nxt.tokens)]) is not None


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
        if cue == "inverted auxiliary" and regions and _verb_after_a_period(u, utterances[i - 1] if i else None):
            cue = ""
        # Two words with a "?" and no question word ("A liner?" for a word cut off and said
        # again): too short to ask by a rise (MIN_RISING_WORDS); one word is judged below.
        fragment = 2 <= len(u.tokens) < MIN_RISING_WORDS and u.norm_words[0] not in WH
        if cue in STATEMENT_FORM and nxt is not None and nxt.start - u.end < TURN_GAP_S:
            cue = ""
        if cue == "question mark" and question_cue(u, use_mark=False) in {""} | STATEMENT_FORM and (
                not leaves_turn(u, nxt) or fragment):
            # A statement worded as one with a "?" (tiny.en writes it where the voice rises, also
            # on imperatives) asks only as a rise would (see below): if the speaker then waits.
            cue = ""
        if cue and regions and _narration_runs_on(u, nxt, gaps, regions):
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
            # A comma ends an utterance where a hesitation was cut off (above) or where the
            # speaker stopped: tiny.en often writes a question it heard as a statement with a
            # comma ("Negative numbers allowed,", "fixed window or sliding,") when nothing follows.
            ended = ended and (not u.tokens[-1].comma_after or nxt is None
                               or nxt.start - u.end >= TURN_GAP_S or is_hesitation(nxt.tokens[0].norm))
            tail = rising_aux_tail(u, regions)
            hes = after_hesitation(u)
            # tiny.en runs a question it heard as a statement into the sentence before it
            # ("Let me make sure I understand, so the input is sorted,"): its last phrase asks.
            for clause in (u, tail, hes, last_phrase(u)):
                # After a hesitation a wh-clause that rises asks ("..., um, who is allowed to
                # see which documents?"); falling it may be a relative clause going on.
                worded = (clause is hes and clause is not None and ended
                          and bool(question_cue(clause, use_mark=False)) and _rises_at_end(clause, regions))
                if (clause is not None and (worded or ends_rising(clause, regions, ended))
                        and not frames_question(clause) and not runs_on(clause, nxt, gaps)
                        and leaves_turn(clause, nxt) and _waits_after(clause, nxt, gaps)
                        and _rise_may_ask(clause, utterances[i - 1] if i else None, nxt)):
                    cue, u = "rising intonation", clause
                    break
        if not cue and regions and _offers_a_choice_and_waits(u, nxt, gaps):
            cue = "alternative question"
        if (not cue and i > 0 and checks_understanding([w for w in utterances[i - 1].norm_words if not is_hesitation(w)])
                and len(_content(u)) >= 3 and leaves_turn(u, nxt) and not _tag_runs_on(u, nxt, gaps)):
            cue = "confirmation"  # "Let me make sure I got it. | A user can make at most ...", then a wait
        if not cue and _tag_said_apart(u, utterances[i - 1] if i else None, nxt, gaps):
            cue = "tag question"
        if not cue and _reply_said_back(u, nxt):
            cue = "reply said back"
        if not cue and (assumed := _yes_no_answer_assumed(u, nxt)) is not None:
            cue, u = "answer assumed", assumed
        if not cue:
            continue
        if i > 0 and _tag_pair_said_apart(u, utterances[i - 1], nxt):
            prev = utterances[i - 1]
            if found and found[-1].start >= prev.start:
                found.pop()
            text = prev.text + " " + u.text
            found.append(AskedQuestion(text, prev.start, u.end, topics_in(text, keywords), "tag question"))
            asked_at = i
            continue
        said = " ".join(w for w in u.norm_words if not is_hesitation(w))
        if STORY_QUESTION.search(" ".join(u.norm_words)) or OWN_STORY_QUESTION.search(said) or stumbles(u, nxt):
            continue
        if acknowledges(u):  # "Longest substring without repeating characters, okay?": heard, not asked
            continue
        if asks_to_ask(u.text):  # "Can I ask a question?" is a request to ask, nothing asked yet
            continue
        if asks_to_repeat(u.text) or makes_small_talk(u.text):
            continue  # "Could you repeat that?", "How's it going?": nothing asked about the problem
        if (checks_in(u.text) or talks_to_self(u.text) or talks_to_self(" ".join(_clauses(u)[-1]))
                or wraps_up(u.text) or about_the_interview(u.text)):
            continue  # "Does that make sense?", "What else?", "Any hints?": nothing about the problem
        if ((_reported(u) or (i > 0 and _quoted_after_sentence(utterances[i - 1], u)))
                and question_cue(u, use_mark=False) != "confirmation"):
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
        asking = _strip_lead_in([WH_IS.get(w, w) for w in _clauses(u)[-1] if not is_hesitation(w)])
        if (cue == "question mark" and nxt is not None and nxt.norm_words[0] in RHETORICAL_ANSWER
                and nxt.start - u.end < 1.0 and (u.norm_words[0] in WH or (asking and asking[0] in WH))):
            continue
        if nxt is not None and _first_word(nxt) in SELF_ANSWER and nxt.start - u.end < SELF_ANSWER_GAP_S:
            continue
        after = utterances[i + 2] if i + 2 < len(utterances) else None
        if ((not _waits_after_tail(u, nxt, after) and (
                _answers_itself(u, nxt, gaps, after) or _says_yes_or_no(nxt, u) or _gives_short_answer(nxt, u)
                or _picks_own_alternative(nxt, u))) or _picks_own_alternative_inline(u)
                or _answers_own_choice_inline(u) or _assumes_answer_inline(u)
                or _answers_yes_no_inline(u)):
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
        if _start_said_again(u, nxt):
            continue  # the question's broken-off start, said again to open the next sentence
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
        if (found and asked_at == i - 1 and (_continues_question(u) or _restarts(utterances[i - 1], u)
                                             or _offers_an_answer(utterances[i - 1], u)
                                             or _narrows(utterances[i - 1], u)
                                             or _puts_a_number_on(utterances[i - 1], u)
                                             or _says_what_it_meant(utterances[i - 1], u))
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
    if expected_topics:
        # Asking whether something can be so, about no other topic, asks which inputs are valid: the
        # edge-case topic, as the interviewer's reply picks it (clarifying_responder). "Can the end
        # time be smaller than the start time?" was "Did not ask about: edge cases" (trial 24).
        validity = next((name for name, kws in expected_topics if about_validity(ClarifyingTopic(name, kws))), None)
        if validity is not None:
            questions = [replace(q, topics=(validity,)) if not q.topics and asks_if_possible(q.text) else q
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
