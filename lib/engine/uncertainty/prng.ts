// A seeded pseudo-random source for the Monte Carlo: pure (no clock, no Math.random), the same
// sequence for the same seed in every JavaScript engine that follows IEEE-754 (Node, browsers).
//
// sfc32 (Chris Doty-Humphrey's "Small Fast Counting" generator, PractRand suite; passes PractRand to
// terabytes): four 32-bit words of state, a counter that guarantees a period of at least 2^32.
// The state is seeded from one 32-bit seed by splitmix32 and warmed 12 rounds, as PractRand does.

export type Rng = {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next: () => number;
  /** Standard normal (Marsaglia's polar method: exact, uses only log and sqrt). */
  normal: () => number;
};

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function sfc32(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = 1;
  const u32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  // The polar method yields two normals per accepted pair: the second is kept for the next call.
  let spare = NaN;
  const normal = () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = NaN;
      return s;
    }
    for (;;) {
      const u = 2 * next() - 1;
      const v = 2 * next() - 1;
      const q = u * u + v * v;
      if (q > 0 && q < 1) {
        const f = Math.sqrt((-2 * Math.log(q)) / q);
        spare = v * f;
        return u * f;
      }
    }
  };
  return { next, normal };
}
