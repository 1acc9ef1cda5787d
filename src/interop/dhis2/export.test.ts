import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { testDatabases } from "../../test-support/databases.js";
import { writeValues } from "./export.js";
import { exportRows } from "./export-rows.js";
import type { Format } from "./read-values.js";
import type { IdScheme } from "./schemas.js";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const [KOTA, UNIT_A, UNIT_B, E1, E2, E3] = [1, 2, 3, 4, 5, 6].map(id) as [
  string,
  string,
  string,
  string,
  string,
  string,
];

/** Names and comments with everything a format escapes: quotes, commas, markup, line ends, tabs, backslashes. */
async function fill(handle: DatabaseHandle) {
  const db = handle.db;
  await db.execute(sql`insert into org_units (id, parent_id, district_id, code, name, type, level, path) values
    (${KOTA}, null, null, 'XK', 'Kota X', 'kabupaten_kota', 2, '/XK/'),
    (${UNIT_A}, ${KOTA}, ${KOTA}, 'XK."A",1', 'Puskesmas "Sehat" & <Sejahtera>, Kota', 'puskesmas', 3, '/XK/XK.A/'),
    (${UNIT_B}, ${KOTA}, ${KOTA}, 'XK.B', 'Puskesmas Biasa', 'puskesmas', 3, '/XK/XK.B/')`);
  await db.execute(sql`insert into data_elements (id, code, name) values
    (${E1}, 'X_E1', 'Kunjungan, "baru"'), (${E2}, 'X\\E2', 'Ibu	hamil'), (${E3}, 'X_E3', 'ünï ✓')`);
  const [set] = (
    (await db.execute(
      sql`insert into data_sets (code, name, period_type) values ('X,DS', 'Formulir X', 'month') returning id`,
    )) as unknown as { rows: Array<{ id: string }> }
  ).rows;
  await db.execute(sql`insert into data_set_elements (data_set_id, data_element_id, position)
    values (${set?.id}, ${E1}, 1), (${set?.id}, ${E2}, 2), (${set?.id}, ${E3}, 3)`);
  await db.execute(sql`insert into periods (code, type, start_date, end_date) values
    ('202401', 'month', '2024-01-01', '2024-01-31'), ('202402', 'month', '2024-02-01', '2024-02-29')
    on conflict do nothing`);
  await db.execute(sql`insert into data_values
      (district_id, org_unit_id, period, data_element_id, value, comment, updated_at) values
    (${KOTA}, ${UNIT_A}, '202401', ${E1}, 5.0000, null, '2024-03-05 06:07:08.123456+00'),
    (${KOTA}, ${UNIT_A}, '202401', ${E2}, 0.5, 'a "quoted", comma', '2024-03-05 06:07:08+00'),
    (${KOTA}, ${UNIT_A}, '202401', ${E3}, -12.25, ${"line\nbreak\ttab\\backslash"}, '2024-03-05 06:07:08.1+07'),
    (${KOTA}, ${UNIT_A}, '202402', ${E1}, 1000000, ${"ünïcode ✓ \u0001 control \r cr"}, '2024-03-05 23:59:59.9999+00'),
    (${KOTA}, ${UNIT_B}, '202401', ${E1}, 0, '', '2024-12-31 23:00:00.5-02'),
    (${KOTA}, ${UNIT_B}, '202402', ${E2}, 12.3400, '<xml> & stuff', '2024-03-05 06:07:08.123456+00')`);
  return set?.id as string;
}

/** JSON and CSV come in no particular order: their values are compared sorted, the rest as is. */
function inOrder(format: Format, text: string) {
  if (format === "csv") {
    // A row ends at a line end outside quotes (an even count of quotes so far).
    const rows: string[] = [];
    let row = "";
    for (const line of text.split("\n")) {
      row = row ? `${row}\n${line}` : line;
      if ((row.split('"').length - 1) % 2 === 0) {
        rows.push(row);
        row = "";
      }
    }
    const [header, ...values] = rows;
    return [header, ...values.sort()].join("\n");
  }
  if (format === "json") {
    const open = text.indexOf("[") + 1;
    const items = text.slice(open, text.lastIndexOf("]")).split(/(?<=\}),(?=\{"dataElement")/);
    return `${text.slice(0, open)}${items.sort().join(",")}${text.slice(text.lastIndexOf("]"))}`;
  }
  return text.replace(/exported="[^"]*"/, 'exported="…"');
}

/** As the export wrote these files before it read COPY's text itself (CSV and JSON sorted, see above). */
const EXPECTED: Record<IdScheme, Record<Format, string>> = {
  CODE: {
    csv: 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup\n\nX\\E2,202401,"XK.""A"",1",default,default,0.5,,2024-03-05T06:07:08.000Z,"a ""quoted"", comma",false\nX\\E2,202402,XK.B,default,default,12.34,,2024-03-05T06:07:08.123Z,<xml> & stuff,false\nX_E1,202401,"XK.""A"",1",default,default,5,,2024-03-05T06:07:08.123Z,,false\nX_E1,202401,XK.B,default,default,0,,2025-01-01T01:00:00.500Z,,false\nX_E1,202402,"XK.""A"",1",default,default,1000000,,2024-03-05T23:59:59.999Z,"ünïcode ✓ \u0001 control \r cr",false\nX_E3,202401,"XK.""A"",1",default,default,-12.25,,2024-03-04T23:07:08.100Z,"line\nbreak\ttab\\backslash",false',
    json: '{"dataSet":"X,DS","dataValues":[{"dataElement":"X\\\\E2","period":"202401","orgUnit":"XK.\\"A\\",1","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"0.5","lastUpdated":"2024-03-05T06:07:08.000Z","comment":"a \\"quoted\\", comma"},{"dataElement":"X\\\\E2","period":"202402","orgUnit":"XK.B","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"12.34","lastUpdated":"2024-03-05T06:07:08.123Z","comment":"<xml> & stuff"},{"dataElement":"X_E1","period":"202401","orgUnit":"XK.B","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"0","lastUpdated":"2025-01-01T01:00:00.500Z"},{"dataElement":"X_E1","period":"202401","orgUnit":"XK.\\"A\\",1","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"5","lastUpdated":"2024-03-05T06:07:08.123Z"},{"dataElement":"X_E1","period":"202402","orgUnit":"XK.\\"A\\",1","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"1000000","lastUpdated":"2024-03-05T23:59:59.999Z","comment":"ünïcode ✓ \\u0001 control \\r cr"},{"dataElement":"X_E3","period":"202401","orgUnit":"XK.\\"A\\",1","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"-12.25","lastUpdated":"2024-03-04T23:07:08.100Z","comment":"line\\nbreak\\ttab\\\\backslash"}]}\n',
    adx: '<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="…">\n  <group orgUnit="XK.&quot;A&quot;,1" period="2024-01-01/P1M" dataSet="X,DS">\n    <dataValue dataElement="X_E1" value="5"/>\n    <dataValue dataElement="X\\E2" value="0.5"/>\n    <dataValue dataElement="X_E3" value="-12.25"/>\n  </group>\n  <group orgUnit="XK.&quot;A&quot;,1" period="2024-02-01/P1M" dataSet="X,DS">\n    <dataValue dataElement="X_E1" value="1000000"/>\n  </group>\n  <group orgUnit="XK.B" period="2024-01-01/P1M" dataSet="X,DS">\n    <dataValue dataElement="X_E1" value="0"/>\n  </group>\n  <group orgUnit="XK.B" period="2024-02-01/P1M" dataSet="X,DS">\n    <dataValue dataElement="X\\E2" value="12.34"/>\n  </group>\n</adx>\n',
  },
  NAME: {
    csv: 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup\n\n"Kunjungan, ""baru""",202401,"Puskesmas ""Sehat"" & <Sejahtera>, Kota",default,default,5,,2024-03-05T06:07:08.123Z,,false\n"Kunjungan, ""baru""",202401,Puskesmas Biasa,default,default,0,,2025-01-01T01:00:00.500Z,,false\n"Kunjungan, ""baru""",202402,"Puskesmas ""Sehat"" & <Sejahtera>, Kota",default,default,1000000,,2024-03-05T23:59:59.999Z,"ünïcode ✓ \u0001 control \r cr",false\nIbu\thamil,202401,"Puskesmas ""Sehat"" & <Sejahtera>, Kota",default,default,0.5,,2024-03-05T06:07:08.000Z,"a ""quoted"", comma",false\nIbu\thamil,202402,Puskesmas Biasa,default,default,12.34,,2024-03-05T06:07:08.123Z,<xml> & stuff,false\nünï ✓,202401,"Puskesmas ""Sehat"" & <Sejahtera>, Kota",default,default,-12.25,,2024-03-04T23:07:08.100Z,"line\nbreak\ttab\\backslash",false',
    json: '{"dataSet":"Formulir X","dataValues":[{"dataElement":"Ibu\\thamil","period":"202401","orgUnit":"Puskesmas \\"Sehat\\" & <Sejahtera>, Kota","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"0.5","lastUpdated":"2024-03-05T06:07:08.000Z","comment":"a \\"quoted\\", comma"},{"dataElement":"Ibu\\thamil","period":"202402","orgUnit":"Puskesmas Biasa","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"12.34","lastUpdated":"2024-03-05T06:07:08.123Z","comment":"<xml> & stuff"},{"dataElement":"Kunjungan, \\"baru\\"","period":"202401","orgUnit":"Puskesmas Biasa","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"0","lastUpdated":"2025-01-01T01:00:00.500Z"},{"dataElement":"Kunjungan, \\"baru\\"","period":"202401","orgUnit":"Puskesmas \\"Sehat\\" & <Sejahtera>, Kota","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"5","lastUpdated":"2024-03-05T06:07:08.123Z"},{"dataElement":"Kunjungan, \\"baru\\"","period":"202402","orgUnit":"Puskesmas \\"Sehat\\" & <Sejahtera>, Kota","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"1000000","lastUpdated":"2024-03-05T23:59:59.999Z","comment":"ünïcode ✓ \\u0001 control \\r cr"},{"dataElement":"ünï ✓","period":"202401","orgUnit":"Puskesmas \\"Sehat\\" & <Sejahtera>, Kota","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"-12.25","lastUpdated":"2024-03-04T23:07:08.100Z","comment":"line\\nbreak\\ttab\\\\backslash"}]}\n',
    adx: '<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="…">\n  <group orgUnit="Puskesmas &quot;Sehat&quot; &amp; &lt;Sejahtera&gt;, Kota" period="2024-01-01/P1M" dataSet="Formulir X">\n    <dataValue dataElement="Kunjungan, &quot;baru&quot;" value="5"/>\n    <dataValue dataElement="Ibu\thamil" value="0.5"/>\n    <dataValue dataElement="ünï ✓" value="-12.25"/>\n  </group>\n  <group orgUnit="Puskesmas &quot;Sehat&quot; &amp; &lt;Sejahtera&gt;, Kota" period="2024-02-01/P1M" dataSet="Formulir X">\n    <dataValue dataElement="Kunjungan, &quot;baru&quot;" value="1000000"/>\n  </group>\n  <group orgUnit="Puskesmas Biasa" period="2024-01-01/P1M" dataSet="Formulir X">\n    <dataValue dataElement="Kunjungan, &quot;baru&quot;" value="0"/>\n  </group>\n  <group orgUnit="Puskesmas Biasa" period="2024-02-01/P1M" dataSet="Formulir X">\n    <dataValue dataElement="Ibu\thamil" value="12.34"/>\n  </group>\n</adx>\n',
  },
  UID: {
    csv: 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup\n\n00000000-0000-4000-8000-000000000004,202401,00000000-0000-4000-8000-000000000002,default,default,5,,2024-03-05T06:07:08.123Z,,false\n00000000-0000-4000-8000-000000000004,202401,00000000-0000-4000-8000-000000000003,default,default,0,,2025-01-01T01:00:00.500Z,,false\n00000000-0000-4000-8000-000000000004,202402,00000000-0000-4000-8000-000000000002,default,default,1000000,,2024-03-05T23:59:59.999Z,"ünïcode ✓ \u0001 control \r cr",false\n00000000-0000-4000-8000-000000000005,202401,00000000-0000-4000-8000-000000000002,default,default,0.5,,2024-03-05T06:07:08.000Z,"a ""quoted"", comma",false\n00000000-0000-4000-8000-000000000005,202402,00000000-0000-4000-8000-000000000003,default,default,12.34,,2024-03-05T06:07:08.123Z,<xml> & stuff,false\n00000000-0000-4000-8000-000000000006,202401,00000000-0000-4000-8000-000000000002,default,default,-12.25,,2024-03-04T23:07:08.100Z,"line\nbreak\ttab\\backslash",false',
    json: '{"dataSet":"X,DS","dataValues":[{"dataElement":"00000000-0000-4000-8000-000000000004","period":"202401","orgUnit":"00000000-0000-4000-8000-000000000002","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"5","lastUpdated":"2024-03-05T06:07:08.123Z"},{"dataElement":"00000000-0000-4000-8000-000000000004","period":"202401","orgUnit":"00000000-0000-4000-8000-000000000003","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"0","lastUpdated":"2025-01-01T01:00:00.500Z"},{"dataElement":"00000000-0000-4000-8000-000000000004","period":"202402","orgUnit":"00000000-0000-4000-8000-000000000002","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"1000000","lastUpdated":"2024-03-05T23:59:59.999Z","comment":"ünïcode ✓ \\u0001 control \\r cr"},{"dataElement":"00000000-0000-4000-8000-000000000005","period":"202401","orgUnit":"00000000-0000-4000-8000-000000000002","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"0.5","lastUpdated":"2024-03-05T06:07:08.000Z","comment":"a \\"quoted\\", comma"},{"dataElement":"00000000-0000-4000-8000-000000000005","period":"202402","orgUnit":"00000000-0000-4000-8000-000000000003","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"12.34","lastUpdated":"2024-03-05T06:07:08.123Z","comment":"<xml> & stuff"},{"dataElement":"00000000-0000-4000-8000-000000000006","period":"202401","orgUnit":"00000000-0000-4000-8000-000000000002","categoryOptionCombo":"default","attributeOptionCombo":"default","value":"-12.25","lastUpdated":"2024-03-04T23:07:08.100Z","comment":"line\\nbreak\\ttab\\\\backslash"}]}\n',
    adx: '<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="…">\n  <group orgUnit="00000000-0000-4000-8000-000000000002" period="2024-01-01/P1M" dataSet="X,DS">\n    <dataValue dataElement="00000000-0000-4000-8000-000000000004" value="5"/>\n    <dataValue dataElement="00000000-0000-4000-8000-000000000005" value="0.5"/>\n    <dataValue dataElement="00000000-0000-4000-8000-000000000006" value="-12.25"/>\n  </group>\n  <group orgUnit="00000000-0000-4000-8000-000000000002" period="2024-02-01/P1M" dataSet="X,DS">\n    <dataValue dataElement="00000000-0000-4000-8000-000000000004" value="1000000"/>\n  </group>\n  <group orgUnit="00000000-0000-4000-8000-000000000003" period="2024-01-01/P1M" dataSet="X,DS">\n    <dataValue dataElement="00000000-0000-4000-8000-000000000004" value="0"/>\n  </group>\n  <group orgUnit="00000000-0000-4000-8000-000000000003" period="2024-02-01/P1M" dataSet="X,DS">\n    <dataValue dataElement="00000000-0000-4000-8000-000000000005" value="12.34"/>\n  </group>\n</adx>\n',
  },
};

describe.each(testDatabases())("DHIS2 export files byte for byte on $name", (target) => {
  let handle: DatabaseHandle;
  let dataSetId: string;
  beforeAll(async () => {
    handle = await target.open();
    dataSetId = await fill(handle);
  });
  afterAll(() => handle.close());

  const exported = async (format: Format, scheme: IdScheme) => {
    const rows = exportRows(
      handle.db,
      { dataSetId, unitPath: "/XK/", children: true, scheme, periodCodes: ["202401", "202402"] },
      format === "adx",
    );
    let text = "";
    for await (const piece of writeValues(format, rows, scheme === "NAME" ? "Formulir X" : "X,DS"))
      text += piece;
    return text;
  };

  for (const scheme of ["CODE", "NAME", "UID"] as const)
    for (const format of ["csv", "json", "adx"] as const)
      it(`writes ${format} with ${scheme} as it always has`, async () => {
        expect(inOrder(format, await exported(format, scheme))).toBe(EXPECTED[scheme][format]);
      });
});
