import { unavailable, type BenchPart } from "../lib/report";

export const panePart: BenchPart = {
  name: "pane",
  async run() {
    return unavailable("being written");
  },
};
