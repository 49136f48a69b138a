// torch.Generator on the CPU: ATen's CPUGeneratorImpl. An MT19937 engine, 64-bit draws made of two
// 32-bit words (the first one high), and the second value of each Box-Muller pair kept for the
// next scalar normal draw (one cache for float and one for double), cleared by a new seed.
import { MT19937 } from './mt19937.ts';

/** The seed PyTorch's default CPU generator starts from (ATen's default_rng_seed_val). */
export const DEFAULT_SEED = 67280421310721n;

const TWO_POW_32 = 2 ** 32;
const TWO_POW_53 = 2 ** 53;

export class CPUGenerator {
  private engine: MT19937;
  private initialSeed: bigint;
  /** The sine half of the last scalar Box-Muller pair, for the next double normal draw. */
  nextDoubleNormal: number | null = null;
  /** The same for float draws (used by no CPU kernel in 1.13, but part of the saved state). */
  nextFloatNormal: number | null = null;

  constructor(seed: bigint = DEFAULT_SEED) {
    this.initialSeed = seed;
    this.engine = new MT19937(seed);
  }

  /** Generator.manual_seed: seeds are unsigned 64-bit; the engine uses their low 32 bits. */
  manualSeed(seed: bigint): void {
    this.initialSeed = BigInt.asUintN(64, seed);
    this.engine.seed(this.initialSeed);
    this.nextDoubleNormal = null;
    this.nextFloatNormal = null;
  }

  /** Generator.seed(): a fresh non-deterministic 64-bit seed. */
  seedRandomly(): bigint {
    const word = () => BigInt(Math.floor(Math.random() * TWO_POW_32));
    const seed = (word() << 32n) | word();
    this.manualSeed(seed);
    return seed;
  }

  get seed(): bigint {
    return this.initialSeed;
  }

  /** A 32-bit draw (`random()` in ATen). */
  random(): number {
    return this.engine.nextUint32();
  }

  /** A 64-bit draw as BigInt (`random64()`): for the rare ranges of 2**32 and beyond. */
  random64(): bigint {
    const high = this.engine.nextUint32();
    const low = this.engine.nextUint32();
    return (BigInt(high) << 32n) | BigInt(low);
  }

  /**
   * `torch.empty((), dtype=torch.int64).random_().item()`: a 64-bit draw below 2**63, exact (an
   * int64 tensor here holds 53 bits). torch.utils.data seeds its shuffling generator with it.
   */
  int63(): bigint {
    return this.random64() & ((1n << 63n) - 1n);
  }

  /** The low 53 bits of a 64-bit draw scaled to [0, 1): ATen's uniform double on [0, 1). */
  uniform53(): number {
    const high = this.engine.nextUint32() & 0x1fffff;
    const low = this.engine.nextUint32();
    return (high * TWO_POW_32 + low) / TWO_POW_53;
  }

  /** The low 24 bits of a 32-bit draw scaled to [0, 1): ATen's uniform float on [0, 1). */
  uniform24(): number {
    return (this.engine.nextUint32() & 0xffffff) / 0x1000000;
  }

  get engineState(): MT19937 {
    return this.engine;
  }
}
