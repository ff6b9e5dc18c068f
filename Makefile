# The two commands of the README, and a few more. Each target sets up what it needs.
.PHONY: demo test run bundle package repo screenshots bench clean

demo:            ## start the kiosk with demo data (and a local central server)
	scripts/bootstrap
	.venv/bin/kiosk demo

test:            ## run every test (sets up dbus, gnome-keyring and the venv first)
	scripts/bootstrap --test
	scripts/run-tests $(ARGS)

run:
	scripts/bootstrap
	.venv/bin/kiosk

bench:
	scripts/bootstrap --test
	.venv/bin/python bench/store.py

bundle:          ## frozen kiosk in dist/club-kiosk (PyInstaller, build.spec; docs/packaging.md)
	scripts/bootstrap --test
	scripts/build-bundle

package: bundle  ## dist/club-kiosk_<version>_amd64.deb (dpkg-deb)
	scripts/package-deb

repo:            ## publish dist/*.deb to the signed apt repository REPO, suite SUITE (docs/it-guide.md, 6)
	@test -n "$(REPO)" || { echo "make repo REPO=/srv/club-kiosk-repo SUITE=pilot REPO_GPG_KEY=<fingerprint>"; exit 2; }
	scripts/make-repo "$(REPO)" publish --suite "$(or $(SUITE),pilot)" dist/club-kiosk_*.deb

clean:
	rm -rf build dist .pytest_cache .hypothesis
