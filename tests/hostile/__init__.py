"""The hostile-input catalogue: documents nobody should write, and what ``career`` does."""
