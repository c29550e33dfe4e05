"""factory_boy factories for every model tests need. Add new ones at the end."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import factory

from accounts.models import Membership, Organisation, User
from cases.models import Case, CaseEvent, CaseShare, Contact, Fee, Installment, Lender, Loan

SHANGHAI = ZoneInfo("Asia/Shanghai")
PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    display_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"法律援助中心 {n}")
    slug = factory.Sequence(lambda n: f"aid-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.VOLUNTEER


class LenderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lender
        django_get_or_create = ("name",)

    name = "浙江网商银行股份有限公司"
    short_name = "网商银行"
    lender_type = "bank"
    regulator = "国家金融监督管理总局"


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"网商贷催收 {n}")
    borrower_name = "李晓梅"
    borrower_phone = "13800000000"


class LoanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Loan

    case = factory.SubFactory(CaseFactory)
    ref = factory.Sequence(lambda n: f"L{n + 1}")
    lender_name = "浙江网商银行股份有限公司"
    lender_type = "bank"
    product = "网商贷"
    contract_no = "WS2025010800123"
    principal = Decimal("30000.00")
    amount_received = Decimal("30000.00")
    disbursed_on = date(2025, 1, 8)


class InstallmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Installment

    loan = factory.SubFactory(LoanFactory)
    due_on = date(2025, 2, 8)
    amount = Decimal("2710.50")
    paid = Decimal("0")


class FeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fee

    loan = factory.SubFactory(LoanFactory)
    name = "服务费"
    amount = Decimal("100.00")
    charged_on = date(2025, 1, 8)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    case = factory.SubFactory(CaseFactory)
    ref = factory.Sequence(lambda n: f"C{n + 1}")
    occurred_at = factory.Sequence(
        lambda n: datetime(2025, 4, 12, 10, 0, tzinfo=SHANGHAI).replace(minute=n % 60)
    )
    channel = "call"
    connected = True
    duration_seconds = 60
    target = "borrower"
    caller_name = "张先生"
    caller_organization = "某某信息咨询有限公司"
    caller_phone = "02112345678"
    caller_identity_disclosed = True
    content = "问什么时候能还款。"


class CaseEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseEvent

    case = factory.SubFactory(CaseFactory)
    kind = "borrower_objected"
    at = datetime(2025, 4, 21, 9, 0, tzinfo=SHANGHAI)


class CaseShareFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseShare

    case = factory.SubFactory(CaseFactory)
    organisation = factory.SubFactory(OrganisationFactory)
