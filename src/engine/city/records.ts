/**
 * The city register's rows: every enterprise of every town's register, read with the register's
 * own column mapping, its claim computed by the engine, and where it came from (file, sheet, row),
 * so an auditor can go back to the town's cell. Sales are carried in 元 whatever unit the town used.
 */
import { FLAGS } from "../../policy";
import { computeAmounts, type Amounts } from "../amounts";
import { parseClaim, type Claim } from "../claim";
import { ClaimError } from "../errors";
import { hasFlag } from "../flags";
import { matchKey } from "../text";
import type { ColumnKey, ColumnMapping } from "../register/columns";
import { normalizeUscc, usccProblem } from "../register/uscc";
import { readExitWhen } from "../register/values";

/** Where a row came from: file name, sheet, 1-based sheet row. */
export interface SourceRef {
  file: string;
  sheet: string;
  row: number;
}

export interface CityRecord {
  source: SourceRef;
  name: string;
  /** The code as written (trimmed). */
  uscc: string;
  /** Normalised and valid (GB 32100), else "". */
  usccKey: string;
  /** matchKey of the name, "" when blank. */
  nameKey: string;
  /** The town / park cell as written. */
  place: string;
  /** The town or park the claim is paid by (town nameZh, park label), else null. */
  payerPlace: string | null;
  sector: unknown;
  exitYear: number | null;
  /** The cells as the town wrote them, for the columns the city register carries over. */
  cells: Partial<Record<ColumnKey, unknown>>;
  claim: Claim | null;
  amounts: Amounts | null;
  /** Why the claim cannot be read, when it cannot. */
  error: { zh: string; en: string } | null;
}

/** One register as the shared reader located it. */
export interface SourceRegister {
  file: string;
  sheet: string;
  /** 0-based sheet row of the header's last row. */
  top: number;
  rows: unknown[][];
  mapping: ColumnMapping;
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
const blankRow = (row: unknown[] | undefined) => !row || row.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""));

/** The town or park that pays a claim's local share, as the summary names it. */
export function payerPlaceOf(claim: Claim): string | null {
  if (hasFlag(claim.flags, "ZONE_HIGHTECH")) return FLAGS.ZONE_HIGHTECH.labelZh;
  if (hasFlag(claim.flags, "ZONE_LINGANG")) return FLAGS.ZONE_LINGANG.labelZh;
  return claim.town?.nameZh ?? null;
}

export function recordsOf(source: SourceRegister): CityRecord[] {
  const col = source.mapping.columns;
  const out: CityRecord[] = [];
  source.rows.forEach((row, i) => {
    if (blankRow(row)) return;
    const cell = (k: ColumnKey) => (col[k] === undefined ? undefined : row[col[k] as number]);
    const cells: Partial<Record<ColumnKey, unknown>> = {};
    for (const k of Object.keys(col) as ColumnKey[]) cells[k] = cell(k);
    let claim: Claim | null = null;
    let amounts: Amounts | null = null;
    let error: CityRecord["error"] = null;
    try {
      claim = parseClaim({ sector: cell("sector"), sales1: cell("sales1"), sales2: cell("sales2"), flags: cell("flags"), unit: source.mapping.unit, place: cell("place") });
      amounts = computeAmounts(claim);
    } catch (e) {
      if (!(e instanceof ClaimError)) throw e;
      error = { zh: e.messageZh, en: e.messageEn };
    }
    const uscc = text(cell("uscc"));
    const normalized = uscc ? normalizeUscc(uscc) : "";
    const name = text(cell("name"));
    const when = readExitWhen(cell("exitYear"));
    out.push({
      source: { file: source.file, sheet: source.sheet, row: source.top + 2 + i },
      name,
      uscc,
      usccKey: normalized && !usccProblem(normalized) ? normalized : "",
      nameKey: name ? matchKey(name) : "",
      place: text(cell("place")),
      payerPlace: claim ? payerPlaceOf(claim) : null,
      sector: cell("sector"),
      exitYear: typeof when === "object" ? when.year : null,
      cells,
      claim,
      amounts,
      error,
    });
  });
  return out;
}
