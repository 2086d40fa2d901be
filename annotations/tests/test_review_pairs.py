"""The agreement dashboard lists the pairs of annotators that need attention first, all on request.

Eight annotators make 28 pairs: the page lists `PAIR_ROWS` of them per table, the lowest figure
first among pairs sharing enough units, then the others, then the undefined ones; `?pairs=all`
lists every pair, as the API does. The expected order is worked out here from the API's report.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import translation

from annotations.models import Assignment, Membership, ReviewSnapshot, Stance
from annotations.review_pairs import MIN_SHARED_UNITS, PAIR_ROWS
from annotations.services import review_figures
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SourceFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.usefixtures("fresh_cache")

LABELS = ["alleges", "denies", "no_comment"]


def _team(project, size):
    users = [UserFactory(username=f"ann{k}") for k in range(1, size + 1)]
    for user in users:
        MembershipFactory(project=project, user=user, role=Membership.Role.ANNOTATOR)
    return users


def _units(project, count):
    article = ArticleFactory(project=project)
    claim = ClaimFactory(article=article)
    sources = [SourceFactory() for _ in range(count)]
    for source in sources:
        UnitFactory(claim=claim, source=source)
    return article, [(claim, source) for source in sources]


def _label(user, unit, label):
    claim, source = unit
    Stance.objects.create(claim=claim, source=source, annotator=user, label=label)


@pytest.fixture
def team_of_eight(project):
    """Eight annotators, 28 pairs of every kind, with figures that make the order matter.

    Article A: ann1–ann4 label 30 units, each with its own slips and gaps; ann5 labels four of
    them against the others (a low κ on too few units to count). Article B: ann6–ann8 label
    12 units among themselves; they also finished article A without finding a unit there,
    so they share no unit with ann1–ann5 (κ undefined) and have unit F1 0 with them.
    """
    rng = random.Random(17)
    users = _team(project, 8)
    article_a, on_a = _units(project, 30)
    _, on_b = _units(project, 12)
    for k, user in enumerate(users[:4]):
        for i, unit in enumerate(on_a):
            if rng.random() < 0.1 * k:
                continue
            slip = rng.random() < 0.08 * (k + 1)
            _label(user, unit, LABELS[(i + slip) % 3])
    for i, unit in enumerate(on_a[:4]):
        _label(users[4], unit, LABELS[(i + 1) % 3])
    for k, user in enumerate(users[5:]):
        for i, unit in enumerate(on_b):
            _label(user, unit, LABELS[(i + (rng.random() < 0.15 * (k + 1))) % 3])
        Assignment.objects.create(article=article_a, annotator=user, status=Assignment.Status.DONE)
    return users


def _attention_order(pairs, figure, shared):
    """The order the page promises, written out: tier, then figure, then the report's order."""
    def tier(pair):
        if pair[figure] is None:
            return 2
        return 0 if shared(pair) >= MIN_SHARED_UNITS else 1

    ranked = sorted(range(len(pairs)), key=lambda i: (tier(pairs[i]), pairs[i][figure] or 0, i))
    return [f'{pairs[i]["a"]}:{pairs[i]["b"]}' for i in ranked]


def _rows(html, table_id):
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group(0)
    return re.findall(r'<tr data-pair="([^"]+)">', table)


def _kappa_shared(pair):
    return pair["units"]


def _structure_shared(pair):
    return pair["units_a"] + pair["units_b"] - pair["matched"]


def test_many_pairs_show_the_lowest_first_and_all_on_request(
    client, project, lead, team_of_eight, django_assert_max_num_queries
):
    report = review_figures.agreement_report(project)  # what the API serves
    kappas, structure = report["cohen_kappa"], report["structure"]["pairs"]
    assert len(kappas) == len(structure) == 28 > PAIR_ROWS
    want_kappa = _attention_order(kappas, "kappa", _kappa_shared)[:PAIR_ROWS]
    want_structure = _attention_order(structure, "unit_f1", _structure_shared)[:PAIR_ROWS]
    # The team makes every rule count: the lowest κ of all rests on too few units, and both
    # cuts hold pairs of more than one kind.
    by_pair = {f'{p["a"]}:{p["b"]}': p for p in kappas}
    lowest = min((p for p in kappas if p["kappa"] is not None), key=lambda p: p["kappa"])
    assert lowest["units"] < MIN_SHARED_UNITS and want_kappa[0] != f'{lowest["a"]}:{lowest["b"]}'
    assert by_pair[want_kappa[-1]]["kappa"] is None
    naive = sorted(range(len(structure)), key=lambda i: (structure[i]["unit_f1"], i))[:PAIR_ROWS]
    assert [f'{structure[i]["a"]}:{structure[i]["b"]}' for i in naive] != want_structure

    client.force_login(lead)
    url = reverse("annotations:review-agreement", args=[project.slug])
    client.get(url)
    with django_assert_max_num_queries(6):  # session, user, membership, version, snapshot, counts
        html = client.get(url).content.decode()
    assert _rows(html, "kappa-pairs") == want_kappa
    assert _rows(html, "structure-pairs") == want_structure
    assert html.count(f"Showing the {PAIR_ROWS} lowest of 28 pairs") == 2
    assert html.count(f'href="{url}?pairs=all#') == 2

    with django_assert_max_num_queries(6):
        html = client.get(url, {"pairs": "all"}).content.decode()
    assert _rows(html, "kappa-pairs") == [f'{p["a"]}:{p["b"]}' for p in kappas]
    assert _rows(html, "structure-pairs") == [f'{p["a"]}:{p["b"]}' for p in structure]
    assert "lowest of" not in html and html.count("All 28 pairs, by name.") == 2


def test_a_visit_reads_the_page_part_of_the_snapshot_not_every_pair(client, project, lead, team_of_eight):
    """The snapshot keeps the report and, in a column of its own, what the page shows: the page
    reads only that column (the pair lists grow with the square of the team), `?pairs=all` the
    report."""
    client.force_login(lead)
    url = reverse("annotations:review-agreement", args=[project.slug])
    html = client.get(url).content.decode()
    listed = _rows(html, "kappa-pairs")
    assert len(listed) == PAIR_ROWS
    # Empty the stored report's pair lists behind the page's back: the page still lists its
    # pairs from the part it reads; the full list, read from the report, now has none.
    snapshot = ReviewSnapshot.objects.get(project=project)
    snapshot.figures["report"]["cohen_kappa"] = []
    snapshot.figures["report"]["structure"]["pairs"] = []
    snapshot.save(update_fields=["figures"])
    html = client.get(url).content.decode()
    assert _rows(html, "kappa-pairs") == listed
    assert len(_rows(html, "structure-pairs")) == PAIR_ROWS
    all_pairs = client.get(url, {"pairs": "all"}).content.decode()
    assert _rows(all_pairs, "kappa-pairs") == [] and _rows(all_pairs, "structure-pairs") == []


def test_a_snapshot_kept_without_a_page_part_is_shown_from_its_report(client, project, lead, team_of_eight):
    client.force_login(lead)
    url = reverse("annotations:review-agreement", args=[project.slug])
    html = client.get(url).content.decode()
    ReviewSnapshot.objects.filter(project=project).update(page=None)
    again = client.get(url).content.decode()
    for table in ("kappa-pairs", "structure-pairs"):
        assert _rows(again, table) == _rows(html, table) and len(_rows(again, table)) == PAIR_ROWS


def test_each_annotator_shows_mean_and_lowest_kappa_over_pairs_sharing_enough_units(
    client, project, lead, team_of_eight
):
    kappas = review_figures.agreement_report(project)["cohen_kappa"]
    client.force_login(lead)
    html = client.get(reverse("annotations:review-agreement", args=[project.slug])).content.decode()
    for user in team_of_eight:
        row = re.search(rf'<tr data-annotator="{user.username}">.*?</tr>', html, re.S).group(0)
        counted = [(p["kappa"], p["b"] if p["a"] == user.username else p["a"]) for p in kappas
                   if user.username in (p["a"], p["b"]) and p["kappa"] is not None
                   and p["units"] >= MIN_SHARED_UNITS]
        cells = re.findall(r'data-kappa="(\w+)">([^<]*)<span class="why">([^<]*)</span>', row)
        if not counted:  # ann5 shares four units with anyone, ann6–ann8 only each other
            assert cells == [] and "data-kappa" not in row, user.username
            continue
        mean = sum(k for k, _ in counted) / len(counted)
        low = min(counted)
        assert cells == [("mean", f"{floatformat(mean, 3)} ", f"({len(counted)})"),
                         ("lowest", f"{floatformat(low[0], 3)} ", low[1])], user.username
    assert html.count('data-kappa="mean"') == 7  # all but ann5


def test_up_to_the_constant_every_pair_is_listed_without_a_note(client, project, lead):
    users = _team(project, 6)  # 15 pairs: PAIR_ROWS exactly
    assert len(users) * (len(users) - 1) // 2 == PAIR_ROWS
    _, units = _units(project, 12)
    for k, user in enumerate(users):
        for i, unit in enumerate(units):
            _label(user, unit, LABELS[(i + (i % (k + 2) == 0)) % 3])
    report = review_figures.agreement_report(project)
    client.force_login(lead)
    html = client.get(reverse("annotations:review-agreement", args=[project.slug])).content.decode()
    assert _rows(html, "kappa-pairs") == [f'{p["a"]}:{p["b"]}' for p in report["cohen_kappa"]]
    assert _rows(html, "structure-pairs") == [f'{p["a"]}:{p["b"]}' for p in report["structure"]["pairs"]]
    assert len(_rows(html, "kappa-pairs")) == PAIR_ROWS
    assert "lowest of" not in html and "pairs=all" not in html and "by name" not in html


def test_pairs_and_their_note_in_dutch(client, project, lead, team_of_eight):
    kappas = review_figures.agreement_report(project)["cohen_kappa"]
    first = _attention_order(kappas, "kappa", _kappa_shared)[0]
    pair = next(p for p in kappas if f'{p["a"]}:{p["b"]}' == first)
    client.force_login(lead)
    html = client.get(reverse("annotations:review-agreement", args=[project.slug]),
                      HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    row = re.search(rf'<tr data-pair="{first}">.*?</tr>', html, re.S).group(0)
    with translation.override("nl"):
        kappa = floatformat(pair["kappa"], 3)
    assert "," in kappa and f'<td class="num">{kappa}</td>' in row
    assert html.count(f"De {PAIR_ROWS} laagste van 28 paren") == 2
    assert html.count("Alle 28 paren tonen") == 2


VALUES = [0.0625, 0.5625, -0.0625, -0.0001, 0.0004999, 0.0005, 1e-10, 0.0, -0.0, 1.0, -1.0,
          -0.5000000000000001, 1 / 3, 2 / 3, 0.1 + 0.2, 12.3456, -12.3455, 0.9995]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_figure_filter_writes_what_floatformat_writes(language):
    rng = random.Random(5)
    values = VALUES + [rng.uniform(-1, 1) for _ in range(500)] + [round(rng.uniform(-1, 1), 4) for _ in range(500)]
    template = Template("{% load labels %}{{ value|figure }}|{{ value|floatformat:3 }}")
    with translation.override(language):
        for value in [*values, Decimal("0.1235")]:
            mine, django = template.render(Context({"value": value})).split("|")
            assert mine == django, value
        assert Template("{% load labels %}[{{ value|figure }}]").render(Context({"value": None})) == "[]"
