"""FilterSets of the API. Only the fields listed here filter: no client-chosen lookups.

django-filter ignores query parameters a FilterSet does not declare, so
`?annotator__password__startswith=` never reaches the ORM.
"""

from __future__ import annotations

import django_filters
from django.db.models import Subquery

from annotations.models import Article, Claim, Project, Source, Stance


class ProjectSlugFilter(django_filters.CharFilter):
    """Filter by project slug through the project's id, looked up once.

    `project__slug = …` through a join hides from PostgreSQL that one project is meant,
    so a first page ordered by id sorted the whole project (0.4-2 s at 1M judgements);
    `project_id = (SELECT id … WHERE slug = …)` walks an index in id order (under 2 ms).
    """

    def filter(self, qs, value):
        if value in ([], (), {}, "", None):
            return qs
        project_id = Subquery(Project.objects.filter(slug=value).values("id")[:1])
        return qs.filter(**{self.field_name: project_id})


class ArticleFilter(django_filters.FilterSet):
    project = ProjectSlugFilter(field_name="project_id")
    language = django_filters.ChoiceFilter(choices=Article.Language.choices)
    published_after = django_filters.DateFilter(field_name="published", lookup_expr="gte")
    published_before = django_filters.DateFilter(field_name="published", lookup_expr="lte")
    outlet = django_filters.CharFilter(field_name="outlet", lookup_expr="iexact")

    class Meta:
        model = Article
        fields: list[str] = []


class ClaimFilter(django_filters.FilterSet):
    article = django_filters.NumberFilter(field_name="article_id")
    project = ProjectSlugFilter(field_name="article__project_id")
    origin = django_filters.ChoiceFilter(choices=Claim.Origin.choices)

    class Meta:
        model = Claim
        fields: list[str] = []


class SourceFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(field_name="name", lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(choices=Source.Kind.choices)
    affiliation = django_filters.NumberFilter(field_name="affiliation_id")

    class Meta:
        model = Source
        fields: list[str] = []


class StanceFilter(django_filters.FilterSet):
    claim = django_filters.NumberFilter(field_name="claim_id")
    source = django_filters.NumberFilter(field_name="source_id")
    article = django_filters.NumberFilter(field_name="claim__article_id")
    project = ProjectSlugFilter(field_name="claim__article__project_id")
    label = django_filters.CharFilter(field_name="label")

    class Meta:
        model = Stance
        fields: list[str] = []
