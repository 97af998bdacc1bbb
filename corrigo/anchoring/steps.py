"""The steps of the difference between two versions of a text, searchable by position."""

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Op:
    """One step of the difference: ``old[a1:a2]`` became ``new[b1:b2]``; ``equal`` when identical."""

    equal: bool
    a1: int
    a2: int
    b1: int
    b2: int


class Steps:
    """The steps of a difference that cover old text, searchable by old position (equal ones also by new)."""

    def __init__(self, ops: list[Op]) -> None:
        self.ops = [op for op in ops if op.a1 < op.a2]
        self.starts = [op.a1 for op in self.ops]
        self.equal = [op for op in self.ops if op.equal]
        self.equal_new_starts = [op.b1 for op in self.equal]
        self.equal_new_ends = [op.b2 for op in self.equal]

    def at(self, position: int) -> Op:
        """Return the step that covers ``old_text[position]``."""
        return self.ops[bisect_right(self.starts, position) - 1]

    def span_through(self, start: int, end: int) -> tuple[int, int] | None:
        """Map an old span through the steps: exact inside equal ones, the whole new side of changed ones."""
        first, last = self.at(start), self.at(end - 1)
        new_start = first.b1 + (start - first.a1) if first.equal else first.b1
        new_end = last.b1 + (end - last.a1) if last.equal else last.b2
        return (new_start, new_end) if new_start < new_end else None

    def kept(self, start: int, end: int) -> bool:
        """Tell whether ``old_text[start:end]`` lies inside one equal step (matched with new text)."""
        op = self.at(start)
        return op.equal and end <= op.a2

    def new_side_equal(self, start: int, end: int) -> bool:
        """Tell whether ``new_text[start:end]`` lies inside one equal step (matched with old text)."""
        index = bisect_right(self.equal_new_starts, start) - 1
        return index >= 0 and end <= self.equal_new_ends[index]

    def new_position(self, position: int) -> int:
        """Return where ``old_text[position]`` went: its place if kept, else the start of what replaced it."""
        op = self.at(position)
        return op.b1 + position - op.a1 if op.equal else op.b1

    def equal_overlapping(self, start: int, end: int) -> list[Op]:
        """Return the equal steps whose new side overlaps ``new_text[start:end]``, in order."""
        index = bisect_right(self.equal_new_ends, start)
        steps: list[Op] = []
        while index < len(self.equal) and self.equal[index].b1 < end:
            steps.append(self.equal[index])
            index += 1
        return steps
