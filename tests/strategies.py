"""Hypothesis strategies shared by test modules."""

from __future__ import annotations

from hypothesis import strategies as st

# JSON values with the characters json.dumps escapes, non-ASCII, and nesting.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='aé日\n"\\ '),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(alphabet="abé", max_size=3), inner, max_size=3),
    max_leaves=12,
)
