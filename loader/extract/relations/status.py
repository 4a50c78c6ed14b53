"""The status of a relation, decided once for every construction.

``asserted`` what the text states as happening; ``reported`` a claim of someone other than the
actor ("Mali says Niger sent troops": Mali's claim, with ``reported_by``); ``negated`` ("has not sent", "no troops",
"refused to recognize", denied claims); ``hypothetical`` (modals, plans, orders, conditionals,
non-factive governors such as "plans to", "threatened to"); ``questioned``. Reported speech
("Mali says Niger sent troops") keeps its status and names the speaker in ``reported_by``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..words import words
from .context import Arg, decision_of, own_subject

QUOTES = "\"'\u201c\u201d\u2018\u2019 )(\n\t"
ADVERBIAL_PREPS = {"after", "before", "while", "since", "upon", "on", "despite", "by", "through", "when", "for", "with", "as"}
# from the plainest to the least a fact; combining two statuses keeps the later one
ORDER = {"asserted": 0, "reported": 1, "questioned": 2, "hypothetical": 3, "negated": 4}


def speech_head(token: Token) -> tuple[Token, str] | None:
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
            if head.lemma_ in denial and not _denies_a_noun(node, head):
                return head, "denial"
        if node.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in words("claim_nouns"):
            # "accusations that it had deployed aircraft": the content of a claim is no fact
            return head, "claim"
        if node.dep_ in ("ccomp", "parataxis") and head.lemma_ not in speech:
            # "... ," he said. with the parse hanging the quote under the speech verb's sibling
            pass
        if node.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "pcomp", "prep", "relcl", "acl", "parataxis"):
            break
        node = head
    # '"X sends troops to Y," he said.' parsed with the quote as ROOT and "said" hanging under it
    if node.dep_ == "ROOT":
        for c in node.children:
            if c.dep_ in ("parataxis", "ccomp", "advcl") and c.lemma_ in speech and c.i > token.i and \
                    not any(m.dep_ == "mark" for m in c.children):  # "..., after Tokyo alleged ...": no framing
                return c, "speech"
    return None



def _denies_a_noun(clause: Token, verb: Token) -> bool:
    """"X accused Y of ..., a charge Kigali denies": the parser hangs the accusation under
    "denies", but what is denied is the charge named between them."""
    claims = words("claim_nouns")
    return any(t.lemma_.lower() in claims for t in verb.subtree if clause.right_edge.i < t.i < verb.i)


def no_longer(verb: Token) -> Token | None:
    """The "no" of "no longer recognizes" / "no longer has troops in": an ending, no negation."""
    for c in verb.children:
        if c.lower_ == "longer" and c.dep_ in ("advmod", "npadvmod"):
            for d in [*c.children, *(t for t in [verb.doc[c.i - 1]] if c.i > 0)]:
                if d.lower_ == "no":
                    return d
    return None


def ending_governor(verb: Token, governors: tuple[str, ...]) -> Token | None:
    """"stopped recognizing X", "ended the deployment": the verb that ends the relation."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in governors:
        return head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in governors:
        return head.head
    if verb.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in governors:
        return head
    return None


def clause_status(verb: Token, sent: Span, skip: frozenset[int] = frozenset()) -> str:
    """The status of ``verb``'s clause; tokens in ``skip`` are not read as negation."""
    modals = words("modals")
    factive = words("factive_control")
    negative = words("negative_control")
    status = "questioned" if is_question(sent, verb) else "asserted"
    node = verb
    for _ in range(6):
        for c in node.children:
            if c.i in skip:
                continue
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
            if lemma not in factive or (lemma == "go" and gov.tag_ == "VBG"):  # "is going to keep"
                status = "hypothetical"
            node = gov
            continue
        if node.dep_ in ("acl",) and node.tag_ == "VB":  # "plans to deploy", "the decision to ..."
            if _ranked(head):  # "the first country to recognize X" did recognize it
                node = head
                continue
            status = "hypothetical"
            break
        if node.dep_ in ("conj",):
            if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in node.children):
                break  # "have not crossed into X and are patrolling Y": a clause of its own
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
    if status == "asserted" and is_question(sent, verb):
        return "questioned"
    return status


def is_question(sent: Span, verb: Token) -> bool:
    text = sent.text.rstrip(QUOTES + " .")
    if text.endswith("?"):
        return True
    # the clause itself ends in a question mark: ... "will Russia deploy troops?" he asked
    last = max(t.i for t in verb.subtree)
    nxt = verb.doc[last + 1] if last + 1 < len(verb.doc) else None
    return nxt is not None and nxt.text == "?"


def combine(a: str, b: str) -> str:
    return a if ORDER[a] >= ORDER[b] else b




def noun_status(noun: Token, sent: Span, *, performative: bool = False, speech_act: bool = False) -> str:
    """Status of a nominal trigger ("recognition", "deployment", "accusations").

    ``performative`` relations are done by deciding them: "Turkey's decision to recognize X" is
    the recognition, while a decision to deploy troops is not yet a deployment. A ``speech_act``
    noun with its author ("U.S. charges that ...", "Iran's accusations") was said, whatever the
    sentence then does with it: "Morales rejected Chilean charges that he ..." still reports the
    charge; only its content is denied."""
    hypo_mods = words("hypothetical_modifiers")
    hypo_heads = words("hypothetical_heads")
    if not performative:
        hypo_heads = hypo_heads | words("decision_nouns")
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.lemma_.lower() in hypo_mods | {"plan"}:
            return "hypothetical"
        if c.dep_ == "det" and c.lower_ in ("no",):
            return "negated"
    if speech_act and any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in noun.children):
        return "questioned" if is_question(sent, noun) else "asserted"
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
    return "questioned" if is_question(sent, noun) else "asserted"


def decision_status(verb: Token, sent: Span, status: str, *, performative: bool) -> str:
    """"the decision (by X) to recognize Y": the verb is an infinitive on a decision noun. For a
    performative relation the decision is the act; its own status is the noun's."""
    decision = decision_of(verb)
    if decision is not None:
        if performative:
            return noun_status(decision, sent, performative=True)
        return combine(status, "hypothetical")
    return status


def reporting(token: Token, resolver, sent: Span, status: str, subjects: list[Arg]):
    """(the speaker when the relation is reported speech of someone else, the status)."""
    found = speech_head(token)
    if found is None:
        return None, status
    verb, kind = found
    if kind == "denial":
        return None, combine(status, "negated")
    if kind == "claim":
        # the claim's author; a claim that is rejected or denied makes the content negated
        governor = verb.head if verb.dep_ in ("dobj", "nsubjpass", "pobj") else None
        if governor is not None and governor.lemma_.lower() in words("denial_verbs") | words("rejection_verbs"):
            return None, combine(status, "negated")
        authors = [a.ref for c in verb.children if c.dep_ in ("poss", "compound", "amod") for a in resolver.actors(c)]
        return (authors[0] if authors else None), combine(status, "reported")
    speaker_status = clause_status(verb, sent)
    if speaker_status in ("negated", "hypothetical"):
        status = combine(status, "hypothetical")
    subj = own_subject(verb)
    if subj is None:
        return None, status
    if subj.pos_ == "PRON":
        speakers = resolver.pronoun(subj)
    else:
        speakers = [a.ref for a in resolver.actors(subj)]
    if not speakers:
        return None, status
    ref = speakers[0]
    own_side = {ref["id"]}
    country = resolver.ctx.country_of(ref)
    if country is not None:
        own_side.add(country["id"])
    subject_sides = {s.ref["id"] for s in subjects} | {
        c["id"] for s in subjects if (c := resolver.ctx.country_of(s.ref)) is not None}
    if subject_sides & own_side:
        # the actor (or its own official) says what it did: "Chad's defense minister said he
        # had sent soldiers", "a Russian general said Russia has sent troops"
        return None, status
    # a party's claim about another, framed as its position ("Mali says Niger sent troops",
    # "Mali's foreign minister said ...") is the party's, not a fact; sourcing after the fact
    # (", the United Nations said", ", Kirby said") and a named person's word are attribution
    party = ref["type"] in ("Country", "Organization") and verb.i < token.i
    if party or verb.lemma_.lower() in words("claim_verbs"):
        return ref, combine(status, "reported")
    return ref, status


def better(a: dict, b: dict) -> bool:
    return (ORDER[a["status"]], -a["confidence"]) < (ORDER[b["status"]], -b["confidence"])


def _ranked(noun: Token) -> bool:
    """"the first (country)", "the only state", "the second": a rank states a done act."""
    ranks = words("rank_words")
    return noun.lower_ in ranks or any(c.lower_ in ranks for c in noun.children if c.dep_ in ("amod", "advmod"))
