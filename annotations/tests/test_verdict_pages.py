"""The verdict form on a claim's verdict page and on a tracked claim's page: leads only, clear errors,
a stale version refused with the lead's text kept, every change listed; query budgets."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from annotations import services
from annotations.models import ClaimCluster, ClaimLink, Membership, Verdict, VerdictChange
from annotations.tests.factories import ArticleFactory, MembershipFactory, ProjectFactory, UserFactory, claim_at

HX = {"HX-Request": "true"}


@pytest.fixture
def claim(project):
    article = ArticleFactory(project=project, title="Bridge money", url="https://paper.example/bridge",
                             body="The minister said the bridge costs nothing. The union denied it.")
    return claim_at(article, "the bridge costs nothing")


@pytest.fixture
def cluster(project, claim):
    cluster = ClaimCluster.objects.create(project=project, title="The bridge costs nothing")
    ClaimLink.objects.create(cluster=cluster, claim=claim, status=ClaimLink.Status.CONFIRMED)
    return cluster


def claim_url(claim):
    return reverse("annotations:claim-verdict", args=["huawei", claim.pk])


def cluster_url(cluster):
    return reverse("annotations:cluster-verdict", args=["huawei", cluster.pk])


VERDICT = {"rating": "mostly false", "explanation": "Paid from the road fund.",
           "url": "https://factcheck.example.org/bridge", "date_published": "2024-03-01", "version": "0"}


def test_a_lead_gives_a_claim_its_verdict_through_the_htmx_form(client, project, lead, claim):
    client.force_login(lead)
    page = client.get(claim_url(claim)).content.decode()
    assert 'id="verdict-form"' in page and 'name="rating"' in page and "No verdict yet." in page
    response = client.post(claim_url(claim), VERDICT, headers=HX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="verdict-form"') and "<html" not in body
    assert 'data-verdict-rating="mostly false"' in body and 'data-verdict-version="1"' in body
    assert "Verdict saved." in body and 'data-verdict-change="create"' in body
    assert "verdictSaved" in json.loads(response["HX-Trigger"])
    verdict = Verdict.objects.get()
    assert (verdict.claim, verdict.rating, verdict.url, str(verdict.date_published), verdict.reviewer) == (
        claim, "mostly false", VERDICT["url"], "2024-03-01", lead)


def test_without_htmx_the_form_redirects_and_shows_a_message(client, project, lead, claim):
    client.force_login(lead)
    response = client.post(claim_url(claim), VERDICT, follow=True)
    assert response.redirect_chain[-1][0] == claim_url(claim)
    assert "Verdict saved." in response.content.decode()


def test_bad_input_is_refused_with_clear_errors_and_kept(client, project, lead, claim):
    client.force_login(lead)
    bad = {**VERDICT, "rating": "pants on fire", "url": "not an address", "date_published": "1 March"}
    response = client.post(claim_url(claim), bad, headers=HX)
    assert response.status_code == 400
    body = response.content.decode()
    assert "The verdict was not saved" in body and "Select a valid choice" in body
    assert "Give the date of publication as YYYY-MM-DD." in body and "Enter a valid URL." in body
    assert "Paid from the road fund." in body  # what they typed stays
    assert not Verdict.objects.exists()


def test_a_stale_version_shows_the_conflict_and_overwrites_nothing(client, project, lead, owner, claim):
    services.verdict_set(project=project, reviewer=owner, claim=claim, rating="false", url=VERDICT["url"])
    client.force_login(lead)
    response = client.post(claim_url(claim), {**VERDICT, "version": "0"}, headers=HX)
    assert response.status_code == 409
    body = response.content.decode()
    assert "owner changed this verdict meanwhile" in body and 'data-verdict-rating="false"' in body
    assert "Paid from the road fund." in body and 'name="version" value="1"' in body
    assert Verdict.objects.get().rating == "false" and VerdictChange.objects.count() == 1
    # Having seen it, the lead saves again on purpose: their verdict replaces the other one.
    response = client.post(claim_url(claim), {**VERDICT, "version": "1"}, headers=HX)
    assert response.status_code == 200 and Verdict.objects.get().rating == "mostly false"


def test_annotators_read_the_verdict_but_cannot_give_one(client, project, annotator, lead, claim):
    services.verdict_set(project=project, reviewer=lead, claim=claim, rating="false")
    client.force_login(annotator)
    page = client.get(claim_url(claim)).content.decode()
    assert 'data-verdict-rating="false"' in page and 'name="rating"' not in page
    assert client.post(claim_url(claim), {**VERDICT, "version": "1"}, headers=HX).status_code == 403
    assert Verdict.objects.get().rating == "false"


def test_another_projects_lead_and_outsiders_see_no_such_claim(client, project, outsider, claim, cluster):
    stranger = UserFactory(username="stranger")
    MembershipFactory(project=ProjectFactory(slug="other"), user=stranger, role=Membership.Role.LEAD)
    for user in (stranger, outsider):
        client.force_login(user)
        assert client.get(claim_url(claim)).status_code == 404
        assert client.post(claim_url(claim), VERDICT).status_code == 404
        assert client.post(cluster_url(cluster), VERDICT).status_code == 404
        # Nor through their own project's address.
        other = reverse("annotations:claim-verdict", args=["other", claim.pk])
        assert client.post(other, VERDICT).status_code in {403, 404}
    assert not Verdict.objects.exists()


def test_a_lead_gives_a_tracked_claim_its_verdict_on_its_page(client, project, lead, cluster):
    client.force_login(lead)
    detail = reverse("annotations:cluster-detail", args=["huawei", cluster.pk])
    assert f'hx-post="{cluster_url(cluster)}"' in client.get(detail).content.decode()
    response = client.post(cluster_url(cluster), VERDICT)
    assert response.status_code == 302 and response["Location"] == detail + "#verdict-form"
    assert Verdict.objects.get().cluster == cluster
    response = client.post(cluster_url(cluster), {**VERDICT, "rating": "true", "version": "0"})
    assert response.status_code == 409  # the whole page, with the conflict in the form
    body = response.content.decode()
    assert "<html" in body and "lead changed this verdict meanwhile" in body and "Linked claims" in body


def test_the_verdict_pages_keep_their_query_budget(client, project, lead, claim, cluster,
                                                   django_assert_max_num_queries):
    services.verdict_set(project=project, reviewer=lead, cluster=cluster, rating="false")
    for n in range(3):
        services.verdict_set(project=project, reviewer=lead, cluster=cluster, rating=["true", "false"][n % 2],
                             expected_version=n + 1)
    services.verdict_set(project=project, reviewer=lead, claim=claim, rating="false")
    client.force_login(lead)
    # session, user, membership+project, claim, tracked claim, verdict, its changes
    with django_assert_max_num_queries(7):
        assert client.get(claim_url(claim)).status_code == 200
    detail = reverse("annotations:cluster-detail", args=["huawei", cluster.pk])
    # the tracked claim's page as before (10) and the verdict with its changes (2)
    with django_assert_max_num_queries(12):
        response = client.get(detail)
    assert response.status_code == 200 and 'data-verdict-version="4"' in response.content.decode()
    # the form's answer: the page's reads, the write (lead check, the scale locked, the verdict locked,
    # update, change row, savepoints) and the form re-read
    with django_assert_max_num_queries(14):
        response = client.post(claim_url(claim), {**VERDICT, "version": "1"}, headers=HX)
    assert response.status_code == 200


def test_the_tracked_claims_list_shows_each_verdict(client, project, lead, annotator, cluster,
                                                    django_assert_max_num_queries):
    bare = ClaimCluster.objects.create(project=project, title="Another claim")
    services.verdict_set(project=project, reviewer=lead, cluster=cluster, rating="half true")
    client.force_login(annotator)
    # session, user, membership+project, the tracked claims with their counts and verdicts
    with django_assert_max_num_queries(4):
        page = client.get(reverse("annotations:cluster-list", args=["huawei"])).content.decode()
    assert f'<tr data-cluster="{cluster.pk}">' in page and 'data-verdict="half true"' in page
    assert f'<tr data-cluster="{bare.pk}">' in page and 'data-verdict=""' in page
