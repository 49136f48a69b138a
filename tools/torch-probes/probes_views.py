"""Probes of views: tensors that share storage with their base (view, reshape, basic indexing,
transpose, expand, narrow/select/unbind/split/chunk/diagonal, .data, detach, numpy sharing),
writes through any alias, the shared version counter, CopySlices/AsStridedBackward0 after a
write through a view, the errors torch raises, and the in-place shape ops."""

M23 = "x = torch.arange(6.0).view(2, 3)\n"
G3 = "x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\n"
G22 = "x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)\n"


def name_of(expression):
    return f"type({expression}.grad_fn).__name__"


VIEW_PROBES = {
    # ---- writes through views reach the base and the other views ----------------------------
    "view_write_through_view": "x = torch.arange(18.0).view(3, 6)\nz = x.view(2, 9)\nz[:, 0] = 5\nprint(x)",
    "view_chained_index_write": "a = torch.zeros(2, 3)\na[0][1] = 7\na[1][-1] += 2\nprint(a)",
    "view_column_iadd": "x = torch.ones(2, 3)\nx[:, 1] += 1\nprint(x)",
    "view_row_zero_": "x = torch.ones(2, 3)\nrow = x[0]\nrow.zero_()\nprint(x, row)",
    "view_transpose_write": M23 + "x.t()[0] = 9\nprint(x)",
    "view_transpose_inplace_mul": M23 + "y = x.t()\ny.mul_(10)\nprint(x, y)",
    "view_base_write_seen_by_views": M23 + "col = x[:, 1]\nflat = x.view(-1)\nx.add_(100)\nprint(col, flat)",
    "view_step_slice_write": "x = torch.arange(8.0)\ne = x[::2]\ne.fill_(-1)\nprint(x, e.is_contiguous(), e.stride())",
    "view_permute_copy_": "x = torch.zeros(2, 3, 4)\np = x.permute(2, 0, 1)\np.copy_(torch.arange(24.0).view(4, 2, 3))\nprint(x[1])",
    "view_unsqueeze_squeeze_share": "x = torch.zeros(3)\nx.unsqueeze(0)[0, 1] = 5\nx.unsqueeze(1).squeeze(1)[2] = 7\nprint(x)",
    "view_flatten_shares": M23 + "f = x.flatten()\nf[4] = 40\nprint(x)",
    "view_reshape_contiguous_shares": M23 + "r = x.reshape(3, 2)\nr[0, 0] = -5\nprint(x)",
    "view_reshape_noncontiguous_copies": M23 + "r = x.t().reshape(6)\nr[0] = 100\nprint(x, r)",
    "view_narrow_select": M23 + "x.narrow(1, 1, 2)[0] = -1\nx.select(0, 1)[0] = 50\nprint(x)",
    "view_unbind_split_chunk_share": M23 + "a, b = x.unbind()\na.add_(1)\nx.split(2, 1)[1].zero_()\nx.chunk(3, 1)[0][1] = 9\nprint(x)",
    "view_diagonal_write": "x = torch.zeros(3, 3)\nx.diagonal().fill_(1)\nx.diagonal(1)[0] = 5\nprint(x)",
    "view_expand_write_setitem": "x = torch.ones(2, 1)\ne = x.expand(2, 3)\ne[0, 0] = 5\nprint(x, e)",
    "view_expand_fill_zero_ok": "x = torch.ones(2, 1)\ne = x.expand(2, 3)\ne.fill_(2)\nprint(x)\ne.zero_()\nprint(x)",
    "view_expand_add_error": "x = torch.ones(2, 1)\nx.expand(2, 3).add_(1)",
    "view_expand_copy_error": "x = torch.ones(2, 1)\nx.expand(2, 3).copy_(torch.ones(2, 3))",
    "view_advanced_index_copies": M23 + "y = x[[0, 1]]\ny[0, 0] = 100\nm = x[x > 2]\nm[0] = -7\nprint(x)",
    "view_data_write": G3 + "x.data[1:] = 4\nx.data.mul_(2)\nprint(x, x._version)",
    "view_data_own_version": "x = torch.ones(3)\nd = x.data\nd.mul_(2)\nprint(x, x._version, d._version, d._base)",
    "view_detach_shares_version": G3 + "d = x.detach()\nd.add_(1)\nprint(x, x._version, d._version)",
    "view_detach_slice_write": G3 + "v = x.detach()[1:]\nv.add_(1)\nprint(x)",
    "view_mT_write": M23 + "x.mT[2, 1] = -3\nprint(x)",
    "view_ellipsis_none": M23 + "x[..., 0] = 7\nx[None][0, 1, 2] = 8\nprint(x)",
    "view_setdata_keeps_old_views": "x = torch.ones(3)\nv = x[1:]\nx.data = torch.zeros(3)\nv.fill_(5)\nprint(x, v)",
    # ---- strides, offsets and contiguity tell the truth ---------------------------------------
    "view_strides_offsets": M23 + "print(x.stride(), x.t().stride(), x[:, 1].stride(), x[:, 1].storage_offset(), x[1].storage_offset(), x.stride(-1))",
    "view_stride_dim_error": M23 + "x.stride(2)",
    "view_is_contiguous": M23 + "print(x.is_contiguous(), x.t().is_contiguous(), x[:, 1].is_contiguous(), x[1].is_contiguous(), x.t().contiguous().is_contiguous(), x.expand(2, 2, 3).is_contiguous())",
    "view_contiguous_same_tensor": M23 + "print(x.contiguous() is x, x.t().contiguous()._base is None)\nc = x.t().contiguous()\nc[0, 0] = 99\nprint(x)",
    "view_base": M23 + "print(x._base, x[0]._base is not None, torch.ones(2)._base)",
    "view_data_ptr": M23 + "print(x[1].data_ptr() - x.data_ptr(), x[0, 2].data_ptr() - x.data_ptr(), x.t().data_ptr() == x.data_ptr(), x.clone().data_ptr() == x.data_ptr())",
    "view_noncontiguous_view_error": M23 + "x.t().view(6)",
    "view_noncontiguous_view_ok": M23 + "y = x.t()\nprint(y.view(3, 2, 1).stride(), y.unsqueeze(0).stride())",
    "view_version_shared": M23 + "v = x[0]\nv.add_(1)\nx.mul_(2)\nprint(x._version, v._version, x.t()._version)",
    # ---- autograd through views --------------------------------------------------------------
    "view_leaf_view_inplace_error": G3 + "v = x[0:2]\nv.mul_(2)",
    "view_leaf_setitem_error": G3 + "x[0] = 5",
    "view_leaf_view_no_grad_ok": G3 + "with torch.no_grad():\n    v = x[0:2]\n    v.mul_(2)\nprint(x)",
    "view_no_grad_view_inplace_error": G3 + "with torch.no_grad():\n    v = x[0:2]\nv.mul_(2)",
    "view_nonleaf_view_inplace": G3 + "y = x * 1\nv = y[0:2]\nv.mul_(2)\nprint(v, y)\ny.sum().backward()\nprint(x.grad)",
    "view_nonleaf_view_grad_fn_names": G3 + "y = x * 2\nv = y[1:]\nprint(v._version, y._version)\nv.add_(1)\nprint(v._version, y._version, " + name_of("y") + ", " + name_of("v") + ")",
    "view_nonleaf_other_view_sees": G3 + "y = x * 1\nv = y[0:2]\nw = y[1:]\nv.mul_(2)\nprint(w)\nw.sum().backward()\nprint(x.grad)",
    "view_nonleaf_transpose_setitem": G22 + "y = x * 1\nv = y.t()\nv[0] = 0\nprint(v, y)\ny.sum().backward()\nprint(x.grad)",
    "view_nonleaf_inplace_with_tensor": G3 + "w = torch.tensor([2.0, 3.0], requires_grad=True)\ny = x * 1\ny[1:].mul_(w)\n(y * y).sum().backward()\nprint(y, x.grad, w.grad)",
    "view_nonleaf_chained_setitem": G22 + "y = x ** 2\ny[0][1] = 10\ny.sum().backward()\nprint(y, x.grad)",
    "view_base_modified_saved_error": G3 + "y = x * 1\nw = y.view(3, 1)\ny.mul_(y)\nprint(w)\nw.sum().backward()",
    "view_saved_view_modified_error": G3 + "y = x.exp()\nv = y[:2]\ny.mul_(2)\nv.sum().backward()",
    "view_saved_through_view_error": G3 + "y = x * 1\nz = y.sin()\ny[0] = 0\nz.sum().backward()\nprint(x.grad)",
    "view_exp_saved_view_write": G3 + "y = x.exp()\ny[0] = 1\ny.sum().backward()",
    "view_plain_base_gets_grad_fn": "x = torch.zeros(3)\nw = torch.tensor(2.0, requires_grad=True)\nx[1:].copy_(w.expand(2))\nprint(x, " + name_of("x") + ")\nx.sum().backward()\nprint(w.grad)",
    "view_copyslices_next_functions": "def walk(f, d=0):\n    print(' ' * d + (type(f).__name__ if f is not None else 'None'))\n    for n, _ in (f.next_functions if f is not None else ()):\n        walk(n, d + 2)\n" + G3 + "y = x * 1\ny[0] += 10\nwalk(y.grad_fn)\nw = torch.tensor([2.0, 3.0], requires_grad=True)\nz = x * 2\nz[1:].mul_(w)\nwalk(z.grad_fn)\n(z * z).sum().backward()\nprint(x.grad, w.grad)",
    "view_copyslices_backward_twice": G3 + "y = x * 1\ny[1:].mul_(y[:2].detach() + 1)\ny.sum().backward()\ny.sum().backward()\nprint(x.grad)\nw = torch.ones(2, requires_grad=True)\nz = x * 1\nz[1:].mul_(w)\nz.sum().backward()\nz.sum().backward()",
    "view_unbind_inplace_error": G3 + "y = x * 1\na, b, c = y.unbind()\na.add_(1)",
    "view_split_sizes_inplace_error": G3 + "y = x * 1\ny.split([1, 2])[1].add_(1)",
    "view_multi_output_grad_fns": G22 + "print(" + ", ".join(name_of(e) for e in ["x.unbind()[0]", "x.split(1)[0]", "x.split([1, 1])[1]", "x.chunk(2, 1)[0]", "x.diagonal()", "x.narrow(1, 0, 1)", "x.select(0, 1)", "x.mT", "x[...]"]) + ")",
    "view_split_backward": G22 + "a, b = x.split(1, 1)\n(a * 2 + b * 3).sum().backward()\nprint(x.grad)",
    "view_unbind_backward": G22 + "r0, r1 = x.unbind(1)\n(r0 * r1).sum().backward()\nprint(x.grad)",
    "view_diagonal_backward": G22 + "(x.diagonal() * torch.tensor([2.0, 3.0])).sum().backward()\nprint(x.grad)",
    "view_optimizer_step_through_view": "w = torch.nn.Parameter(torch.ones(2, 2))\nv = w.t()\nopt = torch.optim.SGD([w], lr=0.5)\n(w * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()\nopt.step()\nprint(v, w)",
    "view_no_grad_param_update_view": "w = torch.ones(3, requires_grad=True)\nwith torch.no_grad():\n    w[1:] -= 0.5\nprint(w, w.is_leaf, w.grad_fn)",
    # ---- in-place shape ops ----------------------------------------------------------------
    "view_unsqueeze_inplace": G3 + "y = x * 1\nprint(" + name_of("y.unsqueeze_(0)") + ", y.shape, y.stride(), y._version)\ny.sum().backward()\nprint(x.grad)",
    "view_squeeze_t_transpose_inplace": "x = torch.ones(2, 3, requires_grad=True)\ny = (x * 1).unsqueeze(0)\nprint(" + ", ".join(name_of(e) for e in ["y.squeeze_()", "y.t_()", "y.transpose_(0, 1)", "y.unsqueeze_(2)", "y.squeeze_(2)"]) + ", y._version, y.shape)",
    "view_unsqueeze_inplace_leaf_error": "x = torch.ones(2, 3, requires_grad=True)\nx.unsqueeze_(0)",
    "view_t_inplace_plain": "x = torch.arange(6.0).view(2, 3)\nx.t_()\nprint(x, x.stride(), x.is_contiguous(), x._base is None)\nx.view(6)",
    "view_unsqueeze_inplace_of_view": "x = torch.ones(2, 3)\nv = x[0]\nv.unsqueeze_(0)\nv[0, 1] = 5\nprint(v.shape, v.stride(), x)",
    # ---- numpy shares memory with tensors --------------------------------------------------
    "view_numpy_sees_tensor_writes": "t = torch.ones(3)\nn = t.numpy()\nt.add_(1)\nprint(n)",
    "view_numpy_write_reaches_tensor": "t = torch.ones(3)\nn = t.numpy()\nn[0] = 7\nn[1:] += 1\nprint(t)",
    "view_from_numpy_shares": "import numpy as np\nm = np.zeros(3)\nu = torch.from_numpy(m)\nm[1] = 4\nprint(u)\nu[2] = 5\nprint(m)",
    "view_as_tensor_shares": "import numpy as np\nm = np.ones(2)\nu = torch.as_tensor(m)\nu.mul_(3)\nprint(m, torch.as_tensor(m).data_ptr() == u.data_ptr())\nc = torch.as_tensor(m, dtype=torch.float32)\nc.add_(1)\nprint(m, c)",
    "view_from_numpy_view_of_base": "import numpy as np\nm = np.zeros(4)\nv = m[1:3]\nu = torch.from_numpy(m)\nv[0] = 5\nprint(u)",
    "view_numpy_of_transpose": "x = torch.arange(6.0).view(2, 3)\nn = x.t().numpy()\nx[0, 1] = 100\nprint(n)\nn[2, 1] = -1\nprint(x)",
    "view_numpy_int_bool": "k = torch.tensor([1, 2, 3]).numpy()\nb = torch.tensor([True, False]).numpy()\nprint(k, k.dtype, k.tolist(), b, b.dtype)",
    "view_tensor_from_numpy_copies": "import numpy as np\nm = np.zeros(2)\nt = torch.tensor(m)\nm[0] = 1\nprint(t)",
    "view_numpy_requires_grad_error": G3 + "x.numpy()",
    "view_numpy_data_shares": G3 + "n = x.data.numpy()\nn[0] = 10\nprint(x)",
    "view_numpy_reshape_slice_views": "import numpy as np\na = np.zeros((2, 3))\nr = a.reshape(3, 2)\nr[0, 1] = 5\ns = a[:, 1]\ns[1] = 7\nprint(a)",
}
