#!/usr/bin/env node
// Draws build/icon.png (1024×1024): a rounded teal→indigo square with a white
// ladder whose rungs rise to the right like a bar chart.
// Pure Node (zlib) so anyone can regenerate it without ImageMagick:
//   node build/make-icon.mjs
// electron-builder turns this one PNG into .icns (mac), .ico (win) and the
// Linux icon set, so it is the only icon file we keep.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 1024;

// --- signed distance functions (negative inside), in pixels ---------------
function roundedRect(px, py, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(px - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(py - cy) - ((y1 - y0) / 2 - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(px, py, ax, ay, bx, by, halfWidth) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) - halfWidth;
}

// Anti-aliased coverage from a distance: 1 inside, 0 outside, ~1px ramp.
const cover = (d) => Math.max(0, Math.min(1, 0.5 - d));

// --- the design -------------------------------------------------------------
const M = 40; // margin around the tile (macOS-style breathing room)
const tile = { x0: M, y0: M, x1: SIZE - M, y1: SIZE - M, r: 200 };
const top = [0x0d, 0x94, 0x88]; // teal
const bottom = [0x31, 0x2e, 0x81]; // indigo

// Ladder: a baseline rail and a handrail rising to the right; the rungs are
// bars that grow towards the handrail like a bar chart, with a small gap
// under the rail so every rung reads as a separate step.
const baseY = 790;
const railHalf = 22;
const railA = { ax: 220, ay: baseY, bx: 804, by: baseY };
const railB = { ax: 220, ay: 600, bx: 804, by: 210 };
const railBY = (x) => railB.ay + ((x - railB.ax) * (railB.by - railB.ay)) / (railB.bx - railB.ax);
const rungHalf = 48; // bar half-width
const gap = 48; // space between a bar's top-left corner and the handrail
const rungs = [318, 446, 574, 702].map((x) => ({ x, top: railBY(x - rungHalf) + gap }));

function shapeCoverage(px, py) {
  let d = segment(px, py, railA.ax, railA.ay, railA.bx, railA.by, railHalf);
  d = Math.min(d, segment(px, py, railB.ax, railB.ay, railB.bx, railB.by, railHalf));
  for (const { x, top } of rungs) {
    d = Math.min(d, roundedRect(px, py, x - rungHalf, top, x + rungHalf, baseY, 18));
  }
  return cover(d);
}

function pixel(x, y) {
  const px = x + 0.5;
  const py = y + 0.5;
  const a = cover(roundedRect(px, py, tile.x0, tile.y0, tile.x1, tile.y1, tile.r));
  if (a === 0) return [0, 0, 0, 0];
  // Diagonal gradient, top-left teal to bottom-right indigo.
  const t = Math.min(1, Math.max(0, (px + py - 2 * M) / (2 * (SIZE - 2 * M))));
  const bg = top.map((c, i) => c + (bottom[i] - c) * t);
  const w = shapeCoverage(px, py);
  const rgb = bg.map((c) => Math.round(c + (255 - c) * w));
  return [...rgb, Math.round(a * 255)];
}

// --- minimal PNG encoder (RGBA, 8 bit, no interlace) -----------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function renderIcon() {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('./icon.png', import.meta.url));
  writeFileSync(out, renderIcon());
  console.log(`wrote ${out}`);
}
