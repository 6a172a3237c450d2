"""One article through the stages (article), the full profile's verified merge (verify), batches in
processes (batch) and on Ray (cluster)."""
