"""Questionnaires as FHIR R4: a Bundle of QuestionnaireResponse and Observation resources.

LOINC codes are used where LOINC has them: the PHQ-9 (panel 44249-1, total 44261-6, items and
answers) and GAD-7 (panel 69737-5, total 70274-6, items and answers). The WHO-5, SCS-SF and BRS
have no LOINC codes in what we checked, so they are coded in holdspace's own system
(`urn:holdspace:measures`) and each answer carries its score as an ordinalValue extension.
Pure: works over any objects with id, instrument, answers, completed_at, total, band and prorated.
"""

from __future__ import annotations

import uuid

from holdspace.journey import measures

__all__ = ["LOINC", "OWN_SYSTEM", "bundle", "observation", "questionnaire_response"]

LOINC = "http://loinc.org"
OWN_SYSTEM = "urn:holdspace:measures"
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
SURVEY = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                      "code": "survey", "display": "Survey"}]}
_NAMESPACE = uuid.UUID("6f1d2c64-5a55-4c53-9a39-1f1d6f0e4b17")


def _urn(*parts: object) -> str:
    return "urn:uuid:" + str(uuid.uuid5(_NAMESPACE, "|".join(str(p) for p in parts)))


def _answer(inst: measures.Instrument, value: int) -> dict:
    option = next(o for o in inst.options if o.value == value)
    coding = ({"system": LOINC, "code": option.loinc, "display": option.label} if option.loinc else
              {"system": f"{OWN_SYSTEM}:{inst.key}:answers", "code": str(value), "display": option.label})
    coding["extension"] = [{"url": ORDINAL, "valueDecimal": value}]
    return {"valueCoding": coding}


def questionnaire_response(adm, subject: str) -> dict:
    inst = measures.instrument(adm.instrument)
    items = []
    for item in inst.items:
        entry = {"linkId": item.loinc or str(item.number), "text": item.text}
        if item.loinc:
            entry["code"] = [{"system": LOINC, "code": item.loinc}]
        value = adm.answers.get(item.number)
        if value is not None:
            entry["answer"] = [_answer(inst, value)]
        items.append(entry)
    questionnaire = (f"{LOINC}/q/{inst.loinc_panel}" if inst.loinc_panel else f"{OWN_SYSTEM}:{inst.key}")
    return {"resourceType": "QuestionnaireResponse", "id": f"{inst.key}-{adm.id}",
            "questionnaire": questionnaire, "status": "completed", "subject": {"reference": subject},
            "authored": adm.completed_at.isoformat(), "item": items}


def observation(adm, subject: str, response_ref: str) -> dict:
    inst = measures.instrument(adm.instrument)
    if inst.loinc_total:
        coding = {"system": LOINC, "code": inst.loinc_total, "display": inst.loinc_total_display}
    else:
        coding = {"system": OWN_SYSTEM, "code": f"{inst.key}-total", "display": f"{inst.full_name} score"}
    unit = "%" if inst.scoring == "sum_times_4" else "{score}"
    band = inst.band_for(adm.total)
    found = {"resourceType": "Observation", "id": f"{inst.key}-{adm.id}-total", "status": "final",
             "category": [SURVEY], "code": {"coding": [coding], "text": f"{inst.name} score"},
             "subject": {"reference": subject}, "effectiveDateTime": adm.completed_at.isoformat(),
             "valueQuantity": {"value": adm.total, "unit": unit, "system": "http://unitsofmeasure.org",
                               "code": unit},
             "interpretation": [{"text": band.label}],
             "derivedFrom": [{"reference": response_ref}]}
    if adm.prorated:
        found["note"] = [{"text": f"Some questions were unanswered; scored by the published rule: "
                                  f"{inst.missing_source}."}]
    return found


def bundle(person, administrations) -> dict:
    """A collection Bundle: the person, then each finished questionnaire's response and score."""
    subject = _urn("patient", person.id)
    entries = [{"fullUrl": subject, "resource": {"resourceType": "Patient", "id": f"holdspace-{person.id}",
                                                 "name": [{"text": person.display_name}]}}]
    for adm in administrations:
        if adm.total is None or adm.completed_at is None:
            continue
        response_ref = _urn("response", person.id, adm.id)
        entries.append({"fullUrl": response_ref, "resource": questionnaire_response(adm, subject)})
        entries.append({"fullUrl": _urn("observation", person.id, adm.id),
                        "resource": observation(adm, subject, response_ref)})
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}
