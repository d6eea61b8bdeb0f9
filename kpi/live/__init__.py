"""The floor's live view: the inbox of export drops, its one writer, and the wallboards."""
