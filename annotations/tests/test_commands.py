"""The management commands of the interface contract."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from annotations import exports
from annotations.models import Article, Membership, Project, Resolution, Stance

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_create_project_with_labels_and_overlap(capsys):
    call_command("create_project", "fc", "--name", "Fact check", "--labels", "alleges,denies,no_comment,confirms",
                 "--overlap", "3")
    project = Project.objects.get(slug="fc")
    assert project.labels == ["alleges", "denies", "no_comment", "confirms"]
    assert project.overlap == 3
    assert "Created project 'fc'" in capsys.readouterr().out


@pytest.mark.django_db
def test_create_project_defaults():
    call_command("create_project", "fc", "--name", "Fact check")
    project = Project.objects.get(slug="fc")
    assert project.labels == ["alleges", "denies", "no_comment"]
    assert project.overlap == 2 and project.blind and project.show_suggestions


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args, message",
    [
        (["--labels", "Alleges,denies"], "not a valid label"),
        (["--labels", "a,a"], "twice"),
        (["--overlap", "0"], "overlap"),
    ],
)
def test_create_project_refuses_bad_values(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("create_project", "fc", "--name", "Fact check", *args)
    assert not Project.objects.exists()


@pytest.mark.django_db
def test_create_project_refuses_a_taken_slug(project):
    with pytest.raises(CommandError, match="already exists"):
        call_command("create_project", project.slug, "--name", "Again")


@pytest.mark.django_db
def test_add_member_creates_the_user_and_can_change_the_role(project, client):
    call_command("add_member", project.slug, "maria", "--role", "annotator", "--password", "s3cret-pass-word")
    membership = Membership.objects.get(project=project, user__username="maria")
    assert membership.role == "annotator"
    response = client.post("/accounts/login/", {"username": "maria", "password": "s3cret-pass-word"})
    assert response.status_code == 302
    call_command("add_member", project.slug, "maria", "--role", "lead")
    membership.refresh_from_db()
    assert membership.role == "lead"
    assert Membership.objects.filter(user__username="maria").count() == 1


@pytest.mark.django_db
def test_add_member_to_unknown_project_fails():
    with pytest.raises(CommandError, match="No project"):
        call_command("add_member", "nope", "maria", "--role", "lead")


@pytest.mark.django_db
def test_seed_demo_builds_a_living_project_and_is_idempotent(capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "password for all" in out
    project = Project.objects.get(slug="demo")
    roles = sorted(project.memberships.values_list("role", flat=True))
    assert roles == ["admin", "annotator", "annotator", "lead"]
    articles = Article.objects.filter(project=project)
    assert 4 <= articles.count() <= 6
    assert set(articles.values_list("language", flat=True)) == {"nl", "en"}
    assert Stance.objects.filter(claim__article__project=project).exists()
    # Where the two demo annotators agree, the unit is already settled by consensus; elsewhere it waits.
    assert Resolution.objects.filter(claim__article__project=project, status="consensus").exists()
    # Claims carry all their sources: in most demo articles some claim has an allegation and
    # its answer (a denial or a no-comment) side by side.
    answered = [
        article.title for article in articles
        if any(len(set(claim.units.values_list("suggested_label", flat=True))) >= 2
               for claim in article.claims.all())
    ]
    assert len(answered) >= 3, answered
    # The lead's published verdict: the ClaimReview export has one item, by the demo's fact-check desk.
    reviews = json.loads(b"".join(exports.iter_export(project, exports.ExportOptions(format="claimreview"))))
    assert [(r["reviewRating"]["alternateName"], r["author"]["name"]) for r in reviews] == [
        ("half true", "Demo fact-check desk")]
    counts = (articles.count(), Stance.objects.count())
    call_command("seed_demo")
    assert (Article.objects.filter(project=project).count(), Stance.objects.count()) == counts


def test_check_deploy_is_clean_in_production_mode():
    # Browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for their own process; a deployment never does.
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="claimtrack.example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_no_secret_key_outside_debug_is_refused():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    env.update(DEBUG="0")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
