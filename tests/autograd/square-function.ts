// The seed lab's custom Function SQ (x²) in the engine's terms, with the seed's wrong backward
// (2·i, ignoring grad_output) or the right one (grad_output · 2·i).
import * as A from '../../core/autograd/index.ts';

export const squareFunction = (x: A.Tensor, correct: boolean): A.Tensor =>
  A.applyFunction({
    name: 'SQ',
    inputs: [x],
    forward: (ctx) => {
      ctx.saveForBackward([x]);
      return A.pow(x, 2);
    },
    backward: (ctx, [g]) => {
      const [i] = ctx.savedTensors;
      return correct ? A.mul(A.mul(g, 2), i) : A.mul(i, 2);
    },
  }) as A.Tensor;
