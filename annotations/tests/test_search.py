"""One search box over articles, claims and sources, in Dutch and English."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations import search
from annotations.tests.factories import ArticleFactory, ClaimFactory, ProjectFactory, SourceFactory, UnitFactory

NL = "De AIVD onderzoekt de beweringen over spionage door Huawei. Dat melden ingewijden aan de krant."
EN = "The intelligence service is investigating whether Huawei equipment was used for spying."


@pytest.fixture
def corpus(project):
    nl = ArticleFactory(project=project, language="nl", title="Onderzoek naar Huawei", body=NL)
    en = ArticleFactory(project=project, language="en", title="Inquiry into Huawei", body=EN)
    nl_claim = ClaimFactory(article=nl, start=0, end=59, text=NL[:59])
    en_claim = ClaimFactory(article=en, start=0, end=len(EN), text=EN)
    loman = SourceFactory(name="René Loman", aliases=["woordvoerder VodafoneZiggo"])
    UnitFactory(claim=nl_claim, source=loman)
    other = ProjectFactory(slug="elsewhere")
    hidden = ArticleFactory(project=other, language="nl", title="Huawei elders", body="Huawei onderzoekt zichzelf.")
    ClaimFactory(article=hidden, start=0, end=10, text="Huawei ond")
    return {"nl": nl, "en": en, "nl_claim": nl_claim, "en_claim": en_claim, "loman": loman}


def test_dutch_stemming_finds_inflected_forms(require_postgres, project, corpus):
    # "bewering" (singular) matches "beweringen" only through the Dutch stemmer.
    results = search.search_project(project=project, query="bewering")
    assert [a.pk for a in results.articles] == [corpus["nl"].pk]
    assert [c.pk for c in results.claims] == [corpus["nl_claim"].pk]


def test_english_stemming_finds_inflected_forms(require_postgres, project, corpus):
    results = search.search_project(project=project, query="investigates spies")
    assert [a.pk for a in results.articles] == [corpus["en"].pk]
    assert [c.pk for c in results.claims] == [corpus["en_claim"].pk]


def test_names_match_both_languages_and_rank_and_stay_in_the_project(project, corpus):
    results = search.search_project(project=project, query="Huawei")
    assert {a.pk for a in results.articles} == {corpus["nl"].pk, corpus["en"].pk}
    assert all(a.project_id == project.pk for a in results.articles)
    assert all(c.article.project_id == project.pk for c in results.claims)


def test_sources_match_by_folded_name_and_alias(project, corpus):
    assert [s.pk for s in search.search_project(project=project, query="rene loman").sources] == [corpus["loman"].pk]
    assert [s.pk for s in search.search_project(project=project, query="VodafoneZiggo").sources] == [corpus["loman"].pk]
    assert search.search_project(project=project, query="   ").total == 0


def test_search_query_syntax_never_errors(require_postgres, project, corpus):
    for query in ['"unclosed', "a & | ! b", "-", "or or", "Huawei:*", "' OR 1=1 --"]:
        search.search_project(project=project, query=query)


def test_search_page_lists_each_kind_and_its_fragment(client, annotator, project, corpus):
    client.force_login(annotator)
    url = reverse("annotations:search", args=["huawei"])
    html = client.get(url, {"q": "Huawei"}).content.decode()
    assert f'data-result="article:{corpus["nl"].pk}"' in html
    assert f'data-result="claim:{corpus["en_claim"].pk}"' in html
    r = client.get(url, {"q": "Loman"}, headers={"HX-Request": "true"})
    assert "<html" not in r.content.decode() and f'data-result="source:{corpus["loman"].pk}"' in r.content.decode()


def test_blind_annotator_does_not_find_claims_and_sources_another_annotator_added(
    project, annotator, annotator2, lead
):
    from annotations import services
    from annotations.models import Claim

    article = ArticleFactory(project=project, language="en", body="Zebra crossings cause accidents, Zelda said.")
    theirs = services.claim_create(article=article, start=0, end=31, user=annotator2)
    zelda = SourceFactory(name="Zelda")
    services.unit_add(claim=theirs, source=zelda, user=annotator2)
    assert theirs.origin == Claim.Origin.MANUAL
    hidden = search.search_project(project=project, query="zebra", user=annotator, sees_others=False)
    assert hidden.claims == [] and search.search_project(
        project=project, query="Zelda", user=annotator, sees_others=False).sources == []
    assert [a.pk for a in hidden.articles] == [article.pk]  # the article itself is everyone's
    shown = search.search_project(project=project, query="zebra", user=lead, sees_others=True)
    assert [c.pk for c in shown.claims] == [theirs.pk]
    assert [s.pk for s in search.search_project(project=project, query="Zelda", user=annotator2,
                                                 sees_others=False).sources] == [zelda.pk]


def test_search_reads_stored_vectors_kept_by_every_write(require_postgres, project, corpus):
    """The vectors are made when a row is written, in its article's language, and the search
    query reads them (GIN-indexed) instead of parsing every body again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from annotations.models import Article, Claim

    with CaptureQueriesContext(connection) as queries:
        search.search_project(project=project, query="bewering")
    assert not any("to_tsvector" in q["sql"] for q in queries.captured_queries)
    assert all('"search_vector"' in q["sql"] for q in queries.captured_queries[:2])

    # A new article, an edited title, a changed language: each is found at once.
    fresh = ArticleFactory(project=project, language="en", title="Ports", body="The harbour master warned of floods.")
    assert [a.pk for a in search.search_project(project=project, query="flooding").articles] == [fresh.pk]
    Article.objects.filter(pk=fresh.pk).update(title="Dikes and levees")
    assert [a.pk for a in search.search_project(project=project, query="levee").articles] == [fresh.pk]
    claim = ClaimFactory(article=fresh, start=0, end=35, text="The harbour master warned of floods")
    # Dutch stemming does not reduce "warned"; once the article is Dutch, its claim is parsed as Dutch.
    Article.objects.filter(pk=fresh.pk).update(language="nl")
    vector = Claim.objects.values_list("search_vector", flat=True).get(pk=claim.pk)
    assert "'warn'" not in vector and "'warned'" in vector


def test_an_article_too_long_for_one_vector_is_still_imported_and_found(require_postgres, project):
    # Unique words until the vector would pass PostgreSQL's 1 MB limit: indexed by its start instead.
    words = " ".join(f"w{i:07d}x" for i in range(160_000))
    article = ArticleFactory(project=project, language="en", title="Huge", body="Lighthouse keepers. " + words)
    assert [a.pk for a in search.search_project(project=project, query="lighthouse").articles] == [article.pk]
