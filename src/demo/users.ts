import { hashPassword } from "../auth/passwords.js";
import type { Role } from "../db/schema/index.js";

/**
 * Demo accounts, one per role, loaded only with the demo data (never outside demo mode).
 * They share one password, printed in the README and on the login page of a demo installation.
 */
export const DEMO_PASSWORD = "demo-capaian-2024";

export interface DemoUser {
  username: string;
  fullName: string;
  role: Role;
  /** Code of the org unit the role is held in. */
  orgUnitCode: string;
  /** Pengelola program: limited to the indicators of this program of the demo RAK. */
  program?: string;
}

export const demoUsers: DemoUser[] = [
  {
    username: "admin.metro",
    fullName: "Admin Dinkes Kota Metro (demo)",
    role: "admin_dinas",
    orgUnitCode: "18.72",
  },
  {
    username: "program.metro",
    fullName: "Pengelola Program Kesmas Kota Metro (demo)",
    role: "pengelola_program",
    orgUnitCode: "18.72",
    program: "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
  },
  {
    username: "operator.yosomulyo",
    fullName: "Operator Puskesmas Yosomulyo (demo)",
    role: "operator_fasyankes",
    orgUnitCode: "18.72.01.P2",
  },
  {
    username: "kadis.metro",
    fullName: "Kepala Dinas Kesehatan Kota Metro (demo)",
    role: "pimpinan",
    orgUnitCode: "18.72",
  },
  {
    username: "auditor.metro",
    fullName: "Inspektorat Kota Metro (demo)",
    role: "auditor",
    orgUnitCode: "18.72",
  },
  {
    username: "admin.depok",
    fullName: "Admin Dinkes Kota Depok (demo)",
    role: "admin_dinas",
    orgUnitCode: "32.76",
  },
  {
    username: "operator.beji",
    fullName: "Operator Puskesmas Beji (demo)",
    role: "operator_fasyankes",
    orgUnitCode: "32.76.01.P1",
  },
];

export const demoPasswordHash = () => hashPassword(DEMO_PASSWORD);
