from django.contrib import admin

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
class CaseAdmin(admin.ModelAdmin):
    """Staff only: the admin site itself requires is_staff."""

    list_display = ["title", "owner", "created_at", "updated_at"]
    search_fields = ["title", "owner__email"]
    raw_id_fields = ["owner"]
    inlines = [LoanInline]


@admin.register(Loan)
class LoanAdmin(admin.ModelAdmin):
    list_display = ["ref", "case", "lender_name", "lender", "product", "principal"]
    raw_id_fields = ["case", "lender"]
    inlines = [InstallmentInline, FeeInline]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["ref", "case", "occurred_at", "channel", "target"]
    list_filter = ["channel", "target"]
    raw_id_fields = ["case", "loan"]


@admin.register(CaseEvent)
class CaseEventAdmin(admin.ModelAdmin):
    list_display = ["case", "kind", "at"]
    raw_id_fields = ["case", "loan"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["original_name", "case", "kind", "size", "sha256", "uploaded_at"]
    raw_id_fields = ["case", "contact", "uploaded_by"]
    readonly_fields = ["sha256", "size", "content_type"]


@admin.register(CaseShare)
class CaseShareAdmin(admin.ModelAdmin):
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
