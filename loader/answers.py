"""Running a parsed question (or a canned query) and saying what an empty answer means.

- A yes-or-no question the graph does not assert ("Has Spain recognized Kosovo?") is answered
  from the statements that deny it (``refusals``: negated evidence), with a line "No — Spain said
  it would not recognize Kosovo (2008-02-18)".
- An empty answer says which of the names it was given no entity was ever called, with the
  nearest known name ("no entity named 'Kosovoo'; did you mean Kosovo?"), so that a typo is not
  taken for a fact the graph lacks.
- An answer as of a date ("Who recognized Kosovo in 2008?") says how many of the facts asked
  about it left out because no sentence of theirs has a date ("2 recognitions matching 'Kosovo'
  have no date and are not counted as of 2008 (ask without a date to see them)"): the facts
  the same query finds without a date, those of them ``lookup/undated_facts`` finds undated.

The statements are in ``cypher/queries/refusals.cypher`` and ``cypher/lookup/``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import cypher

if TYPE_CHECKING:
    from .graph import Graph
    from .questions import ParsedQuestion

# how close a known name must be to be offered ("kosovoo" -> "kosovo": 0.92)
SUGGESTION_CUTOFF = 0.75


@dataclass
class Answer:
    query: str  # the canned query whose rows these are
    rows: list[dict]
    # a line that says what the rows mean ("No — ..."), the table's title
    title: str | None = None
    # why there is no answer (unknown names, with suggestions), for stderr
    notes: list[str] = field(default_factory=list)
    # what an answer as of a date left out for want of a date, one line per relation type, for stderr
    left_out: list[str] = field(default_factory=list)


def exact_names(graph: Graph, params: dict, asked_names: dict[str, tuple[str, ...]]) -> dict:
    """``params`` with each name the question cleaned ("Biden" of "Tell me about Biden
    Administration") replaced by the first of the ways it was written (``asked_names``) that
    some entity was called: an exact name wins over any cleaning, so every name an answer shows
    can be asked back."""
    written = sorted({n for names in asked_names.values() for n in names})
    if not written:
        return params
    unknown = {row["name"] for row in graph.read("lookup/unknown_names", {"names": written})}
    out = dict(params)
    for param, names in asked_names.items():
        known = [n for n in names if n not in unknown]
        if known and param in out:
            out[param] = known[0]
    return out


def answer_question(graph: Graph, parsed: ParsedQuestion) -> Answer:
    """The rows of the question's query (its names as written when the graph knows them so); if
    none, those of its ``if_empty`` question (a "No" from negated evidence); if none either, notes
    on the names the graph does not know."""
    params = cypher.query_arguments(parsed.query, exact_names(graph, parsed.params, parsed.asked_names))
    rows = graph.read(f"queries/{parsed.query}", params)
    left_out = undated_lines(graph, parsed.query, params)
    if rows:
        return Answer(parsed.query, rows, left_out=left_out)
    if parsed.if_empty is not None:
        fallback = parsed.if_empty
        refusals = graph.read(f"queries/{fallback.query}", cypher.query_arguments(
            fallback.query, exact_names(graph, fallback.params, fallback.asked_names)))
        if refusals:
            return Answer(fallback.query, refusals, title=no_line(refusals), left_out=left_out)
    return Answer(parsed.query, [], notes=unknown_names(graph, parsed.query, params), left_out=left_out)


def undated_lines(graph: Graph, query: str, params: dict, see_them: str = "ask without a date") -> list[str]:
    """For an answer as of a date: one line per relation type on the facts the same query finds
    without the date (its ``graph`` column) that no sentence dates, so that it leaves them out
    ("2 recognitions matching 'Kosovo' have no date and are not counted as of 2008 (ask without
    a date to see them)"); none without a date."""
    from .records import fact_key

    as_of = (params.get("as_of") or "").strip()
    if not as_of:
        return []
    _, drawn = graph.answer(query, {**params, "as_of": ""})
    relation_of = {fact_key(r.start_node["id"], r.type, r.end_node["id"]): r.type for r in drawn.relationships}
    if not relation_of:
        return []
    by_relation: dict[str, int] = {}
    for row in graph.read("lookup/undated_facts", {"keys": sorted(relation_of)}):
        relation = relation_of[row["key"]]
        by_relation[relation] = by_relation.get(relation, 0) + 1
    names = [params[p] for p in cypher.name_parameters(query) if isinstance(params.get(p), str) and params[p].strip()]
    matching = f" matching {' and '.join(repr(n) for n in names)}" if names else ""
    lines = []
    for relation, n in by_relation.items():
        noun = _noun(relation) + ("s" if n != 1 else "")
        verb = "have no date and are" if n != 1 else "has no date and is"
        lines.append(f"{n} {noun}{matching} {verb} not counted as of {as_of} ({see_them} to see them)")
    return lines


def _noun(relation: str) -> str:
    """The lexicon's first noun of ``relation`` ("recognition", "deployment"), else "fact"."""
    from .lexicon import lexicon

    spec = lexicon().specs.get(relation)
    return spec.nouns[0] if spec is not None and spec.nouns else f"{relation.lower().replace('_', ' ')} fact"


def no_line(refusals: list[dict]) -> str:
    """"No — Spain said it would not recognize Kosovo (2008-02-18)" for rows of ``refusals``."""
    parts = []
    for row in refusals:
        first, last = row.get("first_said"), row.get("last_said")
        when = f" ({first})" if first and first == last else f" ({first} to {last})" if first else ""
        parts.append(f"{row['subject']} said it would not {_verb_phrase(row['relation'])} {row['object']}{when}")
    return "No — " + "; ".join(parts)


def _verb_phrase(relation: str) -> str:
    """The lexicon's first verb of ``relation`` with the preposition its object takes:
    "recognize", "deploy to", "call on"."""
    from .lexicon import lexicon

    spec = lexicon().specs.get(relation)
    if spec is None or not spec.verbs:
        return relation.lower().replace("_", " ")
    verb = spec.verbs[0]
    prep = verb.object_prep or (spec.destination_preps[0] if spec.destination_preps else None)
    return f"{verb.lemma} {prep}" if prep else verb.lemma


def unknown_names(graph: Graph, query: str, params: dict) -> list[str]:
    """One line per name parameter of ``query`` whose value no entity was ever called:
    "no entity named 'Kosovoo'; did you mean Kosovo?"."""
    given = [params[p] for p in cypher.name_parameters(query)
             if isinstance(params.get(p), str) and params[p].strip()]
    if not given:
        return []
    unknown = graph.read("lookup/unknown_names", {"names": given})
    return [f"no entity named {row['name']!r}{_suggestion(graph, row['key'])}" for row in unknown]


def _suggestion(graph: Graph, key: str) -> str:
    """"; did you mean Kosovo?" for the known name nearest ``key`` (an alias key), else ""."""
    if not key:
        return ""
    candidates = graph.read("lookup/names_starting_with", {"prefix": key[0]})
    names: dict[str, str] = {}
    for row in candidates:
        names.setdefault(row["key"], row["name"])
    near = difflib.get_close_matches(key, list(names), n=1, cutoff=SUGGESTION_CUTOFF)
    return f"; did you mean {names[near[0]]}?" if near else ""

