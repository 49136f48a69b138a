"""torch.utils.data: datasets, samplers and the DataLoader that batches them."""

from ..._unsupported import missing_names

from ._collate import default_collate, default_convert  # noqa: F401
from .dataloader import DataLoader  # noqa: F401
from .dataset import (  # noqa: F401
    ConcatDataset,
    Dataset,
    IterableDataset,
    Subset,
    TensorDataset,
    random_split,
)
from .sampler import (  # noqa: F401
    BatchSampler,
    RandomSampler,
    Sampler,
    SequentialSampler,
    SubsetRandomSampler,
)

for _class in (Dataset, IterableDataset, TensorDataset, ConcatDataset, Subset):
    _class.__module__ = "torch.utils.data.dataset"
for _class in (Sampler, SequentialSampler, RandomSampler, SubsetRandomSampler, BatchSampler):
    _class.__module__ = "torch.utils.data.sampler"
DataLoader.__module__ = "torch.utils.data.dataloader"
del _class


__getattr__ = missing_names("torch.utils.data")
