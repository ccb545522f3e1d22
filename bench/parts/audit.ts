import { unavailable, type BenchPart } from "../lib/report";

export const auditPart: BenchPart = {
  name: "audit",
  async run() {
    return unavailable("being written");
  },
};
