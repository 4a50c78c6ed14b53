"""Data files of the extractor: gazetteer, demonyms, relation lexicon (JSONL)."""
