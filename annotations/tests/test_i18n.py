"""Dutch and English interface: complete catalogue, pages in Dutch, labels and dates for the language."""

from __future__ import annotations

import ast
import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from annotations.tests import i18n_pages
from annotations.tests.conftest import skip_or_fail

ROOT = Path(settings.BASE_DIR)
PO = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


# --- The catalogue ------------------------------------------------------------------------


def _unquote(line: str) -> str:
    return ast.literal_eval(line)


def parse_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgid, msgid_plural, msgstr (list), flags. Enough for checks, not a full parser."""
    entries, entry, field = [], None, None

    def flush():
        if entry is not None and (entry["msgid"] or entry["msgstr"]):
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            flush()
            entry, field = None, None
            continue
        if entry is None:
            entry = {"msgid": "", "msgid_plural": None, "msgstr": [], "flags": set(), "obsolete": False}
        if line.startswith("#~"):
            entry["obsolete"] = True
            continue
        if line.startswith("#,"):
            entry["flags"].update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        if line.startswith("msgid_plural "):
            field, entry["msgid_plural"] = "msgid_plural", _unquote(line[13:])
        elif line.startswith("msgid "):
            field, entry["msgid"] = "msgid", _unquote(line[6:])
        elif line.startswith("msgstr"):
            field = "msgstr"
            entry["msgstr"].append(_unquote(line.split(" ", 1)[1]))
        elif line.startswith('"'):
            if field == "msgstr":
                entry["msgstr"][-1] += _unquote(line)
            else:
                entry[field] += _unquote(line)
    return [e for e in entries if e["msgid"] and not e["obsolete"]]


def problems(entries: list[dict]) -> list[str]:
    found = []
    for e in entries:
        if "fuzzy" in e["flags"]:
            found.append(f"fuzzy: {e['msgid']!r}")
        elif not e["msgstr"] or not all(e["msgstr"]):
            found.append(f"untranslated: {e['msgid']!r}")
        elif e["msgid_plural"] is None and e["msgstr"][0] == e["msgid"] and re.search(r"[a-z]{4}", e["msgid"]):
            # Same text in both languages is allowed only for names and short codes.
            if e["msgid"] not in SAME_IN_DUTCH:
                found.append(f"left in English: {e['msgid']!r}")
    return found


# Words that are the same in Dutch (or deliberately kept: product names, formats).
SAME_IN_DUTCH = {"Status", "Filter", "Export", "Import", "Media", "Nederlands", "English", "JSON Lines",
                 "ClaimTrack", "Label", "Labels", "Project", "Token", "CSV", "JSONL", "Annotator", "Account",
                 "Consensus", "consensus", "Consensus: <strong>%(label)s</strong>", "Per label", "machine",
                 "machine: %(label)s"}


def test_dutch_catalogue_has_no_untranslated_or_fuzzy_entry():
    entries = parse_po(PO)
    assert len(entries) > 250, "the catalogue lost most of its entries"
    assert problems(entries) == []


def test_compiled_catalogue_matches_the_po_file():
    """The committed .mo carries every translation of the .po (compilemessages was run)."""
    with MO.open("rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    missing = []
    for e in parse_po(PO):
        if e["msgid_plural"] is None:
            if catalogue.gettext(e["msgid"]) != e["msgstr"][0]:
                missing.append(e["msgid"])
        elif catalogue.ngettext(e["msgid"], e["msgid_plural"], 1) != e["msgstr"][0]:
            missing.append(e["msgid"])
    assert missing == []


def test_makemessages_finds_no_string_missing_from_the_dutch_catalogue(tmp_path):
    """Run makemessages over a copy of the code: every string in templates and Python is translated."""
    if not shutil.which("xgettext") or not shutil.which("msgmerge"):
        skip_or_fail("needs GNU gettext (apt-get install gettext)")
    for name in ("annotations", "claimtrack", "templates"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    run = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-obsolete"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={**__import__("os").environ, "DEBUG": "1", "PYTHONPATH": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr
    assert problems(parse_po(tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.po")) == []


def test_the_checker_catches_fuzzy_untranslated_and_english_entries(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "Log out"\nmsgstr "Uitloggen"\n\n'
        'msgid "Add claim"\nmsgstr ""\n\n'
        'msgid "Done, next article"\nmsgstr "Done, next article"\n\n'
        'msgid "%(n)s claim"\nmsgid_plural "%(n)s claims"\nmsgstr[0] "%(n)s bewering"\nmsgstr[1] ""\n\n'
        'msgid "Status"\nmsgstr "Status"\n',
        encoding="utf-8",
    )
    assert problems(parse_po(po)) == [
        "fuzzy: 'Log out'", "untranslated: 'Add claim'", "left in English: 'Done, next article'",
        "untranslated: '%(n)s claim'",
    ]


# --- Labels and dates -----------------------------------------------------------------------


@pytest.mark.parametrize(("language", "expected"), [
    ("nl", "beweert|ontkent|geen commentaar|eigen label"),
    ("en", "alleges|denies|no comment|eigen label"),
])
def test_stance_labels_keep_machine_values_and_show_names_in_the_language(language, expected):
    template = Template("{% load labels %}{% for l in labels %}{{ l|label_name }}{% if not forloop.last %}|"
                        "{% endif %}{% endfor %}")
    with translation.override(language):
        shown = template.render(Context({"labels": ["alleges", "denies", "no_comment", "eigen_label"]}))
    assert shown == expected


@pytest.mark.parametrize(("language", "precision", "expected"), [
    ("nl", "day", "3 mei 2019"), ("en", "day", "May 3, 2019"),
    ("nl", "month", "mei 2019"), ("en", "month", "May 2019"), ("nl", "year", "2019"),
])
def test_publication_dates_are_written_for_the_language(language, precision, expected):
    import datetime as dt
    from types import SimpleNamespace

    article = SimpleNamespace(published=dt.date(2019, 5, 3), published_precision=precision)
    with translation.override(language):
        assert Template("{% load labels %}{{ a|published_local }}").render(Context({"a": article})) == expected


# --- Pages in Dutch -------------------------------------------------------------------------

# Visible English UI strings that must not survive on a Dutch page.
ENGLISH = ["Log out", "Log in", "Done", "Add claim", "Add source", "Undo", "Save note", "Keyboard shortcuts",
           "My projects", "Disagreements", "Agreement", "Settle", "Reason", "Tracked claims", "Search",
           "Username", "Password", "Skip to content", "alleges", "denies", "no comment", "Saved",
           "Switch language", "Shortcuts", "Close", "Annotate next article", "All done", "Download"]

# Per page, Dutch words the reader must see.
DUTCH = {
    "projects": ["Mijn projecten", "Uitloggen", "Volgend artikel annoteren"],
    "article": ["Klaar, volgend artikel", "Bewering toevoegen", "beweert", "ontkent", "geen commentaar",
                "3 mei 2019", "Sneltoetsen"],
    "queue-done": ["Alles klaar", "Terug naar mijn projecten"],
    "review": ["Meningsverschillen", "Reden", "ontkent", "geen commentaar", "Beslechten"],
    "agreement": ["Overeenstemming", "beweert"],
    "import": ["Artikelen importeren"],
    "export": ["Export voorbereiden", "Recente exports"],
    "job": ["Klaar", "Downloaden"],
    "tracked": ["Gevolgde beweringen"],
    "cluster": ["Achterdeur bij KPN", "Tijdlijn"],
    "source": ["Huawei", "Tijdlijn"],
    "search": ["Zoeken"],
    "login": ["Inloggen", "Gebruikersnaam", "Wachtwoord"],
}


def visible_text(html: str) -> str:
    """Text a reader sees or hears: element text plus aria-label, title, placeholder and alt values."""
    html = re.sub(r"(?s)<(script|style|template)\b.*?</\1>", " ", html)
    attrs = " ".join(m.group(2) for m in re.finditer(r'\b(aria-label|title|placeholder|alt)="([^"]*)"', html))
    text = re.sub(r"(?s)<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", f"{text} {attrs}")


def _english_left(text: str) -> list[str]:
    return [word for word in ENGLISH if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]


@pytest.fixture
def pages(project, lead, annotator, annotator2, require_postgres):
    return i18n_pages.build(project=project, lead=lead, annotator=annotator, annotator2=annotator2)


@pytest.mark.parametrize("name", list(DUTCH))
def test_main_pages_in_dutch_show_no_english_ui_string(client, pages, lead, annotator, name):
    viewer = {"annotator": annotator, "lead": lead, None: None}[i18n_pages.VIEWER.get(name, "lead")]
    if viewer is not None:
        client.force_login(viewer)
    response = client.get(pages.urls[name], HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200, (name, response.status_code)
    html = response.content.decode()
    assert '<html lang="nl">' in html
    text = visible_text(html)
    assert [w for w in DUTCH[name] if w not in text] == []
    assert _english_left(text) == []


def test_the_same_page_in_english_keeps_english(client, pages, annotator):
    client.force_login(annotator)
    text = visible_text(client.get(pages.urls["article"], HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert {"Log out", "Add claim", "alleges", "no comment", "May 3, 2019"} <= {
        w for w in ["Log out", "Add claim", "alleges", "no comment", "May 3, 2019"] if w in text}


def test_language_switch_posts_to_set_language_and_the_choice_sticks(client, pages, annotator):
    client.force_login(annotator)
    page = client.get(pages.urls["projects"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'action="/i18n/setlang/"' in page and 'name="language"' in page
    response = client.post("/i18n/setlang/", {"language": "nl", "next": pages.urls["projects"]},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == pages.urls["projects"]
    # The cookie now wins over the browser's English.
    assert "Mijn projecten" in client.get(pages.urls["projects"], HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_saved_stance_message_is_dutch_in_the_htmx_event(client, pages, annotator):
    import json

    client.force_login(annotator)
    unit = pages.units[0]
    url = f"/projects/huawei/articles/{pages.article.pk}/units/{unit.claim_id}-{unit.source_id}/"
    response = client.post(url, {"label": "alleges", "version": "0"}, HTTP_HX_REQUEST="true",
                           HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    events = json.loads(response.headers.get("HX-Trigger") or response.headers["HX-Trigger-After-Swap"])
    assert events["stanceSaved"]["message"] == "Opgeslagen"
    assert "beweert" in response.content.decode()
