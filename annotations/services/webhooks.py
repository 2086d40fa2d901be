"""Webhooks: a project's signed POSTs on its events, queued with the change and sent by the worker.

An event is recorded by the service that made the change, in its transaction
(`webhooks_notify`): one query finds the project's active hooks for the event and one
inserts a `WebhookDelivery` per hook. The worker sends the due deliveries
(`webhooks_deliver_due`); a failure is retried after `settings.WEBHOOK_BACKOFF_SECONDS`
(one pause per retry) and the delivery fails after the last one. See docs/webhooks.md.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import secrets
import socket
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from annotations.models import Webhook, WebhookDelivery

logger = logging.getLogger(__name__)

EVENTS = [e.value for e in Webhook.Event]
USER_AGENT = "ClaimTrack-Webhook/1"


# --- Guarding the address ------------------------------------------------------------------------


def _refused(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (address.is_private or address.is_loopback or address.is_link_local or address.is_multicast
            or address.is_reserved or address.is_unspecified or not address.is_global)


def url_check(url: str, *, allow_private: bool) -> list[str]:
    """Refuse a URL that is not http(s) or whose host resolves to a loopback, private, link-local,
    multicast or reserved address (unless `allow_private`); raises ValidationError. Returns the
    addresses checked, for the delivery to connect to (so DNS cannot change in between)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError({"url": gettext("A webhook URL must start with http:// or https:// and name a host.")})
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        found = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (OSError, ValueError, UnicodeError) as exc:
        raise ValidationError({"url": gettext("The webhook's host could not be resolved.")}) from exc
    addresses = list(dict.fromkeys(sockaddr[0] for *_, sockaddr in found))
    if allow_private:
        return addresses
    for text in addresses:
        address = ipaddress.ip_address(text.split("%", 1)[0])
        if _refused(address):
            raise ValidationError({"url": gettext(
                "The webhook's host resolves to a loopback, private or reserved address (%(address)s); "
                "only staff may allow that.") % {"address": address}})
    return addresses


# --- Managing hooks ------------------------------------------------------------------------------


def webhook_create(*, project, url: str, events: list[str], created_by, allow_private: bool = False,
                   active: bool = True) -> Webhook:
    """Make a hook with a new secret (returned on the object, to show once)."""
    unknown = sorted(set(events) - set(EVENTS))
    if unknown or not events:
        raise ValidationError({"events": gettext("Choose events among %(events)s.") % {"events": ", ".join(EVENTS)}})
    if allow_private and not (created_by.is_staff or created_by.is_superuser):
        raise ValidationError({"allow_private": gettext("Only staff may allow delivery to private addresses.")})
    url_check(url, allow_private=allow_private)
    ordered = [e for e in EVENTS if e in events]
    return Webhook.objects.create(project=project, url=url, secret=secrets.token_hex(32), events=ordered,
                                  active=active, allow_private=allow_private, created_by=created_by)


# --- Recording events ----------------------------------------------------------------------------


def webhooks_notify(project, event: str, payloads: dict | list[dict]) -> int:
    """Queue `event` with each payload for the project's active hooks that want it, in the caller's
    transaction; return the number of deliveries queued. `project` is a Project or its id."""
    project_id = getattr(project, "pk", project)
    hooks = [h for h in Webhook.objects.filter(project_id=project_id, active=True).only("pk", "events")
             if event in h.events]
    if not hooks:
        return 0
    now = timezone.now()
    rows = [
        WebhookDelivery(webhook=hook, event=event, payload=envelope(event, project_id, payload, now),
                        next_attempt_at=now, created_at=now)
        for payload in (payloads if isinstance(payloads, list) else [payloads])
        for hook in hooks
    ]
    WebhookDelivery.objects.bulk_create(rows)
    return len(rows)


def utc(moment) -> str:
    """A time as the API writes it: ISO 8601 in UTC, ending in Z."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def envelope(event: str, project_id: int, data: dict, at) -> dict:
    return {"event": event, "project": project_id, "at": utc(at), "data": data}


def notify_sql(project_id: int, event: str, data: dict, id_key: str, returning: str = "s") -> tuple[str, list]:
    """A CTE part (PostgreSQL) that queues `event` for the project's hooks within a data-modifying
    statement: one delivery per hook and per row of `returning`, whose `id` goes into data[id_key]."""
    now = timezone.now()
    table = connection.ops.quote_name(WebhookDelivery._meta.db_table)
    hooks = connection.ops.quote_name(Webhook._meta.db_table)
    sql = (
        f"INSERT INTO {table} (webhook_id, event, payload, status, attempts, next_attempt_at, last_error, "
        "created_at) "
        f"SELECT w.id, %s, jsonb_set(%s::jsonb, %s, to_jsonb({returning}.id)), %s, 0, %s, '', %s "
        f"FROM {hooks} w CROSS JOIN {returning} WHERE w.project_id = %s AND w.active AND w.events @> %s::jsonb"
    )
    params = [event, json.dumps(envelope(event, project_id, data, now)), ["data", id_key],
              WebhookDelivery.Status.PENDING, now, now, project_id, json.dumps([event])]
    return sql, params


# --- Sending -------------------------------------------------------------------------------------


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not a new address to post to (it could point inside the network)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class _Pinned:
    """Connects to the addresses `url_check` approved, never to a fresh DNS answer; TLS still
    checks the certificate against the URL's host name."""

    def __init__(self, addresses: list[str]):
        super().__init__()
        self.addresses = addresses

    def _connect(self, address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None):
        error: OSError | None = None
        for host in self.addresses:
            try:
                return socket.create_connection((host, address[1]), timeout, source_address)
            except OSError as exc:
                error = exc
        raise error or OSError("no address to connect to")

    def do_open(self, http_class, req, **kwargs):
        def connection(host, **options):
            made = http_class(host, **options)
            made._create_connection = self._connect
            return made

        return super().do_open(connection, req, **kwargs)


class _PinnedHTTP(_Pinned, urllib.request.HTTPHandler):
    pass


class _PinnedHTTPS(_Pinned, urllib.request.HTTPSHandler):
    pass


def _opener(addresses: list[str]) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect(), _PinnedHTTP(addresses),
                                       _PinnedHTTPS(addresses))


def backoff() -> list[int]:
    return list(getattr(settings, "WEBHOOK_BACKOFF_SECONDS", [30, 120, 600, 3600, 21600]))


def _claim_due(limit: int) -> list[int]:
    """Take due deliveries, pushing them out of reach while they are sent (a lease), so two
    workers never send the same one at once."""
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            WebhookDelivery.objects.select_for_update(skip_locked=True)
            .filter(status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "id").values_list("pk", flat=True)[:limit]
        )
        if ids:
            lease = now + timedelta(seconds=getattr(settings, "WEBHOOK_TIMEOUT_SECONDS", 5) * 4)
            WebhookDelivery.objects.filter(pk__in=ids).update(next_attempt_at=lease)
    return ids


def webhooks_prune(now=None) -> int:
    """Forget delivered and failed deliveries older than `settings.WEBHOOK_LOG_DAYS`; return how many."""
    cutoff = (now or timezone.now()) - timedelta(days=getattr(settings, "WEBHOOK_LOG_DAYS", 30))
    deleted, _ = WebhookDelivery.objects.filter(
        status__in=[WebhookDelivery.Status.DELIVERED, WebhookDelivery.Status.FAILED], created_at__lt=cutoff,
    ).delete()
    return deleted


def webhooks_deliver_due(limit: int = 50) -> int:
    """Send the deliveries that are due; return how many were attempted."""
    ids = _claim_due(limit)
    for delivery in WebhookDelivery.objects.filter(pk__in=ids).select_related("webhook").order_by("id"):
        webhook_deliver(delivery)
    return len(ids)


def webhook_deliver(delivery: WebhookDelivery) -> WebhookDelivery:
    """One attempt: POST the payload, signed; 2xx is delivered, anything else is retried later."""
    hook = delivery.webhook
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
    code, error = None, ""
    try:
        addresses = url_check(hook.url, allow_private=hook.allow_private)  # again: DNS may have changed
        request = urllib.request.Request(hook.url, data=body, method="POST", headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-ClaimTrack-Event": delivery.event,
            "X-ClaimTrack-Delivery": str(delivery.pk),
            "X-ClaimTrack-Signature": signature(hook.secret, body),
        })
        with _opener(addresses).open(request, timeout=getattr(settings, "WEBHOOK_TIMEOUT_SECONDS", 5)) as response:
            code = response.status
    except urllib.error.HTTPError as exc:
        code = exc.code
        error = f"HTTP {exc.code}"
    except ValidationError as exc:
        error = "; ".join(m for ms in exc.message_dict.values() for m in ms)
    except (OSError, ValueError) as exc:
        error = str(exc)[:500] or exc.__class__.__name__
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_status_code = code
    delivery.last_error = error
    if code is not None and 200 <= code < 300:
        delivery.status, delivery.delivered_at, delivery.last_error = WebhookDelivery.Status.DELIVERED, now, ""
    else:
        pauses = backoff()
        if delivery.attempts > len(pauses):
            delivery.status = WebhookDelivery.Status.FAILED
        else:
            delivery.next_attempt_at = now + timedelta(seconds=pauses[delivery.attempts - 1])
        if not error:
            delivery.last_error = f"HTTP {code}"
    delivery.save(update_fields=["attempts", "last_status_code", "last_error", "status", "delivered_at",
                                 "next_attempt_at"])
    return delivery
