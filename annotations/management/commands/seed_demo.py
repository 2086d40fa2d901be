"""A demo project with users, invented articles and a few judgements."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from annotations.importers import ArticleRecord
from annotations.models import Assignment, Project
from annotations.services import (
    articles_import,
    consensus_refresh,
    membership_add,
    project_create,
    stance_record,
    verdict_set,
)

SLUG = "demo"
PASSWORD = "claimtrack-demo"
USERS = [("lead", "lead"), ("ann1", "annotator"), ("ann2", "annotator"), ("admin", "admin")]

# Invented for the demo: none of these events, people or quotes are real.
ARTICLES = [
    dict(
        title="Gemeente Waterdam onderzoekt lekkende dijk",
        language="nl", outlet="Dagblad Demo", published="2024-03-12",
        body=(
            "De gemeente Waterdam laat onderzoeken of de dijk bij de Oude Haven lekt. Dat meldt "
            "Omroep Waterdam.\n\n"
            "Aannemer Dijkbouw Noord zou bij de renovatie goedkoper zand hebben gebruikt dan "
            "afgesproken. Bewoners beschuldigen het bedrijf van slordig werk.\n\n"
            "\"Wij hebben precies volgens het bestek gewerkt\", zegt Dijkbouw-woordvoerder "
            "Karin de Wit. Het bedrijf ontkent dat er goedkoper zand is gebruikt.\n\n"
            "Het waterschap wil niet reageren zolang het onderzoek loopt."
        ),
    ),
    dict(
        title="Harbour authority denies cover-up over oil spill",
        language="en", outlet="Demo Herald", published="2024-05",
        body=(
            "Environmental group BlueCoast says the Port of Eastmouth hid the size of last "
            "month's oil spill from the public.\n\n"
            "\"The port knew within hours that thousands of litres had leaked,\" said BlueCoast "
            "director Maya Okafor.\n\n"
            "A spokesperson for the Port of Eastmouth denied the allegation, saying the figures "
            "were published as soon as they were confirmed.\n\n"
            "The shipping company involved, Norland Tankers, declined to comment."
        ),
    ),
    dict(
        title="Ziekenhuis ontkent wachtlijstfraude",
        language="nl", outlet="Dagblad Demo", published="2024-06-03",
        body=(
            "Het Centrum Ziekenhuis in Lindehoven zou wachtlijsten korter hebben voorgesteld dan "
            "ze waren. Volgens de patiëntenvereniging Zorg Samen zijn honderden patiënten niet "
            "meegeteld.\n\n"
            "Een woordvoerder van het ziekenhuis laat weten dat het ziekenhuis niet meewerkt aan "
            "het mooier maken van cijfers. \"Wij rapporteren alles wat we weten\", aldus de "
            "woordvoerder.\n\n"
            "Het ministerie van Volksgezondheid onthoudt zich van commentaar."
        ),
    ),
    dict(
        title="City council accused of ignoring flood warnings",
        language="en", outlet="Demo Herald", published="2023",
        body=(
            "Residents of Millbrook allege that the city council ignored three warnings about "
            "the river wall before the flood.\n\n"
            "Councillor Tom Reyes rejected the claim. \"We acted on every report we received,\" "
            "he said.\n\n"
            "The engineering firm that wrote the warnings, Keller & Shaw, did not respond to "
            "requests for comment."
        ),
    ),
    dict(
        title="Bakkerij beschuldigd van misleidend etiket",
        language="nl", outlet="Streekkrant Demo", published="2024-09",
        body=(
            "De Consumentenbond Demo stelt dat bakkerij Het Gouden Korstje brood als volkoren "
            "verkoopt terwijl het dat niet is.\n\n"
            "Eigenaar Pieter Bakker wijst de beschuldiging van de hand. \"Ons brood is honderd "
            "procent volkoren\", zegt hij.\n\n"
            "De Voedselwaar-autoriteit wil niets kwijt over een mogelijk onderzoek."
        ),
    ),
]


class Command(BaseCommand):
    help = "Create the demo project with users, articles and some judgements (idempotent)."

    def handle(self, *args, **options):
        if Project.objects.filter(slug=SLUG).exists():
            self.stdout.write(f"The demo project {SLUG!r} already exists; nothing changed.")
        else:
            with transaction.atomic():
                self._create()
            self.stdout.write(f"Created the demo project {SLUG!r}.")
        self.stdout.write(
            "Log in at /accounts/login/ as one of: "
            + ", ".join(f"{name} ({role})" for name, role in USERS)
            + f"; password for all: {PASSWORD}"
        )

    def _create(self):
        project = project_create(
            slug=SLUG, name="Demo: claims in the news",
            guidelines="Tag each source's stance toward the claim: alleges, denies or no comment.",
        )
        users = {}
        for name, role in USERS:
            membership, _ = membership_add(project=project, username=name, role=role, password=PASSWORD)
            users[name] = membership.user
        users["admin"].is_staff = users["admin"].is_superuser = True
        users["admin"].save(update_fields=["is_staff", "is_superuser"])
        records = []
        for number, data in enumerate(ARTICLES, 1):
            published = data["published"]
            precision = {4: "year", 7: "month"}.get(len(published), "day")
            date = dt.date.fromisoformat(
                published + {"year": "-01-01", "month": "-01"}.get(precision, "")
            )
            records.append(ArticleRecord(
                title=data["title"], body=data["body"], language=data["language"],
                outlet=data["outlet"], published=date, precision=precision, line=number,
            ))
        report = articles_import(project=project, records=records)
        # Two annotators judge the first article: they agree on some units, not all.
        first = report.created[0]
        units = [u for c in first.claims.prefetch_related("units__source") for u in c.units.all()]
        for index, unit in enumerate(units):
            label = unit.suggested_label or project.labels[0]
            stance_record(claim=unit.claim, source=unit.source, annotator=users["ann1"],
                          label=label, via="command")
            other = label if index % 2 == 0 else project.labels[(project.labels.index(label) + 1) % len(project.labels)]
            stance_record(claim=unit.claim, source=unit.source, annotator=users["ann2"],
                          label=other, via="command")
        for name in ("ann1", "ann2"):
            Assignment.objects.create(
                article=first, annotator=users[name], status=Assignment.Status.DONE,
                finished_at=timezone.now(),
            )
        # Both annotators are done: units they agree on are settled by consensus.
        consensus_refresh(article=first)
        # The lead's verdict on the first claim, published by the project's (made-up) fact-check desk:
        # the ClaimReview export has an item to show.
        project.publisher_name, project.publisher_url = "Demo fact-check desk", "https://factcheck.example/"
        project.save(update_fields=["publisher_name", "publisher_url"])
        claim = first.claims.order_by("start", "id").first()
        if claim is not None:
            verdict_set(project=project, reviewer=users["lead"], claim=claim, rating="half true",
                        explanation="The demo's fact-check desk found part of this to hold and part not.",
                        url="https://factcheck.example/demo/first-claim", date_published=dt.date(2024, 6, 3),
                        via="command")
