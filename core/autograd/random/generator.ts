// torch.Generator on the CPU: ATen's CPUGeneratorImpl. An MT19937 engine, 64-bit draws made of two
// 32-bit words (the first one high), and the second value of each Box-Muller pair kept for the
// next scalar normal draw (one cache for float and one for double), cleared by a new seed.
import { TorchError } from '../errors.ts';
import { MT19937, STATE_WORDS } from './mt19937.ts';

/** The seed PyTorch's default CPU generator starts from (ATen's default_rng_seed_val). */
const DEFAULT_SEED = 67280421310721n;

/**
 * torch.get_rng_state()'s bytes: ATen's CPUGeneratorImplState, little-endian. The seed (u64),
 * left (i32), seeded (i32), next (u64), the 624 state words (u64 each), three doubles of which
 * the second is the kept double normal, its validity (i32, padded to 8), then the kept float
 * normal (f32) and its validity (one byte, padded to 4).
 */
const STATE_BYTES = 5056;
const WORDS_AT = 24;
const DOUBLE_NORMAL_AT = WORDS_AT + STATE_WORDS * 8 + 8;
const DOUBLE_VALID_AT = WORDS_AT + STATE_WORDS * 8 + 24;
const FLOAT_NORMAL_AT = DOUBLE_VALID_AT + 8;
const FLOAT_VALID_AT = FLOAT_NORMAL_AT + 4;

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

  /** Generator.get_state(): the bytes PyTorch's get_rng_state() gives. */
  getState(): Uint8Array {
    const bytes = new Uint8Array(STATE_BYTES);
    const view = new DataView(bytes.buffer);
    view.setBigUint64(0, this.initialSeed, true);
    view.setInt32(8, this.engine.left, true);
    view.setInt32(12, 1, true);
    view.setBigUint64(16, BigInt(this.engine.next), true);
    this.engine.state.forEach((word, i) => view.setUint32(WORDS_AT + i * 8, word, true));
    if (this.nextDoubleNormal !== null) {
      view.setFloat64(DOUBLE_NORMAL_AT, this.nextDoubleNormal, true);
      view.setInt32(DOUBLE_VALID_AT, 1, true);
    }
    if (this.nextFloatNormal !== null) {
      view.setFloat32(FLOAT_NORMAL_AT, this.nextFloatNormal, true);
      bytes[FLOAT_VALID_AT] = 1;
    }
    return bytes;
  }

  /** Generator.set_state(bytes): the state get_state() gave, checked as ATen checks it. */
  setState(bytes: Uint8Array): void {
    if (bytes.length !== STATE_BYTES)
      throw new TorchError(
        'RuntimeError',
        `Expected either a CPUGeneratorImplStateLegacy of size 5048 or a CPUGeneratorImplState of size ${STATE_BYTES} but found the input RNG state size to be ${bytes.length}`,
      );
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const left = view.getInt32(8, true);
    const next = Number(view.getBigUint64(16, true) & 0xffffffffn);
    if (view.getInt32(12, true) === 0 || left <= 0 || left > STATE_WORDS || next > STATE_WORDS)
      throw new TorchError('RuntimeError', 'Invalid mt19937 state');
    this.initialSeed = view.getBigUint64(0, true);
    for (let i = 0; i < STATE_WORDS; i++)
      this.engine.state[i] = view.getUint32(WORDS_AT + i * 8, true);
    this.engine.left = left;
    this.engine.next = next;
    this.nextDoubleNormal =
      view.getInt32(DOUBLE_VALID_AT, true) !== 0 ? view.getFloat64(DOUBLE_NORMAL_AT, true) : null;
    this.nextFloatNormal =
      bytes[FLOAT_VALID_AT] !== 0 ? view.getFloat32(FLOAT_NORMAL_AT, true) : null;
  }
}
