/** One claim (one enterprise): its inputs as a cell or a CLI line gives them, and as read. */
import { POLICY, type Policy, type SectorId, type Town } from "../policy";
import { badArgument } from "./errors";
import { parseFlags, ZONE_BITS } from "./flags";
import { parseSales, type Sales } from "./sales";
import { parseSector } from "./sector";
import { parseUnit, type Unit } from "./unit";

/** What a caller hands the engine: cell values, texts or numbers, as typed. */
export interface ClaimInput {
  sector: unknown;
  sales1: unknown;
  sales2: unknown;
  flags?: unknown;
  unit?: unknown;
  /** The register's town / park column (optional; flags may carry the place instead). */
  place?: unknown;
}

/** A claim the engine has read and can assess. */
export interface Claim {
  sector: SectorId;
  sales1: Sales;
  sales2: Sales;
  /** FLAG_BIT bit set. */
  flags: number;
  town: Town | null;
  unit: Unit;
}

/**
 * Reads a claim; throws ClaimError (#VALUE!) naming the first argument, in argument order,
 * that cannot be read.
 */
export function parseClaim(input: ClaimInput, policy: Policy = POLICY): Claim {
  const sector = parseSector(input.sector);
  const unit = parseUnit(input.unit);
  const sales1 = parseSales(input.sales1, "sales1", unit);
  const sales2 = parseSales(input.sales2, "sales2", unit);
  const flags = parseFlags(input.flags, "flags", policy);
  let bits = flags.bits;
  let town = flags.town;
  if (input.place !== undefined && input.place !== null && input.place !== "") {
    const place = parseFlags(input.place, "place", policy);
    if (place.town && town && place.town !== town) {
      throw badArgument(
        "place",
        `${place.town.nameZh} 与标记中的 ${town.nameZh} 不一致`,
        `${place.town.nameEn} differs from ${town.nameEn} given in flags`,
      );
    }
    bits |= place.bits;
    town = place.town ?? town;
    if ((bits & ZONE_BITS) === ZONE_BITS) {
      throw badArgument("place", "与标记中的园区不一致（高新区 / 临港）", "names a different park (hightech / lingang) than the flags");
    }
  }
  return { sector, sales1, sales2, flags: bits, town, unit };
}
