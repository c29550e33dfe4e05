from django.contrib import admin

from .models import Action, Reminder, Response


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["case", "channel", "method", "sent_on", "outcome"]
    list_filter = ["channel", "outcome"]
    raw_id_fields = ["case", "loan", "created_by"]
    filter_horizontal = []


admin.site.register(Response)
admin.site.register(Reminder)
