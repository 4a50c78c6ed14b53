"""Where the model's time goes, and what reading closely only the sentences that can carry a fact
could save at best (prints figures; the evidence behind the issue "extraction at twice the
model's speed").

    .venv/bin/python bench/bench_pipeline_shares.py [--corpus ../shared/corpus] [--docs 200] [--repeat 2]

On the corpus texts (all of ``CORPUS/texts`` and, if present, ``../shared/corpus-blind/texts``)
and the generated articles of ``bench_extract.py``, in one process:

1. the time of each component of the model (tokenizer, then each pipe over the same docs, in
   pipeline order; best of --repeat) and its share of the whole;
2. the share of words in sentences that must be parsed for the records to stay the same: a
   sentence with a trigger of the relation lexicon (a verb lemma or noun of
   ``loader/data/relations.jsonl``, read from the full pipeline's own lemmas) and at least two
   argument candidates (named entities of the types the extractor keeps, or pronouns); the
   sentences before such a sentence are needed for pronouns and are not counted, so this is a
   floor;
3. the ceiling of a selective pipeline that runs the tokenizer and NER on every word and
   tok2vec, tagger, parser, attribute_ruler and lemmatizer only on those sentences, with no
   overhead for splitting and joining: full time / (tokenizer + ner + share * the rest).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

ARGUMENT_LABELS = {"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC"}


def corpus_texts(corpus: Path) -> list[str]:
    from loader.headers import split_header

    folders = [corpus / "texts", corpus.parent / "corpus-blind" / "texts"]
    return [split_header(p.read_text(encoding="utf-8"))[1] for folder in folders if folder.is_dir()
            for p in sorted(folder.glob("*.txt"))]


def component_times(nlp, texts: list[str], repeat: int) -> dict[str, float]:
    best: dict[str, float] = {}
    for _ in range(repeat):
        start = time.perf_counter()
        docs = [nlp.make_doc(t) for t in texts]
        times = {"tokenizer": time.perf_counter() - start}
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            docs = list(proc.pipe(docs, batch_size=32))
            times[name] = time.perf_counter() - start
        for name, seconds in times.items():
            best[name] = min(best.get(name, float("inf")), seconds)
    return best


def parsed_share(nlp, texts: list[str]) -> tuple[int, int]:
    from loader.lexicon import lexicon

    triggers = {v.lemma for spec in lexicon().specs.values() for v in spec.verbs} | {
        n for spec in lexicon().specs.values() for n in spec.nouns}
    total = needed = 0
    for doc in nlp.pipe(texts, batch_size=32):
        total += len(doc)
        for sent in doc.sents:
            has_trigger = any(t.lemma_.lower() in triggers for t in sent)
            arguments = sum(1 for e in sent.ents if e.label_ in ARGUMENT_LABELS) + sum(
                1 for t in sent if t.pos_ == "PRON")
            if has_trigger and arguments >= 2:
                needed += len(sent)
    return needed, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--docs", type=int, default=200, help="generated articles (bench_extract.py)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    import spacy
    from bench_extract import make_docs

    from loader.settings import model_candidates

    nlp = None
    for name in model_candidates(None):
        try:
            nlp = spacy.load(name)  # the model alone, without kgload's components
            break
        except OSError:
            continue
    if nlp is None:
        sys.exit("no spaCy model installed: run make install")
    sets = {
        "corpus texts": corpus_texts(args.corpus),
        "generated articles": [d["text"] for d in make_docs(args.docs)],
    }
    print(f"model {nlp.meta.get('name')} {nlp.meta.get('version')}; components {', '.join(nlp.pipe_names)}")
    for label, texts in sets.items():
        if not texts:
            print(f"{label}: none found")
            continue
        times = component_times(nlp, texts, args.repeat)
        whole = sum(times.values())
        words = sum(len(nlp.make_doc(t)) for t in texts)
        print(f"\n{label}: {len(texts)} documents, {words:,} words; full pipeline {whole:.2f} s, "
              f"{words / whole:,.0f} words/s (best of {args.repeat} per component)")
        for name, seconds in times.items():
            print(f"  {name:<16} {seconds:7.2f} s  {seconds / whole:6.1%}")
        needed, total = parsed_share(nlp, texts)
        share = needed / total
        always = times["tokenizer"] + times.get("ner", 0.0)
        rest = whole - always
        print(f"  words in sentences with a trigger and >= 2 argument candidates: {share:.1%}")
        print(f"  ceiling with NER on every word, the rest on those sentences, no overhead: "
              f"{whole / (always + share * rest):.2f}x")
        print(f"  ceiling with NER on every word and nothing else parsed anywhere: {whole / always:.2f}x")


if __name__ == "__main__":
    main()
