"""draftkit: draft, check and lay out the annual 法治政府建设情况报告."""

__version__ = "0.1.0"
