// The Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998) as ATen's CPU generator runs it:
// seeded from the low 32 bits of a 64-bit seed by the 2002 initialisation, its state refilled all
// at once when the 624 words are used up, then tempered. Same seed, same 32-bit words as PyTorch.

export const STATE_WORDS = 624;
const SHIFT = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class MT19937 {
  /** The 624 words of state. */
  readonly state = new Uint32Array(STATE_WORDS);
  /** Words left before the next refill, plus one (ATen's `left_`: 1 means refill first). */
  left = 1;
  /** Index of the next word to temper (ATen's `next_`). */
  next = 0;

  constructor(seed: bigint | number = 5489) {
    this.seed(seed);
  }

  seed(seed: bigint | number): void {
    const s = this.state;
    s[0] = Number(BigInt(seed) & 0xffffffffn);
    for (let j = 1; j < STATE_WORDS; j++) {
      const previous = s[j - 1] ^ (s[j - 1] >>> 30);
      s[j] = (Math.imul(1812433253, previous) + j) >>> 0;
    }
    this.left = 1;
    this.next = 0;
  }

  /** The next 32-bit word, as an unsigned number. */
  nextUint32(): number {
    if (--this.left === 0) this.refill();
    let y = this.state[this.next++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private refill(): void {
    const s = this.state;
    this.left = STATE_WORDS;
    this.next = 0;
    for (let k = 0; k < STATE_WORDS; k++) {
      const mixed = (s[k] & UPPER_MASK) | (s[(k + 1) % STATE_WORDS] & LOWER_MASK);
      const twisted = (mixed >>> 1) ^ (s[(k + 1) % STATE_WORDS] & 1 ? MATRIX_A : 0);
      s[k] = s[(k + SHIFT) % STATE_WORDS] ^ twisted;
    }
  }
}
