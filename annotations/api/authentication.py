"""API authentication: named tokens beside the classic per-user token.

Kept apart from the views: DRF imports the authentication classes while it loads its own views.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed, PermissionDenied
from rest_framework.permissions import SAFE_METHODS

from annotations import selectors
from annotations.api import throttling
from annotations.models import ApiToken
from annotations.services import tokens


class NamedTokenAuthentication(TokenAuthentication):
    """`Token ct_…` for named tokens (checked for revocation, expiry and scope); other keys
    are the classic per-user tokens, looked up as DRF does."""

    def authenticate(self, request):
        self.request = request  # DRF makes an authenticator per request
        result = super().authenticate(request)
        if result is not None and isinstance(result[1], ApiToken) and result[1].read_only \
                and request.method not in SAFE_METHODS:
            raise PermissionDenied(gettext("This token is read-only."))
        return result

    def authenticate_credentials(self, key):
        # Both kinds are read by one prepared query (compiling the ORM's join cost more than running it), which
        # also counts the request in the user's rate limit when the view has one (`throttling.precount`).
        counting = throttling.precount(self.request)
        window = None if counting is None else counting[0::2]  # (client prefix, window start)
        named = key.startswith(ApiToken.PREFIX)
        if named:
            token, hits = selectors.named_token(tokens.key_digest(key), counting=window)
        else:
            token, hits = selectors.login_token(key, counting=window)
        if token is not None and hits is not None:
            prefix, now, window_start = counting
            throttling.precounted(self.request, f"{prefix}{token.user_id}", now, window_start, hits)
        if not named:
            if token is None:
                raise AuthenticationFailed(gettext("Invalid token."))
            if not token.user.is_active:
                raise AuthenticationFailed(gettext("User inactive or deleted."))
            return token.user, token
        now = timezone.now()
        if token is None or not token.usable(now) or not token.user.is_active:
            raise AuthenticationFailed(gettext("Invalid, revoked or expired token."))
        tokens.token_used(token=token, now=now)
        return token.user, token
