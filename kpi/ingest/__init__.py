"""Provider exports in, canonical rows out: reading, profiles, parsing and the import itself."""
