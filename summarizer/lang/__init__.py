"""The language of the genre: the lexicon and every rule built from it — values and periods, non-metrics,
subjects, pledges, people and officials, metrics, grounding. No model, no I/O."""
