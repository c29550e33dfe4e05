"""An action's summary and the answers received have a limit, in the forms and the bundle."""

import pytest
from django.core.exceptions import ValidationError

from actions.forms import ActionForm
from actions.models import Response
from cases.bundle import BundleError, bundle_parse
from rules.domain import NOTE_MAX_LENGTH
from tests.actions.test_bundle import with_actions

TOO_LONG = "x" * (NOTE_MAX_LENGTH + 1)


def paths_of(data) -> set[str]:
    with pytest.raises(BundleError) as info:
        bundle_parse(data)
    return {issue.path for issue in info.value.errors}


def test_bundle_action_summary_over_the_limit_names_the_path():
    data = with_actions()
    data["actions"][0]["summary"] = TOO_LONG
    assert paths_of(data) == {"actions[0].summary"}


def test_bundle_response_text_over_the_limit_names_the_path():
    data = with_actions()
    data["actions"][0]["responses"][0]["text"] = TOO_LONG
    assert paths_of(data) == {"actions[0].responses[0].text"}


def test_action_form_refuses_over_long_summary(case):
    form = ActionForm(
        {"channel": "lender", "method": "online", "sent_on": "2025-05-01", "summary": TOO_LONG},
        case=case,
    )
    assert not form.is_valid()
    assert "summary" in form.errors


def test_response_text_over_the_limit_fails_validation():
    response = Response(received_on="2025-05-01", text=TOO_LONG)
    with pytest.raises(ValidationError) as info:
        response.full_clean(exclude=["action"])
    assert "text" in info.value.message_dict
