"""Named API tokens and project service accounts: the writes (services) behind /api/v1/auth/tokens/.

A key is `ct_` and 43 random URL-safe characters; only its SHA-256 is stored, so
a key is shown once, when it is made. Revoking keeps the row (and its name) for the record.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from rest_framework.authtoken.models import Token

from annotations.models import ApiToken, Membership, Project


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def token_used(*, token: ApiToken, now) -> None:
    """Note when a token was last used, at most once a minute (a write per request would cost every call)."""
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def login_token_key(*, user) -> str:
    """The user's sign-in token (`POST /api/v1/auth/token/`): one per user, made on first use."""
    token, _ = Token.objects.get_or_create(user=user)
    return token.key


def token_create(*, user, name: str, read_only: bool = False, expires_at=None) -> tuple[ApiToken, str]:
    """Make a named token for `user`; returns it with its key (shown only now)."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": [gettext("Name the token.")]})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": [gettext("The expiry must lie in the future.")]})
    key = ApiToken.PREFIX + secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            token = ApiToken.objects.create(user=user, name=name, key_hash=key_digest(key), read_only=read_only,
                                            expires_at=expires_at)
    except IntegrityError as exc:
        raise ValidationError({"name": [gettext("You already have a token with this name.")]}) from exc
    return token, key


def token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


SERVICE_ROLES = (Membership.Role.ANNOTATOR, Membership.Role.LEAD)


def service_account_create(*, project: Project, name: str, role: str = Membership.Role.ANNOTATOR,
                           read_only: bool = False, created_by=None) -> tuple[object, ApiToken, str]:
    """A user that only scripts use: a member of one project, no password, one named token.

    Its username is `svc-{project}-{name}`; a lead may give it the annotator or lead role.
    """
    name = (name or "").strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,40}", name):
        raise ValidationError({"name": [gettext("Use 1 to 41 letters, digits, - or _ for the name.")]})
    if role not in SERVICE_ROLES:
        raise ValidationError({"role": [gettext("A service account is an annotator or a lead.")]})
    username = f"svc-{project.slug}-{name}"[:150]
    User = get_user_model()
    with transaction.atomic():
        if User.objects.filter(username=username).exists():
            raise ValidationError({"name": [gettext("This project already has a service account with this name.")]})
        user = User(username=username)
        user.set_unusable_password()
        user.save()
        Membership.objects.create(project=project, user=user, role=role)
        label = gettext("service account of %(project)s") % {"project": project.slug}
        if created_by is not None:
            label += f" ({created_by.get_username()})"
        token, key = token_create(user=user, name=label[:100], read_only=read_only)
    return user, token, key
