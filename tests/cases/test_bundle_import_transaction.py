"""Parsing a bundle (slow for a big one) holds no database transaction; only the inserts do."""

import pytest
from django.db import connection

from cases import bundle
from cases.models import Case
from tests.cases.test_bundle_parse import rich_bundle

pytestmark = pytest.mark.django_db(transaction=True)


def test_bundle_is_parsed_outside_any_transaction(borrower, monkeypatch):
    seen = []
    real_parse = bundle.bundle_parse

    def recording_parse(data):
        seen.append(connection.in_atomic_block)
        return real_parse(data)

    monkeypatch.setattr(bundle, "bundle_parse", recording_parse)

    case = bundle.case_import_bundle(owner=borrower, data=rich_bundle())

    assert seen == [False]
    assert Case.objects.filter(pk=case.pk).exists()
