"""pandas is not part of Gradlab: its tables print in ways Gradlab does not reproduce exactly, and
a half-right table is worse than a clear error."""

raise ModuleNotFoundError(
    "No module named 'pandas': Gradlab has no pandas, so print the tensor or numpy array itself "
    "(print(t), print(t.numpy())) instead of a DataFrame or Series.",
    name="pandas",
)
