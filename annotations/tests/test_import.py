"""import_articles: formats, duplicates and bad input (all or nothing per file)."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from annotations import extraction
from annotations.models import Article, Claim, Unit


def run_import(project, *paths):
    call_command("import_articles", project.slug, *[str(p) for p in paths])


@pytest.mark.django_db
def test_it_imports_the_seed_with_month_precision(project, seed_path, capsys):
    run_import(project, seed_path)
    article = Article.objects.get(project=project)
    assert article.language == "nl"
    assert article.body.startswith("De AIVD")
    assert article.published == dt.date(2019, 5, 1)
    assert article.published_precision == "month"
    assert article.published_display() == "2019-05"
    assert "1 created, 0 skipped as duplicate, 0 rejected" in capsys.readouterr().out


@pytest.mark.django_db
def test_reimporting_the_seed_creates_nothing(project, seed_path, capsys):
    run_import(project, seed_path)
    counts = (Article.objects.count(), Claim.objects.count(), Unit.objects.count())
    capsys.readouterr()
    run_import(project, seed_path)
    out = capsys.readouterr().out
    assert (Article.objects.count(), Claim.objects.count(), Unit.objects.count()) == counts
    assert "skipped as duplicate" in out
    assert "0 created, 1 skipped as duplicate" in out


@pytest.mark.django_db
def test_import_runs_extraction_and_stores_suggestions_not_stances(project, seed_path):
    run_import(project, seed_path)
    article = Article.objects.get()
    assert article.claims.filter(origin="extracted").exists()
    units = Unit.objects.filter(claim__article=article)
    assert units.exists()
    assert all(u.suggested_label in project.labels for u in units)
    assert not article.claims.filter(stances__isnull=False).exists()


@pytest.mark.django_db
def test_the_seed_espionage_claim_carries_the_allegation_and_the_denial(project, seed_path):
    run_import(project, seed_path)
    article = Article.objects.get()
    body = article.body
    denial = Unit.objects.get(claim__article=article, source__name="Huawei", suggested_label="denies")
    stances = {
        u.source.name: u.suggested_label
        for u in Unit.objects.filter(claim=denial.claim).select_related("source")
    }
    assert stances.get("Westerse overheden") == "alleges"
    # The claim is the proposition as alleged: no denial's negation, no attribution.
    text = denial.claim.text.casefold()
    assert "spion" in text and " niet " not in f" {text} " and "laat weten" not in text
    # Each source keeps its own evidence: the denial's sentence, not the allegation's.
    evidence = body[denial.evidence_start:denial.evidence_end]
    assert "woordvoerder" in evidence.casefold() or "niet" in evidence
    alleged = Unit.objects.get(claim=denial.claim, source__name="Westerse overheden")
    assert (alleged.evidence_start, alleged.evidence_end) != (denial.evidence_start, denial.evidence_end)


@pytest.mark.django_db
def test_statements_of_one_group_become_one_claim_with_a_unit_per_source(project, tmp_path):
    path = tmp_path / "spill.txt"
    path.write_text(
        "Environmental group BlueCoast says the port hid the size of the oil spill.\n\n"
        "A spokesperson for the port denied that the port hid the size of the oil spill.\n",
        encoding="utf-8",
    )
    run_import(project, path)
    article = Article.objects.get()
    statements = extraction.extract(article.body, lang=article.language)
    groups = {st.claim_group for st in statements}
    assert Claim.objects.filter(article=article).count() == len(groups)
    for claim in Claim.objects.filter(article=article):
        units = list(claim.units.all())
        assert units and all(u.evidence_start is not None for u in units)
    assert Unit.objects.filter(claim__article=article).count() == len(
        {(st.claim_group, st.source) for st in statements}
    )


@pytest.mark.django_db
def test_it_imports_jsonl_and_csv(project, tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(
        json.dumps({"title": "One", "body": "The mayor said the bridge is safe.", "published": "2024-02-03"})
        + "\n\n"
        + json.dumps({"title": "Twee", "body": "De burgemeester zegt dat de brug veilig is.", "language": "nl"})
        + "\n",
        encoding="utf-8",
    )
    csv_file = tmp_path / "b.csv"
    csv_file.write_text(
        "title,body,published,outlet,url,language\n"
        'Three,"The council denied it, the mayor said.",2023,Herald,https://example.org/3,en\n',
        encoding="utf-8",
    )
    run_import(project, jsonl, csv_file)
    rows = {a.title: a for a in Article.objects.all()}
    assert set(rows) == {"One", "Twee", "Three"}
    assert rows["One"].published == dt.date(2024, 2, 3) and rows["One"].published_precision == "day"
    assert rows["One"].language == "en"  # detected
    assert rows["Twee"].language == "nl"
    assert rows["Three"].published_precision == "year"
    assert rows["Three"].outlet == "Herald" and rows["Three"].url == "https://example.org/3"


@pytest.mark.django_db
def test_same_text_twice_in_one_file_is_one_article(project, tmp_path):
    f = tmp_path / "dup.jsonl"
    line = json.dumps({"body": "The mayor said the bridge is safe."})
    spaced = json.dumps({"body": "The  mayor said   the bridge is SAFE."})
    f.write_text(line + "\n" + spaced + "\n", encoding="utf-8")
    run_import(project, f)
    assert Article.objects.count() == 1


BAD_INPUTS = {
    "latin1.txt": ("The café said it was fine.".encode("latin-1"), "not UTF-8 text"),
    "broken.jsonl": (
        b'{"body": "The mayor said the bridge is safe."}\n{"body": "unterminated\n',
        "line 2: not valid JSON",
    ),
    "nobody.csv": (b"title,text\nA,The mayor said so.\n", "columns are 'title', 'text'; expected a 'body' column"),
    "empty.txt": (b"   \n\n", "body is empty"),
    "emptyrow.csv": (b"title,body\nA,The mayor said so.\nB,\n", "line 3: the article body is empty"),
    "binary.txt": (b"The mayor\x00 said", "binary"),
    "notes.docx": (b"PK\x03\x04", "unknown file type"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_rejected_whole_with_a_clear_message(project, tmp_path, capsys, name):
    data, message = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError, match="rejected"):
        run_import(project, path)
    err = capsys.readouterr().err
    assert name in err
    assert message in err
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_rejected(project, tmp_path, settings, capsys):
    settings.IMPORT_MAX_BYTES = 100
    path = tmp_path / "big.txt"
    path.write_text("The mayor said the bridge is safe. " * 10, encoding="utf-8")
    with pytest.raises(CommandError):
        run_import(project, path)
    assert "the limit is 100" in capsys.readouterr().err
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_a_bad_file_does_not_stop_the_good_ones(project, tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("The mayor said the bridge is safe.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"body": "The council said the road is safe."}\nnot json\n', encoding="utf-8")
    with pytest.raises(CommandError):
        run_import(project, bad, good)
    out = capsys.readouterr()
    assert "bad.jsonl, line 2" in out.err
    # The good file is in, and nothing of the bad one (not even its valid first line).
    assert list(Article.objects.values_list("title", flat=True)) == ["The mayor said the bridge is safe."]


@pytest.mark.django_db
def test_a_database_error_mid_file_leaves_nothing(project, tmp_path, monkeypatch):
    from annotations.services import articles

    calls = {"n": 0}
    real = articles.extraction_run

    def fail_on_second(*, article):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(article=article)

    monkeypatch.setattr(articles, "extraction_run", fail_on_second)
    f = tmp_path / "two.jsonl"
    f.write_text(
        json.dumps({"body": "The mayor said the bridge is safe."}) + "\n"
        + json.dumps({"body": "The council denied the road is safe."}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(RuntimeError):
        run_import(project, f)
    assert Article.objects.count() == 0
    assert Claim.objects.count() == 0


@pytest.mark.django_db
def test_import_into_an_unknown_project_fails(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("The mayor said so.", encoding="utf-8")
    with pytest.raises(CommandError, match="No project"):
        call_command("import_articles", "nope", str(f))


@pytest.mark.django_db
def test_line_endings_are_normalised_so_offsets_match_the_browser(project, tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes(b"The mayor said the bridge is safe.\r\n\r\nThe council denied it.\rEnd.")
    run_import(project, f)
    body = Article.objects.get().body
    assert "\r" not in body
    assert body == "The mayor said the bridge is safe.\n\nThe council denied it.\nEnd."
