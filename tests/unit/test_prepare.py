"""prepare_bundle: one document's records turned into the load templates' rows, before any write."""

from __future__ import annotations

from loader.bundles import AssertedFact, DocumentBundle, PreparedDocument, prepare_bundle
from loader.inputs import Rejection
from loader.records import DocumentRecord, EntityRecord, EntityRef, Evidence, RelationRecord, evidence_id_for

US = EntityRef("united-states", "United States", "Country")
GUAIDO = EntityRef("juan-guaido", "Juan Guaido", "Person")
MADURO = EntityRef("nicolas-maduro", "Nicolas Maduro", "Person")
LAVROV = EntityRef("sergei-lavrov", "Sergei Lavrov", "Person")


def rel(subj, relation, obj, start, sentence, status="asserted", **kw):
    return RelationRecord("doc-1", subj, relation, obj, Evidence(sentence, start, start + len(sentence)),
                          status=status, **kw)


def bundle(relations, entities=(), published="2019-03-26", sha="abc"):
    doc = DocumentRecord("doc-1", "a.txt", "A", None, published, sha, "test-1")
    return DocumentBundle(doc, list(entities), list(relations))


def test_rows_of_a_document():
    twice = rel(US, "RECOGNIZES", GUAIDO, 0, "The U.S. recognized Guaido.")
    b = bundle(
        [twice, twice,  # the same mention listed twice counts once
         rel(US, "RECOGNIZES", GUAIDO, 40, "Washington backs Guaido."),
         rel(US, "RECOGNIZES", MADURO, 80, "The U.S. does not recognize Maduro.", status="negated"),
         rel(US, "ACCUSES", MADURO, 120, "Lavrov said the U.S. accused Maduro.", reported_by=LAVROV,
             properties={"charge": "a coup", "key": "not-a-real-key"})],
        entities=[EntityRecord("united-states", "United States", "Country", "doc-1", ["U.S.", "US"])],
    )
    p = prepare_bundle(b).prepared
    assert isinstance(p, PreparedDocument)
    assert p.size == 1 + 1 + 5
    # the subjects and objects, and the reporter of a claim (Lavrov)
    assert p.document_row["entity_ids"] == ["juan-guaido", "nicolas-maduro", "sergei-lavrov", "united-states"]
    assert p.document_row["text_sha256"] == "abc" and p.document_row["published"] == "2019-03-26"
    assert p.entity_rows == [("united-states", "United States", "Country", ["United States", "U.S.", "US"])]
    # four distinct mentions; the negated one is evidence but not an asserted mention
    assert [e["id"] for e in p.evidence] == [evidence_id_for(r) for r in b.relations[1:]]
    assert p.asserted == {
        # mentions, then the earliest and latest event date: no sentence dates them, so the
        # document's publication date
        "united-states|RECOGNIZES|juan-guaido": AssertedFact("united-states", "RECOGNIZES", "juan-guaido", 2, "2019-03-26", "2019-03-26"),
        "united-states|ACCUSES|nicolas-maduro": AssertedFact("united-states", "ACCUSES", "nicolas-maduro", 1, "2019-03-26", "2019-03-26"),
    }
    assert p.endings == {}
    accusation = p.evidence[-1]["props"]
    # reserved names among the mention's properties never overwrite the evidence's own
    assert accusation == {
        "charge": "a coup", "subject_id": "united-states", "relation": "ACCUSES",
        "object_id": "nicolas-maduro", "sentence": "Lavrov said the U.S. accused Maduro.",
        "start": 120, "end": 156, "confidence": 0.9, "status": "asserted",
        "reported_by_id": "sergei-lavrov",
        # the node's every property: its id, fact key, document and publication date
        "id": evidence_id_for(b.relations[-1]), "key": "united-states|ACCUSES|nicolas-maduro",
        "doc_id": "doc-1", "published": "2019-03-26",
    }
    # a mention nobody reports has no reported_by_id
    assert "reported_by_id" not in p.evidence[0]["props"]
    assert ("sergei-lavrov", "Sergei Lavrov", "Person") in p.reference_rows


def test_records_without_a_text_digest_get_one_from_the_records():
    one = prepare_bundle(bundle([rel(US, "RECOGNIZES", GUAIDO, 0, "The U.S. recognized Guaido.")], sha=None)).prepared
    same = prepare_bundle(bundle([rel(US, "RECOGNIZES", GUAIDO, 0, "The U.S. recognized Guaido.")], sha=None)).prepared
    other = prepare_bundle(bundle([rel(US, "RECOGNIZES", GUAIDO, 0, "The U.S. recognized Guaidó.")], sha=None)).prepared
    assert one.text_sha256.startswith("records:") and one.text_sha256 == same.text_sha256
    assert other.text_sha256 != one.text_sha256


def test_a_document_outside_the_allowlist_is_a_rejection_naming_it():
    item = prepare_bundle(bundle([rel(US, "KNOWS", GUAIDO, 0, "The U.S. knows Guaido.")]))
    p = item.rejected
    assert isinstance(p, Rejection) and item.prepared is None
    assert str(p) == "a.txt (document doc-1): relation type 'KNOWS' is not in the relation lexicon"


def test_a_mention_listed_twice_counts_once_and_keeps_the_last_details():
    first = rel(US, "RECOGNIZES", GUAIDO, 0, "The U.S. recognized Guaido.", confidence=0.5)
    last = rel(US, "RECOGNIZES", GUAIDO, 0, "The U.S. recognized Guaido.", confidence=0.8)
    p = prepare_bundle(bundle([first, last])).prepared
    assert len(p.evidence) == 1 and p.evidence[0]["props"]["confidence"] == 0.8
    assert p.asserted == {"united-states|RECOGNIZES|juan-guaido":
                          AssertedFact("united-states", "RECOGNIZES", "juan-guaido", 1, "2019-03-26", "2019-03-26")}


def test_a_relation_of_another_document_is_refused():
    stray = RelationRecord("doc-2", US, "RECOGNIZES", GUAIDO, Evidence("The U.S. recognized Guaido.", 0, 27))
    p = prepare_bundle(bundle([stray])).rejected
    assert isinstance(p, Rejection)
    assert p.reason == "relation record of document 'doc-2' among the records of document 'doc-1'"


def test_event_dates_and_endings():
    """A sentence's event_date is the fact's date; an asserted ending supports no fact and is
    listed among the document's endings (a negated one is neither)."""
    dated = rel(US, "RECOGNIZES", GUAIDO, 0, "The U.S. recognized Guaido in January.",
                properties={"when": "January", "event_date": "2019-01"})
    undated = rel(US, "RECOGNIZES", GUAIDO, 40, "The U.S. still recognizes Guaido.")
    ending = rel(US, "RECOGNIZES", MADURO, 80, "The U.S. withdrew its recognition of Maduro.", ends=True)
    denied = rel(US, "ACCUSES", MADURO, 130, "The U.S. did not stop accusing Maduro.", status="negated", ends=True)
    p = prepare_bundle(bundle([dated, undated, ending, denied])).prepared
    assert p.asserted == {"united-states|RECOGNIZES|juan-guaido":
                          AssertedFact("united-states", "RECOGNIZES", "juan-guaido", 2, "2019-01", "2019-03-26")}
    assert p.endings == {"united-states|RECOGNIZES|nicolas-maduro": ("united-states", "RECOGNIZES", "nicolas-maduro")}
    assert [e["props"].get("ends") for e in p.evidence] == [None, None, True, True]
