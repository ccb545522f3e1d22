/**
 * The whole policy as one value. The engine, JY.DETAIL, the summary sheet and the portable formula
 * generator take it as an argument (defaulting to POLICY), so an amendment is a new value of this
 * shape and a test can run the product under an amended policy without touching module state.
 */
import { CLAUSES, type ClauseId } from "./clauses";
import { FLAGS, type Flag, type FlagId } from "./flags";
import { ALUMINIUM_DEEP_WELL_RATE, CHEMICAL, FOUNDRY, type Parameter, type SectorReward } from "./parameters";
import { TOWNS, type Town } from "./places";
import { SECTORS, type Sector, type SectorId } from "./sectors";
import { DEADLINES, PREVIOUS_DOCUMENT_ZH, VALID_FROM, VALID_UNTIL, type DateParameter, type Deadline } from "./timeline";

/** A flag that replaces the rate of one sector's scale (五（二）: 铝加工（深井铸造） 2%). */
export interface RateFlag {
  flag: FlagId;
  sector: SectorId;
  rate: Parameter<number>;
}

export interface Policy {
  clauses: Record<ClauseId, { id: ClauseId; titleZh: string; titleEn: string; textZh: string }>;
  sectors: Record<SectorId, Sector>;
  /** The sectors this document sets an amount for, in the order the product lists them. */
  rewards: Partial<Record<SectorId, SectorReward>>;
  rateFlags: RateFlag[];
  flags: Record<FlagId, Flag>;
  towns: Town[];
  validFrom: DateParameter;
  validUntil: DateParameter;
  deadlines: Deadline[];
  previousDocumentZh: string;
}

export const POLICY: Policy = {
  clauses: CLAUSES,
  sectors: SECTORS,
  rewards: { chemical: CHEMICAL, foundry: FOUNDRY },
  rateFlags: [{ flag: "ALUMINIUM_DEEP_WELL", sector: "foundry", rate: ALUMINIUM_DEEP_WELL_RATE }],
  flags: FLAGS,
  towns: TOWNS,
  validFrom: VALID_FROM,
  validUntil: VALID_UNTIL,
  deadlines: DEADLINES,
  previousDocumentZh: PREVIOUS_DOCUMENT_ZH,
};

/** Sectors the policy computes an amount for, in the policy's order. */
export const coveredSectors = (policy: Policy): SectorId[] => Object.keys(policy.rewards) as SectorId[];
