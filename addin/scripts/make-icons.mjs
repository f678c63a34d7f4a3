#!/usr/bin/env node
// Draws the ribbon and store icons (a ledger sheet with a check mark) as PNGs in addin/assets: no image tools needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 64, 80, 128];
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const BRAND = [15, 108, 189]; // Fluent brand blue #0F6CBD
const WHITE = [255, 255, 255];
const SUPERSAMPLE = 4;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const png = (size, rgba) => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
};

const distToSegment = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

/** Colour of one point in unit coordinates (0..1): rounded blue square, white ruled lines and a white check mark. */
const shade = (x, y) => {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  const check = Math.min(distToSegment(x, y, 0.24, 0.55, 0.42, 0.73), distToSegment(x, y, 0.42, 0.73, 0.78, 0.3));
  if (check < 0.075) return WHITE;
  const ruled = [0.25, 0.4].some((ly) => Math.abs(y - ly) < 0.035 && x > 0.2 && x < 0.55);
  return ruled ? WHITE : BRAND;
};

const draw = (size) => {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          const c = shade((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (c === null) continue;
          red += c[0];
          green += c[1];
          blue += c[2];
          alpha += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (alpha > 0) {
        rgba[i] = Math.round(red / alpha);
        rgba[i + 1] = Math.round(green / alpha);
        rgba[i + 2] = Math.round(blue / alpha);
      }
      rgba[i + 3] = Math.round((alpha / (SUPERSAMPLE * SUPERSAMPLE)) * 255);
    }
  }
  return png(size, rgba);
};

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) writeFileSync(join(OUT, `icon-${size}.png`), draw(size));
console.log(`icons written to ${OUT}: ${SIZES.join(', ')} px`);
