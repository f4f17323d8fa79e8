"""Homework: a practice a therapist suggests between sessions, with a gentle plan and a note.

`plan` is the pure core (what can be suggested, how a plan reads, which round is open today);
`assignments` keeps them and finds the real records that show a practice was done; `due` gathers
everything waiting for a client today (homework, goal check-ins, questionnaires) for the home page.
"""
