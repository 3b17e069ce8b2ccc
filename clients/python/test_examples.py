"""The generated Python client (olympia_kg_client, by ariadne-codegen) against the real server.

Every examples/*.graphql operation is a method of the generated `Client`; each one, run against
a live olympia-kg on a free loopback port, must return the committed examples/NAME.json `data`
once its pydantic result is dumped by alias (`__typename`, `from`, `object`, camelCase names).

The binary is $OLYMPIA_KG_BIN, else target/debug/olympia-kg (`cargo build --locked`). Run with
clients/python/run-tests.sh, which makes the venv and checks the generated code is current.
"""

import json
import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import pytest
import toml
from ariadne_codegen.utils import str_to_snake_case
from graphql import (
    GraphQLScalarType,
    OperationDefinitionNode,
    build_schema,
    parse,
    print_ast,
    specified_scalar_types,
)

from olympia_kg_client import Client

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
EXAMPLES = REPO / "examples"
BINARY = Path(os.environ.get("OLYMPIA_KG_BIN") or REPO / "target" / "debug" / "olympia-kg")
FIX = "UPDATE_EXPECT=1 clients/python/run-tests.sh"

EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.graphql"))


def operation(name: str) -> OperationDefinitionNode:
    """The one operation of examples/NAME.graphql."""
    document = parse((EXAMPLES / f"{name}.graphql").read_text(encoding="utf-8"))
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    assert len(ops) == 1 and ops[0].name, f"examples/{name}.graphql: expected one named operation"
    return ops[0]


def method_name(name: str) -> str:
    """The generated Client method of examples/NAME.graphql: its operation name in snake_case."""
    return str_to_snake_case(operation(name).name.value)


def expected_data(name: str):
    path = EXAMPLES / f"{name}.json"
    assert path.exists(), f"examples/{name}.graphql has no committed response examples/{name}.json"
    body = json.loads(path.read_text(encoding="utf-8"))
    assert set(body) == {"data"}, f"examples/{name}.json: expected only `data`, got {sorted(body)}"
    return body["data"]


def dump(result) -> dict:
    return result.model_dump(by_alias=True, mode="json")


def canonical(value) -> str:
    """JSON text with sorted keys: equal only when types agree too (1 vs 1.0, 1 vs true)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def generated_methods() -> set[str]:
    return {n for n, v in vars(Client).items() if callable(v) and not n.startswith("_")}


# ---- the server -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env() -> dict:
    """This process's environment without OLYMPIA_* settings, so only the arguments configure it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OLYMPIA_")}
    env["NO_COLOR"] = "1"
    return env


class Server:
    def __init__(self, base: str, process: subprocess.Popen, log):
        self.base = base
        self.graphql = f"{base}/graphql"
        self.process = process
        self.log = log

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def start_server(attempts: int = 3, ready_seconds: float = 30) -> Server:
    if not BINARY.exists():
        raise RuntimeError(
            f"{BINARY} is missing: run `cargo build --locked` in {REPO} (or set OLYMPIA_KG_BIN)"
        )
    error = None
    # Another process may take the port between our probe and the server's bind: retry then.
    for _ in range(attempts):
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = tempfile.TemporaryFile()
        process = subprocess.Popen(
            [str(BINARY), "--addr", f"127.0.0.1:{port}", "--log-level", "warn"],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=clean_env(),
        )
        server = Server(base, process, log)
        deadline = time.monotonic() + ready_seconds
        delay = 0.01
        while True:
            if process.poll() is not None:
                error = (
                    f"olympia-kg exited ({process.returncode}) before answering /health:\n"
                    + server.output()
                )
                break
            try:
                response = httpx.get(f"{base}/health", timeout=1)
                if response.status_code == 200 and response.json().get("status") == "ok":
                    return server
            except (httpx.HTTPError, ValueError):
                pass  # not listening yet
            if time.monotonic() > deadline:
                error = (
                    f"olympia-kg did not answer {base}/health within {ready_seconds} s:\n"
                    + server.output()
                )
                break
            time.sleep(delay)
            delay = min(delay * 2, 0.2)
        server.stop()
    raise RuntimeError(error)


@pytest.fixture(scope="session")
def server():
    running = start_server()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def client(server):
    with Client(url=server.graphql) as c:
        yield c


# ---- the generated code covers the examples (no server needed) ---------------------------------


def test_examples_exist():
    assert EXAMPLE_NAMES, f"no examples/*.graphql in {EXAMPLES}"


def test_every_example_has_a_generated_method():
    methods = generated_methods()
    missing = [
        f"examples/{n}.graphql (operation {operation(n).name.value}, method {method_name(n)})"
        for n in EXAMPLE_NAMES
        if method_name(n) not in methods
    ]
    extra = sorted(methods - {method_name(n) for n in EXAMPLE_NAMES})
    assert not missing, f"no generated Client method for {', '.join(missing)}: run `{FIX}`"
    assert not extra, f"generated Client methods with no examples/*.graphql: {extra}: run `{FIX}`"


class Recorder:
    """An http_client for the generated Client that keeps the request and answers `{"data": {}}`."""

    def __init__(self):
        self.requests = []

    def post(self, url, json=None, **kwargs):
        self.requests.append(json)
        return httpx.Response(200, json={"data": {}})

    def close(self):
        pass


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_generated_method_sends_the_example(name):
    """The method sends the example's operation as written (after graphql-core's printing)."""
    recorder = Recorder()
    method = getattr(
        Client(url="http://unused.invalid/graphql", http_client=recorder), method_name(name), None
    )
    assert method, f"no generated Client method for examples/{name}.graphql: run `{FIX}`"
    try:
        method()
    except Exception:  # noqa: BLE001 - `{"data": {}}` does not validate; the request is what counts
        pass
    [sent] = recorder.requests
    assert sent["operationName"] == operation(name).name.value
    example = parse((EXAMPLES / f"{name}.graphql").read_text(encoding="utf-8"))
    assert print_ast(parse(sent["query"])) == print_ast(example), (
        f"the generated method for examples/{name}.graphql sends another operation: run `{FIX}`"
    )


def test_every_custom_scalar_has_a_python_type():
    """A custom scalar without [tool.ariadne-codegen.scalars] would be typed `Any`."""
    schema = build_schema((REPO / "schema.graphql").read_text(encoding="utf-8"))
    custom = sorted(
        name
        for name, t in schema.type_map.items()
        if isinstance(t, GraphQLScalarType)
        and name not in specified_scalar_types
        and not name.startswith("__")
    )
    configured = toml.load(HERE / "pyproject.toml")["tool"]["ariadne-codegen"].get("scalars", {})
    missing = [name for name in custom if name not in configured]
    assert not missing, (
        f"schema.graphql's custom scalars {missing} have no Python type: add "
        + " ".join(f'[tool.ariadne-codegen.scalars.{n}] type = "str"' for n in missing)
        + f" to clients/python/pyproject.toml and run `{FIX}`"
    )


# ---- against the live server ------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_result_equals_committed_json(client, name):
    result = getattr(client, method_name(name))()
    actual, expected = dump(result), expected_data(name)
    assert actual == expected
    assert canonical(actual) == canonical(expected)


def test_entities_page_after_gives_the_next_page(client, server):
    """`People(after:)` with the first endCursor: the next five people, as a plain POST has them."""
    first = client.people()
    assert dump(first) == expected_data("entities-page")
    assert first.entities.page_info.has_next_page
    after = first.entities.page_info.end_cursor
    assert after

    second = client.people(after=after)

    raw = httpx.post(
        server.graphql,
        json={
            "query": (EXAMPLES / "entities-page.graphql").read_text(encoding="utf-8"),
            "variables": {"after": after},
        },
        headers={"accept": "application/graphql-response+json, application/json"},
        timeout=10,
    )
    assert raw.status_code == 200, raw.text
    body = raw.json()
    assert "errors" not in body, body
    assert dump(second) == body["data"]
    assert canonical(dump(second)) == canonical(body["data"])

    first_ids = [e.node.id for e in first.entities.edges]
    second_ids = [e.node.id for e in second.entities.edges]
    assert second_ids and not set(first_ids) & set(second_ids), (first_ids, second_ids)
    assert second.entities.total_count == first.entities.total_count
    assert second.entities.edges[0].cursor != first.entities.edges[-1].cursor
