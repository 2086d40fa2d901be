"""The feedback page: my settled units where my label differed from the final one."""

import pytest
from django.urls import reverse

from annotations.models import Resolution
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    StanceFactory,
    UnitFactory,
    UserFactory,
)


def feedback_url(project, **query):
    url = reverse("annotations:feedback", args=[project.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def unit(project):
    claim = ClaimFactory(article=ArticleFactory(project=project))
    return UnitFactory(claim=claim)


def judge(u, user, label):
    return StanceFactory(claim=u.claim, source=u.source, annotator=user, label=label)


def settle(u, label, *, by=None, reason=""):
    return Resolution.objects.create(
        claim=u.claim, source=u.source, label=label, reason=reason, resolved_by=by,
        status=Resolution.Status.RESOLVED if by else Resolution.Status.CONSENSUS,
    )


@pytest.fixture
def settled(project, annotator, annotator2, lead):
    """u1: I said alleges, the lead settled denies. u2: we agreed. u3: open, ann2 said no_comment."""
    u1, u2, u3 = unit(project), unit(project), unit(project)
    judge(u1, annotator, "alleges"), judge(u1, annotator2, "denies")
    settle(u1, "denies", by=lead, reason="The spokesperson's sentence is a denial.")
    judge(u2, annotator, "alleges"), judge(u2, annotator2, "alleges")
    settle(u2, "alleges")
    judge(u3, annotator, "alleges"), judge(u3, annotator2, "no_comment")
    return u1, u2, u3


def test_it_lists_my_differences_with_the_lead_and_reason(client, annotator, settled):
    u1, u2, u3 = settled
    client.force_login(annotator)
    r = client.get(feedback_url(u1.claim.article.project))
    html = r.content.decode()
    assert r.status_code == 200
    assert f'data-unit="{u1.key}"' in html
    assert "The spokesperson&#x27;s sentence is a denial." in html
    assert 'data-mine="alleges"' in html and 'data-final="denies"' in html
    assert f'data-unit="{u2.key}"' not in html  # agreed with the final label
    assert f'href="/projects/{u1.claim.article.project.slug}/articles/{u1.claim.article_id}/#unit-card-' in html


def test_per_label_agreement_counts_settled_units_only(client, annotator, settled, project):
    client.force_login(annotator)
    r = client.get(feedback_url(project))
    rows = {row.label: row for row in r.context["per_label"]}
    # Settled: u1 (mine alleges, final denies), u2 (alleges, alleges); u3 is open.
    assert (rows["alleges"].final, rows["alleges"].given, rows["alleges"].agreed) == (1, 2, 1)
    assert (rows["denies"].final, rows["denies"].given, rows["denies"].agreed) == (1, 0, 0)
    assert rows["alleges"].precision == 0.5 and rows["denies"].recall == 0.0


def test_blind_mode_never_shows_another_annotators_label_of_an_open_unit(client, annotator, settled, project):
    project.blind = True
    project.save(update_fields=["blind"])
    u1, u2, u3 = settled
    client.force_login(annotator)
    html = client.get(feedback_url(project)).content.decode()
    assert f'data-unit="{u3.key}"' not in html
    assert "no_comment" not in html.split('id="feedback-differences"')[-1]
    # An annotator cannot look at someone else's feedback.
    r = client.get(feedback_url(project, annotator="ann2"))
    assert r.context["who"] == annotator


def test_a_lead_sees_any_members_feedback(client, lead, annotator2, settled, project):
    u1, *_ = settled
    client.force_login(lead)
    r = client.get(feedback_url(project, annotator=annotator2.username))
    assert r.status_code == 200 and r.context["who"] == annotator2
    assert f'data-unit="{u1.key}"' not in r.content.decode()  # ann2 said denies, as settled
    assert client.get(feedback_url(project, annotator="nobody")).status_code == 404


def test_outsiders_get_404(client, outsider, project):
    client.force_login(outsider)
    assert client.get(feedback_url(project)).status_code == 404


@pytest.mark.parametrize("n", [2, 30])
def test_query_count_does_not_grow_with_the_project(client, annotator, lead, project, n,
                                                    django_assert_max_num_queries):
    for _ in range(n):
        u = unit(project)
        judge(u, annotator, "alleges")
        settle(u, "denies", by=lead, reason="no")
    client.force_login(annotator)
    with django_assert_max_num_queries(7):
        r = client.get(feedback_url(project))
    assert r.status_code == 200 and r.context["page"].paginator.count == n


def test_a_lead_who_never_judged_opens_on_the_first_member_who_has(client, lead, annotator, settled, project):
    MembershipFactory(project=project, user=UserFactory(username="aaron"))  # first by name, judged nothing
    client.force_login(lead)
    r = client.get(feedback_url(project))
    assert r.context["who"] == annotator
    html = r.content.decode()
    assert "Feedback for ann1" in html and '<option value="ann1" selected>' in html
    assert f'data-unit="{settled[0].key}"' in html
    assert "Label given" in html and "Your label" not in html  # the table speaks of ann1, not the lead
    html = client.get(feedback_url(project, annotator="ann2")).content.decode()  # ann2 agreed every time
    assert "every settled unit ann2 judged ended with their label" in html


def test_a_lead_who_judged_opens_on_their_own_feedback(client, lead, settled, project):
    judge(settled[2], lead, "denies")
    client.force_login(lead)
    r = client.get(feedback_url(project))
    assert r.context["who"] == lead and "My feedback" in r.content.decode()
