"""The `extract` management command: JSON on stdout, clear errors for bad files (no database)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

KEYS = {"source", "source_org", "stance", "start", "end", "claim", "claim_group"}


def run(*args) -> list[dict]:
    out = StringIO()
    call_command("extract", *args, stdout=out)
    return json.loads(out.getvalue())


def test_it_prints_statements_as_json(tmp_path):
    text = '"Daarover geven wij geen commentaar", vertelt VodafoneZiggo-woordvoerder René Loman.'
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    rows = run(str(path))
    assert rows == [
        {
            "source": "René Loman",
            "source_org": "VodafoneZiggo",
            "stance": "no_comment",
            "start": 0,
            "end": len(text),
            "claim": "Daarover geven wij geen commentaar",
            "claim_group": 1,
        }
    ]


def test_output_keeps_non_ascii_and_is_indented(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text('"Nee", zegt René Loman.', encoding="utf-8")
    out = StringIO()
    call_command("extract", str(path), stdout=out)
    assert "René" in out.getvalue()
    assert '\n  {' in out.getvalue()


def test_offsets_point_into_the_text_as_read(tmp_path):
    text = "Inleiding.\r\n\r\nAcme declined to comment.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    rows = run(str(path), "--lang", "en")
    assert len(rows) == 1 and set(rows[0]) == KEYS
    assert text[rows[0]["start"]:rows[0]["end"]] == "Acme declined to comment."


def test_lang_option_is_validated(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("extract", str(path), "--lang", "de")


def test_empty_file_gives_an_empty_array(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert run(str(path)) == []


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("extract", str(tmp_path / "nope.txt"))


def test_directory_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="directory"):
        call_command("extract", str(tmp_path))


def test_non_utf8_file_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Ren\u00e9 zegt nee.".encode("latin-1"))
    with pytest.raises(CommandError, match="not valid UTF-8"):
        call_command("extract", str(path))


def test_a_leading_date_token_dates_the_text_and_is_no_part_of_a_claim(tmp_path):
    """As import reads a .txt: "date 2019-05 " opens the file; the statements' offsets still point into
    the text as read, and no claim starts with the date."""
    text = " date 2019-05 Acme laat weten dat de fabriek sluit.\n\nDe bond ontkent dat."
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    rows = run(str(path), "--lang", "nl")
    assert rows and all(not r["claim"].startswith("date") for r in rows)
    assert text[rows[0]["start"]:rows[0]["end"]] == "Acme laat weten dat de fabriek sluit."
    assert rows[0]["claim"] == "de fabriek sluit"
