"""HTML-to-text against spaCy, on the same articles, in one run (prints figures).

    .venv/bin/python bench/bench_html.py [--pages 1000] [--spacy-pages 200] [--model NAME]

Writes ``--pages`` invented news pages (bench/html_pages.py: about 600 words of article in a
7.6 kB page of navigation, cookie banner, captions, related links, Open Graph and JSON-LD) to a
temporary folder, then times, in this process:

1. reading the folder as ``kgload extract`` does (``sources.read_inputs``: each file read, the
   article's text, title, date and canonical URL taken by trafilatura), pages/s;
2. extraction (``Extractor.extract``: spaCy and kgload's components, records built) of the first
   ``--spacy-pages`` of those documents, words/s and pages/s.

Reports HTML's share of the whole ``extract`` of a page (HTML seconds per page over HTML plus
extraction seconds per page; target under 10%). Not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from html_pages import page  # noqa: E402

from loader import web  # noqa: E402
from loader.inputs import SourceDocument  # noqa: E402
from loader.sources import read_inputs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--spacy-pages", type=int, default=200)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kgload-bench-html-") as tmp:
        folder = Path(tmp)
        size = 0
        for i in range(args.pages):
            data = page(i).encode("utf-8")
            size += len(data)
            (folder / f"page-{i:05d}.html").write_bytes(data)
        web.configure()
        start = time.perf_counter()
        docs = [d for d in read_inputs([str(folder)]) if isinstance(d, SourceDocument)]
        html_seconds = time.perf_counter() - start
    assert len(docs) == args.pages, f"{args.pages - len(docs)} page(s) gave no document"
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    html_per_page = html_seconds / len(docs)
    print(f"HTML to text: {len(docs)} pages ({size / len(docs) / 1024:.1f} kB, {words:.0f} words of article each) "
          f"in {html_seconds:.2f} s: {len(docs) / html_seconds:.0f} pages/s")

    from loader.extract import Extractor

    extractor = Extractor(args.model)
    sample = docs[:args.spacy_pages]
    extractor_words = sum(len(d.text.split()) for d in sample)
    list(extractor.extract(sample[:5]))  # warm up (the model's first batch)
    start = time.perf_counter()
    records = sum(len(group) for group in extractor.extract(sample))
    spacy_seconds = time.perf_counter() - start
    spacy_per_page = spacy_seconds / len(sample)
    print(f"spaCy extraction: {len(sample)} of those pages, {records} records, in {spacy_seconds:.1f} s: "
          f"{extractor_words / spacy_seconds:,.0f} words/s, {len(sample) / spacy_seconds:.1f} pages/s")
    share = html_per_page / (html_per_page + spacy_per_page)
    print(f"HTML share of extract: {share:.1%} (target under 10%) - "
          f"{html_per_page * 1000:.1f} ms of HTML + {spacy_per_page * 1000:.0f} ms of extraction per page")


if __name__ == "__main__":
    main()
