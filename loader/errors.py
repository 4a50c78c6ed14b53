"""One exception root; each subclass carries the exit code of product.md.

Only ``loader.cli`` catches these: it prints ``Error: <message>`` on stderr and exits with
``exit_code``.
"""


class KgloadError(Exception):
    """Root of every error kgload raises on purpose."""

    exit_code = 1


class UsageError(KgloadError):
    """The user asked for something that cannot be done as asked (exit 2)."""

    exit_code = 2


class Neo4jUnavailable(KgloadError):
    """Neo4j cannot be reached or refused the credentials (exit 3)."""

    exit_code = 3


class InputsRejected(KgloadError):
    """Some inputs were rejected; the rest was processed (exit 4)."""

    exit_code = 4


class ModelNotFound(KgloadError):
    """No spaCy pipeline could be loaded."""

    exit_code = 1


class ServerSetupError(KgloadError):
    """The local Neo4j server could not be prepared or started."""

    exit_code = 1
