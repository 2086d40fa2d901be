"""factory_boy factories for the domain."""

import factory
from django.contrib.auth import get_user_model

from annotations.models import Article, Claim, Membership, Project, Source, Stance, Unit, content_hash

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    slug = factory.Sequence(lambda n: f"project-{n}")
    name = factory.Sequence(lambda n: f"Project {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    project = factory.SubFactory(ProjectFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.ANNOTATOR


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    body = factory.Sequence(
        lambda n: f"Story {n}. The minister said the plan works. The union denied it. The firm declined to comment."
    )
    language = "en"
    content_hash = factory.LazyAttribute(lambda o: content_hash(o.body))


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Source {n}")
    kind = Source.Kind.PERSON


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    start = 0
    end = factory.LazyAttribute(lambda o: min(len(o.article.body), 20))
    text = factory.LazyAttribute(lambda o: o.article.body[o.start:o.end])
    origin = Claim.Origin.EXTRACTED


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    claim = factory.SubFactory(ClaimFactory)
    source = factory.SubFactory(SourceFactory)
    origin = Claim.Origin.EXTRACTED
    suggested_label = "alleges"


class StanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stance

    claim = factory.SubFactory(ClaimFactory)
    source = factory.SubFactory(SourceFactory)
    annotator = factory.SubFactory(UserFactory)
    label = "alleges"


def claim_at(article, phrase: str, **kwargs):
    """A claim on the first place `phrase` occurs in the article's body."""
    start = article.body.index(phrase)
    return ClaimFactory(article=article, start=start, end=start + len(phrase), text=phrase, **kwargs)


def heard_in(project, *sources):
    """Make each source heard in the project (a unit on a claim of a new article), so its members see it."""
    claim = ClaimFactory(article=ArticleFactory(project=project))
    for source in sources:
        UnitFactory(claim=claim, source=source)
    return sources
