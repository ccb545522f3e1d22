/**
 * functions: the cost of one JY.REWARD call as Excel makes it (cell values in, reading the
 * arguments included), against the same entry point written with plain floats.
 */
import { ClaimError } from "../../src/engine";
import { reward } from "../../src/functions/jy";
import { floatReward } from "../lib/float";
import type { BenchPart, Check } from "../lib/report";
import { corpus } from "../lib/shared";
import { race } from "../lib/timing";

export const functionsPart: BenchPart = {
  name: "functions",
  async run(ctx) {
    const { claims, expected } = corpus(ctx.n, ctx.seed);
    const args = claims.map((c) => [c.input.sector, c.input.sales1, c.input.sales2, c.input.flags, c.input.unit, c.input.place] as const);

    // What the cell shows, against the reference: the number, or the error value.
    let differences = 0;
    const examples: unknown[] = [];
    for (let i = 0; i < args.length; i++) {
      let got: string;
      try {
        got = String(reward(...args[i]));
      } catch (e) {
        if (!(e instanceof ClaimError)) throw e;
        got = e.code;
      }
      const want = expected[i].error ?? String(Number(expected[i].reward));
      if (got !== want) {
        differences++;
        if (examples.length < 5) examples.push({ input: claims[i].input, got, want });
      }
    }
    const check: Check = { label: "JY.REWARD vs decimal.js reference", compared: args.length, differences, examples };

    const t = race(
      {
        reward: () => {
          let x = 0;
          for (let i = 0; i < args.length; i++) {
            try {
              x += reward(...args[i]);
            } catch {
              x++;
            }
          }
          return x;
        },
        float: () => {
          let x = 0;
          for (let i = 0; i < args.length; i++) {
            try {
              x += floatReward(...args[i]);
            } catch {
              x++;
            }
          }
          return x;
        },
      },
      args.length,
    );
    return {
      unavailable: null,
      figures: [
        {
          key: "functions.rewardCallNs",
          label: "JY.REWARD call (arguments read)",
          value: t.reward.nsPerItem,
          unit: "ns",
          better: "lower",
          baseline: { label: "float JY.REWARD", value: t.float.nsPerItem },
          ratio: t.reward.nsPerItem / t.float.nsPerItem,
          note: `${(t.reward.perSecond / 1e6).toFixed(2)} M calls/s over ${args.length} corpus rows (errors included); the issue sets no target, only "every microsecond counts"`,
        },
      ],
      checks: [check],
    };
  },
};
