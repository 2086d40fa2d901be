"""Django's model backend, with the signed-in user read by a prepared statement (`AUTHENTICATION_BACKENDS`).

After its session, every page request reads its user (`AuthenticationMiddleware`, on first use
of `request.user`, which the login check of every page makes). The ORM compiled that
one-table lookup by primary key anew for each request; `selectors.user_by_pk` plans it once per
connection, like the session's read. Signing in, permissions and the rule that an inactive
user is nobody are Django's own.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError

from annotations import selectors


class PreparedModelBackend(ModelBackend):
    """`ModelBackend` whose `get_user` reads the row by `selectors.user_by_pk`."""

    def get_user(self, user_id):
        try:
            pk = get_user_model()._meta.pk.to_python(user_id)
        except ValidationError:  # a session whose id cannot be the user's is nobody's
            return None
        user = selectors.user_by_pk(pk)
        return user if user is not None and self.user_can_authenticate(user) else None
