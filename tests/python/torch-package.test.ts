// The Python `torch`, `numpy` and `matplotlib` packages beyond the golden programs: what lesson
// code commonly does, and clear errors for what Gradlab does not have.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PythonKernel } from '../../core/python/kernel.ts';
import { startNodeKernel } from '../../cli/python-node.ts';

let kernel: PythonKernel;

beforeAll(async () => {
  kernel = await startNodeKernel();
});

function run(code: string) {
  const result = kernel.runCell(`import torch, numpy as np\n${code}`, { fresh: true });
  return { stdout: result.stdout, display: result.display, error: result.error };
}

describe('indexing', () => {
  it('reads with ints, slices and masks, with PyTorch grad_fn names and gradients', () => {
    const result = run(
      'x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\n' +
        'print(x[0], x[1:], x[x > 1.5], sep="\\n")\n(x[0] * 3 + x[1:].sum()).backward()\nx.grad',
    );
    expect(result.stdout).toBe(
      'tensor(1., grad_fn=<SelectBackward0>)\ntensor([2., 3.], grad_fn=<SliceBackward0>)\n' +
        'tensor([2., 3.], grad_fn=<IndexBackward0>)\n',
    );
    expect(result.display).toBe('tensor([3., 1., 1.])');
  });

  it('assigns through a mask, and refuses it on a leaf that requires grad', () => {
    expect(run('g = torch.tensor([-1.0, 2.0])\ng[g < 0] = 0\ng').display).toBe('tensor([0., 2.])');
    expect(run('x = torch.ones(2, requires_grad=True)\nx[x > 0] = 5').error).toBe(
      'RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.',
    );
    // Basic indexing writes through a view of the leaf, and torch's message says so.
    expect(run('x = torch.ones(2, requires_grad=True)\nx[0] = 5').error).toBe(
      'RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation.',
    );
  });
});

describe('grad mode and dtypes', () => {
  it('supports no_grad as a decorator and set_grad_enabled as a call', () => {
    const result = run(
      'x = torch.tensor(1.0, requires_grad=True)\n@torch.no_grad()\ndef double(t):\n    return t * 2\n' +
        'torch.set_grad_enabled(False)\ny = x * 3\ntorch.set_grad_enabled(True)\n' +
        'double(x).requires_grad, y.requires_grad, torch.is_grad_enabled()',
    );
    expect(result.display).toBe('(False, False, True)');
  });

  it('promotes int tensors with Python floats as torch does', () => {
    expect(run('torch.tensor([1, 2]) * 2.5, torch.tensor([1, 2]) / 2').display).toBe(
      '(tensor([2.5000, 5.0000]), tensor([0.5000, 1.0000]))',
    );
  });

  it('compares tensors with allclose and equal, as grading code does', () => {
    expect(
      run(
        'a = torch.tensor([1.0, 2.0])\n' +
          'torch.allclose(a, torch.tensor([1.0, 2.000001])), a.allclose(a + 0.1), torch.equal(a, a.clone())',
      ).display,
    ).toBe('(True, False, True)');
  });

  it('formats 0-d tensors with format specs, even when they require grad', () => {
    expect(run('print(f"{torch.tensor(2.0, requires_grad=True):.3f}")').stdout).toBe('2.000\n');
  });
});

describe('gradient descent as lessons write it', () => {
  it('updates a leaf under no_grad and through .data, zeroing its grad', () => {
    const step = 'for _ in range(3):\n    loss = (w - 2) ** 2\n    loss.backward()\n';
    const underNoGrad = run(
      `w = torch.tensor(5.0, requires_grad=True)\n${step}    with torch.no_grad():\n` +
        '        w -= 0.1 * w.grad\n    w.grad.zero_()\nw',
    );
    const throughData = run(
      `w = torch.tensor(5.0, requires_grad=True)\n${step}    w.data -= 0.1 * w.grad.data\n` +
        '    w.grad.data.zero_()\nw',
    );
    expect(underNoGrad.display).toBe('tensor(3.5360, requires_grad=True)');
    expect(throughData.display).toBe('tensor(3.5360, requires_grad=True)');
  });
});

describe('numpy and plots', () => {
  it('turns a detached tensor into a numpy array that prints and computes as numpy does', () => {
    const result = run(
      'n = torch.linspace(0, 1, 3).numpy()\nprint(n.shape, n.dtype, len(n), n.tolist())\nn * 2',
    );
    expect(result.stdout).toBe('(3,) float32 3 [0.0, 0.5, 1.0]\n');
    expect(result.display).toBe('array([0., 1., 2.], dtype=float32)');
  });

  it('prints a numpy array as numpy does', () => {
    expect(
      run('print(torch.linspace(0, 1, 3).numpy())\nprint(torch.linspace(-10, 10, 30).numpy())')
        .stdout,
    ).toBe(
      '[0.  0.5 1. ]\n' +
        '[-10.         -9.310345   -8.620689   -7.9310346  -7.2413793  -6.551724\n' +
        '  -5.862069   -5.172414   -4.4827585  -3.7931032  -3.1034482  -2.413793\n' +
        '  -1.7241378  -1.0344826  -0.3448274   0.3448274   1.0344826   1.7241378\n' +
        '   2.413793    3.1034482   3.7931032   4.4827585   5.172414    5.862069\n' +
        '   6.551724    7.2413793   7.9310346   8.620689    9.310345   10.       ]\n',
    );
  });

  it("keeps a numpy array's dtype in torch.tensor and from_numpy", () => {
    expect(
      run('torch.tensor(np.array([1.5, 2.0])), torch.from_numpy(np.array([1, 2]))').display,
    ).toBe('(tensor([1.5000, 2.0000], dtype=torch.float64), tensor([1, 2]))');
  });

  it('plots tensors directly', () => {
    const result = kernel.runCell(
      'import torch\nimport matplotlib.pyplot as plt\nx = torch.linspace(0, 1, 3)\nplt.plot(x, x ** 2)\nplt.show()',
      { fresh: true },
    );
    expect(result.plots[0].lines[0]).toEqual({
      kind: 'line',
      x: [0, 0.5, 1],
      y: [0, 0.25, 1],
      label: null,
    });
  });

  it('shares memory between tensors and the arrays numpy() and from_numpy() make, as PyTorch', () => {
    expect(
      kernel.runCell('import numpy as np\nt = torch.zeros(2)\na = t.numpy()\na[0] = 1\nt').display,
    ).toBe('tensor([1., 0.])');
    expect(kernel.runCell('b = np.zeros(2)\nu = torch.from_numpy(b)\nb += 1\nu').display).toBe(
      'tensor([1., 1.], dtype=torch.float64)',
    );
    expect(kernel.runCell('u.mul_(3)\nb').display).toBe('array([3., 3.])');
    expect(kernel.runCell('c = t.numpy().copy()\nc[0] = 5\nc, t').display).toBe(
      '(array([5., 0.], dtype=float32), tensor([1., 0.]))',
    );
  });

  it('refuses to plot a tensor that requires grad, as matplotlib with PyTorch does', () => {
    const result = kernel.runCell(
      'x = torch.linspace(0, 1, 3, requires_grad=True)\nplt.plot(x, x ** 2)',
    );
    expect(result.error).toBe(
      "RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
    );
  });
});

describe('custom Functions', () => {
  it('re-raises an error from forward with the student line in the traceback', () => {
    const result = kernel.runCell(
      'import torch\nclass Bad(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n' +
        '        raise ValueError("no forward")\nBad.apply(torch.ones(1, requires_grad=True))',
      { fresh: true },
    );
    expect(result.error).toBe('ValueError: no forward');
    expect(result.traceback).toContain('line 5, in forward');
  });

  it('raises GradcheckError with both Jacobians when asked to', () => {
    const result = run(
      'class SQ(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, i):\n' +
        '        ctx.save_for_backward(i)\n        return i ** 2\n    @staticmethod\n' +
        '    def backward(ctx, g):\n        i, = ctx.saved_tensors\n        return 2 * i\n' +
        'torch.autograd.gradcheck(lambda t: 3 * SQ.apply(t), (torch.tensor([1.5], dtype=torch.float64, requires_grad=True),))',
    );
    expect(result.error).toMatch(
      /^GradcheckError: Jacobian mismatch for output 0 with respect to input 0,\nnumerical:/,
    );
  });
});

describe('what Gradlab does not have', () => {
  it('names the missing function, method or module member', () => {
    expect(run('torch.fft(torch.ones(2))').error).toBe(
      'NotImplementedError: torch.fft is not supported in Gradlab yet',
    );
    expect(run('torch.ones(2).cumprod(0)').error).toBe(
      'NotImplementedError: torch.Tensor.cumprod is not supported in Gradlab yet',
    );
    expect(run('torch.nn.Conv2d(1, 1, 3)').error).toBe(
      'NotImplementedError: torch.nn.Conv2d is not supported in Gradlab yet',
    );
  });

  it('reads end of file from input() instead of waiting for a console', () => {
    expect(run('input("name? ")').error).toBe('EOFError: EOF when reading a line');
  });
});

describe('nn.BatchNorm1d', () => {
  it('has the gradient finite differences give, for its input, weight and bias', () => {
    const result = run(
      [
        'torch.manual_seed(3)',
        'bn = torch.nn.BatchNorm1d(3).double()',
        'x = torch.randn(6, 3, dtype=torch.float64, requires_grad=True)',
        // gradcheck nudges bn.weight and bn.bias in place, so bn(x) sees each nudge.
        'print(torch.autograd.gradcheck(lambda x, w, b: bn(x), (x, bn.weight, bn.bias)))',
        'bn3 = torch.nn.BatchNorm1d(2, affine=False).double()',
        'z = torch.randn(3, 2, 4, dtype=torch.float64, requires_grad=True)',
        'print(torch.autograd.gradcheck(bn3, (z,)))',
      ].join('\n'),
    );
    expect(result.error).toBeNull();
    expect(result.stdout).toBe('True\nTrue\n');
  });
});
