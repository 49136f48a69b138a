"""Seeded random programs whose draws Gradlab must reproduce bit for bit.

Each probe runs after `import torch` and leaves its tensors in `draws`, in order; together they
hold at least 1,000 values. Shape classes matter: float32 normals of 16 values or more take
ATen's vectorised kernel and shorter ones the scalar Box-Muller, whose second value is kept for
the next call.
"""

SEEDS = "for seed in (0, 1, 42, 2**32 + 7, 2**63 + 5):"

PROBES = {
    # uniform
    "rand_small_f32": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.rand(n) for n in (1, 3, 7, 15) * 15]
""",
    "rand_large_f32": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.rand(16), torch.rand(300), torch.rand(10, 7)]
""",
    "rand_f64": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.rand(5, dtype=torch.float64), torch.rand(250, dtype=torch.float64)]
""",
    "rand_shapes_and_size_keyword": """
torch.manual_seed(3)
draws = [torch.rand(()), torch.rand(2, 3), torch.rand((4, 5)), torch.rand([6]), torch.rand(size=(7, 8))]
draws += [torch.rand(1000)]
""",
    "uniform_inplace_f32": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.empty(9).uniform_(-0.577, 0.577), torch.empty(200).uniform_(2, 7.5)]
""",
    "uniform_inplace_f64": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.empty(9, dtype=torch.float64).uniform_(-0.577, 0.577),
              torch.empty(200, dtype=torch.float64).uniform_(2, 7.5)]
""",
    # normal
    "randn_small_f32": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.randn(n) for n in (1, 2, 3, 5, 8, 15) * 7]
""",
    "randn_large_f32": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.randn(16), torch.randn(17), torch.randn(31), torch.randn(5, 3, 4), torch.randn(100)]
    draws += [torch.randn(1000)]
""",
    "randn_small_f64": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.randn(n, dtype=torch.float64) for n in (1, 2, 3, 5, 8, 15) * 7]
""",
    "randn_large_f64": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.randn(16, dtype=torch.float64), torch.randn(33, dtype=torch.float64),
              torch.randn(160, dtype=torch.float64)]
""",
    "normal_inplace_f32": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.empty(6).normal_(0.5, 3.0), torch.empty(250).normal_(-2, 0.01)]
""",
    "normal_inplace_f64": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.empty(6, dtype=torch.float64).normal_(0.5, 3.0),
              torch.empty(250, dtype=torch.float64).normal_(-2, 0.01)]
""",
    "normal_tensor_forms": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.normal(torch.arange(50.), torch.arange(1., 51.) / 25),
              torch.normal(torch.zeros(7, 3), 2.5),
              torch.normal(1.5, torch.full((40,), 0.3)),
              torch.normal(0.2, 4.0, size=(5, 20)),
              torch.normal(torch.zeros(3, dtype=torch.float64), torch.ones(3, dtype=torch.float64))]
""",
    "randn_like_rand_like": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    base = torch.zeros(4, 25)
    draws += [torch.randn_like(base), torch.rand_like(base), torch.randn_like(torch.zeros(3)),
              torch.rand_like(torch.zeros(2, dtype=torch.float64))]
""",
    # integers
    "randint_forms": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.randint(10, (50,)), torch.randint(-5, 5, (3, 10)), torch.randint(3, size=(20,)),
              torch.randint(low=100, high=1000, size=(40,)), torch.randint(0, 2**40, (30,)),
              torch.randint(7, (30,), dtype=torch.float32),
              torch.randint(-3, 2**34, (20,), dtype=torch.float64),
              torch.randint_like(torch.zeros(10), 6), torch.randint_like(torch.zeros(10), 2, 9)]
""",
    "random_inplace": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.empty(50).random_(), torch.empty(30, dtype=torch.float64).random_(),
              torch.empty(40).random_(10), torch.empty(40, dtype=torch.int64).random_(3, 17),
              torch.empty(40, dtype=torch.float64).random_(-2**40, 2**40)]
""",
    "randperm_small_and_large": """
draws = []
for seed in (0, 1, 42):
    torch.manual_seed(seed)
    draws += [torch.randperm(n) for n in (0, 1, 2, 5, 10, 100)]
    draws += [torch.randperm(20, dtype=torch.float32), torch.randperm(5000)]
""",
    # bernoulli and exponential
    "bernoulli_scalar_p": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.empty(100).bernoulli_(p) for p in (0.0, 0.1, 0.5, 0.8, 1.0)]
    draws += [torch.zeros(20, dtype=torch.float64).bernoulli_()]
""",
    "bernoulli_tensor_p": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.bernoulli(torch.arange(100.) / 99),
              torch.bernoulli(torch.arange(100, dtype=torch.float64) / 99),
              torch.empty(4, 25).bernoulli_(torch.full((25,), 0.3)),
              torch.bernoulli(torch.zeros(10), 0.6)]
""",
    "exponential_inplace": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.empty(150).exponential_(), torch.empty(50).exponential_(2.5)]
""",
    "exponential_inplace_f64": f"""
draws = []
{SEEDS}
    torch.manual_seed(seed)
    draws += [torch.empty(200, dtype=torch.float64).exponential_(0.5)]
""",
    # generators and interleaving
    "generator_objects": """
draws = []
g1 = torch.Generator().manual_seed(7)
g2 = torch.Generator()
torch.manual_seed(7)
for _ in range(20):
    draws += [torch.rand(5, generator=g1), torch.randn(3, generator=g2), torch.rand(5),
              torch.randn(20, generator=g1), torch.randint(9, (4,), generator=g2),
              torch.randperm(6, generator=g1), torch.empty(4).normal_(generator=g2),
              torch.empty(3).uniform_(generator=g1)]
""",
    "interleaved_calls": """
draws = []
torch.manual_seed(2024)
for n in range(1, 40):
    draws += [torch.randn(n % 5 + 1), torch.rand(n % 3 + 1), torch.randn(n + 10),
              torch.randint(0, n + 1, (2,)), torch.randn(1, dtype=torch.float64),
              torch.empty(n % 4 + 1).bernoulli_(0.5)]
torch.manual_seed(2024)
draws += [torch.randn(1), torch.randn(1)]  # a new seed forgets the kept Box-Muller value
""",
    "seeds_and_initial_seed": """
draws = []
for seed in (0, 1, -1, 2**31, 2**32 - 1, 2**32, 2**53 + 1, 2**64 - 1, -2**63, 3.7, True):
    g = torch.manual_seed(seed)
    draws += [torch.tensor([float(g.initial_seed() % 1000003), float(torch.initial_seed() % 997)])]
    draws += [torch.rand(40), torch.randn(50)]
""",
    # nn.init and Linear
    "nn_init": """
import math
draws = []
for seed in (0, 1, 42):
    torch.manual_seed(seed)
    for shape in ((4, 5), (30, 20), (8, 3, 2, 2)):
        w = torch.empty(shape)
        draws += [torch.nn.init.uniform_(w, -0.1, 0.3).clone(), torch.nn.init.normal_(w, 0, 0.02).clone(),
                  torch.nn.init.xavier_uniform_(w).clone(),
                  torch.nn.init.xavier_normal_(w, gain=torch.nn.init.calculate_gain('tanh')).clone(),
                  torch.nn.init.kaiming_uniform_(w, a=math.sqrt(5)).clone(),
                  torch.nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='relu').clone(),
                  torch.nn.init.constant_(w, 0.25).clone(), torch.nn.init.zeros_(w).clone(),
                  torch.nn.init.ones_(w).clone()]
""",
    "nn_linear_init": """
draws = []
for seed in (0, 1, 42, 123):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
    draws += [p.detach().clone() for p in model.parameters()]
    draws += [torch.nn.Linear(30, 10).weight.detach().clone(), torch.nn.Linear(5, 3, bias=False).weight.detach().clone()]
    draws += [torch.nn.Linear(4, 4, dtype=torch.float64).bias.detach().clone()]
""",
    "requires_grad_leaves": """
torch.manual_seed(0)
x = torch.randn(5, 3, requires_grad=True)
y = torch.rand(4, requires_grad=True)
z = torch.randn((), requires_grad=True)
(x.sum() + (y * 2).sum() + z * 3).backward()
draws = [x.detach(), y.detach(), z.detach(), x.grad, y.grad, z.grad,
         torch.tensor([float(x.is_leaf), float(x.grad_fn is None), float(z.is_leaf)])]
draws += [torch.randn(1000)]
""",
}

# torch.utils.data (1.13) draws a 63-bit seed for each DataLoader iterator and another for each
# RandomSampler pass, and seeds a new Generator with the latter; Gradlab's DataLoader must use
# torch._random.draw_seed, exact where an int64 tensor of Gradlab's is not.
PROBES["dataloader_seeds"] = """
try:
    from torch._random import draw_seed
except ImportError:  # real PyTorch: what torch.utils.data does
    def draw_seed(generator=None):
        return int(torch.empty((), dtype=torch.int64).random_(generator=generator).item())
draws = []
for seed in (0, 1, 42):
    torch.manual_seed(seed)
    for epoch in range(3):
        base_seed = draw_seed()
        shuffle = torch.Generator()
        shuffle.manual_seed(draw_seed())
        draws += [torch.randperm(100, generator=shuffle), torch.tensor([base_seed % 2**31])]
    draws += [torch.randperm(20, generator=torch.Generator().manual_seed(draw_seed(shuffle)))]
    draws += [torch.randn(11)]
"""

# What a student sees: printed draws, grad_fn names, errors (compared as text, 0x addresses masked).
OUTPUTS = {
    "seeded_prints": """
torch.manual_seed(0)
print(torch.rand(2, 3))
print(torch.randn(4))
print(torch.randn(2, 20))
print(torch.randint(0, 10, (5,)))
print(torch.randperm(6))
print(torch.normal(torch.zeros(3), torch.ones(3)))
""",
    "generator_object": """
g = torch.manual_seed(0)
print(type(g), g.initial_seed(), g.device, g is torch.default_generator)
print(g)
print(torch.Generator().initial_seed(), torch.Generator().manual_seed(5).initial_seed())
""",
    "randn_requires_grad_is_leaf": """
torch.manual_seed(0)
x = torch.randn(5, 3, requires_grad=True)
z = torch.randn((), requires_grad=True)
print(x.is_leaf, x.grad_fn, z.is_leaf, z.grad_fn)
(x.sum() * 2 + z).backward()
print(x.grad, z.grad)
print(torch.rand(2, requires_grad=True))
""",
    "inplace_grad_fn_names": """
torch.manual_seed(0)
y = torch.zeros(2, requires_grad=True) * 1
print(y.uniform_().grad_fn, y.normal_().grad_fn, y.random_(3).grad_fn, y.random_().grad_fn)
print(y.random_(1, 3).grad_fn, y.bernoulli_(0.3).grad_fn, y.bernoulli_(torch.ones(2) * 0.3).grad_fn)
print(y.exponential_().grad_fn)
""",
    "linear_seeded": """
torch.manual_seed(1)
model = torch.nn.Linear(2, 1)
print(model.weight)
print(model.bias)
print(list(torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.Tanh()).parameters()))
""",
    "nn_init_values": """
import math
torch.manual_seed(3)
w = torch.empty(3, 5)
print(torch.nn.init.calculate_gain('relu'), torch.nn.init.calculate_gain('leaky_relu', 0.2))
print(torch.nn.init.kaiming_uniform_(w, a=math.sqrt(5)))
print(torch.nn.init.xavier_normal_(w))
""",
    "rng_state_round_trip": """
torch.manual_seed(5)
state = torch.get_rng_state()
print(state, state.shape, state.dtype)
a = torch.randn(3, dtype=torch.float64)
b = torch.rand(3)
state = torch.get_rng_state()  # now with a kept Box-Muller value
print(sum(state.tolist()), state.tolist()[:24], state.tolist()[5016:])
c = torch.randn(5)
torch.set_rng_state(state)
print(torch.equal(c, torch.randn(5)))
g = torch.Generator().manual_seed(9)
torch.rand(10, generator=g)
saved = g.get_state()
x = torch.randn(30, generator=g)
print(torch.equal(x, torch.randn(30, generator=g.set_state(saved))), sum(saved.tolist()))
""",
    "error_rng_state_type": "torch.set_rng_state(torch.zeros(3))",
    "error_size_float": "torch.rand(2.5)",
    "error_size_element": 'torch.randn(2, "a")',
    "error_size_tuple_element": "torch.rand((2, 2.5))",
    "error_randperm_float": "torch.randperm(2.5)",
    "error_leaf_inplace": "torch.zeros(2, requires_grad=True).normal_()",
    "error_randint_size_int": "torch.randint(5, 3)",
    "error_randint_empty_range": "torch.randint(5, 2, (3,))",
    "error_normal_negative_std": "torch.empty(3).normal_(0, -1)",
    "error_uniform_reversed": "torch.empty(3).uniform_(1, 0)",
    "error_uniform_long": "torch.empty(3, dtype=torch.long).uniform_()",
    "error_randn_long": "torch.randn(2, dtype=torch.long)",
    "error_rand_long": "torch.rand(2, dtype=torch.long)",
    "error_bernoulli_p": "torch.empty(3).bernoulli_(1.5)",
    "error_exponential_lambda": "torch.empty(3).exponential_(-1)",
    "error_randperm_negative": "torch.randperm(-1)",
    "error_randint_requires_grad": "torch.randint(3, (2,), requires_grad=True)",
    "error_seed_overflow": "torch.manual_seed(2**64)",
    "error_fan_1d": "torch.nn.init.kaiming_uniform_(torch.empty(3))",
    "error_gain_unknown": "torch.nn.init.calculate_gain('swish')",
}
