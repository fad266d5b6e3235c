"""Compare a rendered case against its hand-written facts.json (a subset of the record)."""

from __future__ import annotations

from typing import Any


def mismatches(facts: Any, actual: Any, path: str = "") -> list[str]:
    """Every place where a fact differs from the output; lists of participants match by name."""
    problems: list[str] = []
    if isinstance(facts, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        for key, value in facts.items():
            if key in ("not_releases",):
                continue
            problems += mismatches(value, actual.get(key), f"{path}.{key}" if path else key)
        return problems
    if isinstance(facts, list):
        if not isinstance(actual, list):
            return [f"{path}: expected a list, got {actual!r}"]
        if path.endswith("participants"):
            for person in facts:
                match = next((a for a in actual if a.get("name") == person.get("name")), None)
                if match is None:
                    problems.append(
                        f"{path}: no participant named {person.get('name')!r} (got {[a.get('name') for a in actual]})"
                    )
                else:
                    problems += mismatches(person, match, f"{path}[{person.get('name')}]")
            if len(actual) > len(facts):
                extra = [a.get("name") for a in actual if a.get("name") not in {p.get("name") for p in facts}]
                problems.append(f"{path}: unexpected participants {extra}")
            return problems
        if len(facts) != len(actual):
            problems.append(f"{path}: expected {len(facts)} items, got {len(actual)}")
        for index, (want, got) in enumerate(zip(facts, actual, strict=False)):
            problems += mismatches(want, got, f"{path}[{index}]")
        return problems
    if facts != actual:
        problems.append(f"{path}: expected {facts!r}, got {actual!r}")
    return problems
