"""torch.backends.mkldnn (oneDNN): built into Debian's PyTorch 1.13."""

enabled = True


def is_available():
    return True
