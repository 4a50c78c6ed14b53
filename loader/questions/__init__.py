"""Plain-English questions -> a canned query in ``cypher/queries`` and its parameters.

No network model. The question forms are data, ``loader/data/questions.jsonl``, matched by one
matcher (``grammar.py``): the first form whose pattern matches the tidied question (and whose
names read well) says what is asked (``ask``), where its relation type comes from and how its
roles are read. This module turns that into a query and its parameters (names cleaned by
``names.py``; the query then matches them through the alias index); a date at the end is
``dates.py``'s; the examples shown for a question not understood are ``help.py``'s.

The forms about relations are generic over the relation type: their verbs and nouns are those of
the relation lexicon, inflected (``loader/vocabulary.py``), so "Who backs Maduro?", "Whom did
Pompeo call on?", "Is Guaido supported by Russia?" and "Who voiced support for Maduro?" come from
``loader/data/relations.jsonl``, and a relation type added there is a new question. The core
relations (the lexicon's ``"core": true``) are answered by their own queries (``_OWN_QUERIES``:
their answers name the roles and carry assets, dates, charges), every other type by
``relations``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .. import cypher
from ..errors import UsageError
from ..lexicon import VerbTrigger, lexicon
from ..names import lookup_key
from ..vocabulary import alternation, demonyms, phrase, question_words
from . import dates, grammar
from .help import EXAMPLES, examples, unknown_question_message
from .names import MONTH, clean_name, cut_tail, tidy

__all__ = ["EXAMPLES", "ParsedQuestion", "clean_name", "parse_question", "unknown_question_message"]


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
    # a name parameter -> the names as the question wrote them, before cleaning ("Biden
    # Administration", cleaned to "Biden"): the first of them the graph knows wins over the
    # cleaned name (``answers.exact_names``), so every name an answer shows can be asked back
    asked_names: dict[str, tuple[str, ...]] = field(default_factory=dict)


class Name(str):
    """A cleaned name that keeps the words the question gave for it (``asked``)."""

    asked: tuple[str, ...] = ()


class _NotThisForm(Exception):
    """A form's pattern matched, but what it found is no question of that form."""


# ------------------------------------------------------------------ names and objects

_ANY = {"whom", "who", "what", "which", "anyone", "anybody", "anything", "whom else", "who else"}


def _name(text: str | None) -> str | None:
    """A cleaned name; None (any) for no text or "whom"; a text that cleans to nothing is no name."""
    if text is None or phrase(text) in _ANY:
        return None
    name = _cleaned(text)
    if not name:
        raise _NotThisForm
    return name


def _cleaned(text: str) -> Name:
    """``clean_name(text)``, remembering how ``text`` wrote it: as written, then without a leading
    "the" ("the Biden Administration")."""
    name = Name(clean_name(text))
    as_written = text.strip().strip("\"'“”‘’ ,")
    name.asked = tuple(n for n in dict.fromkeys((as_written, _LEADING_THE.sub("", as_written))) if n and n != name)
    return name


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _asked_names(parsed: ParsedQuestion) -> ParsedQuestion:
    """``parsed`` with the words its cleaned names were written with (``asked_names``)."""
    asked = {k: v.asked for k, v in parsed.params.items() if isinstance(v, Name) and v.asked}
    if_empty = _asked_names(parsed.if_empty) if parsed.if_empty is not None else None
    return replace(parsed, asked_names=asked, if_empty=if_empty)


def _force_owner(text: str | None) -> str | None:
    """Whose force a question names: a demonym is its country ("Russian" -> "Russia"), any other
    name is itself ("Wagner")."""
    name = _name(text)
    return demonyms().get(lookup_key(name), name) if name else name


def _places(text: str, preps: tuple[str, ...]) -> str | None:
    """The place after the last of ``preps``: "troops to the airport in Caracas" -> "Caracas"."""
    found = None
    for m in re.finditer(rf"(?:^|\s)(?:{alternation(preps)})\s+(?!{MONTH}|\d)(?=\S)", text, re.IGNORECASE):
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
        return _name(cut_tail(place) or None)
    text = cut_tail(text)
    if not text:
        if required:
            raise _NotThisForm
        return None
    return _name(text)


def _asset_relation() -> str:
    """The relation "troops in X" asks about: the lexicon's deployment type."""
    return next(s.relation for s in lexicon().specs.values() if s.requires_military_asset and s.destination_preps)


def _relation(form: grammar.Form, kept: dict[str, str | None]) -> tuple[str | None, VerbTrigger | None]:
    """The relation type a form asks about, and the verb that named it."""
    w = question_words()
    if form.relation == "force":
        return _asset_relation(), None
    if form.relation == "noun":
        return w.noun_phrases[phrase(kept["noun"] or "")], None
    if form.relation in ("verb", "holding"):
        verb = (w.holding if form.relation == "holding" else w.verbs)[phrase(kept["verb"] or "")]
        if form.place and not lexicon().specs[verb.relation].destination_preps:
            raise _NotThisForm
        return verb.relation, verb
    return None, None


def _read(reader: grammar.Reader | None, kept: dict[str, str | None], verb: VerbTrigger | None) -> str | None:
    """A role, read as the form says: ``name(subject)``, ``object?(rest)``, ..."""
    if reader is None:
        return None
    text = kept.get(reader.part)
    if reader.how in ("object", "object?"):
        assert verb is not None, "an object(...) reader needs a form whose relation is a verb"
        return _object(verb, text, required=reader.how == "object")
    if reader.how == "clean":
        return _cleaned(text or "")
    if reader.how == "force":
        return _force_owner(text)
    if reader.how == "tail":
        return None if text is None else _name(cut_tail(text))
    return _name(text)


# ------------------------------------------------------------------ what is asked -> a query

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


def _refusals(relation: str, subject: str | None, object_: str | None) -> ParsedQuestion:
    """Who said they do not (will not, did not) ``relation`` ``object_``: negated evidence."""
    return ParsedQuestion("refusals", {"relation": relation, "subject": subject or "", "object": object_ or ""})


def _asked(ask: str, relation: str | None, subject: str | None, object_: str | None) -> ParsedQuestion:
    """The query and parameters of what a form asks, its roles read."""
    if ask == "relation":
        return _answer(relation or "", subject, object_)
    if ask == "yes_or_no":  # and, when the graph asserts no such fact, the statements that deny it
        parsed = _answer(relation or "", subject, object_)
        return ParsedQuestion(parsed.query, parsed.params, if_empty=_refusals(relation or "", subject, object_))
    if ask == "refusals":
        return _refusals(relation or "", subject, object_)
    if ask == "endings":  # who ended the relation with the object (None: with anyone)
        return ParsedQuestion("endings", {"relation": relation or "", "actor": "", "object": object_ or ""})
    if ask == "timeline":
        if subject is None:
            raise _NotThisForm
        return ParsedQuestion("timeline", {"name": subject, "other": object_ or "", "relation": relation or ""})
    if ask == "evidence":
        if subject is None or object_ is None:
            raise _NotThisForm
        return ParsedQuestion("evidence", {"subject": subject, "relation": relation or "", "object": object_})
    if ask == "contested_recognition":
        return ParsedQuestion(ask, {"name": object_ or ""})
    if ask == "path_between":
        return ParsedQuestion(ask, {"from": subject or "", "to": object_ or ""})
    return ParsedQuestion("entity_profile", {"name": subject or ""})


@lru_cache(maxsize=1)
def _forms() -> grammar.Compiled:
    return grammar.compile_forms(question_words())


def _match(q: str) -> ParsedQuestion | None:
    for form, kept in grammar.matches(_forms(), q):
        try:
            relation, verb = _relation(form, kept)
            return _asked(form.ask, relation, _read(form.subject, kept, verb), _read(form.object, kept, verb))
        except _NotThisForm:
            continue
    return None


# ------------------------------------------------------------------ a question, its date

def _takes_as_of(query: str) -> bool:
    return "as_of" in cypher.statement_params(cypher.load(f"queries/{query}"))


def _unhonoured_date(question: str, parsed: ParsedQuestion) -> ParsedQuestion:
    """``parsed``, or, when the question ends in a time qualifier that it does not apply, the
    question without it (so the qualifier is never read as part of a name) with a note."""
    found = dates.time_qualifier(tidy(question))
    if found is None or parsed.params.get("as_of"):
        return parsed
    without, qualifier = found
    parsed = _match(without) or parsed
    if _takes_as_of(parsed.query):
        parsed = replace(parsed, params={**parsed.params, "as_of": ""})
    note = (f"the time qualifier {qualifier!r} is not applied: the {parsed.query} answer "
            "is not limited to it (only \"in\" or \"as of\" a date, for recognitions and deployments, is)")
    return replace(parsed, note=note)


def parse_question(question: str) -> ParsedQuestion:
    """Map a question to a canned query and its parameters; ``UsageError`` (exit 2) listing the
    questions understood otherwise. A date at the end ("in March 2019", "as of 2019-03-01")
    asks what held then, for the queries that take ``as_of``."""
    q, as_of = dates.as_of(tidy(question))
    parsed = _match(q) if as_of else None
    if parsed is None or not _takes_as_of(parsed.query):
        q, as_of = tidy(question), ""  # a date the question's query cannot use stays part of it
        parsed = _match(q)
    if parsed is None:
        raise UsageError(unknown_question_message(question))
    if _takes_as_of(parsed.query):
        parsed = replace(parsed, params={**parsed.params, "as_of": as_of})
    parsed = _asked_names(_unhonoured_date(question, parsed))
    required = {p.name for p in cypher.query_parameters(parsed.query) if p.required}
    empty = [k for k, v in parsed.params.items() if v == "" and k in required]
    if empty:
        raise UsageError(f"no name found for {', '.join(empty)} in {question!r}.\n" + examples())
    return parsed
