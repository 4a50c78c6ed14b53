"""The hard negatives of ``../shared/corpus/negatives_*.md``: no forbidden triple is asserted.

The corpus is third-party text: nothing of it is copied here. At test time the ``negatives_*.md``
files, the texts (``texts/NAME.txt``, body after the SOURCE/LICENCE/DATE header, read by
``loader.corpus.corpus_document``) and the gold (``gold/NAME.jsonl``) are read from
``<repo>/../shared/corpus``; without them the tests fail (they never skip).

How a bullet is read
--------------------
A bullet is ``- "QUOTE" [(headline)] -- EXPLANATION`` under ``## NAME`` (the text it quotes).

*Which records it is about.* The quote may hold ellipses (``...``/``…``) and brackets: it is cut
into fragments at the ellipses, each fragment is looked up in the text (quotes, apostrophes and
white space normalised) and the longest one must be found. A relation record belongs to the
bullet when its evidence span overlaps a found fragment. Only asserted core relations
(RECOGNIZES, DEPLOYS_TO, ACCUSES) are judged.

*What it forbids.* The explanation is read in three tiers:

1. Explicit triples, in a negated clause (a ``no``/``not``/``neither``/``nor``/``never``
   between the previous ``; : . ( )`` and the triple): ``(S, REL, O)`` and ``REL S -> O``
   (also ``REL (S -> O)``, ``REL -> O``: any subject, ``S -> anywhere`` / ``X``: any object),
   with ``/`` or ``,`` separated alternatives, ``or -> O`` / ``(and none -> O)`` adding
   objects, ``or reverse`` / ``or (O, REL, S)`` the other direction; "nothing with X as
   subject" forbids X as any subject, "nothing for X" X on either side. A record whose
   relation is REL and whose subject and object match one of the alternatives is a violation,
   *even when the triple is gold elsewhere in the file* (the point of such bullets is that this
   sentence alone does not support it). Triples not in a negated clause ("(S, REL, O) is at most
   optional") forbid nothing.
2. A relation named without a triple in a negated clause ("no RECOGNIZES", "neither RECOGNIZES
   nor ACCUSES", "no new ACCUSES"; but not "no *required* RECOGNIZES"): every asserted record of
   that relation from the sentence is a violation unless it is *excepted*.
3. A bullet that names neither ("future.", "a promise; nothing.", "not a further relation", "the
   second clause is conditional"): every asserted core record from the sentence is a violation
   unless it is excepted.

Excepted (tiers 2 and 3 only) are a *required* gold line of the same file (alternatives
included) and a triple the bullet itself says is gold or optional ("(the A -> B charge is gold
...)", "(S, REL, O) is at most optional", "A -> B is only optional"): several bullets quote a
sentence one clause of which is gold. An optional gold line is not excepted unless the bullet
says so: "not itself DEPLOYS_TO evidence (the ... deployments are only optional in this file)"
means the optional triple may come from elsewhere, not from this sentence.

Names are compared with ``loader.evaluate.name_key`` (the scorer's keys: "U.S." = "United
States", "N'Djamena" = Chad when it acts); a one-word place noun of the explanation ("border",
"region", "plan") matches any name holding that word, and a name matches when it only adds a
generic word ("Janjaweed" ~ "Janjaweed militias", "Qadhafi regime" ~ "Qadhafi").

The weakness of tiers 2 and 3: a required triple of the file wrongly drawn from a negative
sentence that names no explicit triple is not caught (the scorer does not see it either).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from loader.corpus import corpus_document
from loader.evaluate import name_key, read_gold, triple_key
from loader.extract import Extractor
from loader.inputs import Rejection
from loader.records import RelationRecord

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
NEGATIVE_FILES = ("negatives_voa.md", "negatives_gov.md")
CORE = ("RECOGNIZES", "DEPLOYS_TO", "ACCUSES")
REL = "|".join(CORE)
NEGATION = re.compile(r"\b(no|not|neither|nor|never|nothing|n't)\b", re.I)
ANY = "*"
GENERIC_WORDS = {"region", "regions", "militias", "militia", "regime", "government", "sector",
                 "forces", "leaders", "province", "the", "charge", "triple", "deployment",
                 "deployments"}
MIN_BULLETS = 150  # the two files held 205 bullets when this test was written


# ------------------------------------------------------------------ parsing

@dataclass
class Spec:
    relation: str
    subjects: list[str]  # names, or [ANY]
    objects: list[str]


@dataclass
class Bullet:
    doc: str
    source: str  # "negatives_voa.md:17"
    quote: str
    explanation: str
    specs: list[Spec] = field(default_factory=list)
    generic: set[str] = field(default_factory=set)  # relations forbidden wholesale (tier 2)
    allowed: list[Spec] = field(default_factory=list)  # triples the bullet says are gold/optional
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def nothing(self) -> bool:  # tier 3
        return not self.specs and not self.generic


BULLET = re.compile(r'^- "(?P<quote>.*?)"(?:\s*\((?:headline|subheading)\))?\s+--\s+(?P<expl>.*)$')
TUPLE = re.compile(rf"\(\s*([^(),]+?)\s*,\s*({REL})\s*,\s*([^()]+?)\s*\)(\s+or\s+(?:the\s+)?reverse)?")
NAME_CHARS = rf"(?:(?!->|{REL})[^;:.,()])"
ARROW = re.compile(rf"\b({REL})\s*\(?\s*(?:no\s+)?({NAME_CHARS}*?)\s*->\s*((?:(?!{REL})[^;:.()])*)")
NOTE_ARROW = re.compile(rf"(?:^|(?<=[;:.(,]))\s*({NAME_CHARS}*?)\s*->\s*((?:(?!{REL})[^;:.()])*)")
NONE_ARROW = re.compile(r"\bnone\s*->\s*([^;:.()]*)")
NOTHING_WITH = re.compile(r"\bnothing (with|for) ([^;:.()]+?)(?: as subject)?(?=[;:.()]|$)")
BARE_REL = re.compile(rf"\b({REL})\b")
BOUNDARY = re.compile(r"[;:.()]")
CUT_WORDS = re.compile(r"\s+(?:from|and|in|is|are|as|with|because|comes|exists)\s+")


def _negated_before(text: str, start: int) -> bool:
    """A negation between the previous clause boundary and ``start``; after "(...) or" / "and"
    the clause goes on before the closed parenthesis ("no (A, R, B) or (B, R, A)")."""
    head = text[:start]
    cut = max((m.end() for m in BOUNDARY.finditer(head)), default=0)
    if NEGATION.search(head[cut:]):
        return True
    if cut and head[cut - 1] == ")" and re.fullmatch(r"\s*(or|and|,)?\s*", head[cut:]):
        opening = head.rfind("(", 0, cut - 1)
        return opening > 0 and _negated_before(text, opening)
    return False


def _names(part: str, *, cut_words: bool) -> list[str]:
    part = part.strip()
    if cut_words:
        part = CUT_WORDS.split(part)[0]
    out = []
    for name in re.split(r"\s*[/,]\s*", part):
        name = name.strip(" '\"")
        if not name:
            continue
        if re.match(r"(no|nothing|none)\b", name, re.I) or BARE_REL.search(name):
            break
        out.append(ANY if name.lower() in ("x", "anywhere", "anyone", "any") else name)
    return out


def _gold_note(text: str, pos: int) -> bool:
    """Is the triple whose object starts at ``pos`` said to be gold or optional ("(the A -> B
    charge is gold ...)")? Such a triple is an exception, not a prohibition."""
    rest = BOUNDARY.split(text[pos:], maxsplit=1)[0]
    return bool(re.search(r"\b(gold|optional)\b", rest))


def parse_explanation(expl: str) -> tuple[list[Spec], set[str], list[Spec]]:
    """(the forbidden triples, the relations forbidden wholesale, the triples said to be gold
    or optional here)."""
    # "O1 or -> O2", "O1 (or -> O2)": more objects
    text = re.sub(r"\s*\(?\bor\s*->\s*([^()]*?)\)?(?=[;.)]|$)", r" / \1", expl)
    specs: list[Spec] = []
    allowed: list[Spec] = []
    consumed: set[int] = set()  # positions of relation names that belong to a triple
    for m in TUPLE.finditer(text):
        consumed.add(m.start(2))
        if _gold_note(text, m.end()):
            allowed.append(Spec(m[2], _names(m[1], cut_words=False), _names(m[3], cut_words=False)))
        elif _negated_before(text, m.start()):
            subjects = _names(m[1], cut_words=False)
            objects = _names(m[3], cut_words=False)
            if subjects and objects:
                specs.append(Spec(m[2], subjects, objects))
                if m[4]:  # "or reverse"
                    specs.append(Spec(m[2], objects, subjects))
    for m in ARROW.finditer(text):
        if m.start(1) in consumed or _gold_note(text, m.start(3)):
            continue
        consumed.add(m.start(1))
        if _negated_before(text, m.start()):
            subjects = _names(m[2], cut_words=True) or [ANY]
            objects = _names(m[3], cut_words=True)
            if objects:
                specs.append(Spec(m[1], subjects, objects))
    for m in NOTE_ARROW.finditer(text):  # "(the A -> B charge is gold ...)", "A -> B is only optional"
        if _gold_note(text, m.start(2)):
            clause = BOUNDARY.split(text[m.start(2):], maxsplit=1)[0]
            rel = BARE_REL.search(clause)
            allowed.append(Spec(rel[1] if rel else ANY, _names(m[1], cut_words=True) or [ANY],
                                _names(m[2], cut_words=True) or [ANY]))
    for m in NONE_ARROW.finditer(text):  # "(and none -> A/B ...)": the previous triple's subjects
        if specs and (objects := _names(m[1], cut_words=True)):
            specs.append(Spec(specs[-1].relation, specs[-1].subjects, objects))
    for m in NOTHING_WITH.finditer(text):  # "nothing with X as subject", "nothing for X"
        names = _names(m[2], cut_words=False)
        for rel in CORE:
            specs.append(Spec(rel, names, [ANY]))
            if m[1] == "for":
                specs.append(Spec(rel, [ANY], names))
    generic: set[str] = set()
    for m in BARE_REL.finditer(text):
        if m.start() in consumed:
            continue
        if re.search(r"\brequired\s*$", text[:m.start()]):
            continue  # "no required RECOGNIZES": an optional one may stand
        if _negated_before(text, m.start()):
            generic.add(m[1])
    return specs, generic, allowed


def read_bullets() -> list[Bullet]:
    bullets: list[Bullet] = []
    for fname in NEGATIVE_FILES:
        path = CORPUS / fname
        doc = None
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith("## "):
                doc = line[3:].strip()
            elif line.startswith("- "):
                m = BULLET.match(line)
                assert m, f"{fname}:{lineno}: a bullet not of the form - \"QUOTE\" -- EXPLANATION"
                assert doc, f"{fname}:{lineno}: a bullet before any ## heading"
                specs, generic, allowed = parse_explanation(m["expl"])
                bullets.append(Bullet(doc, f"{fname}:{lineno}", m["quote"], m["expl"], specs, generic, allowed))
    return bullets


# ------------------------------------------------------------------ locating the quote

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                       "\u2014": "-", "\u00a0": " "})


def _normalised(text: str) -> tuple[str, list[int]]:
    """``text`` with folded quotes and single spaces, and each output char's input offset."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text.translate(_FOLD)):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        where.append(i)
    return "".join(out), where


def fragments(quote: str) -> list[str]:
    parts = re.split(r"\.\.\.|\u2026", quote)
    out = []
    for part in parts:
        part = " ".join(part.translate(_FOLD).split()).strip(" \"'[]")
        if len(part) >= 8:
            out.append(part)
    return sorted(out, key=len, reverse=True)


def locate(quote: str, text: str) -> list[tuple[int, int]]:
    """Spans of the quote's fragments in ``text``; [] when its longest fragment is not there."""
    norm, where = _normalised(text)
    spans = []
    for n, frag in enumerate(fragments(quote)):
        variants = [frag, frag.rstrip(".\"'"), frag.replace("[", "").replace("]", "")]
        pos = -1
        for v in variants:
            pos = norm.find(v)
            if pos >= 0:
                spans.append((where[pos], where[pos + len(v) - 1] + 1))
                break
        if pos < 0 and n == 0:
            return []
    return spans


# ------------------------------------------------------------------ matching names

def _key_words(name: str) -> list[str]:
    return [w for w in name_key(name).split("-") if w]


def name_matches(spec_name: str, record_name: str, record_id: str, *, place: bool) -> bool:
    if spec_name == ANY:
        return True
    spec_key = name_key(spec_name, place=place)
    if spec_key in (name_key(record_name, place=place), record_id, name_key(record_name)):
        return True
    spec_words = [w for w in _key_words(spec_name) if w not in GENERIC_WORDS]
    rec_words = _key_words(record_name) + record_id.split("-")
    if len(spec_words) == 1 and spec_words[0] in {"border", "region", "plan", "zone", "flank"}:
        return spec_words[0] in rec_words
    rec_core = [w for w in _key_words(record_name) if w not in GENERIC_WORDS]
    return bool(spec_words) and spec_words == rec_core


def spec_matches(spec: Spec, rec: RelationRecord) -> bool:
    if spec.relation not in (ANY, rec.relation):
        return False
    place = rec.relation == "DEPLOYS_TO"
    return (any(name_matches(s, rec.subject.name, rec.subject.id, place=False) for s in spec.subjects)
            and any(name_matches(o, rec.object.name, rec.object.id, place=place) for o in spec.objects))


# ------------------------------------------------------------------ the run

@dataclass(repr=False)
class Run:
    bullets: list[Bullet]
    unlocated: list[str]
    violations: list[str]


def _corpus_missing() -> str | None:
    missing = [str(CORPUS / f) for f in NEGATIVE_FILES if not (CORPUS / f).is_file()]
    if not (CORPUS / "texts").is_dir():
        missing.append(str(CORPUS / "texts"))
    if missing:
        return ("the shared corpus is missing (" + ", ".join(missing) + "); these tests read "
                "../shared/corpus next to the repository and cannot run without it")
    return None


@pytest.fixture(scope="module")
def run() -> Run:
    problem = _corpus_missing()
    if problem:
        pytest.fail(problem, pytrace=False)
    bullets = read_bullets()
    names = sorted({b.doc for b in bullets})
    docs = {}
    for name in names:
        path = CORPUS / "texts" / f"{name}.txt"
        assert path.is_file(), f"a negatives file names {name}, but {path} does not exist"
        doc = corpus_document(path)
        assert not isinstance(doc, Rejection), f"{path}: {doc}"
        docs[name] = doc
    gold = {}
    for name in names:
        gpath = CORPUS / "gold" / f"{name}.jsonl"
        assert gpath.is_file(), f"{gpath} does not exist"
        gold[name] = set().union(set(), *(g.keys for g in read_gold(gpath) if g.status == "required"))
    ex = Extractor()
    records = dict(zip(names, ex.extract([docs[n] for n in names]), strict=True))

    unlocated: list[str] = []
    violations: list[str] = []
    for b in bullets:
        b.spans = locate(b.quote, docs[b.doc].text)
        if not b.spans:
            unlocated.append(f"{b.source} ({b.doc}): quote not found: {b.quote[:60]!r}")
            continue
        for rec in records[b.doc]:
            if not (isinstance(rec, RelationRecord) and rec.states_fact and rec.relation in CORE):
                continue
            if not any(rec.evidence.start < e and s < rec.evidence.end for s, e in b.spans):
                continue
            in_gold = (triple_key(rec.subject.name, rec.relation, rec.object.name) in gold[b.doc]
                       or any(spec_matches(a, rec) for a in b.allowed))
            why = None
            hit = next((s for s in b.specs if spec_matches(s, rec)), None)
            if hit is not None:
                why = f"explicit: no {hit.relation} {'/'.join(hit.subjects)} -> {'/'.join(hit.objects)}"
            elif rec.relation in b.generic and not in_gold:
                why = f"no {rec.relation} from this sentence"
            elif b.nothing and not in_gold:
                why = "nothing from this sentence"
            if why:
                violations.append(f"{b.source} {b.doc}: {rec.triple} [{why}] in {rec.evidence.sentence[:90]!r}")
    return Run(bullets, unlocated, violations)


def test_every_negative_bullet_is_read(run):
    assert len(run.bullets) >= MIN_BULLETS, f"only {len(run.bullets)} bullets read from {NEGATIVE_FILES}"
    assert not run.unlocated, "quotes not found in their texts:\n" + "\n".join(run.unlocated)


def test_explanations_are_parsed_as_expected():
    """The reading rules on invented explanations (no corpus text)."""
    specs, generic, _ = parse_explanation("rejection is not ACCUSES (Ann Lee/Norway -> Peru) and not RECOGNIZES.")
    assert [(s.relation, s.subjects, s.objects) for s in specs] == [("ACCUSES", ["Ann Lee", "Norway"], ["Peru"])]
    assert generic == {"RECOGNIZES"}
    specs, generic, _ = parse_explanation("no (United States, DEPLOYS_TO, Chad/Niger) and no (Chad, DEPLOYS_TO, X)")
    assert [(s.subjects, s.objects) for s in specs] == [(["United States"], ["Chad", "Niger"]), (["Chad"], [ANY])]
    specs, _, allowed = parse_explanation("airstrikes: (United States, DEPLOYS_TO, Oman) is at most optional in the gold.")
    assert specs == [] and [(a.subjects, a.objects) for a in allowed] == [(["United States"], ["Oman"])]
    specs, _, _ = parse_explanation("no (Chad, ACCUSES, Peru) or (Peru, ACCUSES, Chad); no (Mali, ACCUSES, Niger) or reverse")
    assert [(s.subjects, s.objects) for s in specs] == [
        (["Chad"], ["Peru"]), (["Peru"], ["Chad"]), (["Mali"], ["Niger"]), (["Niger"], ["Mali"])]
    specs, generic, _ = parse_explanation("no DEPLOYS_TO Mali -> Gao (or -> Niger); no ACCUSES -> Peru from this sentence")
    assert [(s.relation, s.subjects, s.objects) for s in specs] == [
        ("DEPLOYS_TO", ["Mali"], ["Gao", "Niger"]), ("ACCUSES", [ANY], ["Peru"])]
    assert generic == set()
    specs, generic, allowed = parse_explanation("the agentless 'accused' yields no ACCUSES (the Chad -> Mali charge is gold).")
    assert specs == [] and generic == {"ACCUSES"}
    assert [(a.relation, a.subjects, a.objects) for a in allowed] == [(ANY, ["the Chad"], ["Mali charge"])]
    specs, generic, _ = parse_explanation("a map is neither RECOGNIZES nor DEPLOYS_TO Chad -> Kanem/Lac.")
    assert generic == {"RECOGNIZES"} and [(s.relation, s.objects) for s in specs] == [("DEPLOYS_TO", ["Kanem", "Lac"])]
    assert parse_explanation("a link: no required RECOGNIZES from this sentence.") == ([], set(), [])
    assert parse_explanation("future; nothing.") == ([], set(), [])


def test_no_forbidden_asserted_triple(run):
    print(f"\n{len(run.bullets)} negative bullets checked "
          f"({sum(bool(b.specs) for b in run.bullets)} with explicit triples, "
          f"{sum(bool(b.generic) and not b.specs for b in run.bullets)} by relation only, "
          f"{sum(b.nothing for b in run.bullets)} forbidding anything not excepted)")
    assert not run.violations, (f"{len(run.violations)} forbidden asserted triples:\n"
                                + "\n".join(run.violations))
