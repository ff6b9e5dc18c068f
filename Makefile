# The two commands of the README, and a few more. Each target sets up what it needs.
.PHONY: demo test run package screenshots bench clean

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

clean:
	rm -rf build dist .pytest_cache .hypothesis
