"""Shared NLP resources: the spaCy pipeline, the embedding model, sentence splitting.

Not a pipeline stage: stages receive what these load, so the heavy models are loaded
once per process and never fetched from the network.
"""
