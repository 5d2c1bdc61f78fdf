"""ModelNames: a set whose case-folded view stays right through every mutation."""

from __future__ import annotations

import random

from generator.importers.openapi.model_names import ModelNames
from generator.importers.openapi.naming import unique_model

_NAMES = ["Pet", "pet", "PET", "Owner", "owner", "Tag", "İd", "ß", "SS", "Ss"]


def _folded_matches(names: ModelNames) -> bool:
    lowered = {name.lower() for name in names}
    return all(names.folded_in(n) == (n.lower() in lowered) for n in _NAMES)


def test_every_mutator_keeps_the_folded_names_in_step() -> None:
    rng = random.Random(12)
    names = ModelNames(["Pet"])
    plain = {"Pet"}
    for _ in range(3000):
        some = set(rng.sample(_NAMES, rng.randint(0, 4)))
        name = rng.choice(_NAMES)
        match rng.randrange(13):
            case 0:
                names.add(name)
                plain.add(name)
            case 1:
                names.discard(name)
                plain.discard(name)
            case 2 if name in plain:
                names.remove(name)
                plain.remove(name)
            case 3 if plain:
                plain.remove(names.pop())
            case 4:
                names.update(some, [name])
                plain.update(some, [name])
            case 5:
                names |= some
                plain |= some
            case 6:
                names.difference_update(some)
                plain.difference_update(some)
            case 7:
                names -= some
                plain -= some
            case 8:
                names.intersection_update(some | {name})
                plain.intersection_update(some | {name})
            case 9:
                names &= some | {"Pet"}
                plain &= some | {"Pet"}
            case 10:
                names.symmetric_difference_update(some)
                plain.symmetric_difference_update(some)
            case 11:
                names ^= some
                plain ^= some
            case 12 if rng.random() < 0.05:
                names.clear()
                plain.clear()
        assert names == plain
        assert _folded_matches(names)


def test_unique_model_gives_the_same_names_for_a_plain_set() -> None:
    for taken in ({"Pet", "pet2"}, {"PET", "Pet2", "pet3"}, set()):
        plain, folded = set(taken), ModelNames(taken)
        for _ in range(4):
            assert unique_model("Pet", plain) == unique_model("Pet", folded)
        assert plain == folded
