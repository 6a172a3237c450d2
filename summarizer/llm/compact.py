"""JSON without indentation from llama.cpp servers: a GBNF grammar in the request.

instructor's JSON mode asks for `response_format: json_object`, which llama.cpp answers with its
generic JSON grammar. That grammar lets the model put a newline and up to 20 spaces or tabs after
every brace, bracket, comma and colon, and the 1.5B model indents everything: a third of its
completion tokens were indentation (BENCHMARKS.md, "What else costs time"). The grammar below is
the same JSON grammar with at most one space where that one allowed a newline and indentation.

llama-cpp-python and llama.cpp's server read a `grammar` field in the request body, but only when
`response_format` asks for no JSON grammar of its own (llama-cpp-python replaces the grammar,
llama.cpp refuses both): the request asks for `text` and brings the grammar.
"""

from __future__ import annotations

from typing import Any

COMPACT_JSON_GBNF = r"""
root   ::= object
value  ::= object | array | string | number | ("true" | "false" | "null") ws
object ::= "{" ws ( string ":" ws value ("," ws string ":" ws value)* )? "}" ws
array  ::= "[" ws ( value ("," ws value)* )? "]" ws
string ::= "\"" ( [^"\\\x7F\x00-\x1F] | "\\" (["\\bfnrt] | "u" [0-9a-fA-F]{4}) )* "\"" ws
number ::= ("-"? ([0-9] | [1-9] [0-9]{0,15})) ("." [0-9]+)? ([eE] [-+]? [0-9] [1-9]{0,15})? ws
ws     ::= | " "
"""


def compact_json_body() -> dict[str, Any]:
    """The request body's fields that ask a llama.cpp server for compact JSON."""
    return {"response_format": {"type": "text"}, "grammar": COMPACT_JSON_GBNF}
