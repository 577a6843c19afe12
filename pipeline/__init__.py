"""zhfacts: Chinese economic reports → traceable numeric facts and named entities."""

__version__ = "0.1.0"
