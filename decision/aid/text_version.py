"""The text version: the whole tree in headings and lists, with its conditions and checks in words."""

from html import escape

from decision.aid.pieces import (
    Ids,
    cites_inline,
    clock_text,
    guidance,
    hand_off,
    heading,
    not_modelled_list,
    version_text,
    who_does,
)
from decision.aid.view import Site
from decision.aid.wording import say
from decision.trees.conditions import AllOf, AnswerIncludes, AnyOf, Condition, DateComparison, Not
from decision.trees.engine import format_date
from decision.trees.tree import TODAY, Action, DateCheck, Outcome, Question, Tree, reading_order


def text_version_html(site: Site, tree: Tree) -> str:
    """The whole tree in headings and lists, each question and outcome once, linked by in-page ids."""
    ids = Ids(tree)
    body = [
        f"<p>{escape(tree.summary)}</p>",
        f"<p>{escape(say('text_intro'))}</p>",
        f"<p>{say('text_first', target=_node_link(ids, tree, tree.start))}</p>",
        heading(site.level, ids.of("text-questions"), escape(say("text_questions"))),
        *(_text_question(site, tree, ids, question) for question in reading_order(tree)),
        heading(site.level, ids.of("text-outcomes"), escape(say("text_outcomes"))),
        *(_text_outcome(site, ids, outcome) for outcome in tree.outcomes.values()),
        heading(site.level, ids.of("text-not-modelled"), escape(say("not_modelled_heading"))),
        not_modelled_list(site, tree),
        f'<p class="aid-version">{escape(version_text(site.version))}</p>',
    ]
    return (
        f'<details class="aid-text" id="{ids.of("text")}" open>'
        f'<summary class="aid-text__summary">{escape(say("text_summary"))}</summary>'
        f'<div class="aid-text__body">{"".join(body)}</div></details>'
    )


def _text_question(site: Site, tree: Tree, ids: Ids, question: Question) -> str:
    options = "".join(
        f"<li>{escape(option.label)}{' ' + escape(say('text_exclusive')) if option.exclusive else ''} "
        f"{cites_inline(site, option.cites)}</li>"
        for option in question.options
    )
    checks = "".join(f"<p>{escape(check_text(tree, check))}</p>" for check in question.checks)
    kind = escape(say("text_kind")[question.kind]) + (
        f" {cites_inline(site, question.cites)}" if question.cites else ""
    )
    return (
        f'<section class="aid-text__node" aria-labelledby="{ids.node(question.id)}">'
        + heading(site.sub, ids.node(question.id), escape(say("text_question", text=question.text)))
        + (f"<p>{escape(question.help)}</p>" if question.help else "")
        + f"<p>{kind}</p>"
        + (f"<ul>{options}</ul>" if options else "")
        + checks
        + f"<p>{escape(say('text_next' if len(question.next) == 1 else 'text_next_first'))}</p>"
        + f"{_next_html(tree, ids, question)}</section>"
    )


def check_text(tree: Tree, check: DateCheck) -> str:
    """A date check in words, with the message the aid shows."""
    if check.not_after == TODAY:
        return say("text_check_today", message=check.message)
    if check.not_after is not None:
        return say("text_check_after", question=tree.questions[check.not_after].text, message=check.message)
    assert check.not_before is not None  # a check names one or the other (decision.trees.tree)
    return say("text_check", question=tree.questions[check.not_before].text, message=check.message)


def _next_html(tree: Tree, ids: Ids, question: Question) -> str:
    if len(question.next) == 1:
        return f"<ul><li>{say('text_then', target=_node_link(ids, tree, question.next[0].go))}</li></ul>"
    items = []
    for branch in question.next:
        target = _node_link(ids, tree, branch.go)
        if branch.when is None:
            items.append(say("text_otherwise", target=target))
        else:
            items.append(say("text_if", condition=escape(condition_text(tree, branch.when)), target=target))
    # Numbered, because the first line that applies is the one to follow.
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def _text_outcome(site: Site, ids: Ids, outcome: Outcome) -> str:
    actions = "".join(f"<li>{_text_action(site, action)}</li>" for action in outcome.actions)
    consider = "".join(
        f"<li>{escape(item.text)} {cites_inline(site, item.cites)}{hand_off(site, item.tree)}</li>"
        for item in outcome.consider
    )
    urgency = f"{say('urgency_label')} {say('urgency')[outcome.urgency]}"
    section = f'<section class="aid-text__node" aria-labelledby="{ids.node(outcome.id)}">'
    return (
        section
        + heading(site.sub, ids.node(outcome.id), escape(say("text_outcome", decision=outcome.decision)))
        + f"<p>{escape(urgency)}</p>"
        + (f"<p>{escape(outcome.explanation)}</p>" if outcome.explanation else "")
        + guidance(site, list(outcome.cites), say("outcome_cites"))
        + (f"<p>{escape(say('actions_heading'))}:</p><ol>{actions}</ol>" if actions else "")
        + ("" if actions else f"<p>{escape(say('no_actions'))}</p>")
        + (f"<p>{escape(say('consider_heading'))}:</p><ul>{consider}</ul>" if consider else "")
        + "</section>"
    )


def _text_action(site: Site, action: Action) -> str:
    clock = f" {escape(clock_text(site, action.clock))}" if action.clock else ""
    return who_does(site, action.who, action.does, action.cites, clock)


def _node_link(ids: Ids, tree: Tree, node: str) -> str:
    if node in tree.outcomes:
        text = say("text_outcome", decision=tree.outcomes[node].decision)
    else:
        text = say("text_question", text=tree.questions[node].text)
    return f'<a href="#{ids.node(node)}">{escape(text)}</a>'


def condition_text(tree: Tree, condition: Condition) -> str:
    """A routing condition in words, naming the questions and answers as the reader sees them."""
    if isinstance(condition, AllOf | AnyOf):
        joiner = say("cond_and") if isinstance(condition, AllOf) else say("cond_or")
        return joiner.join(_grouped(tree, inner) for inner in condition.conditions)
    if isinstance(condition, Not):
        return say("cond_not", condition=_grouped(tree, condition.condition))
    if isinstance(condition, DateComparison):
        comparison = "before" if condition.before else "on_or_after"
        if condition.fixed:
            return say(f"cond_day_{comparison}", date=tree.questions[condition.date].text,
                       day=format_date(condition.other))  # fmt: skip
        names = {"date": tree.questions[condition.date].text, "other": tree.questions[condition.other].text}
        if condition.plus_years:
            return say(f"cond_years_{comparison}", years=condition.plus_years, **names)
        return say(f"cond_date_{comparison}", **names)
    question = tree.questions[condition.question]
    labels = [_label(question, value) for value in condition.values]
    several = len(labels) > 1
    if isinstance(condition, AnswerIncludes):
        key = "cond_includes_any" if several else "cond_includes"
    else:
        key = "cond_in" if several else "cond_equals"
    values = say("cond_list_separator").join(say("cond_value", label=label) for label in labels)
    return say(key, question=question.text, value=labels[0], values=values)


def _grouped(tree: Tree, condition: Condition) -> str:
    text = condition_text(tree, condition)
    return f"({text})" if isinstance(condition, AllOf | AnyOf) else text


def _label(question: Question, value: str) -> str:
    option = question.option(value)
    return option.label if option else value
