import { writeFileSync } from "node:fs";
import { crc32 } from "node:zlib";
import { withRawEntry, workbookOf, zerosDeflated } from "../tests/hostile/files";
(async () => {
  const zeros = Buffer.alloc(1000 * 1024 * 1024);
  writeFileSync("/tmp/h13/big-noop.xlsx", await withRawEntry(await workbookOf('<row r="1"><c r="A1"><v>1</v></c></row>'), "xl/media/image1.png", zerosDeflated(1000), zeros.length, crc32(zeros)));
})();
