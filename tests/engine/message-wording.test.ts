/** Messages say each thing once, in the standard's own words. */
import { scanRegister } from "../../src/engine/register";

const HEADERS = ["企业名称", "统一社会信用代码", "镇街园区", "行业", "退出年度", "第一年销售额", "第二年销售额", "标记"];

test("a wrong credit-code check character names GB 32100-2015 once, in either language", () => {
  // 91320281MA1XXXXXX? with a wrong last character (the right one is computed by the scan).
  const scan = scanRegister({ headers: HEADERS, rows: [["甲公司", "91320281MA1MXXXXX0", "华士镇", "铸造", 2025, 1e7, 1e7, ""]], today: "2025-06-01" });
  const f = scan.findings.find((x) => x.code === "USCC_INVALID");
  expect(f).toBeDefined();
  for (const m of [f!.messageZh, f!.messageEn]) expect(m.match(/GB 32100-2015/g)).toHaveLength(1);
});
