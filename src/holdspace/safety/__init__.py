"""Safety: risk detection, the crisis response, crisis lines by country, sticky flags, the output filter.

    risk            assess(text) -> Assessment(level, reasons, spans): none, concern or urgent
    conversation    ConversationSafety: a flag that a bare "I'm fine" does not clear
    response        crisis_response(country, has_safety_plan=...): fixed, versioned, localised text
    output_filter   check_output(text) -> problems in any generated text (SAFETY.md point 6)
    crisis_lines    lines_for(country): call and text routes, with sources and review dates
    safeguarding    about_a_child(text, hurt): whether someone else being hurt is a child (a child-protection line)

Pure: no database, web or settings; rules and templates are data files beside the code.
"""
