/**
 * Writes a workbook container back with only the changed parts recompressed: every part kept as
 * it is is copied with its compressed bytes (never inflated, so media and bombs cost nothing, and
 * the output is no larger than the input plus what the conversion adds). The host gives the raw
 * deflate and CRC-32 (Node's zlib in the CLI); no Node API here.
 */
import { endOfDirectory } from "./zip-guard";

export interface Packer {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

interface CentralEntry {
  name: string;
  /** The central directory record, as it is. */
  record: Uint8Array;
  localOffset: number;
  compressedSize: number;
}

function centralEntries(bytes: Uint8Array): CentralEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfDirectory(view);
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  // Zip64 containers are left to the general path.
  if (count === 0xffff || offset === 0xffffffff) return null;
  const out: CentralEntry[] = [];
  const decoder = new TextDecoder();
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) return null;
    const n = view.getUint16(p + 28, true);
    const e = view.getUint16(p + 30, true);
    const c = view.getUint16(p + 32, true);
    const compressedSize = view.getUint32(p + 20, true);
    const localOffset = view.getUint32(p + 42, true);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) return null;
    out.push({ name: decoder.decode(bytes.subarray(p + 46, p + 46 + n)), record: bytes.subarray(p, p + 46 + n + e + c), localOffset, compressedSize });
    p += 46 + n + e + c;
  }
  return out;
}

/**
 * The container with `changes` applied (name → new bytes, or null to remove; names not in the
 * input are added at the end, in the map's order). Null when the input is a form this writer does
 * not copy (zip64): the caller packs it the general way.
 */
export function repack(input: Uint8Array, changes: Map<string, Uint8Array | null>, packer: Packer): Uint8Array | null {
  const entries = centralEntries(input);
  if (!entries) return null;
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let at = 0;
  const add = (name: string, data: Uint8Array) => {
    const nameBytes = encoder.encode(name);
    const packed = packer.deflateRaw(data);
    const crc = packer.crc32(data) >>> 0;
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, 8, true);
    lv.setUint16(10, 0, true);
    lv.setUint16(12, 0x21, true); // 1980-01-01, as JSZip writes a part without a date
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const rec = new Uint8Array(46 + nameBytes.length);
    const rv = new DataView(rec.buffer);
    rv.setUint32(0, 0x02014b50, true);
    rv.setUint16(4, 20, true);
    rv.setUint16(6, 20, true);
    rv.setUint16(8, 0x0800, true);
    rv.setUint16(10, 8, true);
    rv.setUint16(14, 0x21, true);
    rv.setUint32(16, crc, true);
    rv.setUint32(20, packed.length, true);
    rv.setUint32(24, data.length, true);
    rv.setUint16(28, nameBytes.length, true);
    rv.setUint32(42, at, true);
    rec.set(nameBytes, 46);
    pieces.push(local, packed);
    central.push(rec);
    at += local.length + packed.length;
  };
  const seen = new Set<string>();
  for (const e of entries) {
    seen.add(e.name);
    const change = changes.get(e.name);
    if (change === null) continue;
    if (change !== undefined) {
      add(e.name, change);
      continue;
    }
    // Kept: local header, data and any data descriptor, copied; the record points at the new offset.
    const lh = e.localOffset;
    if (view.getUint32(lh, true) !== 0x04034b50) return null;
    const flags = view.getUint16(lh + 6, true);
    let end = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true) + e.compressedSize;
    if (flags & 8) end += view.getUint32(end, true) === 0x08074b50 ? 16 : 12;
    if (end > input.length) return null;
    pieces.push(input.subarray(lh, end));
    const rec = new Uint8Array(e.record);
    new DataView(rec.buffer).setUint32(42, at, true);
    central.push(rec);
    at += end - lh;
  }
  for (const [name, data] of changes) if (!seen.has(name) && data !== null) add(name, data);
  const dirOffset = at;
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, dirOffset, true);
  if (central.length > 0xffff || dirOffset + dirSize > 0xffffffff) return null;
  const out = new Uint8Array(dirOffset + dirSize + 22);
  let q = 0;
  for (const part of [...pieces, ...central, eocd]) {
    out.set(part, q);
    q += part.length;
  }
  return out;
}
