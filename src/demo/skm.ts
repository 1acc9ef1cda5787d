import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { orgUnits, skmResponses, skmSurveys, spmAdoptions, spmServices } from "../db/schema/index.js";
import { seeded } from "./seeded.js";

/**
 * Per element, how far answers usually sit from a facility's overall level: costs score high (SPM
 * services are free at a puskesmas), waiting time and complaint handling low, as SKM reports often show.
 */
const ELEMENT_OFFSET = [0.05, 0, -0.25, 0.3, 0.05, 0.1, 0.1, -0.25, -0.1];

/**
 * The mean score each demo survey aims at (× 25 is its IKM): mostly B and A, one C, so the screen and
 * the annual report show every band but D. Rows: puskesmas; columns: SPM services 1, 4 and 7.
 */
const SURVEYS: ReadonlyArray<[string, [number, number, number]]> = [
  ["32.76.01.P1", [3.6, 3.4, 3.3]], // Beji
  ["32.76.04.P1", [3.3, 3.2, 3.45]], // Cimanggis
  ["32.76.08.P1", [3.65, 3.55, 3.5]], // Pancoran Mas
  ["32.76.10.P1", [3.25, 3.35, 3.15]], // Sukmajaya
  ["32.76.11.P1", [3.4, 3.1, 2.85]], // Tapos
];
const SERVICE_NUMBERS = [1, 4, 7] as const;

const EDUCATION = ["SD", "SMP", "SMA/SMK", "D3", "S1"];
const OCCUPATION = [
  "Ibu rumah tangga",
  "Wiraswasta",
  "Karyawan swasta",
  "PNS/TNI/Polri",
  "Pelajar/Mahasiswa",
  "Lainnya",
];

/** Who answers for a service: the pregnant woman, the parent of the toddler, the elderly person. */
function respondent(serviceNumber: number, random: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  if (serviceNumber === 1) return { gender: "P" as const, age: 19 + Math.floor(random() * 20) };
  if (serviceNumber === 4)
    return { gender: random() < 0.85 ? ("P" as const) : ("L" as const), age: 21 + Math.floor(random() * 22) };
  return { gender: pick(["L", "P"] as const), age: 60 + Math.floor(random() * 21) };
}

/** One questionnaire around a mean: each score rounds the mean up or down with the matching odds. */
function scoresAround(mean: number, random: () => number): number[] {
  return ELEMENT_OFFSET.map((offset) => {
    const target = Math.min(4, Math.max(1, mean + offset + (random() - 0.5) * 0.6));
    const low = Math.floor(target);
    return Math.min(4, random() < target - low ? low + 1 : low);
  });
}

/** Demo Survei Kepuasan Masyarakat 2019 of Kota Depok: 5 puskesmas × 3 SPM services, 20–40 questionnaires each. */
export async function insertDemoSkm(tx: Tx, depokId: string) {
  const units = await tx
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(
      inArray(
        orgUnits.code,
        SURVEYS.map(([code]) => code),
      ),
    );
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const services = await tx
    .select({ id: spmServices.id, number: spmServices.number })
    .from(spmAdoptions)
    .innerJoin(spmServices, eq(spmServices.versionId, spmAdoptions.versionId))
    .where(and(eq(spmAdoptions.orgUnitId, depokId), eq(spmAdoptions.year, 2019)));
  const serviceId = new Map(services.map((s) => [s.number, s.id]));
  const random = seeded(57_2017);
  for (const [code, means] of SURVEYS) {
    for (const [i, number] of SERVICE_NUMBERS.entries()) {
      const [survey] = await tx
        .insert(skmSurveys)
        .values({
          districtId: depokId,
          orgUnitId: unitId.get(code) as string,
          serviceId: serviceId.get(number) as string,
          period: "2019",
          note: "Data demo (ilustrasi, bukan hasil survei sebenarnya)",
        })
        .returning({ id: skmSurveys.id });
      if (!survey) throw new Error("SKM survey insert returned nothing");
      const respondents = 20 + Math.floor(random() * 21);
      await tx.insert(skmResponses).values(
        Array.from({ length: respondents }, (_, n) => {
          const day = 1 + Math.floor(random() * 28);
          const month = 2 + Math.floor(random() * 10);
          return {
            surveyId: survey.id,
            districtId: depokId,
            respondentNo: n + 1,
            respondedOn: `2019-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
            ...respondent(number, random),
            education: EDUCATION[Math.floor(random() * EDUCATION.length)] as string,
            occupation: OCCUPATION[Math.floor(random() * OCCUPATION.length)] as string,
            scores: scoresAround(means[i] as number, random),
          };
        }),
      );
    }
  }
}
