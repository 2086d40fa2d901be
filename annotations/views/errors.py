"""Error pages in the site's layout, saying what went wrong in words a person can act on."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext


def bad_request(request, exception=None):
    """400, or 413 for a form over the size limit (a pasted article too long, say)."""
    if isinstance(exception, RequestDataTooBig):
        message = gettext(
            "What you sent is larger than this site accepts in one form (%(max)s bytes). "
            "A pasted article may have at most %(limit)s bytes; upload a longer one as a file, or split it."
        ) % {
            "max": number_format(settings.DATA_UPLOAD_MAX_MEMORY_SIZE, force_grouping=True),
            "limit": number_format(settings.IMPORT_MAX_BYTES, force_grouping=True),
        }
        status = 413
    else:
        message = gettext("The request could not be understood. Go back, reload the page and try again.")
        status = 400
    return render(request, "400.html", {"message": message}, status=status)
