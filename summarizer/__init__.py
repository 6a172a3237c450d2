"""summarizer: structured, grounded data from Chinese government policy news."""

__version__ = "0.1.0"
