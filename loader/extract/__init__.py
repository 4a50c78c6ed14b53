"""Extraction: spaCy pipeline + lexicon-driven relation matching -> records of product.md.

Public interface (the rest of kgload uses only this):

- ``EXTRACTOR_VERSION``: bump when output for the same text may change; the loader replaces a
  document's evidence when it changes.
- ``Extractor(model=None)``: loads the pipeline (``loader.settings.model_candidates``), raising
  ``loader.errors.ModelNotFound`` with what to install when none loads.
- ``Extractor.extract(docs, batch_size=..., workers=1)``: for each ``SourceDocument`` in order,
  yields the list of records of that document: one ``DocumentRecord``, its ``EntityRecord``s,
  its ``RelationRecord``s.
"""
