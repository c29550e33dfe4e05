"""A case export shows the borrower's full ID number to the owner only; volunteers get it masked."""

import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ID_NUMBER = "110101199003071234"


@pytest.fixture
def id_case(shared_case):
    shared_case.borrower_id_number = ID_NUMBER
    shared_case.save()
    return shared_case


def exported(client, case) -> dict:
    response = client.get(reverse("cases:case_export", args=[case.pk]))
    assert response.status_code == 200
    return json.loads(response.content)


def test_owner_exports_the_full_id_number(borrower_client, id_case):
    assert exported(borrower_client, id_case)["borrower"]["id_number"] == ID_NUMBER


def test_volunteer_export_masks_the_id_number(volunteer_client, id_case):
    data = exported(volunteer_client, id_case)

    assert data["borrower"]["id_number"] == "1101**********1234"
    assert ID_NUMBER not in json.dumps(data)
