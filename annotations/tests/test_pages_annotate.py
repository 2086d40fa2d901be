"""The article page, its unit fragments and the writes behind them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from annotations.models import Assignment, Claim, History, Membership, Stance, Unit
from annotations.permissions import viewer
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    ProjectFactory,
    SourceFactory,
    StanceFactory,
    UnitFactory,
    UserFactory,
    heard_in,
)

HX = {"HX-Request": "true"}


def article_url(article):
    return reverse("annotations:article", args=[article.project.slug, article.pk])


def unit_url(article, unit, name="annotations:unit"):
    return reverse(name, args=[article.project.slug, article.pk, unit.claim_id, unit.source_id])


def make_article(project, n_units=3, body=None):
    article = ArticleFactory(project=project, **({"body": body} if body else {}))
    units = []
    for i in range(n_units):
        claim = ClaimFactory(article=article, start=i % 40, end=i % 40 + 10)
        units.append(UnitFactory(claim=claim, suggested_label="denies"))
    return article, units


@pytest.fixture
def article_units(project):
    return make_article(project, 3)


def test_article_page_shows_units_with_label_buttons_in_project_order(client, annotator, article_units):
    article, units = article_units
    client.force_login(annotator)
    r = client.get(article_url(article))
    html = r.content.decode()
    assert r.status_code == 200
    for unit in units:
        assert f'data-unit="{unit.claim_id}:{unit.source_id}"' in html
    first = html.index('data-label="alleges"')
    assert first < html.index('data-label="denies"') < html.index('data-label="no_comment"')
    assert 'class="stance is-suggested"' in html


def test_the_suggestion_outline_goes_once_the_annotator_judges(client, annotator, article_units):
    article, units = article_units
    client.force_login(annotator)
    suggested = units[0].suggested_label
    other = next(label for label in ("alleges", "denies", "no_comment") if label != suggested)
    card = client.get(unit_url(article, units[0]), headers=HX).content.decode()
    assert f'data-label="{suggested}" data-key' in card and "is-suggested" in card and "suggestion-hint" in card
    card = client.post(unit_url(article, units[0]), {"label": other, "version": 0}, headers=HX).content.decode()
    assert "is-suggested" not in card and "suggestion-hint" not in card
    assert card.count('aria-pressed="true"') == 1 and f'value="{other}"' in card.split('aria-pressed="true"')[0]


def test_the_previous_article_link_leads_to_the_one_taken_up_before(client, annotator, lead, project):
    now = timezone.now()
    first, second, third = (ArticleFactory(project=project, title=t) for t in ("First one", "Second one", "Third"))
    for n, article in enumerate((first, second)):
        Assignment.objects.create(article=article, annotator=annotator, status=Assignment.Status.DONE,
                                  started_at=now - timedelta(hours=2 - n), last_seen=now)
    client.force_login(annotator)
    links = {a: client.get(article_url(a)).context["previous"] for a in (first, second)}
    assert links[first] is None and (links[second].pk, links[second].title) == (first.pk, "First one")
    html = client.get(article_url(second)).content.decode()
    assert f'id="previous-article" rel="prev" href="{article_url(first)}"' in html and "First one" in html
    # Reading an article they never took up, a lead is offered the latest one they did.
    Assignment.objects.create(article=second, annotator=lead, status=Assignment.Status.DONE,
                              started_at=now - timedelta(hours=1), last_seen=now)
    client.force_login(lead)
    assert client.get(article_url(third)).context["previous"].pk == second.pk


def test_suggestions_hidden_when_project_does_not_show_them(client, annotator, article_units, project):
    project.show_suggestions = False
    project.save(update_fields=["show_suggestions"])
    article, _ = article_units
    client.force_login(annotator)
    html = client.get(article_url(article)).content.decode()
    assert "is-suggested" not in html


def test_article_text_is_escaped_and_cut_at_claim_offsets(client, annotator, project):
    body = "Intro <script>alert(1)</script> and the minister said taxes fall. End."
    article = ArticleFactory(project=project, body=body)
    start = body.index("taxes")
    ClaimFactory(article=article, start=start, end=start + len("taxes fall"))
    client.force_login(annotator)
    html = client.get(article_url(article)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f'data-start="{start}" data-claims=' in html
    assert f'data-start="{start}"' in html and ">taxes fall</span>" in html


def test_outsider_gets_404_for_article_and_other_projects_article(client, outsider, annotator, article_units):
    article, _ = article_units
    client.force_login(outsider)
    assert client.get(article_url(article)).status_code == 404
    other = ArticleFactory(project=ProjectFactory())
    client.force_login(annotator)
    url = reverse("annotations:article", args=["huawei", other.pk])
    assert client.get(url).status_code == 404


def test_stance_post_with_htmx_swaps_only_the_unit_and_announces(client, annotator, article_units):
    article, units = article_units
    unit = units[0]
    client.force_login(annotator)
    r = client.post(unit_url(article, unit), {"label": "denies", "note": "quoted", "version": "0"}, headers=HX)
    html = r.content.decode()
    assert r.status_code == 200
    assert "<html" not in html
    assert html.strip().startswith('<div class="unit is-judged"')
    assert f'id="unit-card-{unit.claim_id}-{unit.source_id}"' in html
    assert 'aria-pressed="true"' in html and 'name="version" value="1"' in html
    assert "stanceSaved" in r.headers["HX-Trigger"]
    stance = Stance.objects.get(annotator=annotator)
    assert (stance.label, stance.note, stance.version) == ("denies", "quoted", 1)


def test_stance_post_without_js_redirects_back_to_the_unit(client, annotator, article_units):
    article, units = article_units
    client.force_login(annotator)
    r = client.post(unit_url(article, units[1]), {"label": "alleges", "version": "0"})
    assert r.status_code == 302
    assert r.url.endswith(f"#unit-card-{units[1].claim_id}-{units[1].source_id}")
    assert Stance.objects.get(annotator=annotator).label == "alleges"


def test_label_outside_the_project_set_is_refused_in_the_fragment(client, annotator, article_units):
    article, units = article_units
    client.force_login(annotator)
    r = client.post(unit_url(article, units[0]), {"label": "maybe", "version": "0"}, headers=HX)
    assert r.status_code == 400
    assert "HX-Trigger" not in r.headers  # never announced as saved
    assert "is not a stance of this project" in r.content.decode()
    assert 'role="alert"' in r.content.decode()
    r = client.post(unit_url(article, units[0]), {"label": "maybe", "version": "0"})
    assert r.status_code == 400
    assert "is not a stance of this project" in r.content.decode()
    assert not Stance.objects.exists() and not History.objects.exists()


def test_stale_version_is_refused_and_nothing_overwritten(client, annotator, article_units):
    article, units = article_units
    unit = units[0]
    client.force_login(annotator)
    client.post(unit_url(article, unit), {"label": "denies", "version": "0"}, headers=HX)
    # Another tab saw version 1 and changed it; this tab still shows version 1 too.
    client.post(unit_url(article, unit), {"label": "alleges", "version": "1"}, headers=HX)
    r = client.post(unit_url(article, unit), {"label": "no_comment", "version": "1"}, headers=HX)
    html = r.content.decode()
    assert r.status_code == 409 and "HX-Trigger" not in r.headers
    assert "changed this judgement meanwhile" in html
    assert 'name="version" value="2"' in html  # the fragment now carries the current version
    assert Stance.objects.get(annotator=annotator).label == "alleges"
    r = client.post(unit_url(article, unit), {"label": "no_comment", "version": "1"})
    assert r.status_code == 409
    assert Stance.objects.get(annotator=annotator).label == "alleges"


def test_note_alone_needs_a_stance_first_then_keeps_the_label(client, annotator, article_units):
    article, units = article_units
    client.force_login(annotator)
    r = client.post(unit_url(article, units[0]), {"action": "note", "note": "hm", "version": "0"}, headers=HX)
    assert "Choose a stance before adding a note." in r.content.decode()
    assert not Stance.objects.exists()
    client.post(unit_url(article, units[0]), {"label": "denies", "version": "0"}, headers=HX)
    client.post(unit_url(article, units[0]), {"action": "note", "note": "hm", "version": "1"}, headers=HX)
    stance = Stance.objects.get()
    assert (stance.label, stance.note) == ("denies", "hm")


def test_undo_restores_previous_label_and_keeps_history(client, annotator, article_units):
    article, units = article_units
    unit = units[0]
    client.force_login(annotator)
    client.post(unit_url(article, unit), {"label": "denies", "version": "0"}, headers=HX)
    client.post(unit_url(article, unit), {"label": "alleges", "version": "1"}, headers=HX)
    r = client.post(unit_url(article, unit, "annotations:unit-undo"), {"version": "2"}, headers=HX)
    assert r.status_code == 200 and "stanceSaved" in r.headers["HX-Trigger"]
    assert Stance.objects.get().label == "denies"
    assert 'name="version" value="3"' in r.content.decode()  # the undo form carries the new version
    client.post(unit_url(article, unit, "annotations:unit-undo"), {"version": "3"}, headers=HX)
    assert not Stance.objects.exists()
    assert list(History.objects.values_list("action", flat=True)) == ["create", "update", "undo", "undo"]


def test_a_change_without_the_version_it_replaces_is_refused_with_428(client, annotator, article_units):
    article, units = article_units
    unit = units[0]
    client.force_login(annotator)
    # A first judgement has nothing to overwrite: no version needed.
    assert client.post(unit_url(article, unit), {"label": "denies"}, headers=HX).status_code == 200
    r = client.post(unit_url(article, unit), {"label": "alleges"})
    assert r.status_code == 428 and "which version of the judgement it replaces" in r.content.decode()
    assert client.post(unit_url(article, unit, "annotations:unit-undo")).status_code == 428
    assert Stance.objects.get().label == "denies" and History.objects.count() == 1


def test_undo_from_a_stale_tab_is_a_conflict_and_reverts_nothing(client, annotator, article_units):
    article, units = article_units
    unit = units[0]
    client.force_login(annotator)
    client.post(unit_url(article, unit), {"label": "denies", "version": "0"}, headers=HX)
    # Tab A shows version 1. Tab B changes the judgement to alleges (version 2).
    client.post(unit_url(article, unit), {"label": "alleges", "version": "1"}, headers=HX)
    # Tab A's undo would revert B's change, which A never saw.
    r = client.post(unit_url(article, unit, "annotations:unit-undo"), {"version": "1"}, headers=HX)
    html = r.content.decode()
    assert "changed this judgement meanwhile" in html and 'name="version" value="2"' in html
    assert Stance.objects.get().label == "alleges"
    assert list(History.objects.values_list("action", flat=True)) == ["create", "update"]
    r = client.post(unit_url(article, unit, "annotations:unit-undo"), {"version": "1"})
    assert r.status_code == 409 and Stance.objects.get().label == "alleges"


def test_unit_of_another_project_is_404(client, annotator, article_units):
    article, _ = article_units
    foreign = UnitFactory(claim=ClaimFactory(article=ArticleFactory(project=ProjectFactory())))
    client.force_login(annotator)
    url = reverse("annotations:unit", args=["huawei", article.pk, foreign.claim_id, foreign.source_id])
    assert client.post(url, {"label": "denies"}, headers=HX).status_code == 404
    assert not Stance.objects.exists()


def test_add_claim_from_selected_offsets(client, annotator, project):
    article = ArticleFactory(project=project, body="One. The mayor said the bridge is safe. Two.")
    start = article.body.index("the bridge")
    end = start + len("the bridge is safe")
    client.force_login(annotator)
    r = client.post(reverse("annotations:claim-add", args=["huawei", article.pk]),
                    {"start": start, "end": end}, headers=HX)
    assert r.status_code == 200
    claim = Claim.objects.get()
    assert (claim.start, claim.end, claim.text, claim.origin) == (start, end, "the bridge is safe", "manual")
    assert f'id="claim-{claim.pk}"' in r.content.decode()
    assert "claimAdded" in r.headers["HX-Trigger-After-Settle"]


@pytest.mark.parametrize("start,end", [(5, 5), (10, 3), (0, 10_000), ("", "")])
def test_bad_claim_spans_are_refused_with_a_message(client, annotator, project, start, end):
    article = ArticleFactory(project=project)
    client.force_login(annotator)
    url = reverse("annotations:claim-add", args=["huawei", article.pk])
    r = client.post(url, {"start": start, "end": end}, headers=HX)
    assert r.status_code == 200
    assert 'class="error" role="alert"' in r.content.decode()
    r = client.post(url, {"start": start, "end": end})
    assert r.status_code == 400
    assert not Claim.objects.exists()


def test_source_search_fragment_and_add_existing_source(client, annotator, article_units):
    article, units = article_units
    claim = units[0].claim
    wanted = SourceFactory(name="VodafoneZiggo", kind="organisation")
    heard_in(article.project, wanted, SourceFactory(name="Unrelated"))
    client.force_login(annotator)
    url = reverse("annotations:source-add", args=["huawei", article.pk, claim.pk])
    r = client.get(url, {"q": "vodaf"}, headers={**HX, "HX-Target": f"source-results-{claim.pk}"})
    html = r.content.decode()
    assert html.strip().startswith(f'<ul id="source-results-{claim.pk}"')
    assert "VodafoneZiggo" in html and "Unrelated" not in html
    r = client.post(url, {"source": wanted.pk}, headers=HX)
    assert r.status_code == 200 and "unitAdded" in r.headers["HX-Trigger-After-Settle"]
    unit = Unit.objects.get(claim=claim, source=wanted)
    assert (unit.origin, unit.added_by) == ("manual", annotator)
    assert f'data-unit="{claim.pk}:{wanted.pk}"' in r.content.decode()


def test_create_new_source_with_affiliation_and_role(client, annotator, article_units):
    article, units = article_units
    claim = units[0].claim
    client.force_login(annotator)
    url = reverse("annotations:source-add", args=["huawei", article.pk, claim.pk])
    prefix = f"new-{claim.pk}-"
    r = client.post(url, {prefix + "name": "René Loman", prefix + "kind": "person",
                          prefix + "affiliation": "VodafoneZiggo", prefix + "role": "woordvoerder"})
    assert r.status_code == 302
    unit = Unit.objects.get(claim=claim, source__name="René Loman")
    assert unit.source.affiliation.name == "VodafoneZiggo"
    assert unit.source.role == "woordvoerder"
    r = client.post(url, {prefix + "name": "", prefix + "kind": "person"}, headers=HX)
    assert "Give the new source a name" in r.content.decode()


def test_done_marks_assignment_and_moves_progress(client, annotator, article_units):
    article, _ = article_units
    client.force_login(annotator)
    before = client.get(reverse("annotations:project-list")).content.decode()
    assert 'data-mine-done="0"' in before
    r = client.post(reverse("annotations:article-done", args=["huawei", article.pk]))
    assert r.status_code == 302 and r.url == reverse("annotations:queue", args=["huawei"])
    assert Assignment.objects.get(annotator=annotator).status == "done"
    after = client.get(reverse("annotations:project-list")).content.decode()
    assert 'data-mine-done="1"' in after and 'data-project-done="1"' in after


# --- Blind mode ---------------------------------------------------------------------


@pytest.mark.parametrize("blind", [True, False])
def test_the_unit_url_shows_exactly_the_units_the_blind_rule_lets_a_member_see(
        client, annotator, annotator2, lead, project, blind):
    """The unit's fragment reads its unit by hand-written SQL; what it lets through is the rule of
    `Unit.objects.visible_to`, for every kind of unit, for an annotator and a lead."""
    project.blind = blind
    project.save(update_fields=["blind"])
    article, (machine,) = make_article(project, 1)
    claim = machine.claim
    mine = UnitFactory(claim=claim, origin="manual", added_by=annotator, suggested_label="")
    theirs = UnitFactory(claim=claim, origin="manual", added_by=annotator2, suggested_label="")
    theirs_judged = UnitFactory(claim=claim, origin="manual", added_by=annotator2, suggested_label="",
                                source=SourceFactory(affiliation=SourceFactory(name="Speaks For Co")))
    StanceFactory(claim=claim, source=theirs_judged.source, annotator=annotator, label="denies")
    for user in (annotator, lead):
        membership = Membership.objects.get(project=project, user=user)
        visible = set(Unit.objects.filter(claim=claim).visible_to(viewer(project, membership))
                      .values_list("source_id", flat=True))
        client.force_login(user)
        for unit in (machine, mine, theirs, theirs_judged):
            answer = client.get(unit_url(article, unit), headers=HX)
            assert answer.status_code == (200 if unit.source_id in visible else 404), (user, unit.origin)
        assert len(visible) == (3 if blind and user == annotator else 4)
    page = client.get(unit_url(article, theirs_judged), headers=HX).content.decode()
    assert "Speaks For Co" in page and theirs_judged.source.name in page


def test_the_unit_url_answers_404_to_a_mismatched_article_claim_or_slug(client, annotator, project):
    article, (unit,) = make_article(project, 1)
    other_article, (other,) = make_article(project, 1)
    client.force_login(annotator)
    assert client.get(unit_url(article, unit), headers=HX).status_code == 200
    for args in (["huawei", other_article.pk, unit.claim_id, unit.source_id],
                 ["huawei", article.pk, unit.claim_id, other.source_id],
                 ["elsewhere", article.pk, unit.claim_id, unit.source_id]):
        assert client.get(reverse("annotations:unit", args=args), headers=HX).status_code == 404, args


def test_blind_mode_hides_others_labels_notes_and_manual_units(client, annotator, annotator2, lead, project):
    article, units = make_article(project, 2)
    StanceFactory(claim=units[0].claim, source=units[0].source, annotator=annotator2,
                  label="no_comment", note="SECRET-NOTE")
    hand_source = SourceFactory(name="Hand Added Person")
    UnitFactory(claim=units[0].claim, source=hand_source, origin="manual", added_by=annotator2,
                suggested_label="")
    hand_claim = Claim.objects.create(article=article, text="Hidden claim", start=1, end=5,
                                      origin="manual", created_by=annotator2)
    client.force_login(annotator)
    html = client.get(article_url(article)).content.decode()
    assert "SECRET-NOTE" not in html and "ann2" not in html
    assert 'aria-pressed="true"' not in html
    assert "Hand Added Person" not in html and f'id="claim-{hand_claim.pk}"' not in html
    hidden = reverse("annotations:unit", args=["huawei", article.pk, units[0].claim_id, hand_source.pk])
    assert client.get(hidden, headers=HX).status_code == 404
    own = client.get(unit_url(article, units[0]), headers=HX).content.decode()
    assert "SECRET-NOTE" not in own and "no_comment: " not in own
    client.force_login(lead)
    html = client.get(article_url(article)).content.decode()
    assert "SECRET-NOTE" in html and "Hand Added Person" in html
    assert '<span class="who">ann2</span>: no comment' in html


def test_open_project_shows_others_labels(client, annotator, annotator2, project):
    project.blind = False
    project.save(update_fields=["blind"])
    article, units = make_article(project, 1)
    StanceFactory(claim=units[0].claim, source=units[0].source, annotator=annotator2, note="visible-note")
    client.force_login(annotator)
    assert "visible-note" in client.get(article_url(article)).content.decode()


# --- Query budgets --------------------------------------------------------------------


def _populate(project, n_units, others):
    article, units = make_article(project, n_units)
    for unit in units[: n_units // 2]:
        for user in others:
            StanceFactory(claim=unit.claim, source=unit.source, annotator=user, label="denies")
    return article, units


@pytest.mark.parametrize("n_units", [5, 200])
def test_article_page_query_budget_is_constant(client, annotator, annotator2, lead, project, n_units,
                                               django_assert_max_num_queries):
    article, units = _populate(project, n_units, [annotator, annotator2])
    Assignment.objects.create(article=article, annotator=annotator)
    for user in (annotator, lead):
        client.force_login(user)
        with django_assert_max_num_queries(12):
            r = client.get(article_url(article))
        assert r.content.decode().count("data-unit=") == n_units
        with django_assert_max_num_queries(9):
            r = client.get(article_url(article), headers=HX)
        assert r.status_code == 200
        with django_assert_max_num_queries(8):
            r = client.get(unit_url(article, units[0]), headers=HX)
        assert r.status_code == 200


@pytest.mark.parametrize("n_units", [5, 200])
def test_write_fragments_query_budget_is_constant(client, annotator, project, n_units,
                                                  django_assert_max_num_queries):
    article, units = _populate(project, n_units, [])
    client.force_login(annotator)
    with django_assert_max_num_queries(17):
        r = client.post(unit_url(article, units[0]), {"label": "denies", "version": "0"}, headers=HX)
    assert r.status_code == 200
    # The undo takes the project's review lock first (one query: services/locks.py).
    with django_assert_max_num_queries(17):
        client.post(unit_url(article, units[0], "annotations:unit-undo"), {"version": "1"}, headers=HX)
    with django_assert_max_num_queries(14):
        r = client.post(reverse("annotations:claim-add", args=["huawei", article.pk]),
                        {"start": 1, "end": 9}, headers=HX)
    assert r.content.decode().count("data-unit=") == n_units


@pytest.mark.parametrize("n_projects", [1, 6])
def test_project_list_query_budget_is_constant(client, annotator, n_projects, django_assert_max_num_queries):
    for _ in range(n_projects - 1):
        other = ProjectFactory()
        MembershipFactory(project=other, user=annotator, role=Membership.Role.ANNOTATOR)
        ArticleFactory(project=other)
    client.force_login(annotator)
    with django_assert_max_num_queries(4):
        r = client.get(reverse("annotations:project-list"))
    assert r.content.decode().count("<progress") == 2 * n_projects


def test_project_list_shows_only_my_projects(client, annotator):
    ProjectFactory(name="Secret project")
    MembershipFactory(user=UserFactory(), project=ProjectFactory(name="Someone else's"))
    client.force_login(annotator)
    html = client.get(reverse("annotations:project-list")).content.decode()
    assert "Huawei 5G" in html and "Secret project" not in html and "Someone else" not in html


def test_a_projects_own_address_opens_its_articles(client, annotator, outsider):
    client.force_login(annotator)
    r = client.get("/projects/huawei/", follow=True)
    assert r.redirect_chain == [("/projects/huawei/articles/", 302)] and r.status_code == 200
    assert "Huawei 5G" in r.content.decode()
    client.force_login(outsider)  # the articles' page still asks for membership
    assert client.get("/projects/huawei/", follow=True).status_code == 404


@pytest.mark.parametrize("n_sources", [3, 120])
def test_source_search_query_budget_is_constant(client, annotator, article_units, n_sources,
                                                django_assert_max_num_queries):
    article, units = article_units
    claim = units[0].claim
    org = SourceFactory(name="Ministry", kind="organisation")
    heard_in(article.project, org, *(SourceFactory(name=f"Minister {i}", affiliation=org) for i in range(n_sources)))
    client.force_login(annotator)
    url = reverse("annotations:source-add", args=["huawei", article.pk, claim.pk])
    with django_assert_max_num_queries(7):
        r = client.get(url, {"q": "minis"}, headers={**HX, "HX-Target": f"source-results-{claim.pk}"})
    assert r.content.decode().count("data-source=") == min(n_sources + 1, 8)  # the first few only
    assert r.status_code == 200


def test_add_source_works_without_javascript(client, annotator, article_units):
    article, units = article_units
    claim = units[0].claim
    heard_in(article.project, SourceFactory(name="Rijksoverheid", kind="government"))
    client.force_login(annotator)
    url = reverse("annotations:source-add", args=["huawei", article.pk, claim.pk])
    r = client.get(url, {"q": "rijks"})
    html = r.content.decode()
    assert r.status_code == 200 and "<html" in html
    assert "Rijksoverheid" in html and claim.text in html
    assert f'action="{url}"' in html


def test_a_claim_shows_all_its_sources_each_with_its_own_evidence(client, annotator, project):
    body = "Critics say the mill polluted the river. The mill denies that it polluted the river."
    article = ArticleFactory(project=project, body=body)
    denial_at = body.index("The mill denies")
    claim = ClaimFactory(article=article, text="The mill polluted the river", start=0, end=denial_at - 1)
    critics = UnitFactory(claim=claim, suggested_label="alleges", evidence_start=0, evidence_end=denial_at - 1)
    mill = UnitFactory(
        claim=claim, suggested_label="denies", evidence_start=denial_at, evidence_end=len(body)
    )
    client.force_login(annotator)
    html = client.get(article_url(article)).content.decode()
    card = html[html.index(f'id="claim-{claim.pk}"'):]
    card = card[:card.index("</li>\n")] if "</li>\n" in card else card
    assert f'data-unit="{critics.key}"' in card and f'data-unit="{mill.key}"' in card
    # The denial's sentence is marked as the mill's evidence, not the critics'.
    denial_seg = html[html.index(f'data-start="{denial_at}"'):]
    denial_seg = denial_seg[:denial_seg.index(">")]
    assert f'data-units="{mill.key}"' in denial_seg
    first_seg = html[html.index('data-start="0"'):]
    first_seg = first_seg[:first_seg.index(">")]
    assert critics.key in first_seg and mill.key not in first_seg


def test_the_projects_address_leads_to_the_project_list(client, annotator):
    """/projects/ holds every project page; on its own it is the list, which lives at /."""
    client.force_login(annotator)
    answer = client.get("/projects/")
    assert answer.status_code == 302 and answer["Location"] == "/"
    assert client.get(answer["Location"]).status_code == 200
