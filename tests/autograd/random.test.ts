// The generator under the random tensors: MT19937's published check value, and what a new seed
// resets (bit-for-bit agreement with PyTorch is tests/conformance/rng-probes.test.ts).
import { describe, expect, it } from 'vitest';
import { CPUGenerator } from '../../core/autograd/index.ts';
import { MT19937 } from '../../core/autograd/random/mt19937.ts';

describe('MT19937', () => {
  it("gives the standard's 10000th value for the default seed 5489", () => {
    const engine = new MT19937(5489);
    let value = 0;
    for (let i = 0; i < 10000; i++) value = engine.nextUint32();
    expect(value).toBe(4123659995);
  });

  it('uses the low 32 bits of a 64-bit seed', () => {
    const low = new MT19937(7);
    const high = new MT19937(2n ** 40n + 7n);
    expect(high.nextUint32()).toBe(low.nextUint32());
  });
});

describe('CPUGenerator', () => {
  it('keeps seeds as unsigned 64-bit values, as torch.initial_seed() shows them', () => {
    const gen = new CPUGenerator();
    gen.manualSeed(-1n);
    expect(gen.seed).toBe(2n ** 64n - 1n);
  });

  it('forgets the kept Box-Muller value when reseeded', () => {
    const gen = new CPUGenerator();
    gen.nextDoubleNormal = 0.5;
    gen.manualSeed(3n);
    expect(gen.nextDoubleNormal).toBeNull();
  });

  it('draws uniforms in [0, 1) from 24 and 53 bits', () => {
    const gen = new CPUGenerator(0n);
    for (let i = 0; i < 1000; i++) {
      const single = gen.uniform24();
      const double = gen.uniform53();
      expect(single >= 0 && single < 1 && Math.fround(single) === single).toBe(true);
      expect(double >= 0 && double < 1).toBe(true);
    }
  });
});
