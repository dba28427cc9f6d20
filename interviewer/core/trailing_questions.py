"""Whether the candidate's last words are a question for the interviewer ("..., right?", two asked
in one breath, one that trails away): what the live round answers mid-answer.
"""
from __future__ import annotations

import re

from interviewer.core.analysis.question_wording import acknowledges, tells_what_is_done
from interviewer.core.conversation_cues import talks_to_self
from interviewer.core.transcript import Word, join_words


# One word said on its own that acknowledges or reacts ("Okay?", "Really?"): nothing to answer.
ACKNOWLEDGEMENT = {"okay", "ok", "alright", "sure", "good", "great", "cool", "fine", "really", "mhm"}


# Words that, alone after a question, only start a sentence never said ("... budget? Uh", "? And").
_FRAGMENT_WORDS = {"and", "so", "but", "or", "also", "then", "well", "like"}


def _without_trailing_fragment(words: list[Word]) -> list[Word]:
    """`words` without a last one or two words that are only hesitations or conjunctions after a
    question ("What is the latency budget? Uh", Whisper's tail of a breath): they hid the question."""
    from interviewer.core.analysis.fillers import is_hesitation

    for n in (1, 2):
        if len(words) > n and words[-n - 1].text.rstrip().endswith("?"):
            tail = [re.sub(r"[^\w']", "", w.text.lower()) for w in words[-n:]]
            if all(t and (t in _FRAGMENT_WORDS or is_hesitation(t)) for t in tail):
                return words[:-n]
    return words


# "... and that the dashboard would save the time we can work. Ah, did it?" (trial 48: "That is
# it." misheard): after a long answer, one to three words with no content word (an auxiliary, a
# pronoun) close the answer; they name nothing the interviewer could answer ("Good question.
# Pick whichever real example ..." was said). A short turn keeps them, and so does a short
# question with content or a question word ("Which metric?", "How often?", "Any latency
# budget?"). So does a check of the sentence before it ("Right?", "Isn't that right?"), which asks
# about that sentence: "... the labels come from chargebacks, which are like weeks late. Isn't
# that right?" (blind9) closes 34 words.
LONG_ANSWER_WORDS = 25
_NO_CONTENT = {"it", "that", "this", "they", "we", "you", "i", "he", "she", "there", "so", "not", "or", "then"}


def _bare_ellipsis(said: list[str]) -> bool:
    from interviewer.core.analysis.question_wording import AUX, TAG_END

    return 1 <= len(said) <= 3 and all(w in AUX | TAG_END | ACKNOWLEDGEMENT | _NO_CONTENT for w in said)


def _confirms(said: list[str]) -> bool:
    from interviewer.core.analysis.question_wording import TAG_END

    return (len(said) == 1 and said[0] in TAG_END) or bool(CONFIRMING_SENTENCE.match(" ".join(said)))


def _words_said(utterances) -> int:
    from interviewer.core.analysis.fillers import is_hesitation

    return sum(1 for u in utterances for t in u.tokens if not is_hesitation(t.norm))


def trailing_question(words: list[Word]) -> str | None:
    """The last sentence of `words` if it is a finished question (core.analysis.question_wording), else
    None. A lone tag right after a sentence asks with it ("The list fits in memory. Correct?"); a
    lone tag or acknowledgement with no sentence just before it asks nothing ("Okay?"); a one- or
    two-word hesitation or conjunction after a question does not hide it."""
    from interviewer.core.analysis.fillers import is_hesitation
    from interviewer.core.analysis.question_wording import MAX_TAG_GAP_S, TAG_END, question_cue, unfinished
    from interviewer.core.analysis.tokens import tokenize
    from interviewer.core.analysis.utterances import split_utterances

    tokens = tokenize(_without_trailing_fragment(words))
    if not tokens:
        return None
    utterances = split_utterances(tokens)
    last = utterances[-1]
    if talks_to_self(last.text):  # "What else?": thinking aloud; the interviewer lets them think
        return None
    # "Which model should I use for this... Probably trees first.": the voice trailed away and a
    # new sentence followed, the speaker's own answer; what comes after the trail must ask.
    tail = _after_trail(last)
    if tail is not None and not question_cue(tail):
        return None
    said = [t.norm for t in last.tokens if not is_hesitation(t.norm)]
    if _bare_ellipsis(said) and not _confirms(said) and _words_said(utterances[:-1]) >= LONG_ANSWER_WORDS:
        return None
    if len(said) == 1 and said[0] in TAG_END | ACKNOWLEDGEMENT:
        before = utterances[-2] if len(utterances) > 1 else None
        if said[0] in TAG_END and before is not None and last.start - before.end < MAX_TAG_GAP_S:
            return f"{before.text} {last.text}"
        return None
    if acknowledges(last):  # "Autocomplete for the search box, okay?": the problem said back
        return None
    # "I'm assuming English only for now. Is that right?": the check asks about the sentence
    # before it, so both are the question (trial 19: "Isn't that right?" alone was answered
    # "Make a reasonable assumption", right after the candidate had made one).
    before = utterances[-2] if len(utterances) > 1 else None
    if (before is not None and CONFIRMING_SENTENCE.match(" ".join(said))
            and last.start - before.end < MAX_TAG_GAP_S):
        return f"{before.text} {last.text}"
    # A fragment that opens like a question but never finishes ("may I add ...") waits for nothing.
    if question_cue(last):
        return None if unfinished(last) else last.text
    # "Is it batch. Or real time.": the choice Whisper cut off as a sentence of its own asks with
    # the question just before it.
    before = utterances[-2] if len(utterances) > 1 else None
    if (said[:1] == ["or"] and len(said) > 1 and before is not None and question_cue(before)
            and not unfinished(last) and last.start - before.end < MAX_TAG_GAP_S):
        return f"{before.text} {last.text}"
    return None


def marked_statement_in_narration(words: list[Word], question: str) -> bool:
    """`question` (one of `trailing_questions(words)`) asks by its question mark alone, with no
    question wording, and comes straight after a sentence of the speaker's own in the same turn:
    a statement tiny.en closed with "?" where the voice rose in narration ("I extend the end.
    Otherwise I append it." heard as "... I extend the end. Uh, er, why not up end it?", trial 28's
    code walk-through, got the no-fact reply). The analysis counts such a sentence only if the
    speaker then leaves the turn (questions.find_questions); where the candidate talks through
    their own work the round does not reply to it. Worded questions ("Should I handle the empty
    list here?") and one said first in a turn are not this."""
    from interviewer.core.analysis.fillers import is_hesitation
    from interviewer.core.analysis.question_wording import question_cue
    from interviewer.core.analysis.tokens import tokenize
    from interviewer.core.analysis.utterances import split_utterances

    tokens = tokenize(_without_trailing_fragment(list(words)))
    if not tokens:
        return False
    utterances = split_utterances(tokens)
    at = next((i for i in range(len(utterances) - 1, -1, -1) if utterances[i].text == question), None)
    if not at or not utterances[at].tokens[-1].question_mark or question_cue(utterances[at], use_mark=False):
        return False
    before = utterances[at - 1]
    said = [t.norm for t in before.tokens if not is_hesitation(t.norm)]
    return len(said) >= 3 and not question_cue(before)  # the speaker's own sentence, not a question


MAX_QUESTIONS_AT_ONCE = 3
# A sentence that only asks whether the sentence before it is so ("Is that okay?" asks leave for a
# plan, a question of its own).
CONFIRMING_SENTENCE = re.compile(
    r"^(?:(?:is|isn't|is not|was|wasn't) (?:that|this|it) (?:right|correct|true|fair|a fair assumption)"
    r"|(?:does|doesn't) (?:that|this) sound (?:right|correct|fair|reasonable)"
    r"|(?:am i|would i be) (?:right|correct))$")


def trailing_questions(words: list[Word]) -> list[str]:
    """The run of questions `words` end in, oldest first, each as `trailing_question` gives it:
    "What is the latency budget? And how many users are there?" asked in one breath gets both
    answered (only the last was: trial 12). A question the candidate answered themself before
    asking the next ("What's n? Probably a thousand. Is it sorted?") is not in the run; a choice
    said as a question of its own ("Is it batch? Or real time?") asks with the one before it."""
    out: list[str] = []
    rest = _without_trailing_fragment(list(words))
    while rest and len(out) < MAX_QUESTIONS_AT_ONCE:
        question = trailing_question(rest)
        if question is None:
            break
        rest = rest[:len(rest) - _words_in(rest, question)]
        if out and out[0].lower().startswith("or "):
            out[0] = f"{question} {out[0]}"
        else:
            out.insert(0, question)
    return out


def _words_in(words: list[Word], question: str) -> int:
    """How many of the last `words` say `question` (a sentence they end in). Not its
    space-separated tokens: Whisper's word pieces ("charge", "-in", "-ac") join into one, and
    counting those stripped too little, so the question before it was never seen (trial 22:
    "...the latency budget for a decision? And how quickly do we get charge-in-ac labels back?"
    got only the labels fact)."""
    wanted = len(question.split())
    for n in range(1, len(words) + 1):
        if len(join_words([w.text for w in words[-n:]]).split()) >= wanted:
            return n
    return len(words)


# "..., and what ...?": "and" then a word that opens a question starts another question.
_AND_ANOTHER_QUESTION = re.compile(
    r",?\s+and\s+(?=(?:what|how|which|who|where|when|why|whether|is|are|was|were|do|does|did|can|could|"
    r"should|will|would|must|may)\b)", re.IGNORECASE)


def question_parts(question: str) -> list[str]:
    """The questions joined in one sentence by "and" ("How many emails a day and what language
    is..." -> "How many emails a day", "what language is..."); [question] when there is one.
    Whisper often writes two questions said in one breath as one sentence."""
    parts = [p.strip() for p in _AND_ANOTHER_QUESTION.split(question)]
    if len(parts) < 2 or any(len(p.split()) < 2 for p in parts):
        return [question]
    return parts


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


_QUESTION_OPENERS = frozenset("""what what's whats which who whom whose where when why how how's is are was were
do does did can could should will would must may might has have had shall am isn't aren't don't doesn't
won't""".split())
_CONNECTIVES = frozenset("and so but also then okay ok oh".split())


def _elaborates(sentence: str) -> bool:
    """A sentence with a "?" that goes on with the question before it rather than asking another:
    a choice or an example offered for its answer ("When is the outcome known? Minutes after
    departure, or only when the passenger complains?", "Or real time?", "Like one percent?"),
    a short fragment, or a tag ("The shopper is waiting, right?")."""
    said = [w.strip(",.?!").lower() for w in sentence.split()]
    said = [w for w in said if w]
    while said and said[0] in _CONNECTIVES:
        said = said[1:]
    if not said:
        return True
    if said[0] in ("or", "like", "say"):
        return True
    if said[0] in _QUESTION_OPENERS:
        return False
    return len(said) <= 4 or " or " in f" {' '.join(said)} " or bool(re.search(r",\s*(?:right|correct|yes)\?$", sentence.lower()))


def asked_parts(text: str) -> list[str]:
    """The questions one turn of text asks, in order: its sentences that end in "?" (a sentence
    that asks nothing goes with the question it leads into, or follows the last), each split by
    `question_parts`; a sentence that goes on with the question before it (`_elaborates`: "Is it
    batch? Or real time?") stays with it. [text] when it asks one question or none. A person answers every
    question of "How many users do we have? And what latency budget do we have?"."""
    questions: list[str] = []
    leading: list[str] = []
    for sentence in (s.strip() for s in _SENTENCE_END.split(text.strip())):
        if not sentence:
            continue
        if not sentence.endswith("?"):
            leading.append(sentence)
        elif questions and not leading and _elaborates(sentence):
            questions[-1] = f"{questions[-1]} {sentence}"
        else:
            questions.append(" ".join([*leading, sentence]))
            leading = []
    if leading and questions:
        questions[-1] = " ".join([questions[-1], *leading])
    parts = [p for q in questions for p in question_parts(q)]
    return parts if len(parts) > 1 else [text]


# A question that trails away ("Which data structure should I use for this...") is answered only
# after this much silence: the trail says the speaker may go on ("... a heap, I think"), so an
# ordinary thinking pause must not be talked into. Pauses inside answers (docs/analysis.md,
# "Turn-taking"): median 1.2 s, 90th percentile 2.8 s, 1 of 30 at least 4 s (5.9 s, after a
# statement); an answer ends after 8 s of silence.
TRAILED_QUESTION_WAIT_S = 4.0


def trailed_question(words: list[Word]) -> str | None:
    """The last sentence of `words` when it trails away ("...") but the words before the trail
    are a finished question ("Which data structure should I use for this..."): the question,
    without the trail. None when it is no question or is cut off ("May I add...", "What is
    the..."); a question that `trailing_question` answers at once is not one of these."""
    if not words or not words[-1].text.rstrip().endswith(("...", "…")):
        return None
    last = words[-1]
    text = last.text.rstrip().rstrip(".…").rstrip()
    kept = [*words[:-1], Word(text, last.start, last.end)] if text else words[:-1]  # "this ..."
    return trailing_question(kept) if kept else None


def _after_trail(u):
    """The words of `u` (an analysis Utterance) after its last trail ("...") that a new sentence
    follows (a capitalised word other than "I"); None when there is no such trail."""
    from interviewer.core.analysis.utterances import Utterance

    for i in range(len(u.tokens) - 1, 0, -1):
        before, word = u.tokens[i - 1].text.rstrip(), u.tokens[i].text.strip()
        if before.endswith(("...", "…")) and word[:1].isupper() and re.split("['’]", word)[0] != "I":
            return Utterance(u.tokens[i:])
    return None


# A clarifying question Whisper wrote as a statement ("So the input is sorted." for "So the input
# is sorted?", "Negative numbers allowed,", or a misheard "Do I need..." as "I need...") is
# answered when the candidate then waits as for a reply: this long a silence (as a question that
# trails away: pauses inside answers are under 2.8 s nine times in ten), and only early in the
# answer, where clarifying questions are asked, and only when the sentence is about one of the
# question's clarifying topics (the round checks that). On the speech benchmark the text rules
# answer 226 of 379 spoken clarifying questions as tiny.en writes them; this rule 78 more
# (benchmarks/live_questions.py, docs/analysis.md "A question heard as a statement").
STATED_QUESTION_WAIT_S = TRAILED_QUESTION_WAIT_S
STATED_QUESTION_MAX_WORDS = 16  # clarifying questions are short; a longer sentence is explaining
STATED_QUESTION_EARLY_WORDS = 25  # words said since the question (or the last reply) before it


def stated_question(words: list[Word]) -> str | None:
    """The last sentence of `words` (the words since the question was asked or the interviewer
    last replied) when it may be a clarifying question heard as a statement: short, said early
    (few words before it), not a hand-back, a request for time or thinking aloud, not cut off,
    and no sentence since the question tells the candidate's own plan, work or design ("I'd
    use...", "we log...", "features are...", "labels come from..."): once they answer, a
    statement is part of the answer. None otherwise. Whether the part expects clarifying
    questions and the sentence is about a clarifying topic is the round's check."""
    from interviewer.core.analysis.fillers import is_hesitation
    from interviewer.core.analysis.tokens import tokenize
    from interviewer.core.analysis.utterances import split_utterances
    from interviewer.core.conversation_cues import wraps_up
    from interviewer.core.interview_requests import asks_for_thinking_time

    tokens = tokenize(list(words))
    if not tokens:
        return None
    utterances = split_utterances(tokens)
    last = utterances[-1]
    said = [t.norm for t in last.tokens if not is_hesitation(t.norm)]
    before = sum(len(u.tokens) for u in utterances[:-1])
    if not 2 <= len(said) <= STATED_QUESTION_MAX_WORDS or before > STATED_QUESTION_EARLY_WORDS:
        return None
    text = last.text.strip()
    if _after_trail(last) is not None:  # "Which model should I use... Probably trees.": answered itself
        return None
    if text.endswith(("...", "…")) or talks_to_self(text) or wraps_up(text) or asks_for_thinking_time(text):
        return None
    plans = [_plans([t.norm for t in u.tokens if not is_hesitation(t.norm)]) for u in utterances]
    if plans[-1] or any(p and not _assumes(u) for p, u in zip(plans[:-1], utterances)):
        return None  # "Then I'd use a two-tower model.": the solving has begun (not "I'll assume...")
    if any(tells_what_is_done([t.norm for t in u.tokens if not is_hesitation(t.norm)]) for u in utterances):
        return None  # "So we sort them by start time.", "For data, we log ...": solving, not asking
    if _OWN_DESIGN.search(" ".join(w.strip(",.;:!?") for w in said)):
        return None  # "Labels come from engagement within a day.": the candidate's own data, told
    if acknowledges(last):
        return None  # "Twenty-two teams, okay.": the candidate says back what the interviewer told
    return text


# A sentence that tells what the candidate's own design is made of ("Features are ...", "Labels
# come from engagement within a day.", trial 16): an answer, not a question heard as a statement.
_OWN_DESIGN = re.compile(r"\b(features?|labels?|signals?|training data|inputs?)\s+"
                         r"(are|is|come|comes|came|include|includes|would be|will be)\b")


# Words that tell what the candidate will do ("Then I'd use...", "For them I'll show..."): the
# solving has begun. Not "I'd like to know ...", an indirect question.
_PLAN_OPENERS = {"first", "then", "next", "finally", "let's"}
_WILL = {"i'd", "i'll", "we'll", "we'd"}
_WILL_PAIRS = {("i", "would"), ("i", "will"), ("we", "would"), ("we", "will"), ("let", "me"), ("let", "us")}
_LEAD_INS = {"okay", "ok", "so", "and", "alright", "right", "well", "great", "good", "sure", "yeah", "cool"}
_WISH = {"like", "love", "want"}


def _assumes(utterance) -> bool:
    """"I'll assume fifty million users.": a requirement settled, not the solving begun; the
    questions after it are still clarifying."""
    return any(t.norm.strip(",.;:!?") in ("assume", "assuming") for t in utterance.tokens)


# "I'm going to check the gradients", "the first thing I want to check is the learning rate":
# the candidate's own plan (trial13: the second got the setup fact over a thinking pause). Not
# "the thing I want to know is ...", which asks.
_GOING_TO = re.compile(r"\b(i'm|i am|we're|we are) (going to|gonna) (?!ask\b)")
_PLAN_CLEFT = re.compile(r"\bthings? (that )?(i|we) (want to|need to|have to|should|would|will) "
                         r"(?!(know|ask|understand|clarify|confirm)\b)\w+ (is|are|would be|will be)\b")


def _plans(said: list[str]) -> bool:
    """The sentence `said` (normalised words) tells what the candidate will do: it opens with
    "first", "then"... (after lead-ins), has "I'd", "we'll", "I will"... not followed by
    "like" / "love" / "want", "I'm going to ...", or names what they will do first ("the first
    thing I want to check is ...")."""
    words = [w.strip(",.;:!?") for w in said]
    while words and words[0] in _LEAD_INS:
        words = words[1:]
    if words and words[0] in _PLAN_OPENERS:
        return True
    text = " ".join(words)
    if _GOING_TO.search(text) or _PLAN_CLEFT.search(text):
        return True
    for i, word in enumerate(words):
        if word in _WILL:
            verb = words[i + 1:i + 2]
        elif tuple(words[i:i + 2]) in _WILL_PAIRS:
            verb = words[i + 2:i + 3]
        else:
            continue
        if not set(verb) & _WISH:
            return True
    return False


# A candidate checking an assumption, then waiting ("So the feed is for logged-in users only.",
# "I assume the list fits in memory.", "The goal is watch time, right?"): in a part for
# clarifying questions an interviewer confirms or corrects it with the fact, after a short
# acknowledgement (trial 14 met "So the feed is for logged-in users only." with silence). Only
# the interviewer's manners: what counts as a clarifying question is the analysis' question
# detector's to say.
CHECK_ACK = "Good check."
_CHECK_OPENERS = ("so", "i assume", "i'm assuming", "i am assuming", "i take it", "i guess",
                  "just to confirm", "to confirm", "just to check", "just to clarify", "i'll assume",
                  "i will assume", "let me confirm")
_CHECK_TAGS = ("right", "correct", "is that right", "is that correct")
_CHECK_LEAD_INS = {"okay", "ok", "alright", "and", "well", "great", "cool"}


def checks_understanding(sentence: str) -> bool:
    """`sentence` seeks confirmation of something the candidate takes to be so: it opens with a
    check marker ("So ...", "I assume ...", "I take it ...", "Just to confirm ...") and is no
    question of its own ("So what is the budget?" asks), or it ends with "right?" / "correct?"
    or an invitation to correct it ("..., unless you tell me otherwise.")."""
    from interviewer.core.analysis.fillers import is_hesitation
    from interviewer.core.analysis.question_wording import INVITES_CORRECTION

    words = re.findall(r"[a-z0-9']+", sentence.lower().replace("\u2019", "'"))
    while words and (words[0] in _CHECK_LEAD_INS or is_hesitation(words[0])):
        words = words[1:]
    text = " ".join(words)
    if any(text.endswith(" " + tag) for tag in _CHECK_TAGS):
        return True
    if INVITES_CORRECTION.search(text):  # "..., correct me if I'm wrong.": handed over to be checked
        return True
    return not sentence.rstrip().endswith("?") and any((text + " ").startswith(o + " ") for o in _CHECK_OPENERS)


def confirmation_check(words: list[Word]) -> str | None:
    """The last sentence of `words` when it checks an assumption with the interviewer
    (`checks_understanding`): short, not cut off, not a hand-back, a request for time or thinking
    aloud, not the candidate's own plan ("So the first thing I'd check is the data.") or what
    they do ("So we sort them first."), not the interviewer's words said back ("So fifty million
    users, okay."). None otherwise. Whether it is about one of the question's facts is the
    round's check (the same matcher as for a question)."""
    from interviewer.core.analysis.fillers import is_hesitation
    from interviewer.core.analysis.tokens import tokenize
    from interviewer.core.analysis.utterances import split_utterances
    from interviewer.core.conversation_cues import wraps_up
    from interviewer.core.interview_requests import asks_for_thinking_time

    tokens = tokenize(list(words))
    if not tokens:
        return None
    last = split_utterances(tokens)[-1]
    said = [t.norm for t in last.tokens if not is_hesitation(t.norm)]
    text = last.text.strip()
    if not 2 <= len(said) <= STATED_QUESTION_MAX_WORDS or not checks_understanding(text):
        return None
    if (_after_trail(last) is not None or text.endswith(("...", "\u2026")) or talks_to_self(text)
            or wraps_up(text) or asks_for_thinking_time(text)):
        return None
    if (_plans(said) and not _assumes(last)) or tells_what_is_done(said) or acknowledges(last):
        return None
    return text


# A sentence that only says a check follows ("Sorry, just to be sure.", "Just to double-check."),
# Whisper's own sentence before the check itself. The check after it asks, however the
# recogniser wrote it: trial 42's "Sorry, just to be sure. If a session ends at second five, and
# a hammer starts at second five, my merge name into one..." ("do I merge them into one?") got
# 10 s of dead air, no "?" and no question's wording left in it.
_ANNOUNCES_A_CHECK = re.compile(
    r"^(?:(?:sorry|okay|ok|so|and|but|um|uh|oh|right|alright|actually|also|wait|one more thing|one last thing)\s+)*"
    r"(?:just\s+)?(?:to\s+(?:be\s+(?:sure|clear)|make\s+sure|double\s*-?\s*check|confirm|check|clarify)"
    r"|so\s+i'?m\s+sure|checking|double\s*-?\s*checking)$")
ANNOUNCED_CHECK_MAX_WORDS = 2 * STATED_QUESTION_MAX_WORDS  # a check said out in full ("if ... and ..., do I ...")


def announces_a_check(sentence: str) -> bool:
    """`sentence` only says that a check follows ("Sorry, just to be sure.")."""
    text = " ".join(re.findall(r"[a-z0-9'-]+", sentence.lower().replace("\u2019", "'")))
    return bool(_ANNOUNCES_A_CHECK.match(text))


def announced_check(words: list[Word]) -> str | None:
    """The last sentence of `words`, without a trail ("..."), when the sentence just before it
    only announces a check ("Sorry, just to be sure.") and it is no plan, account of the
    candidate's work, hand-back or thinking aloud: the check the candidate then waits to have
    answered, whatever its wording as heard. None otherwise."""
    from interviewer.core.analysis.fillers import is_hesitation
    from interviewer.core.analysis.tokens import tokenize
    from interviewer.core.analysis.utterances import split_utterances
    from interviewer.core.conversation_cues import wraps_up
    from interviewer.core.interview_requests import asks_for_thinking_time

    tokens = tokenize(list(words))
    if not tokens:
        return None
    utterances = split_utterances(tokens)
    # The sentence before, also after a trail ("come to overlapping... Sorry, just to be sure."
    # is one utterance: a trail does not end one).
    announced = re.split(r"(?<=[.?!\u2026])\s+", utterances[-2].text.strip())[-1] if len(utterances) > 1 else ""
    if not announces_a_check(announced):
        return None
    last = utterances[-1]
    said = [t.norm for t in last.tokens if not is_hesitation(t.norm)]
    text = last.text.strip().rstrip(".…").rstrip()
    if not 2 <= len(said) <= ANNOUNCED_CHECK_MAX_WORDS or not text:
        return None
    if talks_to_self(text) or wraps_up(text) or asks_for_thinking_time(text) or acknowledges(last):
        return None
    if (_plans(said) and not _assumes(last)) or tells_what_is_done(said):
        return None
    return f"{announced} {text}"


# A short sentence straight after a question, before the candidate waits: the question's second
# half misheard ("How do you measure when the arrival estimate was good? It's veganly, it's worse
# than veganly." for "... Is being late worse than being early?", trial 44), not an answer given.
TAIL_MAX_WORDS = 8


def question_before_tail(words: list[Word]) -> str | None:
    """The question the candidate asked just before a last short sentence that is no question
    (`trailing_questions` gives none): the sentence before it asks (after a trail: its part after
    the trail, "Sorry, going back to my first question... How do you measure ...?"), and the last
    one is at most TAIL_MAX_WORDS words that are no plan, account of the candidate's work or
    design, assumption, answer ("because ..."), hand-back, thinking aloud or acknowledgement.
    The question, as said; None otherwise. Whether it is answered (only with a fact, after the
    wait a trailing question gets) is the round's check."""
    from interviewer.core.analysis.fillers import is_hesitation
    from interviewer.core.analysis.question_wording import question_cue, unfinished
    from interviewer.core.analysis.tokens import tokenize
    from interviewer.core.analysis.utterances import split_utterances
    from interviewer.core.conversation_cues import declines_to_ask, wraps_up
    from interviewer.core.interview_requests import asks_for_thinking_time

    tokens = tokenize(_without_trailing_fragment(list(words)))
    if not tokens:
        return None
    utterances = split_utterances(tokens)
    if len(utterances) < 2:
        return None
    asked, tail = utterances[-2], utterances[-1]
    asked = _after_trail(asked) or asked
    if not asked.tokens[-1].question_mark or not question_cue(asked) or unfinished(asked):
        return None
    said = [t.norm for t in tail.tokens if not is_hesitation(t.norm)]
    text = tail.text.strip()
    if not said or len(said) > TAIL_MAX_WORDS or question_cue(tail) or said[0] == "because":
        return None
    if (talks_to_self(text) or wraps_up(text) or declines_to_ask(text) or asks_for_thinking_time(text)
            or acknowledges(tail) or _after_trail(tail) is not None or text.endswith(("...", "\u2026"))):
        return None
    if _plans(said) or _assumes(tail) or tells_what_is_done(said) or _OWN_DESIGN.search(" ".join(said)):
        return None
    question = asked.text.strip()
    return None if talks_to_self(question) or wraps_up(question) else question


# A sentence that opens by saying it asks or checks something ("Sorry, so, just to be sure, ...",
# "Before I start, ...", "To confirm, ...", "Is there ...", "Which optimizer ..."), said at the start
# of an answer and followed by a wait: a question, however the recogniser wrote the rest. Trial 46:
# "Sorry, so, uh, just to be sure, which optimizer was it again, and is there a learning rate
# warmup?" came out "..., just to be sure, we chop to my burnt one lid again, and it's never learning
# rate warm up." (no "?"), in a part not for clarifying questions: no rule took it for one, the
# silence after it ended the answer with "Okay, thanks." and the question was never answered.
_CHECK_LEAD_IN_WORDS = (r"(?:(?:sorry|okay|ok|so|and|but|oh|right|alright|actually|also|wait|well|um|uh|er|hmm"
                        r"|one more thing|one last thing)\s+)*")
_ASKS_OR_CHECKS = re.compile(
    "^" + _CHECK_LEAD_IN_WORDS +
    r"(?:(?:just\s+)?to\s+(?:be\s+(?:sure|clear)|make\s+sure|double\s*-?\s*check|confirm|check|clarify)"
    r"|so\s+i'?m\s+sure|(?:just\s+)?(?:checking|double\s*-?\s*checking)"
    r"|before\s+(?:i|we)\s+(?:start|begin|get\s+started|go\s+on|go\s+ahead|dive\s+in|jump\s+in|answer)"
    r"|(?:a\s+|one\s+|another\s+)?(?:quick\s+|small\s+|clarifying\s+)+question"
    r"|i\s+assume|i'?m\s+assuming|i\s+am\s+assuming|i\s+take\s+it"
    r"|(?:is|are|was|were|does|do|did|can|could|will|would|should)\s+(?:there|it|the|this|that|these|those|you|we)"
    r"|(?:what|how)\s+(?:is|are|was|were|does|do|did|kind|type|sort|many|much|big|large|long|often)"
    r"|what's|how's|which\s+(?!is\b|was\b|means\b|meant\b|makes\b|made\b|would\b|will\b)[a-z]+)\b")
_ANSWER_BEFORE_CHECK_WORDS = STATED_QUESTION_EARLY_WORDS


def asks_or_checks(sentence: str) -> bool:
    """`sentence` opens by asking or checking something (_ASKS_OR_CHECKS), after lead-ins
    ("Sorry, so, uh, just to be sure, ..."), and has words after that opening."""
    text = " ".join(re.findall(r"[a-z0-9'-]+", sentence.lower().replace("\u2019", "'")))
    match = _ASKS_OR_CHECKS.match(text)
    return bool(match) and len(text[match.end():].split()) >= 2


def check_before_answer(words: list[Word]) -> str | None:
    """The words since the question (or the interviewer's last reply) when they are a short turn
    that asks or checks something and says nothing of an answer: its last sentence opens with an
    ask or a check (`asks_or_checks`, or the sentence before only announces one: `announced_check`),
    it is at most ANNOUNCED_CHECK_MAX_WORDS words with few words before it, and no sentence is a
    plan, an account of the candidate's work or design, a hand-back, a request for time or
    thinking aloud. The check, as said; None otherwise. Said as a statement (the recogniser wrote
    no "?"), it is a question all the same when the candidate then waits: the round answers it
    with a fact or says it did not catch it (clarifying_turns), in any part."""
    from interviewer.core.analysis.fillers import is_hesitation
    from interviewer.core.analysis.tokens import tokenize
    from interviewer.core.analysis.utterances import split_utterances
    from interviewer.core.conversation_cues import says_done
    from interviewer.core.interview_requests import asks_for_thinking_time

    announced = announced_check(words)
    tokens = tokenize(list(words))
    if not tokens:
        return None
    utterances = split_utterances(tokens)
    last = utterances[-1]
    said = [t.norm for t in last.tokens if not is_hesitation(t.norm)]
    before = sum(len(u.tokens) for u in utterances[:-1])
    text = last.text.strip().rstrip(".…").rstrip()
    if announced is None and (not asks_or_checks(text) or not 2 <= len(said) <= ANNOUNCED_CHECK_MAX_WORDS):
        return None
    if before > _ANSWER_BEFORE_CHECK_WORDS + (len(announced.split()) if announced else 0):
        return None
    for u in utterances:
        plain = [t.norm for t in u.tokens if not is_hesitation(t.norm)]
        sentence = u.text.strip()
        if says_done(sentence) or talks_to_self(sentence) or asks_for_thinking_time(sentence):
            return None
        if u is last and announced is None:
            continue  # "To confirm, we use Adam.": what a check says is what it asks to confirm
        if ((_plans(plain) and not _assumes(u)) or tells_what_is_done(plain)
                or _OWN_DESIGN.search(" ".join(w.strip(",.;:!?") for w in plain))
                or (plain and plain[0].strip(",.;:!?") == "because")):
            return None
    return announced or text
