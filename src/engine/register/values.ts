/**
 * Reading the register's own cells (not the claim's): yes/no status columns and the exit year.
 * A status cell may say 是 / 否, 已停产, √, TRUE, or hold the date it happened.
 */
import { matchKey } from "../text";

export type YesNo = "yes" | "no" | "blank" | "unreadable";

const YES = new Set(["是", "已", "有", "已完成", "完成", "到位", "已到位", "通过", "已通过", "合格", "已停产", "停产", "已拆除", "拆除", "已验收", "验收通过", "已报送", "已报", "报送", "已发放", "发放", "yes", "y", "true", "done", "passed", "ok", "1", "√", "✓", "✔", "☑"].map(matchKey));
const NO = new Set(["否", "未", "无", "没有", "未完成", "未到位", "不通过", "未通过", "不合格", "未停产", "未拆除", "未验收", "未报送", "未报", "未发放", "待", "待验收", "待发放", "进行中", "no", "n", "false", "pending", "0", "×", "✗", "✘", "☐"].map(matchKey));

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$/;

/** A status cell: yes (also a date), no, blank, or something else. */
export function readYesNo(value: unknown): YesNo {
  if (value === null || value === undefined || value === "") return "blank";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") {
    if (value === 1) return "yes";
    if (value === 0) return "no";
    // An Excel date serial (1990…2100) says when it happened.
    return value > 32874 && value < 73051 ? "yes" : "unreadable";
  }
  if (typeof value !== "string") return "unreadable";
  const key = matchKey(value);
  if (key === "") return "blank";
  if (YES.has(key)) return "yes";
  if (NO.has(key)) return "no";
  if (DATE_TEXT.test(value.normalize("NFKC").trim())) return "yes";
  return "unreadable";
}

export interface ExitWhen {
  year: number;
  /** ISO date when the cell gives a day; null when it gives only the year (or year and month). */
  date: string | null;
  /** Month when known (1-12). */
  month: number | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Excel date serial (1900 system) → ISO date. */
export function serialToIso(serial: number): string {
  const ms = Math.round((Math.floor(serial) - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** The exit year cell: a year (2024, "2024", "2024年"), a date text or an Excel date serial. */
export function readExitWhen(value: unknown): ExitWhen | "blank" | "unreadable" {
  if (value === null || value === undefined || value === "") return "blank";
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 1990 && value <= 2100) return { year: value, date: null, month: null };
    if (value > 32874 && value < 73051) {
      const iso = serialToIso(value);
      return { year: Number(iso.slice(0, 4)), date: iso, month: Number(iso.slice(5, 7)) };
    }
    return "unreadable";
  }
  if (typeof value !== "string") return "unreadable";
  const text = value.normalize("NFKC").trim();
  if (text === "") return "blank";
  const y = /^(\d{4})\s*年?度?$/.exec(text);
  if (y) {
    const year = Number(y[1]);
    return year >= 1990 && year <= 2100 ? { year, date: null, month: null } : "unreadable";
  }
  const d = DATE_TEXT.exec(text);
  if (d) {
    const year = Number(d[1]);
    const month = Number(d[2]);
    const day = d[3] === undefined ? null : Number(d[3]);
    if (year < 1990 || year > 2100 || month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return "unreadable";
    return { year, month, date: day === null ? null : `${year}-${pad(month)}-${pad(day)}` };
  }
  return "unreadable";
}
