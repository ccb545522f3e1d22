"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// .scratch/prof.ts
var import_node_fs = require("node:fs");
var import_jszip = __toESM(require("jszip"));

// src/policy/parameters.ts
var CHEMICAL = {
  clause: "\u4E94\uFF08\u4E00\uFF09",
  scale: [
    { from: "0", upTo: "100000000", ratePercent: 8, quoteZh: "\u5F00\u7968\u9500\u552E1\u4EBF\u5143\uFF08\u542B\uFF09\u4EE5\u4E0B\u7684\uFF0C\u6309\u9500\u552E\u989D\u76848%\u5956\u52B1" },
    { from: "100000000", upTo: "500000000", ratePercent: 5, quoteZh: "1\u4EBF\u5143\u20145\u4EBF\u5143\uFF08\u542B\uFF09\u7684\uFF0C\u6309\u9500\u552E\u989D\u76845%\u5956\u52B1" },
    { from: "500000000", upTo: null, ratePercent: 3, quoteZh: "5\u4EBF\u5143\u4EE5\u4E0A\u7684\uFF0C\u6309\u9500\u552E\u989D\u76843%\u5956\u52B1" }
  ],
  floor: { value: "50000", clause: "\u4E94\uFF08\u4E00\uFF09", quoteZh: "\u5BF9\u5956\u52B1\u91D1\u989D\u4E0D\u8DB35\u4E07\u5143\u7684\u63095\u4E07\u5143\u8865\u8DB3" },
  cap: { value: "50000000", clause: "\u4E94\uFF08\u4E00\uFF09", quoteZh: "\u6BCF\u5BB6\u4F01\u4E1A\u5956\u52B1\u91D1\u989D\u4E0D\u8D85\u8FC75000\u4E07\u5143" },
  cityPercent: { value: 100, clause: "\u4E94\uFF08\u4E00\uFF09", quoteZh: "\u5956\u52B1\u8D44\u91D1\u7531\u5E02\u8D22\u653F\u5168\u989D\u627F\u62C5" },
  // Decision (RULES.md): the park rule sits inside 五（二）, so a chemical enterprise in a park is
  // still paid by the city.
  parkPaysInZones: { value: false, clause: "\u4E94\uFF08\u4E00\uFF09", quoteZh: "\u5956\u52B1\u8D44\u91D1\u7531\u5E02\u8D22\u653F\u5168\u989D\u627F\u62C5" }
};
var FOUNDRY = {
  clause: "\u4E94\uFF08\u4E8C\uFF09",
  scale: [
    {
      from: "0",
      upTo: null,
      ratePercent: 3,
      quoteZh: "\u6309\u4F01\u4E1A\u5173\u95ED\u9000\u51FA\u5F53\u5E74\u7684\u524D\u4E24\u5E74\u6240\u6D89\u5173\u505C\u4EA7\u54C1\u751F\u4EA7\u5F00\u7968\u9500\u552E\u989D\uFF08\u4E0D\u542B\u7A0E\uFF09\u5E73\u5747\u503C\u76843%\u7ED9\u4E88\u5956\u52B1"
    }
  ],
  floor: { value: "50000", clause: "\u4E94\uFF08\u4E8C\uFF09", quoteZh: "\u5355\u4E2A\u4F01\u4E1A\u5956\u52B1\u91D1\u989D\u4E0D\u8DB35\u4E07\u5143\u7684\uFF0C\u7531\u5E02\u3001\u9547\u8D22\u653F\u6309\u4E0A\u8FF0\u6BD4\u4F8B\u8865\u8DB35\u4E07\u5143\u4E0B\u62E8" },
  cap: { value: "2000000", clause: "\u4E94\uFF08\u4E8C\uFF09", quoteZh: "\u6BCF\u5BB6\u4F01\u4E1A\u5956\u52B1\u91D1\u989D\u4E0D\u8D85\u8FC7200\u4E07\u5143" },
  cityPercent: { value: 70, clause: "\u4E94\uFF08\u4E8C\uFF09", quoteZh: "\u5176\u4E2D\u5E02\u7EA7\u8D22\u653F\u627F\u62C570%\uFF0C\u9547\u7EA7\u8D22\u653F\u627F\u62C530%" },
  parkPaysInZones: {
    value: true,
    clause: "\u4E94\uFF08\u4E8C\uFF09",
    quoteZh: "\u9AD8\u65B0\u533A\u3001\u4E34\u6E2F\u7ECF\u6D4E\u5F00\u53D1\u533A\u5173\u95ED\u9000\u51FA\u7684\u4F01\u4E1A\u5956\u52B1\u8D44\u91D1\u7531\u5F00\u653E\u56ED\u533A\u8D22\u653F\u5168\u989D\u627F\u62C5"
  }
};
var ALUMINIUM_DEEP_WELL_RATE = {
  value: 2,
  clause: "\u4E94\uFF08\u4E8C\uFF09",
  quoteZh: "\u5173\u95ED\u9000\u51FA\u7684\u94F8\u9020\u884C\u4E1A\u7684\u94DD\u52A0\u5DE5\uFF08\u6DF1\u4E95\u94F8\u9020\uFF09\u4F01\u4E1A\u2026\u2026\u5E73\u5747\u503C\u76842%\u7ED9\u4E88\u5956\u52B1"
};
var MAX_SALES_YUAN = "10000000000000";

// src/policy/sectors.ts
var SECTORS = {
  chemical: {
    id: "chemical",
    nameZh: "\u5316\u5DE5",
    nameEn: "chemical",
    clause: "\u4E09\uFF08\u4E00\uFF091",
    rewardClause: "\u4E94\uFF08\u4E00\uFF09",
    aliases: ["\u5316\u5DE5\u884C\u4E1A", "\u5316\u5DE5\u4F01\u4E1A", "\u5316\u5B66", "chemicals", "chemistry"],
    // 三（一）1: "行业代码251、261—266"; the 4-digit classes are those GB/T 4754-2017 defines in them.
    codes: [
      "251",
      "2511",
      "2519",
      "261",
      "2611",
      "2612",
      "2613",
      "2614",
      "2619",
      "262",
      "2621",
      "2622",
      "2623",
      "2624",
      "2625",
      "2629",
      "263",
      "2631",
      "2632",
      "264",
      "2641",
      "2642",
      "2643",
      "2644",
      "2645",
      "2646",
      "265",
      "2651",
      "2652",
      "2653",
      "2659",
      "266",
      "2661",
      "2662",
      "2663",
      "2664",
      "2665",
      "2666",
      "2667",
      "2669"
    ]
  },
  foundry: {
    id: "foundry",
    nameZh: "\u94F8\u9020",
    nameEn: "foundry",
    clause: "\u4E09\uFF08\u4E00\uFF092",
    rewardClause: "\u4E94\uFF08\u4E8C\uFF09",
    aliases: ["\u94F8\u9020\u884C\u4E1A", "\u94F8\u9020\u4F01\u4E1A", "foundries", "casting"],
    codes: ["3391", "3392"]
  },
  "thermal-power": {
    id: "thermal-power",
    nameZh: "\u70ED\u7535",
    nameEn: "thermal power",
    clause: "\u4E09\uFF08\u4E00\uFF093",
    rewardClause: "\u4E94\uFF08\u4E09\uFF09",
    governedByZh: "\u300A\u5173\u4E8E\u5370\u53D1\u9F13\u52B1\u652F\u6301\u5C0F\u70ED\u7535\u4F01\u4E1A\u6574\u5408\u5173\u505C\u7684\u5B9E\u65BD\u610F\u89C1\u300B\uFF08\u6F84\u653F\u53D1\u30142020\u30159\u53F7\uFF09",
    governedByEn: "Cheng Zheng Fa [2020] No. 9 (integration and closure of small thermal power plants)",
    aliases: ["\u70ED\u7535\u884C\u4E1A", "\u70ED\u7535\u8054\u4EA7", "thermal-power", "thermalpower", "thermal"],
    codes: ["4412"]
  },
  "printing-dyeing": {
    id: "printing-dyeing",
    nameZh: "\u5370\u67D3",
    nameEn: "printing & dyeing",
    clause: "\u4E09\uFF08\u4E00\uFF094",
    rewardClause: null,
    governedByZh: "\u6C5F\u9634\u5E02\u5370\u67D3\u884C\u4E1A\u6574\u5408\u76F8\u5173\u653F\u7B56",
    governedByEn: "the city's printing and dyeing consolidation policy",
    aliases: ["\u5370\u67D3\u884C\u4E1A", "printing and dyeing", "printing-dyeing", "printing&dyeing", "dyeing"],
    codes: ["1713", "1723", "1733", "1743", "1752", "1762"]
  },
  other: {
    id: "other",
    nameZh: "\u5176\u5B83",
    nameEn: "other",
    clause: "\u4E09\uFF08\u4E00\uFF095",
    rewardClause: null,
    governedByZh: "\u6C5F\u82CF\u7701\u3001\u65E0\u9521\u5E02\u5BF9\u76F8\u5173\u884C\u4E1A\u7684\u5DE5\u4F5C\u90E8\u7F72\uFF08\u672C\u610F\u89C1\u672A\u89C4\u5B9A\u5956\u52B1\u6807\u51C6\uFF09",
    governedByEn: "the province's and Wuxi's arrangements for that industry (this document sets no reward)",
    aliases: ["\u5176\u4ED6", "\u5176\u5B83\u884C\u4E1A", "\u5176\u4ED6\u884C\u4E1A", "others"],
    codes: []
  }
};
var CHEMICAL_GROUPS = ["251", "261", "262", "263", "264", "265", "266"];

// src/policy/flags.ts
var FLAGS = {
  ALUMINIUM_DEEP_WELL: {
    id: "ALUMINIUM_DEEP_WELL",
    kind: "rate",
    clause: "\u4E94\uFF08\u4E8C\uFF09",
    labelZh: "\u94DD\u52A0\u5DE5\uFF08\u6DF1\u4E95\u94F8\u9020\uFF09",
    labelEn: "aluminium deep-well casting",
    aliases: ["\u94DD\u52A0\u5DE5", "\u6DF1\u4E95\u94F8\u9020", "\u94DD\u52A0\u5DE5\uFF08\u6DF1\u4E95\u94F8\u9020\uFF09", "\u94DD\u52A0\u5DE5\u6DF1\u4E95\u94F8\u9020", "aluminium", "aluminum", "deep-well", "aluminium-deep-well", "aluminum-deep-well"],
    quoteZh: "\u5173\u95ED\u9000\u51FA\u7684\u94F8\u9020\u884C\u4E1A\u7684\u94DD\u52A0\u5DE5\uFF08\u6DF1\u4E95\u94F8\u9020\uFF09\u4F01\u4E1A\u2026\u2026\u5E73\u5747\u503C\u76842%\u7ED9\u4E88\u5956\u52B1"
  },
  ZONE_HIGHTECH: {
    id: "ZONE_HIGHTECH",
    kind: "zone",
    clause: "\u4E94\uFF08\u4E8C\uFF09",
    labelZh: "\u9AD8\u65B0\u533A",
    labelEn: "High-tech Zone",
    aliases: ["\u9AD8\u65B0\u533A", "\u6C5F\u9634\u9AD8\u65B0\u533A", "\u9AD8\u65B0\u6280\u672F\u4EA7\u4E1A\u5F00\u53D1\u533A", "\u6C5F\u9634\u9AD8\u65B0\u6280\u672F\u4EA7\u4E1A\u5F00\u53D1\u533A", "hightech", "high-tech", "hightech-zone", "high-tech-zone"],
    quoteZh: "\u9AD8\u65B0\u533A\u3001\u4E34\u6E2F\u7ECF\u6D4E\u5F00\u53D1\u533A\u5173\u95ED\u9000\u51FA\u7684\u4F01\u4E1A\u5956\u52B1\u8D44\u91D1\u7531\u5F00\u653E\u56ED\u533A\u8D22\u653F\u5168\u989D\u627F\u62C5"
  },
  ZONE_LINGANG: {
    id: "ZONE_LINGANG",
    kind: "zone",
    clause: "\u4E94\uFF08\u4E8C\uFF09",
    labelZh: "\u4E34\u6E2F\u7ECF\u6D4E\u5F00\u53D1\u533A",
    labelEn: "Lingang Economic Development Zone",
    aliases: ["\u4E34\u6E2F", "\u4E34\u6E2F\u7ECF\u6D4E\u5F00\u53D1\u533A", "\u4E34\u6E2F\u5F00\u53D1\u533A", "\u6C5F\u9634\u4E34\u6E2F\u7ECF\u6D4E\u5F00\u53D1\u533A", "lingang", "lingang-zone"],
    quoteZh: "\u9AD8\u65B0\u533A\u3001\u4E34\u6E2F\u7ECF\u6D4E\u5F00\u53D1\u533A\u5173\u95ED\u9000\u51FA\u7684\u4F01\u4E1A\u5956\u52B1\u8D44\u91D1\u7531\u5F00\u653E\u56ED\u533A\u8D22\u653F\u5168\u989D\u627F\u62C5"
  },
  RIVERSIDE: {
    id: "RIVERSIDE",
    kind: "riverside",
    clause: "\u4E94\uFF08\u4E00\uFF09",
    labelZh: "\u6CBF\u957F\u6C5F1\u516C\u91CC\u73AF\u5883\u654F\u611F\u533A",
    labelEn: "riverside environmentally sensitive area",
    aliases: ["\u6CBF\u6C5F", "\u6CBF\u957F\u6C5F1\u516C\u91CC", "\u6CBF\u957F\u6C5F\u4E00\u516C\u91CC", "\u73AF\u5883\u654F\u611F\u533A", "riverside"],
    quoteZh: "\u6CBF\u957F\u6C5F1\u516C\u91CC\u8303\u56F4\u5185\u4E14\u5728\u5316\u5DE5\u56ED\u533A\u5916\u7684\u73AF\u5883\u654F\u611F\u533A\u5316\u5DE5\u751F\u4EA7\u4F01\u4E1A\u5173\u95ED\u9000\u51FA\u7684\uFF0C\u53EF\u4EE5\u5728\u5956\u52B1\u7684\u57FA\u7840\u4E0A\uFF0C\u91C7\u7528\u5E02\u653F\u5E9C\u201C\u4E00\u4E8B\u4E00\u8BAE\u201D\u65B9\u5F0F\u53E6\u884C\u7ED9\u4E88\u4E00\u5B9A\u989D\u5EA6\u7684\u8865\u507F\uFF0C\u8865\u507F\u8D44\u91D1\u4E0D\u8D85\u8FC7\u4E0A\u7EA7\u7ED9\u4E88\u73AF\u5883\u654F\u611F\u533A\u5316\u5DE5\u751F\u4EA7\u4F01\u4E1A\u5173\u95ED\u9000\u51FA\u5B9A\u5411\u62E8\u4ED8\u7684\u4E13\u9879\u8D44\u91D1"
  },
  EXCL_ILLEGAL_NEW: {
    id: "EXCL_ILLEGAL_NEW",
    kind: "exclusion",
    clause: "\u4E94\uFF08\u4E94\uFF09",
    labelZh: "\u8FDD\u6CD5\u8FDD\u89C4\u65B0\u589E\u4EA7\u80FD",
    labelEn: "capacity added illegally",
    aliases: ["\u8FDD\u89C4\u65B0\u589E", "\u8FDD\u6CD5\u8FDD\u89C4\u65B0\u589E\u4EA7\u80FD", "\u8FDD\u6CD5\u8FDD\u89C4\u65B0\u589E", "illegal-new", "illegal"],
    quoteZh: "\u5728\u56FD\u52A1\u9662\u5370\u53D1\u300A\u6253\u8D62\u84DD\u5929\u4FDD\u536B\u6218\u4E09\u5E74\u884C\u52A8\u8BA1\u5212\u300B\uFF08\u56FD\u53D1\u30142018\u301522\u53F7\uFF09\u660E\u786E\u4E25\u7981\u65B0\u589E\u2026\u2026\u4EA7\u80FD\u7684\u89C4\u5B9A\u540E\uFF0C\u8FDD\u6CD5\u8FDD\u89C4\u65B0\u589E\u7684\u4EA7\u80FD"
  },
  EXCL_STEEL_CUT: {
    id: "EXCL_STEEL_CUT",
    kind: "exclusion",
    clause: "\u4E94\uFF08\u4E94\uFF09",
    labelZh: "\u94A2\u94C1\u53BB\u4EA7\u80FD\u3001\u6253\u51FB\u201C\u5730\u6761\u94A2\u201D\u505C\u7528\u62C6\u9664\u7684\u611F\u5E94\u7089",
    labelEn: "induction furnaces removed under steel capacity cuts / 'ditiao' steel crackdown",
    aliases: ["\u5730\u6761\u94A2", "\u611F\u5E94\u7089", "\u94A2\u94C1\u53BB\u4EA7\u80FD", "steel-cut", "steel"],
    quoteZh: "\u56E0\u6D89\u5ACC\u94A2\u94C1\u53BB\u4EA7\u80FD\u3001\u6253\u51FB\u201C\u5730\u6761\u94A2\u201D\u7684\u539F\u56E0\u88AB\u505C\u7528\u3001\u62C6\u9664\u7684\u611F\u5E94\u7089\u53CA\u5176\u4ED6\u91D1\u5C5E\u7194\u70BC\u8BBE\u5907"
  },
  EXCL_CAPACITY_SWAP: {
    id: "EXCL_CAPACITY_SWAP",
    kind: "exclusion",
    clause: "\u4E94\uFF08\u4E94\uFF09",
    labelZh: "\u56E0\u4EA7\u80FD\u7F6E\u6362\u9000\u51FA",
    labelEn: "exit under a capacity swap",
    aliases: ["\u4EA7\u80FD\u7F6E\u6362", "capacity-swap", "swap"],
    quoteZh: "\u56E0\u4EA7\u80FD\u7F6E\u6362\u7684\u9000\u51FA\u7684\u94F8\u9020\u4F01\u4E1A\u53CA\u76F8\u5173\u4EA7\u80FD"
  },
  EXCL_RELOCATED: {
    id: "EXCL_RELOCATED",
    kind: "exclusion",
    clause: "\u4E94\uFF08\u4E94\uFF09",
    labelZh: "\u642C\u8FC1\u5165\u56ED",
    labelEn: "relocated into an industrial park",
    aliases: ["\u642C\u8FC1\u5165\u56ED", "relocated", "relocation"],
    quoteZh: "\u642C\u8FC1\u5165\u56ED\u7684\u4F01\u4E1A"
  }
};
var FLAG_IDS = Object.keys(FLAGS);

// src/policy/places.ts
var town = (nameZh, short, pinyin) => ({
  nameZh,
  nameEn: pinyin.replace(/^./, (c) => c.toUpperCase()),
  aliases: [short, pinyin]
});
var TOWNS = [
  town("\u6F84\u6C5F\u8857\u9053", "\u6F84\u6C5F", "chengjiang"),
  town("\u5357\u95F8\u8857\u9053", "\u5357\u95F8", "nanzha"),
  town("\u4E91\u4EAD\u8857\u9053", "\u4E91\u4EAD", "yunting"),
  town("\u57CE\u4E1C\u8857\u9053", "\u57CE\u4E1C", "chengdong"),
  town("\u590F\u6E2F\u8857\u9053", "\u590F\u6E2F", "xiagang"),
  town("\u7533\u6E2F\u8857\u9053", "\u7533\u6E2F", "shengang"),
  town("\u5229\u6E2F\u8857\u9053", "\u5229\u6E2F", "ligang"),
  town("\u749C\u571F\u9547", "\u749C\u571F", "huangtu"),
  town("\u6708\u57CE\u9547", "\u6708\u57CE", "yuecheng"),
  town("\u9752\u9633\u9547", "\u9752\u9633", "qingyang"),
  town("\u5F90\u971E\u5BA2\u9547", "\u5F90\u971E\u5BA2", "xuxiake"),
  town("\u534E\u58EB\u9547", "\u534E\u58EB", "huashi"),
  town("\u5468\u5E84\u9547", "\u5468\u5E84", "zhouzhuang"),
  town("\u65B0\u6865\u9547", "\u65B0\u6865", "xinqiao"),
  town("\u957F\u6CFE\u9547", "\u957F\u6CFE", "changjing"),
  town("\u987E\u5C71\u9547", "\u987E\u5C71", "gushan"),
  town("\u795D\u5858\u9547", "\u795D\u5858", "zhutang")
];

// src/engine/errors.ts
var ARGUMENT_LABELS = {
  sector: { zh: "\u884C\u4E1A", en: "sector" },
  sales1: { zh: "\u7B2C\u4E00\u5E74\u9500\u552E\u989D", en: "sales1" },
  sales2: { zh: "\u7B2C\u4E8C\u5E74\u9500\u552E\u989D", en: "sales2" },
  flags: { zh: "\u6807\u8BB0", en: "flags" },
  unit: { zh: "\u5355\u4F4D", en: "unit" },
  place: { zh: "\u6240\u5728\u9547\u8857\u56ED\u533A", en: "place" }
};
var ClaimError = class extends Error {
  constructor(code, argument, messageZh, messageEn) {
    super(`${messageZh} / ${messageEn}`);
    this.code = code;
    this.argument = argument;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.name = "ClaimError";
  }
  /** The message in one language, for a cell or a CLI line. */
  text(lang) {
    return lang === "zh" ? this.messageZh : this.messageEn;
  }
};
function badArgument(argument, zh, en) {
  const label = ARGUMENT_LABELS[argument];
  return new ClaimError("#VALUE!", argument, `${label.zh}\uFF08${label.en}\uFF09\uFF1A${zh}`, `${label.en}: ${en}`);
}
function isErrorValue(value) {
  if (value instanceof Error) return true;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const v = value;
    return typeof v.code === "string" || typeof v.type === "string";
  }
  return false;
}
function errorValueText(value) {
  const v = value;
  const code = [v.code, v.type, v.value].find((x) => typeof x === "string" && x.startsWith("#"));
  return String(code ?? v.code ?? v.type ?? v.message ?? "error");
}

// src/engine/text.ts
var IGNORED = /[\s\-_·・.()（）【】\[\]'"“”‘’]/g;
var ALREADY_KEY = /^[\u4e00-\u9fff0-9a-z]*$/;
function matchKey(text2) {
  if (ALREADY_KEY.test(text2)) return text2;
  return text2.normalize("NFKC").toLowerCase().replace(IGNORED, "");
}
function keyedLookup(entries) {
  const map = /* @__PURE__ */ new Map();
  for (const [spellings, value] of entries) {
    for (const spelling of spellings) {
      const key = matchKey(spelling);
      const existing = map.get(key);
      if (existing !== void 0 && existing !== value) {
        throw new Error(`spelling "${spelling}" is claimed twice`);
      }
      map.set(key, value);
    }
  }
  return map;
}
function memo(fn, limit = 2e3) {
  let cache = /* @__PURE__ */ new Map();
  return (text2) => {
    const hit = cache.get(text2);
    if (hit !== void 0) return hit;
    const result = fn(text2);
    if (cache.size >= limit) cache = /* @__PURE__ */ new Map();
    cache.set(text2, result);
    return result;
  };
}
function quote(value) {
  let text2;
  if (typeof value === "string") text2 = value;
  else if (typeof value === "number") text2 = String(value);
  else if (typeof value === "boolean") text2 = value ? "TRUE" : "FALSE";
  else text2 = Object.prototype.toString.call(value);
  return `\u201C${text2.length > 40 ? text2.slice(0, 40) + "\u2026" : text2}\u201D`;
}

// src/engine/unit.ts
var UNITS = {
  \u5143: { unit: "\u5143", fenPerUnit: 100, places: 2, wholeDigitsExact: 13, nameEn: "yuan" },
  \u4E07\u5143: { unit: "\u4E07\u5143", fenPerUnit: 1e6, places: 6, wholeDigitsExact: 9, nameEn: "10k yuan" }
};
var UNIT_SPELLINGS = keyedLookup([
  [["\u5143", "yuan", "cny", "rmb", "\u4EBA\u6C11\u5E01\u5143"], "\u5143"],
  [["\u4E07\u5143", "\u4E07", "wan", "wanyuan", "10k", "10kyuan", "\u4E07\u5143\u4EBA\u6C11\u5E01"], "\u4E07\u5143"]
]);
var lookupUnit = memo((text2) => UNIT_SPELLINGS.get(matchKey(text2)) ?? null);
function parseUnit(value) {
  if (value === null || value === void 0 || value === "") return "\u5143";
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return parseUnit(value[0][0]);
    throw badArgument("unit", "\u5E94\u4E3A\u5355\u4E2A\u5355\u5143\u683C\uFF1A\u5143 \u6216 \u4E07\u5143", "expected one cell: \u5143 (yuan) or \u4E07\u5143 (10k yuan)");
  }
  if (isErrorValue(value)) {
    throw badArgument("unit", `\u5355\u5143\u683C\u4E3A\u9519\u8BEF\u503C ${errorValueText(value)}`, `the cell holds the error ${errorValueText(value)}`);
  }
  if (typeof value === "string") {
    const unit = lookupUnit(value);
    if (unit) return unit;
  }
  throw badArgument(
    "unit",
    `\u65E0\u6CD5\u8BC6\u522B ${quote(value)}\uFF0C\u5E94\u4E3A \u5143 \u6216 \u4E07\u5143\uFF08\u7559\u7A7A\u5373\u4E3A \u5143\uFF09`,
    `${quote(value)} is not a unit; expected \u5143 (yuan) or \u4E07\u5143 (10k yuan); blank means \u5143`
  );
}

// src/engine/decimal.ts
var import_decimal = __toESM(require("decimal.js"));
var Decimal = import_decimal.default.clone({
  precision: 80,
  rounding: import_decimal.default.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40
});

// src/engine/sales.ts
var SUB_PER_FEN = 1e12;
var SUB_DIGITS = 12;
var MAX_YUAN = new Decimal(MAX_SALES_YUAN);
var MAX_YUAN_NUMBER = Number(MAX_SALES_YUAN);
var MAX_FEN = MAX_YUAN_NUMBER * 100;
var maxInUnit = (unit) => MAX_YUAN_NUMBER / (UNITS[unit].fenPerUnit / 100);
var PLAIN = /^\+?(\d+)(?:\.(\d*))?$/;
var GROUPED = /^\+?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
var SCIENTIFIC = /^\+?(?:\d+\.?\d*|\.\d+)e[+-]?\d+$/i;
function tooLarge(argument, unit) {
  return badArgument(
    argument,
    `\u8D85\u8FC7\u4E0A\u9650 10\u4E07\u4EBF\u5143\uFF08${unit === "\u5143" ? "10,000,000,000,000 \u5143" : "1,000,000,000 \u4E07\u5143"}\uFF09\uFF0C\u8BF7\u68C0\u67E5\u5355\u4F4D`,
    `exceeds 10 trillion yuan (${unit === "\u5143" ? "10,000,000,000,000 \u5143" : "1,000,000,000 \u4E07\u5143"}); check the unit`
  );
}
function fromDecimal(value, argument, unit) {
  if (value.isNegative() && !value.isZero()) {
    throw badArgument(argument, `\u4E0D\u80FD\u4E3A\u8D1F\u6570\uFF08${value.toString()}\uFF09`, `must not be negative (${value.toString()})`);
  }
  const yuan = value.times(UNITS[unit].fenPerUnit).div(100);
  if (yuan.greaterThan(MAX_YUAN)) throw tooLarge(argument, unit);
  const fen = yuan.times(100);
  if (fen.isInteger()) return { fen: fen.toNumber(), yuan: null };
  const whole = fen.floor();
  const sub = fen.minus(whole).times(SUB_PER_FEN);
  return sub.isInteger() ? { fen: null, yuan, fine: { fen: whole.toNumber(), sub: sub.toNumber() } } : { fen: null, yuan };
}
function fromDigits(whole, frac, text2, argument, unit) {
  const info = UNITS[unit];
  if (whole.length > info.wholeDigitsExact || frac.length > info.places + SUB_DIGITS) return null;
  const fen = Number(whole) * info.fenPerUnit + Number(frac.slice(0, info.places).padEnd(info.places, "0"));
  const sub = Number(frac.slice(info.places).padEnd(SUB_DIGITS, "0"));
  if (sub === 0) return fen <= MAX_FEN ? { fen, yuan: null } : null;
  if (fen >= MAX_FEN) throw tooLarge(argument, unit);
  let yuan = null;
  return {
    fen: null,
    get yuan() {
      return yuan ??= unit === "\u5143" ? new Decimal(text2) : new Decimal(text2).times(info.fenPerUnit).div(100);
    },
    fine: { fen, sub }
  };
}
var DIGITS = /^(\d+)\.(\d+)$/;
function fromNumber(n, argument, unit) {
  if (Number.isNaN(n)) throw badArgument(argument, "\u4E0D\u662F\u6570\u5B57\uFF08NaN\uFF09", "is not a number (NaN)");
  if (!Number.isFinite(n)) throw badArgument(argument, "\u4E0D\u662F\u6709\u9650\u6570\u503C\uFF08Infinity\uFF09", "is not a finite number (Infinity)");
  if (n < 0) throw badArgument(argument, `\u4E0D\u80FD\u4E3A\u8D1F\u6570\uFF08${n}\uFF09`, `must not be negative (${n})`);
  if (n > maxInUnit(unit)) throw tooLarge(argument, unit);
  const scale = UNITS[unit].fenPerUnit;
  const fen = Math.round(n * scale);
  if (fen / scale === n) return { fen, yuan: null };
  const text2 = String(n);
  const digits = DIGITS.exec(text2);
  return (digits && fromDigits(digits[1], digits[2], text2, argument, unit)) ?? fromDecimal(new Decimal(text2), argument, unit);
}
function fromText(raw, argument, unit) {
  let text2 = raw.trim();
  if (/[^\x00-\x7f]/.test(text2)) text2 = text2.normalize("NFKC").trim();
  if (text2 === "") throw blank(argument);
  const plain = PLAIN.exec(text2);
  if (plain) {
    const [, whole, frac = ""] = plain;
    const info = UNITS[unit];
    if (whole.length <= info.wholeDigitsExact && frac.length <= info.places) {
      const fen = Number(whole) * info.fenPerUnit + Number(frac.padEnd(info.places, "0"));
      if (fen <= MAX_FEN) return { fen, yuan: null };
      throw tooLarge(argument, unit);
    }
    const fine = frac.length > info.places ? fromDigits(whole, frac, text2.replace(/^\+/, ""), argument, unit) : null;
    if (fine) return fine;
    return fromDecimal(new Decimal(text2.replace(/^\+/, "")), argument, unit);
  }
  if (GROUPED.test(text2)) return fromText(text2.replace(/,/g, ""), argument, unit);
  if (SCIENTIFIC.test(text2)) return fromDecimal(new Decimal(text2.replace(/^\+/, "")), argument, unit);
  if (/^-\s*[\d.,]+(e[+-]?\d+)?$/i.test(text2)) {
    if (/^-\s*[0.,]+$/.test(text2) && /0/.test(text2)) return { fen: 0, yuan: null };
    throw badArgument(argument, `\u4E0D\u80FD\u4E3A\u8D1F\u6570\uFF08${text2}\uFF09`, `must not be negative (${text2})`);
  }
  throw badArgument(
    argument,
    `${quote(raw)} \u4E0D\u662F\u6570\u5B57\uFF0C\u5E94\u4E3A\u4E0D\u542B\u7A0E\u5F00\u7968\u9500\u552E\u989D\uFF08\u5982 60000000 \u6216 60,000,000\uFF09`,
    `${quote(raw)} is not a number; expected the invoiced sales excluding VAT (e.g. 60000000 or 60,000,000)`
  );
}
function blank(argument) {
  return badArgument(
    argument,
    "\u672A\u586B\u5199\uFF0C\u8BF7\u586B\u5199\u8BE5\u5E74\u5EA6\u9500\u552E\u989D\uFF08\u786E\u65E0\u9500\u552E\u8BF7\u586B 0\uFF09",
    "is blank: enter that year's sales (0 if there were none)"
  );
}
function parseSales(value, argument, unit) {
  if (typeof value === "number") return fromNumber(value, argument, unit);
  if (typeof value === "string") return fromText(value, argument, unit);
  if (value === null || value === void 0) throw blank(argument);
  if (typeof value === "bigint") return fromDecimal(new Decimal(value.toString()), argument, unit);
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return parseSales(value[0][0], argument, unit);
    throw badArgument(argument, "\u5E94\u4E3A\u5355\u4E2A\u5355\u5143\u683C\uFF0C\u800C\u4E0D\u662F\u533A\u57DF", "expected one cell, not a range");
  }
  if (typeof value === "boolean") {
    throw badArgument(argument, `\u5E94\u4E3A\u6570\u5B57\uFF0C\u800C\u4E0D\u662F\u903B\u8F91\u503C ${quote(value)}`, `expected a number, not the logical value ${quote(value)}`);
  }
  if (isErrorValue(value)) {
    throw badArgument(argument, `\u5355\u5143\u683C\u4E3A\u9519\u8BEF\u503C ${errorValueText(value)}`, `the cell holds the error ${errorValueText(value)}`);
  }
  throw badArgument(argument, `\u5E94\u4E3A\u6570\u5B57\uFF0C\u6536\u5230 ${quote(value)}`, `expected a number, got ${quote(value)}`);
}

// src/engine/sector.ts
var BY_NAME = keyedLookup(
  Object.values(SECTORS).map((s) => [[s.id, s.nameZh, s.nameEn, ...s.aliases], s.id])
);
var BY_CODE = /* @__PURE__ */ new Map();
for (const sector of Object.values(SECTORS)) for (const code of sector.codes) BY_CODE.set(code, sector.id);
var NAMED_CODES = [...BY_CODE.keys()];
var ACCEPTED_ZH = "\u5316\u5DE5\u3001\u94F8\u9020\u3001\u70ED\u7535\u3001\u5370\u67D3\u3001\u5176\u5B83\uFF0C\u6216\u56FD\u6C11\u7ECF\u6D4E\u884C\u4E1A\u4EE3\u7801\uFF08\u5982 2614\u30013391\uFF09";
var ACCEPTED_EN = "\u5316\u5DE5 chemical, \u94F8\u9020 foundry, \u70ED\u7535 thermal power, \u5370\u67D3 printing & dyeing, \u5176\u5B83 other, or a GB/T 4754 code (e.g. 2614, 3391)";
function fromCode(code, shown) {
  const named = BY_CODE.get(code);
  if (named) return named;
  if (code.length === 4 && CHEMICAL_GROUPS.includes(code.slice(0, 3))) {
    const classes = SECTORS.chemical.codes.filter((c) => c.length === 4 && c.startsWith(code.slice(0, 3)));
    throw badArgument(
      "sector",
      `${shown} \u4E0D\u662F GB/T 4754-2017 \u4E2D ${code.slice(0, 3)} \u7EC4\u7684\u5C0F\u7C7B\uFF08\u8BE5\u7EC4\u5C0F\u7C7B\uFF1A${classes.join("\u3001")}\uFF09`,
      `${shown} is not a class of group ${code.slice(0, 3)} in GB/T 4754-2017 (its classes: ${classes.join(", ")})`
    );
  }
  const inside = NAMED_CODES.filter((c) => c.length > code.length && c.startsWith(code) && !(c.length === 4 && BY_CODE.has(c.slice(0, 3))));
  if (inside.length > 0) {
    throw badArgument(
      "sector",
      `\u884C\u4E1A\u4EE3\u7801 ${shown} \u8303\u56F4\u8FC7\u5BBD\uFF0C\u65E0\u6CD5\u5224\u65AD\u662F\u5426\u5C5E\u4E8E\u672C\u610F\u89C1\u6240\u5217\u884C\u4E1A\uFF0C\u8BF7\u586B\u5199\u5230\u5C0F\u7C7B\uFF08\u5982 ${inside.slice(0, 4).join("\u3001")}\uFF09`,
      `industry code ${shown} is too broad to tell whether the policy covers it; give the class (e.g. ${inside.slice(0, 4).join(", ")})`
    );
  }
  return "other";
}
function fromText2(raw) {
  const key = matchKey(raw);
  if (key === "") throw blank2();
  const named = BY_NAME.get(key);
  if (named) return named;
  const code = /^[a-t]?(\d{2,4})$/.exec(key);
  if (code) return fromCode(code[1], raw.trim());
  throw badArgument("sector", `\u65E0\u6CD5\u8BC6\u522B ${quote(raw)}\uFF0C\u5E94\u4E3A${ACCEPTED_ZH}`, `${quote(raw)} is not a sector; expected ${ACCEPTED_EN}`);
}
var fromTextMemo = memo(fromText2);
function blank2() {
  return badArgument("sector", `\u4E3A\u7A7A\uFF0C\u5E94\u4E3A${ACCEPTED_ZH}`, `is blank; expected ${ACCEPTED_EN}`);
}
function parseSector(value) {
  if (typeof value === "string") return fromTextMemo(value);
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 10 && value <= 9999) return fromCode(String(value), String(value));
    throw badArgument("sector", `${quote(value)} \u4E0D\u662F\u884C\u4E1A\u4EE3\u7801\uFF0C\u5E94\u4E3A${ACCEPTED_ZH}`, `${quote(value)} is not an industry code; expected ${ACCEPTED_EN}`);
  }
  if (value === null || value === void 0) throw blank2();
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return parseSector(value[0][0]);
    throw badArgument("sector", "\u5E94\u4E3A\u5355\u4E2A\u5355\u5143\u683C\uFF0C\u800C\u4E0D\u662F\u533A\u57DF", "expected one cell, not a range");
  }
  if (isErrorValue(value)) {
    throw badArgument("sector", `\u5355\u5143\u683C\u4E3A\u9519\u8BEF\u503C ${errorValueText(value)}`, `the cell holds the error ${errorValueText(value)}`);
  }
  throw badArgument("sector", `\u65E0\u6CD5\u8BC6\u522B ${quote(value)}\uFF0C\u5E94\u4E3A${ACCEPTED_ZH}`, `${quote(value)} is not a sector; expected ${ACCEPTED_EN}`);
}

// src/engine/flags.ts
var FLAG_BIT = Object.fromEntries(Object.keys(FLAGS).map((id, i) => [id, 1 << i]));
var hasFlag = (bits, id) => (bits & FLAG_BIT[id]) !== 0;
var EXCLUSION_BITS = Object.keys(FLAGS).filter((id) => FLAGS[id].kind === "exclusion").reduce((bits, id) => bits | FLAG_BIT[id], 0);
var ZONE_BITS = FLAG_BIT.ZONE_HIGHTECH | FLAG_BIT.ZONE_LINGANG;
var TOKENS = keyedLookup([
  ...Object.values(FLAGS).map((f) => [[f.id, ...f.aliases], { flag: f.id }]),
  ...TOWNS.map((t) => [[t.nameZh, ...t.aliases], { town: t }])
]);
var SEPARATORS = /[,，、;；\s]+/;
var NONE = Object.freeze({ bits: 0, town: null });
var ACCEPTED_FLAGS_ZH = Object.values(FLAGS).map((f) => f.aliases[0]).join("\u3001");
var ACCEPTED_FLAGS_EN = Object.values(FLAGS).map((f) => f.aliases.find((a) => /^[a-z]/.test(a))).join(", ");
var NOWHERE = { zh: "", en: "" };
function cellWhere(row, col) {
  return { zh: `\u533A\u57DF\u7B2C${row + 1}\u884C\u7B2C${col + 1}\u5217\uFF1A`, en: `range row ${row + 1}, column ${col + 1}: ` };
}
function unknownToken(argument, token, where) {
  if (argument === "place") {
    return badArgument(
      argument,
      `${where.zh}\u65E0\u6CD5\u8BC6\u522B\u5730\u70B9 ${quote(token)}\uFF0C\u5E94\u4E3A\u6C5F\u9634\u5E02\u7684\u9547\u3001\u8857\u9053\uFF08\u5982 \u534E\u58EB\u9547\u3001\u6F84\u6C5F\u8857\u9053\uFF09\u6216 \u9AD8\u65B0\u533A\u3001\u4E34\u6E2F\u7ECF\u6D4E\u5F00\u53D1\u533A`,
      `${where.en}${quote(token)} is not a place; expected a town or subdistrict of Jiangyin (e.g. \u534E\u58EB\u9547 Huashi) or \u9AD8\u65B0\u533A / \u4E34\u6E2F (hightech / lingang)`
    );
  }
  return badArgument(
    argument,
    `${where.zh}\u65E0\u6CD5\u8BC6\u522B ${quote(token)}\uFF1B\u53EF\u7528\u6807\u8BB0\uFF1A${ACCEPTED_FLAGS_ZH}\uFF0C\u4EE5\u53CA\u9547\u8857\u56ED\u533A\u540D\u79F0`,
    `${where.en}unknown flag ${quote(token)}; accepted: ${ACCEPTED_FLAGS_EN}, or a town / park name`
  );
}
function addText(text2, argument, where, into) {
  for (const token of text2.normalize("NFKC").split(SEPARATORS)) {
    if (token === "") continue;
    const found = TOKENS.get(matchKey(token));
    if (!found) throw unknownToken(argument, token, where);
    if (argument === "place" && "flag" in found && FLAGS[found.flag].kind !== "zone") {
      throw unknownToken(argument, token, where);
    }
    if ("flag" in found) into.bits |= FLAG_BIT[found.flag];
    else if (into.town && into.town !== found.town) {
      throw badArgument(
        argument,
        `${where.zh}\u540C\u65F6\u5199\u4E86\u4E24\u4E2A\u9547\u8857\uFF1A${into.town.nameZh}\u3001${found.town.nameZh}\uFF0C\u4E00\u5BB6\u4F01\u4E1A\u53EA\u5C5E\u4E8E\u4E00\u4E2A\u9547\u8857`,
        `${where.en}names two towns, ${into.town.nameEn} and ${found.town.nameEn}; an enterprise is in one`
      );
    } else into.town = found.town;
  }
}
function checkZones(parsed, argument) {
  if ((parsed.bits & ZONE_BITS) === ZONE_BITS) {
    throw badArgument(
      argument,
      "\u540C\u65F6\u6807\u8BB0\u4E86\u9AD8\u65B0\u533A\u548C\u4E34\u6E2F\u7ECF\u6D4E\u5F00\u53D1\u533A\uFF0C\u4E00\u5BB6\u4F01\u4E1A\u53EA\u5C5E\u4E8E\u4E00\u4E2A\u56ED\u533A",
      "marks both the High-tech Zone and Lingang; an enterprise is in one park"
    );
  }
  return parsed;
}
var parseText = (argument) => memo((text2) => {
  const parsed = { bits: 0, town: null };
  addText(text2, argument, NOWHERE, parsed);
  return Object.freeze(checkZones(parsed, argument));
});
var PARSE_TEXT = { flags: parseText("flags"), place: parseText("place") };
function parseFlags(value, argument = "flags") {
  if (value === null || value === void 0 || value === "") return NONE;
  if (typeof value === "string") return PARSE_TEXT[argument](value);
  if (!Array.isArray(value)) return parseCells([[value]], argument, false);
  return parseCells(value, argument, true);
}
function parseCells(rows, argument, isRange) {
  const parsed = { bits: 0, town: null };
  rows.forEach((row, r) => {
    const cells = Array.isArray(row) ? row : [row];
    cells.forEach((cell, c) => {
      const where = isRange ? cellWhere(r, c) : NOWHERE;
      if (cell === null || cell === void 0 || cell === "") return;
      if (typeof cell === "string") return addText(cell, argument, where, parsed);
      if (isErrorValue(cell)) {
        throw badArgument(argument, `${where.zh}\u5355\u5143\u683C\u4E3A\u9519\u8BEF\u503C ${errorValueText(cell)}`, `${where.en}the cell holds the error ${errorValueText(cell)}`);
      }
      throw badArgument(argument, `${where.zh}\u5E94\u4E3A\u6587\u5B57\u6807\u8BB0\uFF0C\u6536\u5230 ${quote(cell)}`, `${where.en}expected a text flag, got ${quote(cell)}`);
    });
  });
  return checkZones(parsed, argument);
}

// src/engine/claim.ts
function parseClaim(input) {
  const sector = parseSector(input.sector);
  const unit = parseUnit(input.unit);
  const sales1 = parseSales(input.sales1, "sales1", unit);
  const sales2 = parseSales(input.sales2, "sales2", unit);
  const flags = parseFlags(input.flags, "flags");
  let bits = flags.bits;
  let town2 = flags.town;
  if (input.place !== void 0 && input.place !== null && input.place !== "") {
    const place = parseFlags(input.place, "place");
    if (place.town && town2 && place.town !== town2) {
      throw badArgument(
        "place",
        `${place.town.nameZh} \u4E0E\u6807\u8BB0\u4E2D\u7684 ${town2.nameZh} \u4E0D\u4E00\u81F4`,
        `${place.town.nameEn} differs from ${town2.nameEn} given in flags`
      );
    }
    bits |= place.bits;
    town2 = place.town ?? town2;
    if ((bits & ZONE_BITS) === ZONE_BITS) {
      throw badArgument("place", "\u4E0E\u6807\u8BB0\u4E2D\u7684\u56ED\u533A\u4E0D\u4E00\u81F4\uFF08\u9AD8\u65B0\u533A / \u4E34\u6E2F\uFF09", "names a different park (hightech / lingang) than the flags");
    }
  }
  return { sector, sales1, sales2, flags: bits, town: town2, unit };
}

// src/engine/reward.ts
var FOUNDRY_ALUMINIUM_SCALE = [
  { ...FOUNDRY.scale[0], ratePercent: ALUMINIUM_DEEP_WELL_RATE.value, quoteZh: ALUMINIUM_DEEP_WELL_RATE.quoteZh }
];

// src/engine/format.ts
var SUB_PER_N = 1e12;
var SUB_PER_N_BIG = BigInt(SUB_PER_N);

// src/portable/native.ts
var str = (s) => `"${s.replace(/"/g, '""')}"`;
function num(n) {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}
function arrayConst(rows) {
  return `{${rows.map((r) => r.map((v) => typeof v === "number" ? num(v) : str(v)).join(",")).join(";")}}`;
}
function charLit(c) {
  const code = c.charCodeAt(0);
  return code < 32 || c === '"' ? `CHAR(${code})` : str(c);
}
function substituteAll(expr, chars, by) {
  let out = expr;
  for (const c of chars) out = `SUBSTITUTE(${out},${charLit(c)},${str(by)})`;
  return out;
}
var WHITESPACE = [" ", "	", "\n", "\r", "\xA0", "\u3000"];
var SEPARATORS2 = [",", "\uFF0C", "\u3001", "\uFF64", ";", "\uFF1B"];
var IGNORED2 = ["-", "_", "\xB7", "\u30FB", "\uFF65", ".", "(", ")", "\uFF08", "\uFF09", "\u3010", "\u3011", "[", "]", "'", '"', "\u201C", "\u201D", "\u2018", "\u2019"];
var UNFOLDABLE = ["\u0130"];
var fold = (x) => `LOWER(ASC(${substituteAll(x, UNFOLDABLE, "#")}))`;
function keyExpr(text2) {
  return substituteAll(substituteAll(fold(text2), WHITESPACE, ""), IGNORED2, "");
}
var NAMES = {
  sectorKeys: "_JY_SK",
  sectorWeights: "_JY_SW",
  sectorTable: "_JY_ST",
  flagPatterns: "_JY_FP",
  flagCategories: "_JY_FC",
  flagColumns: "_JY_FK",
  flagP0: "_JY_FN",
  flagWeights: "_JY_FW",
  flagTable: "_JY_FT",
  classReward: "_JY_CR",
  classCity: "_JY_CC",
  classTown: "_JY_CT",
  classPark: "_JY_CK",
  cityPercent: "_JY_CP",
  index: "_JY_I",
  matrix: ["_JY_M1", "_JY_M2", "_JY_M3", "_JY_M4"]
};
var SECTOR_CODE = { chemical: 1, foundry: 2, "thermal-power": 3, "printing-dyeing": 3, other: 3 };
function sectorOf(text2) {
  try {
    return parseSector(text2);
  } catch (e) {
    if (e instanceof ClaimError) return null;
    throw e;
  }
}
function buildSectorTables() {
  const rows = /* @__PURE__ */ new Map();
  const add = (key, w) => {
    if (rows.has(key)) throw new Error(`sector key "${key}" twice`);
    rows.set(key, w);
  };
  for (const s of Object.values(SECTORS)) {
    const keys = new Set([s.id, s.nameZh, s.nameEn, ...s.aliases].map(matchKey));
    for (const k of keys) add(k, [SECTOR_CODE[s.id], 0, 0]);
  }
  for (let len = 2; len <= 4; len++) {
    for (let n = 0; n < 10 ** len; n++) {
      const code = String(n).padStart(len, "0");
      const sector = sectorOf(code);
      if (sector && sector !== "other") add(code, [SECTOR_CODE[sector], 0, 16 * SECTOR_CODE[sector]]);
    }
  }
  for (let c = 97; c <= 122; c++) {
    const letter = String.fromCharCode(c);
    if (sectorOf(`${letter}2614`) === "chemical") add(letter, [0, 4, 0]);
  }
  const table = [];
  for (let x = 0; x < 64; x++) {
    const full = x % 4;
    const letter = (x >> 2) % 4;
    const rest = x >> 4;
    table.push(full > 0 ? full : letter === 1 && rest > 0 ? rest : 0);
  }
  return { keys: [...rows.keys()], weights: [...rows.values()], table };
}
var FLAG_CATEGORY = {
  ALUMINIUM_DEEP_WELL: "ALU",
  ZONE_HIGHTECH: "HIGHTECH",
  ZONE_LINGANG: "LINGANG",
  RIVERSIDE: "NONE",
  EXCL_ILLEGAL_NEW: "EXCL",
  EXCL_STEEL_CUT: "EXCL",
  EXCL_CAPACITY_SWAP: "EXCL",
  EXCL_RELOCATED: "EXCL"
};
var F_ALU = 1;
var F_EXCL = 2;
var F_ZONE = 4;
function buildFlagTables() {
  const cats = ["U", "ALU", "EXCL", "HIGHTECH", "LINGANG", "NONE", ...TOWNS.map((_, i) => `TOWN${i}`)];
  const catIndex = new Map(cats.map((c, i) => [c, i + 1]));
  const keyed = /* @__PURE__ */ new Map();
  const claim = (spellings, cat) => {
    for (const s of spellings) {
      const k = matchKey(s);
      const had = keyed.get(k);
      if (had && had !== cat) throw new Error(`flag key "${k}" claimed twice`);
      keyed.set(k, cat);
    }
  };
  for (const f of Object.values(FLAGS)) claim([f.id, ...f.aliases], FLAG_CATEGORY[f.id]);
  TOWNS.forEach((t, i) => claim([t.nameZh, ...t.aliases], `TOWN${i}`));
  const patterns = ["<<"];
  const categories = [0];
  for (const [k, cat] of keyed) {
    patterns.push(`<${k}>`);
    categories.push(catIndex.get(cat));
  }
  for (const [k, cat] of keyed) {
    if (cat === "HIGHTECH" || cat === "LINGANG" || cat.startsWith("TOWN")) {
      patterns.push(`<${k}}`);
      categories.push(catIndex.get(cat));
    }
  }
  const m = patterns.length - 1;
  const columns = cats.map((_, i) => i + 1);
  const p0 = cats.map((c, i) => c === "U" ? 1 - m : categories.filter((x) => x === i + 1).length);
  const weightOf = { U: 1, ALU: 2, EXCL: 4, HIGHTECH: 8, LINGANG: 16, NONE: 0 };
  const weights = cats.map((c) => weightOf[c] ?? 32);
  const table = [];
  for (let x = 0; x < 64; x++) {
    const both = (x & 8) !== 0 && (x & 16) !== 0;
    if (x & 1 || both) table.push(0);
    else table.push(1 + (x & 2 ? F_ALU : 0) + (x & 4 ? F_EXCL : 0) + (x & 24 ? F_ZONE : 0));
  }
  return { patterns, categories, columns, p0, weights, table };
}
var BIG = 9e15;
var LINES = 3;
function matrixOf(rules, ratePercent) {
  const slices = rules.scale.map((s) => ({
    low: Number(s.from) * 200,
    high: s.upTo === null ? Infinity : Number(s.upTo) * 200,
    rate: ratePercent ?? s.ratePercent
  }));
  if (slices.length > LINES) throw new Error("more slices than the matrix holds");
  const floorN = Number(rules.floor.value) * 100 * 200;
  const capN = Number(rules.cap.value) * 100 * 200;
  const slopes = [0, 0];
  const intercepts = [floorN, capN];
  let nAtLow = 0;
  slices.forEach((s, i) => {
    if (i > 0 && s.rate > slices[i - 1].rate) throw new Error("scale is not concave: min over lines would be wrong");
    const b = nAtLow - s.rate * s.low;
    if (i > 0 && b < floorN) throw new Error("a line after the first falls below the floor");
    slopes.push(s.rate);
    intercepts.push(b);
    if (s.high !== Infinity) nAtLow += s.rate * (s.high - s.low);
  });
  while (slopes.length < 2 + LINES) {
    slopes.push(0);
    intercepts.push(BIG);
  }
  return [slopes, intercepts];
}
var ZERO_MATRIX = [new Array(2 + LINES).fill(0), new Array(2 + LINES).fill(0)];
var M_CHEM = 1;
var M_FOUNDRY = 2;
var M_DEEP_WELL = 3;
var M_ZERO = 4;
var M_NA = 5;
function classFor(output, sector, f) {
  if (sector === 0 || f === 0) return 0;
  if (sector === 3) return M_NA;
  const flags = f - 1;
  const excluded = (flags & F_EXCL) !== 0;
  const zone = (flags & F_ZONE) !== 0;
  const foundryMatrix = flags & F_ALU ? M_DEEP_WELL : M_FOUNDRY;
  if (excluded) return M_ZERO;
  if (sector === 1) {
    return output === "reward" || output === "city" ? M_CHEM : M_ZERO;
  }
  if (output === "reward") return foundryMatrix;
  if (output === "park") return zone && FOUNDRY.parkPaysInZones.value ? foundryMatrix : M_ZERO;
  return zone && FOUNDRY.parkPaysInZones.value ? M_ZERO : foundryMatrix;
}
function classTable(output) {
  const t = [];
  for (let sector = 0; sector < 4; sector++) for (let f = 0; f < 9; f++) t.push(classFor(output, sector, f));
  return t;
}
var TEXT_CHARS = 24;
function definedNames() {
  const s = buildSectorTables();
  const f = buildFlagTables();
  const chemCity = CHEMICAL.cityPercent.value;
  const foundryCity = FOUNDRY.cityPercent.value;
  return [
    { name: NAMES.sectorKeys, formula: arrayConst(s.keys.map((k) => [k])) },
    { name: NAMES.sectorWeights, formula: arrayConst(s.weights) },
    { name: NAMES.sectorTable, formula: arrayConst([s.table]) },
    { name: NAMES.flagPatterns, formula: arrayConst([f.patterns]) },
    { name: NAMES.flagCategories, formula: arrayConst(f.categories.map((c) => [c])) },
    { name: NAMES.flagColumns, formula: arrayConst([f.columns]) },
    { name: NAMES.flagP0, formula: arrayConst([f.p0]) },
    { name: NAMES.flagWeights, formula: arrayConst([f.weights]) },
    { name: NAMES.flagTable, formula: arrayConst([f.table]) },
    { name: NAMES.classReward, formula: arrayConst([classTable("reward")]) },
    { name: NAMES.classCity, formula: arrayConst([classTable("city")]) },
    { name: NAMES.classTown, formula: arrayConst([classTable("town")]) },
    { name: NAMES.classPark, formula: arrayConst([classTable("park")]) },
    { name: NAMES.cityPercent, formula: arrayConst([[0, chemCity, foundryCity, 0]]) },
    { name: NAMES.index, formula: arrayConst([Array.from({ length: TEXT_CHARS }, (_, i) => i + 1)]) },
    { name: NAMES.matrix[0], formula: arrayConst(matrixOf(CHEMICAL)) },
    { name: NAMES.matrix[1], formula: arrayConst(matrixOf(FOUNDRY)) },
    { name: NAMES.matrix[2], formula: arrayConst(matrixOf(FOUNDRY, ALUMINIUM_DEEP_WELL_RATE.value)) },
    { name: NAMES.matrix[3], formula: arrayConst(ZERO_MATRIX) }
  ];
}
var DEFINED_NAME_SET = new Set(definedNames().map((d) => d.name));
var VALUE_ERROR = "#VALUE!";
function exprOf(a) {
  switch (a.kind) {
    case "expr":
      return a.text;
    case "text":
      return str(a.value);
    case "number":
      return num(a.value);
    case "blank":
      return '""';
    case "cells":
      return a.refs.map((r) => `${r}&""`).join('&" "&');
  }
}
function fenExpr(x, unit) {
  const { fenPerUnit, places } = UNITS[unit];
  const maxUnit = 1e13 / (fenPerUnit / 100);
  const numberPath = `IF(ROUND(MEDIAN(0,${x},${num(maxUnit)}),${places})=${x},ROUND(${x}*${num(fenPerUnit)},0),${VALUE_ERROR})`;
  return `IF(ISNUMBER(${x}),${numberPath},${textFenExpr(x, unit)})`;
}
function textFenExpr(x, unit) {
  const { fenPerUnit, places } = UNITS[unit];
  const t = `TRIM(ASC(SUBSTITUTE(${x},"\u3000"," ")))`;
  const I = NAMES.index;
  const L = `LEN(${t})`;
  const D = `FIND(".",${t}&".")`;
  const P = `(LEFT(${t})="+")`;
  const C = `(${L}-LEN(SUBSTITUTE(${t},",","")))`;
  const ch = `MID(${t},${I},1)`;
  const digits = `SUM(--ISNUMBER(FIND("|"&${ch}&"|","|0|1|2|3|4|5|6|7|8|9|")))`;
  const commas = `SUM((${ch}=",")*(${I}<${D})*(MOD(ABS(${D}-${I}),4)=0))`;
  const groupOk = `(ABS((${D}-3-${P}-4*${C})*(${C}>0))<=1)`;
  const valid = `(--"0.5"=0.5)*(${L}<=${TEXT_CHARS})*(${D}>${P}+1)*(${digits}+${P}+(${D}<=${L})+${commas}=${L})*${groupOk}*(SUBSTITUTE(MID(${t},${D}+${places + 1},99),"0","")="")`;
  const value = `ROUND(SUBSTITUTE(MID(${t},1+${P},99),",","")*${num(fenPerUnit)},0)`;
  return `IF(${valid},IF(${value}<=${num(1e15)},${value},${VALUE_ERROR}),${VALUE_ERROR})`;
}
function sectorIndexExpr(a) {
  if (a.kind === "text" || a.kind === "number" || a.kind === "blank") {
    const value = a.kind === "blank" ? null : a.value;
    let sector = null;
    try {
      sector = parseSector(value);
    } catch (e) {
      if (!(e instanceof ClaimError)) throw e;
    }
    return String(sector ? SECTOR_CODE[sector] : 0);
  }
  const v = exprOf(a);
  const asText = `IF(ISNUMBER(${v}),IF(MOD(${v},1),"#",${v}),${v})&""`;
  const X = `SUMPRODUCT(--EXACT(MID(${keyExpr(asText)},{1,1,2},{99,1,99}),${NAMES.sectorKeys})*${NAMES.sectorWeights})`;
  return `INDEX(${NAMES.sectorTable},1,${X}+1)`;
}
function tokensExpr(flags, place) {
  const neutral = (x) => substituteAll(fold(x), ["<", ">", "}"], "#");
  const split = (x, delimiter) => substituteAll(neutral(x), [...WHITESPACE, ...SEPARATORS2], delimiter);
  const joined = `"<"&${split(flags, "><")}&"><"&${split(place, "}<")}&"}"`;
  return substituteAll(`SUBSTITUTE(SUBSTITUTE(${joined},"<>",""),"<}","")`, IGNORED2, "");
}
function flagIndexExpr(flags, place) {
  const literal = (a) => a.kind === "text" || a.kind === "blank";
  const fText = exprOf(flags.kind === "expr" ? { kind: "expr", text: `${flags.text}&""` } : flags);
  const pText = exprOf(place.kind === "expr" ? { kind: "expr", text: `${place.text}&""` } : place);
  if (literal(flags) && literal(place)) return String(literalFlagIndex(flags, place));
  const n = NAMES;
  const A = `(${n.flagCategories}=0)*${n.flagP0}+(${n.flagCategories}>0)*(${n.flagColumns}=1)-(${n.flagCategories}=${n.flagColumns})`;
  const X = `SUMPRODUCT(SIGN(MMULT(LEN(SUBSTITUTE(${tokensExpr(fText, pText)},${n.flagPatterns},"")),${A}))*${n.flagWeights})`;
  return `INDEX(${n.flagTable},1,${X}+1)`;
}
function literalFlagIndex(flags, place) {
  try {
    const claim = parseClaim({
      sector: "\u5316\u5DE5",
      sales1: 0,
      sales2: 0,
      flags: flags.kind === "text" ? flags.value : null,
      place: place.kind === "text" ? place.value : null
    });
    return 1 + (hasFlag(claim.flags, "ALUMINIUM_DEEP_WELL") ? F_ALU : 0) + (claim.flags & EXCLUSION_BITS ? F_EXCL : 0) + (claim.flags & ZONE_BITS ? F_ZONE : 0);
  } catch (e) {
    if (e instanceof ClaimError) return 0;
    throw e;
  }
}
var NotPortable = class extends Error {
  constructor(zh, en) {
    super(en);
    this.zh = zh;
    this.en = en;
  }
};
function unitOf(a) {
  if (!a || a.kind === "blank") return "\u5143";
  if (a.kind === "text") return UNIT_SPELLINGS.get(matchKey(a.value)) ?? null;
  if (a.kind === "number") return null;
  throw new NotPortable(
    '\u5355\u4F4D\u5F15\u7528\u4E86\u5355\u5143\u683C\uFF1A\u8BF7\u5728\u516C\u5F0F\u4E2D\u76F4\u63A5\u5199 "\u5143" \u6216 "\u4E07\u5143" \u540E\u518D\u8F6C\u6362',
    'the unit comes from a cell: write "\u5143" or "\u4E07\u5143" in the formula, then convert'
  );
}
function nativeFormula(args, output) {
  const unit = unitOf(args.unit);
  if (unit === null) return VALUE_ERROR;
  const flags = args.flags ?? { kind: "blank" };
  const place = args.place ?? { kind: "blank" };
  const sales = (a) => a.kind === "blank" ? VALUE_ERROR : fenExpr(exprOf(a), unit);
  const S = `(${sales(args.sales1)})+(${sales(args.sales2)})`;
  const s = sectorIndexExpr(args.sector);
  const f = flagIndexExpr(flags, place);
  const table = { reward: NAMES.classReward, city: NAMES.classCity, town: NAMES.classTown, park: NAMES.classPark }[output];
  const c = `INDEX(${table},1,${s}*9+${f}+1)`;
  const matrices = [...NAMES.matrix, "NA()"].join(",");
  const R = `ROUND(SMALL(MMULT(CHOOSE({1,2},${S},1),CHOOSE(${c},${matrices})),2)/200,0)`;
  const div = num(UNITS[unit].fenPerUnit);
  switch (output) {
    case "reward":
    case "park":
      return `SUMPRODUCT(${R})/${div}`;
    case "city":
      return `SUMPRODUCT(ROUND(${R}*INDEX(${NAMES.cityPercent},1,${s}+1)/100,0))/${div}`;
    case "town":
      return `SUMPRODUCT(INT((${R}*${num(100 - FOUNDRY.cityPercent.value)}+49)/100))/${div}`;
  }
}
var MAX_FORMULA_CHARS = 8192;

// src/portable/xml.ts
var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
var xmlEscape = (s) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]);
var NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function xmlUnescape(s) {
  if (s.indexOf("&") === -1) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e) => {
    if (e.charCodeAt(0) === 35) return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return NAMED[e] ?? m;
  });
}

// src/engine/register/address.ts
function columnLetters(col) {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
function columnIndex(letters) {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

// src/portable/formula.ts
var CALL = /(?<![A-Za-z0-9_.])(?:_xldudf_JY_|JY\.)(REWARD|FUNDING|DETAIL|CHECK)\s*\(/giy;
var CALL_ANYWHERE = /(?<![A-Za-z0-9_.])(?:_xldudf_JY_|JY\.)(REWARD|FUNDING|DETAIL|CHECK)\s*\(/i;
function callsJy(formula) {
  return CALL_ANYWHERE.test(maskLiterals(formula));
}
function maskLiterals(f, brackets = false) {
  let out = "";
  let i = 0;
  let depth = 0;
  while (i < f.length) {
    const c = f[i];
    if (depth > 0) {
      if (c === "'" && i + 1 < f.length) {
        out += brackets ? "  " : "' ";
        i += 2;
        continue;
      }
      if (c === "[") depth++;
      else if (c === "]") depth--;
      out += brackets && !(c === "[" || c === "]") ? " " : c;
      i++;
    } else if (c === "[") {
      depth++;
      out += c;
      i++;
    } else if (c === '"' || c === "'") {
      const end = endOfQuoted(f, i, c);
      out += c + " ".repeat(end - i - 2) + c;
      i = end;
    } else if (c === "{") {
      let j = i + 1;
      while (j < f.length && f[j] !== "}") j = f[j] === '"' ? endOfQuoted(f, j, '"') : j + 1;
      out += "{" + " ".repeat(Math.max(0, j - i - 1)) + (j < f.length ? "}" : "");
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
function endOfQuoted(f, i, q) {
  let j = i + 1;
  while (j < f.length) {
    if (f[j] === q) {
      if (f[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return f.length;
}
function findCalls(formula) {
  const masked = maskLiterals(formula);
  const calls = [];
  for (let i = 0; i < masked.length; i++) {
    CALL.lastIndex = i;
    const m = CALL.exec(masked);
    if (!m) continue;
    const open = i + m[0].length - 1;
    let depth = 0;
    let brackets = 0;
    const cuts = [open];
    let close = -1;
    for (let j = open; j < masked.length; j++) {
      const c = masked[j];
      if (c === "[") brackets++;
      else if (c === "]") brackets--;
      else if (brackets > 0) continue;
      else if (c === "(") depth++;
      else if (c === ")") {
        depth--;
        if (depth === 0) {
          close = j;
          break;
        }
      } else if (c === "," && depth === 1) cuts.push(j);
    }
    if (close < 0) break;
    cuts.push(close);
    const args = [];
    for (let k = 0; k + 1 < cuts.length; k++) args.push(formula.slice(cuts[k] + 1, cuts[k + 1]).trim());
    if (args.length === 1 && args[0] === "") args.pop();
    calls.push({ fn: m[1].toUpperCase(), start: i, end: close + 1, args });
    i = close;
  }
  return calls;
}
var SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z0-9_.\u0080-\uffff]+)!`;
var CELL = String.raw`\$?[A-Z]{1,3}\$?\d+`;
var SINGLE_CELL = new RegExp(String.raw`^(${SHEET})?(${CELL})$`);
var RANGE = new RegExp(String.raw`^(${SHEET})?(\$?)([A-Z]{1,3})(\$?)(\d+):(\$?)([A-Z]{1,3})(\$?)(\d+)$`);
var colNumber = (letters) => columnIndex(letters) + 1;
var colLetters = (n) => columnLetters(n - 1);
function argOf(text2, allowRange) {
  if (text2 === "") return { kind: "blank" };
  const s = /^"((?:[^"]|"")*)"$/.exec(text2);
  if (s) return { kind: "text", value: s[1].replace(/""/g, '"') };
  if (/^[+]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(text2)) return { kind: "number", value: Number(text2) };
  if (allowRange) {
    const r = RANGE.exec(text2);
    if (r) {
      const sheet = r[1] ?? "";
      const [c1, c2] = [colNumber(r[3]), colNumber(r[7])].sort((a, b) => a - b);
      const [r1, r2] = [Number(r[5]), Number(r[9])].sort((a, b) => a - b);
      const refs = [];
      if ((c2 - c1 + 1) * (r2 - r1 + 1) > 32) {
        throw new NotPortable("\u6807\u8BB0\u533A\u57DF\u8D85\u8FC7 32 \u4E2A\u5355\u5143\u683C", "the flags range holds more than 32 cells");
      }
      for (let row = r1; row <= r2; row++) for (let col = c1; col <= c2; col++) refs.push(`${sheet}${colLetters(col)}${row}`);
      return { kind: "cells", refs };
    }
  }
  return { kind: "expr", text: SINGLE_CELL.test(text2) ? text2 : `(${text2})` };
}
function claimArgs(call, from) {
  const a = call.args.slice(from);
  if (a.length < 3 || a.length > 6) {
    throw new NotPortable(`JY.${call.fn} \u7684\u53C2\u6570\u4E2A\u6570\u4E0D\u5BF9\uFF08${a.length}\uFF09`, `JY.${call.fn} has ${a.length} arguments`);
  }
  return {
    sector: argOf(a[0], false),
    sales1: argOf(a[1], false),
    sales2: argOf(a[2], false),
    flags: a[3] !== void 0 ? argOf(a[3], true) : void 0,
    unit: a[4] !== void 0 ? argOf(a[4], false) : void 0,
    place: a[5] !== void 0 ? argOf(a[5], true) : void 0
  };
}
var FUNDING_PARTS = ["city", "town", "park"];
function translate(formula, column = 0) {
  const calls = findCalls(formula);
  if (calls.length === 0) return { kind: "unchanged" };
  if (calls.some((c) => c.fn === "DETAIL" || c.fn === "CHECK")) return { kind: "freeze" };
  let out = "";
  let at = 0;
  for (const call of calls) {
    let native;
    if (call.fn === "REWARD") {
      if (findCalls(call.args.join(",")).length > 0) {
        throw new NotPortable("JY \u51FD\u6570\u5D4C\u5957\u5728\u53E6\u4E00\u4E2A JY \u51FD\u6570\u7684\u53C2\u6570\u4E2D", "a JY function inside another's arguments");
      }
      native = nativeFormula(claimArgs(call, 0), "reward");
    } else {
      const whole = call.start === 0 && call.end === formula.length;
      const before = /(?<![A-Za-z0-9_.])INDEX\(\s*$/i.exec(formula.slice(0, call.start));
      const after = /^\s*,\s*(?:1\s*,\s*)?([123])\s*\)/.exec(formula.slice(call.end));
      if (!whole && before && after) {
        native = nativeFormula(claimArgs(call, 0), FUNDING_PARTS[Number(after[1]) - 1]);
        out += formula.slice(at, before.index) + `(${native})`;
        at = call.end + after[0].length;
        continue;
      }
      if (!whole) {
        throw new NotPortable(
          "JY.FUNDING \u53EA\u80FD\u5355\u72EC\u6210\u4E3A\u4E00\u4E2A\u516C\u5F0F\uFF08\u7ED3\u679C\u6A2A\u5411\u5C55\u5F00\u4E3A \u5E02/\u9547/\u56ED\u533A\uFF09\uFF0C\u6216\u5199\u6210 INDEX(JY.FUNDING(\u2026),1,k)",
          "JY.FUNDING must be a formula of its own (its row spills city, town, park) or INDEX(JY.FUNDING(\u2026),1,k)"
        );
      }
      const part = FUNDING_PARTS[column];
      if (!part) throw new NotPortable("JY.FUNDING \u7684\u7ED3\u679C\u8D85\u8FC7\u4E09\u5217", "a JY.FUNDING cell beyond its three columns");
      native = nativeFormula(claimArgs(call, 0), part);
    }
    out += formula.slice(at, call.start) + `(${native})`;
    at = call.end;
  }
  out += formula.slice(at);
  return { kind: "native", formula: out };
}
function shiftFormula(formula, dRow, dCol) {
  if (dRow === 0 && dCol === 0) return formula;
  const masked = maskLiterals(formula, true);
  const re = /(?<![A-Za-z0-9_.$\\])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_!(\[])/g;
  let out = "";
  let at = 0;
  for (const m of masked.matchAll(re)) {
    const [text2, colAbs, col, rowAbs, row] = m;
    const newCol = colAbs ? col : colLetters(colNumber(col) + dCol);
    const newRow = rowAbs ? row : String(Number(row) + dRow);
    out += formula.slice(at, m.index) + colAbs + newCol + rowAbs + newRow;
    at = m.index + text2.length;
  }
  return out + formula.slice(at);
}

// src/portable/record.ts
var RECORD_SHEET = "JY_ORIGINALS";
var NOTE_SHEET = "JY\u901A\u7528\u7248\u8BF4\u660E";
var RECORD_VERSION = "jyreward-portable/1";
var RECORD_HEADER = ["sheet", "cell", "kind", "formula", "original <c>", "portable <c>", "formula in Excel"];
var RECORD_CHUNK = 3e4;
var CALCULATED_COLUMN = "calculatedColumn";
function recordSheetRows(record, calcChain) {
  const rows = [[RECORD_VERSION, calcChain === null ? "" : "calcChain", String(record.length)], RECORD_HEADER];
  for (const r of record) {
    const row = [r.sheet, r.cell, r.kind, r.formula, r.original, r.portable];
    if (r.excel) row.push(r.excel);
    rows.push(row);
  }
  if (calcChain !== null) for (let i = 0; i < calcChain.length; i += RECORD_CHUNK) rows.push(["", "", "calcChain", "", calcChain.slice(i, i + RECORD_CHUNK), ""]);
  return rows;
}
function parseRecord(text2, lastRow) {
  if (text2("A1") !== RECORD_VERSION) throw new Error(`${RECORD_SHEET} is not a record this version can read`);
  const rows = [];
  const rowNumbers = [];
  const gaps = [];
  let calcChain = "";
  const c1 = text2("C1");
  const count = c1 !== void 0 && /^\d+$/.test(c1) ? Number(c1) : null;
  const used = (r) => ["A", "B", "C", "D", "E", "F", "G"].some((c) => text2(`${c}${r}`) !== void 0);
  const end = lastRow ?? Infinity;
  for (let r = 3; r <= end; r++) {
    if (!used(r)) {
      if (lastRow === void 0) break;
      gaps.push(r);
      continue;
    }
    const get = (c) => text2(`${c}${r}`) ?? "";
    if (get("C") === "calcChain") calcChain += get("E");
    else {
      rows.push({ sheet: get("A"), cell: get("B"), kind: get("C"), formula: get("D"), original: get("E"), portable: get("F"), excel: get("G") || void 0 });
      rowNumbers.push(r);
    }
  }
  return { rows, rowNumbers, calcChain, gaps, count };
}
function noteRows(report) {
  const rows = [
    ["\u672C\u5DE5\u4F5C\u7C3F\u5DF2\u8F6C\u4E3A\u901A\u7528\u516C\u5F0F / This workbook uses portable formulas"],
    ["JY.REWARD\u3001JY.FUNDING \u5DF2\u6362\u6210 Excel\u3001WPS\u3001LibreOffice \u90FD\u80FD\u8BA1\u7B97\u7684\u516C\u5F0F\uFF0C\u8F93\u5165\u4ECD\u53EF\u4FEE\u6539\uFF1BJY.DETAIL\u3001JY.CHECK \u5355\u5143\u683C\u5DF2\u51BB\u7ED3\u4E3A\u6570\u503C\uFF08\u4E0D\u518D\u968F\u8F93\u5165\u53D8\u5316\uFF09\u3002\u88C5\u6709\u52A0\u8F7D\u9879\u65F6\uFF0C\u53EF\u7528\u201C\u6062\u590D JY \u516C\u5F0F\u201D\u6216 jyreward restore \u6062\u590D\u539F\u516C\u5F0F\u3002"],
    ["JY.REWARD and JY.FUNDING now compute with native functions (inputs stay editable); JY.DETAIL and JY.CHECK cells are frozen values. Restore the original formulas with the add-in's Restore action or `jyreward restore`."],
    [],
    ["\u5DE5\u4F5C\u8868 Sheet", "\u5355\u5143\u683C Cell", "\u72B6\u6001 State", "\u539F\u516C\u5F0F Original formula"]
  ];
  for (const c of report.converted) {
    rows.push([c.sheet, c.cell, c.kind === "frozen" ? "\u5DF2\u51BB\u7ED3\u4E3A\u6570\u503C frozen value" : "\u901A\u7528\u516C\u5F0F native formula", `=${c.formula}`]);
  }
  for (const c of report.columns ?? []) {
    const state = c.kind === "frozen" ? "\u8868\u683C\u8BA1\u7B97\u5217\uFF1A\u5DF2\u53BB\u6389\u516C\u5F0F table column: formula taken away" : "\u8868\u683C\u8BA1\u7B97\u5217\uFF1A\u901A\u7528\u516C\u5F0F table column: native formula";
    rows.push([c.sheet, `${c.table}[${c.column}]`, state, `=${c.formula}`]);
  }
  for (const s of report.skipped) rows.push([s.sheet, s.cell, `\u672A\u8F6C\u6362 not converted: ${s.zh} / ${s.en}`, `=${s.formula}`]);
  return rows;
}
function convertFormula(formula, width = 1, measure = (f) => f.length) {
  const first = translate(formula, 0);
  if (first.kind !== "native") return first;
  const formulas = [];
  for (let k = 0; k < width; k++) {
    const t = k === 0 ? first : translate(formula, k);
    if (t.kind !== "native") throw new NotPortable("\u65E0\u6CD5\u8F6C\u6362", "cannot convert");
    const length = measure(t.formula);
    if (length > MAX_FORMULA_CHARS) {
      throw new NotPortable(
        `\u8F6C\u6362\u540E\u7684\u516C\u5F0F\u6709 ${length} \u4E2A\u5B57\u7B26\uFF0C\u8D85\u8FC7 Excel \u7684 8192 \u4E0A\u9650\uFF08\u53C2\u6570\u8BF7\u76F4\u63A5\u5F15\u7528\u5355\u5143\u683C\uFF09`,
        `the portable formula has ${length} characters, over Excel's 8,192 (refer to cells in the arguments)`
      );
    }
    formulas.push(t.formula);
  }
  return { kind: "native", formulas };
}
var TABLE_NAME = String.raw`(?:[A-Za-z_\\\u0080-\uffff][\w.\\\u0080-\uffff]*)`;
var REF_START = String.raw`(?<![\w.\\\]\u0080-\uffff])`;
var THIS_ROW_NESTED = new RegExp(`${REF_START}(${TABLE_NAME})?\\[@\\[((?:[^\\]']|'.)*)\\]\\]`, "g");
var THIS_ROW_PLAIN = new RegExp(`${REF_START}(${TABLE_NAME})?\\[@((?:[^\\]\\['#]|'.)+)\\]`, "g");
var THIS_ROW_SPELLED = new RegExp(`${REF_START}\\[\\[#This Row\\]`, "gi");

// src/portable/verify.ts
var KINDS = /* @__PURE__ */ new Set(["native", "spill", "frozen", CALCULATED_COLUMN]);
var A1 = /^([A-Z]{1,3})([1-9]\d{0,6})$/;
function parseA1(ref) {
  const m = A1.exec(ref);
  if (!m) return null;
  const col = colNumber(m[1]);
  return col > 16384 || Number(m[2]) > 1048576 ? null : { row: Number(m[2]), col };
}
var refOf = (row, col) => `${colLetters(col)}${row}`;
function recordedCell(xml) {
  const open = /^<c\b[^>]*?\/?>/.exec(xml);
  if (!open) return null;
  const r = /\sr="([^"]*)"/.exec(open[0]);
  const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(xml);
  return { ref: r ? r[1] : "", formula: f ? xmlUnescape(f[2] ?? "") : null, shared: !!f && /\st="shared"/.test(f[1]) };
}
function sameFormula(a, b) {
  const norm = (s) => s.replace(/^=/, "").replace(/_xlfn\.|_xlws\.|\s/g, "").toUpperCase();
  return norm(a) === norm(b);
}
var damage = (r, zh, en) => ({ sheet: r.sheet, cell: r.cell, zh: `\u8BB0\u5F55\u635F\u574F\uFF1A${zh}`, en: `damaged record: ${en}` });
function checkRecordRow(r, row) {
  const at = { zh: `\u8BB0\u5F55\u7B2C ${row} \u884C`, en: `record row ${row}` };
  if (!r.sheet) return damage(r, `${at.zh}\u6CA1\u6709\u5DE5\u4F5C\u8868\u540D`, `${at.en} names no sheet`);
  if (!KINDS.has(r.kind)) return damage(r, `${at.zh}\u7684\u7C7B\u578B \u201C${r.kind}\u201D \u65E0\u6CD5\u8BC6\u522B`, `${at.en} has an unknown kind "${r.kind}"`);
  if (r.kind === CALCULATED_COLUMN) {
    if (!/^[^[\]]+\[[^[\]]+\]$/.test(r.cell)) return damage(r, `${at.zh}\u7684\u8868\u683C\u5217 \u201C${r.cell}\u201D \u65E0\u6CD5\u8BC6\u522B`, `${at.en} names no table column ("${r.cell}")`);
    const f = /^<calculatedColumnFormula\b[^>]*>([\s\S]*)<\/calculatedColumnFormula>$/.exec(r.original);
    if (!f || translate(xmlUnescape(f[1])).kind === "unchanged") return damage(r, `${at.zh}\u7684\u539F\u516C\u5F0F\u4E0D\u662F JY \u516C\u5F0F`, `${at.en}: the original is not a JY formula`);
    return null;
  }
  if (!parseA1(r.cell)) return damage(r, `${at.zh}\u7684\u5355\u5143\u683C\u5730\u5740 \u201C${r.cell}\u201D \u65E0\u6548`, `${at.en} has an invalid cell address "${r.cell}"`);
  const original = recordedCell(r.original);
  const portable = recordedCell(r.portable);
  if (!original || original.ref !== r.cell) return damage(r, `${at.zh}\u7684\u539F\u5355\u5143\u683C\u5185\u5BB9\u65E0\u6548\u6216\u6307\u5411\u522B\u7684\u5355\u5143\u683C`, `${at.en}: the original cell is malformed or names another cell`);
  if (!portable || portable.ref !== r.cell) return damage(r, `${at.zh}\u7684\u901A\u7528\u7248\u5355\u5143\u683C\u5185\u5BB9\u65E0\u6548\u6216\u6307\u5411\u522B\u7684\u5355\u5143\u683C`, `${at.en}: the portable cell is malformed or names another cell`);
  if (r.kind === "spill") {
    if (original.formula !== null) return damage(r, `${at.zh}\u662F\u6EA2\u51FA\u5355\u5143\u683C\uFF0C\u5374\u8BB0\u6709\u516C\u5F0F`, `${at.en} is a spilled cell but records a formula`);
    return null;
  }
  const t = r.formula ? translate(r.formula) : { kind: "unchanged" };
  const expected = r.kind === "native" ? "native" : "freeze";
  if (t.kind !== expected) return damage(r, `${at.zh}\u7684\u539F\u516C\u5F0F\u4E0D\u662F\u53EF\u8F6C\u6362\u7684 JY \u516C\u5F0F`, `${at.en}: the original is not a JY formula the add-in converts`);
  if (original.formula === null || !original.shared && !sameFormula(original.formula, r.formula) || original.shared && original.formula !== "" && !sameFormula(original.formula, r.formula)) {
    return damage(r, `${at.zh}\u7684\u539F\u5355\u5143\u683C\u4E0E\u6240\u8BB0\u516C\u5F0F\u4E0D\u4E00\u81F4`, `${at.en}: the original cell does not hold the recorded formula`);
  }
  if (r.kind === "native") {
    if (portable.formula === null || !sameFormula(nativeOf(portable.formula), nativeOf(t.kind === "native" ? t.formula : ""))) {
      return damage(r, `${at.zh}\u7684\u901A\u7528\u516C\u5F0F\u4E0D\u662F\u7531\u539F\u516C\u5F0F\u8F6C\u6362\u800C\u6765`, `${at.en}: the portable formula is not the conversion of the original`);
    }
  } else if (portable.formula !== null) {
    return damage(r, `${at.zh}\u662F\u51BB\u7ED3\u5355\u5143\u683C\uFF0C\u5374\u8BB0\u6709\u516C\u5F0F`, `${at.en} is a frozen cell but records a formula`);
  }
  return null;
}
function nativeOf(f) {
  return f.replace(/(?:[A-Za-z_\\\u0080-\uffff][\w.\\\u0080-\uffff]*)?\[\[#This Row\],\[([^\]]*)\]\]/gi, "[@$1]").replace(/\[@\[([^\]]*)\]\]/g, "[@$1]");
}
function checkSpills(rows, rowNumbers) {
  const anchors = rows.filter((r) => r.kind === "native" || r.kind === "frozen");
  const out = [];
  rows.forEach((r, i) => {
    if (r.kind !== "spill") return;
    const p = parseA1(r.cell);
    const ok = anchors.some((a) => {
      const q = a.sheet === r.sheet ? parseA1(a.cell) : null;
      return !!q && p.row >= q.row && p.col >= q.col && p.col <= q.col + 2 && (p.row === q.row || a.kind === "frozen");
    });
    if (!ok) out.push(damage(r, `\u8BB0\u5F55\u7B2C ${rowNumbers[i]} \u884C\u7684\u6EA2\u51FA\u5355\u5143\u683C\u4E0D\u5C5E\u4E8E\u4EFB\u4F55\u5DF2\u8F6C\u6362\u7684\u516C\u5F0F`, `record row ${rowNumbers[i]} is a spilled cell of no converted formula`));
  });
  return out;
}
function shape(formula) {
  const masked = maskLiterals(formula, true);
  return masked.replace(/\$?[A-Z]{1,3}\$?\d+/g, "#").replace(/_xlfn\.|_xlws\.|\s/g, "").toUpperCase();
}
function locate(wanted, formulaAt, valueOk) {
  const shifts = wanted.map(() => null);
  const formulaIdx = wanted.map((w, i) => w.formula !== null ? i : -1).filter((i) => i >= 0);
  const inPlace = formulaIdx.every((i) => {
    const f = formulaAt.get(refOf(wanted[i].row, wanted[i].col));
    return f !== void 0 && sameFormula(f, wanted[i].formula);
  });
  let matched = false;
  if (!inPlace && formulaIdx.length > 0) {
    const shapes = new Set(formulaIdx.map((i) => shape(wanted[i].formula)));
    const candidates = [];
    for (const [ref, f] of formulaAt) {
      if (!shapes.has(shape(f))) continue;
      const p = parseA1(ref);
      if (p) candidates.push({ ...p, formula: f });
    }
    const order = (a, b) => a.row - b.row || a.col - b.col;
    candidates.sort(order);
    const sorted = [...formulaIdx].sort((a, b) => order(wanted[a], wanted[b]));
    if (candidates.length === sorted.length) {
      const tentative = sorted.map((i, k) => ({ i, dr: candidates[k].row - wanted[i].row, dc: candidates[k].col - wanted[i].col }));
      if (tentative.every(({ i, dr, dc }, k) => sameFormula(candidates[k].formula, shiftFormula(wanted[i].formula, dr, dc)))) {
        for (const t of tentative) shifts[t.i] = { dr: t.dr, dc: t.dc };
        matched = true;
      }
    }
  }
  if (!matched) {
    for (const i of formulaIdx) {
      const f = formulaAt.get(refOf(wanted[i].row, wanted[i].col));
      if (f !== void 0 && sameFormula(f, wanted[i].formula)) shifts[i] = { dr: 0, dc: 0 };
    }
  }
  const found = formulaIdx.map((i) => shifts[i]).filter((s) => s !== null);
  const common = found.length > 0 && found.every((s) => s.dr === found[0].dr && s.dc === found[0].dc) ? found[0] : found.length === 0 && formulaIdx.length === 0 ? { dr: 0, dc: 0 } : null;
  wanted.forEach((w, i) => {
    if (w.formula !== null) return;
    const sameRow = formulaIdx.find((j) => wanted[j].row === w.row && shifts[j] !== null);
    const s = sameRow !== void 0 ? shifts[sameRow] : common ?? (matched ? null : { dr: 0, dc: 0 });
    if (s && valueOk(w, refOf(w.row + s.dr, w.col + s.dc))) shifts[i] = s;
  });
  return shifts;
}
function notAsConverted(sheet, cell, now) {
  return now === "missing" ? { sheet, cell, zh: "\u627E\u4E0D\u5230\u8BE5\u5355\u5143\u683C\uFF08\u5DE5\u4F5C\u8868\u6216\u5355\u5143\u683C\u5DF2\u5220\u9664\uFF09", en: "the cell is gone (its sheet or row was deleted)" } : {
    sheet,
    cell,
    zh: "\u8BE5\u5355\u5143\u683C\u4E0D\u518D\u662F\u8F6C\u6362\u540E\u7684\u5185\u5BB9\uFF08\u8F6C\u6362\u540E\u88AB\u4FEE\u6539\u8FC7\uFF0C\u6216\u884C\u5217\u79FB\u52A8\u540E\u65E0\u6CD5\u786E\u5B9A\uFF09\uFF0C\u672A\u6062\u590D",
    en: "the cell no longer holds what the conversion left there (edited since, or moved beyond recognition); not restored"
  };
}
function shiftCellXml(xml, dr, dc, escape) {
  if (dr === 0 && dc === 0) return xml;
  const move = (ref) => shiftFormula(ref, dr, dc);
  return xml.replace(/^(<c\b[^>]*?\sr=")([^"]*)(")/, (_, a, ref, b) => a + move(ref) + b).replace(/(<f\b[^>]*?\sref=")([^"]*)(")/, (_, a, ref, b) => a + move(ref) + b).replace(/(<f\b[^>]*>)([\s\S]*?)(<\/f>)/, (_, a, f, b) => a + escape(shiftFormula(xmlUnescape(f), dr, dc)) + b);
}
function checkRecord(parsed) {
  const out = [];
  for (const g of parsed.gaps) out.push({ sheet: "", cell: "", zh: `\u8BB0\u5F55\u635F\u574F\uFF1A\u8BB0\u5F55\u7B2C ${g} \u884C\u88AB\u6E05\u7A7A`, en: `damaged record: record row ${g} was emptied` });
  if (parsed.count !== null && parsed.count !== parsed.rows.length) {
    out.push({ sheet: "", cell: "", zh: `\u8BB0\u5F55\u635F\u574F\uFF1A\u8BB0\u5F55\u5E94\u6709 ${parsed.count} \u884C\uFF0C\u73B0\u6709 ${parsed.rows.length} \u884C`, en: `damaged record: it should hold ${parsed.count} rows, it holds ${parsed.rows.length}` });
  }
  const seen = /* @__PURE__ */ new Set();
  parsed.rows.forEach((r, i) => {
    const p = checkRecordRow(r, parsed.rowNumbers[i]);
    if (p) out.push(p);
    const key = `${r.sheet}\0${r.cell}`;
    if (seen.has(key)) out.push(damage(r, `\u8BB0\u5F55\u7B2C ${parsed.rowNumbers[i]} \u884C\u91CD\u590D\u8BB0\u5F55\u4E86\u540C\u4E00\u5355\u5143\u683C`, `record row ${parsed.rowNumbers[i]} records the same cell again`));
    seen.add(key);
  });
  if (out.length === 0) out.push(...checkSpills(parsed.rows, parsed.rowNumbers));
  return out;
}

// src/portable/zip-write.ts
function centralEntries(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 101010256) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 65535 || offset === 4294967295) return null;
  const out = [];
  const decoder = new TextDecoder();
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (view.getUint32(p, true) !== 33639248) return null;
    const n = view.getUint16(p + 28, true);
    const e = view.getUint16(p + 30, true);
    const c = view.getUint16(p + 32, true);
    const compressedSize = view.getUint32(p + 20, true);
    const localOffset = view.getUint32(p + 42, true);
    if (compressedSize === 4294967295 || localOffset === 4294967295) return null;
    out.push({ name: decoder.decode(bytes.subarray(p + 46, p + 46 + n)), record: bytes.subarray(p, p + 46 + n + e + c), localOffset, compressedSize });
    p += 46 + n + e + c;
  }
  return out;
}
function repack(input, changes2, packer) {
  const entries = centralEntries(input);
  if (!entries) return null;
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const encoder = new TextEncoder();
  const pieces = [];
  const central = [];
  let at = 0;
  const add = (name, data) => {
    const nameBytes = encoder.encode(name);
    const packed = packer.deflateRaw(data);
    const crc = packer.crc32(data) >>> 0;
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 67324752, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 2048, true);
    lv.setUint16(8, 8, true);
    lv.setUint16(10, 0, true);
    lv.setUint16(12, 33, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const rec = new Uint8Array(46 + nameBytes.length);
    const rv = new DataView(rec.buffer);
    rv.setUint32(0, 33639248, true);
    rv.setUint16(4, 20, true);
    rv.setUint16(6, 20, true);
    rv.setUint16(8, 2048, true);
    rv.setUint16(10, 8, true);
    rv.setUint16(14, 33, true);
    rv.setUint32(16, crc, true);
    rv.setUint32(20, packed.length, true);
    rv.setUint32(24, data.length, true);
    rv.setUint16(28, nameBytes.length, true);
    rv.setUint32(42, at, true);
    rec.set(nameBytes, 46);
    pieces.push(local, packed);
    central.push(rec);
    at += local.length + packed.length;
  };
  const seen = /* @__PURE__ */ new Set();
  for (const e of entries) {
    seen.add(e.name);
    const change = changes2.get(e.name);
    if (change === null) continue;
    if (change !== void 0) {
      add(e.name, change);
      continue;
    }
    const lh = e.localOffset;
    if (view.getUint32(lh, true) !== 67324752) return null;
    const flags = view.getUint16(lh + 6, true);
    let end = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true) + e.compressedSize;
    if (flags & 8) end += view.getUint32(end, true) === 134695760 ? 16 : 12;
    if (end > input.length) return null;
    pieces.push(input.subarray(lh, end));
    const rec = new Uint8Array(e.record);
    new DataView(rec.buffer).setUint32(42, at, true);
    central.push(rec);
    at += end - lh;
  }
  for (const [name, data] of changes2) if (!seen.has(name) && data !== null) add(name, data);
  const dirOffset = at;
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 101010256, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, dirOffset, true);
  if (central.length > 65535 || dirOffset + dirSize > 4294967295) return null;
  const out = new Uint8Array(dirOffset + dirSize + 22);
  let q = 0;
  for (const part of [...pieces, ...central, eocd]) {
    out.set(part, q);
    q += part.length;
  }
  return out;
}

// src/portable/zip-guard.ts
var DEFAULT_LIMITS = { maxBytes: 200 * 1024 * 1024, maxCells: 2e6, maxEntries: 2e4 };
function isReadPart(name) {
  return name === "[Content_Types].xml" || /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|calcChain\.xml|metadata\.xml)$/i.test(name) || /^xl\/worksheets\/(_rels\/)?[^/]+\.(xml|rels)$/i.test(name) || /^xl\/tables\/[^/]+\.xml$/i.test(name);
}
var mb = (n) => (n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
var refuse = (zh, en) => ({ ok: false, zh, en });
var NOT_ZIP = refuse("\u4E0D\u662F .xlsx \u5DE5\u4F5C\u7C3F\uFF08\u6587\u4EF6\u4E0D\u662F zip \u5BB9\u5668\uFF0C\u6216\u5DF2\u635F\u574F\u3001\u88AB\u622A\u65AD\uFF09", "not an .xlsx workbook (the file is not a zip container, or it is damaged or truncated)");
function checkZip(input, limits = DEFAULT_LIMITS, needed = isReadPart) {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 101010256) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return NOT_ZIP;
  let count = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (count === 65535 || dirSize === 4294967295 || dirOffset === 4294967295) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== 117853008) return NOT_ZIP;
    const rec = Number(view.getBigUint64(loc + 8, true));
    if (rec + 56 > n || view.getUint32(rec, true) !== 101075792) return NOT_ZIP;
    count = Number(view.getBigUint64(rec + 32, true));
    dirSize = Number(view.getBigUint64(rec + 40, true));
    dirOffset = Number(view.getBigUint64(rec + 48, true));
  }
  if (count > limits.maxEntries) {
    return refuse(`\u6587\u4EF6\u542B ${count} \u4E2A\u90E8\u4EF6\uFF0C\u8D85\u8FC7\u4E0A\u9650 ${limits.maxEntries}\uFF08\u767B\u8BB0\u8868\u7528\u4E0D\u5230\u8FD9\u4E48\u591A\uFF1B\u53EF\u80FD\u662F\u6784\u9020\u7684\u538B\u7F29\u70B8\u5F39\uFF09`, `the file holds ${count} parts, over the limit of ${limits.maxEntries} (no register needs that many; possibly a crafted zip bomb)`);
  }
  if (dirOffset + dirSize > n) return NOT_ZIP;
  const entries = [];
  const decoder = new TextDecoder();
  let total = 0;
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || view.getUint32(p, true) !== 33639248) return NOT_ZIP;
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > n) return NOT_ZIP;
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        if (uncompressedSize === 4294967295 && q + 8 <= e + 4 + size) {
          uncompressedSize = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (compressedSize === 4294967295 && q + 8 <= e + 4 + size) compressedSize = Number(view.getBigUint64(q, true));
      }
      e += 4 + size;
    }
    entries.push({ name, compressedSize, uncompressedSize, method });
    if (needed(name)) {
      if (method !== 0 && method !== 8) {
        return refuse(`\u90E8\u4EF6 ${name} \u4F7F\u7528\u4E86\u4E0D\u652F\u6301\u7684\u538B\u7F29\u65B9\u5F0F\uFF08${method}\uFF09`, `the part ${name} uses an unsupported compression method (${method})`);
      }
      if (uncompressedSize > limits.maxBytes) {
        return refuse(
          `\u90E8\u4EF6 ${name} \u89E3\u538B\u540E\u6709 ${mb(uncompressedSize)} MB\uFF0C\u8D85\u8FC7\u4E0A\u9650 ${mb(limits.maxBytes)} MB\uFF08\u53EF\u7528 --max-mb \u8C03\u9AD8\uFF09`,
          `the part ${name} is ${mb(uncompressedSize)} MB uncompressed, over the limit of ${mb(limits.maxBytes)} MB (raise it with --max-mb)`
        );
      }
      total += uncompressedSize;
    }
    p += 46 + nameLength + extraLength + commentLength;
  }
  if (total > limits.maxBytes) {
    return refuse(
      `\u5DE5\u4F5C\u7C3F\u9700\u8BFB\u53D6\u7684\u90E8\u4EF6\u89E3\u538B\u540E\u5171 ${mb(total)} MB\uFF0C\u8D85\u8FC7\u4E0A\u9650 ${mb(limits.maxBytes)} MB\uFF08\u53EF\u7528 --max-mb \u8C03\u9AD8\uFF09`,
      `the parts to read are ${mb(total)} MB uncompressed in total, over the limit of ${mb(limits.maxBytes)} MB (raise it with --max-mb)`
    );
  }
  return { ok: true, entries };
}
function tooManyCells(sheet, limit) {
  return refuse(
    `\u5DE5\u4F5C\u8868 ${sheet} \u7684\u5355\u5143\u683C\u8D85\u8FC7\u4E0A\u9650 ${limit.toLocaleString("en-US")} \u4E2A\uFF08\u53EF\u7528 --max-cells \u8C03\u9AD8\uFF09`,
    `the sheet ${sheet} holds more than ${limit.toLocaleString("en-US")} cells, the limit (raise it with --max-cells)`
  );
}
var FileRefused = class extends Error {
  constructor(zh, en) {
    super(en);
    this.zh = zh;
    this.en = en;
    this.name = "FileRefused";
  }
};

// src/portable/xlsx.ts
var SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
var SHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
var CALCCHAIN_PATH = "xl/calcChain.xml";
var attrPatterns = /* @__PURE__ */ new Map();
function attr(tag, name) {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, re = new RegExp(`\\s${name}="([^"]*)"`));
  const m = re.exec(tag);
  return m ? xmlUnescape(m[1]) : null;
}
function setAttr(tag, name, value) {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  if (value === null) return tag.replace(re, "");
  if (re.test(tag)) return tag.replace(re, ` ${name}="${xmlEscape(value)}"`);
  return tag.replace(/^<c\b/, `<c ${name}="${xmlEscape(value)}"`);
}
var CELL_RE = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
function cellsOf(sheetXml) {
  const out = [];
  for (const m of sheetXml.matchAll(CELL_RE)) {
    const open = /^<c\b[^>]*>/.exec(m[0])[0];
    out.push({ ref: attr(open, "r") ?? "", xml: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
function formulaElement(cellXml) {
  const m = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(cellXml);
  return m ? { tag: m[1], text: m[2] === void 0 ? null : xmlUnescape(m[2]), whole: m[0] } : null;
}
var openTag = (cellXml) => /^<c\b[^>]*?(\/?)>/.exec(cellXml)[0].replace(/\/>$/, ">");
function splitRef(ref) {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  return { col: colNumber(m[1]), row: Number(m[2]) };
}
var textCell = (ref, text2) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text2)}</t></is></c>`;
function sheetXmlOf(rows, hiddenColumns = false) {
  const body = rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => textCell(`${colLetters(c + 1)}${r + 1}`, v)).join("")}</row>`).join("");
  const cols = hiddenColumns ? "" : '<cols><col min="1" max="1" width="18" customWidth="1"/><col min="2" max="4" width="14" customWidth="1"/><col min="5" max="5" width="90" customWidth="1"/></cols>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols}<sheetData>${body}</sheetData></worksheet>`;
}
function readTexts(sheetXml, shared) {
  const out = /* @__PURE__ */ new Map();
  for (const c of cellsOf(sheetXml)) {
    const t = attr(openTag(c.xml), "t");
    if (t === "s") {
      const v = /<v>([^<]*)<\/v>/.exec(c.xml);
      if (v) out.set(c.ref, shared[Number(v[1])] ?? "");
    } else if (t === "inlineStr") {
      out.set(c.ref, [...c.xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => xmlUnescape(m[1])).join(""));
    } else if (t === "str") {
      const v = /<v>([\s\S]*?)<\/v>/.exec(c.xml);
      if (v) out.set(c.ref, xmlUnescape(v[1]));
    }
  }
  return out;
}
function sharedStrings(xml) {
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (si) => [...si[1].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => xmlUnescape(m[1])).join("")
  );
}
function put(zip, path, xml) {
  const data = new TextEncoder().encode(xml);
  zip.file(path, data);
  changesOf(zip).set(path, data);
}
function drop(zip, path) {
  zip.remove(path);
  changesOf(zip).set(path, null);
}
var changes = /* @__PURE__ */ new WeakMap();
function changesOf(zip) {
  let m = changes.get(zip);
  if (!m) changes.set(zip, m = /* @__PURE__ */ new Map());
  return m;
}
async function pack(zip, input, packer) {
  if (packer) {
    const out = repack(input instanceof Uint8Array ? input : new Uint8Array(input), changesOf(zip), packer);
    if (out) return out;
  }
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}
var inflateCaps = /* @__PURE__ */ new WeakMap();
var capsOf = (limits, entries) => ({ max: limits.maxBytes, declared: new Map(entries.map((e) => [e.name, e.uncompressedSize])) });
function text(zip, path) {
  const f = zip.file(path);
  if (!f) return Promise.resolve(null);
  const caps = inflateCaps.get(zip);
  const cap = Math.min(caps?.max ?? DEFAULT_LIMITS.maxBytes, caps?.declared.get(path) ?? Infinity);
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let done = false;
    const stream = f.internalStream("uint8array");
    stream.on("data", (chunk) => {
      if (done) return;
      size += chunk.length;
      if (size > cap) {
        done = true;
        stream.pause();
        reject(new FileRefused(`\u90E8\u4EF6 ${path} \u89E3\u538B\u540E\u8D85\u51FA\u6587\u4EF6\u5934\u6240\u5199\u7684 ${cap} \u5B57\u8282\uFF08\u6587\u4EF6\u5DF2\u635F\u574F\uFF0C\u6216\u662F\u6784\u9020\u7684\u538B\u7F29\u70B8\u5F39\uFF09`, `the part ${path} inflates past the ${cap} bytes its header declares (a damaged file or a crafted zip bomb)`));
        return;
      }
      chunks.push(chunk);
    }).on("error", (e) => {
      done = true;
      reject(e);
    }).on("end", () => {
      if (done) return;
      done = true;
      const all = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        all.set(c, at);
        at += c.length;
      }
      chunks.length = 0;
      resolve(new TextDecoder().decode(all));
    }).resume();
  });
}
function resolveTarget(target) {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl", ...target.split("/")];
  const out = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}
function sheetsOf(workbook, rels) {
  const targets = /* @__PURE__ */ new Map();
  for (const m of rels.matchAll(/<Relationship\b[^>]*\/?>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, resolveTarget(target));
  }
  return [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => {
    const rid = /\sr:id="([^"]*)"/.exec(m[0])?.[1] ?? attr(m[0], "[a-zA-Z0-9]+:id") ?? "";
    return { name: attr(m[0], "name") ?? "", rid, path: targets.get(rid) ?? "", element: m[0] };
  });
}
function outgrows(size, limits) {
  const mb2 = (n) => Math.ceil(n / 1048576);
  return new FileRefused(
    `\u8F6C\u6362\u540E\u7684\u5DE5\u4F5C\u7C3F\u5C06\u8D85\u8FC7 ${mb2(limits.maxBytes)} MB \u7684\u4E0A\u9650\uFF08\u5DF2\u8D85\u8FC7 ${mb2(size)} MB\uFF1A\u6BCF\u4E2A\u901A\u7528\u516C\u5F0F\u7EA6 5000 \u4E2A\u5B57\u7B26\uFF0C\u539F\u516C\u5F0F\u53E6\u5B58\u4E00\u4EFD\uFF09\uFF1B\u53EF\u7528 --max-mb \u8C03\u9AD8\uFF0C\u6216\u628A\u53F0\u8D26\u5206\u6210\u51E0\u4E2A\u6587\u4EF6\u8F6C\u6362`,
    `the portable workbook would pass the limit of ${mb2(limits.maxBytes)} MB (already over ${mb2(size)} MB: each native formula is about 5,000 characters, and the record keeps the original too); raise it with --max-mb, or convert the register in several files`
  );
}
async function makePortable(bytes, JSZipImpl, limits = DEFAULT_LIMITS, packer) {
  const guard = checkZip(bytes, limits);
  if (!guard.ok) throw new FileRefused(guard.zh, guard.en);
  const zip = await JSZipImpl.loadAsync(bytes);
  inflateCaps.set(zip, capsOf(limits, guard.entries));
  const workbookPath = "xl/workbook.xml";
  const relsPath = "xl/_rels/workbook.xml.rels";
  let workbook = await text(zip, workbookPath);
  let rels = await text(zip, relsPath);
  if (!workbook || !rels) throw new Error("not an .xlsx workbook (xl/workbook.xml missing)");
  const sheets = sheetsOf(workbook, rels);
  const report = { converted: [], skipped: [], alreadyPortable: sheets.some((s) => s.name === RECORD_SHEET) };
  if (report.alreadyPortable) return { bytes: await pack(zip, bytes, packer), report };
  const record = [];
  const inputSize = guard.entries.filter((e) => isReadPart(e.name)).reduce((n2, e) => n2 + e.uncompressedSize, 0);
  let grown = 0;
  for (const sheet of sheets) {
    const xml = await text(zip, sheet.path);
    if (!xml || !/JY/i.test(xml)) continue;
    const cells = cellsOf(xml);
    if (cells.length > limits.maxCells) {
      const t = tooManyCells(sheet.name, limits.maxCells);
      throw new FileRefused(t.zh, t.en);
    }
    const byRef = new Map(cells.map((c) => [c.ref, c]));
    const masters = /* @__PURE__ */ new Map();
    for (const c of cells) {
      const f = formulaElement(c.xml);
      if (f && attr(f.tag, "t") === "shared" && f.text !== null) masters.set(attr(f.tag, "si") ?? "", { text: f.text, ref: c.ref });
    }
    const replacements = [];
    for (const c of cells) {
      const f = formulaElement(c.xml);
      if (!f) continue;
      let formula = f.text;
      if (formula === null || formula === "") {
        const master = masters.get(attr(f.tag, "si") ?? "");
        if (!master) continue;
        const a = splitRef(master.ref);
        const b = splitRef(c.ref);
        formula = shiftFormula(master.text, b.row - a.row, b.col - a.col);
      }
      if (!callsJy(formula)) continue;
      const arrayRef = attr(f.tag, "t") === "array" ? attr(f.tag, "ref") : null;
      const spill = arrayRef ? /^([A-Z]+\d+)(?::([A-Z]+\d+))?$/.exec(arrayRef) : null;
      if (spill && spill[2] && splitRef(spill[1]).row !== splitRef(spill[2]).row && /FUNDING/i.test(formula)) {
        report.skipped.push({ sheet: sheet.name, cell: c.ref, formula, zh: "JY.FUNDING \u7684\u7ED3\u679C\u4E0D\u662F\u4E00\u884C", en: "a JY.FUNDING result that is not one row" });
        continue;
      }
      let result;
      try {
        result = translate(formula, 0);
      } catch (e) {
        if (!(e instanceof NotPortable)) throw e;
        report.skipped.push({ sheet: sheet.name, cell: c.ref, formula, zh: e.zh, en: e.en });
        continue;
      }
      if (result.kind === "unchanged") continue;
      const tag = openTag(c.xml);
      if (result.kind === "freeze") {
        const frozen = frozenCell(c.xml, tag);
        replacements.push({ start: c.start, end: c.end, xml: frozen });
        record.push({ sheet: sheet.name, cell: c.ref, kind: "frozen", formula, original: c.xml, portable: frozen });
        report.converted.push({ sheet: sheet.name, cell: c.ref, kind: "frozen", formula, portable: "" });
        continue;
      }
      const spillCells = spill && spill[2] && /FUNDING/i.test(formula) ? spillRow(spill[1], spill[2]) : [c.ref];
      const nativeCells = [];
      try {
        const conversion = convertFormula(formula, spillCells.length);
        if (conversion.kind !== "native") throw new NotPortable("\u65E0\u6CD5\u8F6C\u6362", "cannot convert");
        conversion.formulas.forEach((f2, k) => nativeCells.push({ ref: spillCells[k], formula: f2 }));
      } catch (e) {
        if (!(e instanceof NotPortable)) throw e;
        report.skipped.push({ sheet: sheet.name, cell: c.ref, formula, zh: e.zh, en: e.en });
        continue;
      }
      for (const nc of nativeCells) {
        const target = nc.ref === c.ref ? c : byRef.get(nc.ref);
        if (!target) continue;
        const originalXml = target ? target.xml : `<c r="${nc.ref}"/>`;
        const base = target ? openTag(target.xml) : `<c r="${nc.ref}">`;
        const value = target ? valueOf(target.xml) : "";
        let open = setAttr(setAttr(base, "cm", null), "vm", null);
        const t = attr(open, "t");
        if (t && t !== "e" && t !== "n") open = setAttr(open, "t", null);
        const portable = `${open}<f t="array" ref="${nc.ref}">${xmlEscape(nc.formula)}</f>${t === "e" || !t || t === "n" ? value : ""}</c>`;
        replacements.push({ start: target.start, end: target.end, xml: portable });
        record.push({ sheet: sheet.name, cell: nc.ref, kind: nc.ref === c.ref ? "native" : "spill", formula, original: originalXml, portable });
        grown += portable.length - target.xml.length + 1.3 * (originalXml.length + portable.length + formula.length);
        if (grown + inputSize > limits.maxBytes) throw outgrows(grown + inputSize, limits);
        report.converted.push({ sheet: sheet.name, cell: nc.ref, kind: "native", formula, portable: nc.formula });
      }
    }
    if (replacements.length === 0) continue;
    put(zip, sheet.path, splice(xml, replacements));
  }
  await convertCalculatedColumns(zip, sheets, record, report);
  if (record.length === 0) return { bytes: await pack(zip, bytes, packer), report };
  let calcChain = null;
  let contentTypes = await text(zip, "[Content_Types].xml");
  if (record.some((r) => r.kind === "frozen") && zip.file(CALCCHAIN_PATH)) {
    calcChain = await text(zip, CALCCHAIN_PATH);
    drop(zip, CALCCHAIN_PATH);
    const rel = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].find((m) => /calcChain/.test(m[0]));
    if (rel) rels = rels.replace(rel[0], "");
    contentTypes = contentTypes.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, "");
  }
  const rows = recordSheetRows(record, calcChain);
  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
  const NOTE_PATH = `xl/worksheets/sheet${n}.xml`;
  const RECORD_PATH = `xl/worksheets/sheet${n + 1}.xml`;
  put(zip, RECORD_PATH, sheetXmlOf(rows, true));
  put(zip, NOTE_PATH, sheetXmlOf(noteRows(report)));
  const maxId = Math.max(0, ...sheets.map((s) => Number(attr(s.element, "sheetId")) || 0));
  const ridBase = Math.max(0, ...[...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1])));
  const added = `<sheet name="${NOTE_SHEET}" sheetId="${maxId + 1}" r:id="rId${ridBase + 1}"/><sheet name="${RECORD_SHEET}" sheetId="${maxId + 2}" state="veryHidden" r:id="rId${ridBase + 2}"/>`;
  workbook = workbook.replace("</sheets>", added + "</sheets>");
  rels = rels.replace(
    "</Relationships>",
    `<Relationship Id="rId${ridBase + 1}" Type="${SHEET_REL}" Target="${NOTE_PATH.slice(3)}"/><Relationship Id="rId${ridBase + 2}" Type="${SHEET_REL}" Target="${RECORD_PATH.slice(3)}"/></Relationships>`
  );
  contentTypes = contentTypes.replace(
    "</Types>",
    `<Override PartName="/${NOTE_PATH}" ContentType="${SHEET_CT}"/><Override PartName="/${RECORD_PATH}" ContentType="${SHEET_CT}"/></Types>`
  );
  const names = definedNames().map((d) => `<definedName name="${d.name}" hidden="1">${xmlEscape(d.formula)}</definedName>`).join("");
  if (/<definedNames\s*\/>/.test(workbook)) workbook = workbook.replace(/<definedNames\s*\/>/, `<definedNames>${names}</definedNames>`);
  else if (workbook.includes("</definedNames>")) workbook = workbook.replace("</definedNames>", names + "</definedNames>");
  else {
    const after = ["</externalReferences>", "</functionGroups>", "</sheets>"].find((t) => workbook.includes(t));
    workbook = workbook.replace(after, `${after}<definedNames>${names}</definedNames>`);
  }
  put(zip, workbookPath, workbook);
  put(zip, relsPath, rels);
  put(zip, "[Content_Types].xml", contentTypes);
  return { bytes: await pack(zip, bytes, packer), report };
}
async function tableParts(zip, sheets) {
  const out = [];
  for (const sheet of sheets) {
    const slash = sheet.path.lastIndexOf("/");
    const rels = await text(zip, `${sheet.path.slice(0, slash)}/_rels/${sheet.path.slice(slash + 1)}.rels`);
    if (!rels) continue;
    for (const m of rels.matchAll(/<Relationship\b[^>]*\/?>/g)) {
      if (!/\/table"/.test(m[0])) continue;
      const target = attr(m[0], "Target") ?? "";
      const path = target.startsWith("/") ? target.slice(1) : resolveTarget(`${sheet.path.slice(3, slash)}/${target}`);
      const xml = await text(zip, path);
      const open = xml ? /<table\b[^>]*>/.exec(xml) : null;
      if (xml && open) out.push({ path, xml, name: attr(open[0], "displayName") ?? attr(open[0], "name") ?? "", sheet: sheet.name });
    }
  }
  return out;
}
function calculatedColumns(tableXml) {
  const out = [];
  for (const m of tableXml.matchAll(/(<tableColumn\b[^>]*[^/]>)([\s\S]*?)<\/tableColumn>/g)) {
    const f = /<calculatedColumnFormula\b[^>]*?(?:\/>|>([\s\S]*?)<\/calculatedColumnFormula>)/.exec(m[2]);
    if (!f) continue;
    const start = m.index + m[1].length + f.index;
    out.push({ column: attr(m[1], "name") ?? "", formula: xmlUnescape(f[1] ?? ""), element: f[0], start, end: start + f[0].length });
  }
  return out;
}
async function convertCalculatedColumns(zip, sheets, record, report) {
  for (const table of await tableParts(zip, sheets)) {
    if (!/JY/i.test(table.xml)) continue;
    const edits = [];
    for (const c of calculatedColumns(table.xml)) {
      if (!callsJy(c.formula)) continue;
      const cell = `${table.name}[${c.column}]`;
      let portable;
      let kind;
      let native = "";
      try {
        const calls = findCalls(c.formula);
        if (calls.some((k) => k.fn === "FUNDING" && k.start === 0 && k.end === c.formula.trim().length)) {
          throw new NotPortable("\u8868\u683C\u8BA1\u7B97\u5217\u4E2D\u7684 JY.FUNDING \u4E0D\u80FD\u6A2A\u5411\u5C55\u5F00\uFF08#SPILL!\uFF09", "a JY.FUNDING calculated column cannot spill inside a table (#SPILL!)");
        }
        const conversion = convertFormula(c.formula, 1);
        if (conversion.kind === "unchanged") continue;
        if (conversion.kind === "freeze") {
          kind = "frozen";
          portable = "";
        } else {
          kind = "native";
          native = conversion.formulas[0];
          const open = /^<calculatedColumnFormula\b[^>]*?(?=\/?>)/.exec(c.element)[0].replace(/\sarray="[^"]*"/, "");
          portable = `${open} array="1">${xmlEscape(native)}</calculatedColumnFormula>`;
        }
      } catch (e) {
        if (!(e instanceof NotPortable)) throw e;
        report.skipped.push({ sheet: table.sheet, cell, formula: c.formula, zh: e.zh, en: e.en });
        continue;
      }
      edits.push({ start: c.start, end: c.end, xml: portable });
      record.push({ sheet: table.sheet, cell, kind: CALCULATED_COLUMN, formula: c.formula, original: c.element, portable });
      (report.columns ??= []).push({ sheet: table.sheet, table: table.name, column: c.column, kind, formula: c.formula, portable: native });
    }
    if (edits.length > 0) put(zip, table.path, splice(table.xml, edits));
  }
}
async function restoreCalculatedColumns(zip, sheets, rows, report) {
  if (rows.length === 0) return;
  const tables = await tableParts(zip, sheets);
  const edited = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const bracket = r.cell.indexOf("[");
    const [tableName, column] = [r.cell.slice(0, bracket), r.cell.slice(bracket + 1, -1)];
    const table = tables.find((t) => t.name === tableName);
    const part = table ? edited.get(table.path) ?? table : null;
    const m = part ? [...part.xml.matchAll(/(<tableColumn\b[^>]*?)(\/?)>/g)].find((x) => attr(x[1], "name") === column) : void 0;
    if (!part || !m) {
      report.missing.push({ sheet: r.sheet, cell: r.cell });
      continue;
    }
    const at = m.index + m[0].length;
    let xml;
    if (m[2] === "/") xml = `${part.xml.slice(0, m.index)}${m[1]}>${r.original}</tableColumn>${part.xml.slice(at)}`;
    else {
      const now = /^<calculatedColumnFormula\b[^>]*?(?:\/>|>[\s\S]*?<\/calculatedColumnFormula>)/.exec(part.xml.slice(at))?.[0] ?? "";
      if (now !== r.portable) report.edited.push({ sheet: r.sheet, cell: r.cell });
      xml = part.xml.slice(0, at) + r.original + part.xml.slice(at + now.length);
    }
    edited.set(part.path, { ...part, xml });
    report.restored.push({ sheet: r.sheet, cell: r.cell });
  }
  for (const part of edited.values()) put(zip, part.path, part.xml);
}
function splice(xml, edits) {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out.push(xml.slice(at, e.start), e.xml);
    at = e.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}
function valueOf(cellXml) {
  return /<v>[\s\S]*?<\/v>/.exec(cellXml)?.[0] ?? "";
}
function frozenCell(cellXml, tag) {
  const t = attr(tag, "t");
  let open = setAttr(setAttr(tag, "cm", null), "vm", null);
  const v = /<v>([\s\S]*?)<\/v>/.exec(cellXml);
  if (t === "str") {
    open = setAttr(open, "t", "inlineStr");
    return `${open}<is><t xml:space="preserve">${v ? v[1] : ""}</t></is></c>`;
  }
  return `${open}${v ? v[0] : ""}</c>`;
}
function spillRow(first, last) {
  const a = splitRef(first);
  const b = splitRef(last);
  const out = [];
  for (let c = a.col; c <= b.col; c++) out.push(`${colLetters(c)}${a.row}`);
  return out;
}
function formulasOf(cells) {
  const masters = /* @__PURE__ */ new Map();
  const out = /* @__PURE__ */ new Map();
  for (const c of cells) {
    const f = formulaElement(c.xml);
    if (f && attr(f.tag, "t") === "shared" && f.text) masters.set(attr(f.tag, "si") ?? "", { text: f.text, ref: c.ref });
  }
  for (const c of cells) {
    const f = formulaElement(c.xml);
    if (!f) continue;
    if (f.text) out.set(c.ref, f.text);
    else {
      const m = masters.get(attr(f.tag, "si") ?? "");
      if (!m) continue;
      const a = splitRef(m.ref);
      const b = splitRef(c.ref);
      out.set(c.ref, shiftFormula(m.text, b.row - a.row, b.col - a.col));
    }
  }
  return out;
}
function cellValue(cellXml, shared) {
  const t = attr(openTag(cellXml), "t");
  if (t === "s") {
    const v2 = /<v>([^<]*)<\/v>/.exec(cellXml);
    return v2 ? shared[Number(v2[1])] ?? "" : "";
  }
  if (t === "inlineStr") return [...cellXml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => xmlUnescape(m[1])).join("");
  const v = /<v>([\s\S]*?)<\/v>/.exec(cellXml);
  if (!v) return "";
  const text2 = xmlUnescape(v[1]);
  return t === "str" || t === "e" || t === "b" || Number.isNaN(Number(text2)) ? text2 : String(Number(text2));
}
async function restore(bytes, JSZipImpl, limits = DEFAULT_LIMITS, packer) {
  const guard = checkZip(bytes, limits);
  if (!guard.ok) throw new FileRefused(guard.zh, guard.en);
  const unchanged = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const zip = await JSZipImpl.loadAsync(bytes);
  inflateCaps.set(zip, capsOf(limits, guard.entries));
  const workbookPath = "xl/workbook.xml";
  const relsPath = "xl/_rels/workbook.xml.rels";
  let workbook = await text(zip, workbookPath);
  let rels = await text(zip, relsPath);
  if (!workbook || !rels) throw new FileRefused("\u4E0D\u662F .xlsx \u5DE5\u4F5C\u7C3F\uFF08\u7F3A\u5C11 xl/workbook.xml\uFF09", "not an .xlsx workbook (xl/workbook.xml missing)");
  let contentTypes = await text(zip, "[Content_Types].xml") ?? "";
  const sheets = sheetsOf(workbook, rels);
  const report = { restored: [], edited: [], missing: [], moved: [], refused: [], damaged: [], wasPortable: false };
  const recordSheet = sheets.find((s) => s.name === RECORD_SHEET);
  if (!recordSheet) return { bytes: unchanged, report };
  report.wasPortable = true;
  const shared = sharedStrings(await text(zip, "xl/sharedStrings.xml"));
  const recordXml = await text(zip, recordSheet.path) ?? "";
  const texts = readTexts(recordXml, shared);
  const lastRow = Math.max(0, ...[...texts.keys()].map((ref) => /^[A-Z]+\d+$/.test(ref) ? splitRef(ref).row : 0));
  let parsed;
  try {
    parsed = parseRecord((ref) => {
      const v = texts.get(ref);
      return v === "" ? void 0 : v;
    }, lastRow);
  } catch {
    report.damaged.push({ sheet: RECORD_SHEET, cell: "A1", zh: `\u8BB0\u5F55\u635F\u574F\uFF1A${RECORD_SHEET} \u4E0D\u662F\u672C\u7248\u672C\u80FD\u8BFB\u53D6\u7684\u8BB0\u5F55`, en: `damaged record: ${RECORD_SHEET} is not a record this version can read` });
    return { bytes: unchanged, report };
  }
  report.damaged = checkRecord(parsed);
  if (report.damaged.length > 0) return { bytes: unchanged, report };
  const { rows, calcChain } = parsed;
  const hasMetadata = !!zip.file("xl/metadata.xml");
  const left = [];
  await restoreCalculatedColumns(zip, sheets, rows.filter((r) => r.kind === CALCULATED_COLUMN), report);
  const bySheet = /* @__PURE__ */ new Map();
  for (const row of rows.filter((r) => r.kind !== CALCULATED_COLUMN)) bySheet.set(row.sheet, [...bySheet.get(row.sheet) ?? [], row]);
  for (const [name, list] of bySheet) {
    const sheet = sheets.find((s) => s.name === name);
    const xml = sheet ? await text(zip, sheet.path) : null;
    if (!sheet || !xml) {
      for (const r of list) {
        report.missing.push({ sheet: r.sheet, cell: r.cell });
        report.refused.push(notAsConverted(r.sheet, r.cell, "missing"));
        left.push(r);
      }
      continue;
    }
    const cellList = cellsOf(xml);
    if (cellList.length > limits.maxCells) {
      const t = tooManyCells(name, limits.maxCells);
      throw new FileRefused(t.zh, t.en);
    }
    const cells = new Map(cellList.map((c) => [c.ref, c]));
    const wanted = list.map((r) => {
      const p = splitRef(r.cell);
      return { row: p.row, col: p.col, formula: formulaElement(r.portable)?.text ?? null };
    });
    const shifts = locate(wanted, formulasOf(cellList), (w, ref) => {
      const now = cells.get(ref);
      const r = list[wanted.indexOf(w)];
      return cellValue(now ? now.xml : `<c r="${ref}"/>`, shared) === cellValue(r.portable, []);
    });
    const edits = [];
    list.forEach((r, i) => {
      const s = shifts[i];
      const ref = s ? colLetters(wanted[i].col + s.dc) + (wanted[i].row + s.dr) : r.cell;
      const current = s ? cells.get(ref) : void 0;
      if (!s || !current && wanted[i].formula !== null) {
        const gone = !s && wanted[i].formula !== null && !cells.has(r.cell);
        if (gone) report.missing.push({ sheet: r.sheet, cell: r.cell });
        report.refused.push(notAsConverted(r.sheet, r.cell, gone ? "missing" : "edited"));
        left.push(r);
        return;
      }
      const moved = s.dr !== 0 || s.dc !== 0;
      const row = moved ? { ...r, cell: ref, formula: r.formula && shiftFormula(r.formula, s.dr, s.dc), original: shiftCellXml(r.original, s.dr, s.dc, xmlEscape), portable: shiftCellXml(r.portable, s.dr, s.dc, xmlEscape) } : r;
      if (moved) report.moved.push({ sheet: r.sheet, cell: r.cell, now: ref });
      if (!current) {
        if (/<f\b|<v>|<is>/.test(row.original)) left.push(r);
        else report.restored.push({ sheet: r.sheet, cell: ref });
        return;
      }
      const back = current.xml === row.portable ? row.original : reopened(row, current.xml, hasMetadata);
      edits.push({ start: current.start, end: current.end, xml: back });
      report.restored.push({ sheet: r.sheet, cell: ref });
    });
    if (edits.length > 0) put(zip, sheet.path, splice(xml, edits));
  }
  if (left.length > 0) {
    put(zip, recordSheet.path, sheetXmlOf(recordSheetRows(left, calcChain === "" ? null : calcChain), true));
    return { bytes: await pack(zip, bytes, packer), report };
  }
  for (const name of [RECORD_SHEET, NOTE_SHEET]) {
    const s = sheets.find((x) => x.name === name);
    if (!s) continue;
    workbook = workbook.replace(s.element, "");
    const rel = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].find((m) => attr(m[0], "Id") === s.rid);
    if (rel) rels = rels.replace(rel[0], "");
    drop(zip, s.path);
    contentTypes = contentTypes.replace(new RegExp(`<Override\\b[^>]*PartName="/${s.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), "");
  }
  workbook = workbook.replace(/<definedName\b[^>]*name="(_JY_[A-Z0-9]+)"[^>]*>[\s\S]*?<\/definedName>/g, (m, n) => DEFINED_NAME_SET.has(n) ? "" : m);
  workbook = workbook.replace(/<definedNames><\/definedNames>/, "");
  if (calcChain && !zip.file(CALCCHAIN_PATH)) {
    put(zip, CALCCHAIN_PATH, calcChain);
    const id = Math.max(0, ...[...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]))) + 1;
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="rId${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`
    );
    contentTypes = contentTypes.replace(
      "</Types>",
      `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`
    );
  }
  put(zip, workbookPath, workbook);
  put(zip, relsPath, rels);
  put(zip, "[Content_Types].xml", contentTypes);
  return { bytes: await pack(zip, bytes, packer), report };
}
function reopened(r, currentXml, hasMetadata) {
  const original = formulaElement(r.original);
  const open = openTag(currentXml);
  const style = attr(open, "s");
  let tag = openTag(r.original);
  tag = setAttr(tag, "s", style);
  if (!hasMetadata) tag = setAttr(tag, "cm", null);
  if (!original) return r.original.replace(/^<c\b[^>]*?(\/?)>/, (m) => m.endsWith("/>") ? tag.replace(/>$/, "/>") : tag);
  let f;
  if (attr(original.tag, "t") === "shared") f = `<f>${xmlEscape(r.formula)}</f>`;
  else f = original.whole;
  const value = /<v>[\s\S]*?<\/v>/.exec(r.original)?.[0] ?? "";
  return `${tag}${f}${value}</c>`;
}

// src/cli/node-packer.ts
var import_node_zlib = require("node:zlib");
var nodePacker = {
  deflateRaw: (data) => (0, import_node_zlib.deflateRawSync)(data, { level: 6 }),
  crc32: (data) => (0, import_node_zlib.crc32)(data)
};

// .scratch/prof.ts
(async () => {
  const n = Number(process.argv[2]);
  const bytes = (0, import_node_fs.readFileSync)(`/tmp/h13/reg${n}.xlsx`);
  const t0 = Date.now();
  const r = await makePortable(bytes, import_jszip.default, void 0, nodePacker);
  console.log(n, Date.now() - t0, "ms", r.bytes.length, process.memoryUsage().rss >> 20, "MB");
  const b = await restore(r.bytes, import_jszip.default, void 0, nodePacker);
  console.log("restore", Date.now() - t0, "ms", b.bytes.length, b.report.restored.length, b.report.refused.length, process.memoryUsage().rss >> 20, "MB");
  const z1 = await import_jszip.default.loadAsync(bytes), z2 = await import_jszip.default.loadAsync(b.bytes);
  for (const name of Object.keys(z1.files)) if (await z1.file(name).async("string") !== await z2.file(name)?.async("string")) console.log("DIFF", name);
})();
