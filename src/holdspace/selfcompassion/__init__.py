"""Self-compassion: thinking traps and the self-talk challenger, the thought record."""
