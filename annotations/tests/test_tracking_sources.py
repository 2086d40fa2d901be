"""Source pages and merging duplicate sources: every judgement follows, history kept."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from annotations import services
from annotations.models import History, Membership, Project, Resolution, Source, Stance, Unit
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SourceFactory,
    UnitFactory,
    UserFactory,
)


@pytest.fixture
def claim(project):
    return ClaimFactory(article=ArticleFactory(project=project))


@pytest.fixture
def claim2(project):
    return ClaimFactory(article=ArticleFactory(project=project))


@pytest.fixture
def duo(claim):
    """A source and its duplicate, both heard on `claim`."""
    org = SourceFactory(name="VodafoneZiggo", kind="organisation")
    target = SourceFactory(name="René Loman", kind="person")
    duplicate = SourceFactory(name="Rene Loman", kind="person", role="woordvoerder", affiliation=org,
                              aliases=["R. Loman"])
    UnitFactory(claim=claim, source=target)
    UnitFactory(claim=claim, source=duplicate, suggested_label="no_comment")
    return target, duplicate


def test_merge_moves_units_stances_resolutions_and_history(project, claim, claim2, annotator, registry_admin, duo):
    target, duplicate = duo
    UnitFactory(claim=claim2, source=duplicate)
    services.stance_record(claim=claim2, source=duplicate, annotator=annotator, label="denies")
    Resolution.objects.create(claim=claim2, source=duplicate, label="denies", status="consensus")
    before = History.objects.filter(source=duplicate).count()
    assert before == 1

    services.source_merge(target=target, duplicate=duplicate, user=registry_admin)

    assert not Unit.objects.filter(source=duplicate).exists()
    assert not Stance.objects.filter(source=duplicate).exists()
    assert not Resolution.objects.filter(source=duplicate).exists()
    assert not History.objects.filter(source=duplicate).exists()
    assert Stance.objects.get(claim=claim2, source=target).label == "denies"
    assert Resolution.objects.get(claim=claim2, source=target).label == "denies"
    # One unit per claim for the target; it inherits the duplicate's machine suggestion.
    assert Unit.objects.get(claim=claim, source=target).suggested_label == "alleges"
    assert Unit.objects.filter(claim=claim2, source=target).count() == 1
    history = History.objects.filter(source=target, actor=registry_admin, via="page")
    assert {(h.kind, h.action) for h in history} == {
        ("stance", "update"), ("resolution", "update"), ("source", "merge")}
    assert all("Rene Loman" in h.reason for h in history)
    target.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into == target
    assert target.aliases == ["R. Loman"]  # "Rene Loman" folds to the target's own name
    assert (target.role, target.affiliation.name) == ("woordvoerder", "VodafoneZiggo")


def test_merge_collision_keeps_the_later_judgement_and_records_both(project, claim, annotator, registry_admin, duo):
    target, duplicate = duo
    old = services.stance_record(claim=claim, source=target, annotator=annotator, label="alleges")
    Stance.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=1))
    services.stance_record(claim=claim, source=duplicate, annotator=annotator, label="no_comment", note="later")

    services.source_merge(target=target, duplicate=duplicate, user=registry_admin)

    kept = Stance.objects.get(claim=claim, annotator=annotator)
    assert (kept.source, kept.label, kept.note) == (target, "no_comment", "later")
    assert kept.version == 2
    change = History.objects.filter(source=target, actor=registry_admin, kind="stance").get()
    assert (change.action, change.old_label, change.new_label) == ("update", "alleges", "no_comment")
    # Both original decisions remain in the history, now under the target's name.
    created = History.objects.filter(source=target, action="create").values_list("new_label", flat=True)
    assert sorted(created) == ["alleges", "no_comment"]


def test_merge_collision_where_target_is_later_deletes_the_duplicate_with_history(
    project, claim, annotator, registry_admin, duo
):
    target, duplicate = duo
    dup = services.stance_record(claim=claim, source=duplicate, annotator=annotator, label="denies")
    Stance.objects.filter(pk=dup.pk).update(updated_at=timezone.now() - timedelta(days=1))
    services.stance_record(claim=claim, source=target, annotator=annotator, label="alleges")
    services.source_merge(target=target, duplicate=duplicate, user=registry_admin)
    assert list(Stance.objects.filter(claim=claim).values_list("source_id", "label")) == [(target.pk, "alleges")]
    gone = History.objects.get(source=target, action="delete")
    assert (gone.old_label, gone.new_label, gone.annotator) == ("denies", "alleges", annotator)


def test_merge_collision_of_resolutions_prefers_the_leads_decision(claim, lead, registry_admin, duo):
    target, duplicate = duo
    Resolution.objects.create(claim=claim, source=target, label="alleges", status="consensus")
    Resolution.objects.create(claim=claim, source=duplicate, label="denies", status="resolved", resolved_by=lead,
                              updated_at=timezone.now() - timedelta(days=3))
    services.source_merge(target=target, duplicate=duplicate, user=registry_admin)
    res = Resolution.objects.get(claim=claim)
    assert (res.source, res.label, res.status) == (target, "denies", "resolved")
    assert History.objects.filter(kind="resolution", source=target, old_label="alleges", new_label="denies").exists()


def test_merge_refuses_itself_and_already_merged_sources(registry_admin, duo):
    target, duplicate = duo
    with pytest.raises(ValidationError):
        services.source_merge(target=target, duplicate=target, user=registry_admin)
    services.source_merge(target=target, duplicate=duplicate, user=registry_admin)
    with pytest.raises(ValidationError, match="already merged"):
        services.source_merge(target=target, duplicate=duplicate, user=registry_admin)


def test_merges_and_edits_are_for_registry_admins_only(lead, owner, duo):
    target, duplicate = duo
    for user in (lead, owner):  # a project's lead and its admin: neither owns the shared registry
        with pytest.raises(PermissionDenied, match="only its administrators"):
            services.source_merge(target=target, duplicate=duplicate, user=user)
        with pytest.raises(PermissionDenied):
            services.source_update(source=target, user=user, name="Someone else")
    target.refresh_from_db()
    duplicate.refresh_from_db()
    assert (target.name, duplicate.merged_into_id) == ("René Loman", None)
    assert not History.objects.filter(kind="source").exists()


def test_aliases_are_cleaned(registry_admin, duo):
    target, _ = duo
    services.source_aliases_set(source=target, aliases=["  Loman ", "", "loman", "René Loman", "R.L."],
                                user=registry_admin)
    target.refresh_from_db()
    assert target.aliases == ["Loman", "R.L."]


# --- Pages -------------------------------------------------------------------------------------


def source_url(source):
    return reverse("annotations:source-detail", args=["huawei", source.pk])


def test_source_page_shows_aliases_affiliation_and_timeline(client, annotator, claim, duo):
    target, duplicate = duo
    client.force_login(annotator)
    html = client.get(source_url(duplicate)).content.decode()
    assert "VodafoneZiggo" in html and "R. Loman" in html
    assert f'data-timeline-row="{claim.pk}:{duplicate.pk}"' in html
    assert "Merge a duplicate" not in html  # annotators do not merge


def test_registry_admin_merges_a_duplicate_on_the_page_and_the_old_page_redirects(
    client, registry_admin, claim, duo
):
    target, duplicate = duo
    client.force_login(registry_admin)
    r = client.post(reverse("annotations:source-merge", args=["huawei", target.pk]), {"duplicate": duplicate.pk})
    assert r.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into == target
    assert client.get(source_url(duplicate)).url == source_url(target)
    r = client.post(reverse("annotations:source-merge", args=["huawei", target.pk]), {"duplicate": "x"}, follow=True)
    assert "Choose a source heard in this project" in r.content.decode()


def test_annotator_cannot_merge_or_edit_aliases(client, annotator, duo):
    target, duplicate = duo
    client.force_login(annotator)
    assert client.post(reverse("annotations:source-merge", args=["huawei", target.pk]),
                       {"duplicate": duplicate.pk}).status_code == 403
    assert client.post(reverse("annotations:source-aliases", args=["huawei", target.pk]),
                       {"aliases": "X"}).status_code == 403
    duplicate.refresh_from_db()
    target.refresh_from_db()
    assert duplicate.merged_into is None and target.aliases == []


def test_registry_admin_edits_aliases_and_history_keeps_it(client, registry_admin, duo):
    target, _ = duo
    client.force_login(registry_admin)
    client.post(reverse("annotations:source-aliases", args=["huawei", target.pk]), {"aliases": "Loman\nR. Loman\n"})
    target.refresh_from_db()
    assert target.aliases == ["Loman", "R. Loman"]
    row = History.objects.get(kind="source", source=target)
    assert (row.action, row.actor, row.reason, row.old_note, row.new_note, row.claim) == (
        "update", registry_admin, "aliases", "", "Loman\nR. Loman", None)


def test_a_leads_merge_or_alias_edit_is_a_proposal_and_changes_nothing(client, lead, duo):
    target, duplicate = duo
    client.force_login(lead)
    html = client.get(source_url(target)).content.decode()
    assert "data-registry-proposal" in html and 'name="everywhere"' not in html
    r = client.post(reverse("annotations:source-merge", args=["huawei", target.pk]), {"duplicate": duplicate.pk},
                    follow=True)
    assert "your proposal is recorded" in r.content.decode()
    client.post(reverse("annotations:source-aliases", args=["huawei", target.pk]), {"aliases": "Loman"})
    target.refresh_from_db()
    duplicate.refresh_from_db()
    assert (duplicate.merged_into_id, target.aliases) == (None, [])
    proposals = History.objects.filter(kind="source", action="propose", actor=lead).order_by("id")
    assert [p.reason for p in proposals] == [
        f"merge 'Rene Loman' (#{duplicate.pk}) into 'René Loman' (#{target.pk}) (asked in project huawei)",
        "aliases: Loman (asked in project huawei)",
    ]


def test_source_not_heard_in_the_project_is_404(client, annotator, outsider, duo):
    stranger = Source.objects.create(name="Nobody here")
    client.force_login(annotator)
    assert client.get(source_url(stranger)).status_code == 404
    client.force_login(outsider)
    assert client.get(source_url(duo[0])).status_code == 404


def test_source_page_offers_similar_names_to_leads_only(client, lead, annotator, claim, duo):
    target, duplicate = duo
    unrelated = SourceFactory(name="Ministerie van Economische Zaken")
    UnitFactory(claim=claim, source=unrelated)
    client.force_login(lead)
    html = client.get(source_url(target)).content.decode()
    assert f'data-similar-source="{duplicate.pk}"' in html
    assert f'data-similar-source="{unrelated.pk}"' not in html
    client.force_login(annotator)
    assert "data-similar-source" not in client.get(source_url(target)).content.decode()


def test_a_merge_asked_in_one_project_changes_no_other_project(client, project, registry_admin, duo, claim):
    """Asked on A's page, a merge cannot move B's judgements unless the administrator says so."""
    target, duplicate = duo
    other = Project.objects.create(slug="other", name="Other")
    b_annotator = UserFactory(username="b-ann")
    MembershipFactory(project=other, user=b_annotator, role=Membership.Role.ANNOTATOR)
    b_claim = ClaimFactory(article=ArticleFactory(project=other))
    UnitFactory(claim=b_claim, source=target)
    UnitFactory(claim=b_claim, source=duplicate)
    services.stance_record(claim=b_claim, source=target, annotator=b_annotator, label="alleges")
    services.stance_record(claim=b_claim, source=duplicate, annotator=b_annotator, label="denies")
    b_history = History.objects.filter(claim__article__project=other).count()

    client.force_login(registry_admin)
    url = reverse("annotations:source-merge", args=[project.slug, target.pk])
    response = client.post(url, {"duplicate": duplicate.pk}, follow=True)
    assert "also heard in other projects" in response.content.decode()
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id is None
    assert sorted(Stance.objects.filter(claim=b_claim).values_list("source__name", "label")) == [
        ("Rene Loman", "denies"), ("René Loman", "alleges")]
    assert History.objects.filter(claim__article__project=other).count() == b_history

    # A duplicate heard in this project only still merges from here.
    only_here = SourceFactory(name="R Loman", kind="person")
    UnitFactory(claim=claim, source=only_here)
    client.post(url, {"duplicate": only_here.pk})
    only_here.refresh_from_db()
    assert only_here.merged_into_id == target.pk

    # Ticked "also where other projects hear it", the registry's administrator merges everywhere.
    client.post(url, {"duplicate": duplicate.pk, "everywhere": "1"})
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == target.pk
    # B's annotator judged both names; the later judgement survives under the target.
    assert list(Stance.objects.filter(claim=b_claim).values_list("source__name", "label")) == [
        ("René Loman", "denies")]
