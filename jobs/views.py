from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from selfhelp.htmx import render_partial_response
from selfhelp.views import HtmxHttpRequest

from .models import Job


@require_GET
@login_required
def job_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Progress of one of the user's own jobs; htmx polls the #job-progress fragment."""
    job = Job.objects.filter(pk=pk, owner=request.user).first()
    if job is None:
        raise Http404
    return render_partial_response(
        request, "jobs/job_detail.html", {"job": job}, target="job-progress"
    )
