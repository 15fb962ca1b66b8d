"""Tests of the notebook runner and of the entry scripts' error messages (run by scripts/test-all)."""
import os
import pathlib
import shutil
import subprocess
import sys

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "scripts" / "tests" / "fixtures"
RUNNER = ROOT / "scripts" / "run_notebooks.py"


def run_runner(tmp_path, *args, env=None):
    return subprocess.run([sys.executable, str(RUNNER), "--out", str(tmp_path), "--timeout", "120", *args],
                          capture_output=True, text=True, env=env, timeout=300)


def test_a_throwing_cell_fails_the_run_and_the_executed_notebook_is_still_written(tmp_path):
    r = run_runner(tmp_path, str(FIXTURES / "throws.ipynb"))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "FAILED" in r.stdout and "0 passed, 1 failed" in r.stdout
    nb = nbformat.read(tmp_path / "throws.ipynb", as_version=4)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors, "the executed notebook must keep the error for diagnosis"
    assert "ArrayIndexOutOfBounds" in errors[0]["ename"] + errors[0]["evalue"] + "".join(errors[0]["traceback"])
    assert "before the error" in "".join(o.get("text", "") for o in nb.cells[0].outputs)
    assert not nb.cells[2].get("outputs"), "cells after the error must not run"
    assert (tmp_path / "throws.html").is_file()


def test_check_mode_requires_a_figure(tmp_path):
    r = run_runner(tmp_path, "--check", str(FIXTURES / "no-figure.ipynb"))
    assert r.returncode == 1
    assert "no image/png output" in r.stdout
    # without --check the same notebook passes: it executed without error
    assert run_runner(tmp_path, str(FIXTURES / "no-figure.ipynb")).returncode == 0


def test_check_mode_rejects_a_cell_that_shows_a_display_id(tmp_path):
    r = run_runner(tmp_path, "--check", str(FIXTURES / "display-id.ipynb"))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "display id shown as the result of cell 1" in r.stdout
    # the advice in the message works: the same call in braces passes
    r = run_runner(tmp_path, "--check", str(FIXTURES / "display-braces.ipynb"))
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_kernel_sees_the_mode_from_the_environment(tmp_path):
    env = dict(os.environ, WIDENETS_MODE="quick")
    assert run_runner(tmp_path, str(FIXTURES / "env.ipynb"), env=env).returncode == 0
    env["WIDENETS_MODE"] = "full"
    assert run_runner(tmp_path, str(FIXTURES / "env.ipynb"), env=env).returncode == 1


def test_a_missing_notebook_is_named(tmp_path):
    r = run_runner(tmp_path, str(tmp_path / "nowhere.ipynb"))
    assert r.returncode == 2
    assert "no such notebook" in r.stderr and "nowhere.ipynb" in r.stderr


def _bin_without_java(tmp_path, fake_java=None):
    """A PATH holding only the tools the scripts need, and optionally a fake `java`."""
    b = tmp_path / "bin"
    b.mkdir()
    for tool in ["bash", "dirname", "awk", "cut", "cat", "env"]:
        found = shutil.which(tool)
        if found:
            (b / tool).symlink_to(found)
    if fake_java:
        (b / "java").write_text(f"#!/bin/bash\necho '{fake_java}' >&2\n")
        (b / "java").chmod(0o755)
    return str(b)


def test_no_java_on_path_is_explained(tmp_path):
    env = dict(os.environ, PATH=_bin_without_java(tmp_path))
    r = subprocess.run(["bash", str(ROOT / "scripts" / "run-notebooks")], capture_output=True, text=True, env=env)
    assert r.returncode == 2
    assert "no 'java' on PATH" in r.stderr and "JDK 17" in r.stderr


def test_an_old_java_is_explained(tmp_path):
    env = dict(os.environ, PATH=_bin_without_java(tmp_path, 'openjdk version "11.0.2" 2019-01-15'))
    r = subprocess.run(["bash", str(ROOT / "scripts" / "run-notebooks")], capture_output=True, text=True, env=env)
    assert r.returncode == 2
    assert "version 11.0.2" in r.stderr and "17 or newer" in r.stderr


def test_a_missing_venv_names_the_command_that_installs_it(tmp_path):
    env = dict(os.environ, WIDENETS_VENV=str(tmp_path / "no-venv"))
    r = subprocess.run(["bash", str(ROOT / "scripts" / "run-notebooks")], capture_output=True, text=True, env=env)
    assert r.returncode == 2
    assert "scripts/setup-kernel" in r.stderr
