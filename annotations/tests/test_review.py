"""The disagreement queue and agreement figures: page, API over real HTTP, command, permissions."""

from __future__ import annotations

import json
import re
from io import StringIO

import krippendorff
import pytest
from django.core.cache import cache, caches
from django.core.cache.utils import make_template_fragment_key
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from annotations import agreement, review
from annotations.models import Assignment, Membership, Stance
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SourceFactory,
    UnitFactory,
    UserFactory,
)
from annotations.tests.http import api_call as _call
from annotations.units import Judgement, Queue
from annotations.views.review import PAGE_SIZE, _annotator_table

# Figures are cached per project version; each test starts and ends with an empty cache.
pytestmark = pytest.mark.usefixtures("fresh_cache")


class World:
    """Two annotators on three articles; which units are disputed is known by construction."""

    def __init__(self, project, annotator, annotator2):
        self.project = project
        first = ArticleFactory(project=project, title="Huawei backdoor",
                               body="Intro. <script>alert('x')</script> The minister said Huawei spies. "
                                    "The firm denied it. Nobody else spoke.")
        second = ArticleFactory(project=project, title="Port spill")
        third = ArticleFactory(project=project, title="Only ann1")
        self.articles = (first, second, third)
        claim = ClaimFactory(article=first, start=37, end=70, text="Huawei spies")
        self.minister, self.firm, self.union, self.aivd = (SourceFactory(name=n) for n in
                                                           ("Minister", "The firm", "Union", "AIVD"))
        units = {}

        def unit(c, s, labels, notes=None):
            UnitFactory(claim=c, source=s, suggested_label="denies", suggestion_score=0.7)
            for user, label in labels:
                Stance.objects.create(claim=c, source=s, annotator=user, label=label,
                                      note=(notes or {}).get(user.username, ""))
            units[(c.pk, s.pk)] = labels
            return (c.pk, s.pk)

        # Article 1: agree / differ / only one recorded it.
        self.agreed = unit(claim, self.minister, [(annotator, "alleges"), (annotator2, "alleges")])
        self.differ = unit(claim, self.firm, [(annotator, "denies"), (annotator2, "no_comment")],
                           {"ann1": "<b>said no</b>"})
        self.missing = unit(claim, self.union, [(annotator, "alleges")])
        # Article 2: ann2 finished it without recording the unit ann1 recorded.
        claim2 = ClaimFactory(article=second)
        self.missing_done = unit(claim2, self.aivd, [(annotator, "no_comment")])
        Assignment.objects.create(article=second, annotator=annotator2, status=Assignment.Status.DONE)
        # Article 3: only ann1 worked on it, so nothing is disputed there.
        claim3 = ClaimFactory(article=third)
        unit(claim3, self.aivd, [(annotator, "denies")])
        self.units = units
        self.disputed = [self.differ, self.missing, self.missing_done]


@pytest.fixture
def world(project, lead, annotator, annotator2, owner, outsider):
    return World(project, annotator, annotator2)


def keys(queue):
    return [(u.claim_id, u.source_id) for u in queue.units]


def test_queue_lists_exactly_the_disputed_units(world):
    queue = review.disputed_units(world.project)
    assert sorted(keys(queue)) == sorted(world.disputed)
    by_key = {(u.claim_id, u.source_id): u for u in queue.units}
    differ = by_key[world.differ]
    assert [(j.annotator, j.label, j.note) for j in differ.judgements] == [
        ("ann1", "denies", "<b>said no</b>"), ("ann2", "no_comment", "")]
    assert differ.suggested_label == "denies" and differ.suggestion_score == 0.7
    body = world.articles[0].body
    assert (differ.passage_before, differ.evidence, differ.passage_after) == (body[:37], body[37:70], body[70:])
    missing = by_key[world.missing_done]
    assert [(j.annotator, j.label) for j in missing.judgements] == [("ann1", "no_comment"), ("ann2", None)]


def test_queue_filters_by_label_pair_annotator_and_article(world, annotator2):
    project = world.project
    assert keys(review.disputed_units(project, labels=("denies", "no_comment"))) == [world.differ]
    assert sorted(keys(review.disputed_units(project, labels=("alleges", "none")))) == [world.missing]
    assert keys(review.disputed_units(project, article=world.articles[1].pk)) == [world.missing_done]
    assert sorted(keys(review.disputed_units(project, annotator="ann2"))) == sorted(world.disputed)
    assert keys(review.disputed_units(project, annotator="nobody")) == []


def test_a_settled_unit_leaves_the_open_queue(world, lead):
    from annotations import services
    from annotations.models import Claim, Source

    claim, source = Claim.objects.get(pk=world.differ[0]), Source.objects.get(pk=world.differ[1])
    before = keys(review.disputed_units(world.project))
    services.resolution_set(claim=claim, source=source, label="denies", reason="The quote is a denial.",
                            lead=lead)
    assert world.differ in before
    assert world.differ not in keys(review.disputed_units(world.project))
    assert keys(review.disputed_units(world.project, status="settled")) == [world.differ]
    assert world.differ in keys(review.disputed_units(world.project, status="all"))


# --- The page --------------------------------------------------------------------------------


def test_lead_sees_the_queue_with_escaped_passage_and_notes(client, world, lead):
    client.force_login(lead)
    response = client.get(reverse("annotations:review", args=["huawei"]))
    assert response.status_code == 200
    html = response.content.decode()
    for claim_id, source_id in world.disputed:
        assert f'data-unit="{claim_id}:{source_id}"' in html
    assert f'data-unit="{world.agreed[0]}:{world.agreed[1]}"' not in html
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<b>said no</b>" not in html and "&lt;b&gt;said no&lt;/b&gt;" in html
    assert 'data-suggestion="denies"' in html
    assert "<script>" not in html.split("</head>")[1]  # no inline script in the body
    assert reverse("annotations:review-agreement", args=["huawei"]) in html


def test_the_article_filter_lists_each_disputed_article_clipped_escaped_and_chosen(client, world, lead):
    long_title = "Port <spill> " + "x" * 80
    world.articles[1].title = long_title
    world.articles[1].save()
    client.force_login(lead)
    html = client.get(reverse("annotations:review", args=["huawei"]),
                      {"article": world.articles[1].pk}).content.decode()
    options = html.split('id="filter-article"')[1].split("</select>")[0]
    clipped = "Port &lt;spill&gt; " + "x" * (59 - len("Port <spill> ")) + "…"
    assert f'<option value="{world.articles[1].pk}" selected>{clipped}</option>' in options
    assert f'<option value="{world.articles[0].pk}" >Huawei backdoor</option>' in options
    assert str(world.articles[2].pk) not in options  # nothing disputed there


def test_htmx_filter_returns_only_the_queue_fragment(client, world, lead):
    client.force_login(lead)
    response = client.get(reverse("annotations:review", args=["huawei"]),
                          {"labels": "denies,no_comment"},
                          headers={"HX-Request": "true", "HX-Target": "review-queue"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and html.strip().startswith('<section id="review-queue"')
    assert html.count('class="review-unit') == 1


def test_bad_filter_is_a_message_not_an_error(client, world, lead):
    client.force_login(lead)
    response = client.get(reverse("annotations:review", args=["huawei"]), {"labels": "alleges,maybe"})
    assert response.status_code == 200
    assert "labels must be two of alleges, denies, no_comment, rejected, none" in response.content.decode()


@pytest.mark.parametrize("name", ["annotations:review", "annotations:review-agreement"])
def test_annotators_get_403_and_outsiders_404_on_lead_pages(client, world, annotator, outsider, lead, name):
    url = reverse(name, args=["huawei"])
    client.force_login(annotator)
    assert client.get(url).status_code == 403
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(lead)
    assert client.get(url).status_code == 200


def test_annotator_cannot_settle_from_the_page(client, world, annotator):
    client.force_login(annotator)
    response = client.post(reverse("annotations:review-resolve", args=["huawei"]),
                           {"claim": world.differ[0], "source": world.differ[1], "label": "denies",
                            "reason": "x", "version": "0"})
    assert response.status_code == 403


def _grow(project, annotator, annotator2, n):
    """Add n disputed units over several articles."""
    for index in range(n):
        if index % 10 == 0:
            article = ArticleFactory(project=project)
            claim = ClaimFactory(article=article)
        source = SourceFactory()
        UnitFactory(claim=claim, source=source)
        Stance.objects.create(claim=claim, source=source, annotator=annotator, label="alleges", note="n")
        if index % 3:
            Stance.objects.create(claim=claim, source=source, annotator=annotator2, label="denies")


QUEUE_COLD_QUERIES = 14


@pytest.mark.parametrize("size", [5, 200])
def test_queue_page_and_api_make_a_constant_number_of_queries(
    client, project, lead, annotator, annotator2, size, django_assert_max_num_queries
):
    _grow(project, annotator, annotator2, size)
    assert len(review.disputed_units(project).units) == size
    client.force_login(lead)
    cache.clear()
    # session, user, membership+project, version, cached summary: miss, summary, cache write
    # (savepoint, count, select, insert, release), one page of units, units, resolutions
    with django_assert_max_num_queries(QUEUE_COLD_QUERIES):
        response = client.get(reverse("annotations:review", args=["huawei"]))
    assert response.status_code == 200
    # Warm: session, user, membership+project, version, cached summary, page, units, resolutions
    with django_assert_max_num_queries(8):
        warm = client.get(reverse("annotations:review", args=["huawei"]))
    assert warm.content.decode().count('class="review-unit') == min(size, PAGE_SIZE)
    assert response.content.decode().count('class="review-unit') == min(size, PAGE_SIZE)
    shown = set()
    for number in range(1, (size + PAGE_SIZE - 1) // PAGE_SIZE + 1):
        html = client.get(reverse("annotations:review", args=["huawei"]), {"page": number}).content.decode()
        shown.update(re.findall(r'data-unit="(\d+:\d+)"', html))
    assert len(shown) == size  # every disputed unit is on some page
    # The API adds the throttle's six cache queries (database cache), the same at any size;
    # the count and the page each read the project version and the cached summary.
    with django_assert_max_num_queries(16):
        response = client.get("/api/v1/projects/huawei/disagreements/")
    assert response.status_code == 200 and len(response.json()["results"]) == min(size, 100)


def test_queue_pages_past_the_end_or_garbled_show_the_last_or_first_page(client, project, lead, annotator,
                                                                          annotator2):
    _grow(project, annotator, annotator2, 120)
    client.force_login(lead)

    def page(number):
        html = client.get(reverse("annotations:review", args=["huawei"]), {"page": number}).content.decode()
        return html.count('class="review-unit'), re.search(r"page (\d+) of (\d+)", html).groups()

    pages = str(-(-120 // PAGE_SIZE))
    last = 120 - PAGE_SIZE * (int(pages) - 1)
    assert page(1) == (PAGE_SIZE, ("1", pages))
    assert page(pages) == (last, (pages, pages))
    assert page(99) == (last, (pages, pages))  # settled meanwhile: the last page, not an empty one
    assert page("x") == (PAGE_SIZE, ("1", pages))


@pytest.mark.parametrize("size", [5, 200])
def test_agreement_dashboard_makes_a_constant_number_of_queries(
    client, project, lead, annotator, annotator2, size, django_assert_max_num_queries
):
    _grow(project, annotator, annotator2, size)
    client.force_login(lead)
    # session, user, membership, version, no snapshot yet: stances, usernames, who finished
    # what (structure agreement), median gaps, the snapshot's upsert; then the counts per
    # annotator and per day (one query on PostgreSQL, three elsewhere)
    with django_assert_max_num_queries(13):
        response = client.get(reverse("annotations:review-agreement", args=["huawei"]))
    assert response.status_code == 200
    # Current snapshot: session, user, membership, version, snapshot, counts.
    with django_assert_max_num_queries(6 if connection.vendor == "postgresql" else 8):
        assert client.get(reverse("annotations:review-agreement", args=["huawei"])).status_code == 200
    html = response.content.decode()
    assert "<svg" in html and 'data-annotator="ann1"' in html and 'data-row="alleges"' in html


# --- The API over real HTTP -------------------------------------------------------------------


def test_api_agreement_equals_the_pure_figures_for_members_only(live_server, world, annotator, outsider, lead):
    # In blind mode (the default) the figures would let an annotator infer the others' labels.
    assert _call(live_server.url, "/api/v1/projects/huawei/agreement/", annotator)[0] == 403
    status, body = _call(live_server.url, "/api/v1/projects/huawei/agreement/", lead)
    assert status == 200
    rows = [((s.claim_id, s.source_id), s.annotator.username, s.label)
            for s in Stance.objects.select_related("annotator")]
    expected = agreement.report(agreement.table_from_judgements(rows, world.project.labels),
                                fleiss_raters=world.project.overlap)
    for name in ("krippendorff_alpha", "fleiss_kappa", "observed_agreement", "units", "judgements",
                 "per_label", "confusion", "not_defined"):
        assert body[name] == pytest.approx(expected[name]) if isinstance(expected[name], float) \
            else body[name] == expected[name], name
    assert [(p["a"], p["b"], p["kappa"]) for p in body["cohen_kappa"]] == [
        (p["a"], p["b"], p["kappa"]) for p in expected["cohen_kappa"]]
    assert body["krippendorff_alpha"] is not None
    assert _call(live_server.url, "/api/v1/projects/huawei/agreement/", outsider)[0] == 404
    assert _call(live_server.url, "/api/v1/projects/huawei/agreement/")[0] in (401, 403)


def test_api_agreement_reports_agreement_on_which_units_exist(live_server, world, lead):
    status, body = _call(live_server.url, "/api/v1/projects/huawei/agreement/", lead)
    assert status == 200
    structure = body["structure"]
    # Article 1: both judged the minister (alleges, alleges) and the firm (denies, no_comment);
    # only ann1 the union. Article 2: ann1 the AIVD; ann2 finished it without. Article 3 is ann1's
    # alone, so it has no pair. ann1 has 4 units there, ann2 2, shared 2, same label 1.
    assert structure["matched_units"] == 5
    (pair,) = structure["pairs"]
    assert (pair["a"], pair["b"], pair["units_a"], pair["units_b"], pair["matched"]) == ("ann1", "ann2", 4, 2, 2)
    assert structure["unit_f1"] == pytest.approx(4 / 6)
    assert structure["unit_stance_f1"] == pytest.approx(2 / 6)
    nan = float("nan")
    codes = {"alleges": 0, "denies": 1, "no_comment": 2, "absent": 3}
    matrix = [[codes["alleges"], codes["denies"], codes["alleges"], codes["no_comment"], codes["denies"]],
              [codes["alleges"], codes["no_comment"], codes["absent"], codes["absent"], nan]]
    assert structure["alpha"] == pytest.approx(
        krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))
    # The figures that were there before keep their keys and values.
    assert {"krippendorff_alpha", "fleiss_kappa", "cohen_kappa", "units"} <= set(body)


def test_api_disagreements_for_leads_with_every_judgement(live_server, world, lead, annotator, outsider):
    status, body = _call(live_server.url, "/api/v1/projects/huawei/disagreements/", lead)
    assert status == 200
    assert sorted((u["claim"], u["source"]) for u in body["results"]) == sorted(world.disputed)
    item = next(u for u in body["results"] if (u["claim"], u["source"]) == world.differ)
    assert item["judgements"] == [
        {"annotator": "ann1", "label": "denies", "note": "<b>said no</b>"},
        {"annotator": "ann2", "label": "no_comment", "note": ""},
    ]
    assert item["suggestion"] == {"label": "denies", "score": 0.7}
    assert item["passage"]["evidence"] in world.articles[0].body
    assert item["resolution"] is None
    status, body = _call(live_server.url, "/api/v1/projects/huawei/disagreements/?labels=denies,no_comment", lead)
    assert [(u["claim"], u["source"]) for u in body["results"]] == [world.differ]
    status, body = _call(live_server.url, "/api/v1/projects/huawei/disagreements/?labels=denies,maybe", lead)
    assert status == 400 and "labels must be two of" in body["labels"][0]
    assert _call(live_server.url, "/api/v1/projects/huawei/disagreements/", annotator)[0] == 403
    assert _call(live_server.url, "/api/v1/projects/huawei/disagreements/", outsider)[0] == 404


# --- The command ------------------------------------------------------------------------------


def test_agreement_command_prints_the_figures(world):
    out = StringIO()
    call_command("agreement", "huawei", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report == json.loads(json.dumps(review.project_agreement(world.project)))
    assert report["units"] == 5 and report["cohen_kappa"][0]["a"] == "ann1"
    out = StringIO()
    call_command("agreement", "huawei", stdout=out)
    text = out.getvalue()
    assert "Krippendorff's alpha (nominal):" in text and "ann1 × ann2" in text
    assert "Structure (5 units matched" in text and "unit F1 0.6667" in text


def test_agreement_command_on_a_project_without_judgements_says_not_defined(project):
    out = StringIO()
    call_command("agreement", "huawei", stdout=out)
    assert "not defined (no judgements)" in out.getvalue()


def test_single_annotator_project_gives_not_defined_over_the_api(client, project, lead, annotator):
    claim = ClaimFactory(article=ArticleFactory(project=project))
    for index in range(3):
        Stance.objects.create(claim=claim, source=SourceFactory(), annotator=annotator,
                              label=project.labels[index])
    client.force_login(lead)
    body = client.get("/api/v1/projects/huawei/agreement/").json()
    assert body["krippendorff_alpha"] is None
    assert body["not_defined"]["krippendorff_alpha"] == "no unit was labelled by two annotators"
    assert body["cohen_kappa"] == [] and body["units"] == 3


def test_members_of_another_project_do_not_see_this_one(client, world):
    stranger = UserFactory(username="stranger")
    MembershipFactory(user=stranger, role=Membership.Role.LEAD)
    client.force_login(stranger)
    assert client.get("/api/v1/projects/huawei/agreement/").status_code == 404
    assert client.get(reverse("annotations:review", args=["huawei"])).status_code == 404


def test_dashboard_figures_per_annotator_and_charts(client, world, lead, annotator, annotator2):
    from annotations import review_charts, services
    from annotations.models import Claim, Source

    claim, source = Claim.objects.get(pk=world.differ[0]), Source.objects.get(pk=world.differ[1])
    services.resolution_set(claim=claim, source=source, label="denies", reason="Denial.", lead=lead)
    report = review.project_agreement(world.project)
    board = review.dashboard(world.project)
    rows = {row["username"]: row for row in board["annotators"]}
    # ann1 said "denies" on the settled unit, ann2 "no_comment".
    assert (rows["ann1"]["units"], rows["ann1"]["compared"], rows["ann1"]["agreement_with_resolutions"]) == (
        5, 1, 1.0)
    assert (rows["ann2"]["units"], rows["ann2"]["compared"], rows["ann2"]["agreement_with_resolutions"]) == (
        2, 1, 0.0)
    assert board["progress"][-1][1:] == (7, 1)
    heat = review_charts.heatmap(report["confusion"]["labels"], report["confusion"]["matrix"])
    assert len(heat["cells"]) == 9
    counts = {(c["row"], c["col"]): c["count"] for c in heat["cells"]}
    assert counts[("alleges", "alleges")] == 1 and counts[("denies", "no_comment")] == 1
    peak = max(counts.values())
    assert {c["fill"] for c in heat["cells"] if c["count"] == peak} == {"#0b5cad"}
    assert {c["fill"] for c in heat["cells"] if c["count"] == 0} == {"#ffffff"}
    client.force_login(lead)
    html = client.get(reverse("annotations:review-agreement", args=["huawei"])).content.decode()
    assert 'data-figure="krippendorff_alpha"' in html and "<polyline" in html
    assert 'data-annotator="ann2"' in html and "0%" in html


def test_judgements_without_a_unit_row_still_reach_the_queue(project, annotator, annotator2):
    claim, source = ClaimFactory(article=ArticleFactory(project=project)), SourceFactory(name="Loose")
    Stance.objects.create(claim=claim, source=source, annotator=annotator, label="alleges")
    Stance.objects.create(claim=claim, source=source, annotator=annotator2, label="denies")
    queue = review.disputed_units(project)
    assert [(u.claim_id, u.source_id, u.source_name, u.suggested_label) for u in queue.units] == [
        (claim.pk, source.pk, "Loose", "")]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_annotator_tables_text_is_what_the_template_filters_print(language):
    """The dashboard's annotator cells are worked out in the view; they must read as the
    template's `widthratio`, `floatformat:0` and `figure` print them (rounding half to even,
    half up, and half up from the shortest decimal form), in each language."""
    template = Template(
        "{% load labels %}{% widthratio share 1 100 %}|{{ median|floatformat:0 }}|{{ mean|figure }}|{{ low|figure }}")
    cases = [(0.825, 12.5, 0.4165, -0.0004), (0.835, 0.49, 1.0, -0.2315), (0.0, 1234.5, 0.0005, 0.9995),
             (2 / 3, 59.99, 1 / 3, -1 / 3)]
    with translation.override(language):
        for share, median, mean, low in cases:
            row = {"username": "a", "units": 1234, "compared": 56, "agreement_with_resolutions": share,
                   "median_seconds": median}
            kappa = {"mean": mean, "lowest": low, "lowest_with": "b", "pairs": 7}
            [cells] = _annotator_table([row], {"a": kappa})
            printed = template.render(Context({"share": share, "median": median, "mean": mean, "low": low}))
            assert "|".join([cells["agreement"], cells["median"], cells["kappa"]["mean"],
                             cells["kappa"]["lowest"]]) == printed
            # Counts are grouped as the reader's language writes them.
            assert (cells["units"], cells["compared"], cells["kappa"]["pairs"]) == (
                {"en": "1,234", "nl": "1.234"}[language], "56", "7")
        [empty] = _annotator_table([{"username": "c", "units": 0, "compared": 0, "agreement_with_resolutions": None,
                                     "median_seconds": None}], {})
        assert (empty["agreement"], empty["median"], empty["kappa"]) == (None, None, None)



@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_queue_cards_judgement_rows_are_what_the_template_loop_printed(language):
    """The disagreement queue's judgement rows come from one filter (`judgement_rows`); they must
    read byte for byte as the template's loop printed them: names, labels and notes escaped, a
    missing judgement said in the reader's language."""
    loop = Template(
        "{% load i18n labels %}{% for j in judgements %}\n      <tr data-annotator=\"{{ j.annotator }}\">\n"
        "        <th scope=\"row\">{{ j.annotator }}</th>\n        <td>{% if j.label %}<span class=\"label-chip\" "
        "data-label=\"{{ j.label }}\">{{ j.label|label_name }}</span>{% else %}<span class=\"missing\">"
        "{% translate \"did not record this source\" %}</span>{% endif %}</td>\n        <td class=\"note\">"
        "{{ j.note }}</td>\n      </tr>\n    {% endfor %}")
    judgements = [Judgement("<b>ann1</b>", "no_comment", 'a "note" & <i>more</i>'), Judgement("ann2", None),
                  Judgement("o'brien", "alleges"), Judgement("ann4", "<odd>")]
    with translation.override(language):
        printed = loop.render(Context({"judgements": judgements}))
        assert Template("{% load labels %}{{ js|judgement_rows }}").render(Context({"js": judgements})) == printed
    assert "<b>" not in printed and "<i>" not in printed and "<odd>" not in printed
    assert {"en": "did not record this source", "nl": "heeft deze bron niet vastgelegd"}[language] in printed


@pytest.mark.parametrize("language, shown, total", [("en", "43,017", "49,306"), ("nl", "43.017", "49.306")])
def test_the_queue_counts_are_grouped_as_the_readers_language_writes_them(language, shown, total):
    queue = Queue(units=[], annotators=[], articles=[], total=49306, count=43017)
    with translation.override(language):
        html = render_to_string("annotations/review_queue.html#review-queue",
                                {"units": [], "queue": queue, "filter_errors": [], "page": None})
    assert shown in html and total in html


# --- Rendered fragments kept under a digest of what they show --------------------------------


def _without_tokens(html: str) -> str:
    return re.sub(r'(name="csrfmiddlewaretoken" value=|"X-CSRFToken": )"[^"]+"', "TOKEN", html)


def _cold(client, url, params=None) -> str:
    """The page rendered with no kept fragment."""
    caches["fragments"].clear()
    return _without_tokens(client.get(url, params).content.decode())


def test_the_queue_keeps_its_cards_rendered_and_a_kept_card_is_never_stale(client, world, lead, annotator,
                                                                           annotator2):
    from annotations import services
    from annotations.models import Claim, Source

    client.force_login(lead)
    url = reverse("annotations:review", args=["huawei"])
    response = client.get(url)
    first = response.content.decode()
    page = review.QueuePages(world.project, {"labels": None, "annotator": None, "article": None,
                                             "status": "open"})
    unit = next(u for u in page[0:PAGE_SIZE] if (u.claim_id, u.source_id) == world.differ)
    head = make_template_fragment_key("review-card-head", [unit.card_key, response.context["LANGUAGE_CODE"]])
    assert caches["fragments"].get(head) is not None  # kept once rendered
    assert caches["fragments"].get(head) in first

    claim, source = Claim.objects.get(pk=world.differ[0]), Source.objects.get(pk=world.differ[1])
    changes = [
        lambda: services.stance_record(claim=claim, source=source, annotator=annotator, label="alleges",
                                       note="changed my mind"),
        lambda: Source.objects.filter(pk=source.pk).update(name="The firm's spokesman"),
        lambda: Claim.objects.filter(pk=claim.pk).update(text="Huawei spies on users"),
        lambda: services.resolution_set(claim=claim, source=source, label="denies", reason="A denial.",
                                        lead=lead),
    ]
    for change in changes:
        client.get(url)  # the cards as they stand are kept
        change()
        warm = _without_tokens(client.get(url, {"status": "all"}).content.decode())
        assert warm == _cold(client, url, {"status": "all"})
    assert "changed my mind" in warm and "The firm&#x27;s spokesman" in warm and "Huawei spies on users" in warm
    assert "Settled as <strong>denies</strong>" in warm


def test_the_dashboard_keeps_the_snapshots_tables_rendered_and_never_stale(client, world, lead, annotator):
    from annotations import services
    from annotations.models import Claim, Source

    client.force_login(lead)
    url = reverse("annotations:review-agreement", args=["huawei"])
    response = client.get(url)
    before = _without_tokens(response.content.decode())
    for name in ("agreement-report", "agreement-pairs"):  # kept once rendered
        key = make_template_fragment_key(name, [response.context["report_key"], response.context["LANGUAGE_CODE"]])
        kept = caches["fragments"].get(key)
        assert kept and kept in response.content.decode()
    claim, source = Claim.objects.get(pk=world.differ[0]), Source.objects.get(pk=world.differ[1])
    services.stance_record(claim=claim, source=source, annotator=annotator, label="no_comment")
    warm = _without_tokens(client.get(url).content.decode())
    assert warm != before  # the new figures, not the kept ones
    assert warm == _cold(client, url)
    assert _without_tokens(client.get(url, {"pairs": "all"}).content.decode()) == _cold(client, url, {"pairs": "all"})
