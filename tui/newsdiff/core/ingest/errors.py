"""The one exception ingest raises for an input it cannot use."""


class IngestError(Exception):
    """An input file or record could not be turned into an article.

    The message is the reason, written for a person (``binary file, not text``); the
    caller adds the path. Ingest never lets any other exception escape for bad input.
    """
