"""Across articles: pledges linked to their later reports, and the person index."""
