#!/usr/bin/python3
"""Reads every network file collabnet writes with the readers the ecosystem
uses for that format (Debian's python3-networkx and python3-igraph), and
compares nodes, ties, direction and weights with what was written.

The district (data/district) is mixed: directed and undirected ties. The
readers hold no mixed graph, so collabnet writes it directed, each
undirected tie as its two arcs, and the projection checked is that arc
multiset: (source, target, weight) per arc; the arcs of an undirected tie,
and only they, carry undirected = true (by which collabnet reads them back
as one tie). Pajek holds one relation per
reader (networkx and igraph read no multi-relational file), so Pajek is
checked on a plain network, as docs/data-formats.md advises. The
transmission trees `simulate --tree` writes are read as networkx forests.

Usage: read_back.py COLLABNET REPO_ROOT
"""

import collections
import csv
import os
import subprocess
import sys
import tempfile

import igraph
import networkx


def district_arcs(folder):
    """The arc multiset of a district CSV folder, as a directed network."""
    arcs = collections.Counter()
    with open(os.path.join(folder, "ties.csv"), newline="") as f:
        for row in csv.DictReader(f):
            w = float(row["weight"]) if row["weight"] else 1.0
            arcs[(row["source"], row["target"], w)] += 1
            if row["directed"] != "true":
                arcs[(row["target"], row["source"], w)] += 1
    return arcs


def district_undirected_arcs(folder):
    """How many arcs the district's undirected ties make."""
    with open(os.path.join(folder, "ties.csv"), newline="") as f:
        return 2 * sum(row["directed"] != "true" for row in csv.DictReader(f))


def nx_marked(g):
    return sum(1 for _, _, d in g.edges(data=True) if d.get("undirected"))


def teachers(folder):
    with open(os.path.join(folder, "teachers.csv"), newline="") as f:
        return {row["id"] for row in csv.DictReader(f)}


def nx_arcs(g, weight="weight"):
    arcs = collections.Counter()
    for u, v, d in g.edges(data=True):
        arcs[(str(u), str(v), float(d[weight]))] += 1
    return arcs


def ig_arcs(g, name="name", id_attr=None):
    names = g.vs[id_attr] if id_attr else g.vs[name]
    ws = g.es["weight"]
    arcs = collections.Counter()
    for e, w in zip(g.es, ws):
        arcs[(str(names[e.source]), str(names[e.target]), float(w))] += 1
    return arcs


def main():
    collabnet, repo = sys.argv[1], sys.argv[2]
    failures = []

    def check(what, got, want):
        if got != want:
            extra = list((got - want).items())[:3]
            missing = list((want - got).items())[:3]
            failures.append(f"{what}: {sum(got.values())} arcs against "
                            f"{sum(want.values())}; extra {extra}, "
                            f"missing {missing}")
        else:
            print(f"ok  {what}: {sum(got.values())} arcs")

    def check_nodes(what, got, want):
        if set(got) != set(want):
            failures.append(f"{what}: {len(got)} nodes against {len(want)}")

    with tempfile.TemporaryDirectory() as work:
        district = os.path.join(repo, "data", "district")
        want = district_arcs(district)
        ids = teachers(district)
        for name in ("d.graphml", "d.gexf", "d.edges"):
            subprocess.run([collabnet, "convert", "--in", district, "--out",
                            os.path.join(work, name)], check=True,
                           stderr=subprocess.DEVNULL)
        p = lambda n: os.path.join(work, n)

        g = networkx.read_graphml(p("d.graphml"))
        check("networkx GraphML", nx_arcs(g), want)
        check_nodes("networkx GraphML", g.nodes, ids)
        if not g.is_directed():
            failures.append("networkx GraphML: read as undirected")
        marked = district_undirected_arcs(district)
        if nx_marked(g) != marked:
            failures.append(f"networkx GraphML: {nx_marked(g)} arcs marked "
                            f"undirected, not {marked}")
        i = igraph.Graph.Read_GraphML(p("d.graphml"))
        check("igraph GraphML", ig_arcs(i, id_attr="id"), want)

        g = networkx.read_gexf(p("d.gexf"))
        # read_gexf keys nodes by their id and reads weights as floats.
        check("networkx GEXF", nx_arcs(g), want)
        check_nodes("networkx GEXF", g.nodes, ids)
        if nx_marked(g) != marked:
            failures.append(f"networkx GEXF: {nx_marked(g)} arcs marked "
                            f"undirected, not {marked}")

        g = networkx.read_edgelist(p("d.edges"), create_using=networkx.MultiDiGraph,
                                   data=[("weight", float)])
        check("networkx edge list", nx_arcs(g), want)
        i = igraph.Graph.Read_Ncol(p("d.edges"), directed=True, weights=True)
        check("igraph edge list", ig_arcs(i), want)

        # A plain weighted directed network, through Pajek and back.
        with open(p("plain.edges"), "w") as f:
            f.write("a b 2\nb c 1\nc a 0.5\na c 3\n")
        plain = collections.Counter({("a", "b", 2.0): 1, ("b", "c", 1.0): 1,
                                     ("c", "a", 0.5): 1, ("a", "c", 3.0): 1})
        subprocess.run([collabnet, "convert", "--directed", "--in",
                        p("plain.edges"), "--out", p("plain.net")], check=True,
                       stderr=subprocess.DEVNULL)
        g = networkx.read_pajek(p("plain.net"))
        check("networkx Pajek", nx_arcs(g), plain)
        check_nodes("networkx Pajek", g.nodes, {"a", "b", "c"})
        i = igraph.Graph.Read_Pajek(p("plain.net"))
        check("igraph Pajek", ig_arcs(i, id_attr="id"), plain)
        # A plain network gains no attributes it never had.
        subprocess.run([collabnet, "convert", "--directed", "--in",
                        p("plain.edges"), "--out", p("plain.graphml")],
                       check=True, stderr=subprocess.DEVNULL)
        g = networkx.read_graphml(p("plain.graphml"))
        invented = {k for _, d in g.nodes(data=True) for k in d}
        if invented:
            failures.append(f"plain GraphML nodes carry {sorted(invented)}")

        # The transmission trees: networkx reads each replicate's rows as a
        # directed forest rooted at the leaders (and the broadcast) whose
        # arcs are arcs of the district.
        subprocess.run([collabnet, "simulate", "--replicates", "20", "--tree",
                        p("tree.csv"), "--tree-replicates", "0,5-7"],
                       check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        arcs = {(u, v) for (u, v, _) in want}
        by_replicate = collections.defaultdict(list)
        with open(p("tree.csv"), newline="") as f:
            for row in csv.DictReader(f):
                by_replicate[row["replicate"]].append(row)
        if sorted(by_replicate) != ["0", "5", "6", "7"]:
            failures.append(f"tree: replicates {sorted(by_replicate)}")
        for replicate, rows in by_replicate.items():
            tree = networkx.DiGraph()
            tree.add_nodes_from(r["target"] for r in rows)
            tree.add_edges_from((r["source"], r["target"]) for r in rows
                                if r["source"])
            roots = {r["target"] for r in rows if not r["source"]}
            if not networkx.is_forest(tree) or any(
                    tree.in_degree(v) != (v not in roots) for v in tree):
                failures.append(f"tree {replicate}: not a forest from its roots")
            if len(rows) != tree.number_of_nodes():
                failures.append(f"tree {replicate}: a teacher reached twice")
            stray = [e for e in tree.edges if e not in arcs]
            if stray:
                failures.append(f"tree {replicate}: {stray[:3]} are no ties")
        print(f"ok  networkx transmission trees: {len(by_replicate)} replicates")

    for f in failures:
        print("FAILED " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
