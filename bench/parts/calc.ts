import { unavailable, type BenchPart } from "../lib/report";

export const calcPart: BenchPart = {
  name: "calc",
  async run() {
    return unavailable("being written");
  },
};
