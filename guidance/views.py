from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from cases.access import cases_owned_by, get_case_for_user
from selfhelp.htmx import render_partial_response
from selfhelp.views import HtmxHttpRequest

from .access import get_plan_for_user
from .articles import article_get, article_search
from .forms import ArticleSearchForm, InterviewStepForm, PlanLinkForm
from .labels import case_url
from .presentation import plan_display
from .questions import QUESTION_KEYS, QUESTIONS_BY_KEY
from .services import (
    Plan,
    guidance_plan_create,
    interview_answers_clean,
    interview_is_complete,
    interview_plan,
)

SESSION_KEY = "guidance_interview"


@require_GET
def article_list(request: HtmxHttpRequest) -> HttpResponse:
    form = ArticleSearchForm(request.GET)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    articles = article_search(language=get_language(), q=q)
    context = {"form": form, "q": q, "articles": articles}
    return render_partial_response(
        request, "guidance/article_list.html", context, target="article-results"
    )


@require_GET
def article_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    article = article_get(slug=slug, language=get_language())
    if article is None:
        raise Http404("No such article.")
    return render(request, "guidance/article_detail.html", {"article": article})


def _answers(request: HtmxHttpRequest) -> dict:
    return interview_answers_clean(request.session.get(SESSION_KEY, {}))


def _step_url(key: str) -> str:
    return f"{reverse('guidance:interview')}?step={key}"


def _step_context(answers: dict, key: str, form: InterviewStepForm) -> dict:
    index = QUESTION_KEYS.index(key)
    return {
        "form": form,
        "step": key,
        "number": index + 1,
        "total": len(QUESTION_KEYS),
        "previous": QUESTION_KEYS[index - 1] if index else None,
        "danger": answers.get("danger") == "yes",
    }


@require_http_methods(["GET", "POST"])
def interview(request: HtmxHttpRequest) -> HttpResponse:
    answers = _answers(request)
    key = request.POST.get("step") or request.GET.get("step") or QUESTION_KEYS[0]
    if key not in QUESTIONS_BY_KEY:
        key = QUESTION_KEYS[0]
    question = QUESTIONS_BY_KEY[key]
    if request.method == "GET":
        initial = {"answer": answers[key]} if key in answers else {}
        form = InterviewStepForm(question, initial=initial)
        return render_partial_response(
            request,
            "guidance/interview_step.html",
            _step_context(answers, key, form),
            target="interview-step",
        )
    form = InterviewStepForm(question, request.POST)
    going_back = request.POST.get("go") == "back"
    if form.is_valid():
        answers[key] = form.cleaned_data["answer"]
        request.session[SESSION_KEY] = answers
    elif not going_back:
        context = _step_context(answers, key, form)
        return render_partial_response(
            request, "guidance/interview_step.html", context, target="interview-step"
        )
    index = QUESTION_KEYS.index(key) + (-1 if going_back else 1)
    if index >= len(QUESTION_KEYS):
        url = reverse("guidance:interview_plan")
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    next_key = QUESTION_KEYS[max(index, 0)]
    if not request.htmx:
        return redirect(_step_url(next_key))
    initial = {"answer": answers[next_key]} if next_key in answers else {}
    context = _step_context(
        answers, next_key, InterviewStepForm(QUESTIONS_BY_KEY[next_key], initial=initial)
    )
    response = render(request, "guidance/interview_step.html#interview-step", context)
    response["HX-Push-Url"] = _step_url(next_key)
    return response


@require_POST
def interview_restart(request: HtmxHttpRequest) -> HttpResponse:
    request.session.pop(SESSION_KEY, None)
    return redirect("guidance:interview")


@require_GET
def interview_plan_view(request: HtmxHttpRequest) -> HttpResponse:
    answers = _answers(request)
    if not interview_is_complete(answers):
        missing = next(k for k in QUESTION_KEYS if k not in answers)
        return redirect(_step_url(missing))
    plan = interview_plan(answers)
    cases = list(cases_owned_by(request.user)) if request.user.is_authenticated else []
    context = {
        "plan": plan,
        "display": plan_display(plan),
        "link_form": PlanLinkForm(cases) if cases else None,
    }
    return render(request, "guidance/interview_plan.html", context)


@login_required
@require_POST
def plan_link(request: HtmxHttpRequest) -> HttpResponse:
    answers = _answers(request)
    form = PlanLinkForm(data=request.POST)
    if not form.is_valid() or not interview_is_complete(answers):
        return redirect("guidance:interview_plan")
    case = get_case_for_user(
        request.user, form.cleaned_data["case"], write=True, action="link plan", path=request.path
    )
    saved = guidance_plan_create(owner=request.user, case=case, answers=answers)
    return redirect("guidance:plan_detail", pk=saved.pk)


@login_required
@require_GET
def plan_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    saved = get_plan_for_user(request.user, pk)
    plan = Plan.from_dict(saved.plan)
    context = {
        "saved": saved,
        "plan": plan,
        "display": plan_display(plan),
        "case_url": case_url(saved.case_id),
    }
    return render(request, "guidance/plan_detail.html", context)
