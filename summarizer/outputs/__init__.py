"""What is written: JSON per article (write), exports (export), JSON Schema (schema), briefings (brief)."""
