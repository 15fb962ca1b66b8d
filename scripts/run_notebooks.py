"""Execute widenets notebooks headless on the JJava kernel and check them.

Usage: run_notebooks.py [--out DIR] [--timeout S] [--startup-timeout S] [--check] NOTEBOOK...

For every notebook: execute it with nbclient (kernel ``java``) in its own folder, always write the
executed notebook (a failed one too, for diagnosis), an HTML rendering and every image/png output as
``DIR/<name>/figure-<k>.png``. With ``--check`` an executed notebook must also hold no error output,
at least one image/png, and no cell whose shown result is only a display id. Exit status 0 only if every notebook passed.
"""
import argparse
import base64
import pathlib
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter


def figures(nb):
    """All image/png outputs of a notebook, in order."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/png" in data:
                yield base64.b64decode(data["image/png"])


def errors(nb):
    """Error outputs of a notebook as short strings."""
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}".strip())
    return found


DISPLAY_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def stray_display_ids(nb):
    """Cells whose result is only the id that JJava's display(…) returns: the cell ended in display(…),
    so the reader sees a meaningless UUID under the table (wrap the call in braces to drop its value)."""
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/plain", "") if out.get("output_type") == "execute_result" else ""
            if DISPLAY_ID.fullmatch("".join(text).strip()):
                found.append(f"cell {i}")
    return found


def run(src: pathlib.Path, out_dir: pathlib.Path, timeout: int, startup_timeout: int, check: bool) -> bool:
    nb = nbformat.read(src, as_version=4)
    client = NotebookClient(nb, kernel_name="java", timeout=timeout, startup_timeout=startup_timeout,
                            resources={"metadata": {"path": str(src.parent.resolve())}})
    ok, reason = True, ""
    start = time.monotonic()
    try:
        client.execute()
    except Exception as e:  # CellExecutionError, CellTimeoutError, DeadKernelError, startup failures
        ok, reason = False, f"{type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else ''}"
    finally:
        seconds = time.monotonic() - start
        out_dir.mkdir(parents=True, exist_ok=True)
        dst = out_dir / src.name
        nbformat.write(nb, dst)
        html, _ = HTMLExporter().from_notebook_node(nb)
        dst.with_suffix(".html").write_text(html, encoding="utf-8")
        fig_dir = out_dir / src.stem
        if fig_dir.exists():
            for old in fig_dir.glob("figure-*.png"):
                old.unlink()
        pngs = list(figures(nb))
        for k, png in enumerate(pngs, start=1):
            fig_dir.mkdir(parents=True, exist_ok=True)
            (fig_dir / f"figure-{k}.png").write_bytes(png)
    if ok and check:
        errs = errors(nb)
        if errs:
            ok, reason = False, "error output in " + "; ".join(errs)
        elif not pngs:
            ok, reason = False, "no image/png output (every notebook must draw at least one figure)"
        elif stray_display_ids(nb):
            ok, reason = False, ("a display id shown as the result of " + ", ".join(stray_display_ids(nb))
                                 + ": the cell ends in display(…); wrap that call in braces")
    status = "PASSED" if ok else "FAILED"
    print(f"{status} {src} in {seconds:.1f} s, {len(pngs)} figure(s) -> {dst}"
          + ("" if ok else f"\n  {reason}"), flush=True)
    return ok


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("notebooks", nargs="+", type=pathlib.Path)
    p.add_argument("--out", type=pathlib.Path, default=pathlib.Path("build/notebooks"))
    p.add_argument("--timeout", type=int, default=1800, help="per-cell timeout in seconds")
    p.add_argument("--startup-timeout", type=int, default=120)
    p.add_argument("--check", action="store_true", help="also require no error output and a figure")
    a = p.parse_args(argv)
    missing = [str(n) for n in a.notebooks if not n.is_file()]
    if missing:
        print("no such notebook: " + ", ".join(missing), file=sys.stderr)
        return 2
    results = [run(n, a.out, a.timeout, a.startup_timeout, a.check) for n in a.notebooks]
    passed = sum(results)
    print(f"notebooks: {passed} passed, {len(results) - passed} failed", flush=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
