"""Text in: reading inputs (ingest), sentence chunks (chunk), simplified/traditional views (hanzi).

Imports only the core (models, errors)."""
