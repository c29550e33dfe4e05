from django.contrib import admin

from .models import LprRate


@admin.register(LprRate)
class LprRateAdmin(admin.ModelAdmin):
    list_display = ["effective_on", "one_year_rate"]
    ordering = ["-effective_on"]
