"""What every subcommand shares: the effective config, the open store, error reporting."""

from __future__ import annotations

import argparse
import json
import sys
from functools import cached_property
from pathlib import Path
from typing import Any

from kiosk.config import Config, ConfigError, load_config


class CliContext:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args

    @cached_property
    def config(self) -> Config:
        cfg = load_config(Path(self.args.config) if self.args.config else None,
                          data_dir=Path(self.args.data_dir) if self.args.data_dir else None)
        if getattr(self.args, "camera_source", None):
            cfg = cfg.with_values(camera_source=self.args.camera_source)
        return cfg

    def open_store(self, *, create: bool = True):
        """Open the encrypted store of the configured data dir (creating it if asked)."""
        from kiosk.store.opening import open_store
        return open_store(self.config, create=create)

    def handled_errors(self) -> tuple[type[BaseException], ...]:
        from kiosk.store.errors import StoreError
        return (ConfigError, StoreError)

    def report(self, exc: BaseException) -> int:
        from kiosk.store.errors import StoreError
        if isinstance(exc, ConfigError):
            print(f"kiosk: configuration error: {exc}", file=sys.stderr)
            return 2
        assert isinstance(exc, StoreError)
        print(f"kiosk: cannot open the data: {exc}\n  what to do: {exc.advice}", file=sys.stderr)
        return 3

    @staticmethod
    def emit_json(data: Any) -> None:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
