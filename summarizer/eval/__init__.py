"""Scoring outputs against gold: the seeds' gold (gold, evaluate) and the dev set's (devscore)."""
