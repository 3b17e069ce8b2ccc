"""Generates olympia_kg_client/ with ariadne-codegen, or checks that the committed one is current.

    python codegen.py          # rewrite olympia_kg_client/ from schema.graphql, examples/*.graphql
    python codegen.py --check  # generate into a temporary directory, compare; exit 1 if different

Run it in the venv run-tests.sh makes (requirements.txt pins ariadne-codegen). The configuration
is pyproject.toml's [tool.ariadne-codegen], with one change: ariadne-codegen reads every .graphql
file under `queries_path`, subdirectories included, and examples/ has examples/datasets/ (another
dataset's schema and operations) under it; so the top-level `queries_path/*.graphql` files are
copied to a temporary directory and that is what ariadne-codegen reads.
"""

import argparse
import contextlib
import difflib
import filecmp
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path

import toml

HERE = Path(__file__).resolve().parent
FIX = "UPDATE_EXPECT=1 clients/python/run-tests.sh"


def load_config() -> dict:
    return toml.load(HERE / "pyproject.toml")


def generate(out_dir: Path) -> Path:
    """Generates the package into out_dir; returns the package's directory."""
    from ariadne_codegen.main import client

    config = load_config()
    section = config["tool"]["ariadne-codegen"]
    queries = (HERE / section["queries_path"]).resolve()
    files = sorted(queries.glob("*.graphql"))
    if not files:
        sys.exit(f"codegen.py: no .graphql file in {queries}")
    sys.path.insert(0, str(HERE))  # codegen_plugin
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="olympia-kg-queries-") as staged:
        for f in files:
            shutil.copyfile(f, Path(staged) / f.name)
        section["queries_path"] = staged
        section["target_package_path"] = str(out_dir)
        os.chdir(HERE)  # schema_path is relative to this directory
        log = io.StringIO()
        try:
            with contextlib.redirect_stdout(log):
                client(config)
        except BaseException:
            print(log.getvalue(), file=sys.stderr)
            raise
        finally:
            os.chdir(cwd)
    return out_dir / section["target_package_name"]


def tree(root: Path) -> dict[str, Path]:
    return {
        p.relative_to(root).as_posix(): p
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def check() -> int:
    package = load_config()["tool"]["ariadne-codegen"]["target_package_name"]
    committed = HERE / package
    with tempfile.TemporaryDirectory(prefix="olympia-kg-codegen-") as tmp:
        fresh = generate(Path(tmp))
        want, have = tree(fresh), tree(committed) if committed.is_dir() else {}
        problems = []
        for name in sorted(want.keys() - have.keys()):
            problems.append(f"missing: clients/python/{package}/{name}")
        for name in sorted(have.keys() - want.keys()):
            problems.append(f"not generated any more: clients/python/{package}/{name}")
        for name in sorted(want.keys() & have.keys()):
            if not filecmp.cmp(want[name], have[name], shallow=False):
                diff = difflib.unified_diff(
                    have[name].read_text(encoding="utf-8").splitlines(keepends=True),
                    want[name].read_text(encoding="utf-8").splitlines(keepends=True),
                    f"committed/{package}/{name}",
                    f"generated/{package}/{name}",
                )
                problems.append("".join(list(diff)[:60]).rstrip("\n"))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(
            f"\ncodegen.py: clients/python/{package}/ is not what ariadne-codegen generates from "
            f"schema.graphql and examples/*.graphql: run `{FIX}` and commit it",
            file=sys.stderr,
        )
        return 1
    print(f"codegen.py: clients/python/{package}/ is up to date ({len(want)} files)")
    return 0


def update() -> int:
    package = load_config()["tool"]["ariadne-codegen"]["target_package_name"]
    with tempfile.TemporaryDirectory(prefix="olympia-kg-codegen-") as tmp:
        fresh = generate(Path(tmp))
        committed = HERE / package
        # Replace the whole package, so the module of a removed example goes too.
        shutil.rmtree(committed, ignore_errors=True)
        shutil.copytree(fresh, committed)
    print(f"codegen.py: rewrote clients/python/{package}/")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="compare instead of rewriting")
    args = parser.parse_args()
    return check() if args.check else update()


if __name__ == "__main__":
    sys.exit(main())
