"""Exports: CSV columns, formula neutralising, filters, COPY = Python and JSONL (ClaimReview: test_verdicts)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from annotations import exports
from annotations.models import Article, Resolution
from annotations.services import backup
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    SourceFactory,
    StanceFactory,
    UnitFactory,
    UserFactory,
)


def make_claim(article, text):
    start = article.body.index(text)
    return ClaimFactory(article=article, start=start, end=start + len(text), text=text)


@pytest.fixture
def data(project, annotator, annotator2, lead):
    """Six units covering every status, with formula-like text in many cells."""
    a = ArticleFactory(
        project=project, title="=HYPERLINK(\"http://evil\")", outlet="@Outlet", url="https://news.example/a",
        body="-1 said the minister, and \"quotes\", commas. The union: +2.\r\nTab\there. Fine text.",
        published=dt.date(2019, 5, 1), published_precision=Article.Precision.MONTH,
    )
    b = ArticleFactory(project=project, title="Plain, with comma", outlet="", url="",
                       body="The firm declined to comment on the plan.", published=dt.date(2020, 1, 15))
    c1 = make_claim(a, "-1 said the minister")
    c2 = make_claim(a, "The union: +2.\r\nTab\there")
    c3 = make_claim(b, "declined to comment")
    org = SourceFactory(name="@Org", kind="organisation")
    s1 = SourceFactory(name="Minister", kind="person")
    s2 = SourceFactory(name="Union", kind="group")
    s3 = SourceFactory(name="+Person", kind="person", affiliation=org)
    units = {}
    for key, claim, source in [("open", c1, s1), ("differ", c1, s2), ("missing", c1, s3),
                               ("resolved", c2, s1), ("consensus", c2, s2), ("empty", c3, s1)]:
        units[key] = UnitFactory(claim=claim, source=source)
    StanceFactory(claim=c1, source=s1, annotator=annotator, label="alleges", note="=cmd|' /C calc'!A0")
    StanceFactory(claim=c1, source=s1, annotator=annotator2, label="alleges")
    StanceFactory(claim=c1, source=s2, annotator=annotator, label="alleges")
    StanceFactory(claim=c1, source=s2, annotator=annotator2, label="denies")
    StanceFactory(claim=c1, source=s3, annotator=annotator, label="denies")
    StanceFactory(claim=c2, source=s1, annotator=annotator, label="alleges")
    StanceFactory(claim=c2, source=s1, annotator=annotator2, label="denies")
    StanceFactory(claim=c2, source=s2, annotator=annotator, label="no_comment")
    StanceFactory(claim=c2, source=s2, annotator=annotator2, label="no_comment")
    Resolution.objects.create(claim=c2, source=s1, label="denies", status="resolved", reason="@spokesman",
                              resolved_by=lead)
    Resolution.objects.create(claim=c2, source=s2, label="no_comment", status="consensus")
    return {"a": a, "b": b, "c1": c1, "c2": c2, "c3": c3, "s1": s1, "s2": s2, "s3": s3, "org": org}


def options(project, **query):
    return exports.ExportOptions.from_query(query, project=project)


def csv_bytes(project, method="python", **query) -> bytes:
    return b"".join(exports.iter_csv(project, options(project, **query), method=method))


def rows(raw: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def methods():
    return ["python", "copy"] if connection.vendor == "postgresql" else ["python"]


def test_csv_has_one_row_per_unit_with_the_columns(project, data):
    for method in methods():
        raw = csv_bytes(project, method)
        assert raw.decode().splitlines()[0] == ",".join(exports.UNIT_COLUMNS)
        table = rows(raw)
        assert [(r["claim_id"], r["source"], r["status"], r["stance"], r["judgements"], r["n_judgements"])
                for r in table] == [
            # Agreed but not settled: no stance a report could take for final.
            (str(data["c1"].pk), "Minister", "open", "", "ann1:alleges;ann2:alleges", "2"),
            (str(data["c1"].pk), "Union", "disputed", "", "ann1:alleges;ann2:denies", "2"),
            (str(data["c1"].pk), "'+Person", "disputed", "", "ann1:denies", "1"),
            (str(data["c2"].pk), "Minister", "resolved", "denies", "ann1:alleges;ann2:denies", "2"),
            (str(data["c2"].pk), "Union", "consensus", "no_comment", "ann1:no_comment;ann2:no_comment", "2"),
            (str(data["c3"].pk), "Minister", "open", "", "", "0"),
        ], method
        first = table[0]
        assert first["published"] == "2019-05" and first["url"] == "https://news.example/a"
        assert first["evidence"] == "'-1 said the minister"
        assert table[2]["affiliation"] == "'@Org" and table[2]["source_kind"] == "person"
        assert table[5]["published"] == "2020-01-15" and table[5]["article_title"] == "Plain, with comma"


def test_csv_neutralises_every_formula_prefix(project, data):
    for method in methods():
        table = rows(csv_bytes(project, method))
        assert table[0]["article_title"] == "'=HYPERLINK(\"http://evil\")"
        assert table[0]["outlet"] == "'@Outlet"
        assert table[0]["claim"] == "'-1 said the minister"
        assert table[3]["claim"] == "The union: +2.\r\nTab\there"
        for row in table:
            for name, cell in row.items():
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (method, name, cell)


def test_neutralise_covers_tab_and_carriage_return():
    assert exports.neutralise("\tx") == "'\tx"
    assert exports.neutralise("\rx") == "'\rx"
    assert exports.neutralise("a=b") == "a=b"
    assert exports.neutralise("") is None


def test_csv_judgement_layout_has_one_row_per_judgement(project, data):
    for method in methods():
        table = rows(csv_bytes(project, method, layout="judgement"))
        assert list(table[0]) == exports.JUDGEMENT_COLUMNS
        assert len(table) == 9
        assert (table[0]["annotator"], table[0]["label"], table[0]["note"]) == (
            "ann1", "alleges", "'=cmd|' /C calc'!A0")


def test_csv_filters_by_status_label_date_and_article(project, data):
    for method in methods():
        assert [r["status"] for r in rows(csv_bytes(project, method, status="disputed"))] == ["disputed"] * 2
        assert [(r["source"], r["stance"]) for r in rows(csv_bytes(project, method, label="denies"))] == [
            ("Minister", "denies")]
        assert {r["article_id"] for r in rows(csv_bytes(project, method, published_from="2020-01-01"))} == {
            str(data["b"].pk)}
        assert {r["article_id"] for r in rows(csv_bytes(project, method, published_to="2019-12-31"))} == {
            str(data["a"].pk)}
        assert len(rows(csv_bytes(project, method, article=str(data["b"].pk)))) == 1
        assert rows(csv_bytes(project, method, status="open", label="denies")) == []


def test_bad_export_options_are_refused_with_a_reason(project):
    for query, message in [
        ({"format": "xls"}, "Unknown format 'xls'"),
        ({"status": "maybe"}, "Unknown status"),
        ({"label": "shouts"}, "Unknown label"),
        ({"article": "one"}, "article must be"),
        ({"published_to": "2019-13-01"}, "published_to must be a date"),
        ({"layout": "wide"}, "Unknown layout"),
    ]:
        with pytest.raises(exports.ExportError, match=message):
            exports.ExportOptions.from_query(query, project=project)


def test_copy_and_python_paths_give_identical_bytes(project, data, require_postgres):
    for query in [{}, {"bom": "1"}, {"layout": "judgement"}, {"status": "disputed"}, {"label": "alleges"},
                  {"published_from": "2019-01-01", "published_to": "2019-12-31"}]:
        copy = csv_bytes(project, "copy", **query)
        python = csv_bytes(project, "python", **query)
        assert copy == python, query
        assert copy.startswith(exports.BOM) == bool(query.get("bom"))
    assert len(rows(csv_bytes(project, "copy"))) == 6


def test_export_command_prints_the_runnable_copy_sql(project, data, require_postgres, tmp_path):
    out = io.StringIO()
    call_command("export_stances", "huawei", "--sql", stdout=out)
    statement = out.getvalue().strip().rstrip(";")
    assert statement.startswith("COPY (WITH arts AS")
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        printed = b"".join(bytes(chunk) for chunk in copy)
    target = tmp_path / "out.csv"
    call_command("export_stances", "huawei", "--format", "csv", "-o", str(target))
    assert printed == target.read_bytes() == csv_bytes(project, "python")


def test_export_command_refuses_unknown_projects_and_labels(project):
    with pytest.raises(CommandError, match="No project"):
        call_command("export_stances", "nope")
    with pytest.raises(CommandError, match="Unknown label"):
        call_command("export_stances", "huawei", "--label", "shouts")


def _units(project) -> list[tuple]:
    """A project's units without database ids, for comparing a restore with its source."""
    out = []
    for obj in backup.iter_jsonl_objects(project, exports.ExportOptions(format="jsonl")):
        if obj["type"] == "project":
            out.append(("project", tuple(obj["labels"])))
            continue
        if obj["type"] not in {"article", "unit"}:
            continue  # claims, members, sources…: the round trip of everything is test_backup's
        article = {k: v for k, v in obj["article"].items() if k != "id"}
        claim = {k: v for k, v in obj.get("claim", {}).items() if k != "id"}
        entry = [obj["type"], json.dumps(article, sort_keys=True), json.dumps(claim, sort_keys=True)]
        if obj["type"] == "unit":
            source = dict(obj["source"], id=None)
            if source["affiliation"]:
                source["affiliation"] = dict(source["affiliation"], id=None)
            resolution = obj["resolution"] and {k: v for k, v in obj["resolution"].items()
                                                if k not in {"created_at", "updated_at"}}
            entry += [json.dumps(source, sort_keys=True), obj["status"], obj["stance"],
                      json.dumps(obj["unit"], sort_keys=True),
                      json.dumps([{k: v for k, v in j.items()} for j in obj["judgements"]], sort_keys=True),
                      json.dumps(resolution, sort_keys=True),
                      # The restore records "import" entries for judgements that had no history.
                      json.dumps([h for h in obj["history"] if h["via"] != "import"], sort_keys=True)]
        out.append(tuple(entry))
    return out


def test_jsonl_backup_restores_into_an_empty_project(project, data, annotator, tmp_path):
    from annotations import services

    services.stance_record(claim=data["c3"], source=data["s1"], annotator=annotator, label="denies", via="api")
    services.stance_record(claim=data["c3"], source=data["s1"], annotator=annotator, label="alleges",
                           note="changed my mind", via="page")
    project.labels = ["alleges", "denies", "no_comment", "questions"]
    project.save()
    ArticleFactory(project=project, title="No claims at all")
    bare = data["b"]
    ClaimFactory(article=bare, start=0, end=8, text="The firm")  # a claim without units
    target = tmp_path / "backup.jsonl"
    call_command("export_stances", "huawei", "--format", "jsonl", "-o", str(target))
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert [line["type"] for line in lines].count("unit") == 6
    assert {"article", "claim", "project"} <= {line["type"] for line in lines}
    call_command("create_project", "restored", "--name", "Restored")
    out = io.StringIO()
    call_command("import_backup", "restored", str(target), stdout=out)
    assert "restored 3 articles, 4 claims, 6 units, 10 judgements, 2 resolutions" in out.getvalue()
    from annotations.models import Project

    restored = Project.objects.get(slug="restored")
    assert restored.labels == project.labels
    before, after = _units(project), _units(restored)
    assert len(after) == len(before)
    for old, new in zip(before, after, strict=True):
        assert new == old
    # The restored project exports the same CSV, apart from the ids.
    def strip_ids(raw):
        return [{k: v for k, v in r.items() if k not in {"article_id", "claim_id"}} for r in rows(raw)]
    assert strip_ids(csv_bytes(restored)) == strip_ids(csv_bytes(project))


def test_jsonl_export_has_history_and_the_resolution(project, data, annotator):
    from annotations import services

    services.stance_record(claim=data["c3"], source=data["s1"], annotator=annotator, label="denies", via="api")
    units = [o for o in backup.iter_jsonl_objects(project, options(project, format="jsonl"))
             if o["type"] == "unit"]
    last = units[-1]
    assert [(h["action"], h["new_label"], h["via"]) for h in last["history"]] == [("create", "denies", "api")]
    resolved = units[3]
    assert resolved["resolution"]["label"] == "denies" and resolved["resolution"]["resolved_by"] == "lead"
    assert resolved["status"] == "resolved"


def test_export_streams_in_bounded_chunks(project, data):
    chunks = list(exports.iter_csv(project, options(project), method="python"))
    assert chunks and all(isinstance(c, bytes) for c in chunks)
    user = UserFactory()
    assert user.pk  # the generator did not hold a transaction open


def test_webannotation_has_one_annotation_per_judged_unit_anchored_in_the_text(project, data):
    raw = b"".join(exports.iter_export(project, options(project, format="webannotation")))
    page = json.loads(raw)
    assert page["@context"] == "http://www.w3.org/ns/anno.jsonld" and page["type"] == "AnnotationPage"
    items = page["items"]
    # Five units carry a judgement; the sixth ("empty") has none and is left out.
    assert len(items) == 5
    bodies_by_article = {data["a"].pk: data["a"].body, data["b"].pk: data["b"].body}
    for anno in items:
        assert {"id", "type", "body", "target", "motivation"} <= set(anno)
        assert anno["type"] == "Annotation" and anno["id"].startswith("urn:claimtrack:unit:")
        target = anno["target"]
        assert target["source"] == "https://news.example/a"  # article a has a URL
        quote, position = target["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        body = bodies_by_article[data["a"].pk]
        # The offsets reproduce the exact text, and prefix/suffix sit right beside it.
        assert body[position["start"]:position["end"]] == quote["exact"]
        assert body[:position["start"]].endswith(quote["prefix"])
        assert body[position["end"]:].startswith(quote["suffix"])
        purposes = {b["purpose"]: b["value"] for b in anno["body"]}
        assert purposes["describing"] in {data["c1"].text, data["c2"].text}
    stances = {a["id"]: {b["purpose"]: b["value"] for b in a["body"]}.get("classifying") for a in items}
    c2, s1, s2 = data["c2"], data["s1"], data["s2"]
    # Only settled units carry a stance: nobody settled the others.
    assert stances[f"urn:claimtrack:unit:{c2.pk}:{s1.pk}"] == "denies"
    assert stances[f"urn:claimtrack:unit:{c2.pk}:{s2.pk}"] == "no_comment"
    assert sum(v is not None for v in stances.values()) == 2


def test_webannotation_without_a_url_targets_the_article_urn(project, annotator):
    article = ArticleFactory(project=project, url="", body="The mayor said the bridge is safe.")
    claim = make_claim(article, "the bridge is safe")
    StanceFactory(claim=claim, source=UnitFactory(claim=claim).source, annotator=annotator)
    page = json.loads(b"".join(exports.iter_export(project, options(project, format="webannotation"))))
    (anno,) = page["items"]
    assert anno["target"]["source"] == f"urn:claimtrack:article:{article.pk}"
    assert anno["target"]["selector"][0]["exact"] == "the bridge is safe"


def test_an_annotator_who_finished_without_judging_makes_the_unit_disputed_in_every_export(
    project, annotator, annotator2
):
    """ann1 labels a unit, ann2 marks the article done without labelling it: the queue calls it
    disputed, so the export does too, and prints no stance a report could take for final."""
    from annotations import review, services

    article = ArticleFactory(project=project)
    claim = make_claim(article, "The minister said the plan works")
    source = SourceFactory(name="Minister", kind="person", role="minister of finance")
    UnitFactory(claim=claim, source=source)
    services.stance_record(claim=claim, source=source, annotator=annotator, label="alleges")
    services.assignment_finish(article=article, annotator=annotator2)
    assert [(u.claim_id, u.source_id) for u in review.disputed_units(project).units] == [(claim.pk, source.pk)]
    for method in methods():
        (row,) = rows(csv_bytes(project, method))
        assert (row["status"], row["stance"], row["settled_by"], row["reason"]) == ("disputed", "", "", ""), method
        assert (row["source_role"], row["language"]) == ("minister of finance", "en")
    (unit,) = [obj for obj in map(json.loads, b"".join(
        exports.iter_jsonl(project, options(project, format="jsonl"))).decode().splitlines()) if obj["type"] == "unit"]
    assert (unit["status"], unit["stance"]) == ("disputed", None)


def test_settled_by_and_reason_name_the_lead_and_the_decision(project, data, lead):
    for method in methods():
        table = rows(csv_bytes(project, method))
        settled = {r["source"]: (r["status"], r["stance"], r["settled_by"], r["reason"])
                   for r in table if r["claim_id"] == str(data["c2"].pk)}
        assert settled == {"Minister": ("resolved", "denies", "lead", "'@spokesman"),
                           "Union": ("consensus", "no_comment", "", "")}, method
        judgement_rows = rows(csv_bytes(project, method, layout="judgement"))
        assert {(r["annotator"], r["settled_by"]) for r in judgement_rows if r["source"] == "Minister"
                and r["claim_id"] == str(data["c2"].pk)} == {("ann1", "lead"), ("ann2", "lead")}, method


def test_a_consensus_that_no_longer_holds_is_disputed(project, data, annotator):
    from annotations import services

    services.stance_record(claim=data["c2"], source=data["s2"], annotator=annotator, label="denies")
    for method in methods():
        union = next(r for r in rows(csv_bytes(project, method))
                     if r["claim_id"] == str(data["c2"].pk) and r["source"] == "Union")
        assert (union["status"], union["stance"]) == ("disputed", ""), method


@pytest.fixture
def provenance(project, data, lead):
    """The machine's suggestions on data's units: scores a float printer could get wrong, two engine
    versions, one unit added by hand; the lead's decision at a known time, with microseconds."""
    from annotations.models import Unit

    scores = {("c1", "s1"): (0.85, "alleges", "e1a2"), ("c1", "s2"): (1.0, "denies", "e1a2"),
              ("c1", "s3"): (1e-05, "alleges", "=e3"), ("c2", "s1"): (0.1 + 0.2, "alleges", "e1a2"),
              ("c2", "s2"): (None, "", "")}
    for (claim, source), (score, label, engine) in scores.items():
        Unit.objects.filter(claim=data[claim], source=data[source]).update(
            suggestion_score=score, suggested_label=label, engine_version=engine,
            origin="extracted" if label else "manual")
    settled_at = dt.datetime(2024, 3, 5, 9, 7, 1, 20_304, tzinfo=dt.UTC)
    Resolution.objects.filter(claim=data["c2"], source=data["s1"]).update(updated_at=settled_at)
    Resolution.objects.filter(claim=data["c2"], source=data["s2"]).update(
        updated_at=dt.datetime(2024, 3, 6, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=2))))
    return data


def test_every_export_says_what_was_suggested_and_who_settled_it_when(project, provenance):
    data = provenance
    for method in methods():
        table = rows(csv_bytes(project, method))
        assert list(table[0])[-6:] == ["suggested_label", "suggestion_score", "engine_version", "settled_at",
                                       "source_id", "published_precision"]
        got = {(r["claim_id"], r["source"]): (r["suggested_label"], r["suggestion_score"], r["engine_version"],
                                              r["settled_by"], r["settled_at"]) for r in table}
        c1, c2 = str(data["c1"].pk), str(data["c2"].pk)
        assert got[(c1, "Minister")] == ("alleges", "0.85", "e1a2", "", ""), method
        assert got[(c1, "Union")] == ("denies", "1", "e1a2", "", ""), method
        assert got[(c1, "'+Person")] == ("alleges", "1e-05", "'=e3", "", ""), method
        assert got[(c2, "Minister")] == ("alleges", "0.30000000000000004", "e1a2", "lead",
                                         "2024-03-05T09:07:01.020304Z"), method
        # A unit added by hand has no suggestion; a consensus has a time but nobody who settled it.
        assert got[(c2, "Union")] == ("", "", "", "", "2024-03-06T21:59:59.000000Z"), method
        judgement_rows = rows(csv_bytes(project, method, layout="judgement"))
        assert {(r["annotator"], r["label"], r["suggested_label"], r["settled_at"]) for r in judgement_rows
                if r["claim_id"] == c2 and r["source"] == "Minister"} == {
            ("ann1", "alleges", "alleges", "2024-03-05T09:07:01.020304Z"),
            ("ann2", "denies", "alleges", "2024-03-05T09:07:01.020304Z")}, method
    lines = [json.loads(line) for line in b"".join(exports.iter_export(project, options(project, format="jsonl")))
             .decode().splitlines()]
    unit = next(u for u in lines if u["type"] == "unit" and u["claim"]["id"] == data["c2"].pk
                and u["source"]["id"] == data["s1"].pk)
    assert (unit["unit"]["suggested_label"], unit["unit"]["suggestion_score"], unit["unit"]["engine_version"]) == (
        "alleges", 0.1 + 0.2, "e1a2")
    assert (unit["settled_by"], unit["settled_at"], unit["reason"]) == (
        "lead", "2024-03-05T09:07:01.020304Z", "@spokesman")
    assert [(j["annotator"], j["label"]) for j in unit["judgements"]] == [("ann1", "alleges"), ("ann2", "denies")]
    page = json.loads(b"".join(exports.iter_export(project, options(project, format="webannotation"))))
    anno = next(a for a in page["items"] if a["id"] == f"urn:claimtrack:unit:{data['c2'].pk}:{data['s1'].pk}")
    assert anno["claimtrack:suggestion"] == {"label": "alleges", "score": 0.1 + 0.2, "engine_version": "e1a2"}
    assert anno["claimtrack:judgements"] == [{"annotator": "ann1", "label": "alleges"},
                                             {"annotator": "ann2", "label": "denies"}]
    assert (anno["claimtrack:settled_by"], anno["claimtrack:settled_at"], anno["claimtrack:reason"]) == (
        "lead", "2024-03-05T09:07:01.020304Z", "@spokesman")


def test_the_provenance_columns_are_byte_identical_on_both_csv_paths(project, provenance, require_postgres):
    for query in [{}, {"layout": "judgement"}, {"status": "resolved"}]:
        copy = csv_bytes(project, "copy", **query)
        assert copy == csv_bytes(project, "python", **query), query
        assert b"2024-03-05T09:07:01.020304Z" in copy and b"0.30000000000000004" in copy, query
        assert (b",1e-05," in copy) == (query.get("status") != "resolved"), query


def test_float_text_writes_doubles_as_copy_does():
    assert [exports.float_text(v) for v in (None, 1.0, 0.0, 0.85, 1e-05, 0.0001, float("nan"), float("inf"))] == [
        None, "1", "0", "0.85", "1e-05", "0.0001", "NaN", "Infinity"]


def test_the_api_export_carries_the_provenance_over_http(live_server, project, provenance, lead):
    from rest_framework.authtoken.models import Token

    from annotations.tests.test_api import Http

    http = Http(live_server.url)
    token = Token.objects.create(user=lead).key
    status, _headers, body = http("GET", f"/api/v1/projects/{project.slug}/export/?format=csv", token=token)
    assert status == 200
    settled = next(r for r in rows(body) if r["settled_by"] == "lead")
    assert (settled["suggested_label"], settled["suggestion_score"], settled["engine_version"],
            settled["settled_at"]) == ("alleges", "0.30000000000000004", "e1a2", "2024-03-05T09:07:01.020304Z")
    status, _headers, body = http("GET", f"/api/v1/projects/{project.slug}/export/?format=jsonl", token=token)
    units = [json.loads(line) for line in body.decode().splitlines() if '"type":"unit"' in line]
    assert {(u["settled_by"], u["settled_at"]) for u in units if u["status"] == "resolved"} == {
        ("lead", "2024-03-05T09:07:01.020304Z")}


def test_csv_names_each_source_by_id_and_says_how_precise_the_date_is(project, data):
    """Source names are not unique: a script joins on source_id; `published` 2019-05 is a month."""
    for method in methods():
        table = rows(csv_bytes(project, method))
        assert [(r["source"], r["source_id"], r["published"], r["published_precision"]) for r in table][:2] == [
            ("Minister", str(data["s1"].pk), "2019-05", "month"),
            ("Union", str(data["s2"].pk), "2019-05", "month")], method
        assert (table[5]["published"], table[5]["published_precision"]) == ("2020-01-15", "day")


def test_excel_nl_dialect_uses_semicolons_a_bom_and_decimal_commas(project, provenance):
    for method in methods():
        raw = csv_bytes(project, method, dialect="excel-nl")
        assert raw.startswith(exports.BOM), method
        text = raw.decode("utf-8-sig")
        assert text.splitlines()[0] == ";".join(exports.UNIT_COLUMNS)
        table = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
        by_source = {(r["claim_id"], r["source"]): r for r in table}
        assert by_source[(str(provenance["c1"].pk), "Minister")]["suggestion_score"] == "0,85", method
        # A comma inside a cell needs no quotes with ';' between cells; the title keeps its comma.
        assert table[5]["article_title"] == "Plain, with comma"
        assert '"Plain, with comma"' not in text and ";Plain, with comma;" in text
    with pytest.raises(exports.ExportError, match="Unknown dialect"):
        options(project, dialect="excel-de")


def test_excel_nl_dialect_is_byte_identical_on_both_csv_paths(project, provenance, require_postgres):
    for query in [{"dialect": "excel-nl"}, {"dialect": "excel-nl", "layout": "judgement"}]:
        assert csv_bytes(project, "copy", **query) == csv_bytes(project, "python", **query), query
