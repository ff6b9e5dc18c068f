"""Sound for the lobby screen, Qt-free: speech (espeak-ng), short signal sounds, one player.

- :mod:`.pcm`: 16-bit mono PCM, WAV in and out, gain in dB, level in dBFS.
- :mod:`.espeak`: text to PCM with Debian's ``espeak-ng`` (offline, nothing downloaded).
- :mod:`.player`: plays PCM through ALSA (``aplay``), or records it to WAV files.
- :mod:`.speech`: the :class:`~.speech.Speaker` behind "Écouter": say, repeat, stop,
  volume in steps, on its own thread.
- :mod:`.sounds`: card read, refused, done, error (CC0 files in ``resources/sounds``).

Why not QtTextToSpeech or Qt Multimedia: both are in PySide6-Addons, not in the
PySide6-Essentials the kiosk ships (+157 MB installed), and QtTextToSpeech over
speech-dispatcher needs a daemon (1.35 s to be ready here) and crashed PySide6 6.12 while
speaking (docs/ui.md, "Speech").
"""
