"""DataLoader: batches of a dataset in sampler order, in this process (num_workers > 0 gives
the same batches, loaded here). Each new iterator draws PyTorch's base seed from the generator
before its first batch, as 1.13 does, so the random numbers after a loop match PyTorch's."""

from ._collate import default_collate, default_convert
from .dataset import IterableDataset
from .sampler import BatchSampler, RandomSampler, SequentialSampler


class DataLoader:
    def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None,
                 num_workers=0, collate_fn=None, pin_memory=False, drop_last=False, timeout=0,
                 worker_init_fn=None, multiprocessing_context=None, generator=None, *,
                 prefetch_factor=2, persistent_workers=False, pin_memory_device=""):
        if num_workers < 0:
            raise ValueError(
                "num_workers option should be non-negative; use num_workers=0 to disable "
                "multiprocessing."
            )
        if timeout < 0:
            raise ValueError("timeout option should be non-negative")
        self.dataset = dataset
        self.num_workers = num_workers
        self.pin_memory = pin_memory
        self.timeout = timeout
        self.worker_init_fn = worker_init_fn
        self.generator = generator
        self._iterable = isinstance(dataset, IterableDataset)
        if self._iterable:
            if shuffle not in {False, None}:
                raise ValueError(
                    "DataLoader with IterableDataset: expected unspecified shuffle option, but "
                    f"got shuffle={shuffle}"
                )
            if sampler is not None:
                raise ValueError(
                    "DataLoader with IterableDataset: expected unspecified sampler option, but "
                    f"got sampler={sampler}"
                )
            if batch_sampler is not None:
                raise ValueError(
                    "DataLoader with IterableDataset: expected unspecified batch_sampler option, "
                    f"but got batch_sampler={batch_sampler}"
                )
        shuffle = bool(shuffle)
        if sampler is not None and shuffle:
            raise ValueError("sampler option is mutually exclusive with shuffle")
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None or drop_last:
                raise ValueError(
                    "batch_sampler option is mutually exclusive with batch_size, shuffle, "
                    "sampler, and drop_last"
                )
            batch_size = None
            drop_last = False
        elif batch_size is None and drop_last:
            raise ValueError(
                "batch_size=None option disables auto-batching and is mutually exclusive with "
                "drop_last"
            )
        if sampler is None and not self._iterable:
            sampler = RandomSampler(dataset, generator=generator) if shuffle else (
                SequentialSampler(dataset)
            )
        if batch_size is not None and batch_sampler is None and not self._iterable:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.sampler = sampler
        self.batch_sampler = batch_sampler
        if collate_fn is None:
            collate_fn = default_collate if self._auto_collation else default_convert
        self.collate_fn = collate_fn

    @property
    def _auto_collation(self):
        return self.batch_sampler is not None or (self._iterable and self.batch_size is not None)

    @property
    def _index_sampler(self):
        return self.batch_sampler if self.batch_sampler is not None else self.sampler

    def __iter__(self):
        return _LoaderIterator(self)

    def __len__(self):
        if self._iterable:
            length = len(self.dataset)
            if self.batch_size is None:
                return length
            if self.drop_last:
                return length // self.batch_size
            return (length + self.batch_size - 1) // self.batch_size
        return len(self._index_sampler)


class _LoaderIterator:
    def __init__(self, loader):
        from ..._random import draw_seed

        self._loader = loader
        if loader._iterable:
            self._samples = iter(loader.dataset)
        else:
            self._indices = iter(loader._index_sampler)
        # PyTorch seeds its workers from this draw, made even without workers.
        self._base_seed = draw_seed(loader.generator)

    def __iter__(self):
        return self

    def __next__(self):
        loader = self._loader
        if loader._iterable:
            return loader.collate_fn(self._next_iterable_batch())
        index = next(self._indices)
        if loader._auto_collation:
            return loader.collate_fn([loader.dataset[i] for i in index])
        return loader.collate_fn(loader.dataset[index])

    def _next_iterable_batch(self):
        loader = self._loader
        if not loader._auto_collation:
            return next(self._samples)
        batch = []
        for sample in self._samples:
            batch.append(sample)
            if len(batch) == loader.batch_size:
                return batch
        if not batch or loader.drop_last:
            raise StopIteration
        return batch

    def __len__(self):
        return len(self._loader)
