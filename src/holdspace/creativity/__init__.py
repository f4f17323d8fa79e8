"""Art and creativity: the journal now; prompts, art and music as they land."""
