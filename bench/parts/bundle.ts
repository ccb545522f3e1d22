import { unavailable, type BenchPart } from "../lib/report";

export const bundlePart: BenchPart = {
  name: "bundle",
  async run() {
    return unavailable("being written");
  },
};
