"""The model's own attribute rules (its ``attribute_ruler``: tag map and exceptions), applied with
arrays instead of a Matcher and a Span per match: the same POS, MORPH, LEMMA, TAG and DEP on
every token, about 6x faster than the model's ruler on the corpus texts
(``tests/unit/test_attribute_rules.py`` checks the sameness; ``bench/bench_pipeline_shares.py``
puts the ruler at 12% of the whole model).

spaCy's ``AttributeRuler`` matches every pattern first, then applies the matches in the order the
rules were added, so a later rule wins where two set the same attribute of a token. Here:

- every single-token rule is decided once per distinct (TAG, LOWER, DEP, IS_SPACE) of a token,
  for every document after (``_single``: the winning rule and value of each attribute);
- rules of several tokens (a handful: "gon na", "let 's", "there is") are matched over the
  document's arrays and win over a single-token rule where they come later;
- POS, MORPH and LEMMA are written with ``Doc.from_array``; TAG and DEP (set by one or two rules)
  token by token, as the ruler does.

Built from the loaded model's ruler (``from_ruler``), not from a copy of its rules. A rule of a
shape this module does not read (another attribute, another operator, an index outside its
pattern) keeps the model's ruler in place: ``from_ruler`` returns None and the pipeline is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
KEY_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
ARRAY_ATTRS = [POS, MORPH, LEMMA]
CACHE_LIMIT = 200_000  # distinct (TAG, LOWER, DEP, IS_SPACE) decided before the cache starts over


class UnreadRule(ValueError):
    """A rule of a shape this module does not read."""


@dataclass(frozen=True)
class Test:
    column: int  # index into KEY_COLUMNS
    kind: str  # "eq", "in", "not_in", "regex"
    value: object
    members: frozenset[int] = frozenset()  # "in" / "not_in": the values, for one token at a time


@dataclass(frozen=True, eq=False)
class Rule:
    order: int  # the ruler's attr id: a later rule wins
    alternatives: tuple[tuple[tuple[Test, ...], ...], ...]  # patterns, each a tuple of token tests
    index: int  # which token of a match gets the attributes
    attrs: dict[int, int]


def _test(vocab, key: str, value) -> Test:
    if key not in KEYS:
        raise UnreadRule(key)
    column = list(KEYS).index(key)
    if isinstance(value, bool):
        return Test(column, "eq", int(value))
    if isinstance(value, str):
        return Test(column, "eq", vocab.strings.add(value))
    if isinstance(value, dict) and len(value) == 1:
        op, arg = next(iter(value.items()))
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            hashes = numpy.array([vocab.strings.add(a) for a in arg], dtype=numpy.uint64)
            return Test(column, "in" if op == "IN" else "not_in", hashes, frozenset(int(h) for h in hashes))
        if op == "REGEX" and isinstance(arg, str) and key == "LOWER":
            return Test(column, "regex", re.compile(arg))
    raise UnreadRule(f"{key}: {value!r}")


def _anchor(tests: tuple[Test, ...]) -> tuple[int, int] | None:
    """(column, value) of an equality test on TAG (column 0) or LOWER (column 1), if any."""
    for test in tests:
        if test.kind == "eq" and test.column in (0, 1):
            return test.column, int(test.value)  # type: ignore[call-overload]
    return None


class AttributeRules:
    def __init__(self, vocab, rules: list[Rule]):
        self.vocab = vocab
        self.single = [r for r in rules if all(len(p) == 1 for p in r.alternatives)]
        self.multi = [r for r in rules if any(len(p) > 1 for p in r.alternatives)]
        if any(len(p) == 1 for r in self.multi for p in r.alternatives):
            raise UnreadRule("a rule mixing patterns of one and of several tokens")
        # the single-token rules a token may match, by the TAG or LOWER every pattern of the rule
        # asks for (the rest are tried on every token)
        self._by_value: dict[tuple[int, int], list[Rule]] = {}
        self._anywhere: list[Rule] = []
        for rule in self.single:
            anchors = [_anchor(pattern[0]) for pattern in rule.alternatives]
            if all(a is not None for a in anchors):
                for anchor in set(anchors):
                    self._by_value.setdefault(anchor, []).append(rule)  # type: ignore[arg-type]
            else:
                self._anywhere.append(rule)
        self._decided: dict[tuple[int, ...], dict[int, tuple[int, int]]] = {}  # key -> attr -> (order, value)
        self._regex: dict[tuple[str, int], bool] = {}

    @classmethod
    def from_ruler(cls, ruler) -> "AttributeRules | None":
        try:
            rules = []
            for order, attrs in enumerate(ruler.attrs):
                patterns = ruler.matcher.get(str(order))[1]
                alternatives = tuple(tuple(tuple(_test(ruler.vocab, k, v) for k, v in token.items())
                                           for token in pattern) for pattern in patterns)
                index = ruler.indices[order]
                if not all(-len(p) <= index < len(p) for p in alternatives):
                    raise UnreadRule(f"index {index} outside a match")  # spaCy raises E1001 on such a match
                rules.append(Rule(order, alternatives, index, dict(attrs)))
            return cls(ruler.vocab, rules)
        except UnreadRule:
            return None

    # -- matching ----------------------------------------------------------------------------
    def _holds(self, test: Test, key: tuple[int, ...]) -> bool:
        x = key[test.column]
        if test.kind == "eq":
            return x == test.value
        if test.kind == "regex":
            return self._matches(test.value, x)  # type: ignore[arg-type]
        return (x in test.members) == (test.kind == "in")

    def _matches(self, regex: re.Pattern, lower: int) -> bool:
        cached = self._regex.get((regex.pattern, lower))
        if cached is None:
            cached = self._regex[(regex.pattern, lower)] = bool(regex.search(self.vocab.strings[lower]))
        return cached

    def _mask(self, test: Test, column: numpy.ndarray) -> numpy.ndarray:
        if test.kind == "eq":
            return column == test.value
        if test.kind == "regex":
            return numpy.fromiter((self._matches(test.value, int(x)) for x in column),  # type: ignore[arg-type]
                                  dtype=bool, count=len(column))
        inside = numpy.isin(column, test.value)  # type: ignore[arg-type]
        return inside if test.kind == "in" else ~inside

    def _single(self, key: tuple[int, ...]) -> dict[int, tuple[int, int]]:
        """attr -> (order of the winning rule, its value) for a token with these key values."""
        found = self._decided.get(key)
        if found is None:
            found = {}
            candidates = self._anywhere + self._by_value.get((0, key[0]), []) + self._by_value.get((1, key[1]), [])
            for rule in sorted(set(candidates), key=lambda r: r.order):
                if any(all(self._holds(t, key) for t in pattern[0]) for pattern in rule.alternatives):
                    for attr, value in rule.attrs.items():
                        found[attr] = (rule.order, value)
            if len(self._decided) >= CACHE_LIMIT:
                self._decided.clear()  # bounded memory over a long run; refilled from the next documents
            self._decided[key] = found
        return found

    # -- the component -----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        keys = doc.to_array(KEY_COLUMNS)
        winners: dict[int, dict[int, tuple[int, int]]] = {}  # token -> attr -> (order, value)
        decided, single = self._decided, self._single
        for i, row in enumerate(keys.tolist()):
            key = tuple(row)
            found = decided.get(key)
            if found is None:
                found = single(key)
            if found:
                winners[i] = found
        for rule in self.multi:
            for pattern in rule.alternatives:
                width = len(pattern)
                if width > n:
                    continue
                hit = numpy.ones(n - width + 1, dtype=bool)
                for offset, tests in enumerate(pattern):
                    for test in sorted(tests, key=lambda t: t.kind == "regex"):  # regexes last, on fewer
                        column = keys[offset:n - width + 1 + offset, test.column]
                        if test.kind == "regex":
                            where = numpy.nonzero(hit)[0]
                            hit[where] = self._mask(test, column[where])
                        else:
                            hit &= self._mask(test, column)
                target = rule.index if rule.index >= 0 else width + rule.index
                for start in numpy.nonzero(hit)[0].tolist():
                    mine = winners[start + target] = dict(winners.get(start + target, {}))  # never the cached dict
                    for attr, value in rule.attrs.items():
                        if attr not in mine or mine[attr][0] < rule.order:
                            mine[attr] = (rule.order, value)
        values = doc.to_array(ARRAY_ATTRS)
        for i, attrs in winners.items():
            rest = {}
            for attr, (_, value) in attrs.items():
                if attr in ARRAY_ATTRS:
                    values[i, ARRAY_ATTRS.index(attr)] = value
                else:
                    rest[attr] = value
            if rest:
                set_token_attrs(doc[i], rest)
        doc.from_array(ARRAY_ATTRS, values)  # type: ignore[arg-type]
        return doc


def use_attribute_rules(nlp: Language) -> bool:
    """Put ``AttributeRules`` in the place of the model's ``attribute_ruler`` (same name, same
    place); False, and the ruler kept, when it has a rule this module does not read."""
    if "attribute_ruler" not in nlp.pipe_names or nlp.get_pipe_meta("attribute_ruler").factory != "attribute_ruler":
        return False
    fast = AttributeRules.from_ruler(nlp.get_pipe("attribute_ruler"))
    if fast is None:
        return False
    nlp.replace_pipe("attribute_ruler", "kgload_attribute_rules", config={})
    nlp.get_pipe("attribute_ruler").set_rules(fast)  # type: ignore[attr-defined]
    return True


@Language.factory("kgload_attribute_rules")
class _AttributeRulesComponent:
    """The pipe that runs ``AttributeRules`` (given by ``use_attribute_rules``)."""

    def __init__(self, nlp: Language, name: str):
        self.rules: AttributeRules | None = None

    def set_rules(self, rules: AttributeRules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        assert self.rules is not None, "kgload_attribute_rules used without use_attribute_rules"
        return self.rules(doc)
