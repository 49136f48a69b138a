"""Probes of the torch API around tensors that courses and tutorials call: torch.backends,
torch.random, `out=`, in-place math (`sin_`, `torch.sin_`), ParameterList/ParameterDict,
pprint of a state_dict, the dtypes beyond float32/float64/int64/bool."""

API_PROBES = {
    # ---- torch.backends and torch.random -------------------------------------------------------
    "api_backends_flags": "print(torch.backends.mps.is_available(), torch.backends.mps.is_built(), torch.backends.cudnn.is_available())\nprint(torch.backends.cudnn.enabled, torch.backends.cudnn.benchmark, torch.backends.cudnn.deterministic, torch.backends.cuda.is_built())",
    "api_backends_device_choice": "device = 'mps' if torch.backends.mps.is_available() else 'cpu'\ndevice",
    "api_random_manual_seed": "torch.random.manual_seed(seed=42)\na = torch.rand(3)\ntorch.manual_seed(42)\nprint(a, torch.rand(3), torch.random.initial_seed())",
    "api_random_state_roundtrip": "torch.manual_seed(1)\nstate = torch.random.get_rng_state()\na = torch.randn(2)\ntorch.random.set_rng_state(state)\nprint(torch.equal(a, torch.randn(2)))",
    "api_random_fork_rng": "torch.manual_seed(3)\nwith torch.random.fork_rng():\n    torch.rand(5)\nprint(torch.rand(2))",
    # ---- out= --------------------------------------------------------------------------------
    "api_out_matmul": "a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])\nc = torch.zeros(2, 2)\nd = torch.matmul(a, a, out=c)\nprint(c, d is c)",
    "api_out_add_same_object": "x = torch.tensor([1.0, 2.0])\nz = torch.zeros(2)\nbefore = id(z)\ntorch.add(x, x, out=z)\nprint(id(z) == before, z)",
    "api_out_mul_int_into_float": "o = torch.zeros(2)\ntorch.mul(torch.tensor([1, 2]), 3, out=o)",
    "api_out_cast_error": "torch.add(torch.ones(2), 1.5, out=torch.zeros(2, dtype=torch.long))",
    "api_out_requires_grad_error": "x = torch.ones(2, requires_grad=True)\ntorch.mul(x, 2, out=torch.zeros(2))",
    "api_out_no_grad": "x = torch.ones(2, requires_grad=True)\no = torch.zeros(2)\nwith torch.no_grad():\n    torch.mul(x, 2, out=o)\nprint(o, o.requires_grad)",
    "api_out_resize_empty": "o = torch.empty(0)\ntorch.sin(torch.tensor([0.0, 1.0]), out=o)\nprint(o.shape, o)",
    "api_out_resize_warning": "o = torch.zeros(3)\ntorch.add(torch.ones(2), 1, out=o)\nprint(o)",
    "api_out_not_tensor": "torch.add(torch.ones(2), 1, out=[1, 2])",
    "api_out_rand": "torch.manual_seed(0)\nc = torch.zeros(2, 2)\nd = torch.rand(2, 2, out=c)\nprint(c, d is c)",
    "api_out_rand_float64": "torch.manual_seed(0)\nc = torch.zeros(2, dtype=torch.float64)\ntorch.rand(2, out=c)\nc",
    "api_out_zeros_arange": "o = torch.ones(4)\ntorch.zeros(4, out=o)\nprint(o)\ntorch.arange(4, out=o)",
    "api_out_cat": "o = torch.zeros(4)\ntorch.cat([torch.ones(2), torch.zeros(2)], out=o)",
    # ---- in-place math -------------------------------------------------------------------------
    "api_torch_sin_": "import math\nb = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])\nprint(torch.sin_(b))\nprint(b)",
    "api_inplace_methods": "x = torch.tensor([0.25, 0.5, 2.0])\nprint(x.tan_(), x.atan_(), x.sinh_(), x.log2_(), x.trunc_())",
    "api_inplace_square_sign": "x = torch.tensor([-1.5, 0.0, 2.0])\nprint(x.square_(), torch.tensor([-2.0, 0.0, 3.0]).sign_())",
    "api_torch_inplace_functions": "x = torch.tensor([-1.0, 0.5])\nprint(torch.abs_(x), torch.exp_(x), torch.neg_(x), torch.clamp_(x, -2, -1), torch.zero_(x))",
    "api_inplace_leaf_error": "x = torch.tensor([1.0], requires_grad=True)\ntorch.sin_(x)",
    "api_inplace_grad_fn": "x = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x * 1\ny.cosh_()\ny.sum().backward()\nprint(y, x.grad)",
    # ---- ParameterList / ParameterDict -----------------------------------------------------------
    "api_parameterdict_repr": "import torch.nn as nn\np = nn.ParameterDict({'b': nn.Parameter(torch.ones(2, 3)), 'a': torch.zeros(3)})\nprint(p)\nprint(list(p.keys()), [type(v).__name__ for v in p.values()])",
    "api_parameterdict_one_entry": "import torch.nn as nn\nparams = nn.ParameterDict()\nparams.update({'param2': nn.Parameter(torch.ones(2, 3))})\nparams",
    "api_parameterdict_empty": "import torch.nn as nn\nnn.ParameterDict()",
    "api_parameterdict_in_module": "import torch.nn as nn\nclass M(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.p = nn.ParameterDict({'w': nn.Parameter(torch.ones(2))})\nm = M()\nprint([n for n, _ in m.named_parameters()])\nprint(m)\nprint(m.state_dict())",
    "api_parameterlist_repr": "import torch.nn as nn\nl = nn.ParameterList([nn.Parameter(torch.ones(2, 3)), torch.zeros(3, dtype=torch.float64)])\nprint(l)\nprint(len(l), type(l[1]).__name__, l[-1].requires_grad)",
    "api_parameterlist_append_iter": "import torch.nn as nn\nl = nn.ParameterList()\nl.append(nn.Parameter(torch.tensor(1.0)))\nl.extend([nn.Parameter(torch.tensor([2.0]))])\nprint([p.shape for p in l], sum(p.sum() for p in l))",
    "api_parameterlist_index_error": "import torch.nn as nn\nnn.ParameterList([nn.Parameter(torch.ones(1))])[3]",
    "api_parameterlist_call_error": "import torch.nn as nn\nnn.ParameterList()(1)",
    "api_pprint_state_dict": "import torch.nn as nn\nfrom pprint import pprint\ntorch.manual_seed(0)\npprint(nn.Linear(3, 2).state_dict())\npprint(nn.Linear(1, 1).state_dict())",
}
