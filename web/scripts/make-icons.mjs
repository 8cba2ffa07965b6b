/**
 * Draws the portal's app icons (the heart of favicon.svg on the brand colour) as PNG files
 * with Node's own zlib, so no image tool is needed: `node scripts/make-icons.mjs`.
 * Output: static/icons/icon-192.png, icon-512.png, maskable-512.png, apple-touch-icon.png.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [0x8a, 0x1c, 0x4a];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgbAt) {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b] = rgbAt(x, y);
      const i = y * (size * 3 + 1) + 1 + x * 3;
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Inside the classic heart curve (x²+y²−1)³ − x²y³ ≤ 0, y pointing up. */
const inHeart = (x, y) => (x * x + y * y - 1) ** 3 - x * x * y ** 3 <= 0;
/** Inside a square with rounded corners of radius r (all in 0..1 units). */
function inRounded(u, v, r) {
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

/** heartScale: the heart's half-width as a share of the icon; corner: rounded corners (0 = full bleed, for maskable). */
function icon(size, heartScale, corner) {
  const samples = 4;
  return png(size, (px, py) => {
    let heart = 0;
    let inside = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const u = (px + (sx + 0.5) / samples) / size;
        const v = (py + (sy + 0.5) / samples) / size;
        if (corner && !inRounded(u, v, corner)) continue;
        inside++;
        // Centre the heart slightly low, as in favicon.svg; scale 1.3 fits the curve's extent.
        const x = ((u - 0.5) / heartScale) * 1.3;
        const y = (-(v - 0.52) / heartScale) * 1.3;
        if (inHeart(x, y)) heart++;
      }
    }
    const total = samples * samples;
    // Outside the rounded corners: white, like a launcher's background.
    const bg = BRAND.map((c, i) => (c * inside + WHITE[i] * (total - inside)) / total);
    return bg.map((c, i) => Math.round((c * (total - heart) + WHITE[i] * heart) / total));
  });
}

const out = new URL('../static/icons/', import.meta.url);
const files = {
  'icon-192.png': icon(192, 0.3, 0.22),
  'icon-512.png': icon(512, 0.3, 0.22),
  // Maskable: full bleed, the heart inside the 80% safe zone.
  'maskable-512.png': icon(512, 0.24, 0),
  'apple-touch-icon.png': icon(180, 0.3, 0),
};
for (const [name, data] of Object.entries(files)) {
  writeFileSync(new URL(name, out), data);
  console.log(`${name}: ${data.length} bytes`);
}
