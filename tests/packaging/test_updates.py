"""The update loop, in a throw-away root: the office's signed repository, the kiosk's updater.

Real parts: the frozen bundle and its .deb (one build per session, conftest.py), the
repository made by ``scripts/make-repo`` and signed with a GPG key made here, Debian's
apt and dpkg installing into a root of their own (``APT_CONFIG`` with ``Dir``,
``dpkg --root`` with ``--force-script-chrootless``; the maintainer scripts see
``DPKG_ROOT``), and the updater the package installs (``/usr/libexec/club-kiosk/update``),
which runs the installed bundle's real ``--self-test``. Nothing of this machine's own
system is touched: its dpkg database, groups and apt lists stay as they were.

The versions: the session's build (V1), the same bundle as V2, and V3 built without
zxing-cpp's library, as a build with a missing library would be: its self-test fails.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]
V1_SUFFIX, V2_SUFFIX, V3_SUFFIX = "", "+upd2", "+upd3"


def _run(cmd: list[str], env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, **kw)


def _variant(bundle: Path, where: Path, version: str, *, broken: bool = False) -> Path:
    """The bundle under another version (hard links: no second 300 MB copy)."""
    copy = where / f"bundle-{version}"
    _run(["cp", "-al", str(bundle), str(copy)]).check_returncode()
    (copy / "VERSION").unlink()  # a hard link to the original: replace, do not write through it
    (copy / "VERSION").write_text(version + "\n")
    if broken:
        libs = list((copy / "_internal").rglob("zxingcpp*.so"))
        assert libs, "the bundle has no zxing-cpp library to leave out"
        for lib in libs:
            lib.unlink()
    return copy


def _package(bundle: Path, out: Path) -> Path:
    proc = _run([str(ROOT / "scripts" / "package-deb"), str(bundle), str(out)], cwd=ROOT,
                env=dict(os.environ, DEB_COMPRESSION="none"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    version = (bundle / "VERSION").read_text().strip()
    return out / f"club-kiosk_{version}_amd64.deb"


class Office:
    """The office's side: a GPG key and the repository ``scripts/make-repo`` keeps."""

    def __init__(self, where: Path, name: str = "Club Kiosk test repository") -> None:
        self.repo = where / "repo"
        # A short folder: gpg-agent's socket path must fit in 108 bytes.
        self.gnupg = Path(tempfile.mkdtemp(prefix="ckgpg-", dir="/tmp"))
        self.env = dict(os.environ, GNUPGHOME=str(self.gnupg))
        _run(["gpg", "--batch", "--passphrase", "", "--quick-gen-key", name, "ed25519", "sign", "never"],
             env=self.env).check_returncode()

    def make_repo(self, *args: str) -> str:
        proc = _run([str(ROOT / "scripts" / "make-repo"), str(self.repo), *args], env=self.env)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc.stdout

    def close(self) -> None:
        _run(["gpgconf", "--kill", "gpg-agent"], env=self.env)
        shutil.rmtree(self.gnupg, ignore_errors=True)


class Kiosk:
    """A throw-away root with apt and dpkg pointed at it, reading one suite of the repository."""

    def __init__(self, root: Path, repo: Path, suite: str, control: str) -> None:
        self.root = root
        for d in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers", "etc/apt/apt.conf.d",
                  "etc/apt/preferences.d", "etc/apt/sources.list.d", "var/cache/apt/archives/partial",
                  "var/lib/apt/lists/partial", "var/log/apt", "usr/share/keyrings"):
            (root / d).mkdir(parents=True, exist_ok=True)
        for f in ("group", "passwd", "login.defs", "gshadow"):
            if Path("/etc", f).exists():
                shutil.copyfile(Path("/etc", f), root / "etc" / f)
        # The libraries the package depends on are this machine's: listed as installed here.
        stubs = [d.split("(")[0].strip() for d in control.split(",")]
        (root / "var/lib/dpkg/status").write_text("".join(
            f"Package: {name}\nStatus: install ok installed\nVersion: 99\nArchitecture: all\n"
            f"Maintainer: test <test@invalid>\nDescription: this machine's {name}\n\n" for name in stubs if name))
        shutil.copyfile(repo / "club-kiosk-archive.gpg", root / "usr/share/keyrings/club-kiosk-archive.gpg")
        (root / "etc/apt/sources.list.d/club-kiosk.sources").write_text(
            f"Types: deb\nURIs: file:{repo}\nSuites: {suite}\nComponents: main\n"
            f"Signed-By: {root}/usr/share/keyrings/club-kiosk-archive.gpg\n")
        (root / "apt.conf").write_text(
            f'Dir "{root}/";\nDir::State::status "{root}/var/lib/dpkg/status";\n'
            f'Dir::Etc::Parts "{root}/etc/apt/apt.conf.d";\nDir::Log "{root}/var/log/apt";\n'
            f'APT::Sandbox::User "root";\n'
            f'DPkg::Options {{ "--root={root}"; "--admindir={root}/var/lib/dpkg"; "--force-script-chrootless"; '
            f'"--log={root}/var/log/dpkg.log"; }};\n')
        self.env = dict(os.environ, APT_CONFIG=str(root / "apt.conf"), CLUB_KIOSK_ROOT=str(root))

    def update(self) -> subprocess.CompletedProcess[str]:
        # The updater the package installed (the first time, the one of the source tree).
        installed = self.root / "usr/libexec/club-kiosk/update"
        script = installed if installed.exists() else ROOT / "packaging/linux/club-kiosk-update"
        return _run(["sh", str(script)], env=self.env)

    def version(self) -> str:
        proc = _run(["dpkg-query", f"--admindir={self.root}/var/lib/dpkg", "-W", "-f=${Version}", "club-kiosk"])
        return proc.stdout.strip() if proc.returncode == 0 else ""

    def last(self) -> str:
        return (self.root / "var/lib/club-kiosk/update/last").read_text().rsplit(" ", 1)[0]

    def bundle_version(self) -> str:
        return (self.root / "opt/club-kiosk/VERSION").read_text().strip()


@pytest.fixture(scope="module")
def versions(bundle: Path, deb: Path, tmp_path_factory) -> dict[str, Path]:
    where = tmp_path_factory.mktemp("versions")
    v1 = (bundle / "VERSION").read_text().strip()
    out = {v1: deb}
    for suffix, broken in ((V2_SUFFIX, False), (V3_SUFFIX, True)):
        copy = _variant(bundle, where, v1 + suffix, broken=broken)
        out[v1 + suffix] = _package(copy, where / "debs")
        shutil.rmtree(copy)
    return out


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    o = Office(tmp_path)
    yield o
    o.close()


@pytest.fixture
def attacker(tmp_path: Path) -> Iterator[Office]:
    o = Office(tmp_path, name="Not the office")
    yield o
    o.close()


def test_updates_in_stages_roll_back_a_broken_version_and_refuse_a_forged_repository(
        versions: dict[str, Path], office: Office, attacker: Office, tmp_path: Path) -> None:
    v1, v2, v3 = versions
    host_status = hashlib.sha256(Path("/var/lib/dpkg/status").read_bytes()).hexdigest()
    host_group = Path("/etc/group").read_text()
    office.make_repo("publish", "--suite", "pilot", str(versions[v1]))
    office.make_repo("promote", "--from", "pilot", "--to", "stable", v1)
    control = _run(["dpkg-deb", "-f", str(versions[v1]), "Depends"]).stdout
    pilot = Kiosk(tmp_path / "pilot-kiosk", office.repo, "pilot", control)
    other = Kiosk(tmp_path / "stable-kiosk", office.repo, "stable", control)

    # First install from the repository, on both kiosks: the real self-test passes.
    for kiosk in (pilot, other):
        proc = kiosk.update()
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert kiosk.version() == v1 and kiosk.last() == f"updated none {v1}"
        assert (kiosk.root / "usr/lib/systemd/system/club-kiosk-update.timer").exists()
        assert "club-kiosk:" in (kiosk.root / "etc/group").read_text()  # postinst made it in the root

    # V2 goes to the pilot group first: the pilot kiosk takes it, the other does not.
    office.make_repo("publish", "--suite", "pilot", str(versions[v2]))
    proc = pilot.update()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert pilot.version() == v2 and pilot.bundle_version() == v2 and pilot.last() == f"updated {v1} {v2}"
    assert other.update().returncode == 0 and other.version() == v1 and other.last() == f"up-to-date {v1}"
    office.make_repo("promote", "--from", "pilot", "--to", "stable", v2)
    assert other.update().returncode == 0 and other.version() == v2

    # V3 fails its self-test on the pilot kiosk: back to V2, and not tried again.
    office.make_repo("publish", "--suite", "pilot", str(versions[v3]))
    proc = pilot.update()
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "failed its self-test" in proc.stdout and "zxing" in proc.stdout
    assert pilot.version() == v2 and pilot.bundle_version() == v2 and pilot.last() == f"rolled-back {v3} {v2}"
    assert list((pilot.root / "opt/club-kiosk/_internal").rglob("zxingcpp*.so"))  # V2's files are back
    again = pilot.update()
    assert again.returncode == 0 and "failed its self-test here before" in again.stdout and pilot.version() == v2

    # An attacker's repository (another key), then an expired one: refused, nothing installed.
    attacker.repo = office.repo  # it took over the office's web server
    attacker.make_repo("publish", "--suite", "stable", str(versions[v3]))
    proc = other.update()
    assert proc.returncode == 2 and "NO_PUBKEY" in proc.stdout and other.version() == v2
    assert other.last() == f"refused {v2}"
    office.make_repo("--valid-days", "-1", "sign")
    proc = other.update()
    assert proc.returncode == 2 and "expired" in proc.stdout.lower() and other.version() == v2

    # This machine's own system was never touched.
    assert hashlib.sha256(Path("/var/lib/dpkg/status").read_bytes()).hexdigest() == host_status
    assert Path("/etc/group").read_text() == host_group
