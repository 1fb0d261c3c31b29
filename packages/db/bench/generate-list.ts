import { createWriteStream } from "node:fs";
import { once } from "node:events";

const COUNTRIES = ["VN", "Viet Nam", "CN", "China", "IDN", "Indonesia", "KH", "Cambodia", "BD", "Bangladesh", "IN", "PK", "USA", "United States", "Mexico", "BR"];

/**
 * Writes a facility list of `rows` rows, streamed, like the ones brands publish: every
 * country spelling, quoted names with commas, sectors with `|`, an extra column, about
 * 1% rows repeating an earlier facility and 1% rows that must be rejected. Names are
 * fictional and distinct; sites sit on a 0.02° grid, so no two are within 50 m.
 */
export async function writeFacilityList(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, "drain");
  };
  await write("\uFEFFcountry,name,address,sector,lat,lng,supplier_type\r\n");
  for (let i = 1; i <= rows; i++) {
    if (i % 100 === 50) {
      await write(`Atlantis,Sunken Sole Works ${i},,Footwear,,,Tier 1\r\n`);
      continue;
    }
    const n = i % 100 === 75 ? i - 70 : i; // repeats an earlier row's facility
    const country = COUNTRIES[n % COUNTRIES.length]!;
    const lat = (-40 + (Math.floor(n / 4000) * 0.02)).toFixed(4);
    const lng = (-170 + ((n % 4000) * 0.02)).toFixed(4);
    const pinned = n % 3 !== 0;
    await write(
      `${country},"Fictional Footwear Unit ${n}, Co., Ltd.","No. ${n}, Example Road, Sample District",Footwear${n % 2 ? "|Apparel" : ""},${pinned ? lat : ""},${pinned ? lng : ""},Tier ${1 + (n % 3)}\r\n`,
    );
  }
  out.end();
  await once(out, "finish");
}
