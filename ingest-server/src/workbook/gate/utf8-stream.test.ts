import { Utf8Stream } from './utf8-stream';

// what the gate used before: a fatal streaming TextDecoder, whose decoded text it threw away
const decoderSays = (chunks: readonly Buffer[]): boolean => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (const chunk of chunks) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
};

const streamSays = (chunks: readonly Buffer[]): boolean => {
  const stream = new Utf8Stream();
  return chunks.every((chunk) => stream.push(chunk)) && stream.end();
};

describe('Utf8Stream', () => {
  it('gives the fatal decoder’s verdict on text cut anywhere: whole, truncated, overlong, surrogate, out of range', () => {
    const pieces = [
      Buffer.from('現金收支登記簿 😀 é'),
      Buffer.from([0xe0, 0x80, 0x80]),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from([0xf4, 0x90, 0x80, 0x80]),
      Buffer.from([0xc0, 0xaf]),
      Buffer.from([0xff]),
      Buffer.from([0xf0, 0x9f, 0x98]),
      Buffer.from([0x80]),
    ];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const differ: string[] = [];
    for (let k = 0; k < 3000; k += 1) {
      // mostly valid text, sometimes with a bad piece or a random byte in it, cut into chunks of 1–5 bytes
      const parts = Array.from({ length: 1 + next(5) }, () => (next(4) === 0 ? (pieces[next(pieces.length)] ?? Buffer.alloc(0)) : (pieces[0] ?? Buffer.alloc(0))));
      if (next(5) === 0) parts.push(Buffer.from([next(256)]));
      const all = Buffer.concat(parts);
      const chunks: Buffer[] = [];
      for (let at = 0; at < all.length; ) {
        const length = 1 + next(5);
        chunks.push(all.subarray(at, at + length));
        at += length;
      }
      if (decoderSays(chunks) !== streamSays(chunks)) differ.push(all.toString('hex'));
    }
    expect(differ).toEqual([]);
    expect(streamSays([Buffer.from('完整'), Buffer.from([0xe5, 0xae])])).toBe(false);
    expect(streamSays([Buffer.from([0xe5, 0xae]), Buffer.from([0x8c]), Buffer.from('整')])).toBe(true);
  });
});
