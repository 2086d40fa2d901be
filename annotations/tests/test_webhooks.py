"""Webhooks over real HTTP: a local receiver gets signed deliveries, sees retries, and private
addresses are refused to leads."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import urllib.request
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.utils import timezone

from annotations import services
from annotations.models import Webhook, WebhookDelivery
from annotations.services import webhooks
from annotations.services.jobs import job_import_start
from annotations.tests.factories import ArticleFactory, ClaimFactory, SourceFactory, UnitFactory
from annotations.tests.http import api_call

pytestmark = pytest.mark.usefixtures("fresh_cache")


class Receiver:
    """An HTTP server on 127.0.0.1 that records each POST and answers the next code of `codes`
    (200 once they run out)."""

    def __init__(self, codes=()):
        self.codes = list(codes)
        self.received: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append({"headers": self.headers, "body": body})  # names case-insensitive
                code = receiver.codes.pop(0) if receiver.codes else 200
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def verified(self, secret: str) -> list[dict]:
        """The payloads received, each checked against its HMAC signature."""
        out = []
        for hit in self.received:
            expected = "sha256=" + hmac.new(secret.encode(), hit["body"], hashlib.sha256).hexdigest()
            assert hmac.compare_digest(hit["headers"]["X-ClaimTrack-Signature"], expected)
            payload = json.loads(hit["body"])
            assert hit["headers"]["X-ClaimTrack-Event"] == payload["event"]
            out.append(payload)
        return out


@pytest.fixture
def receiver():
    made: list[Receiver] = []

    def make(codes=()):
        made.append(Receiver(codes))
        return made[-1]

    yield make
    for r in made:
        r.close()


@pytest.fixture
def unit(project):
    article = ArticleFactory(project=project, title="Mast plan")
    claim = ClaimFactory(article=article)
    return UnitFactory(claim=claim, source=SourceFactory(name="Ministry spokesperson"))


def make_hook(base, staff, url, events) -> dict:
    """A hook to a loopback receiver: only staff may allow that."""
    status, body = api_call(base, "/api/v1/projects/huawei/webhooks/", staff, "POST",
                            {"url": url, "events": events, "allow_private": True})
    assert status == 201, body
    return body


def test_a_local_receiver_gets_signed_deliveries_of_judgements_and_finished_articles(
    live_server, project, registry_admin, lead, annotator, unit, receiver
):
    base, hits = live_server.url, receiver()
    hook = make_hook(base, registry_admin, hits.url, ["judgement.saved", "article.done", "unit.settled"])
    status, body = api_call(base, "/api/v1/stances/", annotator, "POST",
                            {"claim": unit.claim_id, "source": unit.source_id, "label": "denies"})
    assert status == 201, body
    stance_id = body["id"]
    status, changed = api_call(base, f"/api/v1/stances/{stance_id}/", annotator, "PATCH",
                               {"label": "alleges", "version": 1})
    assert status == 200, changed
    status, _ = api_call(base, f"/api/v1/articles/{unit.claim.article_id}/done/", annotator, "POST")
    assert status == 200
    assert hits.received == []  # queued with the change, sent by the worker

    assert webhooks.webhooks_deliver_due() == 3
    payloads = hits.verified(hook["secret"])
    assert [(p["event"], p["data"].get("label"), p["data"].get("version")) for p in payloads] == [
        ("judgement.saved", "denies", 1), ("judgement.saved", "alleges", 2), ("article.done", None, None)]
    assert {p["data"]["id"] for p in payloads[:2]} == {stance_id}
    assert payloads[0]["data"]["action"] == "create" and payloads[1]["data"]["action"] == "update"
    assert payloads[2]["data"]["article"] == unit.claim.article_id
    assert payloads[2]["data"]["annotator"] == annotator.pk
    assert all(p["at"].endswith("Z") for p in payloads) and payloads[2]["data"]["finished_at"].endswith("Z")
    delivery_ids = [int(h["headers"]["X-ClaimTrack-Delivery"]) for h in hits.received]
    assert set(WebhookDelivery.objects.filter(pk__in=delivery_ids).values_list("status", flat=True)) == {"delivered"}

    # A lead settling the unit: unit.settled; the lead reads the log, without the secret.
    services.resolution_set(claim=unit.claim, source=unit.source, label="denies", reason="", lead=lead)
    assert webhooks.webhooks_deliver_due() == 1
    settled = hits.verified(hook["secret"])[-1]
    assert settled["event"] == "unit.settled"
    assert settled["data"]["resolution"]["label"] == "denies" and settled["data"]["claim"] == unit.claim_id
    status, hooks = api_call(base, "/api/v1/projects/huawei/webhooks/", lead)
    assert status == 200 and [h["id"] for h in hooks["results"]] == [hook["id"]]
    assert "secret" not in hooks["results"][0]
    status, log = api_call(base, f"/api/v1/projects/huawei/webhooks/{hook['id']}/deliveries/", lead)
    assert status == 200
    assert [(d["event"], d["status"], d["attempts"], d["last_status_code"]) for d in log["results"]] == [
        ("judgement.saved", "delivered", 1, 200), ("judgement.saved", "delivered", 1, 200),
        ("article.done", "delivered", 1, 200), ("unit.settled", "delivered", 1, 200)]


def test_a_failed_delivery_is_retried_with_backoff_and_fails_after_the_last_try(
    live_server, project, registry_admin, annotator, unit, receiver, settings
):
    settings.WEBHOOK_BACKOFF_SECONDS = [60, 60]
    base, hits = live_server.url, receiver(codes=[500])
    hook = make_hook(base, registry_admin, hits.url, ["judgement.saved"])
    status, _ = api_call(base, "/api/v1/stances/", annotator, "POST",
                         {"claim": unit.claim_id, "source": unit.source_id, "label": "denies"})
    assert status == 201

    assert webhooks.webhooks_deliver_due() == 1
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
    wait = delivery.next_attempt_at - timezone.now()
    assert timedelta(seconds=50) < wait <= timedelta(seconds=60)  # the first pause of the backoff
    assert webhooks.webhooks_deliver_due() == 0  # not due yet

    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    assert webhooks.webhooks_deliver_due() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("delivered", 2, 200)
    assert len(hits.received) == 2
    first, second = hits.verified(hook["secret"])
    assert first == second  # the same payload again, under the same delivery id
    assert {h["headers"]["X-ClaimTrack-Delivery"] for h in hits.received} == {str(delivery.pk)}

    # A receiver that never answers 2xx: retried once per pause, then failed.
    down = receiver(codes=[503, 503, 503, 503])
    Webhook.objects.filter(pk=hook["id"]).update(url=down.url)
    services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="alleges")
    for _ in range(3):
        assert webhooks.webhooks_deliver_due() == 1
        WebhookDelivery.objects.filter(status="pending").update(next_attempt_at=timezone.now())
    failed = WebhookDelivery.objects.latest("id")
    assert (failed.status, failed.attempts, failed.last_status_code, failed.last_error) == ("failed", 3, 503,
                                                                                           "HTTP 503")
    assert len(down.received) == 3
    assert webhooks.webhooks_deliver_due() == 0


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/hook", "http://10.0.0.1/hook", "http://[::1]/hook",
                                 "http://169.254.169.254/latest/", "http://localhost/hook", "file:///etc/passwd",
                                 "ftp://93.184.216.34/x"])
def test_a_lead_cannot_point_a_hook_at_a_private_address_or_another_scheme(live_server, project, lead, url):
    status, body = api_call(live_server.url, "/api/v1/projects/huawei/webhooks/", lead, "POST",
                            {"url": url, "events": ["judgement.saved"]})
    assert status == 400, body
    assert "url" in body
    assert not Webhook.objects.exists()


def test_only_staff_allow_private_addresses_and_annotators_manage_no_hooks(
    live_server, project, lead, annotator, registry_admin
):
    base, path = live_server.url, "/api/v1/projects/huawei/webhooks/"
    status, body = api_call(base, path, lead, "POST",
                            {"url": "http://127.0.0.1/hook", "events": ["article.done"], "allow_private": True})
    assert status == 400 and "allow_private" in body, body
    status, _ = api_call(base, path, annotator, "POST", {"url": "http://93.184.216.34/", "events": ["article.done"]})
    assert status == 403
    status, made = api_call(base, path, lead, "POST", {"url": "http://93.184.216.34/hook", "events": ["article.done"]})
    assert status == 201, made
    assert len(made["secret"]) == 64 and made["allow_private"] is False and made["created_by"] == "lead"
    status, body = api_call(base, path, lead, "POST", {"url": "http://93.184.216.34/", "events": ["nothing"]})
    assert status == 400 and "events" in body
    status, _ = api_call(base, f"{path}{made['id']}/", annotator, "DELETE")
    assert status == 403
    status, _ = api_call(base, f"{path}{made['id']}/", lead, "DELETE")
    assert status == 204
    assert not Webhook.objects.exists()


def test_the_address_is_checked_again_at_delivery(project, registry_admin, annotator, unit, receiver):
    hits = receiver()
    hook = webhooks.webhook_create(project=project, url=hits.url, events=["judgement.saved"],
                                   created_by=registry_admin, allow_private=True)
    Webhook.objects.filter(pk=hook.pk).update(allow_private=False)  # staff took the permission back
    services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="denies")
    assert webhooks.webhooks_deliver_due() == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending" and delivery.attempts == 1 and delivery.last_status_code is None
    assert "127.0.0.1" in delivery.last_error
    assert hits.received == []


def test_no_hook_no_delivery_and_an_inactive_hook_or_another_event_gets_nothing(project, lead, annotator, unit):
    services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="denies")
    Webhook.objects.create(project=project, url="http://93.184.216.34/", secret="x", events=["judgement.saved"],
                           active=False)
    Webhook.objects.create(project=project, url="http://93.184.216.34/", secret="x", events=["article.done"])
    services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="alleges")
    assert not WebhookDelivery.objects.exists()


def test_the_worker_sends_import_finished(transactional_db, project, lead, registry_admin, receiver):
    hits = receiver()
    hook = webhooks.webhook_create(project=project, url=hits.url, events=["import.finished"],
                                   created_by=registry_admin, allow_private=True)
    line = json.dumps({"title": "Dike", "body": "The water board said the dike leaks.", "language": "en"})
    job = job_import_start(project=project, user=lead, files=[("a.jsonl", line.encode())])
    call_command("worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    job.refresh_from_db()
    assert job.status == "done"
    (payload,) = hits.verified(hook.secret)
    assert payload["event"] == "import.finished"
    assert (payload["data"]["job"], payload["data"]["status"], payload["data"]["created"]) == (job.pk, "done", 1)


def test_a_judgement_queues_its_delivery_in_the_statement_that_saves_it(project, annotator, unit):
    """On PostgreSQL the delivery rides in the judgement's own statement: a hook adds no query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="no_comment")
    with CaptureQueriesContext(connection) as without_hook:
        services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="denies")
    Webhook.objects.create(project=project, url="http://93.184.216.34/", secret="x", events=["judgement.saved"])
    with CaptureQueriesContext(connection) as with_hook:
        services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="alleges")
    assert len(with_hook) == len(without_hook)
    (delivery,) = WebhookDelivery.objects.all()
    assert (delivery.payload["data"]["label"], delivery.payload["data"]["version"]) == ("alleges", 3)


def test_a_bulk_save_queues_one_delivery_per_judgement_and_a_refused_one_none(
    live_server, project, annotator, unit
):
    base = live_server.url
    Webhook.objects.create(project=project, url="http://93.184.216.34/", secret="x", events=["judgement.saved"])
    second = UnitFactory(claim=unit.claim, source=SourceFactory(name="Union"))
    items = [{"claim": unit.claim_id, "source": unit.source_id, "label": "alleges"},
             {"claim": second.claim_id, "source": second.source_id, "label": "denies"}]
    status, saved = api_call(base, "/api/v1/stances/bulk/", annotator, "POST", {"stances": items})
    assert status == 201
    assert sorted(d.payload["data"]["id"] for d in WebhookDelivery.objects.all()) == sorted(s["id"] for s in saved)
    # One stale item: nothing is saved, so nothing is announced either.
    changes = [{"claim": unit.claim_id, "source": unit.source_id, "label": "denies", "version": 1},
               {"claim": second.claim_id, "source": second.source_id, "label": "alleges", "version": 9}]
    status, _ = api_call(base, "/api/v1/stances/bulk/", annotator, "POST", {"stances": changes})
    assert status == 409
    assert WebhookDelivery.objects.count() == 2


@pytest.mark.postgres
def test_the_worker_process_delivers_and_retries_after_a_failure(
    transactional_db, require_postgres, project, registry_admin, annotator, unit, receiver, tmp_path
):
    """`manage.py worker`, a process of its own, sends the delivery; the receiver fails it once and
    sees it again after the backoff (1 s here)."""
    from django.db import connection

    from annotations.tests.processes import PYTHON, child_env, server_url, start, stop, wait_until

    hits = receiver(codes=[500])
    hook = webhooks.webhook_create(project=project, url=hits.url, events=["judgement.saved"],
                                   created_by=registry_admin, allow_private=True)
    stance = services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="denies")
    env = child_env(server_url() + connection.settings_dict["NAME"], WEBHOOK_BACKOFF_SECONDS="1")
    worker = start([PYTHON, "manage.py", "worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"], env,
                   log=tmp_path / "worker.log")
    try:
        delivery = wait_until(lambda: WebhookDelivery.objects.filter(status="delivered").first(), timeout=30,
                              what="the delivery (see worker.log in the test's tmp_path)")
    finally:
        stop(worker)
    assert (delivery.attempts, delivery.last_status_code) == (2, 200)
    first, second = hits.verified(hook.secret)
    assert first == second and first["data"]["id"] == stance.pk
    assert delivery.delivered_at - delivery.created_at >= timedelta(seconds=1)  # the backoff was waited out


def test_a_delivery_connects_to_the_addresses_checked_not_to_a_new_dns_answer(
    project, registry_admin, annotator, unit, receiver
):
    probe, hits = receiver(), receiver()
    port = probe.server.server_address[1]
    # The checked addresses are what the connection uses: a name that no DNS answers still reaches them …
    request = urllib.request.Request(f"http://ct-no-such-host.invalid:{port}/hook", data=b"{}", method="POST")
    with webhooks._opener(["127.0.0.1"]).open(request, timeout=5) as response:
        assert response.status == 200
    assert probe.received[0]["headers"]["Host"] == f"ct-no-such-host.invalid:{port}"
    # … and a hook named by host name is resolved once, checked, and delivered to what was checked.
    url = f"http://localhost:{hits.server.server_address[1]}/named"
    hook = webhooks.webhook_create(project=project, url=url, events=["judgement.saved"], created_by=registry_admin,
                                   allow_private=True)
    assert "127.0.0.1" in webhooks.url_check(hook.url, allow_private=True)
    services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label="denies")
    assert webhooks.webhooks_deliver_due() == 1
    assert WebhookDelivery.objects.get().status == "delivered"
    assert [p["event"] for p in hits.verified(hook.secret)] == ["judgement.saved"]


def test_the_delivery_log_forgets_finished_deliveries_after_its_days_and_keeps_pending_ones(
    project, annotator, unit, settings
):
    settings.WEBHOOK_LOG_DAYS = 30
    Webhook.objects.create(project=project, url="http://93.184.216.34/", secret="x", events=["judgement.saved"])
    for label in ("denies", "alleges", "no_comment"):
        services.stance_record(claim=unit.claim, source=unit.source, annotator=annotator, label=label)
    old, kept, pending = WebhookDelivery.objects.order_by("id")
    WebhookDelivery.objects.filter(pk__in=[old.pk, kept.pk]).update(status="delivered")
    WebhookDelivery.objects.filter(pk__in=[old.pk, pending.pk]).update(created_at=timezone.now() - timedelta(days=31))
    assert webhooks.webhooks_prune() == 1
    assert sorted(WebhookDelivery.objects.values_list("pk", flat=True)) == [kept.pk, pending.pk]
