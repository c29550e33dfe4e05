"""Private files on S3-compatible object storage (SELFHELP_S3_BUCKET, see settings.py).

Evidence, letter PDFs and pending imports must never be reachable by a URL: on the file
system they have no MEDIA_URL route, and here the storage refuses to make a URL at all,
presigned or not. Every download goes through a view that checks who may read the file.
"""

from __future__ import annotations

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """S3Storage whose objects are private and which gives out no URL."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Private files have no URL; a view that checks access streams them.")
