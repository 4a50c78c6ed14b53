"""A small, deterministic graph for the Browser and viz tests (hand-made records, no spaCy)."""

from __future__ import annotations

from loader.load import Loader, bundle_records
from loader.records import DocumentRecord, EntityRecord, EntityRef, Evidence, RelationRecord

DOC = "browser-sample"

US = EntityRef("united-states", "United States", "Country")
LIMA = EntityRef("lima-group", "Lima Group", "Organization")
GUAIDO = EntityRef("juan-guaido", "Juan Guaido", "Person")
MADURO = EntityRef("nicolas-maduro", "Nicolas Maduro", "Person")
RUSSIA = EntityRef("russia", "Russia", "Country")
CUBA = EntityRef("cuba", "Cuba", "Country")
CHINA = EntityRef("china", "China", "Country")
VENEZUELA = EntityRef("venezuela", "Venezuela", "Place")

# who recognizes Guaido: exactly these, and nothing else in the picture
GUAIDO_RECOGNIZERS = {"United States": "Country", "Lima Group": "Organization"}
NOT_IN_GUAIDO_GRAPH = ["Nicolas Maduro", "Russia", "Cuba", "China", "Venezuela"]


def records():
    facts = [
        (US, "RECOGNIZES", GUAIDO, "The U.S. recognized Guaido as interim president."),
        (LIMA, "RECOGNIZES", GUAIDO, "The Lima Group recognizes Juan Guaido."),
        (RUSSIA, "RECOGNIZES", MADURO, "Russia recognizes Maduro as the legitimate president."),
        (CUBA, "RECOGNIZES", MADURO, "Cuba recognizes Maduro."),
        (CHINA, "RECOGNIZES", MADURO, "China recognizes the Maduro government."),
        (RUSSIA, "DEPLOYS_TO", VENEZUELA, "Russia sent two bombers and about 100 troops to Venezuela."),
        (RUSSIA, "ACCUSES", US, "Moscow accused Washington of attempting to organize a coup."),
    ]
    out = [DocumentRecord(DOC, "browser-sample.txt", "Browser sample", None, "2019-03-26", "sample-1", "test-1")]
    aliases = {"juan-guaido": ["Guaido", "Juan Guaidó"], "nicolas-maduro": ["Maduro"],
               "united-states": ["U.S.", "US", "Washington"], "russia": ["Moscow"]}
    for ref in (US, LIMA, GUAIDO, MADURO, RUSSIA, CUBA, CHINA, VENEZUELA):
        out.append(EntityRecord(ref.id, ref.name, ref.type, DOC, aliases.get(ref.id, [])))
    start = 0
    for subj, rel, obj, sentence in facts:
        out.append(RelationRecord(DOC, subj, rel, obj, Evidence(sentence, start, start + len(sentence))))
        start += len(sentence) + 1
    return out


def load_sample(graph) -> None:
    """Empty the database of kgload's data and load the sample."""
    graph.run_autocommit("load/reset_graph")
    Loader(graph).load(bundle_records(records()))
