/** Node's zlib for repacking workbooks (native deflate: a 100,000-row register in seconds, not minutes). */
import { crc32, deflateRawSync } from "node:zlib";
import type { Packer } from "../portable/zip-write";

export const nodePacker: Packer = {
  deflateRaw: (data) => deflateRawSync(data, { level: 6 }),
  crc32: (data) => crc32(data),
};
