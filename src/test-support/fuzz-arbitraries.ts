import fc from "fast-check";
import type { Method, Request } from "./route-rules.js";

export interface Call extends Request {
  method: Method;
}

/** Values that have broken servers before: bad text, numbers past every range, wrong types, odd periods. */
const badValue = fc.oneof(
  fc.constantFrom<unknown>(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udc00y",
    "",
    "   ",
    "x".repeat(5_000),
    -1,
    0,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 1,
    true,
    null,
    [],
    {},
    [[[[[]]]]],
    "999912",
    "1899",
    "2024Q9",
    "00000000-0000-4000-8000-000000000000",
    "not-a-uuid",
    "'; drop table users; --",
    "<script>alert(1)</script>",
    "1e400",
    "NaN",
    "١٢٣",
  ),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.integer(),
  fc.double(),
);

const badText = badValue.map((v) => (typeof v === "string" ? v : (JSON.stringify(v) ?? "null")));

/** Raw bodies that are not what the content type promises. */
const rawBodies = fc.constantFrom<Buffer | string>(
  "{",
  '{"a":1e400}',
  "[]",
  "null",
  '"teks"',
  `{"a":${"[".repeat(5_000)}${"]".repeat(5_000)}}`,
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]),
  Buffer.from("PK\u0003\u0004 not really a zip"),
  Buffer.alloc(0),
);

type Mutation = (call: Call) => Call;

function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v, i) => leafPaths(v, [...path, i]))];
  if (value !== null && typeof value === "object") {
    return [path, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]))];
  }
  return [path];
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/** A body whose fields can be reached; an earlier mutation may have made it a bare number or a string. */
const isJsonBody = (body: unknown) => typeof body === "object" && body !== null && !Buffer.isBuffer(body);

/** Near misses of a valid value: the same text with a NUL or a broken half, a number just out of range. */
function nearMisses(original: unknown): unknown[] {
  if (typeof original === "string") {
    return [
      `${original}\u0000`,
      `\ud800${original}`,
      `${original}\udc00x`,
      `${original}${"x".repeat(5_000)}`,
      "",
    ];
  }
  if (typeof original === "number") return [original + 0.5, -original - 1, 1e308, 2 ** 53 + 1, `${original}`];
  return [];
}

/** Replaces, drops or adds one field of a JSON body, at any depth; half the time with a near miss. */
const bodyField: fc.Arbitrary<Mutation> = fc
  .tuple(fc.nat(), fc.nat(), badValue, fc.constantFrom("near", "near", "replace", "drop", "add"))
  .map(([pick, near, value, how]) => (call) => {
    if (!isJsonBody(call.body)) return call;
    const paths = leafPaths(call.body);
    const path = paths[pick % paths.length] ?? [];
    if (how === "add")
      return { ...call, body: setAt(call.body, [...path.slice(0, -1), "tambahan"], value, false) };
    if (how === "near") {
      const misses = nearMisses(valueAt(call.body, path));
      if (misses.length > 0)
        return { ...call, body: setAt(call.body, path, misses[near % misses.length], false) };
    }
    return { ...call, body: setAt(call.body, path, value, how === "drop" && path.length > 0) };
  });

function valueAt(root: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

/** Replaces the whole body with bytes that do not parse, keeping the declared content type. */
const rawBody: fc.Arbitrary<Mutation> = rawBodies.map((raw) => (call) => ({
  ...call,
  body: raw,
  headers: { "content-type": call.headers?.["content-type"] ?? "application/json" },
}));

/** Replaces or drops one query parameter, or adds one. */
const queryValue: fc.Arbitrary<Mutation> = fc
  .tuple(fc.nat(), badText, fc.boolean())
  .map(([pick, value, drop]) => (call) => {
    const [path, search = ""] = call.url.split("?");
    const params = new URLSearchParams(search);
    const keys = [...params.keys()];
    const key = keys.length ? (keys[pick % keys.length] as string) : "q";
    if (drop) params.delete(key);
    else params.set(key, pick % 2 === 0 ? `${params.get(key) ?? ""}\u0000` : value);
    return { ...call, url: `${path}?${params.toString()}` };
  });

/** Replaces one id in the path with something that is not that id. */
const pathSegment: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(), badText).map(([pick, value]) => (call) => {
  const [path = "", search] = call.url.split("?");
  const segments = path.split("/");
  const idAt = segments.map((s, i) => (/^[0-9a-f-]{36}$/.test(s) ? i : -1)).filter((i) => i >= 0);
  if (idAt.length === 0) return call;
  // Byte-wise, because encodeURIComponent throws on a lone surrogate (a URL carries bytes, not UTF-16).
  segments[idAt[pick % idAt.length] as number] = [...Buffer.from(value)]
    .map((b) => `%${b.toString(16).padStart(2, "0")}`)
    .join("");
  return { ...call, url: `${segments.join("/")}${search ? `?${search}` : ""}` };
});

/** Cuts an uploaded file short or flips bytes in it. */
const upload: fc.Arbitrary<Mutation> = fc
  .tuple(fc.nat(), fc.integer({ min: 0, max: 255 }))
  .map(([pick, byte]) => (call) => {
    if (!Buffer.isBuffer(call.body) || call.body.length === 0) return call;
    const body = Buffer.from(call.body);
    if (pick % 2 === 0) return { ...call, body: body.subarray(0, pick % body.length) };
    body[pick % body.length] = byte;
    return { ...call, body };
  });

/** One to three malformations of a valid request. */
export function badRequests(): fc.Arbitrary<Mutation> {
  const one = fc.oneof(bodyField, rawBody, queryValue, pathSegment, upload);
  return fc
    .array(one, { minLength: 1, maxLength: 3 })
    .map((list) => (call) => list.reduce((c, m) => m(c), call));
}
