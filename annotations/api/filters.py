"""FilterSets of the API. Only the fields listed here filter: no client-chosen lookups.

django-filter ignores query parameters a FilterSet does not declare, so
`?annotator__password__startswith=` never reaches the ORM.
"""

from __future__ import annotations

import django_filters

from annotations.models import Article, Claim, Source, Stance


class ArticleFilter(django_filters.FilterSet):
    project = django_filters.CharFilter(field_name="project__slug")
    language = django_filters.ChoiceFilter(choices=Article.Language.choices)
    published_after = django_filters.DateFilter(field_name="published", lookup_expr="gte")
    published_before = django_filters.DateFilter(field_name="published", lookup_expr="lte")
    outlet = django_filters.CharFilter(field_name="outlet", lookup_expr="iexact")

    class Meta:
        model = Article
        fields: list[str] = []


class ClaimFilter(django_filters.FilterSet):
    article = django_filters.NumberFilter(field_name="article_id")
    project = django_filters.CharFilter(field_name="article__project__slug")
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
    project = django_filters.CharFilter(field_name="claim__article__project__slug")
    label = django_filters.CharFilter(field_name="label")

    class Meta:
        model = Stance
        fields: list[str] = []
