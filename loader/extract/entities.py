"""Entity mentions with canonical names, ids and types (the ``kgload_entities`` component).

Each mention is a plain dict (so that it travels between worker processes inside the Doc):
``s``/``e`` token span, ``cs``/``ce`` character span, ``id``/``name``/``type`` of the entity
the words name, and ``actor`` when the words stand for another entity when it acts (a capital
or seat of power for its country: "Moscow said" is Russia speaking, "landed in Moscow" is the
city). ``dem`` marks a demonym ("Russian troops").

Canonical names: countries by their common English short name (pycountry + gazetteer), persons
by their fullest name in the document (accent-insensitive), "the X government/regime" handled
by the relation rules. A document-level vote repairs the model's type errors: a surname that the
document elsewhere uses in a person's name is that person, whatever the model tagged it.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..names import lookup_key, slug
from .gazetteer import Gazetteer, gazetteer
from .words import words

KEEP_LABELS = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}

if not Doc.has_extension("kg_mentions"):
    Doc.set_extension("kg_mentions", default=None)


def _ref(name: str, type_: str) -> dict[str, str]:
    return {"id": slug(name), "name": name, "type": type_}


def _clean_span(span: Span) -> Span | None:
    """Drop leading determiners/titles and a trailing possessive; refuse spans across lines."""
    if "\n" in span.text:
        return None
    start, end = span.start, span.end
    doc = span.doc
    titles = words("titles")
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    if span.label_ == "PERSON":
        while start < end - 1 and doc[start].lower_.rstrip(".") in titles:
            start += 1
        # "Maria Corina" + "Machado": the model stopped before the surname it modifies
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end - 1].head.i == end:
            end += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'", "\u2019") or doc[end - 1].is_punct):
        end -= 1
    if span.label_ in ("GPE", "LOC", "NORP"):
        # "Norland - 2031-05-02": a date the model ran into a place name
        while end - 1 > start and (doc[end - 1].like_num or doc[end - 1].is_punct or doc[end - 1].ent_type_ == "DATE"
                                   or doc[end - 1].text[:1].isdigit()):
            end -= 1
    if end <= start:
        return None
    return Span(doc, start, end, label=span.label_)


class EntityResolver:
    def __init__(self, nlp: Language, name: str = "kgload_entities"):
        self.gaz: Gazetteer = gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms = list(self.gaz.surface_forms)
        demonym_forms = []
        for key in self.gaz.demonyms:
            demonym_forms.append(key.title())
        patterns = [nlp.make_doc(f) for f in forms + demonym_forms if f and f[0].isupper()]
        self.matcher.add("GAZ", patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for ent in doc.ents:
            if ent.label_ in KEEP_LABELS:
                cleaned = _clean_span(ent)
                if cleaned is not None:
                    spans.append(cleaned)
        # a gazetteer name that covers the model's shorter spans wins ("the Former Yugoslav
        # Republic of Macedonia" over "Yugoslav Republic" + "Macedonia"); longest names first
        for _, start, end in sorted(self.matcher(doc), key=lambda m: (m[1] - m[2], m[1])):
            inside = [s for s in spans if s.start < end and start < s.end]
            if all(start <= s.start and s.end <= end and s.end - s.start < end - start for s in inside):
                spans = [s for s in spans if not (start <= s.start and s.end <= end)]
                spans.append(Span(doc, start, end, label="GAZ"))
        spans.sort(key=lambda s: s.start)
        doc._.kg_mentions = self.resolve(doc, spans)
        return doc

    # -- resolution -----------------------------------------------------------------------
    def resolve(self, doc: Doc, spans: list[Span]) -> list[dict[str, Any]]:
        gaz = self.gaz
        resolved: list[tuple[Span, dict[str, Any] | None]] = []
        persons: list[Span] = []
        for span in spans:
            entry = gaz.lookup(span.text)
            if entry is not None:
                known: dict[str, Any] = {"ent": _ref(entry.name, entry.type)}
                if entry.actor:
                    known["actor"] = _ref(entry.actor, "Country")
                resolved.append((span, known))
                continue
            country = gaz.demonym(span.text)
            country_entry = gaz.country(country) if country else None
            if country_entry is not None:
                resolved.append((span, {"ent": _ref(country_entry.name, "Country"), "dem": True}))
                continue
            if span.label_ == "PERSON":
                persons.append(span)
            resolved.append((span, None))

        # persons: fullest name per surname, accent-insensitive
        full_by_last: dict[str, str] = {}
        full_by_key: dict[str, str] = {}
        best_len: dict[str, int] = {}
        for span in persons:
            toks = [t for t in span if not t.is_punct]
            if not toks:
                continue
            last = lookup_key(toks[-1].text)
            if len(toks) > best_len.get(last, 0):
                best_len[last] = len(toks)
                full_by_last[last] = " ".join(t.text for t in toks)
        for full in full_by_last.values():
            full_by_key[lookup_key(full)] = full

        def person_name(text: str) -> str | None:
            key = lookup_key(text)
            if key in full_by_key:
                return full_by_key[key]
            parts = key.split()
            if parts and parts[-1] in full_by_last:
                full = full_by_last[parts[-1]]
                # "Guaido" or "Juan Guaido" but not "Maria Guaido" when the full name is Juan's
                if len(parts) == 1 or lookup_key(full).endswith(key):
                    return full
            return None

        # armed groups the model tags as a nationality or a place: "Janjaweed militias", "the M23
        # rebels", "rebel M23"; one such use makes the name an organisation in the whole document
        armed = {lookup_key(span.text) for span, mention in resolved
                 if mention is None and span.label_ in ("NORP", "GPE", "LOC") and _names_armed_group(span)}

        out: list[dict[str, Any]] = []
        for span, mention in resolved:
            if span.label_ == "ORG" and _inside_title(span):
                continue  # "Secretary of State Mike Pompeo", "National Security Advisor John Bolton"
            if mention is None:
                name = person_name(span.text)
                if name is not None:
                    mention = {"ent": _ref(_display(name), "Person")}
                elif span.label_ == "PERSON":
                    mention = {"ent": _ref(_display(span.text), "Person")}
                elif span.label_ == "ORG" or lookup_key(span.text) in armed:
                    mention = {"ent": _ref(span.text, "Organization")}
                elif span.label_ in ("GPE", "LOC", "FAC"):
                    mention = {"ent": _ref(span.text, "Place")}
                else:
                    continue  # NORP that is no demonym: a group, not an entity
            if not mention["ent"]["id"]:
                continue
            if mention.get("actor") and not _locative(span):
                # a capital or seat of power that acts: "Moscow said", "Washington's attempts"
                mention = {"ent": mention["actor"], "actor": mention["actor"], "metonym": True}
            mention["src"] = "gaz" if span.label_ == "GAZ" or gaz.lookup(span.text) else span.label_
            mention.update({"s": span.start, "e": span.end, "cs": span.start_char, "ce": span.end_char})
            out.append(mention)

        # the model missed a later bare surname of a known person ("Guaido said ...")
        if full_by_last:
            covered: set[int] = set()
            for m in out:
                covered.update(range(m["s"], m["e"]))
            for token in doc:
                if token.i in covered or not token.is_title or token.pos_ != "PROPN":
                    continue
                key = lookup_key(token.text)
                if key in full_by_last:
                    out.append({
                        "ent": _ref(_display(full_by_last[key]), "Person"),
                        "s": token.i, "e": token.i + 1,
                        "cs": token.idx, "ce": token.idx + len(token.text),
                    })
            out.sort(key=lambda m: m["s"])
        return out


LOCATIVE_PREPS = {"in", "at", "to", "from", "into", "near", "outside", "toward", "towards", "inside",
                  "over", "across", "around", "through", "via", "between", "within", "off", "of"}


def _locative(span: Span) -> bool:
    """Is the place named as a place ("landed in Caracas", "reports from Moscow")?"""
    token = span.root
    for _ in range(3):
        if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS:
            return True
        if token.dep_ in ("conj", "appos", "compound") and token.head.i != token.i:
            token = token.head
            continue
        return False
    return False


def _inside_title(span: Span) -> bool:
    """Is the organisation part of a title: just before its head ("National Security Advisor"),
    or alone after "HEAD of" ("Secretary of State")?"""
    titles = words("title_heads")
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in titles and nxt.is_title:
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in titles:
        return span.end - span.start == 1
    return False


def _names_armed_group(span: Span) -> bool:
    """Is the name used for an armed group: the modifier of "militias"/"rebels", or right after
    "rebel"?"""
    groups = words("armed_group_nouns")
    doc = span.doc
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod") and root.head.lemma_.lower() in groups:
        return True
    if span.end < len(doc) and doc[span.end].lemma_.lower() in groups:
        return True
    return span.start > 0 and doc[span.start - 1].lemma_.lower() in groups


def _display(name: str) -> str:
    return " ".join(name.split())


@Language.factory("kgload_entities", assigns=["doc._.kg_mentions"], requires=["doc.ents"])
def make_entity_resolver(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver(nlp, name)

