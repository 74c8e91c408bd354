"""Semantic checks on a parsed tree: the graph, the conditions, the paths, and the ids it refers to.

`build_tree` (shape and graph) runs wherever a tree is loaded, the browser included;
`reference_problems` and `coverage_problems` run in decision.project.rulebook.read_project, which both
`python -m decision check` and the build's first plugin (procedures-rules) call.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from decision.problems import Problem, RuleError
from decision.trees.conditions import AnswerIncludes, AnswerIs, Atom, DateComparison, atoms
from decision.trees.paths import enumerate_paths
from decision.trees.tree import TODAY, Question, Tree, parse_tree

_FORM_KINDS = {AnswerIs: ("choice", "yes_no_not_sure"), AnswerIncludes: ("multi",), DateComparison: ("date",)}
_FORM_NAMES = {AnswerIs: "equals / in", AnswerIncludes: "includes / includes_any", DateComparison: "date"}


@dataclass(frozen=True)
class Known:
    """The ids a tree may name outside itself."""

    clauses: frozenset[str]
    clocks: frozenset[str] | None  # None when decision/clocks.yaml cannot be read (reported once, elsewhere)
    trees: frozenset[str]
    pages: frozenset[str]  # guidance pages, docs-relative: "kent/national-panel.md"


def build_tree(raw: object, origin: str) -> Tree:
    """The tree in `raw`, checked for shape and structure; RuleError lists every problem."""
    tree = parse_tree(raw, origin)
    problems = structure_problems(tree)
    if problems:
        raise RuleError(problems)
    return tree


def structure_problems(tree: Tree) -> list[Problem]:
    """Every next names a node; every node is reachable; no cycle; conditions name earlier answers."""
    problems = _target_problems(tree) + _cycle_problems(tree)
    if not problems:  # each later check needs the graph the earlier ones vouch for
        problems = _unreachable_problems(tree)
    if not problems:
        problems = _condition_problems(tree) + _check_problems(tree)
    return problems


def coverage_problems(tree: Tree) -> list[Problem]:
    """Branches no answers can take and outcomes no path reaches (run on a structurally sound tree)."""
    paths = enumerate_paths(tree)
    taken = {step for path in paths for step in path.branches}
    reached = {path.outcome for path in paths}
    problems = []
    for question in tree.questions.values():
        for index, branch in enumerate(question.next):
            if (question.id, index) not in taken:
                message = (
                    f"branch {index + 1} (go: {branch.go}) is never taken by any answers; fix or remove it"
                )
                problems.append(Problem(tree.origin, branch.line, tree.node(question.id), message))
    for outcome in tree.outcomes.values():
        if outcome.id not in reached:
            problems.append(Problem(tree.origin, outcome.line, tree.node(outcome.id), "no path reaches it"))
    return problems


def reference_problems(tree: Tree, known: Known) -> list[Problem]:
    """Citations, clocks, hand-offs and the guidance page that do not exist."""
    problems = []
    if tree.guidance not in known.pages:
        message = f"guidance page '{tree.guidance}' is not under docs/"
        problems.append(Problem(tree.origin, tree.lines.get("guidance"), f"tree '{tree.id}'", message))
    for line, node, cites in _citations(tree):
        problems += [
            Problem(tree.origin, line, node, f"cites '{cite}', which is not a clause id in the inventory")
            for cite in cites
            if cite not in known.clauses
        ]
    for outcome in tree.outcomes.values():
        node = tree.node(outcome.id)
        for action in outcome.actions:
            if action.clock is not None and known.clocks is not None and action.clock not in known.clocks:
                message = f"clock '{action.clock}' is not a clock in decision/clocks.yaml"
                problems.append(Problem(tree.origin, action.line, node, message))
        for item in outcome.consider:
            if item.tree is not None and item.tree not in known.trees:
                message = f"hands off to tree '{item.tree}', which is not a tree in decision/rules/"
                problems.append(Problem(tree.origin, item.line, node, message))
    return problems


def _citations(tree: Tree) -> Iterator[tuple[int | None, str, tuple[str, ...]]]:
    for item in tree.not_modelled:
        yield item.line, f"tree '{tree.id}' not_modelled", item.cites
    for question in tree.questions.values():
        node = tree.node(question.id)
        yield question.line, node, question.cites
        for option in question.options:
            yield option.line, f"{node} option '{option.value}'", option.cites
    for outcome in tree.outcomes.values():
        node = tree.node(outcome.id)
        yield outcome.line, node, outcome.cites
        for action in outcome.actions:
            yield action.line, node, action.cites
        for item in outcome.consider:
            yield item.line, node, item.cites


def _target_problems(tree: Tree) -> list[Problem]:
    problems = []
    if tree.start not in tree.questions:
        message = f"start names '{tree.start}', which is not a question"
        problems.append(Problem(tree.origin, tree.lines.get("start"), f"tree '{tree.id}'", message))
    for question in tree.questions.values():
        for branch in question.next:
            if branch.go not in tree.questions and branch.go not in tree.outcomes:
                message = f"next names '{branch.go}', which is not a question or outcome"
                problems.append(Problem(tree.origin, branch.line, tree.node(question.id), message))
    return problems


def _targets(question: Question) -> list[str]:
    return list(dict.fromkeys(branch.go for branch in question.next))


def _cycle_problems(tree: Tree) -> list[Problem]:
    """One problem per cycle, found by depth-first search from every question."""
    problems = []
    finished: set[str] = set()

    def visit(node_id: str, trail: list[str]) -> None:
        if node_id in finished or node_id not in tree.questions:
            return
        if node_id in trail:
            loop = " -> ".join([*trail[trail.index(node_id) :], node_id])
            question = tree.questions[trail[-1]]
            problems.append(
                Problem(
                    tree.origin, question.line, tree.node(question.id), f"next leads round in a cycle: {loop}"
                )
            )
            return
        for target in _targets(tree.questions[node_id]):
            visit(target, [*trail, node_id])
        finished.add(node_id)

    for question_id in tree.questions:
        visit(question_id, [])
    return problems


def _unreachable_problems(tree: Tree) -> list[Problem]:
    reached = {tree.start}
    waiting = [tree.start]
    while waiting:
        for target in _targets(tree.questions[waiting.pop()]):
            if target not in reached:
                reached.add(target)
                if target in tree.questions:
                    waiting.append(target)
    return [
        Problem(
            tree.origin,
            node.line,
            tree.node(node.id),
            f"cannot be reached from the start question '{tree.start}'",
        )
        for node in [*tree.questions.values(), *tree.outcomes.values()]
        if node.id not in reached
    ]


def answered_before(tree: Tree) -> dict[str, frozenset[str]]:
    """For each question, the questions answered on every path from the start to it (needs no cycle)."""
    before: dict[str, frozenset[str]] = {tree.start: frozenset()}
    for question_id in _topological_order(tree):
        after = before[question_id] | {question_id}
        for target in _targets(tree.questions[question_id]):
            if target in tree.questions:
                before[target] = before[target] & after if target in before else after
    return before


def _topological_order(tree: Tree) -> list[str]:
    incoming = dict.fromkeys(tree.questions, 0)
    for question in tree.questions.values():
        for target in _targets(question):
            if target in incoming:
                incoming[target] += 1
    ready = [question_id for question_id, count in incoming.items() if count == 0]
    order = []
    while ready:
        question_id = ready.pop(0)
        order.append(question_id)
        for target in _targets(tree.questions[question_id]):
            if target in incoming:
                incoming[target] -= 1
                if incoming[target] == 0:
                    ready.append(target)
    return order


def _condition_problems(tree: Tree) -> list[Problem]:
    before = answered_before(tree)
    problems = []
    for question in tree.questions.values():
        available = before[question.id] | {question.id}
        for branch in question.next:
            if branch.when is None:
                continue
            for atom in atoms(branch.when):
                for message in _atom_messages(tree, atom, available):
                    problems.append(Problem(tree.origin, branch.line, tree.node(question.id), message))
    return problems


def _atom_messages(tree: Tree, atom: Atom, available: frozenset[str]) -> Iterator[str]:
    if isinstance(atom, DateComparison):
        named = [atom.date] if atom.fixed else [atom.date, atom.other]
    else:
        named = [atom.question]
    if isinstance(atom, DateComparison) and not atom.fixed and atom.date == atom.other:
        yield f"condition compares question '{atom.date}' with itself"
    for question_id in named:
        question = tree.questions.get(question_id)
        if question is None:
            yield f"condition names '{question_id}', which is not a question"
            continue
        if question_id not in available:
            yield f"condition names question '{question_id}', which is not answered on every path to here"
        if question.kind not in _FORM_KINDS[type(atom)]:
            yield f"condition uses {_FORM_NAMES[type(atom)]} on '{question_id}', a {question.kind} question"
        elif not isinstance(atom, DateComparison):
            offered = {option.value for option in question.options}
            for value in atom.values:
                if value not in offered:
                    yield f"condition names option '{value}', which question '{question_id}' does not offer"


def _check_problems(tree: Tree) -> list[Problem]:
    """A date check must compare with a date question answered on every path before this one."""
    before = answered_before(tree)
    problems = []
    for question in tree.questions.values():
        for check in question.checks:
            named = check.not_before or check.not_after
            if named == TODAY:
                continue
            earlier = tree.questions.get(named)
            if earlier is None or earlier.kind != "date":
                message = f"check names '{named}', which is not a date question"
            elif named not in before[question.id]:
                message = f"check names question '{named}', which is not answered on every path to here"
            else:
                continue
            problems.append(Problem(tree.origin, check.line, tree.node(question.id), message))
    return problems
