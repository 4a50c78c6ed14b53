"""Plain-English questions -> a canned query in ``cypher/queries`` and its parameters.

No network model: each question form is a regular expression over the tidied question, tried in
order; the first that matches names the query, and its groups give the parameters (names are
cleaned of articles, titles and possessives; the query then matches them through the alias
index). The "why" form takes its verbs from the relation lexicon (``loader/data/relations.jsonl``),
so a relation type added there can be asked about without a code change.

``EXAMPLES`` is what an unknown question is answered with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from . import cypher
from .lexicon import lexicon
from .errors import UsageError


@dataclass(frozen=True)
class ParsedQuestion:
    query: str  # a file name in cypher/queries
    params: dict[str, str] = field(default_factory=dict)


# ------------------------------------------------------------------ words

_WHO = r"(?:who|which\s+[a-z]+(?:\s+[a-z]+)?)"  # "who", "which countries", "which foreign governments"
_WHOM = r"(?:whom|who|which\s+[a-z]+(?:\s+[a-z]+)?|what\s+[a-z]+)"  # "which leader", "what government"
_AUX = r"(?:do|does|did|has|have|had|is|are|was|were|will|would)"
_ADV = r"(?:(?:still|now|currently|also|officially|formally|openly|already|ever|not\s+yet)\s+)?"

_RECOGNIZE = r"recogni[sz](?:e|es|ed|ing)"
_RECOGNIZE_BASE = r"recogni[sz]ed?"  # "does X recognize", "has X recognized"
_DEPLOY = (r"(?:deploy(?:s|ed|ing)?|redeploy(?:s|ed|ing)?|sen(?:d|ds|t|ding)|station(?:s|ed|ing)?|"
           r"dispatch(?:es|ed|ing)?|mov(?:e|es|ed|ing)|fl(?:y|ies|ew|own|ying))")
_DEPLOYED = r"(?:deployed|redeployed|sent|stationed|dispatched|moved|flown)"
_ASSET_WORDS = (r"(?:troops|forces|soldiers|military|personnel|bombers|aircraft|warships|ships|planes|"
                r"jets|equipment|advisers|advisors|contractors|mercenaries|missiles|weapons)")
_TO_PLACE = r"(?:to|into|in|toward|towards|at|near|inside)"
_ACCUSE = r"(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing))"
_ACCUSE_BASE = r"(?:accused?|blamed?)"
_CONNECTED = r"(?:connected|linked|related|tied)"

# leading words that are not part of a name: articles and titles
_NAME_PREFIX = re.compile(
    r"^(?:the\s+|(?:interim\s+|acting\s+|former\s+|self-declared\s+|opposition\s+)?"
    r"(?:president|leader|prime\s+minister|foreign\s+minister|defen[cs]e\s+minister|minister|"
    r"secretary\s+of\s+state|secretary|spokesman|spokeswoman|general|dictator|mr\.?|mrs\.?|ms\.?|dr\.?)\s+)+",
    re.IGNORECASE,
)
_NAME_SUFFIX = re.compile(r"(?:'s?)?(?:\s+(?:regime|government|administration))?(?:'s?)?$", re.IGNORECASE)


def clean_name(name: str) -> str:
    """"the United States" -> "United States", "President Maduro" -> "Maduro",
    "the Maduro regime" -> "Maduro", "Russia's" -> "Russia"."""
    name = name.strip().strip("\"'“”‘’ ")
    name = _NAME_PREFIX.sub("", name)
    name = _NAME_SUFFIX.sub("", name)
    return name.strip().strip("\"'“”‘’ ,")


def _tidy(question: str) -> str:
    q = question.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    q = re.sub(r"\s+", " ", q).strip()
    return q.strip("?!. ").strip()


# ------------------------------------------------------------------ the "why" form's verbs

_IRREGULAR_PAST = {"send": "sent", "fly": "flew", "back": "backed"}
_IRREGULAR_PARTICIPLE = {"send": "sent", "fly": "flown"}


def _inflections(lemma: str) -> tuple[set[str], set[str]]:
    """(all forms, past participles) of a regular English verb, with a few irregular ones."""
    if lemma.endswith("e"):
        third, past, ing = lemma + "s", lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third, past, ing = lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        third, past, ing = lemma + "es", lemma + "ed", lemma + "ing"
    else:
        third, past, ing = lemma + "s", lemma + "ed", lemma + "ing"
    past = _IRREGULAR_PAST.get(lemma, past)
    participle = _IRREGULAR_PARTICIPLE.get(lemma, past)
    return {lemma, third, past, participle, ing}, {participle}


@lru_cache(maxsize=1)
def relation_verbs() -> tuple[dict[str, str], dict[str, str]]:
    """``({verb form: RELATION}, {past participle: RELATION})`` from the relation lexicon; a verb
    with an ``object_prep`` ("call" + "on") counts only with it ("calls on")."""
    forms: dict[str, str] = {}
    participles: dict[str, str] = {}
    for spec in lexicon().specs.values():
        for verb in spec.verbs:
            if verb.arrival:
                continue  # "land", "arrive": the subject is what arrives, not who sends it
            all_forms, parts = _inflections(verb.lemma)
            prep = f" {verb.object_prep}" if verb.object_prep else ""
            for f in all_forms:
                forms.setdefault(f + prep, spec.relation)
            for p in parts:
                participles.setdefault(p + prep, spec.relation)
    # words people use in questions that the extractor's lexicon reads as the same relation
    for extra, relation in (("blamed", "ACCUSES"),):
        participles.setdefault(extra, relation)
    return forms, participles


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _object_of(relation: str, text: str) -> str:
    """The object's name in what follows the verb: "troops to Venezuela" -> "Venezuela",
    "the US of a coup" -> "the US", "Guaido as president" -> "Guaido"."""
    if relation == "DEPLOYS_TO":
        m = re.search(rf"(?:^|\s){_TO_PLACE}\s+(?P<place>.+)$", text, re.IGNORECASE)
        if m:
            # the last preposition before a name: "troops to the airport in Caracas" -> "Caracas"
            place = m.group("place")
            while True:
                inner = re.search(rf"\s{_TO_PLACE}\s+(?P<place>.+)$", place, re.IGNORECASE)
                if not inner:
                    break
                place = inner.group("place")
            return place
    text = re.sub(r"\s+(?:of|for|over|as)\s+.*$", "", text, flags=re.IGNORECASE)
    return text


def _why(m: re.Match) -> ParsedQuestion:
    forms, participles = relation_verbs()
    verb = re.sub(r"\s+", " ", m.group("verb").lower())
    relation = forms.get(verb) or participles[verb]
    return ParsedQuestion("evidence", {
        "subject": clean_name(m.group("subject")),
        "relation": relation,
        "object": clean_name(_object_of(relation, m.group("object"))),
    })


@lru_cache(maxsize=1)
def _why_patterns() -> list[re.Pattern]:
    forms, participles = relation_verbs()
    verbs = _alternation(forms)
    parts = _alternation(participles)
    think = r"(?:think|know|believe|say|claim|conclude|assume)"
    return [re.compile(p, re.IGNORECASE) for p in (
        rf"^(?:why|how)\s+(?:do|does|did|can|would)\s+(?:we|you|i|they|people|kgload|the\s+graph)\s+{think}\s+"
        rf"(?:that\s+)?(?P<subject>.+?)\s+{_ADV}(?:(?:has|have|had|is|are|was|were|will|would)\s+)?(?P<verb>{verbs})\s+(?P<object>.+)$",
        rf"^why\s+(?:is|are|was|were|has|have|had)\s+(?P<object>.+?)\s+(?:been\s+)?(?P<verb>{parts})\s+by\s+(?P<subject>.+)$",
        rf"^why\s+{_AUX}\s+(?P<subject>.+?)\s+{_ADV}(?:been\s+)?(?P<verb>{verbs})\s+(?P<object>.+)$",
        rf"^(?:what\s+is\s+|what's\s+|show\s+(?:me\s+)?|give\s+(?:me\s+)?|is\s+there\s+(?:any\s+)?)?(?:the\s+)?"
        rf"(?:evidence|proof|sources?|sentences?)\s+(?:that|for|of)\s+(?P<subject>.+?)\s+{_ADV}"
        rf"(?:(?:has|have|had)\s+)?(?P<verb>{verbs})\s+(?P<object>.+)$",
    )]


# ------------------------------------------------------------------ the forms, in order

Builder = Callable[[re.Match], ParsedQuestion]


def _named(query: str, **groups: str) -> Builder:
    """A builder giving ``query`` with each parameter from a regex group (cleaned as a name) or,
    for a parameter given as "", the empty string (any)."""
    def build(m: re.Match) -> ParsedQuestion:
        return ParsedQuestion(query, {p: clean_name(m.group(g)) if g else "" for p, g in groups.items()})
    return build


def _fixed(query: str, **params: str) -> Builder:
    return lambda m: ParsedQuestion(query, dict(params))


_FORMS: list[tuple[str, Builder]] = [
    # contested recognition (before "who recognizes X" and "who is recognized by X")
    (rf"^(?:{_WHO}|who)\s+(?:is|are)\s+recogni[sz]ed\s+by\s+whom$|^who\s+{_RECOGNIZE}\s+whom$|"
     rf"^whose\s+(?:recognition|legitimacy|leadership|presidency)\s+is\s+(?:contested|disputed)$|"
     rf"^(?:which|what)\s+(?:recognitions?|leaders?|governments?|presidents?|presidencies|claims?)\s+"
     rf"(?:is|are)\s+(?:contested|disputed)$|"
     rf"^(?:show\s+(?:me\s+)?|list\s+)?(?:the\s+)?(?:contested|disputed)\s+(?:recognitions?|leaders?|governments?|presidents?|presidencies)$",
     _fixed("contested_recognition", name="")),
    (rf"^(?:is|was)\s+(?P<name>.+?)(?:'s)?\s+(?:recognition|leadership|legitimacy|presidency)\s+(?:contested|disputed)$|"
     rf"^who\s+(?:else\s+)?(?:is|was)\s+recogni[sz]ed\s+instead\s+of\s+(?P<name2>.+)$|"
     rf"^who\s+(?:is|are)\s+(?P<name3>.+?)'s\s+rivals?$",
     lambda m: ParsedQuestion("contested_recognition",
                              {"name": clean_name(m.group("name") or m.group("name2") or m.group("name3"))})),
    # who recognizes X
    (rf"^{_WHO}\s+{_ADV}(?:(?:has|have|had|do|does|did|is|are|was|were)\s+)?{_ADV}{_RECOGNIZE}\s+"
     rf"(?!by\s)(?P<name>.+?)(?:\s+as\s+.+)?$",
     _named("who_recognizes", name="name")),
    (rf"^(?:{_WHO}|by\s+whom)\s+(?:is|was|are|were|has|have)\s+(?P<name>.+?)\s+(?:been\s+)?{_ADV}recogni[sz]ed"
     rf"(?:\s+as\s+.+?)?(?:\s+by)?$",
     _named("who_recognizes", name="name")),
    # whom X recognizes
    (rf"^{_WHOM}\s+(?:do|does|did|has|have|had|will|would)\s+(?P<name>.+?)\s+{_ADV}{_RECOGNIZE_BASE}(?:\s+as\s+.+)?$",
     _named("whom_recognizes", name="name")),
    (rf"^{_WHOM}\s+(?:is|are|was|were|has\s+been|have\s+been)\s+{_ADV}recogni[sz]ed\s+by\s+(?P<name>.+?)(?:\s+as\s+.+)?$",
     _named("whom_recognizes", name="name")),
    # deployments: by place, by actor, both
    (rf"^{_WHO}\s+{_ADV}(?:(?:has|have|had|did|does|do|is|are|was|were)\s+)?{_ADV}{_DEPLOY}"
     rf"(?:\s+[\w'.,-]+(?:\s+[\w'.,-]+){{0,5}}?)?\s+{_TO_PLACE}\s+(?P<place>.+)$",
     _named("deployments", actor="", place="place")),
    (rf"^{_WHO}\s+(?:has|have|had)\s+(?:[\w'-]+\s+){{0,3}}?{_ASSET_WORDS}(?:\s+(?:stationed|deployed|based))?\s+"
     rf"(?:in|at|inside|near)\s+(?P<place>.+)$",
     _named("deployments", actor="", place="place")),
    (rf"^(?:what|which)\s+(?:[\w'-]+\s+){{0,3}}?(?:is|are|was|were|has\s+been|have\s+been)\s+{_DEPLOYED}\s+"
     rf"{_TO_PLACE}\s+(?P<place>.+)$",
     _named("deployments", actor="", place="place")),
    (rf"^where\s+(?:has|have|had|did|does|do|is|are|was|were)\s+(?P<actor>.+?)\s+{_ADV}{_DEPLOY}(?:\s+.*)?$",
     _named("deployments", actor="actor", place="")),
    (rf"^where\s+(?:are|were|is)\s+(?P<actor>.+?)'s?\s+(?:[\w-]+\s+){{0,2}}?{_ASSET_WORDS}(?:\s+(?:deployed|stationed|based))?$",
     _named("deployments", actor="actor", place="")),
    (rf"^(?:has|have|had|did|does|do|is|are)\s+(?P<actor>.+?)\s+{_ADV}{_DEPLOY}"
     rf"(?:\s+[\w'.,-]+(?:\s+[\w'.,-]+){{0,5}}?)?\s+{_TO_PLACE}\s+(?P<place>.+)$",
     _named("deployments", actor="actor", place="place")),
    # accusations: accused, accuser, both
    (rf"^what\s+(?:do|does|did|has|have|had)\s+(?P<accuser>.+?)\s+{_ADV}{_ACCUSE_BASE}\s+(?P<accused>.+?)\s+(?:of|for)$",
     _named("accusations", accuser="accuser", accused="accused")),
    (rf"^{_WHO}\s+{_ADV}(?:(?:has|have|had|did|does|do|is|are|was|were)\s+)?{_ADV}{_ACCUSE}\s+"
     rf"(?!by\s)(?P<accused>.+?)(?:\s+(?:of|for|over)\s+.+)?$",
     _named("accusations", accuser="", accused="accused")),
    (rf"^(?:{_WHO}|by\s+whom)\s+(?:is|was|are|were|has|have)\s+(?P<accused>.+?)\s+(?:been\s+)?{_ADV}(?:accused|blamed)"
     rf"(?:\s+(?:of|for)\s+.+?)?(?:\s+by)?$",
     _named("accusations", accuser="", accused="accused")),
    (rf"^{_WHOM}\s+(?:do|does|did|has|have|had|will|would)\s+(?P<accuser>.+?)\s+{_ADV}{_ACCUSE_BASE}"
     rf"(?:\s+(?:of|for|over)\s+.+)?$",
     _named("accusations", accuser="accuser", accused="")),
    (rf"^{_WHOM}\s+(?:is|are|was|were|has\s+been|have\s+been)\s+{_ADV}(?:accused|blamed)\s+by\s+(?P<accuser>.+?)"
     rf"(?:\s+(?:of|for)\s+.+)?$",
     _named("accusations", accuser="accuser", accused="")),
    (rf"^(?:has|have|had|did|does|do)\s+(?P<accuser>.+?)\s+{_ADV}{_ACCUSE_BASE}\s+(?P<accused>.+?)"
     rf"(?:\s+(?:of|for|over)\s+.+)?$",
     _named("accusations", accuser="accuser", accused="accused")),
    # path between two entities
    (rf"^(?:what|who|how)\s+(?:connects|links|relates|ties)\s+(?P<a>.+?)\s+(?:and|to|with)\s+(?P<b>.+)$|"
     rf"^how\s+(?:is|are|was|were)\s+(?P<a2>.+?)\s+{_CONNECTED}\s+(?:to|with)\s+(?P<b2>.+)$|"
     rf"^how\s+(?:is|are|was|were)\s+(?P<a3>.+?)\s+and\s+(?P<b3>.+?)\s+{_CONNECTED}(?:\s+to\s+each\s+other|\s+together)?$|"
     rf"^(?:(?:what\s+is|what's|show\s+(?:me\s+)?|find)\s+)?(?:the\s+)?(?:shortest\s+)?"
     rf"(?:path|connection|link|relationship|relation)s?\s+(?:between|from)\s+(?P<a4>.+?)\s+(?:and|to)\s+(?P<b4>.+)$|"
     rf"^(?:is|are)\s+(?P<a5>.+?)\s+{_CONNECTED}\s+(?:to|with)\s+(?P<b5>.+)$",
     lambda m: ParsedQuestion("path_between", {
         "from": clean_name(next(m.group(g) for g in ("a", "a2", "a3", "a4", "a5") if m.group(g))),
         "to": clean_name(next(m.group(g) for g in ("b", "b2", "b3", "b4", "b5") if m.group(g))),
     })),
]

# entity profile, tried after the "why" forms ("what is the evidence that ..." is not a profile)
_PROFILE = (
    r"^(?:what\s+(?:do|does|did|can)\s+(?:we|you|i|the\s+graph|kgload)\s+(?:know|say|have|tell\s+me)\s+(?:about|on)\s+|"
    r"tell\s+(?:me\s+)?(?:more\s+|everything\s+|something\s+)?about\s+|"
    r"(?:show|give)\s+(?:me\s+)?(?:a\s+|the\s+)?(?:profile|everything|all|info|information|facts)\s+(?:of|on|about|for)\s+|"
    r"(?:profile\s+(?:of\s+)?|describe\s+|info\s+(?:on|about)\s+|information\s+(?:on|about)\s+|what\s+about\s+)|"
    r"who\s+(?:is|was|are|were)\s+)(?P<name>.+)$"
)

_COMPILED: list[tuple[re.Pattern, Builder]] = [(re.compile(p, re.IGNORECASE), b) for p, b in _FORMS]
_PROFILE_RE = re.compile(_PROFILE, re.IGNORECASE)

EXAMPLES: list[str] = [
    "Who recognizes Guaido?",
    "Whom does Russia recognize?",
    "Who is recognized by whom?  (contested recognition)",
    "Who deployed forces to Venezuela?",
    "Where has Russia deployed?",
    "Did Russia send troops to Venezuela?",
    "Who accuses the United States?",
    "Whom did Lavrov accuse?",
    "What do we know about Cuba?",
    "Why do we think Russia recognizes Maduro?",
    "What connects Russia and Guaido?",
]


def parse_question(question: str) -> ParsedQuestion:
    """Map a question to a canned query and its parameters; ``UsageError`` (exit 2) listing the
    questions understood otherwise."""
    q = _tidy(question)
    parsed = _match(q)
    if parsed is None:
        raise UsageError(unknown_question_message(question))
    required = {p.name for p in cypher.query_parameters(parsed.query) if p.required}
    empty = [k for k, v in parsed.params.items() if v == "" and k in required]
    if empty:
        raise UsageError(f"no name found for {', '.join(empty)} in {question!r}.\n" + _examples())
    return parsed


def _match(q: str) -> ParsedQuestion | None:
    for pattern, build in _COMPILED:
        m = pattern.match(q)
        if m:
            return build(m)
    for pattern in _why_patterns():
        m = pattern.match(q)
        if m:
            return _why(m)
    m = _PROFILE_RE.match(q)
    if m:
        return ParsedQuestion("entity_profile", {"name": clean_name(m.group("name"))})
    return None


def _examples() -> str:
    return "Questions I can answer, with any names:\n" + "\n".join(f"  {e}" for e in EXAMPLES)


def unknown_question_message(question: str) -> str:
    return f"I do not understand {question!r}. " + _examples()
