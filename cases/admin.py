from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .admin_access import AccessLoggedAdmin
from .models import (
    AccessLog,
    Case,
    CaseEvent,
    CaseShare,
    Contact,
    Evidence,
    Fee,
    Installment,
    Lender,
    Loan,
)


@admin.register(Lender)
class LenderAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "lender_type", "regulator"]
    list_filter = ["lender_type"]
    search_fields = ["name", "short_name", "products"]


class LoanInline(admin.TabularInline):
    model = Loan
    extra = 0
    fields = [
        "ref",
        "lender",
        "lender_name",
        "lender_type",
        "product",
        "contract_no",
        "principal",
        "outstanding",
    ]
    show_change_link = True


class InstallmentInline(admin.TabularInline):
    model = Installment
    extra = 0


class FeeInline(admin.TabularInline):
    model = Fee
    extra = 0


@admin.register(Case)
class CaseAdmin(AccessLoggedAdmin):
    """Staff only: the admin site itself requires is_staff. The ID number is shown masked
    and cannot be edited here: only the borrower sees and changes it in full."""

    case_lookup = "pk"
    list_display = ["title", "owner", "created_at", "updated_at"]
    search_fields = ["title", "owner__email"]
    raw_id_fields = ["owner"]
    exclude = ["borrower_id_number"]
    readonly_fields = ["masked_id_number"]
    inlines = [LoanInline]

    @admin.display(description=_("ID number"))
    def masked_id_number(self, obj: Case) -> str:
        return obj.masked_id_number


@admin.register(Loan)
class LoanAdmin(AccessLoggedAdmin):
    list_display = ["ref", "case", "lender_name", "lender", "product", "principal"]
    raw_id_fields = ["case", "lender"]
    inlines = [InstallmentInline, FeeInline]


@admin.register(Contact)
class ContactAdmin(AccessLoggedAdmin):
    list_display = ["ref", "case", "occurred_at", "channel", "target"]
    list_filter = ["channel", "target"]
    raw_id_fields = ["case", "loan"]


@admin.register(CaseEvent)
class CaseEventAdmin(AccessLoggedAdmin):
    list_display = ["case", "kind", "at"]
    raw_id_fields = ["case", "loan"]


@admin.register(Evidence)
class EvidenceAdmin(AccessLoggedAdmin):
    list_display = ["original_name", "case", "kind", "size", "sha256", "uploaded_at"]
    raw_id_fields = ["case", "contact", "uploaded_by"]
    readonly_fields = ["sha256", "size", "content_type"]


@admin.register(CaseShare)
class CaseShareAdmin(AccessLoggedAdmin):
    list_display = ["case", "organisation", "granted_at", "expires_on", "revoked_at"]
    raw_id_fields = ["case", "granted_by"]


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "case", "user", "organisation", "action", "path"]
    list_filter = ["action"]
    raw_id_fields = ["case", "user", "organisation"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
