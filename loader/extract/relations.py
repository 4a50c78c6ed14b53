"""Relations from the dependency parse, driven by the lexicon (the ``kgload_relations`` component).

A ``Matcher`` finds the trigger words of the lexicon (verbs by lemma, nouns by lemma); for each
trigger the rules below find its arguments in the parse:

- the actor: the clause subject, the ``by`` agent of a passive, the subject of a governing
  control verb ("continue to recognize"), of the main clause for participial/adverbial clauses
  ("..., accusing Ottawa"), the antecedent of a relative pronoun, the possessor or ``by``/
  ``from`` phrase of a nominal ("Japan's recognition", "recognition from Berlin");
- the object: direct object, passive subject, the lexicon's preposition ("call on"), the
  ``of``/``against``/``for`` phrase of a nominal; for deployments the asset and destination;
- coordination on either side, and named members of a group noun ("including", "such as",
  "among them", "led by"); "the X government/regime/administration" is X;
- the status: negation, modals, non-factive control verbs, conditionals and questions make a
  relation ``negated`` / ``hypothetical`` / ``questioned``; reported speech sets ``reported_by``.

Results are plain dicts on ``doc._.kg_relations``.
"""

from __future__ import annotations

from typing import Any, Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon, RelationSpec, VerbTrigger, lexicon
from .words import words

if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)

SUBJECT_DEPS = ("nsubj",)
ACTOR_TYPES = ("Country", "Organization", "Person")
PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_THING = {"it"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
ADVERBIAL_PREPS = {"after", "before", "while", "since", "upon", "on", "despite", "by", "through", "when", "for"}
NON_PLACE_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT",
                  "LAW", "WORK_OF_ART", "LANGUAGE"}
QUOTES = "\"'\u201c\u201d\u2018\u2019 )(\n\t"


class Context:
    """Per-document lookups shared by the rules."""

    def __init__(self, doc: Doc, mentions: list[dict]):
        self.doc = doc
        self.mentions = mentions
        self.by_token: dict[int, dict] = {}
        for m in mentions:
            for i in range(m["s"], m["e"]):
                self.by_token[i] = m

    def mention(self, token: Token) -> dict | None:
        return self.by_token.get(token.i)


def _actor(m: dict) -> dict | None:
    ref = m.get("actor") or m["ent"]
    return ref if ref["type"] in ACTOR_TYPES else None


def _place(m: dict) -> dict | None:
    ref = m["ent"]
    return ref if ref["type"] in ("Place", "Country") else None


def _conjuncts(token: Token) -> list[Token]:
    items = [token]
    stack = [token]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj":
                items.append(c)
                stack.append(c)
    return sorted(items, key=lambda t: t.i)


def _coordination_root(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _mention_in(token: Token, ctx: Context) -> dict | None:
    """The mention the noun phrase headed by ``token`` names (head or flat compound)."""
    m = ctx.mention(token)
    if m is not None:
        return m
    return None


def _modifier_mentions(token: Token, ctx: Context) -> list[dict]:
    out = []
    for c in token.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod"):
            m = ctx.mention(c)
            if m is not None:
                out.append(m)
    return out


def _of_mentions(token: Token, ctx: Context, preps=("of", "in")) -> list[dict]:
    out = []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    for item in _conjuncts(p):
                        m = ctx.mention(item)
                        if m is not None:
                            out.append(m)
    return out


def _group_members(token: Token, ctx: Context) -> list[Token]:
    """Named members of a group noun: "states including A and B", "a bloc led by A and B"."""
    members: list[Token] = []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("including", "like", "as", "among"):
            if c.lower_ == "as" and not any(x.lower_ == "such" for x in c.lefts) and not (
                c.i > 0 and c.doc[c.i - 1].lower_ == "such"
            ):
                continue
            for p in c.children:
                if p.dep_ == "pobj":
                    members.extend(_conjuncts(p))
        elif c.dep_ in ("acl", "relcl") and c.lemma_ in ("lead", "include", "head", "comprise", "spearhead"):
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        if p.dep_ == "pobj":
                            members.extend(_conjuncts(p))
                elif a.dep_ == "dobj" and c.lemma_ != "lead":
                    members.extend(_conjuncts(a))
        elif c.dep_ == "appos":
            members.extend(_conjuncts(c))
    return [t for t in members if ctx.mention(t) is not None]


def _among_them(sent: Span, ctx: Context) -> list[Token]:
    """Members listed after "among them" / "among them are" anywhere in the sentence."""
    toks = list(sent)
    for k, t in enumerate(toks[:-2]):
        if t.lower_ == "among" and toks[k + 1].lower_ == "them":
            j = k + 2
            while j < len(toks) and toks[j].lower_ in ("are", "were", ":", ","):
                j += 1
            if j < len(toks) and ctx.mention(toks[j]) is not None:
                return [x for x in _conjuncts(toks[j]) if ctx.mention(x) is not None] or [toks[j]]
    return []


class Arg:
    __slots__ = ("ref", "token", "confidence")

    def __init__(self, ref: dict, token: Token, confidence: float = 1.0):
        self.ref = ref
        self.token = token
        self.confidence = confidence


def np_actors(token: Token, ctx: Context, *, from_modifier: bool = False, group_ok: bool = True) -> list[Arg]:
    """Entities acting through the noun phrase headed by ``token`` (with its conjuncts)."""
    out: list[Arg] = []
    gov = words("government_nouns")
    actor_heads = words("actor_heads")
    groups = words("group_nouns")
    for item in _conjuncts(token):
        m = _mention_in(item, ctx)
        if m is not None:
            ref = _actor(m)
            if ref:
                out.append(Arg(ref, item, 0.9 if not m.get("dem") else 0.75))
            continue
        if item.pos_ == "PRON":
            continue
        found: list[Arg] = []
        # appositive person: "the foreign minister, Jorge Arreaza,"
        for c in item.children:
            if c.dep_ == "appos":
                mm = ctx.mention(c)
                if mm is not None and _actor(mm):
                    found.append(Arg(_actor(mm), c, 0.85))
        if not found and (item.lemma_.lower() in gov or (item.lemma_.lower() == "state" and item.tag_ == "NN")):
            # "the Maduro regime", "the new Georgian cabinet of Irakli Kobakhidze" (the person
            # heading it is the more specific), "a Palestinian state"
            candidates = [_actor(mm) for mm in _of_mentions(item, ctx) + _modifier_mentions(item, ctx)]
            candidates = [c for c in candidates if c]
            persons = [c for c in candidates if c["type"] == "Person"]
            for ref in (persons or candidates)[:1]:
                found.append(Arg(ref, item, 0.85))
        if not found and group_ok:
            for member in _group_members(item, ctx):
                mm = ctx.mention(member)
                if mm and _actor(mm):
                    found.append(Arg(_actor(mm), member, 0.85))
        if not found and (from_modifier or item.lemma_.lower() in actor_heads) and item.lemma_.lower() not in groups - gov:
            for mm in _modifier_mentions(item, ctx):
                if _actor(mm):
                    found.append(Arg(_actor(mm), item, 0.75))
                    break
        out.extend(found)
    return out


def _dedupe(args: Iterable[Arg]) -> list[Arg]:
    seen = set()
    out = []
    for a in args:
        if a.ref["id"] not in seen:
            seen.add(a.ref["id"])
            out.append(a)
    return out


# -- clause structure ---------------------------------------------------------------------

def _own_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            return c
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and _is_passive(verb)):
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    # "was recognized as interim president by the United States": "by" hangs on the noun
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for p in c.children:
                if p.dep_ == "pobj":
                    for q in p.children:
                        if q.dep_ == "prep" and q.lower_ == "by":
                            return next((x for x in q.children if x.dep_ == "pobj"), None)
    return None


def _governing_verb(token: Token) -> Token | None:
    """For a clause without its own subject, the verb whose subject it shares."""
    dep = token.dep_
    head = token.head
    if head.i == token.i:
        return None
    if dep in ("xcomp", "conj", "advcl"):
        return head
    if dep == "pcomp" and head.dep_ == "prep":  # "followed France in recognizing", "after blaming"
        return head.head
    return None


def subject_args(verb: Token, ctx: Context, sent: Span, depth: int = 0) -> tuple[list[Arg], str]:
    """Actors of ``verb``'s clause and how they were found ("subject", "agent", "pronoun"...)."""
    if depth > 4:
        return [], "none"
    if _is_passive(verb):
        agent = _agent(verb)
        if agent is not None:
            return np_actors(agent, ctx), "agent"
        return [], "passive"
    subj = _own_subject(verb)
    if subj is not None:
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            antecedent = _coordination_root(verb.head)
            # "a bloc led by Peru and Chile, which ..." attaches to Peru; climb to the group noun
            if antecedent.dep_ == "pobj" and antecedent.head.dep_ == "agent" and antecedent.head.head.dep_ == "acl":
                antecedent = antecedent.head.head.head
            return np_actors(antecedent, ctx), "relative"
        if subj.pos_ == "PRON" and subj.lower_ in PRONOUNS_PERSON | PRONOUNS_THING:
            ref = resolve_pronoun(subj, ctx, sent)
            return ([Arg(ref, subj, 0.7)] if ref else []), "pronoun"
        args = np_actors(subj, ctx)
        if not args and subj.lemma_.lower() in words("group_nouns"):
            args = [Arg(_actor(ctx.mention(t)), t, 0.85) for t in _among_them(sent, ctx)
                    if ctx.mention(t) and _actor(ctx.mention(t))]
        return args, "subject"
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in ("VBG",)):
        return np_actors(verb.head, ctx), "relative"
    gov = _governing_verb(verb)
    if gov is not None and gov.pos_ in ("VERB", "AUX", "ADJ"):
        # object control: "urged Russia to recognize" -> Russia
        if verb.dep_ == "xcomp":
            for c in gov.children:
                if c.dep_ == "dobj":
                    return np_actors(c, ctx), "object-control"
        return subject_args(gov, ctx, sent, depth + 1)
    return [], "none"


def resolve_pronoun(pron: Token, ctx: Context, sent: Span) -> dict | None:
    """He/she/it -> the one compatible actor in the reporting clause, this or the last sentence."""
    want = ("Person",) if pron.lower_ in PRONOUNS_PERSON else ("Country", "Organization")
    speaker = _speech_head(pron.head)
    if speaker is not None:
        subj = _own_subject(speaker[0])
        if subj is not None and subj.i != pron.i:
            for a in np_actors(subj, ctx):
                if a.ref["type"] in want:
                    return a.ref
    doc = ctx.doc
    start = sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    candidates = {}
    for m in ctx.mentions:
        if start <= m["s"] < pron.i:
            ref = _actor(m)
            if ref and ref["type"] in want:
                candidates[ref["id"]] = ref
    if len(candidates) == 1:
        return next(iter(candidates.values()))
    return None


def _speech_head(token: Token) -> tuple[Token, str] | None:
    """If ``token``'s clause is reported speech, the speech verb and its kind."""
    node = token
    speech = words("speech_verbs")
    denial = words("denial_verbs")
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in ("ccomp", "parataxis") or (node.dep_ == "advcl" and head.lemma_ in speech):
            if head.lemma_ in speech:
                return head, "speech"
            if head.lemma_ in denial:
                return head, "denial"
        if node.dep_ in ("ccomp", "parataxis") and head.lemma_ not in speech:
            # "... ," he said. with the parse hanging the quote under the speech verb's sibling
            pass
        if node.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "pcomp", "prep", "relcl", "acl", "parataxis"):
            break
        node = head
    # '"X sends troops to Y," he said.' parsed with the quote as ROOT and "said" hanging under it
    if node.dep_ == "ROOT":
        for c in node.children:
            if c.dep_ in ("parataxis", "ccomp", "advcl") and c.lemma_ in speech and c.i > token.i:
                return c, "speech"
    return None


def clause_status(verb: Token, sent: Span) -> str:
    modals = words("modals")
    factive = words("factive_control")
    negative = words("negative_control")
    status = "questioned" if _is_question(sent, verb) else "asserted"
    node = verb
    for _ in range(6):
        for c in node.children:
            if c.dep_ == "neg":
                return "negated"
            if c.dep_ in ("aux",) and c.lower_ in modals and status != "questioned":
                status = "hypothetical"
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                status = "hypothetical"
            if c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children
            ):
                return "negated"
            if c.dep_ == "advmod" and c.lower_ in ("never",):
                return "negated"
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ == "pcomp" and head.lower_ in ADVERBIAL_PREPS:
            break  # "after blaming Tehran": a clause of its own
        if node.dep_ == "pcomp" and head.lower_ == "without":
            return "negated"
        if node.dep_ == "xcomp" or (node.dep_ == "pcomp" and head.dep_ == "prep"):
            gov = head if node.dep_ == "xcomp" else head.head
            lemma = gov.lemma_.lower()
            if lemma in negative:
                return "negated"
            if lemma not in factive:
                status = "hypothetical"
            node = gov
            continue
        if node.dep_ in ("acl",) and node.tag_ == "VB":  # "plans to deploy", "the decision to ..."
            status = "hypothetical"
            break
        if node.dep_ in ("conj",):
            # a conjunct shares the auxiliaries of the first verb ("will recognize X and send ...")
            for c in head.children:
                if c.dep_ == "aux" and c.lower_ in modals and c.i < node.i:
                    status = "hypothetical"
            node = head
            continue
        if node.dep_ == "advcl":
            for c in node.children:
                if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                    status = "hypothetical"
        break
    if status == "asserted" and _is_question(sent, verb):
        return "questioned"
    return status


def _is_question(sent: Span, verb: Token) -> bool:
    text = sent.text.rstrip(QUOTES + " .")
    if text.endswith("?"):
        return True
    # the clause itself ends in a question mark: ... "will Russia deploy troops?" he asked
    last = max(t.i for t in verb.subtree)
    nxt = verb.doc[last + 1] if last + 1 < len(verb.doc) else None
    return nxt is not None and nxt.text == "?"


def _combine(a: str, b: str) -> str:
    order = {"asserted": 0, "questioned": 1, "hypothetical": 2, "negated": 3}
    return a if order[a] >= order[b] else b


# -- the relation rules -------------------------------------------------------------------

def _span_text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    return doc[start:end].text.strip(" ,;:\u2013\u2014-")


def _phrase(token: Token, stop: set[int] | None = None) -> str:
    """The noun phrase under ``token`` without relative clauses and trailing modifiers."""
    stop = stop or set()
    keep = []
    for t in token.subtree:
        if t.i in stop:
            continue
        keep.append(t)
    # cut relative clauses, appositions and trailing punctuation
    cut = set()
    for c in token.children:
        if c.dep_ in ("relcl", "acl", "appos", "punct") and c.i > token.i:
            cut.update(x.i for x in c.subtree)
    keep = [t for t in keep if t.i not in cut]
    # keep a contiguous run around the head
    keep.sort(key=lambda t: t.i)
    run = []
    for t in keep:
        if run and t.i != run[-1].i + 1:
            if t.i > token.i:
                break
            run = []
        run.append(t)
    return _span_text(run)


def _is_military(token: Token) -> bool:
    assets = words("military_assets")
    mods = words("military_modifiers")
    if token.lemma_.lower() in assets or token.lower_ in assets or token.lower_.rstrip("s") in assets:
        return True
    for t in token.subtree:
        if t.i > token.i and t.dep_ in ("prep",) and t.lower_ not in ("of",):
            break
        if t.lemma_.lower() in mods or (t.dep_ in ("compound", "amod") and t.lemma_.lower() in assets):
            return True
    # "two Russian military aircraft – a cargo plane and passenger jet –"
    return False


def _dates(sent: Span, scope: set[int]) -> str | None:
    for ent in sent.ents:
        if ent.label_ in ("DATE",) and ent.start in scope:
            return ent.text.strip()
    return None


class RelationFinder:
    def __init__(self, lex: Lexicon, nlp: Language):
        self.lex = lex
        self.verbs = lex.verb_triggers()
        self.nouns = lex.noun_triggers()
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("VERB", [[{"LEMMA": {"IN": sorted(self.verbs)}, "POS": {"IN": ["VERB"]}}]])
        self.matcher.add("NOUN", [[{"LEMMA": {"IN": sorted(self.nouns)}, "POS": {"IN": ["NOUN"]}}]])
        arrival = sorted({v.lemma for vs in self.verbs.values() for v in vs if v.arrival})
        forms = sorted({f for a in arrival for f in (a, a + "s", a + "es")})
        # captions: "A Russian bomber lands in Caracas" (tagged as a noun at the root)
        self.matcher.add("ARRIVAL_NOUN", [[{"LOWER": {"IN": forms}, "POS": "NOUN", "DEP": "ROOT"}]])

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.kg_mentions or []
        ctx = Context(doc, mentions)
        found: list[dict] = []
        vocab = doc.vocab
        for match_id, start, _end in self.matcher(doc):
            token = doc[start]
            kind = vocab.strings[match_id]
            sent = token.sent
            if kind == "VERB":
                for trig in self.verbs.get(token.lemma_, []):
                    spec = self.lex.specs[trig.relation]
                    found.extend(self.from_verb(token, trig, spec, ctx, sent))
            elif kind == "NOUN":
                for relation in self.nouns.get(token.lemma_, []):
                    spec = self.lex.specs[relation]
                    found.extend(self.from_noun(token, spec, ctx, sent))
            else:
                lemma = token.lower_.rstrip("s") if token.lower_ not in ("lands", "docks", "arrives") else token.lower_[:-1]
                for trig in self.verbs.get(lemma, []):
                    if trig.arrival:
                        found.extend(self.from_verb(token, trig, self.lex.specs[trig.relation], ctx, sent))
        # one record per (sentence, subject, relation, object): the same mention found by two
        # routes counts once
        unique: dict[tuple, dict] = {}
        for rel in found:
            key = (rel["sent"][0], rel["subject"]["id"], rel["relation"], rel["object"]["id"])
            if key not in unique or _better(rel, unique[key]):
                unique[key] = rel
        doc._.kg_relations = sorted(unique.values(), key=lambda r: (r["sent"][0], r["trigger"], r["relation"], r["subject"]["id"], r["object"]["id"]))
        return doc

    # verbs ---------------------------------------------------------------------------------
    def from_verb(self, verb: Token, trig: VerbTrigger, spec: RelationSpec, ctx: Context, sent: Span) -> list[dict]:
        if spec.is_deployment:
            return self.deployment_from_verb(verb, trig, spec, ctx, sent)
        passive = _is_passive(verb)
        subjects, _how = subject_args(verb, ctx, sent)
        objects: list[Arg] = []
        obj_tokens: list[Token] = []
        if trig.object_prep:
            for c in verb.children:
                if c.dep_ in ("prep", "prt") and c.lower_ == trig.object_prep:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            obj_tokens.append(p)
                    if c.dep_ == "prt":
                        obj_tokens.extend(x for x in verb.children if x.dep_ == "dobj")
            if not obj_tokens:
                return []
        elif passive:
            obj_tokens = [c for c in verb.children if c.dep_ == "nsubjpass"]
            # relative passive: "the cabinet, which was recognized by Japan"
            if obj_tokens and obj_tokens[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                obj_tokens = [verb.head]
            if not obj_tokens and verb.dep_ in ("acl", "relcl"):  # "the government recognized by Japan"
                obj_tokens = [verb.head]
        else:
            obj_tokens = [c for c in verb.children if c.dep_ == "dobj"]
        for tok in obj_tokens:
            objects.extend(np_actors(tok, ctx, from_modifier=spec.object_from_modifier))
            if spec.relation == "RECOGNIZES":
                for item in _conjuncts(tok):
                    m = ctx.mention(item)
                    if m is not None and m.get("src") == "GPE" and m["ent"]["type"] == "Place" and not m.get("actor"):
                        objects.append(Arg({**m["ent"], "type": "Country"}, item, 0.75))
        objects = [o for o in _dedupe(objects) if o.ref["type"] in spec.object_types]
        subjects = [s for s in _dedupe(subjects) if s.ref["type"] in spec.subject_types]
        if not subjects or not objects:
            return []
        status = clause_status(verb, sent)
        reported_by, status = self._reporting(verb, ctx, sent, status, subjects)
        props: dict[str, Any] = {}
        if spec.charge_preps:
            charge = self._charge(verb, obj_tokens, spec)
            if charge:
                props["charge"] = charge
        return self._emit(spec, verb, subjects, objects, sent, status, reported_by, props)

    def _charge(self, verb: Token, obj_tokens: list[Token], spec: RelationSpec) -> str | None:
        holders = [verb] + obj_tokens
        for h in holders:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in spec.charge_preps:
                    inner = [x for x in c.children if x.dep_ in ("pobj", "pcomp")]
                    if inner:
                        toks = [t for x in inner for t in x.subtree]
                        return _span_text(sorted(toks, key=lambda t: t.i)).strip(QUOTES + ".,")
        return None

    def deployment_from_verb(self, verb: Token, trig: VerbTrigger, spec: RelationSpec, ctx: Context, sent: Span) -> list[dict]:
        passive = _is_passive(verb)
        if trig.arrival:
            if verb.pos_ == "NOUN":
                asset = next((c for c in verb.children if c.dep_ in ("compound", "nmod", "amod") and _is_military(c)), None)
            else:
                asset = _own_subject(verb)
                if asset is not None and asset.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    asset = verb.head
            subjects: list[Arg] = []
        else:
            subjects, _how = subject_args(verb, ctx, sent)
            if passive:
                asset = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                if asset is None and verb.dep_ in ("acl", "relcl"):
                    asset = verb.head
            else:
                asset = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if asset is None or not _is_military(asset):
            return []
        if asset.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            asset = verb.head
        # the actor: named subject, else the asset's nationality ("Russian troops")
        subjects = [s for s in _dedupe(subjects) if s.ref["type"] in spec.subject_types]
        if not subjects:
            for m in _asset_mentions(asset, ctx):
                ref = _actor(m)
                if ref and ref["type"] == "Country":
                    subjects = [Arg(ref, asset, 0.75)]
                    break
        if not subjects:
            return []
        dests = self._destinations(verb, asset, spec, ctx)
        if not dests:
            return []
        status = clause_status(verb, sent)
        if any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in asset.children):
            status = "negated"
        reported_by, status = self._reporting(verb, ctx, sent, status, subjects)
        asset_stop = {t.i for d in dests for t in d.token.subtree}
        props: dict[str, Any] = {"asset": _phrase(asset, asset_stop)}
        scope = {t.i for t in verb.subtree} - {t.i for c in verb.children if c.dep_ in ("relcl", "ccomp") for t in c.subtree}
        when = _dates(sent, scope)
        if when:
            props["when"] = when
        return self._emit(spec, verb, subjects, dests, sent, status, reported_by, props)

    def _destinations(self, verb: Token, asset: Token | None, spec: RelationSpec, ctx: Context) -> list[Arg]:
        out: list[Arg] = []
        holders = [verb] + ([asset] if asset is not None else [])
        for h in holders:
            for c in h.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in spec.destination_preps:
                    for p in c.children:
                        if p.dep_ != "pobj":
                            continue
                        for item in _conjuncts(p):
                            ref = _destination(item, ctx)
                            if ref is not None:
                                out.append(Arg(ref, item, 0.9 if ctx.mention(item) else 0.75))
            if out:
                break
        return _dedupe(out)

    # nouns ---------------------------------------------------------------------------------
    def from_noun(self, noun: Token, spec: RelationSpec, ctx: Context, sent: Span) -> list[dict]:
        if noun.dep_ == "compound":  # "deployment plan", "recognition bid"
            return []
        subjects: list[Arg] = []
        for c in noun.children:
            if c.dep_ == "poss":
                subjects.extend(np_actors(c, ctx))
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        subjects.extend(np_actors(p, ctx))
        head = noun.head
        receiver: list[Arg] = []
        if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_ in ("receive", "win", "gain", "get", "obtain", "secure", "earn"):
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            subjects.extend(np_actors(p, ctx))
            receiver = subject_args(head, ctx, sent)[0]
        if spec.is_deployment:
            asset = None
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    asset = next((p for p in c.children if p.dep_ == "pobj"), None)
            if asset is not None and not _is_military(asset):
                return []
            if asset is None and not any(t.lemma_.lower() in words("military_modifiers") for t in noun.lefts):
                return []
            if not subjects:
                sources = ([asset] if asset is not None else []) + [noun]
                for src in sources:
                    for m in _asset_mentions(src, ctx):
                        ref = _actor(m)
                        if ref and ref["type"] == "Country":
                            subjects = [Arg(ref, src, 0.75)]
                            break
                    if subjects:
                        break
            objects = self._destinations(noun, asset, spec, ctx)
            props = {"asset": _phrase(asset)} if asset is not None else {}
        else:
            objects = []
            if receiver:
                objects = receiver
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ in spec.noun_object_preps:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            objects.extend(np_actors(p, ctx, from_modifier=spec.object_from_modifier))
            props = {}
        subjects = [s for s in _dedupe(subjects) if s.ref["type"] in spec.subject_types]
        objects = [o for o in _dedupe(objects) if o.ref["type"] in spec.object_types or spec.is_deployment]
        if not subjects or not objects:
            return []
        status = self._noun_status(noun, sent)
        reported_by, status = self._reporting(noun, ctx, sent, status, subjects)
        return self._emit(spec, noun, subjects, objects, sent, status, reported_by, props)

    def _noun_status(self, noun: Token, sent: Span) -> str:
        hypo_mods = words("hypothetical_modifiers")
        hypo_heads = words("hypothetical_heads")
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and c.lemma_.lower() in hypo_mods | {"plan"}:
                return "hypothetical"
            if c.dep_ == "det" and c.lower_ in ("no",):
                return "negated"
        node = noun
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                break
            if head.pos_ in ("NOUN",) and head.lemma_.lower() in hypo_heads:
                return "hypothetical"
            if head.pos_ in ("VERB", "AUX"):
                lemma = head.lemma_.lower()
                if lemma in words("denial_verbs"):
                    return "negated"
                if lemma in words("nonfactive_governors"):
                    return "hypothetical"
                return clause_status(head, sent)
            node = head
        return "questioned" if _is_question(sent, noun) else "asserted"

    # shared --------------------------------------------------------------------------------
    def _reporting(self, token: Token, ctx: Context, sent: Span, status: str, subjects: list[Arg]):
        found = _speech_head(token)
        if found is None:
            return None, status
        verb, kind = found
        if kind == "denial":
            return None, _combine(status, "negated")
        speaker_status = clause_status(verb, sent)
        if speaker_status in ("negated", "hypothetical"):
            status = _combine(status, "hypothetical")
        subj = _own_subject(verb)
        if subj is None:
            return None, status
        if subj.pos_ == "PRON":
            ref = resolve_pronoun(subj, ctx, sent)
            speakers = [Arg(ref, subj)] if ref else []
        else:
            speakers = np_actors(subj, ctx)
        if not speakers:
            return None, status
        ref = speakers[0].ref
        if any(s.ref["id"] == ref["id"] for s in subjects):
            return None, status
        return ref, status

    def _emit(self, spec, trigger: Token, subjects: list[Arg], objects: list[Arg], sent: Span,
              status: str, reported_by: dict | None, props: dict) -> list[dict]:
        out = []
        for s in subjects:
            for o in objects:
                if s.ref["id"] == o.ref["id"]:
                    continue
                confidence = round(min(s.confidence, o.confidence) * (0.8 if reported_by else 1.0), 2)
                out.append({
                    "relation": spec.relation,
                    "subject": dict(s.ref),
                    "object": dict(o.ref),
                    "sent": [sent.start_char, sent.end_char],
                    "trigger": trigger.i,
                    "status": status,
                    "reported_by": dict(reported_by) if reported_by else None,
                    "properties": dict(props),
                    "confidence": confidence,
                })
        return out


def _destination(item: Token, ctx: Context) -> dict | None:
    """The place a destination phrase names."""
    from .gazetteer import slug

    if item.ent_type_ in NON_PLACE_ENTS:
        return None
    m = ctx.mention(item)
    if m is not None:
        if _place(m):
            return _place(m)
        # the model's PERSON/ORG on a bare name after "deployed troops to" is a place
        if m.get("src") in ("ORG", "PERSON", "NORP") and m["e"] - m["s"] == 1:
            return {"id": m["ent"]["id"], "name": m["ent"]["name"], "type": "Place"}
        return None
    # "the port of Colombo", "the city of Kherson"
    for mm in _of_mentions(item, ctx, ("of",)):
        if _place(mm):
            return _place(mm)
    # "into Venezuelan territory", "to the Russian border" -> the country;
    # "the Maiquetia airport" -> a place of that name
    for mm in _modifier_mentions(item, ctx):
        if mm.get("dem") or mm["ent"]["type"] == "Country":
            return mm["ent"]
        if mm["ent"]["type"] == "Place":
            if item.lemma_.lower() in words("facility_nouns"):
                name = f"{mm['ent']['name']} {item.text.lower()}"
                return {"id": slug(name), "name": name, "type": "Place"}
            return mm["ent"]
    # "the Kursk region", "Kherson province": the named place
    if item.lemma_.lower() in words("region_nouns"):
        names = [t for t in item.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.is_title]
        if names:
            name = " ".join(t.text for t in names)
            return {"id": slug(name), "name": name, "type": "Place"}
    # a proper name the model did not tag: "sent troops to Donetsk"
    if item.pos_ == "PROPN" and item.is_title:
        toks = [t for t in item.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [item]
        name = " ".join(t.text for t in sorted(toks, key=lambda t: t.i))
        return {"id": slug(name), "name": name, "type": "Place"}
    return None


def _asset_mentions(token: Token, ctx: Context) -> list[dict]:
    """Nationality or owner inside an asset phrase: "Russian troops", "China's jets"."""
    out = []
    for t in token.subtree:
        if t.i > token.i and t.dep_ == "prep":
            break
        m = ctx.mention(t)
        if m is not None and (m.get("dem") or m["ent"]["type"] == "Country" or m.get("actor")):
            if t.i <= token.i or t.dep_ in ("amod", "compound", "poss", "nmod"):
                out.append(m)
    return out


def _better(a: dict, b: dict) -> bool:
    order = {"asserted": 0, "questioned": 1, "hypothetical": 2, "negated": 3}
    return (order[a["status"]], -a["confidence"]) < (order[b["status"]], -b["confidence"])


@Language.factory("kgload_relations", assigns=["doc._.kg_relations"], requires=["doc._.kg_mentions"])
def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(lexicon(), nlp)
