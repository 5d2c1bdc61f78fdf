"""The model names an import has taken, also known case-folded.

Model names must differ in more than case (two models' modules and docs pages would
clash on case-insensitive file systems), so each new name is checked against every
name taken, lower-cased. Lower-casing them all for each of GitHub's 3,700 model
names was half the import's time; this set keeps the folded names as it goes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import Self

__all__ = ["ModelNames"]


class ModelNames(set[str]):
    """A set of names that answers ``folded_in`` in constant time.

    Every way to change the set keeps the folded names in step: the mutators that
    add or remove one name update a count; the rarer bulk ones recount.
    """

    def __init__(self, names: Iterable[str] = ()) -> None:
        super().__init__(names)
        self._folded: Counter[str] = Counter(name.lower() for name in self)

    def folded_in(self, name: str) -> bool:
        """Whether a name equal to ``name`` but for case is taken."""
        return self._folded[name.lower()] > 0

    def add(self, name: str) -> None:
        """Add ``name``, counting its folded form."""
        if name not in self:
            super().add(name)
            self._folded[name.lower()] += 1

    def discard(self, name: object) -> None:
        """Remove ``name`` if present, and its folded form's count."""
        if isinstance(name, str) and name in self:
            super().discard(name)
            self._forget(name)

    def remove(self, name: str) -> None:
        """Remove ``name`` (KeyError if absent), and its folded form's count."""
        super().remove(name)
        self._forget(name)

    def pop(self) -> str:
        """Remove and return some name, and its folded form's count."""
        name = super().pop()
        self._forget(name)
        return name

    def clear(self) -> None:
        """Remove every name."""
        super().clear()
        self._folded.clear()

    def update(self, *others: Iterable[str]) -> None:
        """Add every name of ``others``."""
        for other in others:
            for name in other:
                self.add(name)

    def __ior__(self, other: AbstractSet[str]) -> Self:  # type: ignore[override,misc]
        self.update(other)
        return self

    def difference_update(self, *others: Iterable[object]) -> None:
        """Remove the names of ``others``, then recount."""
        super().difference_update(*others)
        self._recount()

    def __isub__(self, other: AbstractSet[object]) -> Self:
        super().__isub__(other)
        self._recount()
        return self

    def intersection_update(self, *others: Iterable[object]) -> None:
        """Keep only names also in ``others``, then recount."""
        super().intersection_update(*others)
        self._recount()

    def __iand__(self, other: AbstractSet[object]) -> Self:
        super().__iand__(other)
        self._recount()
        return self

    def symmetric_difference_update(self, other: Iterable[str]) -> None:
        """Keep the names in exactly one of the two, then recount."""
        super().symmetric_difference_update(other)
        self._recount()

    def __ixor__(self, other: AbstractSet[str]) -> Self:  # type: ignore[override,misc]
        super().__ixor__(other)
        self._recount()
        return self

    def _forget(self, name: str) -> None:
        folded = name.lower()
        self._folded[folded] -= 1
        if not self._folded[folded]:
            del self._folded[folded]

    def _recount(self) -> None:
        self._folded = Counter(name.lower() for name in self)
