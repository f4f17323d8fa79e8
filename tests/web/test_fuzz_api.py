"""Fuzz the JSON API from its own OpenAPI description, as each role: no answer may be a 5xx.

HOLDSPACE_FUZZ_EXAMPLES sets how many generated requests each operation gets (default 5).
"""

import os

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

EXAMPLES = int(os.environ.get("HOLDSPACE_FUZZ_EXAMPLES", "5"))


def test_no_request_makes_the_api_fail(app, personas, api_token):
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    people = [personas.alice, personas.carol, personas.dave, personas.erin, None]

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case):
            for user in people:
                # A fresh token each time: a fuzzed sign-out must not blind the later calls.
                headers = api_token(user) if user is not None else {}
                case.call_and_validate(headers=headers, checks=[not_a_server_error])

        fuzz()
