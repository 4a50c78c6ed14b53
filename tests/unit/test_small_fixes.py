"""Issue 20, point 12: the smaller things (real processes; no server needed)."""

from __future__ import annotations

from .test_cli_errors import _free_port, kgload


def test_version():
    out = kgload("--version")
    assert (out.returncode, out.stdout) == (0, "kgload 0.1.0\n")  # pyproject.toml's version


def test_neo4j_shell_with_the_server_down_is_kgloads_one_line_and_exit_3(tmp_path):
    port = _free_port()
    out = kgload("neo4j", "shell", "--format", "plain", env_extra={
        "NEO4J_URI": f"bolt://127.0.0.1:{port}", "NEO4J_PASSWORD": "x", "KGLOAD_HOME": str(tmp_path)}, input="RETURN 1;\n")
    assert out.returncode == 3
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: cannot reach Neo4j at bolt://127.0.0.1:{port}")


def test_a_pdf_given_by_name_is_refused_not_read_as_windows_1252(tmp_path):
    pdf = tmp_path / "report.txt"  # whatever its name says, its bytes say PDF
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    out = kgload("extract", str(pdf), "--quiet")
    assert out.returncode == 4 and out.stdout == ""
    assert out.stderr.splitlines()[0] == (f"Rejected {pdf}: not a text file (a PDF file); "
                                          "kgload reads text, Markdown, JSONL, HTML, feeds and WARC")
