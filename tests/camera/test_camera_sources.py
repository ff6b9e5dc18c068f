"""File frame sources, the source chosen from the config, and the camera when absent."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.camera.capture import CameraSource, parse_resolution, source_from_config
from kiosk.camera.sources import (FrameSource, ImageFolderSource, SourceEnded, SourceUnavailable,
                                  VideoFileSource, file_source)

from camera_helpers import card_frame, write_video


def _drain(source: FrameSource, limit: int = 1000) -> list[np.ndarray]:
    frames = []
    with pytest.raises(SourceEnded):
        for _ in range(limit):
            frame = source.read()
            assert frame is not None
            frames.append(frame)
    return frames


def test_video_file_gives_every_frame_then_ends(tmp_path, card_texts):
    path = write_video(tmp_path / "v.avi", [card_frame(card_texts[0])] * 4 + [card_frame(None)] * 3)
    source = VideoFileSource(path)
    assert isinstance(source, FrameSource) and source.live is False
    source.open()
    frames = _drain(source)
    source.close()
    assert len(frames) == 7
    assert frames[0].shape == (480, 640, 3)


def test_looping_video_restarts(tmp_path):
    path = write_video(tmp_path / "v.avi", [card_frame(None)] * 3)
    source = VideoFileSource(path, loop=True)
    source.open()
    assert all(source.read() is not None for _ in range(10))
    source.close()


def test_image_folder_repeats_each_image_in_name_order_and_skips_other_files(tmp_path, card_texts):
    cv2.imwrite(str(tmp_path / "b.png"), card_frame(None))
    cv2.imwrite(str(tmp_path / "a.png"), card_frame(card_texts[0]))
    (tmp_path / "notes.txt").write_text("not an image")
    source = ImageFolderSource(tmp_path, frames_per_image=3)
    source.open()
    frames = _drain(source)
    assert len(frames) == 6
    assert np.array_equal(frames[0], frames[2]) and not np.array_equal(frames[2], frames[3])
    frames[0][:] = 0  # a frame handed out is the caller's own copy
    assert not np.array_equal(frames[0], frames[1])


def test_missing_files_and_empty_folders_are_unavailable(tmp_path):
    with pytest.raises(SourceUnavailable):
        VideoFileSource(tmp_path / "none.avi").open()
    with pytest.raises(SourceUnavailable):
        ImageFolderSource(tmp_path).open()


def test_file_source_picks_by_path(tmp_path):
    assert isinstance(file_source(tmp_path), ImageFolderSource)
    assert isinstance(file_source(tmp_path / "x.avi"), VideoFileSource)


def test_source_from_config(config, tmp_path):
    camera = source_from_config(config.with_values(camera="/dev/video7", camera_resolution="1280x720"))
    assert isinstance(camera, CameraSource) and camera.live
    assert (camera.device, camera.resolution) == ("/dev/video7", (1280, 720))
    played = source_from_config(config.with_values(camera_source=str(tmp_path)))
    assert isinstance(played, ImageFolderSource) and played.live and played.loop


def test_parse_resolution():
    assert parse_resolution("640x480") == (640, 480)
    assert parse_resolution("1280X720") == (1280, 720)
    with pytest.raises(ValueError):
        parse_resolution("hd")


def test_absent_camera_is_reported_unavailable_not_crashing():
    source = CameraSource("/dev/video-does-not-exist")
    with pytest.raises(SourceUnavailable):
        source.open()
    assert source.read() is None
    source.close()


def test_probe_camera_lists_the_sizes_the_camera_really_delivers(monkeypatch):
    from kiosk.camera import capture

    class FakeCamera(capture.CameraSource):
        def open(self) -> None:  # delivers 640x480 whatever is asked (an old webcam)
            self.actual_resolution, self.fourcc = (640, 480), "YUYV"

    monkeypatch.setattr(capture, "CameraSource", FakeCamera)
    info = capture.probe_camera("/dev/video0")
    assert info is not None and info.resolutions == ["640x480"] and info.fourcc == "YUYV"

    class AbsentCamera(capture.CameraSource):
        def open(self) -> None:
            raise SourceUnavailable("absent")

    monkeypatch.setattr(capture, "CameraSource", AbsentCamera)
    assert capture.probe_camera("/dev/video0") is None
