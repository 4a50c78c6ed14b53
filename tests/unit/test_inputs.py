import io
import json
import os

import pytest

from loader.inputs import RecordBatch, Rejection, SourceDocument, decode_bytes, read_inputs


def _items(*paths, stdin=None):
    return list(read_inputs([str(p) for p in paths], stdin=stdin))


def test_text_file_with_headline(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Russia Sends Troops\n\nRussia sent troops to Syria.\n", encoding="utf-8")
    [doc] = _items(p)
    assert isinstance(doc, SourceDocument)
    assert doc.title == "Russia Sends Troops"
    assert doc.source == str(p)
    assert doc.id == p.resolve().as_uri()  # a file's identity is where it is (issue 20, point 5)


def test_first_line_that_is_a_sentence_is_not_a_title(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("Russia sent troops to Syria on Monday.\nMore text.", encoding="utf-8")
    [doc] = _items(p)
    assert doc.title is None


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"   \n\t \n", "empty"),
    (b"\x00\x01\x02binary\x00", "binary"),
])
def test_bad_text_files_are_rejected_with_a_reason(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    [item] = _items(p)
    assert isinstance(item, Rejection) and item.input == str(p) and reason in item.reason


def test_windows_1252_falls_back_and_utf16_bom_decodes():
    text, note = decode_bytes("Guaid\u00f3 \u2013 caf\u00e9".encode("cp1252"))
    assert text == "Guaid\u00f3 \u2013 caf\u00e9" and "Windows-1252" in note
    text, note = decode_bytes("Guaid\u00f3 recognized".encode("utf-16"))
    assert text == "Guaid\u00f3 recognized" and note is None


def test_jsonl_documents_and_bad_lines(tmp_path):
    p = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "d1", "text": "Cuba recognizes Maduro.", "published": "2019-01-01"}),
        "{not json",
        json.dumps({"id": "d2"}),
        json.dumps({"id": "d3", "text": 42}),
        "",
        json.dumps({"text": "Peru recognizes Guaido.", "title": "T", "url": "http://example.org/a"}),
        json.dumps({"id": "d4", "text": "Chile recognizes Guaido.", "author": "Ana Ruiz; Tom Lee"}),
        json.dumps({"id": "d5", "text": "Peru recognizes Guaido.", "author": ["Ana Ruiz"]}),
        json.dumps({"id": "d6", "text": "Peru recognizes Guaido.", "author": None}),
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    items = _items(p)
    docs = [i for i in items if isinstance(i, SourceDocument)]
    rejections = [str(i) for i in items if isinstance(i, Rejection)]
    assert [d.id for d in docs][0] == "d1" and docs[0].published == "2019-01-01"
    assert docs[1].id.startswith("sha256:") and docs[1].url == "http://example.org/a"
    assert docs[0].author is None  # no "author" key
    assert [(d.id, d.author) for d in docs[2:]] == [("d4", "Ana Ruiz; Tom Lee"), ("d6", None)]
    assert rejections == [
        f"{p}:2: malformed JSON (Expecting property name enclosed in double quotes)",
        f"{p}:3: missing field 'text'",
        f"{p}:4: field 'text' must be a string",
        f"{p}:8: field 'author' must be a string",
    ]


def test_record_files_are_read_as_records(tmp_path):
    p = tmp_path / "records.jsonl"
    p.write_text(json.dumps({"kind": "document", "id": "d", "source": "s"}) + "\n", encoding="utf-8")
    [batch] = _items(p)
    assert isinstance(batch, RecordBatch) and batch.records[0].id == "d"


def test_directory_recursion_skips_other_files_and_survives_a_symlink_loop(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Alpha text.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("Beta text.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    items = _items(tmp_path)
    assert [i.text for i in items] == ["Alpha text.", "Beta text."]


def test_missing_path_and_stdin(tmp_path):
    [missing] = _items(tmp_path / "nope.txt")
    assert isinstance(missing, Rejection) and "no such file" in missing.reason
    [doc] = list(read_inputs(["-"], stdin=io.BytesIO(b"Japan recognized the cabinet.")))
    assert doc.source == "<stdin>" and doc.text == "Japan recognized the cabinet."


def test_unreadable_file(tmp_path):
    """Run as an unprivileged user (root reads anything), so the permission check is real."""
    import subprocess
    import sys
    import tempfile

    folder = tempfile.mkdtemp(prefix="kgload-unreadable-", dir="/tmp")
    os.chmod(folder, 0o755)
    p = os.path.join(folder, "secret.txt")
    with open(p, "w") as fh:
        fh.write("x")
    os.chmod(p, 0)
    code = (
        "from loader.inputs import read_inputs; import sys; "
        f"print(*read_inputs([{str(p)!r}]), sep='\\n')"
    )
    cmd = [sys.executable, "-c", code]
    if os.geteuid() == 0:
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert out.stdout.strip() == f"{p}: permission denied", out.stderr


@pytest.mark.parametrize("name, published", [
    ("venezuela-2019-03-26.txt", "2019-03-26"),
    ("2021-12-01_report.md", "2021-12-01"),
    ("notes-2019-13-01.txt", None),   # no month 13
    ("id-12019-03-26.txt", None),     # part of a longer number
    ("plain.txt", None),
])
def test_published_date_from_the_file_name(tmp_path, name, published):
    p = tmp_path / name
    p.write_text("Peru recognized Juan Guaido.", encoding="utf-8")
    [doc] = _items(p)
    assert doc.published == published


def _rec(kind, doc, **kw):
    base = {"kind": kind}
    if kind == "document":
        base.update({"id": doc, "source": f"{doc}.txt"})
    else:
        base.update({"doc_id": doc, "id": kw.get("id", "x"), "name": "X", "type": "Country"})
    return json.dumps(base)


def test_record_files_stream_in_batches_whatever_their_size(tmp_path, monkeypatch):
    """The reader hands records on in batches as they come (``grouping`` groups them per
    document), never the whole file at once."""
    import loader.inputs as inputs

    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 100)  # far smaller than the file: JSONL streams
    monkeypatch.setattr(inputs, "RECORD_BATCH", 2)
    p = tmp_path / "records.jsonl"
    lines = [_rec("document", "d1"), _rec("entity", "d1", id="a"), _rec("entity", "d1", id="b"),
             _rec("document", "d2"), _rec("entity", "d2", id="c"),
             _rec("entity", "d3", id="orphan")]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items(p)
    groups = [[(r.kind, getattr(r, "doc_id", r.id)) for r in i.records] for i in items]
    assert groups == [
        [("document", "d1"), ("entity", "d1")],
        [("entity", "d1"), ("document", "d2")],
        [("entity", "d2"), ("entity", "d3")],
    ]


def test_jsonl_encodings_and_binary(tmp_path):
    doc = {"id": "d", "text": "Guaid\u00f3 was recognized."}
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    (tmp_path / "u16.jsonl").write_bytes(json.dumps(doc, ensure_ascii=False).encode("utf-16"))
    (tmp_path / "cp.jsonl").write_bytes(json.dumps(doc, ensure_ascii=False).encode("cp1252"))
    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01\x02")
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    texts = {}
    for name in ("bom", "u16", "cp"):
        [item] = _items(tmp_path / f"{name}.jsonl")
        texts[name] = item.text
    assert set(texts.values()) == {"Guaid\u00f3 was recognized."}
    assert _items(tmp_path / "cp.jsonl")[0].note == "not valid UTF-8; decoded as Windows-1252"
    assert _items(tmp_path / "bom.jsonl")[0].note is None
    [binary] = _items(tmp_path / "bin.jsonl")
    assert binary.reason == "binary file (contains NUL bytes)"
    [empty] = _items(tmp_path / "empty.jsonl")
    assert empty.reason == "empty file"


def test_a_files_identity_is_its_path_not_its_text(tmp_path, monkeypatch):
    """Issue 20, point 5: the same file edited keeps its id (so it replaces its document); the
    same text in two files is two documents; the path given relative or absolute is one id;
    standard input has no place and keeps the id of its text."""
    from loader.records import document_id_for

    p = tmp_path / "notes" / "a.txt"
    p.parent.mkdir()
    p.write_text("Chile recognized Peru.\n", encoding="utf-8")
    [before] = _items(p)
    p.write_text("Chile recognized Peru. Peru thanked Chile.\n", encoding="utf-8")
    [after] = _items(p)
    assert before.id == after.id == "file://" + str(tmp_path.resolve()) + "/notes/a.txt"
    twin = tmp_path / "b.txt"
    twin.write_text("Chile recognized Peru.\n", encoding="utf-8")
    [other] = _items(twin)
    assert other.id == "file://" + str(tmp_path.resolve()) + "/b.txt"
    monkeypatch.chdir(tmp_path)
    [relative] = list(read_inputs(["notes/a.txt"]))
    assert relative.id == after.id
    [piped] = _items("-", stdin=io.BytesIO(b"Chile recognized Peru.\n"))
    assert piped.id == document_id_for("Chile recognized Peru.\n")
