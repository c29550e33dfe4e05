"""The pure plan function: answers in, ordered steps with rule ids out."""

from guidance.labels import CHANNEL_TEXT, LETTER_TEXT, RULE_TEXT, STEP_TEXT
from guidance.services import Plan, interview_answers_clean, interview_plan

CALM = {
    "danger": "no",
    "loan_types": ["consumer_finance"],
    "conduct": ["none"],
    "third_party_objected": "not_applicable",
    "can_pay": "in_full",
    "negotiate": "no",
    "last_payment": "recent",
}


def _step_ids(plan):
    return [s.id for s in plan.steps]


def test_danger_puts_110_first():
    plan = interview_plan({**CALM, "danger": "yes"})
    assert plan.danger
    assert plan.steps[0].id == "call_110_now"
    assert plan.channels[0] == "110"


def test_no_danger_means_no_110_step_for_calm_case():
    plan = interview_plan(CALM)
    assert not plan.danger
    assert "110" not in plan.channels
    assert _step_ids(plan) == ["record_contacts", "free_legal_aid"]


def test_recording_contacts_is_always_a_step():
    assert "record_contacts" in _step_ids(interview_plan(CALM))
    assert "record_contacts" in _step_ids(interview_plan({**CALM, "danger": "yes"}))


def test_night_calls_map_to_quiet_hours_and_12321():
    plan = interview_plan({**CALM, "conduct": ["night_calls"]})
    assert plan.rules == ("quiet_hours",)
    assert "12321" in plan.channels
    assert "complain_to_lender" in _step_ids(plan)


def test_lender_comes_before_regulators():
    plan = interview_plan({**CALM, "conduct": ["insults"]})
    assert plan.channels.index("lender") < plan.channels.index("12378")
    ids = _step_ids(plan)
    assert ids.index("complain_to_lender") < ids.index("complain_to_regulator")


def test_threats_send_to_police_with_police_statement():
    plan = interview_plan({**CALM, "conduct": ["threats", "impersonation"]})
    step = next(s for s in plan.steps if s.id == "report_to_police")
    assert step.channels == ("110",)
    assert set(step.rules) == {"threat", "impersonating_authority"}
    assert "police_statement" in step.letters


def test_third_party_calls_after_objection_add_objection_rule_and_pi_complaint():
    plan = interview_plan({**CALM, "conduct": ["third_party_calls"], "third_party_objected": "yes"})
    assert "third_party_contacted_after_objection" in plan.rules
    assert "third_party_collection" in plan.rules
    step = next(s for s in plan.steps if s.id == "protect_contacts")
    assert "pi_complaint" in step.letters
    assert "protecting-contacts" in step.articles


def test_third_party_calls_without_objection_do_not_add_objection_rule():
    plan = interview_plan({**CALM, "conduct": ["third_party_calls"], "third_party_objected": "no"})
    assert "third_party_contacted_after_objection" not in plan.rules


def test_credit_card_negotiation_suggests_personalised_instalments():
    plan = interview_plan({**CALM, "loan_types": ["credit_card"], "negotiate": "yes"})
    ids = _step_ids(plan)
    assert "negotiate_installments" in ids and "negotiate_extension" not in ids
    assert "avoid_paid_agents" in ids
    assert "negotiation" in plan.letters


def test_other_loans_negotiation_suggests_extension():
    plan = interview_plan({**CALM, "loan_types": ["bank_online"], "can_pay": "some"})
    ids = _step_ids(plan)
    assert "negotiate_extension" in ids and "negotiate_installments" not in ids


def test_signed_agreement_and_continued_collection_flags_the_rule():
    plan = interview_plan({**CALM, "negotiate": "already_signed", "conduct": ["many_calls"]})
    assert "contact_after_installment_agreement" in plan.rules
    assert "keep_to_agreement" in _step_ids(plan)


def test_old_debt_points_to_limitation_article():
    plan = interview_plan({**CALM, "last_payment": "over_three_years"})
    assert "check_limitation" in _step_ids(plan)
    assert "limitation-period" in plan.articles


def test_lending_app_goes_to_nifa_and_12345():
    plan = interview_plan({**CALM, "loan_types": ["lending_app"], "conduct": ["public_posts"]})
    assert {"nifa", "12345"} <= set(plan.channels)
    assert "12378" not in plan.channels


def test_unknown_lender_asks_for_information():
    plan = interview_plan({**CALM, "loan_types": ["unknown"]})
    assert "information_request" in plan.letters


def test_legal_aid_is_always_the_last_step():
    plan = interview_plan({**CALM, "conduct": ["threats"], "danger": "yes"})
    assert plan.steps[-1].id == "free_legal_aid"


def test_every_id_in_a_full_plan_has_wording():
    answers = {
        **CALM,
        "loan_types": ["credit_card", "lending_app", "unknown"],
        "conduct": [
            "night_calls", "many_calls", "third_party_calls", "threats", "insults",
            "impersonation", "fake_documents", "public_posts", "visits",
            "private_account", "borrow_elsewhere",
        ],
        "third_party_objected": "yes",
        "negotiate": "already_signed",
        "last_payment": "over_three_years",
    }  # fmt: skip
    plan = interview_plan(answers)
    assert all(s.id in STEP_TEXT for s in plan.steps)
    assert all(r in RULE_TEXT for r in plan.rules)
    assert all(c in CHANNEL_TEXT for c in plan.channels)
    assert all(k in LETTER_TEXT for k in plan.letters)


def test_plan_round_trips_through_a_dict():
    plan = interview_plan({**CALM, "conduct": ["threats"], "negotiate": "yes"})
    assert Plan.from_dict(plan.as_dict()) == plan


def test_clean_drops_unknown_questions_and_choices():
    clean = interview_answers_clean(
        {"danger": "maybe", "conduct": ["threats", "hack"], "evil": "x", "can_pay": "some"}
    )
    assert clean == {"conduct": ["threats"], "can_pay": "some"}


def test_unknown_lender_is_asked_which_kind_it_is_and_not_sent_to_12378():
    plan = interview_plan({**CALM, "loan_types": ["unknown"], "conduct": ["night_calls"]})
    assert "identify_lender" in _step_ids(plan)
    assert "12378" not in plan.channels


def test_microlender_goes_to_the_local_regulator_through_12345_not_12378():
    plan = interview_plan({**CALM, "loan_types": ["microloan"], "conduct": ["night_calls"]})
    (step,) = [s for s in plan.steps if s.id == "complain_to_regulator"]
    assert step.channels == ("12345",)


def test_plan_regulators_come_from_the_engine_routing():
    from guidance.services import INTERVIEW_LENDER_TYPES
    from rules.engine.routing import complaint_channels, route

    for answer, lender_type in INTERVIEW_LENDER_TYPES.items():
        plan = interview_plan({**CALM, "loan_types": [answer], "conduct": ["threats"]})
        (step,) = [s for s in plan.steps if s.id == "complain_to_regulator"]
        assert set(step.channels) == set(complaint_channels(route(lender_type)))
