"""The admin logs what staff read of borrowers' data (finding 9 of the security review).

Every admin page that shows rows belonging to a case goes into that case's access
log, like a volunteer's access through cases.access: the list pages (one entry per
case on the page), the change and view pages, the history and the deletion summary.
A change or deletion made in the admin also moves the case's revision on, like every
write through the services, so the findings stored for the case are computed again.
"""

from __future__ import annotations

from functools import reduce

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from .access import log_staff_access
from .services import cases_touch


class AccessLoggedAdmin(admin.ModelAdmin):
    """A ModelAdmin for a model whose rows belong to a case.

    `case_lookup` is the path from a row to its case's id, as a queryset lookup
    ("case_id", "action__case_id"; "pk" for the case itself).
    """

    case_lookup = "case_id"

    def case_id_of(self, obj) -> int | None:
        return reduce(getattr, self.case_lookup.split("__"), obj)

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None) or {}
        if context.get("cl") is not None:
            rows, action = context["cl"].result_list, "admin_list"
        elif context.get("queryset") is not None:  # "delete selected": the summary page
            rows, action = context["queryset"], "admin_delete_summary"
        else:
            return response
        case_ids = rows.values_list(self.case_lookup, flat=True)
        log_staff_access(request.user, case_ids, action=action, path=request.path)
        return response

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """The change or view page; a saved change is logged by save_model."""
        response = super().changeform_view(request, object_id, form_url, extra_context)
        self._log_object(request, response, "original", "admin_view")
        return response

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        log_staff_access(
            request.user, [self.case_id_of(obj)], action="admin_change", path=request.path
        )
        cases_touch(case_ids=[self.case_id_of(obj)])

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        cases_touch(case_ids=[self.case_id_of(form.instance)])

    def delete_model(self, request, obj) -> None:
        case_id = self.case_id_of(obj)
        super().delete_model(request, obj)
        cases_touch(case_ids=[case_id])

    def delete_queryset(self, request, queryset) -> None:
        case_ids = list(queryset.values_list(self.case_lookup, flat=True))
        super().delete_queryset(request, queryset)
        cases_touch(case_ids=case_ids)

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        self._log_object(request, response, "object", "admin_history")
        return response

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        self._log_object(request, response, "object", "admin_delete_summary")
        return response

    def _log_object(self, request, response, key: str, action: str) -> None:
        obj = (getattr(response, "context_data", None) or {}).get(key)
        if obj is not None and obj.pk is not None:
            log_staff_access(request.user, [self.case_id_of(obj)], action=action, path=request.path)
