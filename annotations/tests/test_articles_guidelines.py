"""The project's articles list (my status; leads: everyone's and the disputes) and the guidelines."""

import pytest
from django.urls import reverse

from annotations import services
from annotations.models import ProjectChange
from annotations.tests.factories import ArticleFactory, ClaimFactory, StanceFactory, UnitFactory


def list_url(project, **params):
    from urllib.parse import urlencode

    url = reverse("annotations:article-list", args=[project.slug])
    return f"{url}?{urlencode(params)}" if params else url


@pytest.fixture
def articles(project, annotator, annotator2):
    done, started, untouched = (ArticleFactory(project=project, title=t) for t in ("Done one", "Started", "Fresh"))
    unit = UnitFactory(claim=ClaimFactory(article=done, start=0, end=5))
    StanceFactory(claim=unit.claim, source=unit.source, annotator=annotator, label="alleges")
    StanceFactory(claim=unit.claim, source=unit.source, annotator=annotator2, label="denies")
    services.assignment_finish(article=done, annotator=annotator)
    services.assignment_finish(article=done, annotator=annotator2)
    other = UnitFactory(claim=ClaimFactory(article=started, start=0, end=5))
    StanceFactory(claim=other.claim, source=other.source, annotator=annotator, label="alleges")
    return done, started, untouched


def _statuses(html):
    import re

    return dict(re.findall(r'data-article="(\d+)" data-status="(\w+)"', html))


def test_annotator_sees_their_status_on_each_article_and_filters(client, project, annotator, articles):
    done, started, untouched = articles
    client.force_login(annotator)
    html = client.get(list_url(project)).content.decode()
    assert _statuses(html) == {str(done.pk): "done", str(started.pk): "in_progress",
                               str(untouched.pk): "not_started"}
    assert "data-disputed" not in html and "data-annotator" not in html  # leads only
    assert _statuses(client.get(list_url(project, status="not_started")).content.decode()) == {
        str(untouched.pk): "not_started"}
    assert list(_statuses(client.get(list_url(project, q="start")).content.decode())) == [str(started.pk)]


def test_lead_sees_every_annotators_status_and_the_disputed_units(client, project, lead, articles):
    done, started, untouched = articles
    client.force_login(lead)
    html = client.get(list_url(project)).content.decode()
    row = html[html.index(f'data-article="{done.pk}"'):]
    row = row[: row.index("</tr>")]
    assert 'data-annotator="ann1" data-status="done"' in row and 'data-annotator="ann2" data-status="done"' in row
    assert 'data-disputed="1"' in row
    started_row = html[html.index(f'data-article="{started.pk}"'):]
    assert 'data-annotator="ann1" data-status="in_progress"' in started_row[: started_row.index("</tr>")]


def test_cursor_pages_walk_every_article_once(client, project, annotator, monkeypatch):
    from annotations import selectors

    monkeypatch.setattr(selectors, "ARTICLES_PAGE", 2)
    made = [ArticleFactory(project=project).pk for _ in range(5)]
    client.force_login(annotator)
    seen, url, pages = [], list_url(project), 0
    while url:
        html = client.get(url).content.decode()
        seen += [int(k) for k in _statuses(html)]
        pages += 1
        marker = 'rel="next" href="'
        href = html[html.index(marker) + len(marker):].split('"')[0] if marker in html else None
        url = list_url(project) + href.replace("&amp;", "&") if href else None
    assert seen == made and pages == 3
    back = client.get(list_url(project, before=made[4])).content.decode()
    assert [int(k) for k in _statuses(back)] == made[2:4]


@pytest.mark.parametrize("role", ["annotator", "lead"])
def test_the_list_costs_the_same_queries_for_3_and_30_articles(
    client, project, request, django_assert_max_num_queries, role
):
    user = request.getfixturevalue(role)
    client.force_login(user)

    def fill(n):
        for _ in range(n):
            article = ArticleFactory(project=project)
            unit = UnitFactory(claim=ClaimFactory(article=article, start=0, end=5))
            StanceFactory(claim=unit.claim, source=unit.source, annotator=user, label="denies")

    fill(3)
    # session, user, membership with project, the page of articles (+ leads: their people and judgements)
    budget = 6 if role == "lead" else 5
    with django_assert_max_num_queries(budget):
        assert client.get(list_url(project)).status_code == 200
    fill(27)
    with django_assert_max_num_queries(budget):
        assert client.get(list_url(project)).status_code == 200


def test_outsider_gets_404(client, project, outsider):
    client.force_login(outsider)
    assert client.get(list_url(project)).status_code == 404


def test_guidelines_render_markdown_safely_and_every_version_is_kept(client, project, lead, annotator):
    url = reverse("annotations:guidelines", args=[project.slug])
    client.force_login(annotator)
    assert client.post(url, {"guidelines": "# Mine"}).status_code == 403
    client.force_login(lead)
    text = "# Stances\n\n**alleges**: the source states it.\n\n<script>alert(1)</script> [x](javascript:alert(1))"
    assert client.post(url, {"guidelines": text}).status_code == 302
    client.post(url, {"guidelines": text + "\n\nSecond version."})
    html = client.get(url).content.decode()
    assert "<h1>Stances</h1>" in html and "<strong>alleges</strong>" in html
    assert "<script>alert(1)</script>" not in html and 'href="javascript:' not in html
    versions = list(ProjectChange.objects.filter(project=project, field="guidelines").values_list("old", "new"))
    assert versions == [("", text), (text, text + "\n\nSecond version.")]
    client.force_login(annotator)
    article = ArticleFactory(project=project)
    page = client.get(reverse("annotations:article", args=[project.slug, article.pk])).content.decode()
    assert 'id="guidelines-panel"' in page and "<strong>alleges</strong>" in page


def test_article_pages_render_the_guidelines_once_per_text(client, project, lead, annotator, monkeypatch):
    """Every article page shows the guidelines: the Markdown is rendered once per text, not per
    page, and a change of the text shows at once."""
    from annotations import markup

    rendered = []
    parse = markup._MARKDOWN.render
    monkeypatch.setattr(markup._MARKDOWN, "render", lambda text: rendered.append(text) or parse(text))
    markup._rendered.cache_clear()
    project.guidelines = "**First** rule."
    project.save()
    articles = [ArticleFactory(project=project) for _ in range(3)]
    client.force_login(annotator)
    for article in articles:
        page = client.get(reverse("annotations:article", args=[project.slug, article.pk])).content.decode()
        assert "<strong>First</strong> rule." in page
    assert rendered == ["**First** rule."]
    project.guidelines = "**Second** rule."
    project.save()
    page = client.get(reverse("annotations:article", args=[project.slug, articles[0].pk])).content.decode()
    assert "<strong>Second</strong> rule." in page and "First" not in page
    assert rendered == ["**First** rule.", "**Second** rule."]
