"""The graph exports (`olympia-kg export --format …`), read by the tools analysts use.

NetworkX reads the GraphML and finds the API's counts, shortest paths, components and
articulation points; rdflib parses the N-Triples and the JSON-LD into the same graph and a
SPARQL query over each returns the Olympic flag's handover, as the API's `chain` does; Graphviz
renders the DOT to a PNG. Each export is of the embedded seed, the same graph the server serves.

Run with clients/python/run-tests.sh; Graphviz's `dot` must be on PATH (Debian:
`apt-get install -y graphviz`).
"""

import json
import shutil
import subprocess

import httpx
import networkx as nx
import pytest
import rdflib
from rdflib.compare import isomorphic

from test_examples import BINARY, EXAMPLES, clean_env, start_server

FORMATS = {"graphml": "graphml", "dot": "dot", "ntriples": "nt", "jsonld": "jsonld"}


@pytest.fixture(scope="module")
def server():
    running = start_server()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Every graph format of the seed, written by the binary into a fresh directory."""
    out = tmp_path_factory.mktemp("export")
    paths = {}
    for fmt, ext in FORMATS.items():
        path = out / f"seed.{ext}"
        done = subprocess.run(
            [str(BINARY), "export", "--format", fmt, "--out", str(path)],
            env=clean_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, f"export --format {fmt} failed:\n{done.stderr}"
        assert path.stat().st_size > 0
        paths[fmt] = path
    return paths


def api(server, query: str) -> dict:
    body = httpx.post(server.graphql, json={"query": query}, timeout=30).json()
    assert "errors" not in body, body
    return body["data"]


@pytest.fixture(scope="module")
def graph(exported):
    return nx.read_graphml(exported["graphml"])


def test_networkx_reads_the_graphml_with_the_apis_counts(graph, server):
    stats = api(server, "{ stats { entityCount relationCount } }")["stats"]
    # Two claims between the same entities are two edges: NetworkX makes a multigraph.
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_nodes() == stats["entityCount"]
    assert graph.number_of_edges() == stats["relationCount"]
    assert graph.nodes["tom-cruise"]["name"] == "Tom Cruise"
    assert graph.nodes["tom-cruise"]["kind"] == "person"
    # Evidence rides on each edge: the quote and every piece as JSON with its character span.
    _, _, handover = next(
        (a, b, d)
        for a, b, d in graph.edges(data=True)
        if d["predicate"] == "HANDED_FLAG_TO" and not d["inferred"]
    )
    evidence = json.loads(handover["evidence"])
    assert evidence[0]["quote"] == handover["quote"]
    assert evidence[0]["end"] > evidence[0]["start"]


@pytest.mark.parametrize(
    "start,end", [("snoop-dogg", "emmanuel-macron"), ("simone-biles", "manu-bhaker")]
)
def test_networkx_finds_the_apis_shortest_path(graph, server, start, end):
    found = api(
        server,
        f"""{{ path(from: "{start}", to: "{end}", maxHops: 6, throughQualifiers: false) {{
              length nodes {{ id }} }} }}""",
    )["path"]
    assert found is not None, f"the API finds a path from {start} to {end}"
    either_way = graph.to_undirected()
    assert nx.shortest_path_length(either_way, start, end) == found["length"]
    ids = [n["id"] for n in found["nodes"]]
    assert ids in list(nx.all_shortest_paths(either_way, start, end))


def test_networkx_finds_the_apis_components_and_brokers(graph, server):
    data = api(
        server,
        """{ components(first: 100) { size }
             brokers(first: 100) { entity { id } } }""",
    )
    simple = nx.Graph(graph.to_undirected())
    sizes = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    assert [c["size"] for c in data["components"]] == sizes
    assert {b["entity"]["id"] for b in data["brokers"]} == set(nx.articulation_points(simple))


# The Olympic flag's handover and the host cities', as the reports state them (not inferred),
# in their order: the chain the API's `chain` follows in examples/flag-handover-chain.graphql.
HANDOVERS = """
PREFIX ns: <https://olympia-kg.example/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <https://schema.org/>
SELECT ?predicate ?from ?to WHERE {
  VALUES ?predicate { ns:HANDED_FLAG_TO ns:HANDED_GAMES_TO }
  ?claim rdf:predicate ?predicate ; rdf:subject ?a ; rdf:object ?b ; ns:inferred false .
  OPTIONAL { ?claim ns:order ?order }
  ?a schema:name ?from .
  ?b schema:name ?to .
} ORDER BY ?predicate ?order ?from
"""


@pytest.fixture(scope="module")
def rdf_graphs(exported):
    triples = rdflib.Graph().parse(exported["ntriples"], format="nt")
    jsonld = rdflib.Graph().parse(exported["jsonld"], format="json-ld")
    return triples, jsonld


def test_rdflib_reads_the_same_graph_from_ntriples_and_jsonld(rdf_graphs):
    triples, jsonld = rdf_graphs
    assert len(triples) > 1000
    assert len(triples) == len(jsonld)
    assert isomorphic(triples, jsonld)
    person = rdflib.URIRef("https://schema.org/Person")
    cruise = rdflib.URIRef("https://olympia-kg.example/id/tom-cruise")
    assert (cruise, rdflib.RDF.type, person) in triples


def test_sparql_returns_the_flag_handover_chain(rdf_graphs):
    example = json.loads((EXAMPLES / "flag-handover-chain.json").read_text(encoding="utf-8"))
    expected = [
        (predicate, step["subject"]["name"], step["object"]["name"])
        for predicate, chain in (("HANDED_FLAG_TO", "hands"), ("HANDED_GAMES_TO", "cities"))
        for step in example["data"][chain]
    ]
    assert expected, "the example has handovers"
    for graph in rdf_graphs:
        rows = [
            (str(row.predicate).split("#")[1], str(row["from"]), str(row.to))
            for row in graph.query(HANDOVERS)
        ]
        assert rows == expected


def test_graphviz_renders_the_dot(exported, tmp_path):
    dot = shutil.which("dot")
    assert dot, "Graphviz's `dot` is missing: apt-get install -y graphviz"
    png = tmp_path / "seed.png"
    done = subprocess.run(
        [dot, "-Tpng", str(exported["dot"]), "-o", str(png)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
