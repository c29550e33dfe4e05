"""Every review URL, for every kind of visitor, against the status it must answer.

A status stands for the whole rule: 302 to the login page for the anonymous, 404
where the visitor may not know the case exists, 403 where they may read but not
do this, and 200 or a redirect after success where they may. A share that was
revoked and one past its end date shut the organisation out alike.
"""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from cases.models import CaseShare
from letters.models import LetterDraft, LetterVersion
from review import services
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

# (name, method, kwargs key, POST data)
URLS = {
    "queue": ("review:review_queue", "get", None, None),
    "detail": ("review:review_detail", "get", "case", None),
    "take": ("review:review_take", "post", "case", {}),
    "status": ("review:review_status", "post", "case", {"status": "done"}),
    "note": ("review:note_create", "post", "case", {"text": "笔记"}),
    "share_create": ("review:share_create", "get", "case_pk", None),
    "access_log": ("review:access_log", "get", "case_pk", None),
    "share_revoke": ("review:share_revoke", "get", "share", None),
    "share_update": ("review:share_update", "get", "share", None),
    "share_act_for_me": ("review:share_act_for_me", "post", "share", {"grant": "on"}),
    "version": ("review:letter_version_review", "get", "version", None),
    "comment": (
        "review:letter_comment_create",
        "post",
        "version",
        {"paragraph": "1", "text": "请修改", "requests_changes": "on"},
    ),
    "approve": ("review:letter_version_approve", "post", "version", {}),
    "settings": ("review:organisation_settings", "get", "organisation", None),
    # Not a review URL, but the PDF the version page links to: it prints the borrower's
    # details in full, so only the owner and the member who took the case get it.
    "pdf": ("letters:letter_version_download", "get", "version", None),
}

MEMBER = {
    "queue": 200, "detail": 200, "take": 302, "status": 302, "note": 302,
    "share_create": 404, "access_log": 404, "share_revoke": 404, "share_update": 404,
    "share_act_for_me": 404, "version": 200, "comment": 302, "approve": 403, "settings": 404,
    "pdf": 403,
}  # fmt: skip
#: The member who took the case: the PDF too.
TAKER = {**MEMBER, "pdf": 200}
NOBODY = {
    "queue": 404, "detail": 404, "take": 404, "status": 404, "note": 404,
    "share_create": 404, "access_log": 404, "share_revoke": 404, "share_update": 404,
    "share_act_for_me": 404, "version": 404, "comment": 404, "approve": 404, "settings": 404,
    "pdf": 404,
}  # fmt: skip
#: A member whose share ended: the queue is still theirs, the case is gone.
ENDED = {**NOBODY, "queue": 200}
EXPECTED = {
    "anonymous": dict.fromkeys(URLS, 302),
    "owner": {
        **NOBODY,
        "share_create": 200,
        "access_log": 200,
        "share_revoke": 200,
        "share_update": 200,
        "share_act_for_me": 302,
        "approve": 403,
        "pdf": 200,
    },  # fmt: skip
    "other_borrower": NOBODY,
    "volunteer": MEMBER,
    "volunteer_who_took_it": TAKER,
    "volunteer_after_revocation": ENDED,
    "volunteer_after_expiry": ENDED,
    "volunteer_who_took_it_after_expiry": ENDED,
    "outsider_volunteer": ENDED,
    "lawyer": {**MEMBER, "approve": 302},
    "lawyer_who_took_it": {**TAKER, "approve": 302},
    "lawyer_after_revocation": ENDED,
    "lawyer_after_expiry": ENDED,
    "organisation_admin": {**MEMBER, "settings": 200},
    "organisation_admin_after_expiry": {**ENDED, "settings": 200},
}


@pytest.fixture
def world(shared_case, borrower, volunteer, organisation):
    draft = LetterDraft.objects.create(
        case=shared_case, owner=borrower, kind="stop_harassment", language="zh-hans"
    )
    version = LetterVersion.objects.create(
        draft=draft, number=1, html="<article><p>一</p><p>二</p></article>",
        sha256="a" * 64, size=1, finalised_at=timezone.now(),
    )  # fmt: skip
    version.pdf.save("matrix.pdf", ContentFile(b"%PDF-1.4 matrix"))
    return {
        "case": shared_case,
        "share": CaseShare.objects.get(case=shared_case),
        "version": version,
        "organisation": organisation,
    }


def _login_as(client, actor, world, borrower, other_borrower, volunteer, outsider_volunteer):
    organisation = world["organisation"]
    if actor == "anonymous":
        return
    if actor.startswith("lawyer"):
        user = UserFactory(email="lawyer@example.com")
        MembershipFactory(user=user, organisation=organisation, role=Membership.Role.LAWYER)
    elif actor.startswith("organisation_admin"):
        user = UserFactory(email="admin@example.com")
        MembershipFactory(user=user, organisation=organisation, role=Membership.Role.ADMIN)
    else:
        user = {
            "owner": borrower,
            "other_borrower": other_borrower,
            "outsider_volunteer": outsider_volunteer,
        }.get(actor, volunteer)
    if "who_took_it" in actor:
        services.case_review_take(case=world["case"], organisation=organisation, user=user)
    if actor.endswith("after_revocation"):
        services.case_share_revoke(share=world["share"])
    if actor.endswith("after_expiry"):
        yesterday = timezone.localdate() - timedelta(days=1)
        CaseShare.objects.filter(pk=world["share"].pk).update(expires_on=yesterday)
    client.force_login(user)


def _url(name, key, world):
    if key is None:
        return reverse(name)
    if key == "organisation":
        return reverse(name, kwargs={"slug": world["organisation"].slug})
    value = world["case"] if key in ("case", "case_pk") else world[key]
    return reverse(name, kwargs={"case_pk" if key == "case_pk" else "pk": value.pk})


@pytest.mark.parametrize("actor", list(EXPECTED))
@pytest.mark.parametrize("page", list(URLS))
def test_review_url_answers_each_visitor_as_it_must(
    client, world, actor, page, borrower, other_borrower, volunteer, outsider_volunteer
):
    _login_as(client, actor, world, borrower, other_borrower, volunteer, outsider_volunteer)
    name, method, key, data = URLS[page]
    url = _url(name, key, world)
    response = client.post(url, data) if method == "post" else client.get(url)
    expected = EXPECTED[actor][page]
    assert response.status_code == expected, f"{actor} {method.upper()} {url}"
    if actor == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


def test_the_matrix_covers_every_review_url():
    from tests.test_smoke import named_urls

    review_names = {name for name, _kwargs in named_urls() if name.startswith("review:")}
    assert review_names == {name for name, *_rest in URLS.values() if name.startswith("review:")}


@pytest.mark.parametrize("method", ["put", "delete"])
@pytest.mark.parametrize("page", ["version", "comment", "approve"])
def test_wrong_method_is_refused(client, world, volunteer, page, method):
    client.force_login(volunteer)
    name, _method, key, _data = URLS[page]
    assert getattr(client, method)(_url(name, key, world)).status_code == 405


def test_the_borrower_details_differ_before_and_after_taking(client, world, volunteer):
    case = world["case"]
    case.borrower_address = "浙江省杭州市西湖区文三路 100 号"
    case.save()
    client.force_login(volunteer)
    url = reverse("review:review_detail", args=[case.pk])
    assert "文三路" not in client.get(url).content.decode()
    client.post(reverse("review:review_take", args=[case.pk]))
    assert "文三路" in client.get(url).content.decode()


def test_the_version_page_masks_the_details_until_the_case_is_taken(client, world, volunteer):
    case, version = world["case"], world["version"]
    case.borrower_phone = "13812345678"
    case.save()
    version.html = "<article><p>联系电话：13812345678</p><p>二</p></article>"
    version.save()
    client.force_login(volunteer)
    url = reverse("review:letter_version_review", args=[version.pk])
    assert "13812345678" not in client.get(url).content.decode()
    client.post(reverse("review:review_take", args=[case.pk]))
    assert "13812345678" in client.get(url).content.decode()
