"""Logging of the kiosk: rotating files in ``config.log_dir``, redaction, crash hooks.

Job: :func:`setup_logging` is called once by the composition roots (``kiosk.cli.main``
before any command, so ``run``, ``doctor`` and ``sync`` all log to the same files). It
writes ``kiosk.log`` (INFO and up, 5 × 1 MiB: a kiosk runs for months on a small disk)
and copies WARNING and up to stderr, which the systemd journal captures.
:func:`install_excepthook` logs exceptions that reach the top of the GUI thread (Qt
slots: PySide6 hands them to ``sys.excepthook`` and carries on) and of other threads, and
asks the UI to go back to the attract screen instead of leaving a half-drawn screen.

Constraints:
- Personal data is never logged, *by design*: code logs ids, counts and outcomes, never
  names, phone numbers, e-mails or card texts. :class:`RedactFilter` is a second line of
  defence for what slips through (an exception message quoting a form value, a library
  logging a URL with an e-mail): it masks phone numbers, e-mail addresses and ``CK1:``
  card texts in the message, its arguments and the formatted traceback. It cannot find
  names; that is why the first rule matters.
- No Qt here (the hook takes a plain callable); safe to call more than once (tests).
- If the log folder cannot be written (read-only home, full disk), the kiosk still runs
  and logs to stderr only: a log problem must never stop the lobby screen.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import Callable

LOG_FILE = "kiosk.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
_HANDLER_MARK = "_club_kiosk_handler"

log = logging.getLogger(__name__)

# Card texts: CK1: then base32 (our format) or base64url (older drafts); mask the whole run.
_CARD = re.compile(r"CK1:[A-Za-z0-9_\-=+/]*")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
# Phone numbers as people type them: French national (06 12 34 56 78, 06.12.34.56.78,
# 0612345678), international (+33 6 12 34 56 78, 0033 6..., +212 6...) and bare E.164
# digits. Separators are space, dot or dash only, so timestamps (02:09:33), ISO dates
# (2026-11-23), UUIDs and version numbers do not match.
_PHONES = (
    re.compile(r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[ .\-]?(?:\(0\)[ .\-]?)?\d(?:[ .\-]?\d){7,11}(?![\w])"),
    re.compile(r"(?<![\w.\-])0[1-9](?:[ .\-]?\d{2}){4}(?![\w])"),
    re.compile(r"(?<![\w.\-])33[1-9]\d{8}(?![\w])"),
)


def redact(text: str) -> str:
    """``text`` with card texts, e-mail addresses and phone numbers masked."""
    text = _CARD.sub("CK1:<card>", text)
    text = _EMAIL.sub("<e-mail>", text)
    for pattern in _PHONES:
        text = pattern.sub("<phone>", text)
    return text


class RedactFilter(logging.Filter):
    """Masks personal data in a record before any handler formats it.

    The message is rendered (``getMessage``) and redacted, its arguments dropped, and the
    traceback formatted once into ``exc_text`` and redacted, so formatters that follow use
    the masked text. Attached to our handlers (not loggers) so records propagated from
    any library pass through it.
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: log what we have rather than nothing
            message = f"{record.msg!r} (bad log arguments)"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _CurrentStderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is *now* (like logging's last-resort handler):
    a handler bound to the stderr of the moment would keep writing to a closed stream
    once a test's capture (or a redirect) replaced and closed it."""

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is not None:  # a windowed Windows executable has no stderr at all
            super().emit(record)


def _mark(handler: logging.Handler) -> logging.Handler:
    setattr(handler, _HANDLER_MARK, True)
    handler.addFilter(RedactFilter())
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler


def setup_logging(log_dir: Path | None, *, level: int = logging.INFO, stderr_level: int = logging.WARNING,
                  stream=None) -> Path | None:
    """Install the kiosk's handlers on the root logger; returns the log file, or None.

    Calling it again replaces the handlers it installed before (tests, and a config that
    changes the log folder), never handlers someone else added (pytest's caplog).
    """
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, _HANDLER_MARK, False):
            root.removeHandler(h)
            h.close()
    root.setLevel(min(level, stderr_level))

    console = _mark(logging.StreamHandler(stream) if stream is not None else _CurrentStderr())
    console.setLevel(stderr_level)
    root.addHandler(console)

    if log_dir is None:
        return None
    path = Path(log_dir) / LOG_FILE
    try:
        Path(log_dir).mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(log_dir, 0o700)  # logs hold no personal data, but building ids and times
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8", delay=True)
    except OSError as exc:
        log.warning("cannot write logs under %s (%s); logging to stderr only", log_dir, exc)
        return None
    handler.setLevel(level)
    root.addHandler(_mark(handler))
    return path


def log_files(log_dir: Path) -> list[Path]:
    """The current log file and its rotated copies (for `doctor` and the tests)."""
    return sorted(Path(log_dir).glob(LOG_FILE + "*"))


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_excepthook(on_error: Callable[[], None] | None = None) -> ExceptHook:
    """Log unhandled exceptions; on the main thread then call ``on_error`` (go home).

    Returns the previous ``sys.excepthook`` so a caller (a test) can restore it.
    ``on_error`` runs on the thread that raised, which for Qt slots is the GUI thread; it
    is guarded so a failure there is logged and cannot recurse into this hook.
    """
    previous = sys.excepthook
    main_thread = threading.main_thread()

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log.critical("unhandled %s; the kiosk goes back to the attract screen", exc_type.__name__,
                     exc_info=(exc_type, exc, tb))
        if on_error is not None and threading.current_thread() is main_thread:
            try:
                on_error()
            except Exception:
                log.exception("going back to the attract screen failed")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.critical("unhandled %s in thread %s", args.exc_type.__name__, name,
                     exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback))

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return previous
