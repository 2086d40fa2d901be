"""Resolutions: leads settle units, consensus settles itself, every version is kept, and two
leads settling the same unit at once never overwrite each other silently."""

from __future__ import annotations

import threading
from io import StringIO

import pytest
from django.db import close_old_connections, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from annotations import services
from annotations.models import Assignment, History, Membership, Resolution, Stance
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SourceFactory,
    UnitFactory,
    UserFactory,
)
from annotations.tests.http import api_call

# Figures are cached per project version; each test starts and ends with an empty cache.
pytestmark = pytest.mark.usefixtures("fresh_cache")


@pytest.fixture
def unit(project, annotator, annotator2):
    """A unit on which ann1 and ann2 disagree."""
    claim = ClaimFactory(article=ArticleFactory(project=project))
    source = SourceFactory(name="Huawei")
    UnitFactory(claim=claim, source=source)
    Stance.objects.create(claim=claim, source=source, annotator=annotator, label="alleges")
    Stance.objects.create(claim=claim, source=source, annotator=annotator2, label="denies")
    return claim, source


@pytest.fixture
def lead2(project):
    user = UserFactory(username="lead2")
    MembershipFactory(project=project, user=user, role=Membership.Role.LEAD)
    return user


def resolution_history(claim, source):
    return list(History.objects.filter(kind=History.Kind.RESOLUTION, claim=claim, source=source)
                .order_by("id").values_list("action", "old_label", "new_label", "reason", "actor__username"))


# --- Services ----------------------------------------------------------------------------------


def test_lead_settles_and_revises_keeping_every_version(unit, lead, owner):
    claim, source = unit
    assert not Resolution.objects.exists()
    first = services.resolution_set(claim=claim, source=source, label="denies", reason="A clear denial.",
                                    lead=lead)
    assert (first.label, first.status, first.version, first.resolved_by) == ("denies", "resolved", 1, lead)
    revised = services.resolution_set(claim=claim, source=source, label="no_comment",
                                      reason="On reflection, no comment.", lead=owner, expected_version=1)
    assert (revised.label, revised.version, revised.resolved_by) == ("no_comment", 2, owner)
    assert Resolution.objects.count() == 1
    assert resolution_history(claim, source) == [
        ("create", "", "denies", "A clear denial.", "lead"),
        ("update", "denies", "no_comment", "On reflection, no comment.", "owner"),
    ]
    old_reason = History.objects.filter(kind="resolution", action="update").get().old_note
    assert old_reason == "A clear denial."


def test_stale_or_missing_version_never_overwrites_a_leads_decision(unit, lead, lead2):
    claim, source = unit
    services.resolution_set(claim=claim, source=source, label="denies", reason="first", lead=lead)
    for version in (None, 0):
        with pytest.raises(services.Conflict) as caught:
            services.resolution_set(claim=claim, source=source, label="alleges", reason="second",
                                    lead=lead2, expected_version=version)
        assert caught.value.current.label == "denies"
        assert "Already settled as 'denies' by lead (first)" in str(caught.value)
    resolution = Resolution.objects.get()
    assert (resolution.label, resolution.version) == ("denies", 1)
    assert len(resolution_history(claim, source)) == 1


def test_label_outside_the_project_is_refused_and_nothing_saved(unit, lead):
    from django.core.exceptions import ValidationError

    claim, source = unit
    with pytest.raises(ValidationError, match="not a stance of this project"):
        services.resolution_set(claim=claim, source=source, label="maybe", reason="x", lead=lead)
    assert not Resolution.objects.exists() and not History.objects.filter(kind="resolution").exists()


def test_consensus_resolves_units_every_annotator_agrees_on_and_withdraws_it_when_they_no_longer_do(
    project, annotator, annotator2, lead
):
    article = ArticleFactory(project=project)
    claim = ClaimFactory(article=article)
    agreed, disputed, lone = SourceFactory(), SourceFactory(), SourceFactory()
    for source in (agreed, disputed, lone):
        UnitFactory(claim=claim, source=source)
    services.stance_record(claim=claim, source=agreed, annotator=annotator, label="alleges")
    services.stance_record(claim=claim, source=agreed, annotator=annotator2, label="alleges")
    services.stance_record(claim=claim, source=disputed, annotator=annotator, label="alleges")
    services.stance_record(claim=claim, source=disputed, annotator=annotator2, label="denies")
    services.stance_record(claim=claim, source=lone, annotator=annotator, label="denies")
    assert not Resolution.objects.exists()
    # The annotator's Done button refreshes the article's consensus.
    services.assignment_finish(article=article, annotator=annotator2)
    assert list(Resolution.objects.values_list("source_id", "label", "status")) == [
        (agreed.pk, "alleges", "consensus")]
    # ann2 changes their mind: the consensus is withdrawn, recorded in history.
    services.stance_record(claim=claim, source=agreed, annotator=annotator2, label="denies")
    assert services.consensus_refresh(article=article) == {"created": 0, "updated": 0, "withdrawn": 1}
    assert not Resolution.objects.exists()
    assert [row[0] for row in resolution_history(claim, agreed)] == ["create", "delete"]
    # A lead's decision is never touched by consensus.
    services.resolution_set(claim=claim, source=disputed, label="denies", reason="Read the quote.", lead=lead)
    services.stance_record(claim=claim, source=disputed, annotator=annotator, label="denies")
    services.stance_record(claim=claim, source=agreed, annotator=annotator, label="denies")
    assert services.consensus_refresh(article=article) == {"created": 1, "updated": 0, "withdrawn": 0}
    assert dict(Resolution.objects.values_list("source_id", "status")) == {
        agreed.pk: "consensus", disputed.pk: "resolved"}
    assert Resolution.objects.get(source=disputed).resolved_by == lead


def test_a_lead_can_overrule_a_consensus(project, annotator, annotator2, lead):
    article = ArticleFactory(project=project)
    claim, source = ClaimFactory(article=article), SourceFactory()
    for user in (annotator, annotator2):
        services.stance_record(claim=claim, source=source, annotator=user, label="alleges")
    services.consensus_refresh(article=article)
    resolution = services.resolution_set(claim=claim, source=source, label="denies",
                                         reason="Both misread it.", lead=lead)
    assert (resolution.status, resolution.label, resolution.version) == ("resolved", "denies", 2)


# --- Two leads at once, two real transactions ---------------------------------------------------


def _race(claim, source, leads_and_labels, hold_open: bool):
    """Run resolution_set for each lead in its own thread and transaction.

    A barrier makes both read the unit's state (no resolution, version 0) before either writes.
    With `hold_open`, each thread keeps its transaction open around the write, so the second
    write meets the first's uncommitted row and must wait for it.
    """
    barrier = threading.Barrier(len(leads_and_labels))
    outcomes: dict[str, object] = {}

    def settle(lead, label):
        try:
            with transaction.atomic():
                seen = Resolution.objects.filter(claim=claim, source=source).first()
                version = seen.version if seen else 0
                barrier.wait(timeout=10)
                result = services.resolution_set(
                    claim=claim, source=source, label=label, reason=f"{lead.username} says {label}",
                    lead=lead, expected_version=version, via="api",
                )
                if hold_open:
                    threading.Event().wait(0.3)
            outcomes[lead.username] = result
        except services.Conflict as exc:
            outcomes[lead.username] = exc
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=settle, args=pair) for pair in leads_and_labels]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("hold_open", [False, True])
def test_two_leads_settling_at_once_the_second_gets_a_conflict(require_postgres, hold_open):
    from annotations.tests.factories import ProjectFactory

    project = ProjectFactory(slug="race")
    leads = []
    for name in ("lead-a", "lead-b"):
        user = UserFactory(username=name)
        MembershipFactory(project=project, user=user, role=Membership.Role.LEAD)
        leads.append(user)
    claim = ClaimFactory(article=ArticleFactory(project=project))
    source = SourceFactory()
    UnitFactory(claim=claim, source=source)

    outcomes = _race(claim, source, [(leads[0], "alleges"), (leads[1], "denies")], hold_open)

    conflicts = {name: o for name, o in outcomes.items() if isinstance(o, services.Conflict)}
    winners = {name: o for name, o in outcomes.items() if isinstance(o, Resolution)}
    assert len(outcomes) == 2 and len(conflicts) == 1 and len(winners) == 1
    (winner_name, winner), (_, conflict) = next(iter(winners.items())), next(iter(conflicts.items()))
    stored = Resolution.objects.get(claim=claim, source=source)
    assert (stored.label, stored.resolved_by.username, stored.version) == (winner.label, winner_name, 1)
    assert conflict.current.label == winner.label
    assert f"Already settled as '{winner.label}' by {winner_name}" in str(conflict)
    assert History.objects.filter(kind="resolution").count() == 1


# --- The API over real HTTP -------------------------------------------------------------------


def _settle(base, user, data):
    return api_call(base, "/api/v1/projects/huawei/resolutions/", user, "POST", data)


def test_api_settle_revise_and_conflict(live_server, unit, lead, lead2):
    claim, source = unit
    base = live_server.url
    status, body = _settle(base, lead, {"claim": claim.pk, "source": source.pk, "label": "denies",
                                      "reason": "A clear denial."})
    assert status == 201
    assert {k: body[k] for k in ("claim", "source", "label", "status", "reason", "resolved_by", "version")} == {
        "claim": claim.pk, "source": source.pk, "label": "denies", "status": "resolved",
        "reason": "A clear denial.", "resolved_by": "lead", "version": 1}
    # The second lead saw the unit unsettled: 409 with the first's decision.
    status, body = _settle(base, lead2, {"claim": claim.pk, "source": source.pk, "label": "alleges",
                                       "reason": "I read it as an allegation.", "version": 0})
    assert status == 409
    assert body["current"]["label"] == "denies" and body["current"]["resolved_by"] == "lead"
    assert "Already settled as 'denies' by lead" in body["detail"]
    # Naming the version they now saw, they may revise it.
    status, body = _settle(base, lead2, {"claim": claim.pk, "source": source.pk, "label": "alleges",
                                       "reason": "I read it as an allegation.", "version": 1})
    assert status == 200 and body["version"] == 2 and body["resolved_by"] == "lead2"
    assert len(resolution_history(claim, source)) == 2


def test_api_refuses_bad_input_with_clear_messages(live_server, unit, lead, annotator, outsider):
    claim, source = unit
    base = live_server.url
    status, body = _settle(base, lead, {"claim": claim.pk, "source": source.pk, "label": "maybe", "reason": "x"})
    assert status == 400
    assert body == {"label": [
        "'maybe' is not a stance of this project (choose from alleges, denies, no_comment, rejected)."]}
    status, body = _settle(base, lead, {"claim": claim.pk, "source": source.pk, "label": "denies", "reason": " "})
    assert status == 400 and body["reason"] == ["Give a reason for the decision."]
    status, body = _settle(base, lead, {"claim": claim.pk, "source": SourceFactory().pk, "label": "denies",
                                      "reason": "x"})
    assert status == 400 and body["detail"] == "No such unit (claim and source) in this project."
    other_claim = ClaimFactory()  # in another project
    status, body = _settle(base, lead, {"claim": other_claim.pk, "source": source.pk, "label": "denies",
                                      "reason": "x"})
    assert status == 400
    assert _settle(base, annotator, {"claim": claim.pk, "source": source.pk, "label": "denies",
                                   "reason": "x"})[0] == 403
    assert _settle(base, outsider, {"claim": claim.pk, "source": source.pk, "label": "denies",
                                  "reason": "x"})[0] == 404
    assert not Resolution.objects.exists()


# --- The page ----------------------------------------------------------------------------------


def _resolve(client, claim, source, label, reason, version, htmx=True):
    headers = {"HX-Request": "true", "HX-Target": f"unit-{claim.pk}-{source.pk}"} if htmx else {}
    return client.post(reverse("annotations:review-resolve", args=["huawei"]),
                       {"claim": claim.pk, "source": source.pk, "label": label, "reason": reason,
                        "version": version}, headers=headers)


def test_page_settles_a_unit_and_shows_it_settled(client, unit, lead):
    claim, source = unit
    client.force_login(lead)
    response = _resolve(client, claim, source, "denies", "A clear denial.", 0)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.strip().startswith(f'<article id="unit-{claim.pk}-{source.pk}"')
    assert "is-settled" in html and "Settled as <strong>denies</strong> by lead" in html
    assert 'name="version" value="1"' in html
    assert "resolutionSaved" in response["HX-Trigger"]
    assert History.objects.get(kind="resolution").via == "page"


def test_page_shows_the_first_decision_when_another_lead_got_there_first(client, unit, lead, lead2):
    claim, source = unit
    client.force_login(lead)
    assert _resolve(client, claim, source, "denies", "A clear denial.", 0).status_code == 200
    client.force_login(lead2)
    response = _resolve(client, claim, source, "alleges", "An allegation.", 0)
    assert response.status_code == 409
    html = response.content.decode()
    assert 'data-error="conflict"' in html and 'data-conflict-label="denies"' in html
    assert "Already settled as &#x27;denies&#x27; by lead" in html and "A clear denial." in html
    assert Resolution.objects.get().label == "denies"
    # Without htmx the whole page comes back with the message on that unit.
    response = _resolve(client, claim, source, "alleges", "An allegation.", 0, htmx=False)
    assert response.status_code == 409 and b"<html" in response.content
    assert b'data-conflict-label="denies"' in response.content


def test_page_refuses_a_missing_reason_or_a_foreign_label(client, unit, lead):
    claim, source = unit
    client.force_login(lead)
    response = _resolve(client, claim, source, "denies", "  ", 0)
    assert response.status_code == 400 and b"Give a reason for the decision" in response.content
    response = _resolve(client, claim, source, "maybe", "why", 0)
    assert response.status_code == 400
    assert b"Choose one of the project&#x27;s labels: alleges, denies, no_comment, rejected." in response.content
    assert not Resolution.objects.exists()


def test_plain_post_redirects_back_to_the_queue(client, unit, lead):
    claim, source = unit
    client.force_login(lead)
    response = _resolve(client, claim, source, "denies", "A clear denial.", 0, htmx=False)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/projects/huawei/review/#unit-{claim.pk}-{source.pk}")


def test_demo_lead_sees_and_settles_the_demo_disagreements(client):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())

    lead = get_user_model().objects.get(username="lead")
    assert lead.check_password("claimtrack-demo")
    client.force_login(lead)
    page = client.get(reverse("annotations:review", args=["demo"]))
    assert page.status_code == 200
    from annotations import review
    from annotations.models import Project

    project = Project.objects.get(slug="demo")
    queue = review.disputed_units(project)
    assert queue.units, "the demo has disagreements to settle"
    for item in queue.units:
        assert f'data-unit="{item.key}"'.encode() in page.content
        response = client.post(reverse("annotations:review-resolve", args=["demo"]),
                               {"claim": item.claim_id, "source": item.source_id,
                                "label": next(j.label for j in item.judgements if j.label),
                                "reason": "Checked the quote.", "version": 0},
                               headers={"HX-Request": "true"})
        assert response.status_code == 200
    assert review.disputed_units(project).units == []
    assert Assignment.objects.filter(article__project=project, status="done").count() == 2


def test_settling_a_unit_the_annotators_meanwhile_agreed_on_says_it_left_the_queue(
    client, project, lead, annotator, annotator2
):
    claim, source = ClaimFactory(article=ArticleFactory(project=project)), SourceFactory()
    UnitFactory(claim=claim, source=source)
    for user in (annotator, annotator2):
        Stance.objects.create(claim=claim, source=source, annotator=user, label="denies")
    client.force_login(lead)
    response = _resolve(client, claim, source, "denies", "Agreed anyway.", 0)
    assert response.status_code == 200
    assert b"no longer in dispute" in response.content
    assert f'id="unit-{claim.pk}-{source.pk}"'.encode() in response.content
    assert Resolution.objects.get().status == "resolved"


def test_a_consensus_reached_while_the_lead_decided_is_a_conflict_not_bad_input(
    client, unit, lead, annotator2
):
    """The lead opened the unit while the annotators disagreed; before their decision arrives
    the annotators agree and the consensus settles the unit, which leaves the queue. The
    decision is refused as a conflict (409) that says what stands, not as bad input (400)."""
    claim, source = unit
    services.stance_record(claim=claim, source=source, annotator=annotator2, label="alleges", expected_version=1)
    services.consensus_refresh(article=claim.article)
    assert Resolution.objects.get().status == "consensus"
    client.force_login(lead)
    response = _resolve(client, claim, source, "denies", "Read the quote.", "")
    assert response.status_code == 409
    assert "Already settled as &#x27;alleges&#x27; by consensus" in response.content.decode()
    assert Resolution.objects.get().status == "consensus"


def _agreed_article(project, annotator, annotator2, n_units):
    article = ArticleFactory(project=project)
    claim = ClaimFactory(article=article)
    for _ in range(n_units):
        source = SourceFactory()
        UnitFactory(claim=claim, source=source)
        for who in (annotator, annotator2):
            services.stance_record(claim=claim, source=source, annotator=who, label="alleges")
    return article


def test_an_articles_consensus_is_settled_in_the_same_statements_however_many_units_agree(
    project, annotator, annotator2
):
    """Done settles every agreed unit of the article at once: the queries do not grow with them."""
    queries = {}
    for n_units in (1, 6):
        article = _agreed_article(project, annotator, annotator2, n_units)
        with CaptureQueriesContext(connection) as captured:
            assert services.consensus_refresh(article=article) == {"created": n_units, "updated": 0, "withdrawn": 0}
        queries[n_units] = len(captured)
        assert Resolution.objects.filter(claim__article=article, status="consensus").count() == n_units
        assert History.objects.filter(claim__article=article, kind="resolution", action="create",
                                      reason="Consensus of the annotators.").count() == n_units
    assert queries[6] == queries[1]


def test_a_consensus_created_beside_a_leads_decision_leaves_the_decision_standing(project, annotator, annotator2, lead):
    """Should a lead's decision on one of the agreed units arrive unlocked meanwhile, the others are
    still settled by consensus, one by one, and the lead's stands."""
    from annotations.services.resolutions import _consensus_create

    article = _agreed_article(project, annotator, annotator2, 3)
    units = list(Stance.objects.filter(claim__article=article, annotator=annotator)
                 .order_by("source_id").values_list("claim_id", "source_id"))
    Resolution.objects.create(claim_id=units[1][0], source_id=units[1][1], label="denies",
                              status=Resolution.Status.RESOLVED, resolved_by=lead)
    created = _consensus_create([(unit, "alleges") for unit in units], timezone.now())
    assert [(r.source_id, r.status) for r in created] == [(units[0][1], "consensus"), (units[2][1], "consensus")]
    assert all(r.pk for r in created)
    assert dict(Resolution.objects.filter(claim__article=article).values_list("source_id", "status")) == {
        units[0][1]: "consensus", units[1][1]: "resolved", units[2][1]: "consensus"}
