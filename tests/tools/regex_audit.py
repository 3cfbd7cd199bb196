"""Every regular expression in Readout, and adversarial strings built from each one.

The audit finds patterns three ways: compiled patterns held by a module (also
inside tuples, lists and dicts, as ``single._GOVERNMENTS``), literal patterns
passed to ``re.sub``/``re.search``/… inside functions (read from the source with
``ast``), and ``re.compile`` calls with a computed pattern, which must be held
by a module to be found (anything else is reported as not audited).

For each pattern the adversarial strings are "pumps" taken from its own parse
tree — the text one repetition of each quantified part matches, each literal
run, one character of each class — repeated to a given size, alone, with a
space, and in pairs, so that nested or adjacent quantifiers get the input that
makes a backtracking engine try every way of splitting it. A linear pattern
takes about ten times as long on 100 KB as on 10 KB; the growth test and
``make bench`` measure that ratio, each pattern in a forked child so that an
exponential one fails with a message instead of hanging the run.
"""

from __future__ import annotations

import ast
import gc
import importlib
import multiprocessing
import pkgutil
import re
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("desktop", "db")
# Modules that only run in benchmarks or start a GUI when imported.
SKIPPED_MODULES = ("desktop.__main__",)
SMALL = 10_000
LARGE = 100_000
# A linear pattern grows 10x from SMALL to LARGE; n log n about 12x; quadratic 100x.
MAX_GROWTH = 30.0
# Below this the clock says nothing about growth on a shared machine, and a regex that
# is really quadratic takes seconds at 100 KB, not this.
FLOOR_SECONDS = 0.05
CHILD_TIMEOUT = 60.0


# Patterns built at run time inside a function: what builds them, or a representative.
def _find_bar() -> tuple[re.Pattern[str], ...]:
    # The find bar's needle: escaped words joined by \s+ (a literal between quantifiers).
    return (re.compile(r"\s+".join(map(re.escape, ["the", "ministry", "said"])), re.I),)


def _unit_rules() -> tuple[re.Pattern[str], ...]:
    # The unit rules of desktop/engine/data/units.txt, compiled by units._patterns().
    from desktop.engine import units

    # Also the same rules joined into one search a unit (units._searches()).
    return tuple(p for patterns in units._patterns().values() for p in patterns) + tuple(
        p for patterns in units._searches().values() for p in patterns
    )


def _gazetteer() -> tuple[re.Pattern[str], ...]:
    # The cross-language gazetteer: escaped names of data/names.txt, compiled by crosslang.
    from desktop.engine import crosslang

    return tuple(p for _, patterns in crosslang._gazetteer() for p in patterns)


def _acronyms() -> tuple[re.Pattern[str], ...]:
    # The long forms a comparison folds: escaped words joined by [\s-]+, compiled by
    # acronyms.learn() from the data file and from the documents' own definitions.
    from desktop.engine import acronyms

    return acronyms.learn([a.long for a in acronyms.common()]).patterns


def _long_forms() -> tuple[re.Pattern[str], ...]:
    # The same long forms as one search grouped by first letter (lexicon.long_forms_search).
    from desktop.engine import acronyms, lexicon

    return (lexicon.long_forms_search(acronyms.learn([a.long for a in acronyms.common()])),)


def _pysbd_abbreviations() -> tuple[re.Pattern[str], ...]:
    # pysbd's search for its abbreviations with regex syntax in them ("e.g", "ph.d"),
    # run by sbd._pysbd_matches: every one of them.
    from desktop.engine import sbd

    return tuple(
        re.compile(r"(?:^|\s|\r|\n){}".format(stripped), re.I)  # noqa: UP032
        for stripped, literal in sbd._STRIPPED
        if not literal
    )


COMPUTED: dict[str, Callable[[], tuple[re.Pattern[str], ...]]] = {
    "desktop/engine/sbd.py": _pysbd_abbreviations,
    "desktop/engine/acronyms.py": _acronyms,
    "desktop/engine/lexicon.py": _long_forms,
    "desktop/ui/find_bar.py": _find_bar,
    "desktop/engine/units.py": _unit_rules,
    "desktop/engine/crosslang.py": _gazetteer,
}
_FLAGS = {"I": re.I, "IGNORECASE": re.I, "M": re.M, "MULTILINE": re.M, "S": re.S,
          "DOTALL": re.S, "X": re.X, "VERBOSE": re.X, "U": re.U, "UNICODE": re.U,
          "A": re.A, "ASCII": re.A}  # fmt: skip
_FUNCTIONS_WITH_FLAGS_AT = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2,
                            "findall": 2, "finditer": 2, "split": 3, "sub": 4, "subn": 4}  # fmt: skip


@dataclass(frozen=True)
class Audited:
    """One pattern and how the code uses it: ``mode`` is "match" when only ``match``
    or ``fullmatch`` run it (anchored at the start), else "search"."""

    where: str
    pattern: re.Pattern[str] | re.Pattern[bytes]
    mode: str


# -- finding the patterns -------------------------------------------------------


def _module_names() -> Iterator[str]:
    for package in PACKAGES:
        module = importlib.import_module(package)
        yield package
        for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}."):
            if info.name not in SKIPPED_MODULES and ".migrations." not in info.name:
                yield info.name


def _held_patterns(value: Any, depth: int = 0) -> Iterator[re.Pattern[Any]]:
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _held_patterns(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _held_patterns(item, depth + 1)


def _flags(node: ast.expr | None) -> int | None:
    if node is None:
        return 0
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return _FLAGS.get(node.attr) if node.value.id == "re" else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _flags(node.left), _flags(node.right)
        return None if left is None or right is None else left | right
    return None


def _re_calls(tree: ast.AST) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _FUNCTIONS_WITH_FLAGS_AT
        ):
            yield node


def _module_level_calls(tree: ast.Module) -> set[int]:
    """ids of the re.* calls evaluated when the module is imported (not inside a def)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            inside.update(id(call) for call in _re_calls(node))
    return {id(call) for call in _re_calls(tree)} - inside


def _key(audited: Audited) -> tuple[str, Any, int]:
    return (audited.mode, audited.pattern.pattern, audited.pattern.flags)


def _usage_mode(source: str, name: str) -> str:
    used = set(re.findall(rf"\b{re.escape(name)}\.(\w+)\(", source))
    return "match" if used and used <= {"match", "fullmatch"} else "search"


def find_patterns() -> tuple[list[Audited], list[str]]:
    """Every audited pattern, and where a computed pattern could not be found."""
    found: list[Audited] = []
    missed: list[str] = []
    seen: set[tuple[str, Any, int]] = set()

    def add(where: str, pattern: re.Pattern[Any], mode: str, defined_here: bool = True) -> None:
        key = (mode, pattern.pattern, pattern.flags)
        if key not in seen:
            seen.add(key)
            found.append(Audited(where, pattern, mode))
        elif defined_here:  # named after the module that compiles it, not one importing it
            found[:] = [Audited(where, a.pattern, a.mode) if _key(a) == key else a for a in found]

    for name in _module_names():
        module = importlib.import_module(name)
        path = Path(module.__file__ or "")
        source = path.read_text(encoding="utf-8")
        held_ids = set()
        for attr, value in sorted(vars(module).items()):
            if getattr(value, "__module__", name) != name and not isinstance(
                value, re.Pattern | tuple | list | dict | frozenset | set
            ):
                continue
            for pattern in _held_patterns(value):
                held_ids.add(id(pattern))
                defined = bool(re.search(rf"^{re.escape(attr)}\b[^=]*= ", source, re.M))
                add(f"{name}.{attr}", pattern, _usage_mode(source, attr), defined)
        tree = ast.parse(source)
        at_import = _module_level_calls(tree)
        for call in _re_calls(tree):
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            first = call.args[0] if call.args else None
            position = _FUNCTIONS_WITH_FLAGS_AT[call.func.attr]  # type: ignore[attr-defined]
            flag_node = call.args[position] if len(call.args) > position else None
            for keyword in call.keywords:
                if keyword.arg == "flags":
                    flag_node = keyword.value
            flags = _flags(flag_node)
            if id(call) in at_import:
                continue  # evaluated on import: held by the module, audited above
            if isinstance(first, ast.Constant) and isinstance(first.value, str | bytes):
                if flags is None:
                    missed.append(f"{where}: flags not understood")
                    continue
                mode = "match" if call.func.attr in ("match", "fullmatch") else "search"  # type: ignore[attr-defined]
                add(where, re.compile(first.value, flags), mode, False)
            elif str(path.relative_to(ROOT)) in COMPUTED:
                for number, pattern in enumerate(COMPUTED[str(path.relative_to(ROOT))]()):
                    add(f"{where} (pattern {number})", pattern, "search", False)
            else:
                missed.append(f"{where}: computed pattern inside a function")
    return found, missed


# -- adversarial strings ----------------------------------------------------------

_PROBES = " a1.\n<>-*[]()!#_/\\:\"'“”,;A\t"


def _in_set(items: list[tuple[Any, Any]], ch: str) -> bool:
    code = ord(ch)
    result = False
    negate = False
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif (op is sre.LITERAL and av == code) or (op is sre.RANGE and av[0] <= code <= av[1]):
            result = True
        elif op is sre.CATEGORY:
            pattern = {
                sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
                sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
                sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
            }.get(av)  # fmt: skip
            if pattern and re.fullmatch(pattern, ch):
                result = True
    return result != negate


def _class_chars(items: list[tuple[Any, Any]]) -> list[str]:
    chars: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))
        elif op is sre.RANGE:
            chars.append(chr(av[0]))
    chars += [ch for ch in _PROBES if _in_set(items, ch)][:3]
    return [ch for ch in dict.fromkeys(chars) if _in_set(items, ch)] or ["a"]


def _sample(seq: Any, expand: bool = False) -> str:
    """A short string the sub-pattern ``seq`` matches (or nearly: lookarounds are ignored);
    ``expand``: every repetition taken at least once, so that separators appear."""
    out: list[str] = []
    for op, av in seq:
        if op is sre.LITERAL:
            out.append(chr(av))
        elif op is sre.NOT_LITERAL:
            out.append(" " if av != ord(" ") else "a")
        elif op is sre.ANY:
            out.append("a")
        elif op is sre.IN:
            out.append(_class_chars(av)[0])
        elif op is sre.BRANCH:
            out.append(_sample(av[1][0], expand))
        elif op is sre.SUBPATTERN:
            out.append(_sample(av[3], expand))
        elif op is sre.ATOMIC_GROUP:
            out.append(_sample(av, expand))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low = max(av[0], 1) if expand else av[0]
            out.append(_sample(av[2], expand) * low)
    return "".join(out)


def _units(
    seq: Any, bodies: list[str], prefixes: list[str], literals: list[str], chars: list[str]
) -> None:
    """Collect pumps (what one repetition of a quantified part matches, every prefix of a
    sequence), literal runs and class characters of ``seq`` and what it contains."""
    seq = list(seq)
    for end in range(1, len(seq)):
        prefixes.append(_sample(seq[:end]))
        prefixes.append(_sample(seq[:end], expand=True))
    run: list[str] = []
    for op, av in seq:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            literals.append("".join(run))
        run = []
        if op is sre.IN:
            chars.extend(_class_chars(av))
        elif op is sre.NOT_LITERAL:
            chars.append(chr(av))
        elif op is sre.BRANCH:
            for alternative in av[1][:8]:
                bodies.append(_sample(alternative))
                _units(alternative, bodies, prefixes, literals, chars)
        elif op is sre.SUBPATTERN:
            _units(av[3], bodies, prefixes, literals, chars)
        elif op is sre.ATOMIC_GROUP:
            _units(av, bodies, prefixes, literals, chars)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            body = av[2]
            bodies.append(_sample(body) or _sample(body, expand=True))
            bodies.append(_sample(body, expand=True))
            _units(body, bodies, prefixes, literals, chars)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _units(av[1], bodies, prefixes, literals, chars)
    if run:
        literals.append("".join(run))


def adversarial_units(pattern: re.Pattern[Any]) -> list[str]:
    """Pumps: repetition bodies first, then sequence prefixes, literal runs, characters."""
    source = pattern.pattern
    if isinstance(source, bytes):
        source = source.decode("latin-1")
    bodies: list[str] = []
    prefixes: list[str] = []
    literals: list[str] = []
    chars: list[str] = []
    _units(sre_parse.parse(source, pattern.flags & ~re.DEBUG), bodies, prefixes, literals, chars)

    def longest(items: list[str], count: int) -> list[str]:
        return sorted(dict.fromkeys(i for i in items if i), key=len, reverse=True)[:count]

    ordered = longest(bodies, 4) + longest(prefixes, 3) + longest(literals, 3) + chars
    return list(dict.fromkeys(ordered))[:14]


def adversarial_strings(pattern: re.Pattern[Any], size: int) -> list[tuple[str, str]]:
    """``(label, text)`` pairs of ``size`` characters each."""
    units = adversarial_units(pattern)
    motifs: list[str] = []
    for unit in units:
        motifs += [unit, unit + " ", unit + "a"]
    for first in units[:5]:
        for second in units[:5]:
            if first != second:
                motifs.append(first + second)
    out: list[tuple[str, str]] = []
    for motif in dict.fromkeys(motifs):
        text = (motif * (size // len(motif) + 1))[:size]
        out.append((f"{motif!r}×", text))
        # An unmatched tail after the pumps makes the engine give up on every split.
        out.append((f"{motif!r}×+!", text[: size - 1] + "\x00"))
    return out


def _encode(pattern: re.Pattern[Any], text: str) -> Any:
    return text.encode("latin-1", errors="replace") if isinstance(pattern.pattern, bytes) else text


def _runner(audited: Audited) -> Callable[[Any], object]:
    pattern = audited.pattern
    if audited.mode == "match":
        return pattern.match
    return lambda text: sum(1 for _ in pattern.finditer(text))


def _seconds(run: Callable[[Any], object], text: Any, repeat: int) -> float:
    # The collector would charge the match objects of a linear scan superlinearly.
    gc.disable()
    try:
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            run(text)
            best = min(best, time.perf_counter() - started)
        return best
    finally:
        gc.enable()


@dataclass(frozen=True)
class Growth:
    where: str
    label: str
    small: float
    large: float

    @property
    def ratio(self) -> float:
        return self.large / max(self.small, FLOOR_SECONDS / MAX_GROWTH)

    @property
    def linear(self) -> bool:
        return self.large < FLOOR_SECONDS or self.ratio <= MAX_GROWTH


def measure(audited: Audited, small: int = SMALL, large: int = LARGE) -> Growth:
    """The worst growth from ``small`` to ``large`` characters over the pattern's strings.

    Every string is first timed at a quarter of ``small`` and at ``small``; the ones
    that grew most, and the slowest, are then timed at ``large``.
    """
    run = _runner(audited)
    quarter = dict(adversarial_strings(audited.pattern, small // 4))
    screened: list[tuple[float, float, str]] = []
    for label, text in adversarial_strings(audited.pattern, small):
        small_time = _seconds(run, _encode(audited.pattern, text), 2)
        quarter_time = _seconds(run, _encode(audited.pattern, quarter[label]), 2)
        screened.append((small_time / max(quarter_time, 1e-5), small_time, label))
    by_growth = sorted(screened, reverse=True)[:6]
    by_time = sorted(screened, key=lambda item: item[1], reverse=True)[:3]
    worst: Growth | None = None
    large_strings = dict(adversarial_strings(audited.pattern, large))
    for _, small_time, label in dict.fromkeys(by_growth + by_time):
        text = _encode(audited.pattern, large_strings[label])
        growth = Growth(audited.where, label, small_time, _seconds(run, text, 1))
        if not growth.linear:  # again, against a noisy neighbour
            growth = Growth(audited.where, label, small_time, _seconds(run, text, 3))
        if worst is None or growth.ratio > worst.ratio:
            worst = growth
    assert worst is not None
    return worst


def _child(audited: Audited, small: int, large: int, pipe: Any) -> None:
    pipe.send(measure(audited, small, large))


def measure_isolated(
    audited: Audited, small: int = SMALL, large: int = LARGE, timeout: float = CHILD_TIMEOUT
) -> Growth | None:
    """:func:`measure` in a forked child; None when it ran past ``timeout`` (exponential)."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(audited, small, large, send), daemon=True)
    child.start()
    send.close()
    ready = receive.poll(timeout)
    result: Growth | None = receive.recv() if ready else None
    if child.is_alive():
        child.kill()
    child.join()
    return result
