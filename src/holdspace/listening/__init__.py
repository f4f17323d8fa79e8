"""Active listening and empathy: emotions and feeling words, reflections, open questions."""
