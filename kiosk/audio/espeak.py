"""Text to speech with Debian's ``espeak-ng`` (package ``espeak-ng``): offline, in-process free.

One ``espeak-ng --stdout`` process per utterance: it loads its dictionary in a few
milliseconds (10 ms for a sentence here), cannot take the kiosk down if it crashes, and
is stopped by killing it. The text goes in on stdin (never on the command line: tenants'
and partners' words are data, not arguments). Voices: ``fr-fr``, ``en-gb``, ``ar``.

Measured against the other ways (docs/ui.md, "Speech"): a wheel bundling espeak-ng
(espeakng-loader 0.2.4: 10 MB download, 21 MB more in the bundle, already over its
300 MB goal) and speech-dispatcher (a daemon, 1.35 s before the first word, volume only
measurable by recording the sound server).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

from kiosk.audio.pcm import Pcm

VOICES = {"fr": "fr-fr", "en": "en-gb", "ar": "ar"}
DEFAULT_RATE_WPM = 150        # words a minute: espeak's 175 is fast for elderly listeners
TIMEOUT_S = 20


class SpeechUnavailable(RuntimeError):
    """No speech engine on this machine (``apt-get install espeak-ng``)."""


@dataclass(frozen=True)
class EspeakNg:
    executable: str = "espeak-ng"
    rate_wpm: int = DEFAULT_RATE_WPM

    def path(self) -> str | None:
        return shutil.which(self.executable)

    def version(self) -> str:
        exe = self.path()
        if exe is None:
            raise SpeechUnavailable(f"{self.executable} is not installed")
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=TIMEOUT_S).stdout
        return out.split("Data at")[0].replace("eSpeak NG text-to-speech:", "").strip() or "?"

    def command(self, lang: str) -> list[str]:
        exe = self.path()
        if exe is None:
            raise SpeechUnavailable(f"{self.executable} is not installed")
        # -b 1: the input is UTF-8; --stdout: a WAV on stdout instead of playing it.
        return [exe, "-v", VOICES.get(lang, VOICES["fr"]), "-s", str(self.rate_wpm), "-b", "1", "--stdout"]

    def start(self, lang: str) -> subprocess.Popen:
        """A synthesiser waiting for its text: ``communicate(text_bytes)`` returns the WAV;
        killing it stops the synthesis."""
        return subprocess.Popen(self.command(lang), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)

    def synthesize(self, text: str, lang: str) -> Pcm:
        proc = self.start(lang)
        try:
            wav, _ = proc.communicate(text.encode("utf-8"), timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise
        if proc.returncode != 0 or not wav:
            raise SpeechUnavailable(f"espeak-ng failed (exit {proc.returncode})")
        return Pcm.from_wav(wav)
