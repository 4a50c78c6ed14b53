"""Who does what a verb says: the actor of a clause, wherever the parse puts it.

The clause subject; the ``by`` agent of a passive; the antecedent of a relative pronoun; for a
clause without a subject of its own, the subject of the verb it depends on (control: "continue
to recognize"; participles and adverbial clauses: "..., accusing Ottawa"; "followed France in
recognizing" also names France); object control ("urged Russia to recognize"); the owner of a
decision ("Turkey's decision to recognize", "the decision by Austria to recognize") or of a
document ("signed a decree recognizing X").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..words import words
from .arguments import RELATIVE_PRONOUNS, Resolver
from .context import Arg, children, companions, decision_of, is_passive, own_subject, prep_objects
from .groups import among_them
from .phrases import relative_antecedent


def agent(verb: Token) -> Token | None:
    """The ``by`` phrase of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and is_passive(verb)):
            for p in children(c, "pobj"):
                return p
    # "was recognized as interim president by the United States": "by" hangs on the noun
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for p in children(c, "pobj"):
                for q in p.children:
                    if q.dep_ == "prep" and q.lower_ == "by":
                        return next((x for x in q.children if x.dep_ == "pobj"), None)
    return None


def governing_verb(token: Token) -> Token | None:
    """For a clause without its own subject, the verb whose subject it shares."""
    dep = token.dep_
    head = token.head
    if head.i == token.i:
        return None
    if dep in ("xcomp", "conj", "advcl") or (dep == "dep" and token.tag_ == "VBG" and head.pos_ in ("VERB", "AUX")):
        return head  # "..., accusing X of ...": a participle hung on a verb by a loose "dep"
    if dep == "pcomp" and head.dep_ == "prep":  # "followed France in recognizing", "after blaming"
        return head.head
    if dep == "acomp" and head.pos_ in ("AUX", "VERB"):  # "was quick to recognize": the copula's subject
        return head
    return None


def owner_of_noun(noun: Token, resolver: Resolver) -> list[Arg]:
    """"Turkey's decision", "the decision by Austria and Spain", "a decree (signed by Putin)"."""
    out: list[Arg] = []
    for c in children(noun, "poss"):
        out.extend(resolver.actors(c))
    for p in prep_objects(noun, ("by", "from", "of")):
        out.extend(resolver.actors(p))
    return out


def subject_args(verb: Token, resolver: Resolver, sent: Span, depth: int = 0) -> list[Arg]:
    """Actors of ``verb``'s clause."""
    if depth > 4:
        return []
    if is_passive(verb):
        found = agent(verb)
        return resolver.actors(found) if found is not None else []
    subj = own_subject(verb)
    if subj is not None:
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            antecedent = relative_antecedent(verb)
            return resolver.actors(antecedent) or _one_of(antecedent, resolver)
        args = resolver.actors(subj)
        if not args and subj.lemma_.lower() in words("group_nouns"):
            args = among_them(resolver, sent)
        for other in children(verb, "nsubj"):
            # "The leader of the group Hezbollah is blaming ...": the name parsed as a second subject
            if not args and other.i != subj.i:
                args = resolver.actors(other)
        # "Chile, along with Peru and Bolivia, accused ...": the companions too
        args = args + [a for x in companions(verb) for a in resolver.actors(x)]
        for c in children(verb, "npadvmod"):
            # headlines coordinate with a comma: "Estonia, Latvia Accuse Russia ..."
            if c.i + 2 == subj.left_edge.i and c.nbor(1).text == "," and resolver.ctx.mention(c):
                args = resolver.actors(c) + args
        return args
    if verb.dep_ == "relcl" and verb.head.lower_ in words("rank_words") and verb.head.dep_ == "attr":
        # "chose to be the first state to recognize X": whoever is the first
        return subject_args(verb.head.head, resolver, sent, depth + 1)
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN")):
        head = verb.head
        args = resolver.actors(head)
        if args:
            return args
        if head.lemma_.lower() in words("decision_nouns") | words("document_nouns"):
            return _owner_or_governor(head, resolver, sent, depth)
        return []
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in words("decision_nouns"):
        return _owner_or_governor(verb.head, resolver, sent, depth)
    gov = governing_verb(verb)
    decision = decision_of(verb) if verb.dep_ in ("advcl", "xcomp") else None
    if gov is not None and decision is not None:
        # "welcome the decision by Austria and Spain to recognize X": the infinitive parsed on
        # the verb whose object is the decision
        owners = owner_of_noun(decision, resolver) + [
            a for p in prep_objects(gov, ("by",)) for a in resolver.actors(p)]
        if owners:
            return owners
    if gov is not None and gov.pos_ in ("VERB", "AUX", "ADJ"):
        if verb.dep_ == "xcomp":
            # object control: "urged Russia to recognize" -> Russia; "called on Chile to ..." -> Chile
            for c in children(gov, "dobj"):
                return resolver.actors(c)
            for p in prep_objects(gov, ("on", "upon")):
                return resolver.actors(p)
        args = subject_args(gov, resolver, sent, depth + 1)
        node = gov
        while not args and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "dep") and \
                node.dep_ in ("ccomp", "xcomp", "conj", "advcl") and node.head.i != node.i:
            # "... pronounced his government to be united ..., while denouncing sanctions and
            # accusing X": a participle's actor is the nearest clause up that has one
            node = node.head
            args = subject_args(node, resolver, sent, depth + 1)
        if verb.dep_ == "pcomp" and gov.lemma_ in words("joining_verbs"):
            # "followed Sweden in recognizing X", "join the United States in recognizing X"
            for c in children(gov, "dobj"):
                args = args + resolver.actors(c)
        return args
    if verb.dep_ == "acl" and verb.head.dep_ in ("attr", "dobj", "nsubj"):
        # "became the first country to recognize X": the subject of "became"
        head = verb.head
        if head.dep_ == "attr":
            return subject_args(head.head, resolver, sent, depth + 1)
    return []


def _one_of(group: Token, resolver: Resolver) -> list[Arg]:
    """"Guatemala is one of a dozen countries that still recognize Taiwan" -> Guatemala."""
    prep = group.head
    if group.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lower_ != "one":
        return []
    one = prep.head
    if one.dep_ == "attr":
        subj = own_subject(one.head)
        return resolver.actors(subj) if subj is not None else []
    return []


def _owner_or_governor(noun: Token, resolver: Resolver, sent: Span, depth: int) -> list[Arg]:
    owners = owner_of_noun(noun, resolver)
    if owners:
        return owners
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        # "Putin signed a decree recognizing Crimea"
        return subject_args(noun.head, resolver, sent, depth + 1)
    return []


def owner_of_noun_subjects(noun: Token, r: Resolver, preps: tuple[str, ...] = ("by", "from")) -> list[Arg]:
    """Who a nominal trigger belongs to: "Japan's recognition", "recognition by X", "U.S.
    charges", "Iranian accusations"."""
    out: list[Arg] = []
    for c in children(noun, "poss"):
        out.extend(r.actors(c))
    for p in prep_objects(noun, preps):
        out.extend(r.actors(p))
    if not out:
        for c in children(noun, "compound", "amod", "nmod"):
            out.extend(r.actors(c))
    return out


def that_clause_subjects(token: Token) -> list[Token]:
    """The subject of a "that"-clause on ``token``: "charged that Britain is ..." -> Britain."""
    out = []
    for c in token.children:
        if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX"):
            if c.dep_ == "acl" and not any(m.lower_ == "that" for m in children(c, "mark")):
                continue
            subj = own_subject(c) or next(iter(children(c, "nsubjpass")), None)
            if subj is not None:
                out.append(subj)
    return out
