/**
 * Places a register names in its town / park column. A town (镇、街道) pays 30% of a foundry's
 * reward (五（二）); the two parks named by 五（二） pay all of it. Park names are the ZONE_* flags
 * (flags.ts); towns have no effect on the amount but name the payer in the totals.
 *
 * Decision: a town is never mapped to a park by itself, because which streets a park administers
 * changes over time; a register says 高新区 / 临港 explicitly for an enterprise in a park.
 */
export interface Town {
  nameZh: string;
  nameEn: string;
  aliases: string[];
}

const town = (nameZh: string, short: string, pinyin: string): Town => ({
  nameZh,
  nameEn: pinyin.replace(/^./, (c) => c.toUpperCase()),
  aliases: [short, pinyin],
});

/** The towns and subdistricts of 江阴市. */
export const TOWNS: Town[] = [
  town("澄江街道", "澄江", "chengjiang"),
  town("南闸街道", "南闸", "nanzha"),
  town("云亭街道", "云亭", "yunting"),
  town("城东街道", "城东", "chengdong"),
  town("夏港街道", "夏港", "xiagang"),
  town("申港街道", "申港", "shengang"),
  town("利港街道", "利港", "ligang"),
  town("璜土镇", "璜土", "huangtu"),
  town("月城镇", "月城", "yuecheng"),
  town("青阳镇", "青阳", "qingyang"),
  town("徐霞客镇", "徐霞客", "xuxiake"),
  town("华士镇", "华士", "huashi"),
  town("周庄镇", "周庄", "zhouzhuang"),
  town("新桥镇", "新桥", "xinqiao"),
  town("长泾镇", "长泾", "changjing"),
  town("顾山镇", "顾山", "gushan"),
  town("祝塘镇", "祝塘", "zhutang"),
];
