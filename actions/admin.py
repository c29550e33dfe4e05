from django.contrib import admin

from cases.admin_access import AccessLoggedAdmin

from .models import Action, Reminder, Response


@admin.register(Action)
class ActionAdmin(AccessLoggedAdmin):
    list_display = ["case", "channel", "method", "sent_on", "outcome"]
    list_filter = ["channel", "outcome"]
    raw_id_fields = ["case", "loan", "created_by"]
    filter_horizontal = []


@admin.register(Response)
class ResponseAdmin(AccessLoggedAdmin):
    case_lookup = "action__case_id"
    raw_id_fields = ["action", "recorded_by", "evidence"]


@admin.register(Reminder)
class ReminderAdmin(AccessLoggedAdmin):
    case_lookup = "action__case_id"
    raw_id_fields = ["action"]
