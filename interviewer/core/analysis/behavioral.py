"""What interviewers listen for beyond fluency: STAR parts, hedging, "I" against "we", and
whether the candidate restated the problem. The depth signals built on these (STAR in order, a
quantified result, tradeoffs, numbers...) are defined in core/analysis/depth.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from interviewer.core.analysis.utterances import Utterance

_NUMBER = (r"(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
           r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)")
# The verbs of a story's actions: "I rewrote it", "we talked": a STAR action cue after "I" or "we", and
# who acted (`action_subjects`).
_ACTION_VERBS = (r"(decided|built|added|wrote|designed|implemented|created|led|started|proposed|set up|"
                 r"reached out|talked|spoke|worked|convinced|organized|analy[sz]ed|investigated|migrated|"
                 r"introduced|changed|fixed|ran|trained|deployed|automated|met|rewrote|prototyped|"
                 r"collected|measured|escalated|negotiated|pushed|split|replaced|moved|took(?! (ownership|charge|responsibility|on)\b)|gave|reviewed|coached|"
                 r"mentored|paired|removed|retrained|cleaned|tested|refactored|profiled|rolled back|asked|suggested|"
                 r"rebuilt|pulled|deduplicated|traced|switched|looked into|looked at|went back|phoned|called|"
                 # part 21: "we went through the logs, we found a race", "I made one small test, I showed him"
                 r"went through|found|made|showed|"
                 # part 22: "we recorded station noise, we mixed it in, we tuned the threshold", "we decide to try"
                 r"recorded|mixed|tuned|tried|decide to|"
                 # trial 28: "I shared the data, and we agreed on a two week test"
                 r"shared|agreed (on|to)|"
                 # trial 48: "I also offered to build the dashboard myself", "I volunteered to take the calls"
                 r"offered to|volunteered to|"
                 # the perfect, as some speakers tell a story: "I have added the weather and the traffic"
                 r"written|taken|spoken|run)")
# What is cut or reduced as part of the work, not a measure of its result (`STAR_CUES` "result").
_NOT_A_MEASURE = r"(scope|plan|plans|features?|requirements|roadmap|corners|work|project|meetings?)\b"
# Before a change, what says it was meant, not what came of it: "we wanted to cut it from six hours to
# one", "the plan was to go from two servers to ten" (`STAR_CUES` "result").
_PLANNED = "".join(rf"(?<!\b{w} to )" for w in (
    "want", "wanted", "wants", "plan", "planned", "plans", "need", "needed", "needs", "aim", "aimed", "aims", "hope",
    "hoped", "try", "tried", "going", "was", "is", "were", "had", "have", "would", "like", "supposed", "meant",
    "expected", "promised", "agreed", "asked", "decided"))
# Who or what a finding is about, opening a clause after "I learned": others, not the speaker.
_FOUND_SUBJECT = (r"(they|he|she|there|their|his|her|our|most|many|some|several|few|none|nobody|no one|everyone|"
                  r"everybody|users|customers|people|clients|(it|this|that) (was|is|had|has|did|didnt|wasnt)|"
                  r"the \w+s (were|are|had|needed|wanted|used|did|didnt|only))\b")
STAR_CUES = {
    "situation": r"\b((in|at) (my|the|our) (last|previous|current|old|former|first) (role|job|team|company|position)|"
                 # part 22: "our transcription kept mangling medicine names" (not "I kept asking")
                 r"(?<!\bi )(?<!\bwe )kept \w+ing\b|"
                 r"at my (last|previous|"
                 r"old|current) (job|company|role)|back (when|in)|when i was|there was a|we were|our team|"
                 r"the (situation|context|background|problem) was|(the )?situation\b|the context\b|"
                 r"^((so|ok|okay|well|and|right|alright|sure) )*context\b|for context\b|"
                 # "my role was on a small project..." sets the scene; "my role was to..." is the task
                 r"my role was (on|in|at)\b|(this|it) was (at|back at|back when|when)\b|"
                 r"i was (working|employed) (for|at|with)|"
                 r"i worked (for|at)|"
                 # trial 44: "when we joined the payments team, they did not know us" (heard "when we join
                 # the payment team"): the scene opens where the candidate came in
                 r"when (i|we) (first )?(joined|join|moved (to|into|over to)|came (to|into|over to)|arrived (at|in)|"
                 r"started (at|in|on) (the|a|an|my|our|this|that)|took over)\b|"
                 r"((a|a few|a couple of|a couple|\w+) )?(years|months|weeks) (ago|back)|a while (ago|back)|last year|"
                 # part 21: "a couple of years back, a new hire on my team..."; not "late once since", "not once"
                 r"(?<!\bnot )(?<!\bnever )"
                 r"once(?! (in|a|an|every|per|or|more|again|twice|daily|weekly|monthly|since)\b)|one time|(we|i) had (a|an|this|some|one)|last (spring|summer|autumn|fall|winter)|"
                 # "at the recipe app, search returned nothing", "so, in the food truck company, the drivers ..."
                 # (part 20), "the team used to...", "we only had two agents"
                 r"(^((so|ok|okay|well|and|um|uh|yeah|right|alright) ){0,3}"
                 r"|(when i was|while i was|i worked|i was working|back) )"
                 r"(at|in) (the|my|our|a|an) (\w+ ){0,2}?(app|company|startup|team|shop|bank|store|firm|lab|agency|"
                 r"hospital|retailer|site|platform|marketplace|studio|employer|agency|school|university|"
                 r"startup|nonprofit|charity|bakery|restaurant|clinic|factory|warehouse)|"
                 # "at my last studio, new players were quitting": a past workplace anywhere
                 r"at (my|our) (last|previous|old|former|first) \w+|"
                 # a story that opens on the product: "our salon booking app sent reminders at a fixed
                 # time, and ..." (part 20; so an unpunctuated story still shows its scene)
                 r"^((so|ok|okay|well|and|um|uh|yeah|right|alright) ){0,3}our (\w+ ){0,3}?(app|product|site|"
                 r"website|service|platform|system|pipeline|model|store|shop|team|company|startup|dashboard|tool)\b|"
                 r"(we|i|they|people|everyone|everybody|[a-z]+s)"
                 r"(?<!\bis)(?<!\bwas)(?<!\bgets)(?<!\bhas)(?<!\bdoes) "
                 r"used to|(we|i) (only|just|barely) had)\b",
    "task": r"\b(i was (responsible|asked|tasked|the only|the one|in charge)|we had to|"
            # part 21: "the team was asked to fix it", "I'd been asked to onboard her", "we were tasked with"
            r"(was|were|been) (asked|tasked) to|(was|were|been) tasked with|"
            # "I was given the task to make it better", "I was assigned the ticket"
            r"i was (given|assigned|handed) (the|a|an|that|this|my|our) (\w+ )?(task|job|problem|project|ticket|bug|"
            r"issue|assignment)|"
            # "I was given that bug as my first ticket", "as the only one who knew it, I took ownership of it"
            # (part 20)
            r"i was (given|assigned|handed) (\S+ ){1,3}?as (my|our) (\w+ )?(task|ticket|project|job|assignment)|"
            r"i took (ownership|charge|responsibility) (of|for)|i took (it|this|that) on|i volunteered to|"
            # part 22: "I took on reducing that", "the manager say to us: improve the watch time", and the labels
            # said aloud ("Task: we had one sprint"), not "the task we had"
            r"i took on (\w+ing|the|this|that|a)|"
            r"(manager|boss|lead|director|client|customer|cto|ceo|product manager|pm) (say|says|said|told|asked|wanted|gave|"
            r"handed|assigned) (to )?(us|me)|"
            r"^((so|and|then|ok|okay) )?task\b|(?<!\bthe )(?<!\ba )(?<!\bmy )(?<!\bour )(?<!\bthis )(?<!\bthat )(?<!\bone )"
            r"(?<!\bof )(?<!\bthe )task (we|i|was|is|my|our)\b|"
            r"i stepped up to|"
            r"my (task|job|role|goal|responsibility|"
            r"mission) was(?! (on|in|at)\b)|i had to|i needed to|we needed to|the goal was|i owned|owned the|"
            r"i was supposed to|the challenge was|my (task|job|goal|mission)\b|i needed (\w+ )?to|"
            r"(the|our|my) (team'?s |teams )?(goal|task|ask|job)( \w+){0,3} was|"
            # "the task for the on-call, which was us, was to get it back"
            r"(the|our|my) (goal|task|ask|job|mission)( \S+){0,10}? was to|"
            # "my manager gave me the job of cutting them down"
            r"(gave|handed|assigned|left) me (the )?(job|task|problem) of|asked me to|tasked me with|"
            r"put me in charge)\b",
    "action": r"\b((i|we) ((have|had) )?" + _ACTION_VERBS + r"|(i've|we've|ive|weve) (added|built|rebuilt|written|changed|fixed|"
              r"moved|replaced|trained|retrained|set up|created)|"
              # "so I rewrote it"; not a story's opening "so I was working for..."
              r"so i(?! (was|had|am|have|think|guess|mean|worked|joined|used)\b)|i then|what i did|"
              r"first i|next i|then i|"
              # part 22: the label said aloud ("Action: we recorded ..."), not "the action we took"
              r"^((so|and|then|ok|okay) )?actions?\b|(?<!\bthe )(?<!\ban )(?<!\bmy )(?<!\bour )(?<!\bthis )(?<!\bthat )"
              r"(?<!\bof )(?<!\bno )(?<!\bone )action (we|i)\b)\b",
    "result": r"\b(^results?\b|(?<!\bthe )(?<!\ba )(?<!\bmy )(?<!\bour )(?<!\bthis )(?<!\bthat )(?<!\bend )(?<!\bas )"
              r"(?<!\bno )(?<!\bof )result (the|we|i|it|our|they)\b|"
              # part 22: "the kiosk worked far better", "they use it every day now", "it saves them a lot of time"
              r"(worked|works|ran|runs|performed|performs) (\S+ ){0,2}?better|"
              r"(use|uses|using) it (every (day|week|morning|shift)|daily|all the time)|"
              r"(saves|saved) (them|us|me|the team|everyone|people) (a lot of|so much|hours of|lots of) time|"
              r"since then|from then on|came out (\S+ ){0,4}?(better|worse|ahead|behind)|as a result|the result|(the )?end result|in the end|at the end(?! of)|eventually|ultimately|outcome|we (reduced|increased|"
              r"improved|saved|caught|shipped|launched|grew|hit|reached|beat)|which (led|resulted|"
              r"reduced|improved|saved|cut)|(reduced|increased|improved|cut|saved)(?! (the |our |its |their |my )?" + _NOT_A_MEASURE + r") .* by|"
              # "I learned that I should ask first" is a lesson, a result; "I learned (that) they needed a
              # range" is what the candidate found out before acting ("that" is often left out in speech;
              # trial 49: read as a result before the actions, "out of order")
              r"i learned(?! that (?!(i|we|you)\b))(?! " + _FOUND_SUBJECT + r")|"
              r"lesson|impact|"
              # part 20: a result in plain words, without a number: "the sales became better, quite a lot
              # better", "people liked it and it's still running"
              r"(became|got|gotten|become|becomes|gets|getting) (\S+ ){0,2}?better|"
              r"(its|it is|theyre|they are|is|are) still (running|in use|in production|live|being used|used)|"
              r"(people|users|customers|everyone|everybody|they|the team|the \w+s) (really |all )?"
              r"(liked|loved|appreciated|adopted) it|"
              # How people end a story in plain words: "it worked out fine", "it paid off".
              r"(worked|turned) out|paid off|"
              # part 21: what has held since: "it hasn't been late once since", "we haven't had an outage since"
              r"(hasn'?t|has not|haven'?t|have not) (\S+ ){1,4}?since\b|"
              r"went ((really|very|pretty|quite) )?(well|smoothly)|ended up|"
              r"(went (down|up)|dropped|fell|rose|improved) (noticeably|a lot|sharply|significantly|dramatically|"
              r"considerably)|got (\S+ ){1,5}?(down|up) to|"
              # "we got it back in about forty minutes", "had everything fixed within a day"
              r"(got|had|brought) (it|them|everything|things|the \w+) (back|fixed|done|working|running|live|out|"
              r"approved|merged|signed off|shipped|finished|migrated|moved|launched|deployed|accepted|adopted|released)"
              r"( up| online| again)? (in|within|after)|"
              # A measure that changed, whoever changed it: "the failures dropped by 80%",
              # "the team saved ten hours", "latency went down to 40 ms".
              # Not the work cut down to size: "we cut the scope to the top ten categories" is an action,
              # and its number no result (trial 42: praised as "Quantified results").
              r"\b" + _PLANNED + r"(dropped|fell|went (down|up)|rose|grew|decreased|increased|reduced|improved|shrank|closed|narrowed|"
              r"cut|doubled|halved|tripled)(?! (the |our |its |their |my )?" + _NOT_A_MEASURE + r")( \S+){0,3} (by|to|from)|"
              # A measure said before and after, whoever changed it and however many words it takes to
              # name it: "we cut their model retraining time from six hours to forty minutes" (trial 44:
              # no result heard). Not a plan or a goal: "we wanted to cut it from six hours to one".
              r"\b" + _PLANNED + r"(?<!\bwould )(?<!\bwill )(?<!\bcould )(?<!\bshould )(?<!\bcan )(?<!\bwed )"
              r"(cut|cuts|reduced|brought|got|lowered|shortened|sped up|dropped|fell|went|improved|increased|raised|"
              r"grew|rose|decreased|shrank|pushed|moved|took)(?! (the |our |its |their |my )?" + _NOT_A_MEASURE + r")"
              r"( \S+){0,6}? from (about |around |roughly |nearly |over |almost )?(\d|" + _NUMBER + r"|a |an )\S*( \S+){0,3}? "
              r"to (about |around |roughly |nearly |under |below |just |only |less than )?(\d\w*|" + _NUMBER + r"|a |an |half|zero)|"
              # "we got the gap down from twelve points to three"
              r"\b(down|up) from \S+( \S+){0,3} to|"
              # "with NDCG up by two points", "latency down by a third"
              r"\b(up|down) by (\d+|a |an |half|" + _NUMBER + r")|"
              # "the precision went from about thirty percent to fifty-five": a measure, not a plan
              r"\b" + _PLANNED + r"(went|go|goes|going|gone) from (\S+ ){0,4}?(\d|a|an|half|" + _NUMBER + r")\S*( \S+){0,4} to|"
              # "cancellations were down about eighteen percent"
              r"\b(were|was|is|are) (down|up) (by )?((about|around|roughly|nearly|over|almost) )?(\d+|" + _NUMBER + r")|"
              # trial 28: a change said as a noun with its number, "a one percent drop in clicks", "a 20
              # percent increase in sign-ups", and what a test showed ("the test showed that 1 % ...")
              r"(\d|" + _NUMBER + r"|percent|%)\S*( \S+){0,2}? (drop|decrease|increase|rise|fall|reduction|"
              r"improvement|gain|lift|jump|decline|boost|uplift|dip|cut)s? (in|of)\b|"
              r"(test|tests|experiment|pilot|trial|canary|rollout) (\S+ )?(showed|proved|confirmed)|"
              # trial 44: "the new loader made the job twice as fast", "three times faster"
              r"(twice|(two|three|four|five|six|seven|eight|nine|ten|\d+) times|\d+ ?x) (as (fast|quick|cheap|big|small|"
              r"many|much|often|good|accurate|reliable)|faster|quicker|cheaper|smaller|bigger|fewer|more|less|better)|"
              r"(saved|doubled|halved|tripled)( \S+){0,4} "
              r"(\d|hours?|days?|weeks?|months?|minutes?|money|dollars|time|percent))\b",
}
STAR_RE = {k: re.compile(v) for k, v in STAR_CUES.items()}
# A behavioral question that asks for a story ("Tell me about a time...", "Give me an
# example"): only such answers are read for STAR parts and numbers, not a greeting or a
# follow-up such as "What did the other team get out of it?".
# A follow-up asks for a story too when it asks for another one ("Tell me about another time...",
# "Do you have another example?", "Was there a moment when you lost that trust?"): its answer was
# not read for STAR parts, a quantified result or "I" against "we" (trial leftovers, B3).
_ANOTHER = r"(another|one more|a different|a second|an other)"
STORY_PROMPT = re.compile(
    r"\b((tell|talk) (me|us) about|describe|walk me through|give me|share) (a|an|one|some|the|" + _ANOTHER[1:-1]
    + r")? ?((later|recent|specific|concrete|real|good) )?(time|situation|project|moment|occasion|decision|case|"
    r"example|someone|person|colleague|conflict|disagreement|mistake|failure|story)\b|\ba time (when|you|that|"
    r"where|the)\b|\b" + _ANOTHER + r" (example|story|situation|occasion|instance|time (when|you|that|where))\b|"
    r"\b(was|is) there (ever )?(a|an|another) (time|moment|situation|occasion) (when|where|that)\b")


def asks_for_story(question_text: str | None) -> bool:
    """True when the question asks for a story (or is not known: judge the answer as one)."""
    return question_text is None or bool(STORY_PROMPT.search(question_text.lower()))


def tells_story(utterances: list[Utterance], asked: list[tuple[float, float]]) -> bool:
    """Whether the answer says anything beyond its clarifying questions (`asked`: their (start,
    end)): a part that only asked "Does it have to be a work example?" and thanked the interviewer
    is an exchange about the question, not a story missing its task and result."""
    def inside(u: Utterance) -> bool:
        return any(s - 0.05 <= u.start and u.end <= e + 0.05 for s, e in asked)
    return sum(len(u.norm_words) for u in utterances if not inside(u)) >= MIN_FRAME_WORDS


HEDGE = re.compile(
    r"\b(i think|i guess|maybe|probably|i'?m not sure|not sure|perhaps|i believe|possibly|i suppose|"
    r"hopefully|somewhat|might be|could be|i feel like|more or less)\b")
I_WORDS = {"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"}
WE_WORDS = {"we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"}
# A phrase that says a restatement follows, whatever comes after: "So the problem is ...".
RESTATE = re.compile(
    r"\b(so the (problem|question|goal|task) is|if i understand (it|this|that|you|the \w+) (correctly|right)|"
    r"to restate|let me restate|so you'?re asking|let me make sure i understand|you'?re asking)\b")
# A phrase that may lead a restatement or something else: "In other words, is it okay to modify
# the list?" re-asks a clarifying question, "Just to make sure, can it be empty?" asks a new one
# (trial 42: both praised as "Restated the problem"). It counts with the question's own words
# after it (RESTATE_WORDS of them).
MAY_RESTATE = re.compile(
    r"\b(if i understand|so you want|the goal is to|so we want to|so we need to|so the idea is|"
    r"just to make sure|in other words|to make sure i understand)\b")
RESTATE_WORDS = 3
STOP = {"the", "a", "an", "of", "to", "in", "for", "and", "or", "is", "are", "you", "your", "how",
        "what", "would", "do", "does", "we", "i", "it", "on", "with", "that", "this", "be", "can",
        "tell", "me", "about", "time", "when", "design", "describe", "walk", "through", "system"}


MIN_PROBLEM_WORDS = 5  # content words of a question that poses a problem to restate
# Words of a question that name nothing of its problem ("What did it cost you, and was it worth it?"
# names a cost, a team and a worth).
_FUNCTION_WORDS = frozenset({"did", "was", "were", "has", "have", "had", "been", "will", "not", "but", "then",
                             "there", "they", "them", "their", "from", "which", "who", "why", "where", "could",
                             "should", "any", "all", "one", "its", "our", "out", "yes", "now", "also"})
RESTATED_SHARE = 0.4  # of the sentences' content words, the question's own in a restatement
FILLER_WORDS = {"okay", "um", "uh", "umm", "hmm", "yeah", "right", "well", "alright", "just", "like"}


@dataclass(frozen=True)
class Mention:
    text: str
    start: float

    def to_dict(self) -> dict:
        return {"text": self.text, "start": round(self.start, 3)}


@dataclass
class StarResult:
    seconds: dict[str, float] = field(default_factory=dict)  # part -> seconds spent
    first_at: dict[str, float] = field(default_factory=dict)

    @property
    def present(self) -> list[str]:
        return [p for p in STAR_CUES if p in self.first_at]

    @property
    def missing(self) -> list[str]:
        return [p for p in STAR_CUES if p not in self.first_at]

    def to_dict(self) -> dict:
        return {"present": self.present, "missing": self.missing,
                "seconds": {k: round(v, 2) for k, v in self.seconds.items()},
                "first_at": {k: round(v, 3) for k, v in self.first_at.items()}}


# A story opens by setting the scene and closes on what came of it, whatever words it uses: a first
# sentence told in the past that names no task, action or result ("So on-call for the pricing models
# was miserable, I was getting paged fifteen times a week") is the situation; a last sentence with a
# number, after the actions, that names no part ("we cleared about forty thousand forms in three
# weeks") is the result.
_PAST = re.compile(r"\b(was|were|had|used to|kept|\w{3,}ed)\b")
_COUNT = re.compile(r"\b(\d|" + _NUMBER + r"|half|a third|a quarter|double|twice)")
# ...unless it says what was meant, not what came of it: "we wanted to cut it from six hours to one".
_MEANT = re.compile(r"\b(wanted|planned|needed|aimed|hoped|tried|was supposed|were supposed|was meant|were meant) to\b|"
                    r"\b(the|our|my) (plan|goal|aim|target|idea) (was|is)\b")
MIN_FRAME_WORDS = 4


# A result cue that follows the task's in the same clause says what the task was to achieve, not
# what came of it: "my task was to make sure we launched safely", "the goal was to cut the bill by a
# third" (trial 48: that task sentence was heard as the result, and a story told in order read "out
# of order: situation, task, result, action"). A clause that goes on ("..., and in the end we cut it
# by half"), or a sentence run on without full stops past an action ("my job was to fix it i retrained
# the model the gap closed to one percent"), may tell the result: the goal follows the task within
# GOAL_WORDS, with no action between.
_CLAUSE_GOES_ON = re.compile(r"\b(and|but|so|then|which|after|until|because|eventually|finally)\b")
GOAL_WORDS = 12


def cue_matches(text: str) -> dict[str, re.Match]:
    """STAR part -> its first cue in `text` (a sentence, as the patterns read it), no result cue
    that only names the task's goal."""
    out = {p: m for p, rx in STAR_RE.items() if p != "result" and (m := rx.search(text))}
    task = out.get("task")
    m = STAR_RE["result"].search(text)
    while m is not None:
        between = text[task.end():m.start()] if task is not None and m.start() >= task.end() else None
        if (between is None or len(between.split()) > GOAL_WORDS or _CLAUSE_GOES_ON.search(between)
                or STAR_RE["action"].search(between)):
            out["result"] = m
            break
        # The goal's match may run on over the result ("my job was to cut the re-records ... went down
        # by sixty percent"): look again from just after where it starts.
        m = STAR_RE["result"].search(text, m.start() + 1)
    return {p: out[p] for p in STAR_CUES if p in out}


def _cue_parts(text: str) -> list[str]:
    return list(cue_matches(text))


def framing_parts(utterances: list[Utterance]) -> dict[int, str]:
    """Utterance index -> the STAR part it holds by its place in the story (see above), for the
    first and last utterances that no cue marks."""
    texts = [" ".join(u.norm_words) for u in utterances]
    parts = [_cue_parts(t) for t in texts]
    out: dict[int, str] = {}
    # A short "Yes." before the story or "That's it." after it frames nothing: the story opens and
    # closes on its first and last sentences of some length (trial 28: the scene after "Yes." was
    # not heard as the situation).
    long_enough = [n for n, u in enumerate(utterances) if len(u.norm_words) >= MIN_FRAME_WORDS]
    if not long_enough:
        return out
    first, last = long_enough[0], long_enough[-1]
    if not parts[first] and _PAST.search(texts[first]):
        out[first] = "situation"
    if (last > first and not any("result" in p for p in parts) and not parts[last]
            and any("action" in p for p in parts[:last])
            and _PAST.search(texts[last]) and _COUNT.search(texts[last]) and not _MEANT.search(texts[last])):
        out[last] = "result"
    return out


def star_parts(utterances: list[Utterance]) -> StarResult:
    """Label each utterance with the STAR part its cues (or its place: `framing_parts`) show;
    unmarked ones continue the last part."""
    result = StarResult(seconds={p: 0.0 for p in STAR_CUES})
    current = None
    framing = framing_parts(utterances)
    shared: dict[str, float] = {}  # a part first heard only beside an earlier part, and when
    order = list(STAR_CUES)
    for n, u in enumerate(utterances):
        text = " ".join(u.norm_words)
        hits = _cue_parts(text) or ([framing[n]] if n in framing else [])
        if hits:
            # The latest part mentioned wins: "I had to fix it, so I rewrote..." is action.
            current = max(hits, key=order.index)
            first = min(hits, key=order.index)
            for p in hits:
                if p not in result.first_at and p != first:
                    # "our precision dropped sharply after a sale" opens the story (situation)
                    # with words a result uses too: the result is where it is told on its own
                    # ("went back up from 70 to 92 %"), if it is (trial 14: "out of order:
                    # situation, result, task, action" for a story told in order).
                    shared.setdefault(p, u.start)
                    continue
                result.first_at.setdefault(p, u.start)
        if current:
            result.seconds[current] += u.end - u.start
    for p, at in shared.items():
        result.first_at.setdefault(p, at)  # never told on its own: heard, where it was shared
    return result


LONG_SITUATION_S = 15.0  # a situation this long, and longer than the actions, is "Long situation"


def long_situation(seconds: dict[str, float]) -> bool:
    """Whether a story spent too long on its situation (`seconds`: StarResult.seconds): the review's
    "Long situation" finding, and what makes its context told at least in part (coverage)."""
    situation = float(seconds.get("situation") or 0.0)
    return situation > float(seconds.get("action") or 0.0) and situation >= LONG_SITUATION_S


def _mentions(utterances: list[Utterance], rx: re.Pattern) -> list[Mention]:
    out = []
    for u in utterances:
        text = " ".join(t.text for t in u.tokens).lower()
        for m in rx.finditer(text):
            out.append(Mention(m.group(0).strip(), u.start))
    return out


def hedges(utterances: list[Utterance]) -> list[Mention]:
    return _mentions(utterances, HEDGE)


# "I think they would say...", "I guess": the "I" of an opinion or a hedge does nothing in the
# story, so it is no sign of the candidate's own part (trial 23: "I think that would say we had a
# fair discussion" sat beside "we" 8 times and 0 "I").
_OPINION_AFTER_I = frozenset({"think", "guess", "believe", "suppose", "feel", "mean", "reckon", "hope", "assume"})


def i_we_words(utterances: list[Utterance]) -> tuple[list[str], list[str]]:
    """Every "I" word (I, me, my...) the candidate said as the one acting, and every "we" word
    (we, us, our...), in the order said: what i_we_counts counts, for a finding to name the words
    it counted (trial 42: "I" 1 times for a story whose only such word was "my")."""
    words = [w for u in utterances for w in u.norm_words]
    mine = [w for k, w in enumerate(words)
            if w in I_WORDS and not (w == "i" and k + 1 < len(words) and words[k + 1] in _OPINION_AFTER_I)]
    return mine, [w for w in words if w in WE_WORDS]


def i_we_counts(utterances: list[Utterance]) -> tuple[int, int]:
    """How often the candidate said "I" (me, my...) as the one acting, and "we" (us, our...)."""
    mine, ours = i_we_words(utterances)
    return len(mine), len(ours)


# "I" or "we" as the one who acted: a subject right before an action verb ("We talked about it. We
# fixed it."), with a word between at most ("I then rewrote it", "we all agreed on").
_ACTION_SUBJECT = re.compile(r"\b(i|we)(?: (?:then|also|just|finally|quickly|first|all|both|eventually|"
                             r"together|later|immediately|actually))? (?:(?:have|had) )?" + _ACTION_VERBS + r"\b")


# A list of actions shares its subject: "I set up a meeting, showed her the data, and proposed a
# test" is three things "I" did (trial 48: counted as one, beside two "we" in the result, and the
# story's own part was "not heard"). The next verb of the list comes right after a comma, "and" or
# "then", with no new subject before it ("I fixed it and she tested it" is one).
_NEXT_IN_LIST = re.compile(r"(?:(?!\b(?:i|we|she|he|they|who|which)\b)[^.?!])*?(?:,|\band\b|\bthen\b) ?"
                           r"(?:(?:and|then|also|finally|later|quickly) )*" + _ACTION_VERBS + r"\b")


def action_subjects(utterances: list[Utterance]) -> tuple[int, int]:
    """How many of the story's actions were told with "I" and how many with "we" ("My tech lead
    wanted a deep model and I wanted trees. We talked about it. We fixed it.": 0 and 2; the "I"
    and "my" of the scene act in nothing), each verb of a list of actions counted."""
    i_count = we_count = 0
    for u in utterances:
        text = " ".join(t.norm + ("," if t.comma_after else "") for t in u.tokens)
        for m in _ACTION_SUBJECT.finditer(text):
            told = 1
            end = m.end()
            while (more := _NEXT_IN_LIST.match(text, end)) is not None:
                told, end = told + 1, more.end()
            if m.group(1) == "i":
                i_count += told
            else:
                we_count += told
    return i_count, we_count


def restated_problem(utterances: list[Utterance], question_text: str | None, within_s: float = 30.0,
                     opening: int = 3) -> bool:
    """A restating phrase, or most of the question's content words in one or two sentences
    running on, among the answer's first `opening` sentences (within `within_s`): a restatement
    comes before the solution and says the problem in one go. An answer that works through the
    problem uses its words too, spread over its steps ("user features ... video features ...
    evaluate offline and online"): that is solving, not restating."""
    if not utterances:
        return False
    t0 = utterances[0].start
    early = [u for u in utterances[:opening] if u.start - t0 <= within_s]
    if any(RESTATE.search(" ".join(u.norm_words)) for u in early):
        return True
    if not question_text:
        return False
    wanted = {w for w in re.findall(r"[a-z']+", question_text.lower()) if w not in STOP and len(w) > 2}
    for u in early:
        if (m := MAY_RESTATE.search(text := " ".join(u.norm_words))) is not None:
            after = set(text[m.end():].split())
            if len(wanted & after) >= RESTATE_WORDS:
                return True
    # A short question has no problem to restate: answering "What did it cost you, and was it
    # worth it?" with "It cost me two weeks, and it was worth it" uses its words and restates
    # nothing (trial 42).
    if len(wanted - _FUNCTION_WORDS) < MIN_PROBLEM_WORDS:
        return False
    for first in range(len(early)):
        said = {w for u in early[first:first + 2] for w in u.norm_words}
        # ...and says little else: "Random forest trains many deep trees independently" names
        # the subject of "How does gradient boosting reduce error differently from a random
        # forest?" and goes on to solve it (a new-user trial was told it restated the problem).
        content = {w for w in said if w not in STOP and w not in FILLER_WORDS and len(w) > 2}
        if len(wanted & said) / len(wanted) >= 0.5 and len(wanted & content) >= RESTATED_SHARE * len(content):
            return True
    return False
