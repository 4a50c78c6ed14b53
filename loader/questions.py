"""Plain-English questions -> a canned query in ``cypher/queries`` and its parameters.

No network model: each question form is a regular expression over the tidied question, tried in
order; the first that matches (and whose builder accepts what it found) names the query, and its
groups give the parameters (names are cleaned of articles, titles and possessives; the query then
matches them through the alias index).

The forms about relations are generic over the relation type: their verbs and nouns are those of
the relation lexicon, inflected (``loader/vocabulary.py``), so "Who backs Maduro?", "Whom did
Pompeo call on?", "Is Guaido supported by Russia?" and "Who voiced support for Maduro?" come from
``loader/data/relations.jsonl``, and a relation type added there is a new question. The core
relations (the lexicon's ``"core": true``) are answered by their own queries (``_OWN_QUERIES``: their answers name the roles and
carry assets, dates, charges), every other type by ``relations``. Contested recognition, the path
between two entities and an entity's profile are forms of their own.

``EXAMPLES`` is what an unknown question is answered with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable

from . import cypher
from .errors import UsageError
from .lexicon import VerbTrigger, lexicon
from .names import lookup_key
from .vocabulary import alternation, demonyms, phrase, words


@dataclass(frozen=True)
class ParsedQuestion:
    query: str  # a file name in cypher/queries
    params: dict[str, str] = field(default_factory=dict)
    # a time qualifier the answer cannot honour ("since 2020", "in 2014" for accusations): one
    # line for stderr, so that an answer of every date is never taken for one of that date
    note: str | None = None
    # what to ask when this query has no rows: a yes-or-no question ("Has Spain recognized
    # Kosovo?") is answered "No" from the negated evidence (``refusals``) of the same fact
    if_empty: "ParsedQuestion | None" = None


class _NotThisForm(Exception):
    """A form's pattern matched, but what it found is no question of that form."""


# ------------------------------------------------------------------ words

_WHO = r"(?:who|which\s+[a-z]+(?:\s+[a-z]+)?)"  # "who", "which countries", "which foreign governments"
_WHOM = r"(?:whom|who|which\s+[a-z]+(?:\s+[a-z]+)?|what(?:\s+[a-z]+)?)"  # "which leader", "what government"
_AUX = r"(?:do|does|did|has|have|had|is|are|was|were|will|would|can|could)"
_ADV = r"(?:(?:still|now|currently|also|officially|formally|openly|already|ever|not\s+yet)\s+)?"
# a negation before the verb: "not", "n't", "never", "refused to", "declined to", "not yet"
_NOT = (r"(?:(?:not|n't|never)\s+(?:yet\s+|ever\s+)?|(?:refused?|refuses|refusing|declined?|declines|rejected)\s+to\s+|"
        r"(?:won't|can't|cannot)\s+)")
_ANY = {"whom", "who", "what", "which", "anyone", "anybody", "anything", "whom else", "who else"}
_CONNECTED = r"(?:connected|linked|related|tied)"
# what may follow an object's name and is not part of it: "Guaido as president", "Russia to
# withdraw"; "of|for|in|..." only before a word in lower case, a number or a month ("Washington
# of attempting a coup", but "the Democratic Republic of the Congo", "the Party for Freedom")
_MONTH = r"(?i:january|february|march|april|may|june|july|august|september|october|november|december)\b"
_TAIL = re.compile(
    r"(?:^|\s+)(?:(?i:as|to|by|over|about|against|because|after|before|since|during|amid|until|instead)\s|"
    rf"(?:of|for|in|on|at|with|from)\s+(?!the\s+[A-Z])(?=[a-z0-9]|{_MONTH})).*$",
)

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


# ------------------------------------------------------------------ names and answers

def _name(text: str | None) -> str | None:
    """A cleaned name; None (any) for no text or "whom"; a text that cleans to nothing is no name."""
    if text is None or phrase(text) in _ANY:
        return None
    name = clean_name(text)
    if not name:
        raise _NotThisForm
    return name


def _force_owner(text: str) -> str | None:
    """Whose force a question names: a demonym is its country ("Russian" -> "Russia"), any other
    name is itself ("Wagner")."""
    name = _name(text)
    return demonyms().get(lookup_key(name), name) if name else name


def _verb(m: re.Match) -> VerbTrigger:
    return words().verbs[phrase(m.group("verb"))]


def _places(text: str, preps: tuple[str, ...]) -> str | None:
    """The place after the last of ``preps``: "troops to the airport in Caracas" -> "Caracas"."""
    found = None
    for m in re.finditer(rf"(?:^|\s)(?:{alternation(preps)})\s+(?!{_MONTH}|\d)(?=\S)", text, re.IGNORECASE):
        found = text[m.end():]
    return found


def _object(verb: VerbTrigger, rest: str | None, *, required: bool = True) -> str | None:
    """The object's name in what follows the verb: "troops to Venezuela" -> "Venezuela" (for a
    relation whose object is a place), "Washington of a coup" -> "Washington", "whom" -> None."""
    spec = lexicon().specs[verb.relation]
    text = (rest or "").strip()
    if spec.destination_preps:
        place = _places(text, spec.destination_preps)
        if place is None and verb.place_object:
            place = text  # "entered Syria"
        if place is None:
            if required:
                raise _NotThisForm
            return None  # "whom did Russia send troops to", "what did Russia send"
        return _name(_TAIL.sub("", place) or None)
    text = _TAIL.sub("", text)
    if not text:
        if required:
            raise _NotThisForm
        return None
    return _name(text)


# the core relations (the lexicon's "core": true) have queries of their own, whose answers name the roles and
# carry what the sentences add (assets, dates, charges); every other type goes to `relations`.
# (query, its parameter for the subject or None, for the object or None), in order of preference
_OWN_QUERIES: dict[str, list[tuple[str, str | None, str | None]]] = {
    "RECOGNIZES": [("who_recognizes", None, "name"), ("whom_recognizes", "name", None)],
    "DEPLOYS_TO": [("deployments", "actor", "place")],
    "ACCUSES": [("accusations", "accuser", "accused")],
}


def _answer(relation: str, subject: str | None, object_: str | None) -> ParsedQuestion:
    """The query that answers ``subject relation object`` (None: any)."""
    for query, subject_param, object_param in _OWN_QUERIES.get(relation, ()):
        if (subject is not None and subject_param is None) or (object_ is not None and object_param is None):
            continue
        params = {p: v or "" for p, v in ((subject_param, subject), (object_param, object_)) if p}
        if any(p.required and params.get(p.name) == "" for p in cypher.query_parameters(query)):
            continue
        return ParsedQuestion(query, params)
    return ParsedQuestion("relations", {"subject": subject or "", "relation": relation, "object": object_ or ""})


def _yes_or_no(relation: str, subject: str | None, object_: str | None) -> ParsedQuestion:
    """``_answer``, and, when the graph asserts no such fact, the statements that deny it."""
    parsed = _answer(relation, subject, object_)
    return ParsedQuestion(parsed.query, parsed.params, if_empty=_refusals(relation, subject, object_))


def _refusals(relation: str, subject: str | None, object_: str | None) -> ParsedQuestion:
    """Who said they do not (will not, did not) ``relation`` ``object_``: negated evidence."""
    return ParsedQuestion("refusals", {"relation": relation, "subject": subject or "", "object": object_ or ""})


def _ending(relation: str, object_: str | None) -> ParsedQuestion:
    """Who ended ``relation`` with ``object_`` (None: with anyone)."""
    return ParsedQuestion("endings", {"relation": relation, "actor": "", "object": object_ or ""})


def _timeline(subject: str, relation: str, object_: str | None) -> ParsedQuestion:
    name = _name(subject)
    if name is None:
        raise _NotThisForm
    return ParsedQuestion("timeline", {"name": name, "other": object_ or "", "relation": relation})


def _evidence(verb: VerbTrigger, subject: str, rest: str) -> ParsedQuestion:
    s, o = _name(subject), _object(verb, rest)
    if s is None or o is None:
        raise _NotThisForm
    return ParsedQuestion("evidence", {"subject": s, "relation": verb.relation, "object": o})


def _place_relation(verb: VerbTrigger) -> VerbTrigger:
    if not lexicon().specs[verb.relation].destination_preps:
        raise _NotThisForm
    return verb


def _asset_relation() -> str:
    """The relation "troops in X" asks about: the lexicon's deployment type."""
    return next(s.relation for s in lexicon().specs.values() if s.requires_military_asset and s.destination_preps)


# ------------------------------------------------------------------ the forms, in order

Builder = Callable[[re.Match], ParsedQuestion]


def _fixed(query: str, **params: str) -> Builder:
    return lambda m: ParsedQuestion(query, dict(params))


@lru_cache(maxsize=1)
def _forms() -> list[tuple[re.Pattern, Builder]]:
    w = words()
    verb, base, part = alternation(w.verbs), alternation(w.bases), alternation(w.participles)
    nouns, holding = alternation(w.noun_phrases), alternation(w.holding)
    assets = alternation(w.assets)  # words people ask deployments with ("Which countries have troops in Mali?")
    recognize = alternation(w.forms_of("RECOGNIZES"))
    recognized = alternation(w.forms_of("RECOGNIZES", w.participles))
    think = r"(?:think|know|believe|say|claim|conclude|assume)"
    g = lambda m, *names: next((m.group(n) for n in names if m.group(n)), "")  # noqa: E731
    ending_nouns = alternation({n: r for n, r in w.noun_phrases.items()})
    asset = rf"(?:(?:its|their|his|her|the|all|some|most)\s+)?(?:[\w'-]+\s+){{0,2}}?(?:{assets})"
    forms: list[tuple[str, Builder]] = [
        # refusals, from negated evidence: "Which countries did not recognize Kosovo?", "Who
        # refused to recognize Kosovo?", "Who has never sent troops to Syria?"
        (rf"^{_WHO}\s+(?:{_AUX}\s*)?{_NOT}(?:been\s+)?(?P<verb>{verb})(?:\s+(?P<rest>(?!by\s).+))?$",
         lambda m: _refusals(_verb(m).relation, None, _object(_verb(m), m.group("rest"), required=False))),
        (rf"^{_WHOM}\s+{_AUX}\s+(?P<subject>.+?)\s+{_NOT}(?P<verb>{base})(?:\s+(?P<rest>.+))?$",
         lambda m: _refusals(_verb(m).relation, _name(m.group("subject")), _object(_verb(m), m.group("rest"), required=False))),
        # endings: "Who stopped recognizing Guaido?", "Who withdrew its recognition of Guaido?",
        # "Who no longer recognizes Guaido?", "Who pulled troops out of Syria?"
        (rf"^{_WHO}\s+(?:{_AUX}\s+)?(?:stopped|stops|ceased|ceases|quit|no\s+longer)\s+(?P<verb>{verb})(?:\s+(?P<rest>.+))?$",
         lambda m: _ending(_verb(m).relation, _object(_verb(m), m.group("rest"), required=False))),
        (rf"^{_WHO}\s+(?:{_AUX}\s+)?(?:withdr[ae]w[ns]?|withdrawn|revoked?|rescinded|ended|suspended|dropped|"
         rf"cancell?ed|retracted|downgraded)\s+(?:(?:its|their|his|her|the)\s+)?(?P<noun>{ending_nouns})"
         rf"(?:\s+(?:(?:of|for|from|to|in)\s+)?(?P<rest>.+))?$",
         lambda m: _ending(w.noun_phrases[phrase(m.group("noun"))], _name(_TAIL.sub("", m.group("rest") or "")) if m.group("rest") else None)),
        (rf"^{_WHO}\s+(?:{_AUX}\s+)?(?:withdr[ae]w[ns]?|withdrawn|pulled|pulls|pull|removed|recalled|evacuated)\s+"
         rf"(?:{asset}\s+)?(?:out\s+of|from|back\s+from)\s+(?P<rest>.+)$",
         lambda m: _ending(_asset_relation(), _name(m.group("rest")))),
        # when: "When did Russia deploy to Venezuela?", "When did Ecuador recognize Guaido?"
        (rf"^when\s+{_AUX}\s+(?P<subject>.+?)\s+{_ADV}(?P<verb>{base})(?:\s+(?P<rest>.+))?$",
         lambda m: _timeline(m.group("subject"), _verb(m).relation, _object(_verb(m), m.group("rest"), required=False))),
        (rf"^when\s+{_AUX}\s+(?P<subject>.+?)\s+(?:withdraw|pull|remove|recall)\s+(?:{asset}\s+)?(?:out\s+of|from|back\s+from)\s+(?P<rest>.+)$",
         lambda m: _timeline(m.group("subject"), _asset_relation(), _name(m.group("rest")))),
        (r"^(?:(?:show\s+(?:me\s+)?|give\s+(?:me\s+)?)?(?:the\s+)?(?:timeline|history|chronology)\s+(?:of|for)\s+)(?P<name>.+)$",
         lambda m: ParsedQuestion("timeline", {"name": clean_name(m.group("name")), "other": "", "relation": ""})),
        # contested recognition (before "who recognizes X" and "who is recognized by X")
        (rf"^(?:{_WHO}|who)\s+(?:is|are)\s+(?:{recognized})\s+by\s+whom$|^who\s+(?:{recognize})\s+whom$|"
         rf"^whose\s+(?:recognition|legitimacy|leadership|presidency)\s+is\s+(?:contested|disputed)$|"
         rf"^(?:which|what)\s+(?:recognitions?|leaders?|governments?|presidents?|presidencies|claims?)\s+"
         rf"(?:is|are)\s+(?:contested|disputed)$|"
         rf"^(?:show\s+(?:me\s+)?|list\s+)?(?:the\s+)?(?:contested|disputed)\s+(?:recognitions?|leaders?|governments?|presidents?|presidencies)$",
         _fixed("contested_recognition", name="")),
        (rf"^(?:is|was)\s+(?P<name>.+?)(?:'s)?\s+(?:recognition|leadership|legitimacy|presidency)\s+(?:contested|disputed)$|"
         rf"^who\s+(?:else\s+)?(?:is|was)\s+(?:{recognized})\s+instead\s+of\s+(?P<name2>.+)$|"
         rf"^who\s+(?:is|are)\s+(?P<name3>.+?)'s\s+rivals?$",
         lambda m: ParsedQuestion("contested_recognition", {"name": clean_name(g(m, "name", "name2", "name3"))})),
        # path between two entities
        (rf"^(?:what|who|how)\s+(?:connects|links|relates|ties)\s+(?P<a>.+?)\s+(?:and|to|with)\s+(?P<b>.+)$|"
         rf"^how\s+(?:is|are|was|were)\s+(?P<a2>.+?)\s+{_CONNECTED}\s+(?:to|with)\s+(?P<b2>.+)$|"
         rf"^how\s+(?:is|are|was|were)\s+(?P<a3>.+?)\s+and\s+(?P<b3>.+?)\s+{_CONNECTED}(?:\s+to\s+each\s+other|\s+together)?$|"
         rf"^(?:(?:what\s+is|what's|show\s+(?:me\s+)?|find)\s+)?(?:the\s+)?(?:shortest\s+)?"
         rf"(?:path|connection|link|relationship|relation)s?\s+(?:between|from)\s+(?P<a4>.+?)\s+(?:and|to)\s+(?P<b4>.+)$|"
         rf"^(?:is|are)\s+(?P<a5>.+?)\s+{_CONNECTED}\s+(?:to|with)\s+(?P<b5>.+)$",
         lambda m: ParsedQuestion("path_between", {
             "from": clean_name(g(m, "a", "a2", "a3", "a4", "a5")), "to": clean_name(g(m, "b", "b2", "b3", "b4", "b5"))})),
        # why: the evidence for (subject, relation, object)
        (rf"^(?:why|how)\s+(?:do|does|did|can|would)\s+(?:we|you|i|they|people|kgload|the\s+graph)\s+{think}\s+"
         rf"(?:that\s+)?(?P<subject>.+?)\s+{_ADV}(?:(?:has|have|had|is|are|was|were|will|would)\s+)?(?P<verb>{verb})\s+(?P<rest>.+)$",
         lambda m: _evidence(_verb(m), m.group("subject"), m.group("rest"))),
        (rf"^why\s+(?:is|are|was|were|has|have|had)\s+(?P<object>.+?)\s+(?:been\s+)?(?P<verb>{part})\s+by\s+(?P<subject>.+)$",
         lambda m: _evidence(_verb(m), _TAIL.sub("", m.group("subject")), m.group("object"))),
        (rf"^why\s+{_AUX}\s+(?P<subject>.+?)\s+{_ADV}(?:been\s+)?(?P<verb>{verb})\s+(?P<rest>.+)$",
         lambda m: _evidence(_verb(m), m.group("subject"), m.group("rest"))),
        (rf"^(?:what\s+is\s+|what's\s+|show\s+(?:me\s+)?|give\s+(?:me\s+)?|is\s+there\s+(?:any\s+)?)?(?:the\s+)?"
         rf"(?:evidence|proof|sources?|sentences?)\s+(?:that|for|of)\s+(?P<subject>.+?)\s+{_ADV}"
         rf"(?:(?:has|have|had)\s+)?(?P<verb>{verb})\s+(?P<rest>.+)$",
         lambda m: _evidence(_verb(m), m.group("subject"), m.group("rest"))),
        # forces somewhere: "Which countries have troops in Venezuela?", "Where are Russia's troops?"
        (rf"^{_WHO}\s+{_ADV}(?:{_AUX}\s+)?{_ADV}(?P<verb>{holding})\s+(?:[\w'-]+\s+){{0,3}}?(?:{assets})"
         rf"(?:\s+(?:stationed|deployed|based))?\s+(?P<rest>(?:in|at|inside|near|on|along)\s+.+)$",
         lambda m: _answer(w.holding[phrase(m.group("verb"))].relation, None,
                           _object(w.holding[phrase(m.group("verb"))], m.group("rest")))),
        (rf"^where\s+(?:are|were|is)\s+(?P<actor>.+?)'s?\s+(?:[\w-]+\s+){{0,2}}?(?:{assets})(?:\s+(?:deployed|stationed|based))?$",
         lambda m: _answer(_asset_relation(), _name(m.group("actor")), None)),
        # a force named by its country's demonym: "Where are Russian troops deployed?", "Where have
        # American forces been sent?"
        (rf"^where\s+(?:are|were|is|was|have|has|had)\s+(?:the\s+)?(?P<actor>[\w.-]+(?:\s+[\w.-]+)?)\s+(?:[\w-]+\s+){{0,2}}?"
         rf"(?:{assets})(?:\s+(?:been\s+)?(?:deployed|stationed|based|sent|positioned))?$",
         lambda m: _answer(_asset_relation(), _force_owner(m.group("actor")), None)),
        # what X is charged with, in the passive: "What is Russia accused of?", "What has Iran been
        # blamed for by the US?"
        (rf"^what\s+(?:is|are|was|were|has|have|had)\s+(?P<object>.+?)\s+(?:been\s+)?{_ADV}(?P<verb>{part})\s+"
         rf"(?:of|for|over|with)(?:\s+by\s+(?P<subject>.+))?$",
         lambda m: _answer(_verb(m).relation, _name(m.group("subject")), _name(m.group("object")))),
        # what X is charged with: "What does Lavrov accuse the US of?"
        (rf"^what\s+{_AUX}\s+(?P<subject>.+?)\s+{_ADV}(?P<verb>{base})\s+(?P<object>.+?)\s+(?:of|for|over|with)$",
         lambda m: _answer(_verb(m).relation, _name(m.group("subject")), _name(m.group("object")))),
        # what was VERBed to a place: "What was sent to Caracas?", "... by Russia?"
        (rf"^(?:what|which)\s+(?:[\w'-]+\s+){{0,3}}?(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
         rf"(?P<verb>{part})\s+(?P<rest>.+?)(?:\s+by\s+(?P<subject>.+))?$",
         lambda m: _answer(_place_relation(_verb(m)).relation, _name(m.group("subject")), _object(_verb(m), m.group("rest")))),
        # who VERB X: "Who recognizes Guaido?", "Which countries back Maduro?", "Who sent troops to Syria?"
        (rf"^{_WHO}\s+{_ADV}(?:{_AUX}\s+)?{_ADV}(?:been\s+)?(?P<verb>{verb})\s+(?!by\s)(?P<rest>.+)$",
         lambda m: _answer(_verb(m).relation, None, _object(_verb(m), m.group("rest")))),
        # who is X VERBed by: "Who is Guaido recognized by?", "By whom has Maduro been backed?"
        (rf"^(?:{_WHO}|by\s+whom)\s+(?:(?:is|was|are|were)\s+(?P<object>.+?)|(?:has|have|had)\s+(?P<object2>.+?)\s+been)\s+{_ADV}"
         rf"(?P<verb>{part})(?:\s+(?:as|of|for|over|with)\s+.+?)?(?:\s+by)?$",
         lambda m: _answer(_verb(m).relation, None, _name(m.group("object") or m.group("object2")))),
        # whom is VERBed by X: "Who is recognized by Russia?", "Who was blamed by Russia for the coup?"
        (rf"^{_WHOM}\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+{_ADV}(?P<verb>{part})\s+by\s+(?P<subject>.+)$",
         lambda m: _answer(_verb(m).relation, _name(_TAIL.sub("", m.group("subject"))), None)),
        # whom does X VERB: "Whom does Russia recognize?", "Who did Pompeo call on?"
        (rf"^{_WHOM}\s+{_AUX}\s+(?P<subject>.+?)\s+{_ADV}(?P<verb>{base})(?:\s+(?P<rest>.+))?$",
         lambda m: _answer(_verb(m).relation, _name(m.group("subject")),
                           _object(_verb(m), m.group("rest"), required=False))),
        # where: "Where has Russia deployed?", "Where did Russia send troops?"
        (rf"^where\s+{_AUX}\s+(?P<subject>.+?)\s+{_ADV}(?P<verb>{verb})(?:\s+.*)?$",
         lambda m: _answer(_place_relation(_verb(m)).relation, _name(m.group("subject")), None)),
        # yes or no: "Is Guaido recognized by Russia?", "Did Russia send troops to Venezuela?"
        (rf"^(?:is|are|was|were|has|have|had)\s+(?P<object>.+?)\s+(?:been\s+)?{_ADV}(?P<verb>{part})\s+by\s+(?P<subject>.+)$",
         lambda m: _yes_or_no(_verb(m).relation, _name(_TAIL.sub("", m.group("subject"))), _name(m.group("object")))),
        (rf"^{_AUX}\s+(?P<subject>.+?)\s+{_NOT}(?P<verb>{verb})\s+(?!by\s)(?P<rest>.+)$",
         lambda m: _refusals(_verb(m).relation, _name(m.group("subject")), _object(_verb(m), m.group("rest")))),
        (rf"^{_AUX}\s+(?P<subject>.+?)\s+{_ADV}(?P<verb>{verb})\s+(?!by\s)(?P<rest>.+)$",
         lambda m: _yes_or_no(_verb(m).relation, _name(m.group("subject")), _object(_verb(m), m.group("rest")))),
        # nouns: "Who voiced support for Maduro?", "Who has a military presence in Syria?"
        (rf"^{_WHO}\s+(?:[\w'-]+\s+){{1,4}}?(?P<noun>{nouns})\s+(?P<rest>.+)$",
         lambda m: _answer(w.noun_phrases[phrase(m.group("noun"))], None, _name(_TAIL.sub("", m.group("rest"))))),
        # entity profile, last ("what is the evidence that ..." is not a profile)
        (r"^(?:what\s+(?:do|does|did|can)\s+(?:we|you|i|the\s+graph|kgload)\s+(?:know|say|have|tell\s+me)\s+(?:about|on)\s+|"
         r"tell\s+(?:me\s+)?(?:more\s+|everything\s+|something\s+)?about\s+|"
         r"(?:show|give)\s+(?:me\s+)?(?:a\s+|the\s+)?(?:profile|everything|all|info|information|facts)\s+(?:of|on|about|for)\s+|"
         r"(?:profile\s+(?:of\s+)?|describe\s+|info\s+(?:on|about)\s+|information\s+(?:on|about)\s+|what\s+about\s+)|"
         r"who\s+(?:is|was|are|were)\s+)(?P<name>.+)$",
         lambda m: ParsedQuestion("entity_profile", {"name": clean_name(m.group("name"))})),
    ]
    return [(re.compile(p, re.IGNORECASE), b) for p, b in forms]


def _lexicon_verbs() -> str:
    """The verbs of the relation types beyond the core ones, as a user types them."""
    return ", ".join(dict.fromkeys(
        f"{v.lemma} {v.object_prep}" if v.object_prep else v.lemma
        for spec in lexicon().specs.values() if not spec.core for v in spec.verbs if v.ask))


EXAMPLES: list[str] = [
    "Who recognizes Guaido?",
    "Whom does Russia recognize?",
    "Who is recognized by whom?  (contested recognition)",
    "Who deployed forces to Venezuela?",
    "Where has Russia deployed?",
    "Did Russia send troops to Venezuela?",
    "Who accuses the United States?",
    "Whom did Lavrov accuse?",
    "Who supports Maduro?",
    f"Whom does Russia condemn?  (and every verb of the relation lexicon: {_lexicon_verbs()})",
    "What do we know about Cuba?",
    "Why do we think Russia recognizes Maduro?",
    "What connects Russia and Guaido?",
    "Who recognized Guaido in March 2019?  (or: as of 2019-03-01)",
    "Who stopped recognizing Guaido?",
    "When did Russia deploy to Venezuela?",
]


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
# "in March 2019", "as of 2019-03-01", "on March 4, 2019", "in 2019": what held then
_AS_OF = re.compile(
    rf"\s+(?:(?:in|on|as\s+of|at\s+the\s+end\s+of|by)\s+)(?P<date>\d{{4}}-\d{{2}}(?:-\d{{2}})?|"
    rf"(?:(?P<month>{_MONTH.replace('(?i:', '(?:')})\s+(?:(?P<day>\d{{1,2}}),?\s+)?)?(?P<year>\d{{4}}))$",
    re.IGNORECASE,
)


# any time qualifier at the end of a question, honoured or not
_ANY_DATE = re.compile(
    rf"\s+(?P<qualifier>(?:in|on|as\s+of|at\s+the\s+end\s+of|by|since|from|during|before|after|until|till|between)\s+"
    rf"(?:(?:early|late|mid)[\s-]+)?(?:\d{{4}}-\d{{2}}(?:-\d{{2}})?|(?:{_MONTH.replace('(?i:', '(?:')}\s+(?:\d{{1,2}},?\s+)?)?\d{{4}})"
    rf"(?:\s+(?:and|to)\s+\d{{4}})?)$",
    re.IGNORECASE,
)


def _unhonoured_date(question: str, parsed: ParsedQuestion) -> ParsedQuestion:
    """``parsed``, or, when the question ends in a time qualifier that it does not apply, the
    question without it (so the qualifier is never read as part of a name) with a note."""
    q = _tidy(question)
    m = _ANY_DATE.search(q)
    if m is None or parsed.params.get("as_of"):
        return parsed
    parsed = _match(q[:m.start()]) or parsed
    if "as_of" in cypher.statement_params(cypher.load(f"queries/{parsed.query}")):
        parsed = replace(parsed, params={**parsed.params, "as_of": ""})
    note = (f"the time qualifier {m.group('qualifier')!r} is not applied: the {parsed.query} answer "
            "is not limited to it (only \"in\" or \"as of\" a date, for recognitions and deployments, is)")
    return replace(parsed, note=note)


def _as_of(q: str) -> tuple[str, str]:
    """(the question without its date, the date as "YYYY-MM-DD", "YYYY-MM" or "YYYY" or "")."""
    m = _AS_OF.search(q)
    if m is None:
        return q, ""
    if m.group("year") is None:
        return q[:m.start()], m.group("date")
    date = m.group("year")
    if m.group("month"):
        date += f"-{_MONTHS.index(m.group('month').lower()) + 1:02d}"
        if m.group("day"):
            date += f"-{int(m.group('day')):02d}"
    return q[:m.start()], date


def parse_question(question: str) -> ParsedQuestion:
    """Map a question to a canned query and its parameters; ``UsageError`` (exit 2) listing the
    questions understood otherwise. A date at the end ("in March 2019", "as of 2019-03-01")
    asks what held then, for the queries that take ``as_of``."""
    q, as_of = _as_of(_tidy(question))
    parsed = _match(q) if as_of else None
    if parsed is None or "as_of" not in cypher.statement_params(cypher.load(f"queries/{parsed.query}")):
        q, as_of = _tidy(question), ""  # a date the question's query cannot use stays part of it
        parsed = _match(q)
    if parsed is None:
        raise UsageError(unknown_question_message(question))
    if "as_of" in cypher.statement_params(cypher.load(f"queries/{parsed.query}")):
        parsed = replace(parsed, params={**parsed.params, "as_of": as_of})
    parsed = _unhonoured_date(question, parsed)
    required = {p.name for p in cypher.query_parameters(parsed.query) if p.required}
    empty = [k for k, v in parsed.params.items() if v == "" and k in required]
    if empty:
        raise UsageError(f"no name found for {', '.join(empty)} in {question!r}.\n" + _examples())
    return parsed


def _match(q: str) -> ParsedQuestion | None:
    for pattern, build in _forms():
        m = pattern.match(q)
        if m:
            try:
                return build(m)
            except _NotThisForm:
                continue
    return None


def _examples() -> str:
    return "Questions I can answer, with any names:\n" + "\n".join(f"  {e}" for e in EXAMPLES)


def unknown_question_message(question: str) -> str:
    return f"I do not understand {question!r}. " + _examples()
