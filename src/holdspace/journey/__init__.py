"""The healing journey: mood check-ins, questionnaires and their scoring, the timeline, session
reports and FHIR export."""
