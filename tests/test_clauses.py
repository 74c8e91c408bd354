"""The project's clause inventory: read strictly, and every clause that sets a rule is cited by one."""

import re

from decision.project.clauses import MUST_BE_CITED, read_clauses
from decision.project.rulebook import Project

PROJECT = Project()


def test_every_threshold_route_and_timescale_clause_is_cited_by_a_rule_or_clock() -> None:
    clauses = read_clauses(PROJECT.clauses_file, "clauses.yaml")
    rule_files = [*PROJECT.rules_dir.glob("*.yaml"), PROJECT.clocks_file]
    text = " ".join(path.read_text(encoding="utf-8") for path in rule_files)
    cited = set(re.findall(r"\b[A-Z]{2}-[A-Z0-9]+(?:-[A-Z0-9]+)*\b", text))
    must = [clause.id for clause in clauses if clause.kind in MUST_BE_CITED]
    assert len(must) == 63
    assert [clause for clause in must if clause not in cited] == []
    assert cited - {clause.id for clause in clauses} == set()
