// Whether a part's bytes are UTF-8, judged chunk by chunk as it inflates without decoding them to text (the gate only
// needs the verdict; decoding a 14 MB sheet to a string it throws away costs ~30 ms and 27 MB of garbage).
import { isUtf8 } from 'node:buffer';

/** The length of the bytes up to the last whole character: a sequence cut by the chunk's end (≤ 3 bytes) waits. */
const wholeLength = (bytes: Buffer): number => {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: its lead is further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.length - back : bytes.length;
  }
  // three continuation bytes at the end: complete after a 4-byte lead, else not UTF-8 either way
  return bytes.length;
};

export class Utf8Stream {
  private carry: Buffer | null = null;

  /** False as soon as the bytes so far cannot be UTF-8. */
  push(chunk: Buffer): boolean {
    const bytes = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const whole = wholeLength(bytes);
    this.carry = whole === bytes.length ? null : Buffer.from(bytes.subarray(whole));
    return isUtf8(bytes.subarray(0, whole));
  }

  /** At the end: false when the last character was cut short. */
  end(): boolean {
    return this.carry === null;
  }
}
