"""torch.return_types: the named tuples of ops that return values and indices (max, min, sort, topk)."""


class _ValuesIndices(tuple):
    __slots__ = ()
    n_fields = n_sequence_fields = 2

    def __new__(cls, values, indices):
        return super().__new__(cls, (values, indices))

    @property
    def values(self):
        return self[0]

    @property
    def indices(self):
        return self[1]

    def __repr__(self):
        return f"torch.return_types.{type(self).__name__}(\nvalues={self[0]!r},\nindices={self[1]!r})"


class max(_ValuesIndices):  # noqa: A001 - PyTorch's name
    __slots__ = ()


class min(_ValuesIndices):  # noqa: A001
    __slots__ = ()


class sort(_ValuesIndices):
    __slots__ = ()


class topk(_ValuesIndices):
    __slots__ = ()


BY_NAME = {"max": max, "min": min, "sort": sort, "topk": topk}
