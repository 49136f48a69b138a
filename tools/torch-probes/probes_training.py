"""Probes of the training API (torch.utils.data, torch.nn modules and losses, torch.optim and
its schedulers, the Tensor methods around them), merged into PROBES by probes.py.

Parameters are set by hand (nn.Linear's initial values come from the random generator, which
other probes cover), so each probe checks one API's values, repr, gradients or errors."""

NN = "import torch.nn as nn\nimport torch.nn.functional as F\n"
DATA = "from torch.utils.data import Dataset, DataLoader, TensorDataset, random_split, Subset\n"
XY = "X = torch.arange(10.0).reshape(5, 2)\nY = torch.arange(5)\nds = TensorDataset(X, Y)\n"
LOGITS = (
    "x = torch.tensor([[0.2, -1.0, 3.0], [1.5, 0.5, -0.5], [0.0, 0.1, 0.2]], requires_grad=True)\n"
    "t = torch.tensor([2, 0, 1])\n"
)
PROBS = (
    "p = torch.tensor([0.2, 0.9, 0.5, 0.01], requires_grad=True)\n"
    "y = torch.tensor([0.0, 1.0, 1.0, 0.0])\n"
)
# A 2-3-1 network with fixed parameters: named layers, so its repr and state_dict show them.
NET = NN + (
    "from collections import OrderedDict\n"
    "net = nn.Sequential(OrderedDict([('fc1', nn.Linear(2, 3)), ('act', nn.ReLU()), "
    "('fc2', nn.Linear(3, 1))]))\n"
    "with torch.no_grad():\n"
    "    net.fc1.weight.copy_(torch.tensor([[0.5, -0.2], [0.1, 0.4], [-0.3, 0.8]]))\n"
    "    net.fc1.bias.copy_(torch.tensor([0.1, -0.1, 0.0]))\n"
    "    net.fc2.weight.copy_(torch.tensor([[0.7, -0.5, 0.2]]))\n"
    "    net.fc2.bias.fill_(0.05)\n"
    "inputs = torch.tensor([[1.0, 2.0], [-1.0, 0.5], [0.3, -0.7], [2.0, 1.0]])\n"
    "targets = torch.tensor([[1.0], [0.0], [0.5], [2.0]])\n"
)
# Elementwise only (no matrix product, whose float32 rounding depends on the BLAS).
FIT = (
    "w = torch.tensor([0.5, -0.3], requires_grad=True)\n"
    "b = torch.tensor(0.1, requires_grad=True)\n"
    "xs = torch.tensor([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5]])\n"
    "ys = torch.tensor([1.0, 0.0, 2.0])\n"
    "def loss_fn():\n"
    "    return ((xs * w).sum(1) + b - ys).pow(2).mean()\n"
)
TRAIN = "for _ in range(5):\n    opt.zero_grad()\n    loss_fn().backward()\n    opt.step()\n"

TRAINING_PROBES = {
    # ---- torch.utils.data ------------------------------------------------------------------
    "data_tensor_dataset_item": DATA + XY + "print(ds[1], len(ds))",
    "data_tensor_dataset_slice": DATA + XY + "ds[1:3]",
    "data_tensor_dataset_mismatch": DATA + "TensorDataset(torch.ones(3), torch.ones(2))",
    "data_loader_len": DATA + XY + "print(len(DataLoader(ds, batch_size=2)), "
    "len(DataLoader(ds, batch_size=2, drop_last=True)), len(DataLoader(ds)))",
    "data_loader_batches": DATA + XY + "for batch in DataLoader(ds, batch_size=2):\n    print(batch)",
    "data_loader_drop_last": DATA + XY + "for xb, yb in DataLoader(ds, batch_size=2, drop_last=True):\n    print(xb, yb)",
    "data_loader_no_batching": DATA + XY + "print(list(DataLoader(ds, batch_size=None))[0])",
    "data_collate_dict": DATA + "class D(Dataset):\n    def __len__(self):\n        return 3\n"
    "    def __getitem__(self, i):\n        return {'x': float(i), 'label': i, 'name': 'n' + str(i)}\n"
    "next(iter(DataLoader(D(), batch_size=3)))",
    "data_collate_numbers": "from torch.utils.data import default_collate\n"
    "print(default_collate([1, 2]), default_collate([0.5, 1.5]), default_collate([(1, 2.0), (3, 4.0)]))",
    "data_collate_uneven": "from torch.utils.data import default_collate\ndefault_collate([[1, 2], [3]])",
    "data_collate_bad_type": "from torch.utils.data import default_collate\ndefault_collate([object()])",
    "data_custom_dataset": DATA + "class Squares(Dataset):\n    def __init__(self):\n"
    "        self.x = torch.arange(4.0)\n    def __len__(self):\n        return len(self.x)\n"
    "    def __getitem__(self, i):\n        return self.x[i], self.x[i] ** 2\n"
    "for xb, yb in DataLoader(Squares(), batch_size=3):\n    print(xb, yb)",
    "data_subset": DATA + XY + "s = Subset(ds, [4, 0])\nprint(len(s), s[0])",
    "data_random_split_lengths": DATA + XY + "random_split(ds, [2, 2])",
    "data_loader_sampler_and_shuffle": DATA + XY + "DataLoader(ds, sampler=[0, 1], shuffle=True)",
    "data_loader_negative_workers": DATA + XY + "DataLoader(ds, num_workers=-1)",
    "data_loader_shuffle_seeded": DATA + XY + "torch.manual_seed(0)\n"
    "for xb, yb in DataLoader(ds, batch_size=2, shuffle=True):\n    print(yb)",
    "data_random_split_seeded": DATA + XY + "torch.manual_seed(1)\n"
    "a, b = random_split(ds, [3, 2])\nprint(a.indices, b.indices)",
    "data_random_split_fractions": DATA + XY + "a, b = random_split(ds, [0.6, 0.4], "
    "generator=torch.Generator().manual_seed(42))\nprint(len(a), len(b), a.indices)",
    "data_loader_draws_base_seed": DATA + XY + "torch.manual_seed(3)\nfor _ in DataLoader(ds):\n"
    "    pass\ntorch.rand(2)",
    # ---- torch.nn Module -------------------------------------------------------------------
    "nn_sequential_ordered_repr": NET + "net",
    "nn_sequential_index": NET + "print(net[0], net[-1], net[1:], len(net))",
    "nn_sequential_index_error": NET + "net[3]",
    "nn_batchnorm1d_train": NN + "torch.manual_seed(0)\nbn = nn.BatchNorm1d(3)\nprint(bn)\nx = (torch.randn(5, 3) * 3 + 1).requires_grad_()\ny = bn(x)\nprint(y.detach())\n(y * torch.arange(15.).view(5, 3)).sum().backward()\nprint(bn.weight.grad, bn.bias.grad)\nprint(bn.running_mean, bn.running_var, bn.num_batches_tracked)\nprint(list(bn.state_dict()))",
    "nn_batchnorm1d_input_grad": NN + "torch.manual_seed(0)\nbn = nn.BatchNorm1d(3)\nx = (torch.randn(5, 3) * 3 + 1).requires_grad_()\n(bn(x) * torch.arange(15.).view(5, 3)).sum().backward()\nprint(x.grad)",
    "nn_batchnorm1d_eval": NN + "torch.manual_seed(1)\nbn = nn.BatchNorm1d(2, momentum=None)\nbn(torch.randn(4, 2))\nbn(torch.randn(3, 2) + 1)\nbn.eval()\nprint(bn.running_mean, bn.running_var, bn(torch.randn(2, 2)).detach())",
    "nn_batchnorm1d_3d": NN + "torch.manual_seed(2)\nbn = nn.BatchNorm1d(2, affine=False)\nprint(bn, bn(torch.randn(3, 2, 4)))",
    "nn_batchnorm1d_one_sample": NN + "nn.Sequential(nn.Linear(2, 4), nn.BatchNorm1d(4))(torch.randn(1, 2))",
    "nn_module_list_repr": NN + "nn.ModuleList([nn.Linear(1, 1), nn.Tanh(), nn.Sigmoid()])",
    "nn_module_dict_repr": NN + "d = nn.ModuleDict({'a': nn.ReLU(), 'b': nn.Linear(2, 1)})\nprint(d, list(d.keys()), d['a'])",
    "nn_layer_reprs": NN + "print(nn.Dropout(0.3), nn.Softmax(dim=1), nn.LogSoftmax(1), nn.LeakyReLU(), "
    "nn.LeakyReLU(0.2, inplace=True), nn.Flatten(), nn.Identity(), nn.ReLU(inplace=True))",
    "nn_loss_reprs": NN + "print(nn.MSELoss(), nn.L1Loss(reduction='sum'), nn.BCELoss(), "
    "nn.BCEWithLogitsLoss(), nn.CrossEntropyLoss(), nn.NLLLoss())",
    "nn_state_dict": NET + "net.state_dict()",
    "nn_state_dict_keys": NET + "print(type(net.state_dict()).__name__, list(net.state_dict()))",
    "nn_load_state_dict_ok": NET + "net.load_state_dict(net.state_dict())",
    "nn_load_state_dict_missing": NET + "sd = net.state_dict()\ndel sd['fc2.bias']\nnet.load_state_dict(sd)",
    "nn_load_state_dict_not_strict": NET + "sd = net.state_dict()\ndel sd['fc2.bias']\nsd['extra'] = torch.ones(1)\nnet.load_state_dict(sd, strict=False)",
    "nn_load_state_dict_size": NET + "sd = net.state_dict()\nsd['fc1.weight'] = torch.zeros(2, 2)\nnet.load_state_dict(sd)",
    "nn_load_state_dict_copies": NET + "other = nn.Sequential(OrderedDict([('fc1', nn.Linear(2, 3)), "
    "('act', nn.ReLU()), ('fc2', nn.Linear(3, 1))]))\nother.load_state_dict(net.state_dict())\n"
    "print(other(inputs), other.fc2.bias.requires_grad)",
    "nn_named_parameters": NET + "for name, p in net.named_parameters():\n    print(name, p.shape, p.requires_grad)",
    "nn_named_modules_children": NET + "print([n for n, _ in net.named_modules()], list(net.children())[1], [n for n, _ in net.named_children()])",
    "nn_train_eval": NET + "net.eval()\nprint(net.training, net.fc1.training)\nnet.train()\nprint(net.training, net.act.training)",
    "nn_train_not_bool": NET + "net.train('yes')",
    "nn_forward_backward": NET + "loss = nn.MSELoss()(net(inputs), targets)\nloss.backward()\nprint(loss, net.fc2.weight.grad, net.fc1.bias.grad)",
    "nn_zero_grad_zeroes": NET + "net(inputs).sum().backward()\nnet.zero_grad()\nprint(net.fc2.bias.grad, net.fc1.weight.grad)",
    "nn_zero_grad_set_to_none": NET + "net(inputs).sum().backward()\nnet.zero_grad(set_to_none=True)\nprint(net.fc2.bias.grad)",
    "nn_apply": NET + "net.apply(lambda m: print(type(m).__name__))",
    "nn_double": NET + "net.double()\nprint(net.fc1.weight.dtype, net(inputs.double()).dtype)",
    "nn_to_dtype_same": NET + "print(net.to(torch.float32) is net)",
    "nn_buffer": NN + "class M(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
    "        self.register_buffer('scale', torch.tensor([2.0]))\n        self.w = nn.Parameter(torch.ones(1))\n"
    "    def forward(self, x):\n        return x * self.w * self.scale\nm = M()\n"
    "print(m.state_dict(), list(m.parameters()), list(m.buffers()), m(torch.tensor([3.0])))",
    "nn_assign_wrong_parameter": NN + "lin = nn.Linear(1, 1)\nlin.weight = torch.ones(1, 1)",
    "nn_missing_attribute": NN + "nn.Linear(1, 1).weights",
    "nn_custom_module_repr": NN + "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
    "        self.hidden = nn.Linear(4, 8)\n        self.out = nn.Sequential(nn.ReLU(), nn.Linear(8, 2))\n"
    "    def forward(self, x):\n        return self.out(self.hidden(x))\nNet()",
    "nn_module_deepcopy": NET + "import copy\nnet2 = copy.deepcopy(net)\n"
    "print(net2.fc1.weight is net.fc1.weight, torch.equal(net2.fc1.weight, net.fc1.weight), type(net2.fc1.weight).__name__)",
    "nn_module_list_iterate": NN + "layers = nn.ModuleList([nn.ReLU(), nn.Tanh()])\nx = torch.tensor([-1.0, 0.5])\n"
    "for layer in layers:\n    x = layer(x)\nprint(x, len(layers), layers[-1])",
    "nn_flatten_module": NN + "nn.Flatten()(torch.arange(24.0).reshape(2, 3, 4)).shape",
    "nn_identity_dropout_eval": NN + "d = nn.Dropout(0.5)\nd.eval()\nx = torch.tensor([1.0, 2.0])\nprint(d(x), nn.Identity()(x))",
    "nn_dropout_bad_p": NN + "nn.Dropout(1.5)",
    "nn_softmax_modules": NN + "x = torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 1.0]], requires_grad=True)\n"
    "print(nn.Softmax(dim=1)(x), nn.LogSoftmax(dim=1)(x))",
    "nn_leaky_relu": NN + "x = torch.tensor([-2.0, -0.5, 0.0, 1.5], requires_grad=True)\ny = nn.LeakyReLU(0.1)(x)\n"
    "y.sum().backward()\nprint(y, x.grad, F.leaky_relu(x))",
    # ---- losses ----------------------------------------------------------------------------
    "loss_cross_entropy": NN + LOGITS + "loss = F.cross_entropy(x, t)\nloss.backward()\nprint(loss, x.grad)",
    "loss_cross_entropy_module_sum": NN + LOGITS + "nn.CrossEntropyLoss(reduction='sum')(x, t)",
    "loss_cross_entropy_none": NN + LOGITS + "nn.CrossEntropyLoss(reduction='none')(x, t)",
    "loss_cross_entropy_weight": NN + LOGITS + "loss = F.cross_entropy(x, t, weight=torch.tensor([1.0, 2.0, 0.5]))\n"
    "loss.backward()\nprint(loss, x.grad)",
    "loss_cross_entropy_ignore_index": NN + LOGITS + "loss = F.cross_entropy(x, torch.tensor([2, -100, 1]))\n"
    "loss.backward()\nprint(loss, x.grad)",
    "loss_cross_entropy_probabilities": NN + LOGITS + "F.cross_entropy(x, torch.softmax(x.detach() * 2, 1))",
    "loss_cross_entropy_float_target": NN + LOGITS + "F.cross_entropy(x, t.float())",
    "loss_cross_entropy_out_of_bounds": NN + LOGITS + "F.cross_entropy(x, torch.tensor([0, 3, 1]))",
    "loss_cross_entropy_batch_mismatch": NN + LOGITS + "F.cross_entropy(x, torch.tensor([0, 1]))",
    "loss_cross_entropy_1d": NN + "F.cross_entropy(torch.tensor([1.0, 2.0, 0.5]), torch.tensor(1))",
    "loss_cross_entropy_many": NN + "x = (torch.arange(200.0) / 33 - 3).reshape(40, 5)\nt = torch.arange(40) % 5\n"
    "print(F.cross_entropy(x, t).item(), F.cross_entropy(x, t, reduction='sum').item())",
    "loss_nll": NN + LOGITS + "loss = nn.NLLLoss()(F.log_softmax(x, dim=1), t)\nloss.backward()\nprint(loss, x.grad)",
    "loss_bce": NN + PROBS + "loss = nn.BCELoss()(p, y)\nloss.backward()\nprint(loss, p.grad)",
    "loss_bce_sum_none": NN + PROBS + "print(F.binary_cross_entropy(p, y, reduction='sum'), F.binary_cross_entropy(p, y, reduction='none'))",
    "loss_bce_weight": NN + PROBS + "loss = F.binary_cross_entropy(p, y, weight=torch.tensor([1.0, 2.0, 3.0, 4.0]))\nloss.backward()\nprint(loss, p.grad)",
    "loss_bce_saturated": NN + "p = torch.tensor([0.0, 1.0], requires_grad=True)\nloss = F.binary_cross_entropy(p, torch.tensor([1.0, 0.0]))\nloss.backward()\nprint(loss, p.grad)",
    "loss_bce_many_values": NN + "p = torch.arange(1, 400.0) / 400\ny = (torch.arange(399) % 3) / 2\n"
    "losses = F.binary_cross_entropy(p, y, reduction='none')\nprint(losses.tolist()[::7], F.binary_cross_entropy(p, y).item())",
    "loss_bce_out_of_range": NN + "F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.0]))",
    "loss_bce_shape_mismatch": NN + "F.binary_cross_entropy(torch.tensor([0.5]), torch.tensor([[1.0]]))",
    "loss_bce_with_logits": NN + PROBS + "loss = nn.BCEWithLogitsLoss()(p * 4 - 2, y)\nloss.backward()\nprint(loss, p.grad)",
    "loss_bce_with_logits_pos_weight": NN + PROBS + "loss = F.binary_cross_entropy_with_logits(p * 4 - 2, y, pos_weight=torch.tensor([3.0]))\n"
    "loss.backward()\nprint(loss, p.grad)",
    "loss_bce_with_logits_large": NN + "z = torch.tensor([-100.0, -20.0, 0.0, 20.0, 100.0], requires_grad=True)\n"
    "loss = F.binary_cross_entropy_with_logits(z, torch.tensor([1.0, 0.0, 1.0, 0.0, 1.0]), reduction='none')\n"
    "loss.sum().backward()\nprint(loss, z.grad)",
    "loss_bce_with_logits_shape": NN + "F.binary_cross_entropy_with_logits(torch.zeros(3), torch.zeros(3, 1))",
    "loss_l1": NN + "x = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)\nloss = nn.L1Loss()(x, torch.zeros(3))\n"
    "loss.backward()\nprint(loss, x.grad, F.l1_loss(x, torch.ones(3), reduction='sum'))",
    "loss_mse_reductions": NN + "x = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)\n"
    "print(nn.MSELoss(reduction='sum')(x, torch.ones(3)), nn.MSELoss(reduction='none')(x, torch.ones(3)))",
    "loss_bad_reduction": NN + "F.mse_loss(torch.ones(2), torch.ones(2), reduction='avg')",
    "loss_legacy_size_average": NN + "nn.MSELoss(size_average=False)(torch.ones(2), torch.zeros(2))",
    "loss_one_hot": NN + "print(F.one_hot(torch.tensor([0, 2, 1])), F.one_hot(torch.tensor([1, 0]), num_classes=4))",
    # ---- torch.optim -----------------------------------------------------------------------
    "optim_sgd_repr": "opt = torch.optim.SGD([torch.ones(1, requires_grad=True)], lr=0.1)\nopt",
    "optim_sgd_no_lr": "torch.optim.SGD([torch.ones(1, requires_grad=True)])",
    "optim_tensor_params": "torch.optim.SGD(torch.ones(1, requires_grad=True), lr=0.1)",
    "optim_non_leaf": "x = torch.ones(1, requires_grad=True)\ntorch.optim.SGD([x * 2], lr=0.1)",
    "optim_sgd_momentum_nesterov": FIT + "opt = torch.optim.SGD([w, b], lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.01)\n"
    + TRAIN + "print(w.tolist(), b.item())",
    "optim_sgd_dampening": FIT + "opt = torch.optim.SGD([w, b], lr=0.05, momentum=0.5, dampening=0.3)\n"
    + TRAIN + "print(w.tolist(), b.item())",
    "optim_sgd_maximize": FIT + "opt = torch.optim.SGD([w, b], lr=0.01, maximize=True)\n" + TRAIN + "print(w, b)",
    "optim_param_groups": FIT + "opt = torch.optim.SGD([{'params': [w]}, {'params': [b], 'lr': 0.5}], lr=0.1, momentum=0.9)\n"
    + TRAIN + "print(opt)\nprint(w, b)",
    "optim_zero_grad_zeroes": FIT + "opt = torch.optim.SGD([w, b], lr=0.1)\nloss_fn().backward()\nopt.zero_grad()\nprint(w.grad, b.grad)",
    "optim_state_dict": FIT + "opt = torch.optim.SGD([w, b], lr=0.1, momentum=0.9)\n" + TRAIN + "opt.state_dict()",
    "optim_load_state_dict": FIT + "opt = torch.optim.SGD([w, b], lr=0.1, momentum=0.9)\n" + TRAIN
    + "opt2 = torch.optim.SGD([w, b], lr=0.5, momentum=0.9)\nopt2.load_state_dict(opt.state_dict())\n"
    "print(opt2.param_groups[0]['lr'], opt2.state[w])",
    "optim_adam": FIT + "opt = torch.optim.Adam([w, b], lr=0.1)\n" + TRAIN + "print(w.tolist(), b.item())\nprint(opt)",
    "optim_adam_state": FIT + "opt = torch.optim.Adam([w, b], lr=0.1)\n" + TRAIN + "opt.state[w]",
    "optim_adam_amsgrad_decay": FIT + "opt = torch.optim.Adam([w, b], lr=0.1, amsgrad=True, weight_decay=0.1)\n" + TRAIN + "print(w.tolist(), b.item())",
    "optim_adamw": FIT + "opt = torch.optim.AdamW([w, b], lr=0.1)\n" + TRAIN + "print(w.tolist(), b.item())\nprint(opt)",
    "optim_adam_bad_beta": "torch.optim.Adam([torch.ones(1, requires_grad=True)], betas=(1.0, 0.9))",
    "optim_step_lr": FIT + "opt = torch.optim.SGD([w, b], lr=1.0)\nsched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)\n"
    "for epoch in range(5):\n    opt.step()\n    sched.step()\n    print(epoch, sched.get_last_lr(), opt.param_groups[0]['lr'])\nprint(opt)",
    "optim_step_lr_order_warning": FIT + "opt = torch.optim.SGD([w], lr=1.0)\nsched = torch.optim.lr_scheduler.StepLR(opt, 1)\nsched.step()\nsched.get_last_lr()",
    "optim_multistep_exponential": FIT + "a = torch.optim.SGD([w], lr=1.0)\nm = torch.optim.lr_scheduler.MultiStepLR(a, milestones=[1, 3], gamma=0.1)\n"
    "o = torch.optim.SGD([b], lr=1.0)\ne = torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.9)\n"
    "for _ in range(4):\n    a.step(); o.step(); m.step(); e.step()\n    print(m.get_last_lr(), e.get_last_lr())",
    # ---- Tensor API ------------------------------------------------------------------------
    "tensor_ndimension": "print(torch.ones(2, 3).ndimension(), torch.tensor(1.0).ndimension())",
    "tensor_std_var": "x = torch.tensor([[1.0, 2.0, 4.0], [3.0, 5.0, 9.0]])\n"
    "print(x.std(), x.var(), x.std(0), x.std(dim=1, keepdim=True), x.var(unbiased=False), torch.std(x, 1), x.var(1, False))",
    "tensor_std_f64": "x = torch.linspace(0, 1, 7, dtype=torch.float64)\nprint(x.std().item(), x.var().item())",
    "tensor_std_many": "x = (torch.arange(1000.0) / 7 - 50) ** 2\nprint(x.std().item(), x.var().item(), x.reshape(10, 100).std(1))",
    "tensor_std_one": "torch.tensor([3.0]).std()",
    "tensor_std_grad": "w = torch.tensor([1.0, 2.0, 4.0], requires_grad=True)\ns = (w * 3).std()\ns.backward()\nprint(s, w.grad)",
    "tensor_var_dim_grad": "w = torch.tensor([[1.0, 2.0], [4.0, 7.0]], requires_grad=True)\nv = w.var(0)\nv.sum().backward()\nprint(v, w.grad)",
    "tensor_std_zero_grad": "w = torch.ones(3, requires_grad=True)\ns = w.std()\ns.backward()\nprint(s, w.grad)",
    "tensor_std_int": "torch.tensor([1, 2, 3]).std()",
    "tensor_eye": "print(torch.eye(3), torch.eye(2, 3), torch.eye(2, dtype=torch.float64), torch.eye(2, requires_grad=True))",
    "tensor_size_keyword": "print(torch.zeros(size=(2, 1)), torch.ones(size=[3]), torch.zeros(size=(2,), dtype=torch.long))",
    "tensor_type_string": "x = torch.tensor([1.5, 2.0])\nprint(x.type(), x.long().type(), x.double().type(), (x > 1).type())",
    "tensor_type_cast": "x = torch.tensor([1.5, 2.0])\nprint(x.type(torch.LongTensor), x.type(torch.DoubleTensor), x.long().type(torch.FloatTensor), x.type('torch.LongTensor'), x.type(torch.float64))",
    "tensor_legacy_constructors": "print(torch.FloatTensor([1, 2]), torch.LongTensor([1, 2]), torch.DoubleTensor([[1]]), torch.FloatTensor(2, 3).shape)",
    "tensor_legacy_isinstance": "x = torch.ones(2)\nprint(isinstance(x, torch.FloatTensor), isinstance(x, torch.LongTensor), isinstance(x.long(), torch.LongTensor), torch.FloatTensor)",
    "tensor_flatten_dims": "x = torch.arange(24.0).reshape(2, 3, 4)\nprint(x.flatten(1).shape, x.flatten(0, 1).shape, x.flatten().shape, torch.tensor(2.0).flatten())",
    "tensor_addcmul_addcdiv": "a = torch.tensor([1.0, 2.0, 3.0])\nprint(a.clone().addcmul_(torch.tensor([0.3, 0.7, 1.1]), torch.tensor([2.0, 3.0, 0.1]), value=0.5), "
    "a.clone().addcdiv_(torch.tensor([1.0, 1.0, 1.0]), torch.tensor([3.0, 7.0, 9.0]), value=-0.1))",
    "tensor_deepcopy": "import copy\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = copy.deepcopy(x)\nprint(y, y is x, y.is_leaf)",
    "tensor_deepcopy_non_leaf": "import copy\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ncopy.deepcopy(x * 2)",
    "tensor_compare_methods": "x = torch.tensor([1.0, 2.0, 3.0])\nprint(x.eq(2), x.ne(2), x.lt(2), x.le(2), x.gt(2.5), x.ge(torch.tensor([1.0, 3.0, 3.0])), torch.eq(x, x))",
    "tensor_accuracy_idiom": "pred = torch.tensor([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]]).argmax(1)\ny = torch.tensor([1, 0, 0])\nprint(pred.eq(y).sum().item() / len(y), (pred == y).float().mean())",
    "tensor_all_any": "x = torch.tensor([0.0, 2.0])\nprint(x.all(), x.any(), (x >= 0).all(), torch.tensor([]).all(), torch.any(x > 5))",
    "tensor_sum_axis": "x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])\nprint(x.sum(axis=0), x.mean(axis=1))",
    "tensor_contiguous_element_size": "x = torch.ones(2, 3).t()\nprint(x.contiguous().shape, x.is_cuda, x.element_size(), x.double().element_size(), x.long().element_size())",
    "tensor_cuda_missing": "torch.ones(2).cuda()",
    "save_load_state_dict_file": NET + "import os, tempfile\npath = os.path.join(tempfile.mkdtemp(), 'model.pth')\n"
    "torch.save(net.state_dict(), path)\nloaded = torch.load(path)\nprint(loaded)\n"
    "other = nn.Sequential(OrderedDict([('fc1', nn.Linear(2, 3)), ('act', nn.ReLU()), ('fc2', nn.Linear(3, 1))]))\n"
    "print(other.load_state_dict(loaded), torch.equal(other(inputs), net(inputs)))",
    "save_load_checkpoint_buffer": "import io\nbuffer = io.BytesIO()\n"
    "torch.save({'epoch': 3, 'w': torch.tensor([1.0, 2.0], requires_grad=True), 'ids': torch.tensor([1, 2]), "
    "'lr': 0.1}, buffer)\nbuffer.seek(0)\ntorch.load(buffer)",
    "tensor_cuda_available": "print(torch.cuda.is_available())\ndevice = torch.device('cuda' if torch.cuda.is_available() else 'cpu')\nprint(device, torch.ones(2).to(device))",
}
