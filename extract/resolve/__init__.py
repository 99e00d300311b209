"""Resolvers: document-level fields decided from the mentions the finders found."""
