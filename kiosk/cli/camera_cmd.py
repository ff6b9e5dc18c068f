"""``kiosk cameras`` and ``kiosk scan-file``: find the camera, and test decoding on images.

- ``kiosk cameras [--json]`` lists the cameras that deliver frames and the sizes among
  640x480 and 1280x720 each accepts (IT staff set ``camera`` and ``camera_resolution``
  from it); exit 1 when none is found.
- ``kiosk scan-file PATH...`` decodes image files with the kiosk's decoder pipeline and
  prints one JSON line per image: ``{"path": ..., "texts": [...], "ms": ...}``; exit 1
  when an image cannot be read.
No Qt: both run on a machine without a display.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict
from pathlib import Path

from kiosk.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:
    cams = sub.add_parser("cameras", help="list the cameras found and the sizes they deliver")
    cams.add_argument("--json", action="store_true", help="machine-readable output")
    cams.set_defaults(func=list_cameras_cmd)
    scan = sub.add_parser("scan-file", help="decode QR codes in image files (one JSON line per image)")
    scan.add_argument("paths", nargs="+", metavar="PATH", help="image files (PNG, JPEG, WebP, BMP)")
    scan.set_defaults(func=scan_file_cmd)


def list_cameras_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    from kiosk.camera.capture import list_cameras
    cameras = list_cameras()
    if args.json:
        ctx.emit_json([asdict(c) for c in cameras])
        return 0 if cameras else 1
    if not cameras:
        print("no camera found (plugged in? in use by another program? "
              "on Linux the user must be in the 'video' group)")
        return 1
    configured = ctx.config.camera
    for c in cameras:
        mark = "  <- configured" if c.device == configured or c.device.endswith(f"video{configured}") else ""
        sizes = ", ".join(c.resolutions) or "none of 640x480, 1280x720"
        print(f"{c.device}  {c.name}  [{sizes}]  {c.fourcc}{mark}")
    return 0


def scan_file_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    import cv2
    import numpy as np
    from kiosk.camera.reader import decode
    decode(np.zeros((32, 32), np.uint8))  # builds the engines now, so "ms" is decoding only
    status = 0
    for path in args.paths:
        image = cv2.imread(path, cv2.IMREAD_GRAYSCALE) if Path(path).is_file() else None
        if image is None:
            error = "cannot read this image" if Path(path).is_file() else "no such file"
            print(json.dumps({"path": path, "error": error}, ensure_ascii=False), flush=True)
            status = 1
            continue
        start = time.perf_counter()
        texts = decode(image)
        ms = (time.perf_counter() - start) * 1000
        print(json.dumps({"path": path, "texts": texts, "ms": round(ms, 2)}, ensure_ascii=False), flush=True)
    return status
