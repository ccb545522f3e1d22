/** The SpreadsheetReadError a read ends with (the test fails when it ends otherwise). */
import { SpreadsheetReadError } from "../../src/hosts/xlsx/read";

export async function refusal(read: Promise<unknown>): Promise<SpreadsheetReadError> {
  const e = await read.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(SpreadsheetReadError);
  return e as SpreadsheetReadError;
}
